package load

import (
	"strings"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// Limits on the Markdown below the front matter. The Markdown parser takes
// time that grows with the square of some shapes of text: a hundred
// thousand ">" in a row, or "![a](" repeated, kept a build of one such
// profile busy for minutes. No real text has these shapes, so they are
// refused before anything parses them.
const (
	// MaxBody is the longest body of a profile: some 10,000 words, where
	// a profile's story has a few hundred.
	MaxBody = 64 << 10
	// MaxPageBody is the longest body of a page (content/pages/), which
	// may be a privacy policy.
	MaxPageBody = 512 << 10
	// maxNesting is the deepest nesting of quotes and lists in one line.
	maxNesting = 16
	// maxLinks is the most links (and images) a body may have; it may
	// have twice as many "[", which Markdown reads as the start of one.
	maxLinks = 500
)

// bodyProblem reports the first problem of body, or "" for none: the
// message key, the line (1-based, within body) and the message's values.
func bodyProblem(body string, max int) (key string, line int, args []any) {
	if len(body) > max {
		return "body.toolong", 1, []any{size(len(body)), size(max)}
	}
	links, brackets := 0, 0
	for n, l := range strings.Split(body, "\n") {
		if d := nesting(l); d > maxNesting {
			return "body.nested", n + 1, []any{d, maxNesting}
		}
		if links += strings.Count(l, "]("); links > maxLinks {
			return "body.links", n + 1, []any{maxLinks}
		}
		if brackets += strings.Count(l, "["); brackets > 2*maxLinks {
			return "body.brackets", n + 1, []any{2 * maxLinks}
		}
	}
	return "", 0, nil
}

// nesting counts the quote markers (">") and list markers ("-", "*", "+",
// "1." or "1)", each followed by a space) that open line l, as Markdown
// nests them.
func nesting(l string) int {
	d := 0
	for {
		l = strings.TrimLeft(l, " \t")
		switch {
		case strings.HasPrefix(l, ">"):
			l = l[1:]
		case len(l) >= 2 && strings.ContainsRune("-*+", rune(l[0])) && (l[1] == ' ' || l[1] == '\t'):
			l = l[2:]
		default:
			i := 0
			for i < len(l) && i < 9 && l[i] >= '0' && l[i] <= '9' {
				i++
			}
			if i == 0 || i+1 >= len(l) || l[i] != '.' && l[i] != ')' || l[i+1] != ' ' && l[i+1] != '\t' {
				return d
			}
			l = l[i+2:]
		}
		d++
	}
}

// checkBody records the body's problem, if it has one, and returns the
// body to keep: none at all when it has a problem, so that nothing after
// load parses the text.
func (f *file) checkBody(body string, bodyLine, max int) string {
	key, line, args := bodyProblem(body, max)
	if key == "" {
		return body
	}
	f.errs.Add(member.Pos{Path: f.path, Line: bodyLine + line - 1, Col: 1}, "", member.Msg(f.lang, key, args...))
	return ""
}
