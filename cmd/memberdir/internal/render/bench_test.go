package render

import (
	"os"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/load"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/referral"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/synth"
)

type discard struct{}

func (discard) Put(string, []byte) error { return nil }

// BenchmarkMemberTemplates renders the cards and the member files
// (profile page, vCard, members.json entry) of a generated directory of
// 2,000 members: the part of a build that runs a template per member.
// Run with:
//
//	go test ./cmd/memberdir/internal/render -run '^$' -bench MemberTemplates -benchmem
//
// MEMBERDIR_BENCH_TEMPLATES names another templates folder to compare.
func BenchmarkMemberTemplates(b *testing.B) {
	c, errs, err := load.Site(synth.Site(2000, 1))
	if err != nil || len(errs) > 0 {
		b.Fatal(err, errs)
	}
	dir, errs := member.NewDirectory(c.Config, c.Members, c.Pages, false)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	theme := NewTheme(templatesFS(b), nil)
	if d := os.Getenv("MEMBERDIR_BENCH_TEMPLATES"); d != "" {
		theme = NewTheme(os.DirFS(d), nil)
	}
	strs, err := theme.Strings(&dir.Config)
	if err != nil {
		b.Fatal(err)
	}
	s := &site{dir: dir, strings: strs, sink: discard{}, assets: map[string]string{}, views: map[*member.Member]*MemberView{}}
	assets, err := theme.assets()
	if err != nil {
		b.Fatal(err)
	}
	for _, a := range assets {
		s.assets[a.Name] = a.Path
	}
	s.data = s.siteData()
	if s.referral, err = referral.New(dir.Config); err != nil {
		b.Fatal(err)
	}
	if s.tpl, err = theme.templates(s.funcs(), strs); err != nil {
		b.Fatal(err)
	}
	if err := s.photos(nil, nil); err != nil {
		b.Fatal(err)
	}
	for _, m := range dir.Members {
		s.views[m] = s.view(m)
	}
	for b.Loop() {
		if err := s.renderCards(); err != nil {
			b.Fatal(err)
		}
		if err := s.memberFiles(); err != nil {
			b.Fatal(err)
		}
		s.pages = s.pages[:0]
	}
}
