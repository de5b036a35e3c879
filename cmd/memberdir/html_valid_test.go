package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/synth"
)

// hostile is text a member might paste into any field: markup, both
// kinds of quotes, an ampersand, comment and CDATA ends and template
// syntax. Every page must show it as text and stay valid HTML.
const hostile = `<script>alert("x")</script> & "double" 'single' </p><b>bold</b> --> <!-- ]]> {{.}} </textarea>`

// hostileShort is hostile for fields of at most 80 characters.
const hostileShort = `<script>alert(1)</script> & "double" 'single' </li> --> {{.}}`

// edgeSite is a small English site whose profiles push the templates:
// hostile text in every field of the config and the profiles, a member
// with only the required fields, a draft (built with --drafts), a
// name and company as long as allowed with words too long for a phone,
// raw HTML and odd links in Markdown, and a base path.
func edgeSite() map[string]string {
	q := func(s string) string { return fmt.Sprintf("%q", s) } // a YAML double-quoted scalar
	h, hs := q(hostile), q(hostileShort)
	return map[string]string{
		"config.yaml": `title: ` + q("Net <b>\"Bold\"</b> & 'Co' </title>") + `
description: ` + h + `
base_url: https://example.org/net-work/
language: en
organiser:
  name: ` + q(`Olga "<O'Brien>" & Co </a>`) + `
  email: olga@example.org
edit_url: https://github.com/example/net/edit/main/{path}
categories:
  - id: crafts
    label: ` + q(`Crafts <&> "Building" </li>`) + `
  - id: law
    label: ` + q(`Law & 'Order' <br>`) + `
footer:
  - label: ` + q(`Imprint "<x>" &amp;`) + `
    url: /imprint/
referral:
  cc_member: true
`,
		"content/members/hostile-hanna.md": `---
name: ` + q(`Hanna "<Hostile>" O'Brien & Co </h1>`) + `
company: ` + h + `
role: ` + h + `
location: ` + h + `
mission: ` + h + `
why: ` + h + `
ideal_referral: ` + h + `
offerings:
  - ` + hs + `
  - ` + q(`<img src=x onerror=alert(1)>`) + `
tags: [crafts, law]
languages: [de, en, tr]
contact:
  email: hanna@example.org
  phone: +49 221 123456
  website: https://example.org/?a=1&b=2
  linkedin: https://www.linkedin.com/in/hanna
  xing: https://www.xing.com/profile/hanna
  booking: https://example.org/book?x=1&y=2
member_since: 2019-03
recommends:
  - member: minimal-max
    note: ` + h + `
thanks:
  - member: long-name
    date: 2024-02
    note: ` + hs + `
---
# A heading &lt;script&gt;alert(1)&lt;/script&gt;

HTML as text: &lt;div onclick="x"&gt;HTML&lt;/div&gt; & "quotes" 'single'.

&lt;iframe src="https://evil.example">&lt;/iframe>

[a link](javascript:alert(1)) and [another](https://example.org/?q="x"&r=<y>) and ![an "image"](https://example.org/missing.png)

| a | b |
|---|---|
| &lt;b>x&lt;/b> | "y" |

A claim with a footnote.[^1]

[^1]: The footnote, with [a link](https://example.org/).
`,
		"content/members/minimal-max.md": `---
name: Max
mission: M.
why: W.
offerings: [X]
contact: {website: https://max.example}
---
`,
		"content/members/drafty-dora.md": `---
name: ` + q(`Dora "Draft" <i>Draft</i>`) + `
mission: ` + h + `
why: ` + h + `
offerings: [` + hs + `]
tags: [law]
contact: {email: dora@example.org}
draft: true
---
Draft body with &lt;span>HTML&lt;/span> & "quotes".
`,
		"content/members/long-name.md": `---
name: Maximiliane-Friederike von Hohenzollern-Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbau
company: Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft GmbH & Co. KG
mission: Averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongwordwithoutanyspace.
why: Because.
offerings: [Averyveryveryveryveryveryveryveryveryveryveryveryveryveryverylongoffering]
tags: [crafts]
contact: {email: maximiliane@example.org}
---
`,
		"content/pages/imprint.md": `---
title: ` + q(`Imprint "<script>" & 'Co'`) + `
menu: footer
---
Imprint with &lt;b>raw HTML&lt;/b> & "quotes".
`,
	}
}

// vnuMessage is one message of the Nu Html Checker's JSON output.
type vnuMessage struct {
	Type    string `json:"type"`    // "error", "info" or "non-document-error"
	SubType string `json:"subType"` // "warning" for an info that is a warning
	URL     string `json:"url"`
	Line    int    `json:"lastLine"`
	Column  int    `json:"firstColumn"`
	Message string `json:"message"`
	Extract string `json:"extract"`
}

// TestHTMLValid checks every page of the example site and of edgeSite
// with the Nu Html Checker (vnu-jar from npm, which needs Java), and
// fails on each error it reports; warnings are logged.
func TestHTMLValid(t *testing.T) {
	java, err := exec.LookPath("java")
	if err != nil {
		missing(t, "no java on PATH, which the Nu Html Checker needs (apt-get install default-jre-headless)")
	}
	jar, _ := filepath.Abs(filepath.Join(npmTools, "vnu-jar", "build", "dist", "vnu.jar"))
	if _, err := os.Stat(jar); err != nil {
		missing(t, fmt.Sprintf("%v (install the test tools: %s)", err, npmHint))
	}

	sites := []struct {
		name   string
		source func(t *testing.T) string
		args   []string
		want   []string // pages that must be among those checked
	}{
		{"example", func(*testing.T) string { return "../.." }, nil,
			[]string{"index.html", "404.html", "print/index.html", "members/oezlem-arslan/index.html", "tags/recht/index.html", "impressum/index.html", "network/index.html"}},
		{"edge", func(t *testing.T) string { return writeSite(t, edgeSite()) }, []string{"--drafts"},
			[]string{"members/hostile-hanna/index.html", "members/minimal-max/index.html", "members/drafty-dora/index.html", "members/long-name/index.html", "imprint/index.html", "network/index.html"}},
		// Generated members, more than a page holds: the pager's markup,
		// paged category pages and many recommendations.
		{"paged", func(t *testing.T) string {
			dir := t.TempDir()
			if err := synth.Write(dir, 60, 4); err != nil {
				t.Fatal(err)
			}
			f, err := os.OpenFile(filepath.Join(dir, "config.yaml"), os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if _, err := f.WriteString("page_size: 10\n"); err != nil {
				t.Fatal(err)
			}
			return dir
		}, nil, []string{"index.html", "page/2/index.html", "print/index.html"}},
	}
	for _, s := range sites {
		t.Run(s.name, func(t *testing.T) {
			out := builtSite(t, s.source(t), s.args...)
			pages := map[string]bool{}
			filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
				if err == nil && strings.HasSuffix(p, ".html") {
					rel, _ := filepath.Rel(out, p)
					pages[filepath.ToSlash(rel)] = true
				}
				return err
			})
			for _, p := range s.want {
				if !pages[p] {
					t.Errorf("the build has no %s to check", p)
				}
			}
			// The canary is a page with a known error: it shows that vnu
			// read the folder and that its errors are understood.
			const canary = "zz-canary.html"
			if err := os.WriteFile(filepath.Join(out, canary), []byte("<!DOCTYPE html><html lang=en><title>c</title><p><div></p>"), 0o644); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			cmd := exec.Command(java, "-jar", jar, "--format", "json", "--skip-non-html", "--stdout", out)
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run() // exits 1 when there are errors; the JSON says which
			var res struct {
				Messages []vnuMessage `json:"messages"`
			}
			if jerr := json.Unmarshal(stdout.Bytes(), &res); jerr != nil {
				t.Fatalf("vnu: %v, %v\n%s%s", err, jerr, stdout.Bytes(), stderr.Bytes())
			}
			// Checked from disk, a page has an opaque file: origin, which
			// its Content-Security-Policy's 'self' cannot match: vnu then
			// warns about every script and stylesheet, wrongly.
			csp, canaryErrors := 0, 0
			for _, m := range res.Messages {
				file := strings.TrimPrefix(strings.TrimPrefix(m.URL, "file:"), out+string(filepath.Separator))
				where := fmt.Sprintf("%s:%d:%d", file, m.Line, m.Column)
				switch {
				case file == canary:
					canaryErrors++
				case m.Type == "error" || m.Type == "non-document-error":
					t.Errorf("%s: %s\n\t%s", where, m.Message, strings.ReplaceAll(m.Extract, "\n", "↵"))
				case m.SubType == "warning" && strings.HasPrefix(m.Message, "Resource violates Content Security Policy"):
					csp++
				case m.SubType == "warning":
					t.Logf("warning: %s: %s\n\t%s", where, m.Message, strings.ReplaceAll(m.Extract, "\n", "↵"))
				}
			}
			if csp > 0 {
				t.Logf("%d warnings that scripts and stylesheets violate the CSP, which hold only for file: URLs", csp)
			}
			if canaryErrors == 0 {
				t.Fatalf("vnu found no error in %s, which has one; did it check the folder?\n%s", canary, stderr.Bytes())
			}
			if err == nil {
				t.Errorf("vnu exited 0 although it found errors")
			}
			t.Logf("vnu checked %d pages in %s", len(pages), out)
		})
	}
}
