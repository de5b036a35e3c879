package member

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCheckEmail(t *testing.T) {
	cases := []struct{ in, want string }{
		{"anna@example.de", ""},
		{"anna.mueller+netzwerk@mail.example.co.uk", ""},
		{"a_b-c@x-y.de", ""},
		{"ANNA@EXAMPLE.DE", ""},
		{"anna(at)example.de", "email.at"},
		{"anna[at]example.de", "email.at"},
		{"anna at example.de", "email.at"},
		{"anna@", "email.invalid"},
		{"@example.de", "email.invalid"},
		{"anna", "email.invalid"},
		{"", "email.invalid"},
		{"Anna <anna@x.de>", "email.invalid"},
		{"<anna@x.de>", "email.invalid"},
		{"anna@x.de, bob@x.de", "email.invalid"},
		{"anna@x.de\nBcc: evil@x.de", "email.invalid"},
		{"anna@x.de\r\nCc: evil@x.de", "email.invalid"},
		{"anna@x.de?cc=evil@x.de", "email.invalid"},
		{"anna@x.de&bcc=evil@x.de", "email.invalid"},
		{"anna@localhost", "email.invalid"},
		{"anna@-x.de", "email.invalid"},
		{"anna@x..de", "email.invalid"},
		{"anna..b@x.de", "email.invalid"},
		{"anna @x.de", "email.invalid"},
		{"\"anna\"@x.de", "email.invalid"},
		{"anna@x.de (Anna)", "email.invalid"},
		{strings.Repeat("a", 64) + "@" + strings.Repeat("b", 62) + "." + strings.Repeat("c", 61) + "." + strings.Repeat("d", 61) + ".de", ""},              // 254 characters
		{strings.Repeat("a", 64) + "@" + strings.Repeat("b", 62) + "." + strings.Repeat("c", 62) + "." + strings.Repeat("d", 61) + ".de", "email.invalid"}, // 255 characters
		{"anna@" + strings.Repeat("b", 64) + ".de", "email.invalid"},                                                                                       // a label of 64
	}
	for _, c := range cases {
		if got := CheckEmail(c.in); got != c.want {
			t.Errorf("CheckEmail(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCheckURL(t *testing.T) {
	cases := []struct{ in, want string }{
		{"https://example.de", ""},
		{"https://www.example.de/kontakt?x=1#termin", ""},
		{"http://example.de", ""},
		{"HTTPS://EXAMPLE.DE/", ""},
		{"https://www.linkedin.com/in/anna-müller", ""},
		{"https://example.de:8443/", ""},
		{"www.example.de", "url.noscheme"},
		{"example.de/kontakt", "url.noscheme"},
		{"javascript:alert(1)", "url.scheme"},
		{"JavaScript:alert(1)", "url.scheme"},
		{"data:text/html;base64,PHNjcmlwdD4=", "url.scheme"},
		{"vbscript:msgbox(1)", "url.scheme"},
		{"ftp://example.de/datei", "url.scheme"},
		{"mailto:anna@example.de", "url.scheme"},
		{"file:///etc/passwd", "url.scheme"},
		{"tel:+49221123456", "url.scheme"},
		{"", "url.invalid"},
		{"anna", "url.invalid"},
		{"https://", "url.invalid"},
		{"https:example.de", "url.invalid"},
		{"//example.de", "url.invalid"},
		{"https://user:pass@example.de", "url.invalid"},
		{"https://anna@evil.example", "url.invalid"},
		{"https://.example.de", "url.invalid"},
		{"https://intranet", "url.invalid"},
		{" javascript:alert(1)", "url.invalid"},
		{"java\tscript:alert(1)", "url.invalid"},
		{"https://x.de/ pfad", "url.invalid"},
		{`https://x.de/"onclick="alert(1)`, "url.invalid"},
		{"https://x.de/<script>", "url.invalid"},
		{"https://x.de/\nSet-Cookie: a", "url.invalid"},
		{"https://x.de/%zz", "url.invalid"},
	}
	for _, c := range cases {
		if got := CheckURL(c.in); got != c.want {
			t.Errorf("CheckURL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCheckPhone(t *testing.T) {
	cases := []struct{ in, want string }{
		{"+49 221 1234567", ""},
		{"+492211234567", ""},
		{"0221/123456", ""},
		{"0221 12 34 56", ""},
		{"+49 (0)221 123-45", ""},
		{"0221.123.456", ""},
		{"12345", "phone.invalid"},
		{"", "phone.invalid"},
		{"ruf mich an", "phone.invalid"},
		{"+49 221 CALL-NOW", "phone.invalid"},
		{"tel:+49221123456", "phone.invalid"},
		{"++49 221 123456", "phone.invalid"},
		{"+49 221 123456 ", "phone.invalid"},
		{"0221 123456\n", "phone.invalid"},
		{"0221 123456 Durchwahl 12", "phone.invalid"},
		{"+" + strings.Repeat("1", 40), "phone.invalid"},
	}
	for _, c := range cases {
		if got := CheckPhone(c.in); got != c.want {
			t.Errorf("CheckPhone(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCheckSmall(t *testing.T) {
	cases := []struct {
		check func(string) string
		name  string
		in    string
		want  string
	}{
		{CheckLang, "lang", "de", ""},
		{CheckLang, "lang", "en", ""},
		{CheckLang, "lang", "deutsch", "lang.invalid"},
		{CheckLang, "lang", "DE", "lang.invalid"},
		{CheckLang, "lang", "d", "lang.invalid"},
		{CheckLang, "lang", "de-AT", "lang.invalid"},
		{CheckLang, "lang", "", "lang.invalid"},
		{CheckGitHub, "github", "anna-mueller", ""},
		{CheckGitHub, "github", "Anna42", ""},
		{CheckGitHub, "github", strings.Repeat("a", 39), ""},
		{CheckGitHub, "github", strings.Repeat("a", 40), "github.invalid"},
		{CheckGitHub, "github", "@anna", "github.invalid"},
		{CheckGitHub, "github", "-anna", "github.invalid"},
		{CheckGitHub, "github", "anna-", "github.invalid"},
		{CheckGitHub, "github", "anna--m", "github.invalid"},
		{CheckGitHub, "github", "anna_m", "github.invalid"},
		{CheckGitHub, "github", "https://github.com/anna", "github.invalid"},
		{CheckGitHub, "github", "", "github.invalid"},
		{CheckPhoto, "photo", "anna.jpg", ""},
		{CheckPhoto, "photo", "anna-mueller.JPEG", ""},
		{CheckPhoto, "photo", "anna.png", ""},
		{CheckPhoto, "photo", "../x.jpg", "photo.path"},
		{CheckPhoto, "photo", "fotos/anna.jpg", "photo.path"},
		{CheckPhoto, "photo", `C:\Bilder\anna.jpg`, "photo.path"},
		{CheckPhoto, "photo", "/etc/anna.jpg", "photo.path"},
		{CheckPhoto, "photo", ".anna.jpg", "photo.path"},
		{CheckPhoto, "photo", "anna.gif", "photo.type"},
		{CheckPhoto, "photo", "anna.heic", "photo.type"},
		{CheckPhoto, "photo", "anna", "photo.type"},
		{CheckPhoto, "photo", "anna.jpg.exe", "photo.type"},
	}
	for _, c := range cases {
		if got := c.check(c.in); got != c.want {
			t.Errorf("%s(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

func TestIsSlug(t *testing.T) {
	cases := map[string]bool{
		"anna":                   true,
		"anna-mueller":           true,
		"anna-mueller-2":         true,
		"2pac":                   true,
		"Anna":                   false,
		"anna--mueller":          false,
		"-anna":                  false,
		"anna-":                  false,
		"anna_mueller":           false,
		"anna.mueller":           false,
		"anna müller":            false,
		"jörg":                   false,
		"":                       false,
		strings.Repeat("a", 100): true,
		strings.Repeat("a", 101): false,
	}
	for in, want := range cases {
		if got := IsSlug(in); got != want {
			t.Errorf("IsSlug(%q) = %v", in, got)
		}
	}
}

func TestParseDate(t *testing.T) {
	cases := []struct {
		in   string
		want Date
		key  string
	}{
		{"2021", Date{2021, 0, 0}, ""},
		{"2021-03", Date{2021, 3, 0}, ""},
		{"2021-03-01", Date{2021, 3, 1}, ""},
		{"2024-02-29", Date{2024, 2, 29}, ""},
		{"2000-02-29", Date{2000, 2, 29}, ""},
		{"2021-12-31", Date{2021, 12, 31}, ""},
		{"1900", Date{1900, 0, 0}, ""},
		{"2023-02-29", Date{}, "date.invalid"},
		{"2100-02-29", Date{}, "date.invalid"},
		{"2021-02-30", Date{}, "date.invalid"},
		{"2021-04-31", Date{}, "date.invalid"},
		{"2021-13-01", Date{}, "date.invalid"},
		{"2021-13", Date{}, "date.invalid"},
		{"2021-00", Date{}, "date.invalid"},
		{"2021-03-00", Date{}, "date.invalid"},
		{"2021-3", Date{}, "date.invalid"},
		{"2021-03-1", Date{}, "date.invalid"},
		{"2021-+3", Date{}, "date.invalid"},
		{"2021-03-+1", Date{}, "date.invalid"},
		{"+202", Date{}, "date.invalid"},
		{"21-03-01", Date{}, "date.invalid"},
		{"20210301", Date{}, "date.invalid"},
		{"2021-03-01-01", Date{}, "date.invalid"},
		{"2021-03-01T10:00", Date{}, "date.invalid"},
		{"1899", Date{}, "date.invalid"},
		{"2201", Date{}, "date.invalid"},
		{"1.3.2021", Date{}, "date.invalid"},
		{"März 2021", Date{}, "date.invalid"},
		{"", Date{}, "date.invalid"},
		{"-", Date{}, "date.invalid"},
	}
	for _, c := range cases {
		got, key := ParseDate(c.in)
		if got != c.want || key != c.key {
			t.Errorf("ParseDate(%q) = %+v, %q; want %+v, %q", c.in, got, key, c.want, c.key)
		}
		if key == "" && got.String() != c.in {
			t.Errorf("ParseDate(%q).String() = %q", c.in, got.String())
		}
	}
	if !(Date{}).IsZero() || (Date{Year: 2021}).IsZero() || (Date{}).String() != "" {
		t.Error("zero Date")
	}
}

func TestSlugify(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Anna Müller", "anna-mueller"},
		{"Jörg Weiß", "joerg-weiss"},
		{"José García", "jose-garcia"},
		{"  --Dr. Ölaf--", "dr-oelaf"},
		{"ÄÖÜ äöü ß ẞ", "aeoeue-aeoeue-ss-ss"},
		{"Jo\u0308rg Mu\u0308ller", "joerg-mueller"}, // decomposed umlauts, as macOS writes file names
		{"O'Brien", "obrien"},
		{"Anna’s Café", "annas-cafe"},
		{"Łukasz Żółć", "lukasz-zolc"},
		{"Søren Ærø", "soeren-aeroe"},
		{"François-Xavier", "francois-xavier"},
		{"Anna  Müller", "anna-mueller"},
		{"Anna_Müller.md", "anna-mueller-md"},
		{"123 Go!", "123-go"},
		{"Anna 🚀", "anna"},
		{"山田", ""},
		{"---", ""},
		{"", ""},
		{"ANNA", "anna"},
		{"anna-mueller", "anna-mueller"},
	}
	for _, c := range cases {
		got := Slugify(c.in)
		if got != c.want {
			t.Errorf("Slugify(%q) = %q, want %q", c.in, got, c.want)
		}
		if got != "" && !IsSlug(got) {
			t.Errorf("Slugify(%q) = %q is not a slug", c.in, got)
		}
	}
	long := Slugify(strings.Repeat("ab ", 60))
	if len(long) > 100 || !IsSlug(long) {
		t.Errorf("Slugify(long) = %q (%d)", long, len(long))
	}
	if got := Slugify(strings.Repeat("ä", 60)); utf8.RuneCountInString(got) > 100 || !IsSlug(got) {
		t.Errorf("Slugify(ä×60) = %q", got)
	}
}

func TestSuggest(t *testing.T) {
	fields := FieldNames(ProfileFields)
	c, _ := Lookup("contact")
	contact := FieldNames(c.Sub)
	cases := []struct {
		in    string
		cands []string
		want  string
	}{
		{"offerrings", fields, "offerings"},
		{"offering", fields, "offerings"},
		{"ofers", fields, ""},
		{"misson", fields, "mission"},
		{"Name", fields, "name"},
		{"nmae", fields, "name"},
		{"member-since", fields, "member_since"},
		{"membersince", fields, "member_since"},
		{"idealreferral", fields, "ideal_referral"},
		{"langauges", fields, "languages"},
		{"hobbies", fields, ""},
		{"x", fields, ""},
		{"emial", contact, "email"},
		{"mail", contact, "email"},
		{"webseite", contact, "website"},
		{"telefon", contact, ""},
		{"titel", []string{"title", "description", "language"}, "title"},
		{"steuren", []string{"steuern", "recht"}, "steuern"},
		{"kochen", []string{"steuern", "recht"}, ""},
		{"anna", nil, ""},
		{"bernd-schmid", []string{"anna", "bernd-schmidt"}, "bernd-schmidt"},
	}
	for _, c := range cases {
		if got := Suggest(c.in, c.cands); got != c.want {
			t.Errorf("Suggest(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestIsSlugMatchesRegexp: IsSlug is the regular expression written out
// for speed; on every short string over its alphabet they agree.
func TestIsSlugMatchesRegexp(t *testing.T) {
	re := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	alphabet := []byte("a0-Z_.ä")
	var gen func(prefix []byte, n int)
	gen = func(prefix []byte, n int) {
		s := string(prefix)
		if want := re.MatchString(s) && len(s) <= 100; IsSlug(s) != want {
			t.Errorf("IsSlug(%q) = %v, want %v", s, !want, want)
		}
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			gen(append(prefix, c), n-1)
		}
	}
	gen(nil, 5)
	if long := strings.Repeat("a", 101); IsSlug(long) {
		t.Error("a slug of 101 letters must be refused")
	}
}

func TestCheckScripts(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Anna Müller", ""},
		{"Ольга Schmidt", ""},
		{"Σοφία Παπαδοπούλου", ""},
		{"Zoë O'Brien-Łukasik", ""},
		{"L\u0435na Schäfer", "Latin+Cyrillic"}, // Cyrillic е
		{"\u0430nna", "Latin+Cyrillic"},         // Cyrillic а
		{"Ann\u03b1 Müller", "Latin+Greek"},     // Greek alpha
		{"Müller\u00a0&\u00a0Co", ""},
		{"3D-Druck GmbH", ""},
		{"Daniel \u0555kafor", "Latin+Armenian"}, // Armenian Օ
		{"\u13a0aniel Okafor", "Latin+Cherokee"}, // Cherokee Ꭰ
		{"山田 太郎", ""},
		{"やまだ花子", ""},   // Hiragana with Han
		{"김민준 金敏俊", ""}, // Hangul, Han
		{"Ahmad محمد", ""},
		{"Ahmadمحمد", "Latin+Arabic"},
		{"NTTドコモ", ""},
		{"LG전자", ""},
	}
	for _, c := range cases {
		if got := CheckScripts(c.in); got != c.want {
			t.Errorf("CheckScripts(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestLookalikeNames: what makes one name look like another's.
func TestLookalikeNames(t *testing.T) {
	for _, c := range []struct {
		in     string
		hidden rune
		compat string
	}{
		{"Daniel Okafor", -1, ""},
		{"Dani\u00adel Okafor", '\u00ad', ""},                        // soft hyphen
		{"Dan\u200ciel", '\u200c', ""},                               // zero-width non-joiner between Latin letters
		{"Daniel\u034f Okafor", '\u034f', ""},                        // combining grapheme joiner
		{"Daniel\ufe00 Okafor", '\ufe00', ""},                        // variation selector
		{"\u0645\u062d\u0645\u062f\u200c\u0631\u0636\u0627", -1, ""}, // Persian: ZWNJ between Arabic letters
		{"Dani\U0001d5bel", -1, "Daniel"},                            // mathematical sans-serif e
		{"ＡＢＣ Consulting", -1, "ABC Consulting"},
		{"Mu\u0308ller", -1, ""},                                 // decomposed ü is an ordinary ü
		{"\U0001d400\U0001d427\U0001d427\U0001d41a", -1, "Anna"}, // mathematical bold
		{"\u24b6nna", -1, "Anna"},                                // circled A
		// Ordinary writing that NFKC would change: none is refused.
		{"สำราญ ใจดี", -1, ""}, {"hoch³ Kommunikation", -1, ""}, {"ACME™", -1, ""}, {"Studio ½", -1, ""},
		{"Mª Carmen López", -1, ""}, {"µTronic GmbH", -1, ""}, {"Weiter… Coaching", -1, ""},
		{"华为技术（德国）有限公司", -1, ""}, {"ＮＴＴデータ", -1, ""}, {"Anna 🇩🇪", -1, ""},
		// Joiners and variation selectors where scripts and emoji need them.
		{"Anna Müller \U0001f469\u200d\U0001f4bb", -1, ""}, {"Sonne \u2600\ufe0f", -1, ""},
		{"\u0645\u0647\u0631\u0646\u0648\u0634\u200c \u0631\u0636\u0627\u06cc\u06cc", -1, ""}, // Persian, ZWNJ before a space
		{"\u0d39\u0d41\u0d38\u0d48\u0d28\u0d4d\u200d", -1, ""},                                // Malayalam chillu
		{"\u845b\U000e0100\u98fe", -1, ""},                                                    // Japanese ideographic variation
		{"Anna\u200d", '\u200d', ""},
		{"\u200dAnna", '\u200d', ""},
	} {
		if got := HiddenInName(c.in); got != c.hidden {
			t.Errorf("HiddenInName(%q) = %U, want %U", c.in, got, c.hidden)
		}
		if got := CompatForm(c.in); got != c.compat {
			t.Errorf("CompatForm(%q) = %q, want %q", c.in, got, c.compat)
		}
	}
}

func TestSuggestField(t *testing.T) {
	top := FieldNames(ProfileFields)
	c, _ := Lookup("contact")
	contact := FieldNames(c.Sub)
	cases := []struct {
		in    string
		names []string
		want  string
	}{
		{"offerrings", top, "offerings"},
		{"Angebote", top, "offerings"},
		{"Leistungen", top, "offerings"},
		{"beruf", top, "role"},
		{"Firma", top, "company"},
		{"Ort", top, "location"},
		{"Foto", top, "photo"},
		{"mitglied_seit", top, "member_since"},
		{"Mitglied seit", top, "member_since"},
		{"Empfehlungen", top, "recommends"},
		{"Kategorien", top, "tags"},
		{"Telefon", contact, "phone"},
		{"Handy", contact, "phone"},
		{"E-Mail", contact, "email"},
		{"Webseite", contact, "website"},
		{"Homepage", contact, "website"},
		{"telefon", top, ""}, // phone is no top-level field
		{"hobbies", top, ""},
	}
	for _, c := range cases {
		if got := SuggestField(c.in, c.names); got != c.want {
			t.Errorf("SuggestField(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDateAfter(t *testing.T) {
	day := Date{2026, 11, 27}
	for _, tt := range []struct {
		d    Date
		want bool
	}{
		{Date{2026, 0, 0}, false}, {Date{2027, 0, 0}, true}, {Date{2025, 0, 0}, false},
		{Date{2026, 11, 0}, false}, {Date{2026, 12, 0}, true}, {Date{2026, 10, 0}, false},
		{Date{2026, 11, 27}, false}, {Date{2026, 11, 28}, true}, {Date{2026, 11, 26}, false},
	} {
		if got := tt.d.After(day); got != tt.want {
			t.Errorf("%v.After(%v) = %v, want %v", tt.d, day, got, tt.want)
		}
	}
}
