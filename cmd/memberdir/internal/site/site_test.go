package site

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"image"
	imagepng "image/png"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/synth"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// archiveFS turns a txtar archive into an in-memory site.
func archiveFS(a *txtar.Archive) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// TestGolden builds each mini-site in testdata/*.txtar and compares every
// output file with testdata/<name>.golden. Assets are listed by name only,
// so that a change of the CSS does not rewrite every golden file.
// Run "go test ./cmd/memberdir/internal/site -update" after a deliberate change.
func TestGolden(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/*.txtar")
	if len(inputs) == 0 {
		t.Fatal("no test sites in testdata/")
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			a, err := txtar.ParseFile(in)
			if err != nil {
				t.Fatal(err)
			}
			files, err := Build(archiveFS(a), Options{})
			if err != nil {
				t.Fatalf("build: %v", err)
			}
			got := &txtar.Archive{Comment: []byte("Output of " + filepath.Base(in) + "; regenerate with -update.\n")}
			for _, p := range sortedPaths(files) {
				data := files[p]
				if strings.HasPrefix(p, "assets/") || strings.HasPrefix(p, "search/") {
					data = []byte(fmt.Sprintf("(%d bytes)\n", len(data)))
				}
				got.Files = append(got.Files, txtar.File{Name: p, Data: data})
			}
			golden := strings.TrimSuffix(in, ".txtar") + ".golden"
			out := txtar.Format(got)
			if *update {
				if err := os.WriteFile(golden, out, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(out, want) {
				wa := txtar.Parse(want)
				wantFiles := map[string][]byte{}
				for _, f := range wa.Files {
					wantFiles[f.Name] = f.Data
				}
				for _, f := range got.Files {
					if w, ok := wantFiles[f.Name]; !ok {
						t.Errorf("%s: new file", f.Name)
					} else if !bytes.Equal(w, f.Data) {
						t.Errorf("%s differs:\n%s", f.Name, firstDiff(string(w), string(f.Data)))
					}
					delete(wantFiles, f.Name)
				}
				for name := range wantFiles {
					t.Errorf("%s: missing", name)
				}
				t.Log("run with -update if the change is intended")
			}
		})
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant: %s\ngot:  %s", i+1, w, g)
		}
	}
	return ""
}

func sortedPaths(f Files) []string {
	var out []string
	for p := range f {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// exampleSite is the bundled example at the repository's root.
func exampleSite(t testing.TB) string {
	root, err := filepath.Abs("../../../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "content", "members")); err != nil {
		t.Fatalf("example site not found at %s: %v", root, err)
	}
	return root
}

// TestExampleSite builds the bundled example and checks what a visitor
// relies on: every member has a page, the draft has none, search and data
// files exist, and no page asks another host for anything.
func TestExampleSite(t *testing.T) {
	files, err := Build(os.DirFS(exampleSite(t)), Options{})
	if err != nil {
		t.Fatalf("the example site does not build:\n%v", err)
	}
	for _, p := range []string{"index.html", "404.html", "members.json", "robots.txt", "sitemap.xml", "print/index.html"} {
		if _, ok := files[p]; !ok {
			t.Errorf("missing %s", p)
		}
	}
	var drafts, photos int
	entries, _ := os.ReadDir(filepath.Join(exampleSite(t), "content", "members"))
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".md") {
			continue // a photo
		}
		data, _ := os.ReadFile(filepath.Join(exampleSite(t), "content", "members", e.Name()))
		slug := strings.TrimSuffix(e.Name(), ".md")
		if bytes.Contains(data, []byte("\nphoto: ")) {
			photos++
			page := string(files["members/"+slug+"/index.html"])
			if !strings.Contains(page, `<img class="profile-photo" src="/members/`+slug+`/photo-160.`) || !strings.Contains(page, `/photo-480.`) {
				t.Errorf("%s: the page does not show the photo in both sizes", slug)
			}
		}
		_, published := files["members/"+slug+"/index.html"]
		if bytes.Contains(data, []byte("\ndraft: true")) {
			drafts++
			if published {
				t.Errorf("draft %s was published", slug)
			}
		} else if !published {
			t.Errorf("member %s has no page", slug)
		}
	}
	if drafts != 1 {
		t.Errorf("the example should have exactly one draft, has %d", drafts)
	}
	// Photos and initials both appear in the example, so that a change
	// to either shows in it.
	if photos < 3 {
		t.Errorf("the example should have at least 3 members with a photo, has %d", photos)
	}
	if !bytes.Contains(files["index.html"], []byte(`<svg class="card-photo"`)) {
		t.Error("no member of the example shows initials")
	}
	// Daniel writes in English on a German site: his mission and his
	// recommendation of Özlem carry lang="en", the interface around not.
	daniel, oezlem := string(files["members/daniel-okafor/index.html"]), string(files["members/oezlem-arslan/index.html"])
	if !strings.Contains(daniel, `<p class="mission lead" lang="en">`) || !strings.Contains(oezlem, `<q lang="en">Founders need`) || !strings.Contains(daniel, `<html lang="de">`) {
		t.Error("the English texts of the German example site are not marked lang=\"en\"")
	}
	for p, data := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		for _, attr := range []string{`src="http`, `href="//`, `src="//`, `@import`, `url(http`} {
			if bytes.Contains(data, []byte(attr)) {
				t.Errorf("%s loads from another host (%s)", p, attr)
			}
		}
		if bytes.Contains(data, []byte(`<link rel="stylesheet" href="http`)) {
			t.Errorf("%s: external stylesheet", p)
		}
	}
}

// TestDeterministic builds the example twice and wants the same bytes.
func TestDeterministic(t *testing.T) {
	a, err := Build(os.DirFS(exampleSite(t)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Build(os.DirFS(exampleSite(t)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for p := range a {
		if !bytes.Equal(a[p], b[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

// hostile is text an attacker might put into a profile.
const hostile = `<script>alert(1)</script>"'><img src=x onerror=alert(2)>{{ .Site }}{{template "x"}}`

func TestHostileProfileIsEscaped(t *testing.T) {
	q := func(s string) string { return fmt.Sprintf("%q", s) }
	profile := "---\n" +
		"name: " + q("Eve "+hostile) + "\n" +
		"company: " + q(hostile) + "\n" +
		"role: " + q(hostile) + "\n" +
		"location: " + q(hostile) + "\n" +
		"mission: " + q(hostile) + "\n" +
		"why: " + q(hostile) + "\n" +
		"ideal_referral: " + q(hostile) + "\n" +
		"offerings:\n  - " + q("<script>alert(1)</script>{{ .Site }}") + "\n" +
		"tags: [" + q("x</a><script>alert(3)</script>") + "]\n" +
		"languages: [de]\n" +
		"contact:\n  email: eve@example.org\n  website: " + q("https://example.org/?a=\"><script>alert(4)</script>") + "\n" +
		"recommends:\n  - member: bob\n    note: " + q(hostile) + "\n" +
		"---\n" +
		"# Body\n\n" + hostile + "\n\n<iframe src=\"https://evil.example\"></iframe>\n\n[click](javascript:alert(5)) ![x](https://tracker.example/p.gif)\n\n{{ .Site.Title }}\n"
	fsys := fstest.MapFS{
		"config.yaml":            {Data: []byte("title: T\nlanguage: en\n")},
		"content/members/eve.md": {Data: []byte(profile)},
		"content/members/bob.md": {Data: []byte("---\nname: Bob\nmission: m\nwhy: w\nofferings: [a]\ncontact: {email: bob@example.org}\n---\n")},
		"content/pages/about.md": {Data: []byte("---\ntitle: " + q(hostile) + "\nmenu: header\n---\n" + hostile + "\n")},
	}
	// Validation refuses the website with quotes and the HTML in the
	// texts below the front matter (which Markdown would drop).
	_, err := Build(fsys, Options{})
	var list member.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("want validation errors, got %v", err)
	}
	for _, want := range []string{"eve.md:15:12: contact.website", "eve.md:22:1: HTML is not shown", "eve.md:24:1: HTML is not shown", "about.md:5:1: HTML is not shown"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("validation lacks %q:\n%v", want, err)
		}
	}
	// The point here is the escaping of what passes: drop what was
	// refused and build again.
	eve := fsys["content/members/eve.md"]
	eve.Data = bytes.Replace(eve.Data, []byte("  website: "+q("https://example.org/?a=\"><script>alert(4)</script>")+"\n"), nil, 1)
	eve.Data = bytes.Replace(eve.Data, []byte(hostile+"\n\n<iframe src=\"https://evil.example\"></iframe>\n\n"), nil, 1)
	fsys["content/pages/about.md"].Data = bytes.Replace(fsys["content/pages/about.md"].Data, []byte("---\n"+hostile), []byte("---\n"), 1)
	files, err := Build(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("nothing built")
	}
	for p, data := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		s := string(data)
		for _, bad := range []string{"<script>alert", "<img src=x", "<iframe", "javascript:", "<img src=\"https://tracker", "alert(3)</script>"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s contains %q unescaped", p, bad)
			}
		}
		if strings.Contains(s, "{{") && !strings.Contains(s, "{{ .Site }}") && !strings.Contains(s, "{{ .Site.Title }}") {
			t.Errorf("%s: template braces changed", p)
		}
	}
	page := string(files["members/eve/index.html"])
	for _, want := range []string{"{{ .Site }}", "{{ .Site.Title }}", "&lt;script&gt;alert(1)&lt;/script&gt;"} {
		if !strings.Contains(page, want) {
			t.Errorf("eve's page should show %q literally", want)
		}
	}
	if !strings.Contains(page, `rel="nofollow ugc noopener"`) && strings.Contains(page, "tracker.example") {
		t.Errorf("links in member text must carry rel=nofollow ugc noopener")
	}
}

func TestContentErrorsAreCollected(t *testing.T) {
	fsys := fstest.MapFS{
		"config.yaml":           {Data: []byte("language: en\n")},
		"content/members/a.md":  {Data: []byte("---\nname: A\nmission: m\nwhy: w\noffering: [x]\ncontact: {email: a@example.org}\n---\n")},
		"content/members/b.md":  {Data: []byte("---\nname: B\nmission: m\nwhy: w\nofferings: [x]\ncontact: {email: b(at)example.org}\nrecommends: [{member: zed}]\n---\n")},
		"content/members/ok.md": {Data: []byte("---\nname: OK\nmission: m\nwhy: w\nofferings: [x]\ncontact: {website: www.example.org}\n---\n")},
	}
	_, err := Build(fsys, Options{})
	var list member.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("want an ErrorList, got %v", err)
	}
	want := []string{
		`content/members/a.md:5:1: offering: is not a known field — did you mean "offerings"?`,
		`content/members/b.md:6:18: contact.email: "b(at)example.org" is not an e-mail address — write it as name@example.de`,
		`content/members/b.md:7:23: recommends.member: there is no member "zed" — write the file name of a member without .md`,
		`content/members/ok.md:6:20: contact.website: "www.example.org" has no https:// — write https://www.example.org`,
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestEmptySite: a new network starts with no members, or only drafts.
func TestEmptySite(t *testing.T) {
	for name, fsys := range map[string]fstest.MapFS{
		"no members":  {"content/members/.keep": {Data: nil}},
		"only drafts": {"content/members/a.md": {Data: []byte("---\nname: A\nmission: m\nwhy: w\nofferings: [x]\ncontact: {email: a@example.org}\ndraft: true\n---\n")}},
	} {
		files, err := Build(fsys, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !strings.Contains(string(files["index.html"]), "Noch keine Mitglieder") {
			t.Errorf("%s: the home page should say there are no members yet", name)
		}
	}
}

// TestListPagesStayLight builds a directory of members who fill every
// field of their card to its limit, in every category, and checks that no
// page of a list (home, category) weighs 300 KB or more: the cards are
// paged by their weight, not only by their number.
func TestListPagesStayLight(t *testing.T) {
	fsys := fstest.MapFS{"config.yaml": {Data: []byte(synth.Config())}}
	word := func(i int, n int) string { return strings.Repeat(fmt.Sprintf("Wört%03d ", i%1000), n/8) }
	var offerings strings.Builder
	for i := range 10 {
		fmt.Fprintf(&offerings, "  - %q\n", word(i, 80)[:79])
	}
	tags := "[steuern, recht, coaching]"
	for i := range 700 {
		fsys[fmt.Sprintf("content/members/m%04d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"---\nname: %q\ncompany: %q\nrole: %q\nlocation: %q\nmission: %q\nwhy: %q\nofferings:\n%stags: %s\ncontact:\n  email: m%04d@example.de\nmember_since: 2021-03\n---\n",
			fmt.Sprintf("M%04d ", i)+word(i, 90), word(i, 100), word(i, 100), word(i, 100), word(i, 300), word(i, 600), offerings.String(), tags, i))}
	}
	files, err := Build(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	lists := 0
	for p, data := range files {
		if p != "index.html" && !strings.HasPrefix(p, "page/") && !strings.HasPrefix(p, "tags/") {
			continue
		}
		lists++
		if len(data) >= 300_000 {
			t.Errorf("%s weighs %d bytes", p, len(data))
		}
	}
	if lists < 10 {
		t.Errorf("only %d list pages: the directory did not page", lists)
	}
}

// TestUnknownStringIsAContentProblem: a strings: override of a UI text
// the theme lacks is found by Load, which check uses too, at its line.
func TestUnknownStringIsAContentProblem(t *testing.T) {
	fsys := fstest.MapFS{
		"config.yaml":             {Data: []byte("language: en\nstrings:\n  nav.member: Our members\n")},
		"content/members/anna.md": {Data: []byte("---\nname: Anna\nmission: M\nwhy: W\nofferings: [o]\ncontact:\n  email: anna@example.org\n---\n")},
	}
	_, _, err := Load(fsys, Options{})
	want := `config.yaml:3:3: strings.nav.member: there is no UI string of that name (the names are in templates/i18n/en.yaml) — did you mean "nav.members"?`
	if err == nil || err.Error() != want {
		t.Errorf("Load:\n got %v\nwant %s", err, want)
	}
}

// TestLoadChecksReferralTexts: check (which loads, but does not render)
// reports a typo in a referral text as build does, so that the pull
// request making it fails rather than the publishing after it.
func TestLoadChecksReferralTexts(t *testing.T) {
	fsys := fstest.MapFS{
		"config.yaml":          {Data: []byte("language: en\nreferral:\n  subject: \"Referral: {{.Member.Nmae}}\"\n")},
		"content/members/a.md": {Data: []byte("---\nname: A\nmission: m\nwhy: w\nofferings: [x]\ncontact: {email: a@example.org}\n---\n")},
	}
	_, _, err := Load(fsys, Options{})
	if want := "config.yaml:3:12: referral.subject: {{.Member.Nmae}} is not a placeholder — write {{.Member.Name}}"; err == nil || err.Error() != want {
		t.Errorf("Load: %v\nwant %s", err, want)
	}
}

// TestSharedLinksNeedBaseURL: what leaves the site (the referral e-mail,
// the QR code, the vCard) links to the profile by its full address, and
// carries no link when base_url is not one: a path alone opens nothing in
// a mail program or a phone.
func TestSharedLinksNeedBaseURL(t *testing.T) {
	profile := "---\nname: Anna\nmission: m\nwhy: w\nofferings: [x]\ncontact: {email: anna@example.org}\n---\n"
	for _, c := range []struct {
		base string
		want bool
	}{{"https://netzwerk.example/", true}, {"/verzeichnis/", false}, {"", false}} {
		fsys := fstest.MapFS{
			"config.yaml":             {Data: []byte("language: en\nbase_url: \"" + c.base + "\"\n")},
			"content/members/anna.md": {Data: []byte(profile)},
		}
		files, err := Build(fsys, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var page, vcf string
		for p, data := range files {
			switch {
			case strings.HasSuffix(p, "members/anna/index.html"):
				page = string(data)
			case strings.HasSuffix(p, "members/anna.vcf"):
				vcf = string(data)
			}
		}
		for what, has := range map[string]bool{
			"QR code":             strings.Contains(page, `class="qr-figure"`),
			"profile in e-mail":   strings.Contains(page, "https%3A%2F%2Fnetzwerk.example%2Fmembers%2Fanna%2F"),
			"profile in vCard":    strings.Contains(vcf, "https://netzwerk.example/members/anna/"),
			"a path in an e-mail": strings.Contains(page, "%2Fmembers%2Fanna%2F") && !strings.Contains(page, "netzwerk.example"),
		} {
			want := c.want
			if what == "a path in an e-mail" {
				want = false
			}
			if has != want {
				t.Errorf("base_url %q: %s: %v, want %v", c.base, what, has, want)
			}
		}
	}
}

// TestLogoLinkPreview: link previews show the logo only as PNG or JPEG,
// which every service reads; not SVG, nor WebP, which some do not.
func TestLogoLinkPreview(t *testing.T) {
	var png bytes.Buffer
	if err := imagepng.Encode(&png, image.NewRGBA(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	webp := []byte("RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00")
	for name, c := range map[string]struct {
		data    []byte
		preview bool
	}{"logo.png": {png.Bytes(), true}, "logo.webp": {webp, false}, "logo.svg": {[]byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), false}} {
		fsys := fstest.MapFS{
			"config.yaml":             {Data: []byte("language: en\nbase_url: https://netzwerk.example/\ntheme:\n  logo: content/" + name + "\n")},
			"content/" + name:         {Data: c.data},
			"content/members/anna.md": {Data: []byte("---\nname: Anna\nmission: m\nwhy: w\nofferings: [x]\ncontact: {email: anna@example.org}\n---\n")},
		}
		files, err := Build(fsys, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := strings.Contains(string(files["index.html"]), `property="og:image"`); got != c.preview {
			t.Errorf("%s: og:image %v, want %v", name, got, c.preview)
		}
	}
}
