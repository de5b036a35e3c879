package render

import (
	"bytes"
	"io/fs"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/load"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/referral"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/synth"
)

// The benchmarks below time the parts of a member's rendering that
// package render itself does, apart from the links package referral
// makes: the card templates, the profile page's template and the
// Markdown of its body, for 1,200 generated members (more than
// MaxPrintQR, as in a large directory). Run with:
//
//	go test ./cmd/memberdir/internal/render -run '^$' -bench 'Cards|ProfileTemplate|Markdown' -benchmem

// benchSite is a render of n generated members with the theme in fsys,
// up to the views and their relations; with cards, the cards too.
func benchSite(b *testing.B, n int, fsys fs.FS, cards bool) *site {
	c, errs, err := load.Site(synth.Site(n, 1))
	if err != nil || len(errs) > 0 {
		b.Fatal(err, errs)
	}
	dir, errs := member.NewDirectory(c.Config, c.Members, c.Pages, false)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	theme := NewTheme(fsys, nil)
	strs, err := theme.Strings(&dir.Config)
	if err != nil {
		b.Fatal(err)
	}
	s := &site{dir: dir, strings: strs, sink: discard{}, assets: map[string]string{}, views: map[*member.Member]*MemberView{}, theme: theme}
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
	s.relate()
	if cards {
		if err := s.renderCards(); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// BenchmarkCards runs the templates renderCards runs for each member.
func BenchmarkCards(b *testing.B) {
	s := benchSite(b, 1200, templatesFS(b), true)
	var buf bytes.Buffer
	for b.Loop() {
		for _, m := range s.dir.Members {
			v := s.views[m]
			for _, name := range []string{"offering-items", "tag-items", "card"} {
				buf.Reset()
				if err := s.tpl["home.html"].ExecuteTemplate(&buf, name, v); err != nil {
					b.Fatal(err)
				}
			}
			buf.Reset()
			if err := s.tpl["print.html"].ExecuteTemplate(&buf, "print-card", v); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkProfileTemplate runs member.html for each member, with the
// header and footer from the chrome as memberFiles does.
func BenchmarkProfileTemplate(b *testing.B) {
	s := benchSite(b, 1200, templatesFS(b), true)
	ms := s.dir.Members
	chrome, err := s.memberChrome()
	if err != nil {
		b.Fatal(err)
	}
	pages := make([]*PageData, len(ms))
	for i, m := range ms {
		p := s.page("member", m.Name, "members/"+m.Slug+"/")
		p.Chrome = chrome
		if p.Member, err = s.pageLinks(s.views[m]); err != nil {
			b.Fatal(err)
		}
		p.Description = m.Mission
		p.Body = Markdown(m.Body, 3, s.data.BasePath)
		pages[i] = p
	}
	var buf bytes.Buffer
	for b.Loop() {
		for _, p := range pages {
			buf.Reset()
			if err := s.executeInto(&buf, "member.html", p); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkMarkdown renders each member's body.
func BenchmarkMarkdown(b *testing.B) {
	s := benchSite(b, 1200, templatesFS(b), true)
	for b.Loop() {
		for _, m := range s.dir.Members {
			Markdown(m.Body, 3, s.data.BasePath)
		}
	}
}
