package load

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// spacedTexts are values with and without white space to tidy: at their
// ends, in runs, of other kinds than the space, and bytes that are not
// UTF-8.
var spacedTexts = []string{
	"", " ", "a", "Anna Müller", "Anna  Müller", " Anna", "Anna ", "Anna\tMüller", "Anna\nMüller",
	"Anna\u00a0Müller", "Anna\u2003Müller", "Anna\u0085Müller", "Anna\u3000", "\u202fAnna", "a b c d",
	"a \u00a0b", "\xff \xfe", "\xff  \xfe", "\xc3", "Ü", "Dr. Anna Müller-Lüdenscheidt", "a\vb", "a\fb", "a\rb",
}

func TestSingleSpaced(t *testing.T) {
	for _, s := range spacedTexts {
		if singleSpaced(s) && strings.Join(strings.Fields(s), " ") != s {
			t.Errorf("singleSpaced(%q) = true, but Fields and Join make it %q", s, strings.Join(strings.Fields(s), " "))
		}
	}
	for _, s := range []string{"a", "Anna Müller", "a b c d", "\xff \xfe", "Ü"} {
		if !singleSpaced(s) {
			t.Errorf("singleSpaced(%q) = false", s)
		}
	}
}

func TestSmartQuoted(t *testing.T) {
	cases := []struct{ in, want string }{
		{"„Anna“", "„…“"},
		{"“a”", "“…”"},
		{"»Zitat«", "»…«"},
		{"„“", "„…“"},
		{"„", ""},
		{"“", ""},
		{"", ""},
		{"\xff", ""},
		{"„\xff", ""},
		{"Anna", ""},
		{"„Anna", ""},
	}
	for _, c := range cases {
		if got := smartQuoted(c.in); got != c.want {
			t.Errorf("smartQuoted(%q) = %q, want %q", c.in, got, c.want)
		}
		// The check it replaced: fewer than two characters are no quote.
		if utf8.RuneCountInString(c.in) < 2 && smartQuoted(c.in) != "" {
			t.Errorf("smartQuoted(%q) = %q for fewer than two characters", c.in, smartQuoted(c.in))
		}
	}
}
