package member

import (
	"strings"
	"testing"
)

func TestOneLine(t *testing.T) {
	// Values with and without white space to tidy: at their ends, in
	// runs, of other kinds than the space, and bytes that are not UTF-8.
	cases := []string{"", " ", "a", " a", "a ", "a b", "a  b", "a\tb", "a\nb", "a\vb", "a\fb", "a\rb",
		"Jörg Weiß", "a\u00a0b", "a\u0085b", "a\u2003b", "a\u2028b", "\u3000a", "a\xffb", "\xff", "a b c", "ab  ",
		"Anna\u00a0Müller", "Anna\u0085Müller", "\u202fAnna", "a \u00a0b", "\xff \xfe", "\xff  \xfe", "\xc3", "Ü",
		"Dr. Anna Müller-Lüdenscheidt"}
	for _, s := range cases {
		want := strings.Join(strings.Fields(s), " ")
		if got := OneLine(s); got != want {
			t.Errorf("OneLine(%q) = %q, want %q", s, got, want)
		}
		if SingleSpaced(s) != (want == s) {
			t.Errorf("SingleSpaced(%q) = %v, want %v", s, SingleSpaced(s), want == s)
		}
	}
}
