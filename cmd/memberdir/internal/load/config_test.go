package load

import (
	"slices"
	"strings"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

const C = "config.yaml"

func TestConfigMissing(t *testing.T) {
	cfg, errs := Config(C, nil)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	want := member.DefaultConfig()
	if cfg.Title != want.Title || cfg.BaseURL != "/" || cfg.Language != "de" || cfg.PageSize != member.DefaultPageSize || !cfg.Referral.CcMember || cfg.Path != "" {
		t.Errorf("defaults = %+v", cfg)
	}
}

func TestConfig(t *testing.T) {
	cases := []configCase{
		{name: "empty file", text: "", check: func(t *testing.T, c member.Config) {
			if c.Language != "de" || c.BaseURL != "/" || c.Path != C {
				t.Errorf("config = %+v", c)
			}
		}},
		{name: "comment only", text: "# nothing yet\n"},
		{name: "full", text: "title: Netzwerk Köln\nlanguage: en\nbase_url: https://org.github.io/directory\n" +
			"categories:\n  - id: steuern\n    label: Steuerberatung\nexclusive_categories: true\npage_size: 50\n" +
			"strings:\n  recommend: Weiterempfehlen\norganiser:\n  name: Eva\n  email: eva@example.de\n  github: [eva]\n",
			check: func(t *testing.T, c member.Config) {
				if c.Title != "Netzwerk Köln" || c.Language != "en" || c.BaseURL != "https://org.github.io/directory/" ||
					!slices.Equal(c.Categories, []member.ConfigCategory{{ID: "steuern", Label: "Steuerberatung"}}) ||
					!c.ExclusiveCategories || c.PageSize != 50 || c.Strings["recommend"] != "Weiterempfehlen" ||
					c.Organiser.Email != "eva@example.de" || !slices.Equal(c.Organiser.GitHub, []string{"eva"}) {
					t.Errorf("config = %+v", c)
				}
			}},
		{name: "base_url path normalised", text: "base_url: /directory", check: func(t *testing.T, c member.Config) {
			if c.BaseURL != "/directory/" {
				t.Errorf("BaseURL = %q", c.BaseURL)
			}
		}},
		{name: "base_url with slash kept", text: "base_url: https://netzwerk.example/", check: func(t *testing.T, c member.Config) {
			if c.BaseURL != "https://netzwerk.example/" {
				t.Errorf("BaseURL = %q", c.BaseURL)
			}
		}},
		{name: "CRLF and BOM", text: "\ufefflanguage: en\r\ntitel: X\r\n", want: e(C + `:2:1: titel: is not a known setting — did you mean "title"?`)},

		{name: "old Mac line ends", text: "language: en\rtitel: X\r", want: e(C + `:2:1: titel: is not a known setting — did you mean "title"?`)},
		{name: "unknown key", text: "language: en\ntitel: Netzwerk\n", want: e(C + `:2:1: titel: is not a known setting — did you mean "title"?`)},
		{name: "unknown key, no match", text: "language: en\nfarbe: blau\n", want: e(C + `:2:1: farbe: is not a known setting — remove it or check its spelling`)},
		{name: "unknown sub-key", text: "language: en\norganiser:\n  emial: eva@example.de\n", want: e(C + `:3:3: organiser.emial: is not a known setting — did you mean "email"?`)},
		{name: "bad language", text: "language: fr\n", want: e(C + `:1:11: language: "fr" ist keine unterstützte Sprache — verwende de oder en`)},
		{name: "bad base_url", text: "language: en\nbase_url: example.org\n", want: e(C + `:2:11: base_url: "example.org" must be an absolute http(s) URL or a path starting with /, e.g. https://netzwerk.example/`)},
		{name: "javascript base_url", text: "language: en\nbase_url: javascript:alert(1)\n", want: e(C + `:2:11: base_url: "javascript:alert(1)" must be an absolute http(s) URL or a path starting with /, e.g. https://netzwerk.example/`)},
		{name: "protocol-relative base_url", text: "language: en\nbase_url: //cdn.example/\n", want: e(C + `:2:11: base_url: "//cdn.example/" must be an absolute http(s) URL or a path starting with /, e.g. https://netzwerk.example/`)},
		{name: "category without id", text: "language: en\ncategories:\n  - label: Steuern\n", want: e(C + `:3:5: categories: the category "Steuern" has no id — add "id: steuern" indented like "label:" (the id is the category's address: lowercase a-z, 0-9 and dashes)`)},
		{name: "category without id and label", text: "language: en\ncategories:\n  - {}\n", want: e(C + `:3:5: categories: each category needs an id (lowercase a-z, 0-9, dashes) and a label`)},
		{name: "category id twice", text: "language: en\ncategories:\n  - id: steuern\n    label: Steuern\n  - id: steuern\n    label: Recht\n", want: e(C + `:5:9: categories: the id "steuern" is already used by the category on line 3 — give each category its own id, or remove one of the two`)},
		{name: "category unknown key", text: "language: en\ncategories:\n  - id: steuern\n    lable: Steuern\n", want: e(
			C+`:3:5: categories: the category "steuern" has no label — add "label: …" indented like "id:", with the name visitors see, e.g. label: Steuern & Finanzen`,
			C+`:4:5: categories.lable: is not a known setting — did you mean "label"?`)},
		{name: "categories not a list", text: "language: en\ncategories: steuern, recht\n", want: e(C + `:2:13: categories: must be a list of entries, each starting with "  - id: …"`)},
		{name: "page_size word", text: "language: en\npage_size: many\n", want: e(C + `:2:12: page_size: must be a number between 10 and 100000`)},
		{name: "page_size small", text: "language: en\npage_size: 5\n", want: e(C + `:2:12: page_size: must be a number between 10 and 100000`)},
		{name: "strings not a map", text: "language: en\nstrings: Empfehlen\n", want: e(C + `:2:10: strings: must contain indented "name: value" lines below it, e.g. "  email: anna@example.de"`)},
		{name: "strings nested", text: "language: en\nstrings:\n  recommend:\n    de: Empfehlen\n", want: e(C + `:4:5: strings.recommend: must be text, not a group of fields — write it on one line after the colon`)},
		{name: "duplicate key", text: "language: en\ntitle: A\ntitle: B\n", want: e(C + `:3:1: title: the field appears twice (first on line 2) — keep only one`)},
		{name: "duplicate key before language", text: "title: A\ntitle: B\nlanguage: en\n", want: e(C + `:2:1: title: the field appears twice (first on line 1) — keep only one`)},
		{name: "duplicate key, German", text: "title: A\ntitle: B\n", want: e(C + `:2:1: title: das Feld steht zweimal da (zuerst in Zeile 1) — behalte nur eines`)},
		{name: "bool", text: "language: en\nprivacy:\n  noindex: ja\n", want: e(C + `:3:12: privacy.noindex: must be true or false, not "ja"`)},
		{name: "organiser email", text: "language: en\norganiser:\n  email: eva(at)example.de\n", want: e(C + `:3:10: organiser.email: "eva(at)example.de" is not an e-mail address — write it as name@example.de`)},
		{name: "footer javascript link", text: "language: en\nfooter:\n  - label: Impressum\n    url: javascript:alert(1)\n", want: e(C + `:4:10: footer: "javascript:alert(1)" is not a link a footer can have — write a page of the site (/impressum/), a web address (https://…), mailto:name@example.de or tel:+49 221 1234567`)},
		{name: "base_url with an umlaut", text: "base_url: https://Netzwerk-Köln.de/verzeichnis\n", check: func(t *testing.T, c member.Config) {
			if c.BaseURL != "https://xn--netzwerk-kln-ejb.de/verzeichnis/" {
				t.Errorf("BaseURL = %q, want the ASCII form", c.BaseURL)
			}
		}},
		{name: "footer mail and phone links", text: "language: en\nfooter:\n  - {label: Mail, url: \"mailto:kontakt@netzwerk.example?subject=Frage\"}\n  - {label: Mail, url: \"mailto:info@netzwerk-köln.de\"}\n  - {label: Anrufen, url: \"tel:+492211234567\"}\n"},
		{name: "extra field clashes", text: "language: en\nextra_fields:\n  - name: name\n", want: e(C + `:3:5: extra_fields: extra field "name" clashes with a built-in field or is not a valid name (a-z, 0-9, _)`)},
		{name: "tab", text: "language: en\norganiser:\n\tname: Eva\n", want: e(C + `:3:1: a tab is used for indentation — YAML needs spaces; replace the tab with two spaces`)},
		{name: "colon in title", text: "language: en\ntitle: Netzwerk: Köln\n", want: e(C + `:2:16: title: the value contains ": " — put the whole value in double quotes: title: "…"`)},
		{name: "list", text: "language: en\n- title\n", want: e(C + `:2:1: the line cannot be read (did not find expected key) — check indentation, colons and quotes`)},
		{name: "a list at the left edge is a list", text: "language: en\ncategories:\n- id: a\n  label: A\ntitle: [\n", want: e(C + `:5:8: a value cannot start with [ — put the whole value in double quotes: "["`)},
		{name: "a list at the left edge, and text after a quote", text: "language: en\ncategories:\n- id: a\n  label: A\ntitle: \"T\" x\n", want: e(C + `:5:12: title: the value ends at its closing quote, and "x" after it cannot be read — put the whole value in the quotes: title: "T x" (or, if the quotes belong to the text: title: '"T" x')`)},
		{name: "a list at the left edge, and a slip", text: "language: en\ncategories:\n- id: a\n  label: A\n  title: T\n", want: e(C + `:5:3: categories.title: is not a known setting — remove it or check its spelling`)},
		{name: "category at the left edge", text: "language: en\ncategories:\n  - id: a\n    label: A\n- id: b\n  label: B\n", want: e(C + `:5:1: this list item stands at the left edge, where only fields stand — put 2 spaces before its "-", as the items above`)},
		{name: "label indented by 3", text: "language: en\ncategories:\n  - id: a\n    label: A\n  - id: b\n   label: B\n", want: e(C + `:6:4: "label" belongs to the list item above — put it under "id", with 4 spaces before it`)},
		{name: "footer url at the dash", text: "language: en\nfooter:\n  - label: Impressum\n    url: /impressum/\n  - label: Datenschutz\n  url: /datenschutz/\n", want: e(C + `:6:3: "url" belongs to the list item above — put it under "label", with 4 spaces before it`)},
		{name: "theme", text: "language: en\ntheme:\n  color: \"#8A1C2B\"\n  logo: content/logo.svg\n", check: func(t *testing.T, c member.Config) {
			if c.Theme.Color != "#8a1c2b" || c.Theme.Logo != "content/logo.svg" || c.Theme.LogoPos.Line != 4 {
				t.Errorf("theme = %+v", c.Theme)
			}
		}},
		{name: "theme color unquoted", text: "language: en\ntheme:\n  color: #8a1c2b\n", want: e(C + `:3:9: theme.color: "" is not a colour — write it as a hex code in quotes, e.g. color: "#0f5f8c"`)},
		{name: "theme color name", text: "language: en\ntheme:\n  color: dunkelrot\n", want: e(C + `:3:10: theme.color: "dunkelrot" is not a colour — write it as a hex code in quotes, e.g. color: "#0f5f8c"`)},
		{name: "theme color too light", text: "language: en\ntheme:\n  color: \"#f5c400\"\n", want: e(C + `:3:10: theme.color: "#f5c400" is too light for text on white (contrast 1.6:1, WCAG AA needs 4.5:1) — use a darker shade such as "#896e00"`)},
		{name: "theme color too light, German", text: "theme:\n  color: \"#f5c400\"\n", want: e(C + `:2:10: theme.color: "#f5c400" ist zu hell für Text auf Weiß (Kontrast 1,6:1, WCAG AA verlangt 4,5:1) — nimm einen dunkleren Ton wie "#896e00"`)},
		{name: "theme logo outside content", text: "language: en\ntheme:\n  logo: ../../etc/logo.png\n", want: e(C + `:3:9: theme.logo: "../../etc/logo.png" must be a file in the content/ folder — put the logo there and write e.g. content/logo.svg`)},
		{name: "theme logo at root", text: "language: en\ntheme:\n  logo: logo.svg\n", want: e(C + `:3:9: theme.logo: "logo.svg" must be a file in the content/ folder — put the logo there and write e.g. content/logo.svg`)},
		{name: "theme logo hidden folder", text: "language: en\ntheme:\n  logo: content/.git/logo.svg\n", want: e(C + `:3:9: theme.logo: "content/.git/logo.svg" must be a file in the content/ folder — put the logo there and write e.g. content/logo.svg`)},
		{name: "theme logo type", text: "language: en\ntheme:\n  logo: content/logo.pdf\n", want: e(C + `:3:9: theme.logo: "content/logo.pdf" is not an SVG, PNG, JPEG or WebP file — export the logo in one of these formats`)},
		{name: "not a mapping", text: "- title: A\n", want: e(C + `:1:1: config.yaml muss aus Zeilen der Form "einstellung: wert" bestehen, z. B. title: Unser Netzwerk`)},
	}
	runConfigCases(t, cases)
}

// configCase is a config.yaml text and the problems, or the Config, it
// must give.
type configCase struct {
	name  string
	text  string
	want  []string
	check func(t *testing.T, c member.Config)
}

func runConfigCases(t *testing.T, cases []configCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, errs := Config(C, []byte(c.text))
			diffLines(t, lines(errs), c.want)
			if c.check != nil {
				c.check(t, cfg)
			}
		})
	}
}

// TestThemeColorSuggestion: the shade suggested for a colour that is too
// light must itself be accepted, or the organiser goes round in circles.
func TestThemeColorSuggestion(t *testing.T) {
	for _, c := range []string{"#f5c400", "#ffffff", "#7fdbff", "#ff4136", "#2ecc40", "#777777"} {
		_, errs := Config(C, []byte("language: en\ntheme:\n  color: \""+c+"\"\n"))
		if len(errs) != 1 {
			t.Fatalf("%s: want one problem, got %v", c, errs)
		}
		msg := errs[0].Error()
		i := strings.LastIndex(msg, "#")
		suggestion := msg[i : i+7]
		if _, errs := Config(C, []byte("language: en\ntheme:\n  color: \""+suggestion+"\"\n")); len(errs) != 0 {
			t.Errorf("%s: the suggested %s is refused too: %v", c, suggestion, errs)
		}
	}
}
