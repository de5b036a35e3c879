package vcard

import (
	"strings"
	"testing"
	"unicode"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// The slow functions are text, oneLine and prop as they were before they
// got shortcuts for values that need no change and bulk copies; the tests
// below want the same bytes from both.

func textSlow(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == ',':
			b.WriteString(`\,`)
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			b.WriteString(`\n`)
		case unicode.IsControl(r) && r != '\t':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func oneLineSlow(s string) string { return strings.Join(strings.Fields(s), " ") }

func propSlow(name, value string) string {
	var b strings.Builder
	line := name + ":" + value
	n := 0
	for i := 0; i < len(line); {
		size := unitLen(line[i:])
		if n+size > maxLine {
			b.WriteString("\r\n ")
			n = 1
		}
		b.WriteString(line[i : i+size])
		n += size
		i += size
	}
	b.WriteString("\r\n")
	return b.String()
}

// values are awkward texts: white space of every kind, line breaks,
// control characters, invalid UTF-8, escapes, and multi-byte characters,
// alone and in pairs.
func values() []string {
	parts := []string{
		"", " ", "  ", "a", "Anna Müller", " a", "a ", "a  b", "a\tb", "a\nb", "a\r\nb", "\r", "\v\f",
		"\u00a0", "\u0085", "\u2028", "\u2029", "\u3000", "\x00", "\x1b", "\x7f", "\u009f", "\xff", "\xe2\x82",
		"\uFFFD", `\`, `\\`, ",", ";", `\,`, "ü", "😀", "👩‍💼", "中文", "a,b;c\\d",
	}
	out := append([]string{}, parts...)
	for _, a := range parts {
		for _, b := range parts {
			out = append(out, a+b, a+" "+b+" "+a)
		}
	}
	return out
}

func TestTextShortcut(t *testing.T) {
	for _, s := range values() {
		if got, want := text(s), textSlow(s); got != want {
			t.Errorf("text(%q) = %q, want %q", s, got, want)
		}
		if got, want := member.OneLine(s), oneLineSlow(s); got != want {
			t.Errorf("member.OneLine(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestFoldShortcut folds every awkward value after every length of text,
// so that each unit of it lands on each fold, under names of one and of
// two parts.
func TestFoldShortcut(t *testing.T) {
	units := []string{"ü", "😀", `\,`, `\\`, `\`, "\xff", "\xe2\x82", "a"}
	var vs []string
	for pad := range 2*maxLine + 2 {
		for _, u := range units {
			vs = append(vs, strings.Repeat("x", pad)+strings.Repeat(u, 40))
		}
	}
	vs = append(vs, values()...)
	for _, v := range vs {
		var w writer
		w.prop("NOTE", v)
		if got, want := w.buf.String(), propSlow("NOTE", v); got != want {
			t.Fatalf("prop(NOTE, %q):\n%q\nwant\n%q", v, got, want)
		}
		w.buf.Reset()
		w.prop2("URL;TYPE=", "x-linkedin", v)
		if got, want := w.buf.String(), propSlow("URL;TYPE=x-linkedin", v); got != want {
			t.Fatalf("prop2(URL;TYPE=, x-linkedin, %q):\n%q\nwant\n%q", v, got, want)
		}
	}
}
