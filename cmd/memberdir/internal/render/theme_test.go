package render

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// TestThemeFS checks that the merged theme is a correct fs.FS, whose
// listings and file info agree, with the site's files replacing the
// defaults of the same name and adding new ones in nested folders, and
// that each file knows where it came from.
func TestThemeFS(t *testing.T) {
	defaults := fstest.MapFS{
		"base.html":                {Data: []byte("default base")},
		"member.html":              {Data: []byte("default member")},
		"partials/card.html":       {Data: []byte("default card")},
		"partials/pager.html":      {Data: []byte("default pager")},
		"i18n/de.yaml":             {Data: []byte("a: A\n")},
		"i18n/en.yaml":             {Data: []byte("a: A\n")},
		"assets/site.css":          {Data: []byte("body{}")},
		"assets/fonts/sans.woff2":  {Data: []byte("font")},
		"assets/fonts/serif.woff2": {Data: []byte("serif")},
	}
	site := fstest.MapFS{
		"member.html":                {Data: []byte("site member")},
		"partials/own.html":          {Data: []byte("site partial")},
		"i18n/de.yaml":               {Data: []byte("a: Eigenes A\n")},
		"assets/extra.js":            {Data: []byte("x")},
		"assets/fonts/sans.woff2":    {Data: []byte("site font")},
		"assets/img/logos/logo.svg":  {Data: []byte("<svg/>")},
		"README.md":                  {Data: []byte("notes")},
		"assets/img/logos/.DS_Store": {Data: []byte("")},
	}
	th, err := ReadTheme(defaults, site)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		data    string
		builtin bool
	}{
		"base.html":                  {"default base", true},
		"member.html":                {"site member", false},
		"partials/card.html":         {"default card", true},
		"partials/pager.html":        {"default pager", true},
		"partials/own.html":          {"site partial", false},
		"i18n/de.yaml":               {"a: Eigenes A\n", false},
		"i18n/en.yaml":               {"a: A\n", true},
		"assets/site.css":            {"body{}", true},
		"assets/extra.js":            {"x", false},
		"assets/fonts/sans.woff2":    {"site font", false},
		"assets/fonts/serif.woff2":   {"serif", true},
		"assets/img/logos/logo.svg":  {"<svg/>", false},
		"assets/img/logos/.DS_Store": {"", false},
		"README.md":                  {"notes", false},
	}
	var names []string
	for name := range want {
		names = append(names, name)
	}
	if err := fstest.TestFS(th.fsys, names...); err != nil {
		t.Fatal(err)
	}
	n := 0
	err = fs.WalkDir(th.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		w, ok := want[p]
		f, ferr := th.fsys.file(p)
		switch {
		case !ok:
			t.Errorf("%s is in the theme", p)
		case ferr != nil:
			t.Errorf("%s: %v", p, ferr)
		case string(f.data) != w.data || f.builtin != w.builtin:
			t.Errorf("%s = %q, built in %v; want %q, %v", p, f.data, f.builtin, w.data, w.builtin)
		}
		return nil
	})
	if err != nil || n != len(want) {
		t.Errorf("walked %d files, %v; want %d", n, err, len(want))
	}
	// Without a site, the theme is the defaults.
	th, err = ReadTheme(defaults, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(th.fsys, "base.html", "assets/fonts/serif.woff2"); err != nil {
		t.Fatal(err)
	}
}

// TestThemeClash checks that a file of the site where the defaults have
// a folder, or the other way round, is an error naming both.
func TestThemeClash(t *testing.T) {
	defaults := fstest.MapFS{"assets/site.css": {Data: []byte("body{}")}, "home.html": {Data: []byte("home")}}
	for _, tc := range []struct {
		site fstest.MapFS
		want string
	}{
		{fstest.MapFS{"assets": {Data: []byte("x")}}, "templates/assets is a file, but built-in file assets/site.css needs a folder of that name"},
		{fstest.MapFS{"home.html/x.css": {Data: []byte("x")}}, "built-in template home.html is a file, but templates/home.html/x.css needs a folder of that name"},
	} {
		_, err := ReadTheme(defaults, tc.site)
		if err == nil || err.Error() != tc.want {
			t.Errorf("err = %v, want %s", err, tc.want)
		}
		// NewTheme keeps the error for the Theme's first use.
		if _, err := NewTheme(defaults, tc.site).assets(); err == nil || err.Error() != tc.want {
			t.Errorf("NewTheme: err = %v, want %s", err, tc.want)
		}
	}
}

// TestThemeSymlinks checks that symbolic links in the site's templates/
// are followed, to a file or a folder, as os.DirFS opens them, and that
// a link to a folder above it is an error rather than endless.
func TestThemeSymlinks(t *testing.T) {
	root := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("shared/fonts/sans.woff2", "font")
	write("shared/home.html", "shared home")
	write("templates/base.html", "base")
	if err := os.Symlink("../shared/fonts", filepath.Join(root, "templates/fonts")); err != nil {
		t.Skip(err)
	}
	if err := os.Symlink("../shared/home.html", filepath.Join(root, "templates/home.html")); err != nil {
		t.Fatal(err)
	}
	th, err := ReadTheme(fstest.MapFS{}, os.DirFS(filepath.Join(root, "templates")))
	if err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(th.fsys, "base.html", "home.html", "fonts/sans.woff2"); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("..", filepath.Join(root, "templates/fonts/up")); err != nil {
		t.Fatal(err)
	}
	_, err = ReadTheme(fstest.MapFS{}, os.DirFS(filepath.Join(root, "templates")))
	if err == nil || !strings.Contains(err.Error(), "templates/fonts/up/fonts/up/") || !strings.Contains(err.Error(), "a symbolic link to a folder above it?") {
		t.Errorf("a link to the folder above: err = %v", err)
	}
}

// TestTemplateErrorNames checks that a template that does not parse or
// fails to run is named as the organiser finds it: in the site's
// templates/, or built in, with how to change it, and with the page being
// rendered when the error is in another file.
func TestTemplateErrorNames(t *testing.T) {
	defaults := fstest.MapFS{
		"base.html":          {Data: []byte(`<main>{{template "main" .}}</main>`)},
		"member.html":        {Data: []byte(`{{define "main"}}<h1>{{.Name}}</h1>{{template "card" .}}{{end}}`)},
		"partials/card.html": {Data: []byte(`{{define "card"}}<p>{{.Name}}</p>{{end}}`)},
	}
	for _, name := range pageTemplates {
		if defaults[name] == nil {
			defaults[name] = &fstest.MapFile{Data: []byte(`{{define "main"}}x{{end}}`)}
		}
	}
	const fix = " (memberdir's default theme; copy it to templates/"
	type person struct{ Name string }
	for _, tc := range []struct {
		name          string
		builtin, site fstest.MapFS // builtin replaces files of defaults
		data          any
		want          string
	}{
		{"the site's template does not parse",
			nil, fstest.MapFS{"member.html": {Data: []byte("{{define \"main\"}}\n{{.Name}\n{{end}}")}}, person{},
			`templates/member.html:2: bad character U+007D '}'`},
		{"a built-in template does not parse",
			fstest.MapFS{"partials/card.html": {Data: []byte(`{{define "card"}}{{if}}{{end}}`)}}, nil, person{},
			`built-in template partials/card.html:1: missing value for if` + fix + "partials/card.html to change it)"},
		{"a built-in template fails",
			nil, nil, struct{}{},
			`built-in template member.html:1:23: executing "main" at <.Name>: can't evaluate field Name in type struct {}` + fix + "member.html to change it)"},
		{"the site's partial fails in a built-in page",
			nil, fstest.MapFS{"partials/card.html": {Data: []byte(`{{define "card"}}{{.Nope}}{{end}}`)}}, person{},
			`templates/partials/card.html:1:19: executing "card" at <.Nope>: can't evaluate field Nope in type render.person; while rendering built-in template member.html`},
		{"the site's base calls a template no file defines",
			nil, fstest.MapFS{"base.html": {Data: []byte(`{{template "nope" .}}`)}}, person{},
			`templates/base.html:1:11: no such template "nope"; while rendering built-in template member.html`},
		{"an attribute left open in the site's page",
			nil, fstest.MapFS{"member.html": {Data: []byte(`{{define "main"}}<a href="{{.Name}}>x</a>{{end}}`)}}, person{},
			`built-in template base.html: ends in a non-text context: {stateURL delimDoubleQuote urlPartPreQuery jsCtxRegexp [] attrURL elementNone <nil>}` + fix + "base.html to change it); while rendering templates/member.html"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			merged := fstest.MapFS{}
			for _, m := range []fstest.MapFS{defaults, tc.builtin} {
				for k, v := range m {
					merged[k] = v
				}
			}
			th, err := ReadTheme(merged, tc.site)
			if err != nil {
				t.Fatal(err)
			}
			tpls, err := th.templates(nil, nil)
			if err == nil {
				var buf bytes.Buffer
				if err = tpls["member.html"].ExecuteTemplate(&buf, "base.html", tc.data); err != nil {
					err = th.templateError(err, "member.html")
				}
			}
			if err == nil || err.Error() != tc.want {
				t.Errorf("err:\n got %v\nwant %s", err, tc.want)
			}
		})
	}
}
