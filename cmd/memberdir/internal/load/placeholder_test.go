package load

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// withBody returns validProfile with its body (line 12 on) replaced.
func withBody(body string, edits ...string) string {
	return strings.TrimSuffix(profile(edits...), "Ich bin Anna.\n") + body
}

// placeholderCases are what `memberdir new` wrote for the member to
// replace, left in place or pasted into a value, and their look-alikes
// that are a member's own text.
var placeholderCases = []profileCase{
	{name: "sample paragraph", text: withBody(member.Msg("en", "new.body") + "\n"), want: e(
		P + `:12:1: this is the sample text that memberdir new wrote, and it would go live as it is — replace it with your own story (how you work, what you have done, what makes you different), or delete it: the text below the front matter is optional`)},
	{name: "de: Beispieltext", lang: "de", text: withBody(member.Msg("de", "new.body") + "\n"), want: e(
		P + `:12:1: das ist der Beispieltext, den memberdir new geschrieben hat, und er würde so veröffentlicht — ersetze ihn durch deine eigene Geschichte (wie du arbeitest, was du schon gemacht hast, was dich ausmacht) oder lösche ihn: der Text unter dem Kopfbereich ist freiwillig`)},
	{name: "de: German sample on an English site", text: withBody(member.Msg("de", "new.body") + "\n"), want: e(
		P + `:12:1: this is the sample text that memberdir new wrote, and it would go live as it is — replace it with your own story (how you work, what you have done, what makes you different), or delete it: the text below the front matter is optional`)},
	{name: "own text, last sample sentence kept", lang: "de", text: withBody("Ich bin Anna.\n\nSeit 2010 berate ich Bäckereien. Ersetze diesen Absatz.\n"), want: e(
		P + `:14:34: das ist der Beispieltext, den memberdir new geschrieben hat, und er würde so veröffentlicht — ersetze ihn durch deine eigene Geschichte (wie du arbeitest, was du schon gemacht hast, was dich ausmacht) oder lösche ihn: der Text unter dem Kopfbereich ist freiwillig`)},
	{name: "sample re-wrapped by the editor", lang: "de", text: withBody("Hier ist Platz für deine  längere\nGeschichte, in Markdown.\n\nHier ist  Platz für deine längere Geschichte, in Markdown.\n"), want: e(
		P + `:15:1: das ist der Beispieltext, den memberdir new geschrieben hat, und er würde so veröffentlicht — ersetze ihn durch deine eigene Geschichte (wie du arbeitest, was du schon gemacht hast, was dich ausmacht) oder lösche ihn: der Text unter dem Kopfbereich ist freiwillig`)},
	{name: "own text about paragraphs", lang: "de", text: withBody("Ich ersetze Absätze durch klare Sätze. Hier ist Platz für Fragen.\n")},
	{name: "explanation pasted as mission", lang: "de", edits: []string{`mission: "Ein oder zwei Sätze: was du tust und für wen."`}, want: e(
		P + `:3:10: mission: "Ein oder zwei Sätze: was du tust und für wen." ist die Erklärung eines Felds, nicht dein eigener Text — schreibe hier, wonach sie fragt, in deinen eigenen Worten (oder lass den Wert leer: "")`)},
	{name: "explanation of another field, re-cased, no full stop", edits: []string{`why: "ONE or two sentences: what you do, and for whom"`}, want: e(
		P + `:4:6: why: "ONE or two sentences: what you do, and for whom" is the explanation of a field, not your own text — write what it asks for here, in your own words (or leave the value empty: "")`)},
	{name: "explanation as an offering", edits: []string{"offerings:\n  - Beratung\n  - Why you recommend them."}, want: e(
		P + `:7:5: offerings: "Why you recommend them." is the explanation of a field, not your own text — write what it asks for here, in your own words (or leave the value empty: "")`)},
	{name: "explanation as a recommendation's note", edits: []string{"recommends:\n  - member: bob\n    note: Why you recommend them."}, want: e(
		P + `:13:11: recommends.note: "Why you recommend them." is the explanation of a field, not your own text — write what it asks for here, in your own words (or leave the value empty: "")`)},
	{name: "sample phone number", edits: []string{"contact:\n  email: anna@example.de\n  phone: +49 221 1234567"}, want: e(
		P + `:10:10: contact.phone: "+49 221 1234567" is the sample number from the explanation, not yours — write your own number, e.g. +49 and your area code without its 0`)},
	{name: "sample phone number written otherwise", edits: []string{"contact:\n  email: anna@example.de\n  phone: \"+49 221 123 45 67\""}, want: e(
		P + `:10:10: contact.phone: "+49 221 123 45 67" is the sample number from the explanation, not yours — write your own number, e.g. +49 and your area code without its 0`)},
	{name: "a real number in the same city", edits: []string{"contact:\n  email: anna@example.de\n  phone: +49 221 1234568"}},
}

func TestPlaceholders(t *testing.T) {
	for _, c := range placeholderCases {
		t.Run(c.name, func(t *testing.T) {
			_, errs := Profile(P, c.data(), c.config())
			diffLines(t, lines(errs), c.want)
		})
	}
}

// sampleLines are lines that hold a sentence of the sample paragraph as
// sampleSentence finds it (re-cased, re-spaced, with other text around,
// with the characters that lower-case to ASCII letters) and lines that
// hold its key words without the sentence.
var sampleLines = []struct {
	line string
	col  int // what sampleSentence returns
}{
	{"Replace this paragraph.", 1},
	{"REPLACE THIS PARAGRAPH", 1},
	{"replace this PaRaGrApH!", 1},
	{"Seit 2010 berate ich Bäckereien. Replace this paragraph.", 34},
	{"Replace   this\tparagraph.", 1},
	{"Replace\u00a0this\u3000paragraph", 1},
	{"  Room for your longer story, in Markdown", 3},
	{"ROOM FOR YOUR LONGER STORY", 1},
	{"Room for your  LONGER  story", 1},
	{"HIER IST PLATZ FÜR DEINE LÄNGERE GESCHICHTE", 1},
	{"H\u0130ER \u0130ST PLATZ FÜR DE\u0130NE LÄNGERE GESCH\u0130CHTE", 1},
	{"Hier ist Platz für deine längere Geschichte.", 1},
	{"Hier ist  Platz für deine längere Geschichte.", 1},
	{"Ersetze diesen Absatz.", 1},
	{"ERSETZE\u2003DIESEN\u00a0ABSATZ", 1},
	{"Das ist Text. ersetze diesen absatz", 15},
	{"A longer paragraph of my own.", 0},
	{"Im Absatz davor steht mehr über den Platz.", 0},
	{"Replace this", 0},
	{"paragraph.", 0},
	{"", 0},
}

// TestMayHoldSample shows that the pre-check of bodyPlaceholder lets
// through every line in which sampleSentence finds a sentence.
func TestMayHoldSample(t *testing.T) {
	for _, c := range sampleLines {
		if got := sampleSentence(c.line); got != c.col {
			t.Errorf("sampleSentence(%q) = %d, want %d", c.line, got, c.col)
		}
		if c.col > 0 && !mayHoldSample(c.line) {
			t.Errorf("mayHoldSample(%q) = false, but sampleSentence finds a sentence", c.line)
		}
	}
	// Variants of every sentence in random case and spacing: each is
	// found, and none is skipped by the pre-check.
	spaces := []string{" ", "  ", "\t", "\u00a0", "\u2003", "\u3000", " \u202f "}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		s := sampleSentences[r.IntN(len(sampleSentences))]
		var b strings.Builder
		b.WriteString([]string{"", "Text. ", "  ", "**"}[r.IntN(4)])
		for _, c := range s {
			switch {
			case c == ' ':
				b.WriteString(spaces[r.IntN(len(spaces))])
			case c == 'i' && r.IntN(4) == 0:
				b.WriteRune('\u0130')
			case c == 'k' && r.IntN(4) == 0:
				b.WriteRune('\u212a')
			case r.IntN(2) == 0:
				b.WriteRune(unicode.ToUpper(c))
			default:
				b.WriteRune(c)
			}
		}
		b.WriteString([]string{"", ".", " und mehr.", "…"}[r.IntN(4)])
		l := b.String()
		if sampleSentence(l) == 0 {
			t.Errorf("sampleSentence(%q) = 0", l)
		}
		if !mayHoldSample(l) {
			t.Errorf("mayHoldSample(%q) = false, but sampleSentence finds a sentence", l)
		}
	}
}

// TestSampleWords checks what mayHoldSample relies on: each sentence has
// its word, and no character but an ASCII letter lower-cases to one of
// the word's letters.
func TestSampleWords(t *testing.T) {
	if len(sampleWords) != len(sampleSentences) {
		t.Fatalf("%d words for %d sentences", len(sampleWords), len(sampleSentences))
	}
	for i, w := range sampleWords {
		if len(w.word) < 4 || !slices.Contains(strings.Split(sampleSentences[i], " "), w.word) {
			t.Errorf("sampleWords[%d] = %q, not a word of %q", i, w.word, sampleSentences[i])
		}
	}
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		l := unicode.ToLower(r)
		for _, w := range sampleWords {
			if strings.ContainsRune(w.word, l) {
				t.Errorf("%U lower-cases to %q, a letter of %q", r, l, w.word)
			}
		}
	}
}

func TestFoldWordIn(t *testing.T) {
	cases := []struct {
		word, s string
		want    bool
	}{
		{"platz", "platz", true},
		{"platz", "PLATZ", true},
		{"platz", "Hier ist PlAtZ.", true},
		{"platz", "Arbeitsplatz", true},
		{"platz", "Platzhalter", true},
		{"platz", "z platz", true},
		{"platz", "zplat", false},
		{"platz", "plat", false},
		{"platz", "latz", false},
		{"platz", "pl atz", false},
		{"platz", "pLaTs", false},
		{"platz", "", false},
		{"ersetze", "ersetzte ERSETZE", true},
		{"ersetze", "ersetzte", false},
		{"ersetze", "zersetze", true},
		{"paragraph", "PARAGRAPH", true},
		{"paragraph", "paragrap", false},
		{"paragraph", "p@r@gr@ph", false},
		{"", "", true},
		{"", "Text", true},
	}
	for _, c := range cases {
		if got := newFoldWord(c.word).in(c.s); got != c.want {
			t.Errorf("%q in %q: %v, want %v", c.word, c.s, got, c.want)
		}
	}
}

// TestBodyPlaceholderLines compares bodyPlaceholder with a search of
// every line, without the pre-check, on bodies with the sample
// paragraph, one of its sentences re-wrapped, and none.
func TestBodyPlaceholderLines(t *testing.T) {
	bodies := []string{
		member.Msg("en", "new.body") + "\n",
		member.Msg("de", "new.body") + "\n",
		"Ich bin Anna.\n\nSeit 2010 berate ich Bäckereien. ERSETZE DIESEN ABSATZ\n",
		"Hier ist Platz für deine  längere\nGeschichte, in Markdown.\n\nHier ist  Platz für deine längere Geschichte, in Markdown.\n",
		"Replace this\nparagraph.\n\nA longer story of my own.\n",
		"A longer story.\nRoom for\tyour longer   story.\n",
		"Ich ersetze Absätze durch klare Sätze. Hier ist Platz für Fragen.\n",
		"",
	}
	for _, body := range bodies {
		f := &file{path: P, lang: "en"}
		f.bodyPlaceholder(body, 12)
		var want member.ErrorList
		for i, l := range strings.Split(body, "\n") {
			if col := sampleSentence(l); col > 0 {
				want.Add(member.Pos{Path: P, Line: 12 + i, Col: col}, "", member.Msg("en", "body.placeholder"))
				break
			}
		}
		diffLines(t, lines(f.errs), lines(want))
	}
}

// TestIsDoc compares isDoc, which stops folding past the longest
// explanation, with a lookup of foldText's result, on every explanation
// written otherwise and on text around them.
func TestIsDoc(t *testing.T) {
	var texts []string
	for d := range docs {
		texts = append(texts, d, strings.ToUpper(d), "  "+strings.ReplaceAll(d, " ", " \t\u00a0")+". ",
			d+strings.Repeat(" .", 200), d+strings.Repeat(".", 300), d+" und mehr", "x"+d, d[:len(d)-1])
	}
	texts = append(texts, "", " ", ".", strings.Repeat("a", 300), strings.Repeat("ä ", 300), "Beratung", "\u0130\u212a",
		"ein", "Ein oder", "Ein oder drei Sätze", "EIN. ODER zwei Sätze: was du tust und für wen", "ein oder zwei sätze: was du tust und für wen..",
		"Ein\u2003oder zwei Sätze:   was du tust und für wen.", "wie man dich erreicht: mindestens eines von email, phone, website, fax")
	if docStart < 4 || len(docStarts) < 10 {
		t.Errorf("docStart = %d, %d starts: too few to tell values from explanations", docStart, len(docStarts))
	}
	for _, s := range texts {
		if got, want := isDoc(s), docs[foldText(s)]; got != want {
			t.Errorf("isDoc(%q) = %v, want %v", s, got, want)
		}
	}
	if maxDoc < 20 {
		t.Errorf("maxDoc = %d", maxDoc)
	}
}

func TestFoldText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Why you recommend them.", "why you recommend them"},
		{"  ONE or two\tsentences:\n what you do. . ", "one or two sentences: what you do"},
		{"Ä\u00a0Ö\u3000Ü...", "ä ö ü"},
		{"\u0130\u212a", "ik"},
		{"...", ""},
		{"", ""},
	}
	for _, c := range cases {
		if got := foldText(c.in); got != c.want {
			t.Errorf("foldText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
