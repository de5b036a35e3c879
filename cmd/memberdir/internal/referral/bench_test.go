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
	b.Run("RecommendShort", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, m := range ms {
				l.RecommendShort(m, base+m.Slug+"/")
			}
		}
	})
	b.Run("Introduction", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, m := range ms {
				l.Introduction(m, base+m.Slug+"/")
			}
		}
	})
	b.Run("Page", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, m := range ms {
				l.Page(m, base+m.Slug+"/")
			}
		}
	})
	b.Run("AskFirst", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, m := range ms {
				l.AskFirst(m, base+m.Slug+"/")
			}
		}
	})
	b.Run("Contact", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, m := range ms {
				l.Contact(m, base+m.Slug+"/")
			}
		}
	})
}
