package render

import (
	"fmt"
	"hash/fnv"
	"html"
	"html/template"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// avatarColours are the backgrounds of initials avatars: calm, told apart
// easily, and each dark enough that white text on it has a WCAG contrast
// of at least 4.5:1 (TestAvatarContrast measures them).
var avatarColours = []string{
	"#0f5f8c", // blue
	"#2e6b4f", // green
	"#8a3b5c", // plum
	"#8a4b12", // brown
	"#5b4a9e", // violet
	"#a23b2a", // brick
	"#2f6470", // teal
	"#4f5b66", // slate
}

// Avatar returns the initials avatar of a member without a photo: an
// inline SVG of size×size pixels with the given class, so that the
// theme's CSS sizes and rounds it as it does photos. Its colour follows
// from the slug, so it stays the same from build to build. It is hidden
// from screen readers, which read the name beside it. It uses only
// presentation attributes, because the site's Content-Security-Policy
// forbids style attributes.
func (v *MemberView) Avatar(class string, size int) template.HTML {
	h := fnv.New32a()
	h.Write([]byte(v.M.Slug))
	bg := avatarColours[h.Sum32()%uint32(len(avatarColours))]
	return template.HTML(fmt.Sprintf(`<svg class="%s" width="%d" height="%d" viewBox="0 0 100 100" aria-hidden="true">`+
		`<rect width="100" height="100" fill="%s"/>`+
		`<text x="50" y="50" dy=".35em" text-anchor="middle" fill="#fff" font-size="40" font-weight="600">%s</text></svg>`,
		html.EscapeString(class), size, size, bg, html.EscapeString(Initials(v.M.Name))))
}

// Initials returns the upper-case first letters of the first and the
// last word of a name, leaving out academic titles and what follows a
// comma: "Dr. Özlem Arslan" and "Özlem Arslan, MBA" give "ÖA". A letter
// keeps its accents, typed as one character or as a letter and marks.
func Initials(name string) string {
	name, _, _ = strings.Cut(member.SortName(name), ",")
	words := strings.Fields(name)
	// Titles SortName does not know ("Dipl.-Ing.", "med.") end in a dot.
	for len(words) > 1 && strings.HasSuffix(words[0], ".") {
		words = words[1:]
	}
	var first, last string
	for _, w := range words {
		if l := initial(w); l == "" {
			continue
		} else if first == "" {
			first = l
		} else {
			last = l
		}
	}
	return first + last
}

// initial returns the first letter of w with its combining marks, upper
// case and composed, or "" when w has no letter.
func initial(w string) string {
	rs := []rune(w)
	for i, r := range rs {
		if !unicode.IsLetter(r) {
			continue
		}
		j := i + 1
		for j < len(rs) && unicode.Is(unicode.Mn, rs[j]) {
			j++
		}
		return norm.NFC.String(strings.ToUpper(string(rs[i:j])))
	}
	return ""
}
