package load

import (
	"testing"
)

const PG = "content/pages/about.md"

func TestPage(t *testing.T) {
	cases := []struct {
		name, lang, text string
		want             []string
	}{
		{name: "valid", text: "---\ntitle: Über uns\nmenu: header\nweight: 10\n---\nText\n"},
		{name: "title missing", text: "---\nmenu: footer\n---\nText\n", want: e(PG + `:1:1: title: is missing — add a line "title: …"`)},
		{name: "title empty", text: "---\ntitle:\n---\nText\n", want: e(PG + `:2:7: title: is empty — write it after "title: "`)},
		{name: "title a list", text: "---\ntitle: [a]\n---\n", want: e(PG + `:2:8: title: must be text, not a list — write it on one line after the colon`)},
		{name: "unknown key", text: "---\ntitel: Über uns\n---\n", want: e(
			PG+`:1:1: title: is missing — add a line "title: …"`,
			PG+`:2:1: titel: is not a known field — did you mean "title"?`)},
		{name: "bad menu", text: "---\ntitle: Über uns\nmenu: sidebar\n---\n", want: e(PG + `:3:7: menu: "sidebar" is not a menu — write header, footer or remove the line`)},
		{name: "bad weight", text: "---\ntitle: Über uns\nweight: zehn\n---\n", want: e(PG + `:3:9: weight: "zehn" is not a whole number — write e.g. weight: 10`)},
		{name: "empty file", text: "", want: e(PG + `:1:1: the file is empty — start it with a line "---", then name: …, mission: …, and close with "---"`)},
		{name: "no front matter", text: "# Über uns\n", want: e(PG + `:1:1: the file does not start with front matter — the first line must be exactly "---"`)},
		{name: "unclosed", text: "---\ntitle: A\n", want: e(PG + `:3:1: the front matter is not closed — add a line "---" after the last field`)},
		{name: "not first", text: "\n---\ntitle: A\n---\n", want: e(PG + `:1:1: the front matter must start on the first line — remove the 1 line(s) before "---"`)},
		{name: "stub", text: "---\ntitle: Imprint\n# Delete this line when done.\nstub: imprint\n---\nName of the association\n", want: e(PG + `:4:1: stub: this page is still a stub from memberdir init and would go live as it is — replace the text below the front matter with your legal notice (who runs the site: name, postal address, e-mail, who represents it, register entry; in Germany § 5 DDG), then delete this line`)},
		{name: "de: stub", lang: "de", text: "---\ntitle: Datenschutz\nmenu: footer\nstub: datenschutz\n---\n", want: e(PG + `:4:1: stub: diese Seite ist noch ein Entwurf aus memberdir init und würde so veröffentlicht — ersetze den Text unter dem Kopfbereich durch deine Datenschutzerklärung (wer verantwortlich ist, welcher Hoster die Seite ausliefert und was seine Server-Protokolle speichern, welche Rechte die Besucher haben) und lösche dann diese Zeile`)},
		{name: "de: stub of another page", lang: "de", text: "---\ntitle: Über uns\nstub: true\n---\n", want: e(PG + `:3:1: stub: diese Seite ist noch ein Entwurf aus memberdir init und würde so veröffentlicht — ersetze den Text unter dem Kopfbereich durch deinen eigenen und lösche dann diese Zeile`)},
		{name: "stub line deleted, sample text kept", lang: "de", text: "---\ntitle: Impressum\n---\n## Angaben gemäß § 5 DDG\n\nNetzwerk Rheinland e. V.\\\nStraße und Hausnummer  \\\nPostleitzahl und Ort\n", want: e(PG + `:7:1: "Straße und Hausnummer" ist noch der Beispieltext aus memberdir init — schreibe hier die Angaben deines Netzwerks, wie das Gesetz es für ein Impressum verlangt`)},
		{name: "sample contact line kept", text: "---\ntitle: Imprint\n---\nExample Network Ltd\n\nE-mail: …\n", want: e(PG + `:6:1: "E-mail: …" is still the sample text from memberdir init — write your network's details here, as the law requires of an imprint`)},
		{name: "a real imprint", lang: "de", text: "---\ntitle: Impressum\n---\nNetzwerk Rheinland e. V.\\\nVenloer Straße 12\\\n50672 Köln\n\nE-Mail: vorstand@netzwerk.example\n"},
		{name: "stub false", text: "---\ntitle: Imprint\nstub: False\n---\nText\n"},
		{name: "stub below the front matter", text: "---\ntitle: Imprint\n---\nstub: imprint\n", want: e(PG + `:4:1: "stub" looks like a field, but it stands below the line "---" on line 3 that ends the front matter, so it is shown as text — move it above that line (if that "---" is a stray line in the middle of your fields, delete it)`)},
		{name: "de: bad menu", lang: "de", text: "---\ntitle: Über uns\nmenu: oben\n---\n", want: e(PG + `:3:7: menu: "oben" ist kein Menü — schreibe header, footer oder entferne die Zeile`)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lang := c.lang
			if lang == "" {
				lang = "en"
			}
			pg, errs := Page(PG, []byte(c.text), config(lang))
			diffLines(t, lines(errs), c.want)
			if len(errs) == 0 && pg == nil {
				t.Fatal("no page and no errors")
			}
			if c.name == "valid" && (pg.Title != "Über uns" || pg.Menu != "header" || pg.Weight != 10 || pg.Slug != "about" || pg.Body != "Text\n" || pg.BodyLine != 6) {
				t.Errorf("page = %+v", pg)
			}
		})
	}
}
