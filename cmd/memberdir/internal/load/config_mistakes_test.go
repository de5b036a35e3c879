package load

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/render"
	"github.com/memberdir/memberdir/templates"
)

// TestConfigMistakes checks the answers to the organisers' usual mistakes
// in config.yaml, each of which used to build a broken site without a
// word or with a message that did not say what was wrong.
func TestConfigMistakes(t *testing.T) {
	const (
		noPath   = `has no {path}, so the "Edit this profile" link of every profile would lead to the same place — add {path} where the profile's file belongs: `
		variant  = `which is not replaced with the profile's file and would stay in the link as it is — write {path} exactly like this, in lower case with single braces: `
		local    = `is an address on your own computer, not the one the site is published at — referral e-mails, QR codes, vCards and the sitemap would point to your computer; write the published address, e.g. https://netzwerk.example/, or leave base_url out for a preview on your computer (memberdir serve works without it)`
		localDE  = `ist eine Adresse auf deinem eigenen Computer, nicht die, unter der die Website veröffentlicht wird — Empfehlungs-E-Mails, QR-Codes, vCards und die Sitemap würden auf deinen Computer zeigen; schreibe die veröffentlichte Adresse, z. B. https://netzwerk.example/, oder lass base_url für eine Vorschau auf deinem Computer weg (memberdir serve braucht sie nicht)`
		slugID   = `cannot be an id: the id is the category's address, so only lowercase a-z, 0-9 and dashes — write id: `
		slugIDDE = `kann keine id sein: die id ist die Adresse der Kategorie, deshalb nur a-z, 0-9 und Bindestriche — schreibe id: `
		types    = ` (the types are string for text, url for a web address and list for several items)`
		brace    = `is in single braces, so it would appear as it is in the e-mail — a placeholder takes two braces and a dot: write `
		braceDE  = `steht in einfachen geschweiften Klammern und käme so in der E-Mail an — ein Platzhalter braucht zwei Klammern und einen Punkt: schreibe `
	)
	cases := []configCase{
		// 2. edit_url needs exactly one {path}.
		{name: "edit_url without {path}", text: "language: en\nedit_url: https://github.com/org/repo/edit/main/\n",
			want: e(C + `:2:11: edit_url: "https://github.com/org/repo/edit/main/" ` + noPath + `https://github.com/org/repo/edit/main/{path}`)},
		{name: "edit_url without {path}, German", text: "edit_url: https://github.com/org/repo/edit/main/\n",
			want: e(C + `:1:11: edit_url: in "https://github.com/org/repo/edit/main/" fehlt {path}, deshalb würde der Link "Dieses Profil bearbeiten" bei jedem Profil an dieselbe Stelle führen — setze {path} dort ein, wo die Profildatei hingehört: https://github.com/org/repo/edit/main/{path}`)},
		{name: "edit_url is the repository", text: "language: en\nedit_url: https://github.com/org/repo\n",
			want: e(C + `:2:11: edit_url: "https://github.com/org/repo" ` + noPath + `https://github.com/org/repo/edit/main/{path}`)},
		{name: "edit_url {pfad}", text: "language: en\nedit_url: https://github.com/org/repo/edit/main/{pfad}\n",
			want: e(C + `:2:11: edit_url: "https://github.com/org/repo/edit/main/{pfad}" has {pfad}, ` + variant + `https://github.com/org/repo/edit/main/{path}`)},
		{name: "edit_url {Path}", text: "language: en\nedit_url: https://github.com/org/repo/edit/main/{Path}\n",
			want: e(C + `:2:11: edit_url: "https://github.com/org/repo/edit/main/{Path}" has {Path}, ` + variant + `https://github.com/org/repo/edit/main/{path}`)},
		{name: "edit_url {{path}}", text: "language: en\nedit_url: https://github.com/org/repo/edit/main/{{path}}\n",
			want: e(C + `:2:11: edit_url: "https://github.com/org/repo/edit/main/{{path}}" has {{path}}, ` + variant + `https://github.com/org/repo/edit/main/{path}`)},
		{name: "edit_url {pfad}, German", text: "edit_url: https://github.com/org/repo/edit/main/{pfad}\n",
			want: e(C + `:1:11: edit_url: "https://github.com/org/repo/edit/main/{pfad}" enthält {pfad}, das nicht durch die Profildatei ersetzt wird und so im Link stehen bliebe — schreibe {path} genau so, kleingeschrieben und mit einfachen geschweiften Klammern: https://github.com/org/repo/edit/main/{path}`)},
		{name: "edit_url encoded", text: "language: en\nedit_url: https://github.com/org/repo/edit/main/%7Bpath%7D\n",
			want: e(C + `:2:11: edit_url: "https://github.com/org/repo/edit/main/%7Bpath%7D" has %7Bpath%7D, ` + variant + `https://github.com/org/repo/edit/main/{path}`)},
		{name: "edit_url {path} twice", text: "language: en\nedit_url: https://example.org/{path}?file={path}\n",
			want: e(C + `:2:11: edit_url: "https://example.org/{path}?file={path}" has {path} 2 times — keep only the one where the profile's file belongs, e.g. https://github.com/org/repo/edit/main/{path}`)},
		{name: "edit_url good", text: "edit_url: https://github.com/org/repo/edit/main/{path}\n", check: func(t *testing.T, c member.Config) {
			if c.EditURL != "https://github.com/org/repo/edit/main/{path}" {
				t.Errorf("EditURL = %q", c.EditURL)
			}
		}},

		// 3. base_url: a file, a query, the organiser's own computer.
		{name: "base_url index.html", text: "language: en\nbase_url: https://netzwerk.example/index.html\n",
			want: e(C + `:2:11: base_url: "https://netzwerk.example/index.html" is the address of a file, not of the site's folder: the pages and styles would be looked for below it (…/index.html/assets/…) — write the folder: https://netzwerk.example/`)},
		{name: "base_url index.html, German", text: "base_url: https://org.github.io/verzeichnis/index.htm\n",
			want: e(C + `:1:11: base_url: "https://org.github.io/verzeichnis/index.htm" ist die Adresse einer Datei, nicht des Ordners der Website: Seiten und Gestaltung würden darunter gesucht (…/index.htm/assets/…) — schreibe den Ordner: https://org.github.io/verzeichnis/`)},
		{name: "base_url query", text: "language: en\nbase_url: https://netzwerk.example/?ref=x\n",
			want: e(C + `:2:11: base_url: "https://netzwerk.example/?ref=x" has a part starting with ? or #, which cannot belong to the site's address — write the address without it: https://netzwerk.example/`)},
		{name: "base_url fragment, German", text: "base_url: https://org.github.io/verzeichnis#start\n",
			want: e(C + `:1:11: base_url: "https://org.github.io/verzeichnis#start" hat einen Teil mit ? oder #, der nicht zur Adresse der Website gehören kann — schreibe die Adresse ohne ihn: https://org.github.io/verzeichnis/`)},
		{name: "base_url localhost", text: "language: en\nbase_url: http://localhost:8080\n", want: e(C + `:2:11: base_url: "http://localhost:8080" ` + local)},
		{name: "base_url 127.0.0.1", text: "language: en\nbase_url: http://127.0.0.1:8080/directory/\n", want: e(C + `:2:11: base_url: "http://127.0.0.1:8080/directory/" ` + local)},
		{name: "base_url ::1", text: "language: en\nbase_url: http://[::1]:8080/\n", want: e(C + `:2:11: base_url: "http://[::1]:8080/" ` + local)},
		{name: "base_url localhost, German", text: "base_url: http://localhost:8080/\n", want: e(C + `:1:11: base_url: "http://localhost:8080/" ` + localDE)},
		{name: "base_url with a dot in the path", text: "base_url: https://org.github.io/netz.werk\n", check: func(t *testing.T, c member.Config) {
			if c.BaseURL != "https://org.github.io/netz.werk/" {
				t.Errorf("BaseURL = %q", c.BaseURL)
			}
		}},

		// 4. referral.card_body is a setting.
		{name: "card_body", text: "language: en\nreferral:\n  card_body: \"Hallo {{.Member.Name}}\"\n", check: func(t *testing.T, c member.Config) {
			if c.Referral.CardBody != "Hallo {{.Member.Name}}" {
				t.Errorf("CardBody = %q", c.Referral.CardBody)
			}
		}},

		// 5. Footer links: the missing part named; a page's path with
		// the slash its address ends in.
		{name: "footer without label", text: "language: en\nfooter:\n  - url: /datenschutz/\n",
			want: e(C + `:3:5: footer: the link to "/datenschutz/" has no label — add "label: …" with the text to show, indented like "url:", e.g. label: Datenschutz`)},
		{name: "footer without label, German", text: "footer:\n  - url: /datenschutz/\n",
			want: e(C + `:2:5: footer: der Link zu "/datenschutz/" hat kein label — füge "label: …" mit dem angezeigten Text hinzu, eingerückt wie "url:", z. B. label: Datenschutz`)},
		{name: "footer without url", text: "language: en\nfooter:\n  - label: Datenschutz\n",
			want: e(C + `:3:5: footer: the link "Datenschutz" has no url — add "url: …" indented like "label:", e.g. url: /datenschutz/ for the page content/pages/datenschutz.md, or a full address starting with https://`)},
		{name: "footer empty url, German", text: "footer:\n  - label: Datenschutz\n    url:\n",
			want: e(C + `:3:9: footer: der Link "Datenschutz" hat keine url — füge "url: …" hinzu, eingerückt wie "label:", z. B. url: /datenschutz/ für die Seite content/pages/datenschutz.md oder eine vollständige Adresse mit https://`)},
		{name: "footer entry empty", text: "language: en\nfooter:\n  - {}\n",
			want: e(C + `:3:5: footer: each footer link needs a label and a url, e.g. "- label: Impressum" and below it "  url: /impressum/"`)},
		{name: "footer page paths", text: "footer:\n  - {label: A, url: /datenschutz}\n  - {label: B, url: /impressum#kontakt}\n  - {label: C, url: /members.json}\n  - {label: D, url: /}\n  - {label: E, url: https://example.org/x}\n",
			check: func(t *testing.T, c member.Config) {
				var got []string
				for _, l := range c.Footer {
					got = append(got, l.URL)
				}
				if want := []string{"/datenschutz/", "/impressum/#kontakt", "/members.json", "/", "https://example.org/x"}; !slices.Equal(got, want) {
					t.Errorf("footer URLs = %q, want %q", got, want)
				}
			}},

		// 6. Categories: the id to write, duplicates with the first's line.
		{name: "category ids like labels", text: "language: en\ncategories:\n  - id: gründung\n    label: Gründung\n  - id: Recht\n    label: Recht\n  - id: Recht und Steuern\n    label: Recht und Steuern\n",
			want: e(C+`:3:9: categories: "gründung" `+slugID+`gruendung, and the name with capitals, umlauts and spaces under label:`,
				C+`:5:9: categories: "Recht" `+slugID+`recht, and the name with capitals, umlauts and spaces under label:`,
				C+`:7:9: categories: "Recht und Steuern" `+slugID+`recht-und-steuern, and the name with capitals, umlauts and spaces under label:`)},
		{name: "category id like a label, German", text: "categories:\n  - id: Recht und Steuern\n    label: Recht und Steuern\n",
			want: e(C + `:2:9: categories: "Recht und Steuern" ` + slugIDDE + `recht-und-steuern, und den Namen mit Großbuchstaben, Umlauten und Leerzeichen unter label:`)},
		{name: "category id twice, German", text: "categories:\n  - id: recht\n    label: Recht\n  - id: recht\n    label: Recht II\n",
			want: e(C + `:4:9: categories: die id "recht" hat schon die Kategorie in Zeile 2 — gib jeder Kategorie eine eigene id oder entferne eine der beiden`)},
		{name: "category label twice", text: "language: en\ncategories:\n  - id: recht\n    label: Recht\n  - id: steuerrecht\n    label: recht\n",
			want: e(C + `:6:12: categories: the label "recht" is already used by the category on line 4, and visitors could not tell the two apart — give each category its own label, or merge the two`)},
		{name: "category label twice, German", text: "categories:\n  - id: recht\n    label: Recht\n  - id: steuerrecht\n    label: Recht\n",
			want: e(C + `:5:12: categories: das label "Recht" hat schon die Kategorie in Zeile 3, und Besucherinnen und Besucher könnten die beiden nicht unterscheiden — gib jeder Kategorie ein eigenes label oder fasse die beiden zusammen`)},
		{name: "category without label, German", text: "categories:\n  - id: recht\n",
			want: e(C + `:2:5: categories: die Kategorie "recht" hat kein label — füge "label: …" hinzu, eingerückt wie "id:", mit dem Namen, den Besucherinnen und Besucher sehen, z. B. label: Steuern & Finanzen`)},
		{name: "category without id, German", text: "categories:\n  - label: Recht & Steuern\n",
			want: e(C + `:2:5: categories: die Kategorie "Recht & Steuern" hat keine id — füge "id: recht-steuern" hinzu, eingerückt wie "label:" (die id ist die Adresse der Kategorie: a-z, 0-9 und Bindestriche)`)},

		// 7. Extra fields: an unknown type says so.
		{name: "extra field type link", text: "language: en\nextra_fields:\n  - name: instagram\n    type: link\n",
			want: e(C + `:4:11: extra_fields: "link" is not a type of extra field — write type: url` + types)},
		{name: "extra field type text", text: "language: en\nextra_fields:\n  - name: notiz\n    type: text\n",
			want: e(C + `:4:11: extra_fields: "text" is not a type of extra field — write type: string` + types)},
		{name: "extra field type unknown", text: "language: en\nextra_fields:\n  - name: mitarbeiter\n    type: number\n",
			want: e(C + `:4:11: extra_fields: "number" is not a type of extra field — write type: string (text), url (a web address) or list (several items)`)},
		{name: "extra field type, German", text: "extra_fields:\n  - name: instagram\n    type: Link\n",
			want: e(C + `:3:11: extra_fields: "Link" ist kein Typ eines Zusatzfelds — schreibe type: url (die Typen sind string für Text, url für eine Webadresse und list für mehrere Einträge)`)},

		// 8. E-mail texts: a placeholder in single braces.
		{name: "subject single braces", text: "language: en\nreferral:\n  subject: \"Empfehlung: {Member.Name}\"\n",
			want: e(C + `:3:25: referral.subject: "{Member.Name}" ` + brace + `{{.Member.Name}}`)},
		{name: "subject single braces, German", text: "referral:\n  subject: \"Empfehlung: {Member.Name}\"\n",
			want: e(C + `:2:25: referral.subject: "{Member.Name}" ` + braceDE + `{{.Member.Name}}`)},
		{name: "texts single braces", text: "language: en\nreferral:\n  body: |\n    Hallo,\n    ich empfehle {{.Member.Name}} und {mission}.\n    {Grüße}\n  ask_body: >\n    Darf ich {name}\n    vorstellen?\n  card_body: \"{ .Member.Name }\"\ncontact:\n  subject: \"Anfrage über {site.title}\"\n",
			want: e(
				C+`:5:39: referral.body: "{mission}" `+brace+`{{.Member.Mission}}`,
				C+`:8:14: referral.ask_body: "{name}" `+brace+`{{.Member.Name}}`,
				C+`:10:15: referral.card_body: "{ .Member.Name }" `+brace+`{{.Member.Name}}`,
				C+`:12:26: contact.subject: "{site.title}" `+brace+`{{.Site.Title}}`)},
		{name: "braces that are text", text: "referral:\n  ask_subject: \"Kennst du {Vorname}?\"\n  body: \"Preis: {ab 50 €}, Sprachen: {de, en}\"\n"},
		{name: "template actions", text: "referral:\n  body: \"{{if .Cc}}Cc: {{.Member.Name}}{{end}} {{- /* {x} */ -}}\"\n"},
	}
	runConfigCases(t, cases)
}

// TestStrayConfig: a settings file under another name or in content/ is
// reported instead of silently building the site with the defaults.
func TestStrayConfig(t *testing.T) {
	const (
		name   = `is not read: the settings are read only from a file named exactly config.yaml, so the site is built without them (default title, no categories, …) — rename this file to config.yaml`
		nameDE = `wird nicht gelesen: die Einstellungen werden nur aus einer Datei gelesen, die genau config.yaml heißt, deshalb wird die Website ohne sie gebaut (Standardtitel, keine Kategorien, …) — benenne diese Datei in config.yaml um`
		move   = `wird nicht gelesen: die Einstellungen werden nur aus config.yaml im Hauptordner der Website neben content/ gelesen, deshalb wird die Website ohne sie gebaut (Standardtitel, keine Kategorien, …) — verschiebe diese Datei dorthin und nenne sie config.yaml`
		both   = `is not read: the settings are read only from config.yaml in the site's main folder — copy what you need from this file into config.yaml, then delete this file`
		bothDE = `wird nicht gelesen: die Einstellungen werden nur aus config.yaml im Hauptordner der Website gelesen — übernimm, was du aus dieser Datei brauchst, in config.yaml und lösche sie dann`
	)
	cases := []struct {
		name  string
		files []string
		lang  string
		want  []string
	}{
		{name: "config.yaml only", files: []string{"config.yaml", "content/members/anna.md"}},
		{name: "none", files: []string{"content/members/anna.md"}},
		{name: "config.yml", files: []string{"config.yml"}, want: e("config.yml: " + nameDE)},
		{name: "config.yml, English", files: []string{"config.yml"}, lang: "language: en\n", want: e("config.yml: " + name)},
		{name: "Config.yaml", files: []string{"Config.yaml"}, want: e("Config.yaml: " + nameDE)},
		{name: "config.YAML", files: []string{"config.YAML"}, want: e("config.YAML: " + nameDE)},
		{name: "content/config.yaml", files: []string{"content/config.yaml"}, want: e("content/config.yaml: " + move)},
		{name: "content/config.yml", files: []string{"content/config.yml"}, want: e("content/config.yml: " + move)},
		{name: "config.yaml and config.yml", files: []string{"config.yaml", "config.yml"}, want: e("config.yml: " + bothDE)},
		{name: "config.yaml and content/config.yaml", files: []string{"config.yaml", "content/config.yaml"}, want: e("content/config.yaml: " + bothDE)},
		{name: "a folder", files: []string{"config.yml/x"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, f := range c.files {
				fsys[f] = &fstest.MapFile{Data: []byte(c.lang + "title: Netzwerk\n")}
			}
			diffLines(t, lines(strayConfig(fsys, "de")), c.want)
		})
	}
	// With config.yaml, its language is the site's.
	fsys := fstest.MapFS{"config.yaml": {Data: []byte("language: en\n")}, "config.yml": {Data: []byte("language: de\n")}}
	diffLines(t, lines(strayConfig(fsys, "en")), e("config.yml: "+both))
	// And Site reports it, as check and build do.
	fsys = site(map[string]string{"anna.md": profile()})
	fsys["config.yml"] = fsys["config.yaml"]
	delete(fsys, "config.yaml")
	_, errs, err := Site(fsys)
	if err != nil {
		t.Fatal(err)
	}
	diffLines(t, lines(errs), e("config.yml: "+name))
}

// caseInsensitive is a file system that finds "config.yaml" when the
// folder holds "Config.yaml", as macOS and Windows do.
type caseInsensitive struct{ files fstest.MapFS }

func (c caseInsensitive) Open(name string) (fs.File, error) {
	for n := range c.files {
		if strings.EqualFold(n, name) {
			return c.files.Open(n)
		}
	}
	return c.files.Open(name)
}

// TestStrayConfigCase: Config.yaml works on the organiser's Mac but not
// where the site is built for publishing.
func TestStrayConfigCase(t *testing.T) {
	fsys := caseInsensitive{fstest.MapFS{"Config.yaml": {Data: []byte("language: en\n")}}}
	diffLines(t, lines(strayConfig(fsys, "en")), e(
		"Config.yaml: is read on this computer, but not where the site is built for publishing, where upper and lower case matter: there the site is built without these settings — rename this file to config.yaml"))
}

// TestFooterPageOnce: a footer link "/datenschutz" (without the slash) to
// a page that has its own menu entry is shown once, not twice.
func TestFooterPageOnce(t *testing.T) {
	fsys := site(map[string]string{
		"anna.md":                      profile(),
		"content/pages/datenschutz.md": "---\ntitle: Datenschutz\nmenu: footer\n---\nText.\n",
	})
	fsys["config.yaml"].Data = []byte("footer:\n  - label: Datenschutzerklärung\n    url: /datenschutz\n")
	c, errs, err := Site(fsys)
	if err != nil || len(errs) > 0 {
		t.Fatal(err, errs)
	}
	dir, derrs := member.NewDirectory(c.Config, c.Members, c.Pages, false)
	if len(derrs) > 0 {
		t.Fatal(derrs)
	}
	files, err := render.Site(dir, render.NewTheme(templates.FS, nil), render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	home := string(files["index.html"])
	if n := strings.Count(home, `href="/datenschutz/"`); n != 1 {
		t.Errorf("the footer links to /datenschutz/ %d times, want once", n)
	}
	if strings.Contains(home, `href="/datenschutz"`) {
		t.Errorf("the footer links to /datenschutz without the slash")
	}
}
