package referral_test

import (
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/load"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/referral"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/synth"
)

// synthMembers loads n generated members and the links of their site.
func synthMembers(tb testing.TB, n int) (*referral.Links, []*member.Member) {
	tb.Helper()
	c, errs, err := load.Site(synth.Site(n, 1))
	if err != nil || len(errs) > 0 {
		tb.Fatal(err, errs)
	}
	l, err := referral.New(c.Config)
	if err != nil {
		tb.Fatal(err)
	}
	return l, c.Members
}

// BenchmarkPageLinks makes the links of 1,000 generated members as a
// build does: the short introduction of the cards, and all the e-mails of
// the profile page (Page), then each of those alone.
// Run with:
//
//	go test ./cmd/memberdir/internal/referral -run '^$' -bench . -benchmem
func BenchmarkPageLinks(b *testing.B) {
	l, ms := synthMembers(b, 1000)
	const base = "https://netzwerk.example/members/"
	for _, c := range []struct {
		name string
		link func(m *member.Member, profile string)
	}{
		{"RecommendShort", func(m *member.Member, p string) { l.RecommendShort(m, p) }},
		{"Introduction", func(m *member.Member, p string) { l.Introduction(m, p) }},
		{"Page", func(m *member.Member, p string) { l.Page(m, p) }},
		{"AskFirst", func(m *member.Member, p string) { l.AskFirst(m, p) }},
		{"Contact", func(m *member.Member, p string) { l.Contact(m, p) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, m := range ms {
					c.link(m, base+m.Slug+"/")
				}
			}
		})
	}
}
