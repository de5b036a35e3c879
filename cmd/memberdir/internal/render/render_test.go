package render

import (
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name, in     string
		want, reject []string
	}{
		{"heading shifted below the page's h1", "# Über mich\n\n## Mehr", []string{"<h2>Über mich</h2>", "<h3>Mehr</h3>"}, []string{"<h1>"}},
		{"highest rank becomes h2", "### Kontakt\n\n### Anfahrt", []string{"<h2>Kontakt</h2>", "<h2>Anfahrt</h2>"}, []string{"<h3>"}},
		{"no level skipped", "# A\n\n#### B\n\n###### C\n\n## D", []string{"<h2>A</h2>", "<h3>B</h3>", "<h4>C</h4>", "<h3>D</h3>"}, []string{"<h5>", "<h6>"}},
		{"first heading deep", "#### A\n\n# B", []string{"<h2>A</h2>", "<h2>B</h2>"}, nil},
		{"raw HTML omitted", "<script>alert(1)</script>\n\n<b onclick=x>b</b>", nil, []string{"<script", "<b ", "onclick"}},
		{"javascript link loses its link", "[click](javascript:alert(1))", []string{"click"}, []string{"javascript:", "<a"}},
		{"data and vbscript links lose theirs", "[a](data:text/html,x) [b](VBScript:x)", []string{"a", "b"}, []string{"<a"}},
		{"a scheme written as character references loses its link", "[a](&#106;avascript:alert(1)) [b](javascript&colon;x) [c](&#x6A;avascript:x)", []string{"a", "b", "c"}, []string{"<a"}},
		{"links are user content", "[site](https://example.org)", []string{`<a href="https://example.org" rel="nofollow ugc noopener">site</a>`}, nil},
		{"autolinks too", "see https://example.org now", []string{`rel="nofollow ugc noopener"`}, nil},
		{"remote image becomes a link", "![Logo](https://tracker.example/p.gif)", []string{`<a href="https://tracker.example/p.gif" rel="nofollow ugc noopener">Logo</a>`}, []string{"<img"}},
		{"template braces stay text", "{{ .Site.Title }}", []string{"{{ .Site.Title }}"}, nil},
		{"GFM table", "| a | b |\n|---|---|\n| 1 | 2 |", []string{"<table>", "<td>1</td>"}, nil},
		{"mailto stays", "[mail](mailto:a@example.org)", []string{`href="mailto:a@example.org"`}, nil},
		{"relative link stays", "[p](../other/)", []string{`href="../other/"`}, nil},
		{"footnotes", "Ich bin selbstständig.[^1]\n\n[^1]: Vorher war ich angestellt.", []string{`href="#fn:1"`, `id="fn:1"`, "Vorher war ich angestellt."}, []string{"[^1]"}},
		{"a bare address in any script", "Siehe https://www.müller.de/team und www.пример.рф.", []string{`href="https://www.m%C3%BCller.de/team"`, `>https://www.müller.de/team</a>`, `href="http://www.%D0%BF%D1%80%D0%B8%D0%BC%D0%B5%D1%80.%D1%80%D1%84"`}, []string{`href="https://www.m"`}},
		{"a path on the site gets the base path", "[Mitmachen](/mitmachen/) ![Plan](/plan.pdf) [x](//cdn.example/y)", []string{`href="/verzeichnis/mitmachen/"`, `href="/verzeichnis/plan.pdf"`, `href="//cdn.example/y"`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(Markdown(tt.in, 2, "/verzeichnis/"))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("want %q in\n%s", w, got)
				}
			}
			for _, r := range tt.reject {
				if strings.Contains(got, r) {
					t.Errorf("must not contain %q:\n%s", r, got)
				}
			}
		})
	}
}

func TestShorten(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"kurz", 10, "kurz"},
		{"Ich helfe kleinen Betrieben, ihre Zahlen zu verstehen.", 30, "Ich helfe kleinen Betrieben…"},
		{"Äöü äöü äöü äöü", 9, "Äöü äöü…"},
	}
	for _, tt := range tests {
		if got := shorten(tt.in, tt.n); got != tt.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// TestPagerBounded shows that a long list's pager links a bounded
// number of pages from each page, always the first, the last and the
// neighbours, the first page of every initial letter, and within the
// current letter the first page of every two-letter beginning; and that
// a short list links every page, as before.
func TestPagerBounded(t *testing.T) {
	var chunks [][]*member.Member
	for _, a := range "ABCDEFGHKLMNOPRSTWZ" {
		for _, b := range "aeiou" {
			for k := range 4 { // four pages per two letters
				name := string(a) + string(b) + strings.Repeat("x", k+1) + " Muster"
				chunks = append(chunks, []*member.Member{{Name: name}})
			}
		}
	}
	full := newPager("/", chunks)
	if len(full.Pages) != 19*5*4 {
		t.Fatalf("%d pages, want %d", len(full.Pages), 19*5*4)
	}
	for i := range full.Pages {
		p := full.at(i)
		if len(p.Pages) > 19+5+2*pagerNear+3 {
			t.Fatalf("page %d links %d pages", i, len(p.Pages))
		}
		if got := p.Pages[p.Current].URL; got != full.Pages[i].URL {
			t.Fatalf("page %d: current is %s", i, got)
		}
		urls := map[string]bool{}
		for k, l := range p.Pages {
			urls[l.URL] = true
			if k > 0 {
				prev := slices.IndexFunc(full.Pages, func(x PagerLink) bool { return x.URL == p.Pages[k-1].URL })
				this := slices.IndexFunc(full.Pages, func(x PagerLink) bool { return x.URL == l.URL })
				if this <= prev || l.Gap != (this > prev+1) {
					t.Fatalf("page %d: link %d (%s) out of order or Gap %v wrong", i, k, l.Label, l.Gap)
				}
			}
		}
		must := []int{0, len(full.Pages) - 1, max(i-1, 0), min(i+1, len(full.Pages)-1)}
		for j, l := range full.Pages {
			if j > 0 && l.letters[:1] != full.Pages[j-1].letters[:1] {
				must = append(must, j) // each letter's first page
			}
			if j > 0 && l.letters[:1] == full.Pages[i].letters[:1] && l.letters != full.Pages[j-1].letters {
				must = append(must, j) // two letters' first page within the current letter
			}
		}
		for _, j := range must {
			if !urls[full.Pages[j].URL] {
				t.Fatalf("page %d (%s) does not link page %d (%s)", i, full.Pages[i].Label, j, full.Pages[j].Label)
			}
		}
	}
	short := newPager("/", chunks[:pagerAll])
	for i := range short.Pages {
		if p := short.at(i); len(p.Pages) != pagerAll || p.Current != i || slices.ContainsFunc(p.Pages, func(l PagerLink) bool { return l.Gap }) {
			t.Fatalf("a list of %d pages must link all of them from page %d", pagerAll, i)
		}
	}
}

func TestPaginate(t *testing.T) {
	var ms []*member.Member
	for _, n := range []string{"Anna A", "Ben B", "Dr. Cem C", "Dora D", "Emil E"} {
		ms = append(ms, &member.Member{Name: n})
	}
	one := func(*member.Member) int { return 1 }
	chunks := paginate(ms, 2, 0, one)
	if len(chunks) != 3 || len(chunks[2]) != 1 {
		t.Fatalf("5 members in pages of 2: got %d pages", len(chunks))
	}
	p := newPager("/", chunks)
	var labels []string
	for _, l := range p.Pages {
		labels = append(labels, l.Label+" "+l.URL)
	}
	want := "An–Be / Ce–Do /page/2/ Em–Em /page/3/"
	if got := strings.Join(labels, " "); got != want {
		t.Errorf("pager labels = %q, want %q", got, want)
	}
	if len(paginate(ms, 10, 0, one)) != 1 {
		t.Error("a short list must not page")
	}
	if got := paginate(nil, 10, 0, one); len(got) != 1 || len(got[0]) != 0 {
		t.Errorf("an empty list must be one empty page, got %d pages", len(got))
	}
	// The weight of the cards cuts pages too, but never leaves a page
	// empty, however heavy a card.
	weight := map[string]int{"Anna A": 5, "Ben B": 5, "Dr. Cem C": 30, "Dora D": 5, "Emil E": 5}
	var sizes []int
	for _, c := range paginate(ms, 3, 10, func(m *member.Member) int { return weight[m.Name] }) {
		sizes = append(sizes, len(c))
	}
	if fmt.Sprint(sizes) != "[2 1 2]" {
		t.Errorf("pages by weight: %v members, want [2 1 2]", sizes)
	}
}

// TestThemeOverride checks that a site's templates/ replaces the default
// file by file and may add assets.
func TestThemeOverride(t *testing.T) {
	defaults := fstest.MapFS{
		"base.html":          {Data: []byte("default base")},
		"home.html":          {Data: []byte("default home")},
		"assets/site.css":    {Data: []byte("body{}")},
		"i18n/de.yaml":       {Data: []byte("a: A\nb: B\n")},
		"partials/card.html": {Data: []byte("card")},
	}
	site := fstest.MapFS{
		"home.html":       {Data: []byte("site home")},
		"assets/extra.js": {Data: []byte("x")},
		"i18n/de.yaml":    {Data: []byte("a: Eigenes A\nb: B\n")},
	}
	th := NewTheme(defaults, site)
	for name, want := range map[string]string{"base.html": "default base", "home.html": "site home", "partials/card.html": "card"} {
		data, err := fsReadFile(th, name)
		if err != nil || string(data) != want {
			t.Errorf("%s = %q, %v; want %q", name, data, err, want)
		}
	}
	assets, err := th.assets()
	if err != nil || len(assets) != 2 {
		t.Fatalf("assets: %v %v", assets, err)
	}
	for _, a := range assets {
		if !strings.HasPrefix(a.Path, "assets/") || !strings.Contains(a.Path, "."+hash(a.Data)+".") {
			t.Errorf("asset path %q carries no content hash", a.Path)
		}
	}
	strs, err := th.Strings(&member.Config{Language: "de", Strings: map[string]string{"b": "Von config"}})
	if err != nil || strs["a"] != "Eigenes A" || strs["b"] != "Von config" {
		t.Errorf("strings: %v %v", strs, err)
	}
	// An override of a string the theme lacks is a problem at its line
	// in config.yaml, in the site's language, with the nearest name.
	_, err = th.Strings(&member.Config{Language: "de", Strings: map[string]string{"bb": "x"},
		StringsPos: map[string]member.Pos{"bb": {Path: "config.yaml", Line: 7, Col: 3}}})
	want := `config.yaml:7:3: strings.bb: einen Text dieses Namens gibt es nicht (die Namen stehen in templates/i18n/de.yaml) — meintest du "b"?`
	if list, ok := err.(member.ErrorList); !ok || err.Error() != want {
		t.Errorf("unknown string override:\n got %v (%T)\nwant %s", err, list, want)
	}
}

func TestExpandConstantStrings(t *testing.T) {
	got := expand(`<p title="{{t "a"}}">{{ t "b" }} {{t "c" 1}} {{t "zz"}}</p>`, map[string]string{"a": `Say "hi"`, "b": "<b>", "c": "%d"})
	want := `<p title="{{"Say \"hi\""}}">{{"<b>"}} {{t "c" 1}} {{t "zz"}}</p>`
	if got != want {
		t.Errorf("expand:\n got %s\nwant %s", got, want)
	}
}

func fsReadFile(t *Theme, name string) ([]byte, error) { return fs.ReadFile(t.fsys, name) }

// TestChromeCacheChangesNothing renders a directory with and without the
// header/footer cache and wants the same bytes.
func TestChromeCacheChangesNothing(t *testing.T) {
	var ms []*member.Member
	for _, n := range []string{"Anna", "Ben", "Cem"} {
		ms = append(ms, &member.Member{Slug: strings.ToLower(n), Name: n, Mission: "m", Why: "w", Offerings: []string{"o"}, Contact: member.Contact{Email: strings.ToLower(n) + "@example.org", Public: true}})
	}
	cfg := member.DefaultConfig()
	cfg.BaseURL = "https://example.org/dir/"
	cfg.Organiser = member.Organiser{Name: "Olga", Email: "olga@example.org"}
	cfg.Footer = []member.Link{{Label: "Impressum", URL: "/impressum/"}}
	pages := []*member.Page{{Slug: "about", Title: "About", Menu: "header"}}
	build := func(opts Options) Files {
		dir, errs := member.NewDirectory(cfg, ms, pages, false)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		files, err := Site(dir, NewTheme(templatesFS(t), nil), opts)
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	sameFiles(t, "with the header/footer cache", build(Options{}), build(Options{noChrome: true}))
}

// sameFiles reports every file that with, rendered with an optimisation,
// has otherwise than without, rendered without it, and a file either
// lacks.
func sameFiles(t *testing.T, what string, with, without Files) {
	t.Helper()
	for p, data := range without {
		if w, ok := with[p]; !ok {
			t.Errorf("%s is missing %s", p, what)
		} else if string(w) != string(data) {
			t.Errorf("%s differs %s:\n%s\n----\n%s", p, what, w, data)
		}
	}
	for p := range with {
		if _, ok := without[p]; !ok {
			t.Errorf("%s is only there %s", p, what)
		}
	}
}

func templatesFS(t testing.TB) fs.FS {
	t.Helper()
	return os.DirFS("../../../../templates")
}

// TestTemplateErrors checks that an action that fails, and a template
// html/template cannot escape, fail the build with the template's name.
func TestTemplateErrors(t *testing.T) {
	for _, src := range []string{
		`{{define "main"}}<a href="{{asset "nope.css"}}">x</a>{{end}}`,
		`{{define "main"}}<a href="{{"x"}}>x</a>{{end}}`,
		`{{define "main"}}<p>{{t "nope"}}</p>{{end}}`,
	} {
		site := fstest.MapFS{"404.html": {Data: []byte(src)}}
		ms := []*member.Member{{Slug: "anna", Name: "Anna", Mission: "m", Why: "w", Offerings: []string{"o"}}}
		dir, errs := member.NewDirectory(member.DefaultConfig(), ms, nil, false)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		_, err := Site(dir, NewTheme(templatesFS(t), site), Options{})
		if err == nil || !strings.Contains(err.Error(), "templates/404.html") {
			t.Errorf("%s: err = %v, want an error naming templates/404.html", src, err)
		}
	}
}
