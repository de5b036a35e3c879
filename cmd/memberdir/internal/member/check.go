package member

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The Check functions validate one value and return the message key of
// the problem (see Msg), or "" when the value is fine.

var (
	langRE   = regexp.MustCompile(`^[a-z]{2}$`)
	githubRE = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9]|-[A-Za-z0-9]){0,38}$`)
)

// IsSlug reports whether s is a valid slug: lowercase a-z, 0-9 and single
// dashes inside.
//
// It is the regular expression ^[a-z0-9]+(-[a-z0-9]+)*$ written out: it
// runs for every file name of every build, 10,000 times in a big site.
func IsSlug(s string) bool {
	if len(s) == 0 || len(s) > 100 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// CheckLang accepts ISO 639-1 codes in lowercase.
func CheckLang(s string) string {
	if !langRE.MatchString(s) {
		return "lang.invalid"
	}
	return ""
}

// CheckGitHub accepts GitHub user names.
func CheckGitHub(s string) string {
	if !githubRE.MatchString(s) {
		return "github.invalid"
	}
	return ""
}

// CheckPhoto accepts a plain .jpg, .jpeg or .png file name (no folders, so
// a profile cannot point at files elsewhere in the repository).
func CheckPhoto(s string) string {
	l := strings.ToLower(s)
	if strings.ContainsAny(s, `/\`) || strings.HasPrefix(s, ".") {
		return "photo.path"
	}
	if !strings.HasSuffix(l, ".jpg") && !strings.HasSuffix(l, ".jpeg") && !strings.HasSuffix(l, ".png") {
		return "photo.type"
	}
	return ""
}

// ParseDate reads YYYY, YYYY-MM or YYYY-MM-DD; it returns the message key
// of the problem when the text is none of these.
func ParseDate(s string) (Date, string) {
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, "date.invalid"
	}
	for _, p := range parts {
		// strconv.Atoi alone would accept signs: 2021-+3.
		if strings.Trim(p, "0123456789") != "" {
			return Date{}, "date.invalid"
		}
	}
	var d Date
	var err error
	if d.Year, err = strconv.Atoi(parts[0]); err != nil || d.Year < 1900 || d.Year > 2200 {
		return Date{}, "date.invalid"
	}
	if len(parts) > 1 {
		if len(parts[1]) != 2 {
			return Date{}, "date.invalid"
		}
		if d.Month, err = strconv.Atoi(parts[1]); err != nil || d.Month < 1 || d.Month > 12 {
			return Date{}, "date.invalid"
		}
	}
	if len(parts) > 2 {
		if len(parts[2]) != 2 {
			return Date{}, "date.invalid"
		}
		if d.Day, err = strconv.Atoi(parts[2]); err != nil || d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
			return Date{}, "date.invalid"
		}
	}
	return d, ""
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

var germanTranslit = strings.NewReplacer(
	"ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue", "ß", "ss", "ẞ", "SS",
	"æ", "ae", "Æ", "Ae", "ø", "oe", "Ø", "Oe", "œ", "oe", "Œ", "Oe", "ł", "l", "Ł", "L", "đ", "d", "Đ", "D", "ı", "i",
)

// Slugify turns a name into a slug the way a German reader expects:
// ä→ae, ö→oe, ü→ue, ß→ss, other accents stripped, everything else a dash.
func Slugify(s string) string {
	// Composed first: a decomposed ö (o + U+0308, as macOS writes file
	// names) must become oe too, not o.
	s = germanTranslit.Replace(norm.NFC.String(s))
	// Other accents go: decomposed, without the marks, composed again.
	// (Not with transform.Chain, whose buffers took 220 MB at 10,000
	// members; each step here returns plain ASCII as it is, unallocated.)
	s = norm.NFC.String(strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, norm.NFD.String(s)))
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b.WriteRune(c)
			dash = false
		case c == '\'' || c == '’':
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if len(out) > 100 {
		out = strings.TrimSuffix(out[:100], "-")
	}
	return out
}

// Suggest returns the candidate closest to s when it is close enough to be
// a likely typo (offerrings → offerings), or "".
func Suggest(s string, candidates []string) string {
	best, bestD := "", 1<<30
	ls := strings.ToLower(s)
	for _, c := range candidates {
		d := distance(ls, strings.ToLower(c))
		if d < bestD {
			best, bestD = c, d
		}
	}
	limit := 2
	if len([]rune(s)) <= 4 {
		limit = 1
	}
	if len([]rune(s)) >= 10 {
		limit = 3
	}
	if bestD <= limit || best != "" && (strings.HasPrefix(best, ls) || strings.HasPrefix(ls, best)) && len(ls) >= 3 {
		return best
	}
	return ""
}

// distance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of neighbours each count one.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 1 << 20
	}
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// CheckScripts returns the scripts mixed in one word of s, as
// "Latin+Cyrillic", or "" when every word keeps to one. Words wholly in
// one script are fine, so "Ольга Schmidt" passes, while "Lеna" with a
// Cyrillic е, or "Օkafor" with an Armenian Օ, look like another name and
// do not. The scripts of Chinese, Japanese and Korean look like no other
// and mix with each other and with Latin by nature ("NTTドコモ", "LG전자");
// they do not count.
func CheckScripts(s string) string {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) }) {
		var found []string
		for _, r := range w {
			if sc := scriptOf(r); sc != "" && !eastAsian[sc] && !slices.Contains(found, sc) {
				found = append(found, sc)
			}
		}
		if len(found) > 1 {
			slices.SortFunc(found, func(a, b string) int { // Latin first, the rest by name
				rank := func(s string) int {
					if s == "Latin" {
						return 0
					}
					return 1
				}
				return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a, b))
			})
			return strings.Join(found, "+")
		}
	}
	return ""
}

// eastAsian are the scripts of Chinese, Japanese and Korean.
var eastAsian = map[string]bool{"Han": true, "Hiragana": true, "Katakana": true, "Hangul": true, "Bopomofo": true}

// scriptOf returns the Unicode script of the letter or mark r, or "" for
// the scripts shared by all (Common, Inherited). The usual ones are tried
// first: most names are Latin.
func scriptOf(r rune) string {
	switch {
	case unicode.Is(unicode.Latin, r):
		return "Latin"
	case unicode.Is(unicode.Cyrillic, r):
		return "Cyrillic"
	case unicode.Is(unicode.Greek, r):
		return "Greek"
	}
	for name, t := range unicode.Scripts {
		if unicode.Is(t, r) {
			if name == "Common" || name == "Inherited" {
				return ""
			}
			return name
		}
	}
	return ""
}

// HiddenInName returns the first character of s that a reader cannot
// see, or -1: the soft hyphen, joiners, variation selectors and other
// format characters that Invisible lets through in text, since some
// scripts need them, but that make a name look like another member's.
// Joiners and variation selectors stay allowed after a letter of a script
// that is not Latin, as Persian, Indian, Mongolian and Japanese names need
// them, and after a symbol, as emoji do: "Dani\u00adel" or "Dan\u200ciel"
// hide something, "مهرنوش\u200c" or "👩\u200d💻" do not.
func HiddenInName(s string) rune {
	prev := rune(-1)
	for _, r := range s {
		hidden := unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) || unicode.Is(unicode.Variation_Selector, r)
		joiner := r == '\u200c' || r == '\u200d' || unicode.Is(unicode.Variation_Selector, r)
		if hidden && !(joiner && prev >= 0 && joins(prev)) {
			return r
		}
		if !hidden {
			prev = r
		}
	}
	return -1
}

// joins reports whether r is a letter or mark of a script that uses
// joiners and variation selectors, or a symbol such as an emoji.
func joins(r rune) bool {
	if unicode.Is(unicode.So, r) {
		return true
	}
	sc := scriptOf(r)
	return sc != "" && sc != "Latin" && (unicode.IsLetter(r) || unicode.IsMark(r))
}

// CompatForm returns s with its styled letters written the ordinary way,
// or "" when it has none: the letters and digits of the mathematical
// alphabets ("𝖣aniel", "𝐀𝐧𝐧𝐚", what "fancy font" generators make),
// circled and squared ones ("Ⓐnna"), and full-width Latin ("Ａｎｎａ"),
// which look like ordinary letters and make a name look like another's.
// Other compatibility characters are ordinary writing and stay: "²",
// "™", "½", "Mª", Thai "ำ", and full-width Latin and brackets beside
// Chinese, Japanese or Korean ("ＮＴＴデータ", "（株）").
func CompatForm(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return styled(r, false) }) {
		return "" // the usual case, without looking at scripts
	}
	cjk := strings.ContainsFunc(s, func(r rune) bool { return eastAsian[scriptOf(r)] })
	if !strings.ContainsFunc(s, func(r rune) bool { return styled(r, cjk) }) {
		return ""
	}
	var b strings.Builder
	for _, r := range s {
		if styled(r, cjk) {
			b.WriteString(norm.NFKC.String(string(r)))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// styled reports whether r is a styled form of a Latin letter or digit
// (see CompatForm); full-width forms count only outside CJK text.
func styled(r rune, cjk bool) bool {
	switch {
	case r >= 0x1d400 && r <= 0x1d7ff, // mathematical alphanumeric symbols
		r >= 0x2460 && r <= 0x24ff,  // enclosed alphanumerics
		r >= 0x1f100 && r < 0x1f1e6: // enclosed alphanumeric supplement, without the flags
		return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.So, r) || unicode.Is(unicode.No, r)
	case r >= 0xff10 && r <= 0xff19, r >= 0xff21 && r <= 0xff3a, r >= 0xff41 && r <= 0xff5a: // full-width
		return !cjk
	}
	return false
}
