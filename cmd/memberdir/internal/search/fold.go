package search

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Token limits: shorter words are too unspecific to index, longer ones are
// not words (hashes, run-together URLs).
const (
	minToken = 2
	maxToken = 40
)

// special spells out the lower-case letters that carry no combining mark
// under NFD but that a German reader equates with plain Latin letters, and
// final sigma. The script's SPECIAL lists the same pairs.
var special = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d",
	'ð': "d", 'þ': "th", 'ı': "i", 'ς': "σ",
}

// Fold normalises text for matching: the text is decomposed (NFD), its
// combining marks are dropped and it is lower-cased, ß and a few other
// letters are spelled out, and it is split into words of letters and
// digits, which are joined by single spaces. Each word then drops an "e"
// that follows an "a", "o" or "u", so that the umlaut, its spelling with
// "e" and the plain vowel meet in one canonical form: Müller, Mueller and
// Muller all fold to "muller", Weiß and Weiss to "weiss". The rule maps a
// prefix of a word to a prefix of its fold, which prefix matching needs.
// The price is that a few unrelated words meet too (Poet and Pot).
func Fold(s string) string {
	var b []byte
	words(s, func(w []byte, _ int) {
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	})
	return string(b)
}

// words calls emit with each folded word of s, in order, as UTF-8 with
// its length in runes; the slice is reused between calls.
//
// The last step of folding drops each e that follows an a, o or u, judged
// on the word as it was, so that "uee" keeps its second e: prev is the
// letter before the current one, whether it was dropped or not.
func words(s string, emit func(w []byte, runes int)) {
	var buf [64]byte
	w := buf[:0]
	n := 0        // runes in w
	var prev byte // the letter before, see above
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			c = asciiFold[c]
			if c == 0 {
				if len(w) > 0 {
					emit(w, n)
					w, n = w[:0], 0
				}
				prev = 0
				continue
			}
			if c != 'e' || prev != 'a' && prev != 'o' && prev != 'u' {
				w = append(w, c)
				n++
			}
			prev = c
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		f := foldRune(r)
		if f.sep && len(w) > 0 {
			emit(w, n)
			w, n, prev = w[:0], 0, 0
		}
		n += f.n
		for j := 0; j < len(f.s); j++ {
			c := f.s[j]
			if c == 'e' && (prev == 'a' || prev == 'o' || prev == 'u') {
				n--
			} else {
				w = append(w, c)
			}
			prev = c
		}
	}
	if len(w) > 0 {
		emit(w, n)
	}
}

// asciiFold maps ASCII letters to lower case, digits to themselves and
// everything else to 0, a word break.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c] = c
		t[c-'a'+'A'] = c
	}
	return t
}()

// folded is what a non-ASCII rune becomes: the letters s (n runes), and
// whether the rune ends the word before them.
type folded struct {
	s   string
	n   int
	sep bool
}

// latin holds the folded form of the runes below len(latin), which cover
// the letters of the languages written with the Latin alphabet.
var latin = func() (t [0x250]folded) {
	for r := range t {
		t[r] = foldSlow(rune(r))
	}
	return t
}()

func foldRune(r rune) folded {
	if r < rune(len(latin)) {
		return latin[r]
	}
	return foldSlow(r)
}

// foldSlow folds one rune: it decomposes it, drops the nonspacing marks,
// lowers the case and spells out special letters. (NFD of a text is the
// decomposition of each rune with the marks reordered, and the marks go
// anyway.) A rune that leaves no letter or digit separates words, unless
// it is a mark.
func foldSlow(r rune) folded {
	var f folded
	var b []byte
	for _, c := range norm.NFD.String(string(r)) {
		if unicode.Is(unicode.Mn, c) {
			continue
		}
		c = unicode.ToLower(c)
		if sp, ok := special[c]; ok {
			b = append(b, sp...)
			f.n += utf8.RuneCountInString(sp)
			continue
		}
		if unicode.IsLetter(c) || unicode.IsNumber(c) {
			b = utf8.AppendRune(b, c)
			f.n++
			continue
		}
		f.sep = true
	}
	f.s = string(b)
	if f.n == 0 && !unicode.Is(unicode.Mn, r) {
		f.sep = true
	}
	return f
}

// plain blanks out the parts of a Markdown body that would add words
// nobody reads on the page: link and image targets, reference
// definitions, HTML tags and entities, URLs and e-mail addresses. Link
// texts stay, and the rest of Markdown is punctuation, which the tokenizer
// drops anyway. It is one pass without a parser: cheap at 10,000 members,
// and wrong only in ways that cost a stray word.
func plain(body string) string {
	if !strings.ContainsAny(body, "[]<&@:") && !strings.Contains(body, "www.") {
		return body
	}
	b := []byte(body)
	// blank overwrites b[i:j] with spaces and returns the index to go on
	// from, j-1.
	blank := func(i, j int) int {
		for k := i; k < j; k++ {
			b[k] = ' '
		}
		return j - 1
	}
	// upto returns the index of the first of stops (one of three sets) at
	// or after i, or -1. It remembers the last answer for each set: i only
	// grows, and no stop lies between that search's start and its answer,
	// so a line of a thousand "<a" is one scan, not a thousand.
	type memo struct{ from, at int }
	memos := map[string]*memo{}
	upto := func(i int, stops string) int {
		m := memos[stops]
		if m == nil {
			m = &memo{from: -1}
			memos[stops] = m
		}
		if m.from >= 0 && m.from <= i && (m.at < 0 || i <= m.at) {
			return m.at
		}
		m.from, m.at = i, -1
		if k := bytes.IndexAny(b[i:], stops); k >= 0 {
			m.at = i + k
		}
		return m.at
	}
	for i := 0; i < len(b); i++ {
		if i == 0 || b[i-1] == '\n' {
			// A reference definition, "[id]: https://…", is a line of its own.
			line := len(b)
			if j := upto(i, "\n"); j >= 0 {
				line = j
			}
			t := bytes.TrimLeft(b[i:line], " ")
			if len(b[i:line])-len(t) <= 3 && len(t) > 0 && t[0] == '[' && bytes.Contains(t, []byte("]:")) {
				i = blank(i, line)
				continue
			}
		}
		switch c := b[i]; {
		case c == ']' && i+1 < len(b) && b[i+1] == '(':
			if j := upto(i+2, ")\n"); j > 0 && b[j] == ')' {
				i = blank(i+1, j+1)
			}
		case c == '<' && i+1 < len(b) && (isLetter(b[i+1]) || b[i+1] == '/' || b[i+1] == '!'):
			if j := upto(i+1, ">\n"); j > 0 && b[j] == '>' {
				i = blank(i, j+1)
			}
		case c == '&':
			j := i + 1
			if j < len(b) && b[j] == '#' {
				j++
			}
			for j < len(b) && isAlnum(b[j]) {
				j++
			}
			if j < len(b) && b[j] == ';' && j > i+1 {
				i = blank(i, j+1)
			}
		case c == '@':
			// An e-mail address: the word around it, with a dot after the @.
			// The rest of the word is skipped either way, so that a word
			// of many @ is not scanned once for each.
			l, r := i, i
			for l > 0 && !isSpace(b[l-1]) {
				l--
			}
			for r < len(b) && !isSpace(b[r]) {
				r++
			}
			if bytes.IndexByte(b[i:r], '.') > 1 {
				i = blank(l, r)
			} else {
				i = r - 1
			}
		case (c == 'h' || c == 'w') && (i == 0 || !isAlnum(b[i-1])):
			if r := b[i:]; bytes.HasPrefix(r, []byte("http://")) || bytes.HasPrefix(r, []byte("https://")) || bytes.HasPrefix(r, []byte("www.")) {
				j := i
				for j < len(b) && !isSpace(b[j]) && b[j] != ')' && b[j] != '>' {
					j++
				}
				i = blank(i, j)
			}
		}
	}
	return string(b)
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isAlnum(c byte) bool { return c < utf8.RuneSelf && asciiFold[c] != 0 }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// stop lists the German and English function words that nearly every
// profile uses: indexing them would cost a posting per member and find
// nothing. The script ignores them in queries (see the "stop" field of the
// meta file). "it" is not among them: IT is a trade.
var stop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(stopWords) {
		m[Fold(w)] = true
	}
	return m
}()

// stopList is stop as the script reads it: sorted, space-separated.
var stopList = strings.Join(slices.Sorted(maps.Keys(stop)), " ")

const stopWords = `
aber alle allem allen aller alles als also am an andere anderen auch auf aus
bei beim bin bis bist da damit dann das dass dem den denn der des dich die dies
diese diesem diesen dieser dieses dir doch dort du durch ein eine einem einen
einer eines er es etwas euch euer für gegen habe haben hat hatte hier hin ich
ihm ihn ihnen ihr ihre ihrem ihren ihrer im in ins ist ja jede jedem jeden
jeder jedes jetzt kann kein keine man mein meine meinem meinen meiner mich mir
mit nach nicht noch nun nur ob oder ohne sehr sein seine seinem seinen seiner
sich sie sind so solche soll sondern sowie über um und uns unser unsere unter
vom von vor war waren was weil wenn wer werde werden wie wir wird wo zu zum zur
zwar zwischen
a about after all also an and any are as at be because been but by can could
did do does for from had has have he her his how if in into is its me more
most my no not of on only or other our out she so some such than that the
their them then there these they this those to too very was we were what when
where which while who why will with would you your
`
