package load

import (
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// langCode returns the two-letter code a member most likely meant by s,
// which is not one: "DE", "de-DE" and "deu" are de, and so are the names
// of the language in English, German or itself ("German", "Deutsch").
// It returns "" when there is no such code.
func langCode(s string) string {
	s = strings.TrimSpace(s)
	if tag, err := language.Parse(s); err == nil {
		if base, conf := tag.Base(); conf == language.Exact && len(base.String()) == 2 {
			return base.String()
		}
	}
	return langNames()[strings.ToLower(s)]
}

// langNames maps the lower-case English, German and own names of the
// languages with a two-letter code to that code. It is made once, on the
// first profile that needs it.
var langNames = sync.OnceValue(func() map[string]string {
	names := map[string]string{}
	namers := []display.Namer{display.English.Languages(), display.German.Languages(), display.Self}
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			code := string([]rune{a, b})
			tag, err := language.Parse(code)
			if err != nil {
				continue
			}
			if base, _ := tag.Base(); base.String() != code {
				continue
			}
			for _, n := range namers {
				if name := strings.ToLower(n.Name(tag)); name != "" {
					if _, taken := names[name]; !taken {
						names[name] = code
					}
				}
			}
		}
	}
	return names
})
