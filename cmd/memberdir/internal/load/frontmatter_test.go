package load

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestRuneSetIndex shows that runeSet.index, which looks ASCII up in a
// table, finds what strings.IndexFunc finds with the set's function.
func TestRuneSetIndex(t *testing.T) {
	texts := []string{
		"", "Anna", "Anna\tMüller\n", "a\x00b", "a\x1fb", "a\x7fb", "\r\n", "ü\u0085", "a\u00a0b",
		"Zeile\u2028Zeile", "Absatz\u2029", "\u202eevil\u202c", "\u2066iso\u2069", "zero\u200bwidth",
		"\u200e\u200f", "\ufeffBOM", "bad \xff byte", "\xc3", "\xe2\x80", "ok \xe2\x80\xae",
		"Åsa Bäcker — 🙂 \u061c", strings.Repeat("a", 100) + "\x01",
	}
	alphabet := []string{"a", "Ä", " ", "\t", "\n", "\r", "\x00", "\x7f", "\xff", "\u0085", "\u2028", "\u202e", "\u200b", "🙂", "\ufeff"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 500 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	for name, set := range map[string]*runeSet{"yamlBreaks": yamlBreaks, "bodyHidden": bodyHidden, "invisibleText": invisibleText} {
		for _, s := range texts {
			if got, want := set.index(s), strings.IndexFunc(s, set.in); got != want {
				t.Errorf("%s.index(%q) = %d, want %d", name, s, got, want)
			}
		}
	}
}

func TestSplit(t *testing.T) {
	cases := []struct {
		in, fm, body     string
		fmLine, bodyLine int
	}{
		{"---\nname: Anna\n---\nText\n", "name: Anna\n", "Text\n", 2, 4},
		{"---\nname: Anna\n---\n", "name: Anna\n", "", 2, 4},
		{"---\nname: Anna\n---", "name: Anna\n", "", 2, 4},
		{"---\n---\nText", "", "Text", 2, 3},
		{"\xef\xbb\xbf---\r\na: 1\r\nb: 2\r\n---  \r\n\r\nText\r\nmore", "a: 1\nb: 2\n", "\nText\nmore", 2, 5},
		{"---\ra: 1\r---\rText\r", "a: 1\n", "Text\n", 2, 4},
		{"---\na: |\n  x\n\n---\n---\n", "a: |\n  x\n\n", "---\n", 2, 6},
	}
	for _, c := range cases {
		fm, fmLine, body, bodyLine, problem, _ := split([]byte(c.in))
		if fm != c.fm || body != c.body || fmLine != c.fmLine || bodyLine != c.bodyLine || problem != "" {
			t.Errorf("split(%q) = %q, %d, %q, %d, %q; want %q, %d, %q, %d", c.in, fm, fmLine, body, bodyLine, problem, c.fm, c.fmLine, c.body, c.bodyLine)
		}
	}
}
