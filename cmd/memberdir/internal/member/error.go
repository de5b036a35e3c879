package member

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Error is one problem in the content, at a position, about a field.
// Msg says what is wrong and how to fix it, in the site's language.
type Error struct {
	Pos   Pos
	Field string // "contact.email", "recommends[1].member", or "" for the file
	Msg   string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(Printable(e.Pos.Path))
	if e.Pos.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Pos.Line)
		if e.Pos.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Pos.Col)
		}
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(Printable(e.Field))
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ErrorList collects every problem of a run, so that a member sees all of
// them at once instead of fixing one per build. Like go/scanner.ErrorList.
type ErrorList []*Error

// Add appends an error at pos about field with the message msg.
func (l *ErrorList) Add(pos Pos, field, msg string) {
	*l = append(*l, &Error{Pos: pos, Field: Printable(field), Msg: msg})
}

// Printable returns s unchanged when it is plain text on one line, else
// quoted in Go syntax. File names and unknown keys are members' own text
// and are printed as they are: a line break in one would start a new line
// in the CI log, which GitHub Actions reads as a workflow command
// ("::error …", "::stop-commands::…"), and a bidi override would make the
// line read differently from what it says.
func Printable(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, Invisible) {
		return s
	}
	return strconv.Quote(s)
}

// BidiControl reports whether r is one of the bidirectional embeddings,
// overrides and isolates that make text display in another order than it
// is written ("Trojan Source"): LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI
// and PDI.
func BidiControl(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// Invisible reports whether r is a character a reader cannot see that can
// change how the text around it reads: control characters (tab and line
// feed included; callers that allow them test for them first), the
// bidirectional embeddings, overrides, isolates and marks of "Trojan
// Source" attacks, zero-width spaces and other invisible format
// characters, and the line and paragraph separators, which YAML reads as
// line breaks. The zero-width joiner and non-joiner stay allowed: emoji
// and several scripts need them.
func Invisible(r rune) bool {
	switch {
	case unicode.IsControl(r), BidiControl(r),
		r == '\u200e', r == '\u200f', r == '\u061c', // LRM, RLM, ALM
		r == '\u200b', r == '\u2060', r == '\ufeff', r == '\u180e', // zero-width spaces, word joiner
		r >= '\u2061' && r <= '\u2064', // invisible operators
		r >= '\u206a' && r <= '\u206f', // deprecated format characters
		r >= '\ufff9' && r <= '\ufffb', // interlinear annotations
		r == '\u2028', r == '\u2029':   // line and paragraph separators
		return true
	}
	return false
}

// Sort orders the list by path, line, column and message, and drops exact
// duplicates, so output is stable.
func (l *ErrorList) Sort() {
	s := *l
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.Pos.Path != b.Pos.Path {
			return a.Pos.Path < b.Pos.Path
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		return a.Error() < b.Error()
	})
	out := s[:0]
	for i, e := range s {
		if i > 0 && e.Error() == s[i-1].Error() {
			continue
		}
		out = append(out, e)
	}
	*l = out
}

// Err returns the list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}
