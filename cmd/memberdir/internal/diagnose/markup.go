package diagnose

import (
	"html"
	"regexp"
	"strings"
)

// Markup returns a message key and the text without it when s holds
// Markdown emphasis or HTML character references, which the fields above
// the front matter's "---" show as they are: "Ich helfe **kleinen**
// Firmen" would show its stars, "Müller &amp; Söhne" its "&amp;". A single
// star is left alone, since German writes "Unternehmer*innen".
//
// The expressions run only on text that has what each needs, "**" or
// "&": most text has neither, and they were a sixth of the time that
// loading 10,000 profiles took.
func Markup(s string) (key, fix string) {
	t := s
	for range 8 { // "**a** **b**": the space between the two is one match's
		if !strings.Contains(t, "**") {
			break
		}
		u := emphasisRE.ReplaceAllString(t, "$1$2$3")
		if u == t {
			break
		}
		t = u
	}
	if t != s {
		return "text.emphasis", t
	}
	if strings.IndexByte(s, '&') >= 0 && entityRE.MatchString(s) {
		if t := html.UnescapeString(s); t != s {
			return "text.entity", t
		}
	}
	return "", ""
}

var (
	// emphasisRE is bold as Markdown writes it, "**word**" between spaces
	// or punctuation: not "a**2 + b**2", nor "__init__" or "__main__",
	// which a member means as written.
	emphasisRE = regexp.MustCompile(`(^|[\s(„“"'])\*\*([^*\s](?:[^*]*[^*\s])?)\*\*($|[\s.,;:!?)“”"'])`)
	// leadingStarRE is emphasis at the start of a value, where YAML
	// reads a star as an alias: "*Weil* ich", "**Premium**".
	leadingStarRE = regexp.MustCompile(`^\*\*?([^*\s](?:[^*]*[^*\s])?)\*\*?`)
	entityRE      = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)
)
