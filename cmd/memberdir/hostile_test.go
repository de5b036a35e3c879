package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Tests of what a hostile profile can do to the built site and to the CI
// log: the whole pipeline, run through run() as `memberdir` runs.

// xss is markup that would run if any field were written unescaped.
const xss = `<script>alert(1)</script><img src=x onerror=alert(2)>`

// hostileProfile puts xss into every free-text field, template syntax
// where a careless renderer might execute it, and dangerous links and
// HTML as code into the Markdown body. (Raw HTML in the body is refused
// by validation; load's tests have it.)
var hostileProfile = lines(
	"---",
	`name: "Eve `+xss+`"`,
	`company: "`+xss+` GmbH"`,
	`role: "`+xss+`"`,
	`location: "`+xss+`"`,
	`mission: "Ich helfe `+xss+` {{ .Site.Title }}"`,
	`why: "Weil `+xss+` \"quoted\" 'single'"`,
	`ideal_referral: "`+xss+`"`,
	"offerings:",
	`  - "`+xss+`"`,
	`  - "{{ template \"base\" . }}"`,
	"tags:",
	"  - recht",
	"contact:",
	"  email: eve@example.de",
	"  phone: +49 221 123456",
	"  website: https://eve.example.de/?q=%3Cx%3E",
	"recommends:",
	"  - member: anna-mueller",
	`    note: "`+xss+`"`,
	"---",
	"`<script>alert(3)</script>`",
	"",
	"`<a href=\"javascript:alert(4)\">a</a>`",
	"",
	"[b](javascript:alert(5)) [c](JaVaScRiPt:alert(6)) [d](vbscript:msgbox(7)) [e](data:text/html;base64,PHNjcmlwdD4=)",
	"",
	"![f](javascript:alert(8)) ![g](https://tracker.example/pixel.gif)",
	"",
	"[h][r]",
	"",
	"[r]: javascript:alert(9)",
	"",
	"```",
	`<div onclick="alert(10)">i</div>`,
	"```",
	"",
	"    <iframe src=\"https://evil.example\"></iframe>",
)

// TestHostileProfileBuild builds a site with hostileProfile and checks
// every HTML page for markup, event handlers and script URLs that came
// from the profile.
func TestHostileProfileBuild(t *testing.T) {
	noGitHubEnv(t)
	dir := writeSite(t, map[string]string{
		"config.yaml":                     deConfig,
		"content/members/anna-mueller.md": anna,
		"content/members/eve.md":          hostileProfile,
	})
	out := filepath.Join(t.TempDir(), "public")
	if code, stdout, stderr := memberdir(t, "build", "--source", dir, "--out", out); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	pages := 0
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, problem := range unsafeMarkup(string(data)) {
			t.Errorf("%s: %s", strings.TrimPrefix(p, out), problem)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(out, "members", "eve", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	// The text is there, escaped, and the template syntax is text.
	for _, want := range []string{"Eve &lt;script&gt;alert(1)&lt;/script&gt;", "{{ .Site.Title }}", "{{ template &#34;base&#34; . }}"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("profile page lacks %q", want)
		}
	}
	if pages < 5 {
		t.Errorf("only %d pages built", pages)
	}
}

// TestHostileCheckLog: a profile's own text (an unknown key, a file name)
// that contains a line break cannot start a line of the CI log, where
// GitHub Actions would read it as a workflow command.
func TestHostileCheckLog(t *testing.T) {
	noGitHubEnv(t)
	dir := writeSite(t, map[string]string{
		"config.yaml":                      deConfig,
		"content/members/anna-mueller.md":  withLine(9, "\"x\\n::warning file=README.md::injected\": 1\n---"),
		"content/members/b\n::error::x.md": anna,
		// A value quoted in a message, with line breaks YAML decodes.
		"content/members/eve.md": strings.Replace(anna, "mission: ", "mission: !x \"ok\\n::notice title=memberdir::All profiles OK\\n::stop-commands::abc\"\nx: ", 1),
	})
	for _, format := range []string{"text", "github"} {
		code, stdout, stderr := memberdir(t, "check", "--source", dir, "--format", format)
		if code != 1 {
			t.Errorf("%s: exit %d, want 1\n%s%s", format, code, stdout, stderr)
		}
		for _, l := range strings.Split(stdout+stderr, "\n") {
			if strings.HasPrefix(l, "::") && !strings.HasPrefix(l, "::error file=content/members/") {
				t.Errorf("%s: a line starts a workflow command: %q", format, l)
			}
		}
		if !strings.Contains(stdout+stderr, `"x\n::warning file=README.md::injected"`) {
			t.Errorf("%s: the key is not shown quoted:\n%s%s", format, stdout, stderr)
		}
	}
}

var (
	tagRE  = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>"'/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*/?>`)
	attrRE = regexp.MustCompile(`\s+([^\s=>"'/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?`)
)

// unsafeMarkup lists what in page could run script or load from another
// host: a script that is not one of the site's assets, a frame or object,
// an event handler attribute, and a link, source or form target with a
// script or data URL. Text that merely reads like markup (escaped, or in
// an attribute value) is not markup and is not listed.
func unsafeMarkup(page string) []string {
	var out []string
	for _, tag := range tagRE.FindAllStringSubmatch(page, -1) {
		name := strings.ToLower(tag[1])
		attrs := map[string]string{}
		for _, a := range attrRE.FindAllStringSubmatch(tag[2], -1) {
			v := strings.Trim(a[2], `"'`)
			v = strings.NewReplacer("&#58;", ":", "&colon;", ":", "\t", "", "\n", "", " ", "").Replace(v)
			attrs[strings.ToLower(a[1])] = strings.ToLower(v)
		}
		switch name {
		case "script":
			if !strings.HasPrefix(attrs["src"], "/assets/") {
				out = append(out, "script: "+tag[0])
			}
		case "iframe", "object", "embed", "frame", "base":
			out = append(out, name+": "+tag[0])
		case "form":
			if !strings.HasPrefix(attrs["action"], "/") {
				out = append(out, name+": "+tag[0])
			}
		}
		for a, v := range attrs {
			if strings.HasPrefix(a, "on") {
				out = append(out, "event handler: "+tag[0])
			}
			if name == "link" && a == "href" && v == "data:," {
				continue // the theme's empty favicon, which keeps browsers from asking for /favicon.ico
			}
			if a == "href" || a == "src" || a == "action" || a == "formaction" || a == "srcset" {
				for _, scheme := range []string{"javascript:", "vbscript:", "data:", "https://tracker.example"} {
					// A link to another host is fine; loading from it is not.
					if strings.HasPrefix(v, scheme) && (a != "href" || scheme != "https://tracker.example") {
						out = append(out, a+"="+v+": "+tag[0])
					}
				}
			}
		}
	}
	return out
}

// TestUnsafeMarkup: the checker of TestHostileProfileBuild finds what it
// is meant to find, and not escaped text.
func TestUnsafeMarkup(t *testing.T) {
	for _, bad := range []string{
		`<script>alert(1)</script>`, `<img src=x onerror=alert(1)>`, `<a href=" JavaScript:alert(1)">`,
		`<a href="javascript&#58;alert(1)">`, `<iframe src="https://evil.example">`, `<div onclick='x'>`,
		`<img src="https://tracker.example/p.gif">`, `<a href=data:text/html,x>`, `<form action="https://evil.example">`,
	} {
		if len(unsafeMarkup(bad)) == 0 {
			t.Errorf("unsafeMarkup(%q) found nothing", bad)
		}
	}
	for _, ok := range []string{
		`<script src="/assets/site.1234.js" defer></script>`, `&lt;img src=x onerror=alert(2)&gt;`,
		`<meta name="description" content="&lt;img src=x onerror=alert(2)&gt;">`,
		`<a href="mailto:?cc=a%40b.de&amp;subject=x%20onerror%3D">x</a>`, `<a href="/members/eve/" aria-label="Eve onclick=x">`,
		`<form class="search" action="/" method="get">`, `<a href="https://tracker.example/p.gif">`,
	} {
		if got := unsafeMarkup(ok); len(got) != 0 {
			t.Errorf("unsafeMarkup(%q) = %q", ok, got)
		}
	}
}
