package load

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/synth"
)

// TestBodyChecks checks the problems found in a kept body: fields below
// the front matter, HTML, and links that lead nowhere. Each row is a
// profile (validProfile, whose body starts on line 12, with its body
// replaced) or, with page set, a page (whose body starts on line 4).
func TestBodyChecks(t *testing.T) {
	const (
		field = ` look like fields, but they stand below the line "---" on line 11 that ends the front matter, so they are shown as text — move them above that line (if that "---" is a stray line in the middle of your fields, delete it)`
		html  = ` — write Markdown instead: **bold**, *italic*, [link](https://…), or plain text`
	)
	head := profile()
	head = head[:strings.LastIndex(head, "---\n")+4]
	cases := []struct {
		name string
		lang string // "" means "en"
		body string // below validProfile's front matter
		text string // the whole file, used instead of body when not ""
		page bool
		want []string
	}{
		// Fields below the front matter.
		{name: "fields after the closing ---", body: "member_since: 2021-03\nrecommends:\n  - member: lena-schaefer\n\nIch bin Anna.\n",
			want: e(P + `:12:1: "member_since" and the lines below it up to line 14` + field)},
		{name: "one field after the text", body: "Ich bin Anna.\n\nowner: anna\n",
			want: e(P + `:14:1: "owner" looks like a field, but it stands below the line "---" on line 11 that ends the front matter, so it is shown as text — move it above that line (if that "---" is a stray line in the middle of your fields, delete it)`)},
		{name: "de: one field after the text", lang: "de", body: "Ich bin Anna.\n\nowner: anna\n",
			want: e(P + `:14:1: "owner" sieht aus wie ein Feld, steht aber unter der Zeile "---" in Zeile 11, die den Kopfbereich beendet, und wird deshalb als Text angezeigt — verschiebe es über diese Zeile (wenn dieses "---" versehentlich mitten zwischen deinen Feldern steht, lösche es)`)},
		{name: "stray --- among the fields", text: "---\nname: Anna Müller\nmission: Ich helfe.\n---\nwhy: Weil.\nofferings:\n  - Beratung\ncontact:\n  email: anna@example.de\n---\nIch bin Anna.\n",
			want: e(
				P+`:1:1: contact: is missing — add a line "contact: …"`,
				P+`:1:1: offerings: is missing — add a line "offerings: …"`,
				P+`:1:1: why: is missing — add a line "why: …"`,
				P+`:4:1: this line "---" ends the front matter too early, so the fields from line 5 on are shown as text — delete this line; the front matter then ends at the "---" on line 10`)},
		{name: "profile pasted twice", text: profile() + profile(),
			want: e(P + `:14:1: the front matter seems to be pasted twice: "name" is already set on line 2 — delete everything from line 13 on that repeats it`)},
		{name: "de: profile pasted twice", lang: "de", text: profile() + profile(),
			want: e(P + `:14:1: der Kopfbereich scheint doppelt eingefügt zu sein: "name" steht schon in Zeile 2 — lösche ab Zeile 13 alles, was ihn wiederholt`)},
		{name: "a field's name as a word of prose", body: "Ich bin Anna.\n\nwhy: because I care about small firms.\nlanguages: German, English and a bit of Turkish.\n\nmission: impossible.\n"},
		{name: "words with colons are text", body: "Wichtig: ich antworte schnell.\nName: Anna\nnames: viele\nname:Anna\n"},

		// HTML.
		{name: "inline HTML", body: "Ich bin <b>Anna</b>.\n", want: e(P + `:12:9: HTML is not shown on the page (<b>)` + html)},
		{name: "de: inline HTML", lang: "de", body: "Ich bin <b>Anna</b>.\n", want: e(P + `:12:9: HTML wird auf der Seite nicht angezeigt (<b>) — schreibe stattdessen Markdown: **fett**, *kursiv*, [Link](https://…) oder einfachen Text`)},
		{name: "HTML block", body: "Text.\n\n<div>Termine auch samstags.</div>\n",
			want: e(P + `:14:1: HTML is not shown on the page (<div>), nor is the text from here to the next empty line` + html)},
		{name: "HTML once per line", body: "<i>a</i> und <b>b</b>\nund <br/> <span class=\"x\">c</span>\n", want: e(
			P+`:12:1: HTML is not shown on the page (<i>)`+html,
			P+`:13:5: HTML is not shown on the page (<br/>)`+html)},
		{name: "HTML in a table", body: "| a | b |\n|---|---|\n| Ä | <i>x</i> |\n", want: e(P + `:14:7: HTML is not shown on the page (<i>)` + html)},
		{name: "autolinks", body: "Mehr auf <https://anna.example.de> oder <anna@example.de>, < 5 Mio. Umsatz.\n"},
		{name: "HTML comments", body: "<!-- Foto fehlt noch -->\n\nText <!-- bis Mai --> mehr.\n"},
		{name: "code", body: "Code: `<div>` und `name: Anna`\n\n```html\n<div>\nname: Anna\n[x](team.jpg)\n```\n\n~~~\nwhy: w\n~~~\n\n    <b>x</b>\n"},

		// Links.
		{name: "link without https", body: "Siehe [meine Website](www.example.de).\n", want: e(P + `:12:7: "www.example.de" has no https:// — write https://www.example.de`)},
		{name: "de: link without https", lang: "de", body: "Siehe [meine Website](www.example.de).\n", want: e(P + `:12:7: bei "www.example.de" fehlt https:// — schreibe https://www.example.de`)},
		{name: "domain with a path", body: "[x](example.de/kontakt)\n", want: e(P + `:12:1: "example.de/kontakt" has no https:// — write https://example.de/kontakt`)},
		{name: "web, mail, phone links", body: "[x](https://ok.de) [y](HTTP://ok.de) [m](mailto:a@b.de) [t](tel:+49221) [s](#oben) ![b](https://ok.de/b.jpg)\n"},
		{name: "image", body: "![Team](team.jpg)\n", want: e(P + `:12:1: images in the text are not shown, and "team.jpg" is not an address on the web — remove the image; your photo goes under photo: in the front matter`)},
		{name: "de: image", lang: "de", body: "![Team](team.jpg)\n", want: e(P + `:12:1: Bilder im Text werden nicht angezeigt, und "team.jpg" ist keine Adresse im Web — entferne das Bild; dein Foto gehört unter photo: in den Kopfbereich`)},
		{name: "relative link", body: "Schreib mir über [das Formular](kontakt).\n", want: e(P + `:12:18: "kontakt" is not an address on the web, so the link leads nowhere — write the full address, starting with https://`)},
		{name: "mail address without mailto", body: "[Mail](anna@example.de)\n", want: e(P + `:12:1: "anna@example.de" is an e-mail address without mailto: — write mailto:anna@example.de`)},
		{name: "reference definition", body: "Siehe [x] und [y][x].\n\n[x]: example.de\n", want: e(P + `:14:1: "example.de" has no https:// — write https://example.de`)},

		// Pages.
		{name: "page: link on the site", page: true, text: "---\ntitle: Mitmachen\n---\n[Beitreten](/join/) oder [Impressum](/impressum/#kontakt)\n"},
		{name: "page: relative link", page: true, text: "---\ntitle: Mitmachen\n---\nSiehe [Impressum](impressum).\n",
			want: e(PG + `:4:7: "impressum" is not an address on the web, so the link leads nowhere — write the full address, starting with https://, or for a page of this site its path, starting with "/", e.g. /about/`)},
		{name: "page: field below", page: true, text: "---\ntitle: Mitmachen\n---\nmenu: header\n\nText\n",
			want: e(PG + `:4:1: "menu" looks like a field, but it stands below the line "---" on line 3 that ends the front matter, so it is shown as text — move it above that line (if that "---" is a stray line in the middle of your fields, delete it)`)},
		{name: "page: profile fields are text", page: true, text: "---\ntitle: Mitmachen\n---\nname: Anna\n"},

		// At most ten problems, and none past a limit.
		{name: "many problems", body: strings.Repeat("<b>x</b>\n", 12), want: func() []string {
			var w []string
			for l := 12; l < 22; l++ {
				w = append(w, fmt.Sprintf("%s:%d:1: HTML is not shown on the page (<b>)", P, l)+html)
			}
			return append(w, P+":22:1: and 2 more problems in this file — fix the ones above first")
		}()},
		{name: "limit first", body: strings.Repeat("<b>x</b> [a](b)\n", MaxBody/16+1), want: e(P + `:12:1: the text below the front matter is 65 KiB, more than 64 KiB — shorten it; a long story belongs on your own website, linked from here`)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lang := c.lang
			if lang == "" {
				lang = "en"
			}
			text := c.text
			if text == "" {
				text = head + c.body
			}
			if c.page {
				_, errs := Page(PG, []byte(text), config(lang))
				diffLines(t, lines(errs), c.want)
				return
			}
			m, errs := Profile(P, []byte(text), config(lang))
			diffLines(t, lines(errs), c.want)
			if m == nil {
				t.Fatal("no member")
			}
			if limited := strings.Contains(c.name, "limit"); (m.Body == "") != limited {
				t.Errorf("body kept: %v, want %v", m.Body != "", !limited)
			}
		})
	}
}

// TestBodyChecksQuiet loads the example site and a synthetic one: what
// they hold must pass every check.
func TestBodyChecksQuiet(t *testing.T) {
	_, errs, err := Site(os.DirFS("../../../.."))
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) > 0 {
		t.Errorf("example site:\n%s", strings.Join(lines(errs), "\n"))
	}
	_, errs, err = Site(synth.Site(2000, 1))
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) > 0 {
		t.Errorf("synthetic site:\n%s", strings.Join(lines(errs), "\n"))
	}
}
