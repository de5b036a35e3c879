package load

import (
	"regexp"
	"strings"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

var (
	msgKeyRE  = regexp.MustCompile(`^[a-z]+\.[a-z]+$`)
	badVerbRE = regexp.MustCompile(`%!(\(EXTRA|\(MISSING|\(BADINDEX|[a-zA-Z]\()`)
)

// checkErrors fails when an error lacks its position or its message is
// broken: a leftover fmt verb, a bare message key, a line break.
func checkErrors(t *testing.T, path string, data []byte, errs member.ErrorList) {
	t.Helper()
	for _, e := range errs {
		if e.Pos.Path != path {
			t.Errorf("error without path: %v", e)
		}
		// Only a file refused as a whole has no line.
		if e.Pos.Line < 1 && len(data) <= MaxProfileSize {
			t.Errorf("error without line: %v", e)
		}
		if e.Pos.Col < 0 {
			t.Errorf("negative column: %v", e)
		}
		// A fmt mistake shows as %!(EXTRA …) and the like, unless the
		// member wrote that text.
		badVerb := badVerbRE.MatchString(e.Msg) && !badVerbRE.Match(data)
		if e.Msg == "" || msgKeyRE.MatchString(e.Msg) || badVerb || strings.ContainsAny(e.Msg, "\n\r") {
			t.Errorf("broken message: %q", e.Error())
		}
	}
}

func FuzzProfile(f *testing.F) {
	for _, c := range profileCases {
		f.Add(string(c.data()))
	}
	for _, c := range frontMatterCases {
		f.Add(c.text)
	}
	f.Add("---\n" + billionLaughs("") + "---\n")
	f.Add("---\nname: " + strings.Repeat("[", 100) + "\n---\n")
	cfg := config("en")
	withCategories(cfg)
	withExtra(cfg)
	f.Fuzz(func(t *testing.T, text string) {
		data := []byte(text)
		m, errs := Profile(P, data, cfg)
		if m == nil && len(errs) == 0 {
			t.Fatal("neither member nor errors")
		}
		checkErrors(t, P, data, errs)
		if len(errs) == 0 && (m.Name == "" || m.Mission == "" || m.Why == "" || len(m.Offerings) == 0 ||
			m.Contact.Email == "" && m.Contact.Phone == "" && m.Contact.Website == "") {
			t.Errorf("member without a required field passed: %+v", m)
		}
		pg, perrs := Page(PG, data, cfg)
		if pg == nil && len(perrs) == 0 {
			t.Fatal("neither page nor errors")
		}
		checkErrors(t, PG, data, perrs)
		_, cerrs := Config(C, data)
		checkErrors(t, C, data, cerrs)
	})
}

// FuzzConfig feeds config.yaml arbitrary text: it never crashes and every
// problem has its line and a readable message.
func FuzzConfig(f *testing.F) {
	for _, s := range []string{
		"title: Netz\nlanguage: en\n",
		"theme:\n  color: \"#1d6b57\"\n  logo: content/logo.svg\n",
		"theme:\n  color: #1d6b57\n",
		"theme: blau\n",
		"theme:\n  color: [1, 2]\n  logo: {a: b}\n",
		"categories:\n  - id: a\n    label: A\nfooter:\n  - label: X\n    url: /x/\n",
		"strings:\n  a: b\nreferral:\n  subject: \"{{.Name}}\"\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, errs := Config(ConfigFile, data)
		checkErrors(t, ConfigFile, data, errs)
	})
}
