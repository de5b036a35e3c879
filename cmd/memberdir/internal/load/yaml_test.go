package load

import (
	"testing"
	"unicode/utf8"
)

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
