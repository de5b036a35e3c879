package load

import "testing"

// TestSubFieldWords: a contact detail written at the left edge under a
// word members use for it, or misspelt, is told where it belongs.
func TestSubFieldWords(t *testing.T) {
	for _, c := range []profileCase{
		{name: "Telefon", lang: "de", edits: []string{"+Telefon: 0221 555123"}, want: e(
			P + `:11:1: Telefon: ist kein eigenes Feld — schreibe es als "phone:" unter "contact:", mit zwei Leerzeichen eingerückt`)},
		{name: "homepage", edits: []string{"+homepage: https://anna.example.de"}, want: e(
			P + `:11:1: homepage: is not a field of its own — write it as "website:" under "contact:", indented by two spaces`)},
		{name: "misspelt", edits: []string{"+phnoe: +49 221 555123"}, want: e(
			P + `:11:1: phnoe: is not a field of its own — write it as "phone:" under "contact:", indented by two spaces`)},
		{name: "only contact detail, no contact", edits: []string{"-contact", "+mail: anna@example.de"}, want: e(
			P + `:8:1: mail: is not a field of its own — write it as "email:" under "contact:", indented by two spaces`)},
		{name: "a top-level word wins", lang: "de", edits: []string{"+Ort: Köln"}, want: e(
			P + `:11:1: Ort: ist kein bekanntes Feld — meintest du "location"?`)},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, errs := Profile(P, c.data(), c.config())
			diffLines(t, lines(errs), c.want)
		})
	}
}
