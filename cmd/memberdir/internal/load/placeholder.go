package load

import (
	"bytes"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// placeholders reports text that `memberdir new` wrote for the member to
// replace and that is still there: the sample paragraph below the front
// matter, a field's explanation pasted as its value (the comment line
// above it, without its "#"), and the sample phone number the
// explanations and messages show. Such a profile would otherwise pass and
// go live with "Replace this paragraph." on it.
//
// Both languages are looked for, since a profile may have been created
// before the site's language was changed, or copied from another site.
func (f *file) placeholders(root *yaml.Node, body string, bodyLine int) {
	if body != "" {
		f.bodyPlaceholder(body, bodyLine)
	}
	f.valuePlaceholders(root, "", member.ProfileFields)
}

// bodyPlaceholder reports the first line of the body that holds a
// sentence of new's sample paragraph. Only the lines that hold one of
// sampleWords are folded and searched: most bodies hold none, and folding
// every line of every body was nearly a fifth of the time that loading
// 10,000 profiles took.
func (f *file) bodyPlaceholder(body string, bodyLine int) {
	if !mayHoldSample(body) {
		return
	}
	for i, l := range strings.Split(body, "\n") {
		if !mayHoldSample(l) {
			continue
		}
		if col := sampleSentence(l); col > 0 {
			f.errs.Add(member.Pos{Path: f.path, Line: bodyLine + i, Col: col}, "", member.Msg(f.lang, "body.placeholder"))
			return
		}
	}
}

// sampleSentences are the parts of new's sample paragraph that a member
// who wrote their own text would not keep: its first words and its last
// sentence, in each language.
var sampleSentences = func() []string {
	var out []string
	for _, lang := range []string{"en", "de"} {
		p := member.Msg(lang, "new.body")
		first, _, _ := strings.Cut(p, ",")
		last := p[strings.LastIndex(strings.TrimSuffix(p, "."), ".")+1:]
		out = append(out, foldText(first), foldText(last))
	}
	return out
}()

// sampleWords are a word of each of sampleSentences, made of ASCII
// letters that no other character lower-cases to (U+0130 "İ" does to "i"
// and U+212A, the Kelvin sign, to "k"), or "" where a sentence has no
// such word. foldText changes only case and white space, and a word has
// no white space: so a line in which sampleSentence finds a sentence
// holds the sentence's word, in some mix of upper and lower case. Of the
// words, the one with the rarest letter is taken, the longest of those:
// it is the one least often found in a member's own text.
var sampleWords = func() []foldWord {
	var out []foldWord
	for _, s := range sampleSentences {
		var w foldWord
		for _, word := range strings.Split(s, " ") {
			if word == "" || strings.ContainsFunc(word, func(r rune) bool {
				return r < 'a' || r > 'z' || r == 'i' || r == 'k'
			}) {
				continue
			}
			c := newFoldWord(word)
			if w.word == "" || c.rank() < w.rank() || c.rank() == w.rank() && len(c.word) > len(w.word) {
				w = c
			}
		}
		out = append(out, w)
	}
	return out
}()

// mayHoldSample reports whether text holds one of sampleWords, in any
// mix of upper and lower case: when it does not, sampleSentence finds no
// sentence in any of its lines.
func mayHoldSample(text string) bool {
	for _, w := range sampleWords {
		if w.in(text) {
			return true
		}
	}
	return false
}

// foldWord is a word of lower-case ASCII letters to look for in any mix
// of upper and lower case, with the index of its letter that is rarest
// in text (see rareFirst), which is looked for first.
type foldWord struct {
	word string
	rare int
}

// rareFirst are the lower-case ASCII letters from the rarest in German
// and English text to the most common.
const rareFirst = "qxjzypvwkbfgmcuhdlotanrsie"

func newFoldWord(w string) foldWord {
	fw := foldWord{word: w}
	for i := range len(w) {
		if strings.IndexByte(rareFirst, w[i]) < strings.IndexByte(rareFirst, w[fw.rare]) {
			fw.rare = i
		}
	}
	return fw
}

// rank is the place of the word's rarest letter in rareFirst.
func (w foldWord) rank() int {
	return strings.IndexByte(rareFirst, w.word[w.rare])
}

// in reports whether s holds the word in any mix of upper and lower case;
// every s holds the word "".
func (w foldWord) in(s string) bool {
	if w.word == "" {
		return true
	}
	c := w.word[w.rare]
	for _, c := range [2]byte{c, c - 'a' + 'A'} {
		for t := s[min(w.rare, len(s)):]; ; {
			i := strings.IndexByte(t, c)
			if i < 0 {
				break
			}
			// The letter is at len(s)-len(t)+i in s and the word would
			// start w.rare bytes before it, which the first t leaves.
			start := len(s) - len(t) + i - w.rare
			if hasPrefixLetters(s[start:], w.word) {
				return true
			}
			t = t[i+1:]
		}
	}
	return false
}

// hasPrefixLetters reports whether s starts with w, a run of lower-case
// ASCII letters, in any mix of upper and lower case.
func hasPrefixLetters(s, w string) bool {
	if len(s) < len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if s[i]|0x20 != w[i] {
			return false
		}
	}
	return true
}

// sampleSentence returns the column (1-based, in characters) where line
// l holds a sentence of the sample paragraph, or 0. A sentence that was
// re-wrapped or re-spaced is found too, and then reported at the line's
// start.
func sampleSentence(l string) int {
	fl := foldText(l)
	lower := strings.ToLower(l)
	for _, s := range sampleSentences {
		if !strings.Contains(fl, s) {
			continue
		}
		if i := strings.Index(lower, s); i >= 0 {
			return utf8.RuneCountInString(lower[:i]) + 1
		}
		return 1
	}
	return 0
}

// valuePlaceholders walks the mapping n, whose fields are fields (under
// parent, "" at the top), and reports values that are a field's
// explanation or the sample phone number.
func (f *file) valuePlaceholders(n *yaml.Node, parent string, fields []member.Field) {
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		fl, ok := fieldByName(fields, k.Value)
		if !ok {
			continue
		}
		name := k.Value
		if parent != "" {
			name = parent + "." + k.Value
		}
		switch {
		case fl.Kind == member.Map:
			f.valuePlaceholders(v, name, fl.Sub)
		case fl.Kind == member.MapList && v.Kind == yaml.SequenceNode:
			for _, item := range v.Content {
				f.valuePlaceholders(item, name, fl.Sub)
			}
		case v.Kind == yaml.SequenceNode:
			for _, item := range v.Content {
				f.valuePlaceholder(item, name, fl)
			}
		default:
			f.valuePlaceholder(v, name, fl)
		}
	}
}

// valuePlaceholder reports the scalar v of field fl (called name) when it
// is an explanation from new's comments or the sample phone number.
func (f *file) valuePlaceholder(v *yaml.Node, name string, fl member.Field) {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!bool" || strings.TrimSpace(v.Value) == "" {
		return
	}
	if fl.Format == member.FormatPhone && digits(v.Value) == digits(samplePhone) {
		f.add(v, name, "value.samplephone", v.Value)
		return
	}
	if isDoc(v.Value) {
		f.add(v, name, "value.placeholder", strings.TrimSpace(v.Value))
	}
}

// isDoc reports whether docs holds s as foldText folds it. It folds into
// a buffer on the stack and stops as soon as the folded text can be none
// of docs: when it starts as none of them does, or has become longer than
// the longest. Folding every value of 10,000 profiles into a new string
// cost a twentieth of loading them.
func isDoc(s string) bool {
	var buf [256]byte
	b, ok := appendFold(buf[:0], s, docStart)
	if !ok {
		// Folded, s is longer than docStart bytes and starts with b.
		if !docStarts[string(b[:docStart])] {
			return false
		}
		b, ok = appendFold(buf[:0], s, maxDoc)
	}
	return ok && docs[string(b)]
}

// samplePhone is the number the phone field's explanation and the phone
// messages give as an example.
const samplePhone = "+49 221 1234567"

// docs are the explanations of every profile field in both languages, as
// fold writes them: new writes them as comments above the fields, and a
// member who deletes the "# " or copies the line makes one a value.
var docs = func() map[string]bool {
	out := map[string]bool{}
	var walk func([]member.Field)
	walk = func(fields []member.Field) {
		for _, fl := range fields {
			for _, d := range fl.Doc {
				out[foldText(d)] = true
			}
			walk(fl.Sub)
		}
	}
	walk(member.ProfileFields)
	return out
}()

// maxDoc is the length in bytes of the longest of docs.
var maxDoc = func() int {
	n := 0
	for d := range docs {
		n = max(n, len(d))
	}
	return n
}()

// docStart is how many bytes docStarts keeps of the start of docs: as
// many as the shortest has, and at most 8.
var docStart = func() int {
	n := 8
	for d := range docs {
		n = min(n, len(d))
	}
	return n
}()

// docStarts are the first docStart bytes of each of docs.
var docStarts = func() map[string]bool {
	out := map[string]bool{}
	for d := range docs {
		out[d[:docStart]] = true
	}
	return out
}()

// foldText returns s in lower case with runs of white space as one space and
// without the surrounding space and final full stop, so that a sentence
// matches whether it was re-wrapped, re-cased or lost its full stop.
func foldText(s string) string {
	b, _ := appendFold(nil, s, math.MaxInt)
	return string(b)
}

// appendFold appends s as foldText folds it to b. It returns false, and
// stops, as soon as the folded text is longer than limit bytes without a
// full stop at its end: the finished text starts with all of it.
func appendFold(b []byte, s string, limit int) ([]byte, bool) {
	start := len(b)
	space := false
	for _, r := range strings.TrimSpace(s) {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && len(b) > start {
			b = append(b, ' ')
		}
		space = false
		if r < utf8.RuneSelf { // most text: no call to lower its case
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
		} else {
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
		if r != '.' && len(b)-start > limit {
			return b, false
		}
	}
	return b[:start+len(bytes.TrimRight(b[start:], ". "))], true
}

// digits returns the digits of s.
func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if '0' <= r && r <= '9' {
			return r
		}
		return -1
	}, s)
}
