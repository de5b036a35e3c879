package load

import (
	"strings"
	"testing"

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
