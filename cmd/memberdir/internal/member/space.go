package member

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// OneLine returns s as one line with single spaces between its words:
// strings.Join(strings.Fields(s), " "), which is how a one-line value
// (a name, a company, a role) is shown and exported. It returns s itself
// when s is already so, as most values are: at 10,000 members the copies
// were a tenth of load's allocations.
func OneLine(s string) string {
	if SingleSpaced(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// SingleSpaced reports whether OneLine returns s as it is: no white
// space (as strings.Fields sees it) at its ends, and none between its
// words but single spaces.
func SingleSpaced(s string) bool {
	space := true // white space at the start is not kept
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			if space {
				return false
			}
			space = true
			continue
		case c < utf8.RuneSelf:
			if '\t' <= c && c <= '\r' {
				return false
			}
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += n - 1
		}
		space = false
	}
	return !space || s == ""
}
