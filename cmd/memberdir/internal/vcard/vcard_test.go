package vcard

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	govcard "github.com/emersion/go-vcard"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

const profile = "https://netzwerk.example/members/jonas-berger/"

func jonas() *member.Member {
	return &member.Member{
		Slug:      "jonas-berger",
		Name:      "Dr. Jonas Berger",
		Company:   "Berger Energieberatung",
		Role:      "Energieberater",
		Mission:   "Ich helfe Eigentümern im Rheinland, ihr Haus Schritt für Schritt klimafit zu machen.",
		Languages: []string{"de", "en"},
		Categories: []*member.Category{
			{ID: "handwerk", Label: "Handwerk & Ausbau"},
			{ID: "beratung", Label: "Beratung, Coaching"},
		},
		Contact: member.Contact{
			Email:    "jonas@berger-energie.example",
			Phone:    "0221 987654",
			Website:  "https://berger-energie.example/",
			LinkedIn: "https://www.linkedin.com/in/jonas-berger",
			Xing:     "https://www.xing.com/profile/Jonas_Berger",
			Booking:  "https://berger-energie.example/termin",
			Public:   true,
		},
	}
}

const jonasCard = "BEGIN:VCARD\r\n" +
	"VERSION:4.0\r\n" +
	"FN:Dr. Jonas Berger\r\n" +
	"N:Berger;Jonas;;Dr.;\r\n" +
	"KIND:individual\r\n" +
	"ORG:Berger Energieberatung\r\n" +
	"TITLE:Energieberater\r\n" +
	"EMAIL;TYPE=work:jonas@berger-energie.example\r\n" +
	"TEL;VALUE=uri;TYPE=work,voice:tel:+49221987654\r\n" +
	"URL;TYPE=work:https://berger-energie.example/\r\n" +
	"URL;TYPE=x-linkedin:https://www.linkedin.com/in/jonas-berger\r\n" +
	"URL;TYPE=x-xing:https://www.xing.com/profile/Jonas_Berger\r\n" +
	"URL;TYPE=x-booking:https://berger-energie.example/termin\r\n" +
	"URL;TYPE=x-profile:https://netzwerk.example/members/jonas-berger/\r\n" +
	"NOTE:Ich helfe Eigentümern im Rheinland\\, ihr Haus Schritt für Schritt kl\r\n" +
	" imafit zu machen.\r\n" +
	"CATEGORIES:Handwerk & Ausbau,Beratung\\, Coaching\r\n" +
	"LANG;PREF=1:de\r\n" +
	"LANG;PREF=2:en\r\n" +
	"UID:https://netzwerk.example/members/jonas-berger/\r\n" +
	"END:VCARD\r\n"

func TestCardGolden(t *testing.T) {
	got := string(Card(jonas(), profile, "de"))
	if got != jonasCard {
		t.Errorf("Card:\n%s\nwant:\n%s", strings.ReplaceAll(got, "\r\n", "⏎\n"), strings.ReplaceAll(jonasCard, "\r\n", "⏎\n"))
	}
}

func decode(t *testing.T, b []byte) govcard.Card {
	t.Helper()
	c, err := govcard.NewDecoder(bytes.NewReader(b)).Decode()
	if err != nil {
		t.Fatalf("go-vcard cannot read the card: %v\n%s", err, b)
	}
	return c
}

// rawValue returns the value of the first property called name as written
// (unfolded, still escaped), for compound and list values, which go-vcard
// reads without telling an escaped separator from a real one.
func rawValue(t *testing.T, b []byte, name string) string {
	t.Helper()
	for _, line := range strings.Split(strings.ReplaceAll(string(b), "\r\n ", ""), "\r\n") {
		if rest, ok := strings.CutPrefix(line, name+":"); ok {
			return rest
		}
	}
	t.Fatalf("no %s in\n%s", name, b)
	return ""
}

// split splits an escaped compound or list value at unescaped sep and
// unescapes each part, as RFC 6350 section 3.4 describes.
func split(v string, sep byte) []string {
	var parts []string
	var cur strings.Builder
	for i := 0; i < len(v); i++ {
		switch {
		case v[i] == '\\' && i+1 < len(v):
			i++
			switch v[i] {
			case 'n', 'N':
				cur.WriteByte('\n')
			default:
				cur.WriteByte(v[i])
			}
		case v[i] == sep:
			parts = append(parts, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(v[i])
		}
	}
	return append(parts, cur.String())
}

// checkLines asserts the line rules of RFC 6350 section 3.2: CRLF line
// ends only, at most 75 octets a line, continuation lines starting with a
// space, and no line that splits a UTF-8 sequence.
func checkLines(t *testing.T, b []byte) {
	t.Helper()
	if !bytes.HasSuffix(b, []byte("\r\n")) {
		t.Errorf("card does not end with CRLF")
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n")
	for i, l := range lines {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Errorf("line %d is %d octets long: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i+1, l)
		}
	}
}

func TestCardReadBack(t *testing.T) {
	b := Card(jonas(), profile, "de")
	checkLines(t, b)
	c := decode(t, b)
	for _, tt := range []struct{ field, want string }{
		{govcard.FieldVersion, "4.0"},
		{govcard.FieldFormattedName, "Dr. Jonas Berger"},
		{govcard.FieldKind, "individual"},
		{govcard.FieldTitle, "Energieberater"},
		{govcard.FieldEmail, "jonas@berger-energie.example"},
		{govcard.FieldTelephone, "tel:+49221987654"},
		{govcard.FieldNote, "Ich helfe Eigentümern im Rheinland, ihr Haus Schritt für Schritt klimafit zu machen."},
		{govcard.FieldUID, profile},
		{govcard.FieldRevision, ""},
	} {
		if got := c.Value(tt.field); got != tt.want {
			t.Errorf("%s = %q, want %q", tt.field, got, tt.want)
		}
	}
	n := c.Name()
	if n.FamilyName != "Berger" || n.GivenName != "Jonas" || n.HonorificPrefix != "Dr." {
		t.Errorf("N = %+v, want Berger, Jonas, Dr.", n)
	}
	if got := c.Get(govcard.FieldTelephone).Params; got.Get("VALUE") != "uri" || !got.HasType("work") {
		t.Errorf("TEL params = %v, want VALUE=uri and TYPE=work", got)
	}
	var urls []string
	for _, f := range c[govcard.FieldURL] {
		urls = append(urls, f.Params.Get(govcard.ParamType)+" "+f.Value)
	}
	want := []string{
		"work https://berger-energie.example/",
		"x-linkedin https://www.linkedin.com/in/jonas-berger",
		"x-xing https://www.xing.com/profile/Jonas_Berger",
		"x-booking https://berger-energie.example/termin",
		"x-profile " + profile,
	}
	if !slices.Equal(urls, want) {
		t.Errorf("URLs = %q, want %q", urls, want)
	}
	if got := c.Values(govcard.FieldLanguage); !slices.Equal(got, []string{"de", "en"}) {
		t.Errorf("LANG = %q, want de, en", got)
	}
	if got := split(rawValue(t, b, "CATEGORIES"), ','); !slices.Equal(got, []string{"Handwerk & Ausbau", "Beratung, Coaching"}) {
		t.Errorf("CATEGORIES = %q", got)
	}
}

func TestCardHostile(t *testing.T) {
	mission := strings.Repeat("Wärme, Öl; Gas\\Strom – 🔥👩‍🔧 und ß. ", 60)
	m := &member.Member{
		Name:    "Anna; \"Nina\", Müller\\X\nBEGIN:VCARD 😀",
		Company: "Müller; Söhne, GmbH\\Co\r\nEND:VCARD",
		Role:    "Chefin\rEMAIL:evil@x.de",
		Mission: mission + "\r\nZweite Zeile\rDritte\nVierte",
		Categories: []*member.Category{
			{Label: "A,B;C\\D"},
			{Label: "Zeile\nZwei"},
		},
		Languages: []string{"de", "x;y", "en\nFN:evil", "pt-BR"},
		Contact: member.Contact{
			Email:   "a,b;c@x.de\nTEL:123",
			Phone:   "+49 (0)221 123\n",
			Website: "https://example.de/a b\"c\\d",
			Xing:    "javascript:alert(1)",
			Public:  true,
		},
	}
	b := Card(m, "https://netzwerk.example/members/anna/?x=1,2;3", "de")
	checkLines(t, b)
	if lines := strings.Split(string(b), "\r\n"); slices.Index(lines, "BEGIN:VCARD") != 0 || slices.Index(lines, "END:VCARD") != len(lines)-2 {
		t.Errorf("a value started or ended a card:\n%s", b)
	}
	c := decode(t, b)
	wantNote := strings.ReplaceAll(strings.ReplaceAll(m.Mission, "\r\n", "\n"), "\r", "\n")
	for _, tt := range []struct{ field, want string }{
		{govcard.FieldFormattedName, "Anna; \"Nina\", Müller\\X BEGIN:VCARD 😀"},
		{govcard.FieldTitle, "Chefin EMAIL:evil@x.de"},
		{govcard.FieldEmail, "a,b;c@x.de TEL:123"},
		{govcard.FieldTelephone, "tel:+49221123"},
		{govcard.FieldNote, wantNote},
	} {
		if got := c.Value(tt.field); got != tt.want {
			t.Errorf("%s = %q, want %q", tt.field, got, tt.want)
		}
	}
	if len(c[govcard.FieldEmail]) != 1 || len(c[govcard.FieldTelephone]) != 1 || len(c[govcard.FieldFormattedName]) != 1 {
		t.Errorf("a value added a property: %v", c)
	}
	if got := split(rawValue(t, b, "ORG"), ';'); !slices.Equal(got, []string{"Müller; Söhne, GmbH\\Co END:VCARD"}) {
		t.Errorf("ORG = %q, want one component", got)
	}
	n := split(rawValue(t, b, "N"), ';')
	if len(n) != 5 || n[0] != `"Nina"` || n[1] != "Anna;" || n[4] != "Müller\\X BEGIN:VCARD 😀" {
		t.Errorf("N = %q, want five components with the semicolon kept", n)
	}
	if got := split(rawValue(t, b, "CATEGORIES"), ','); !slices.Equal(got, []string{"A,B;C\\D", "Zeile Zwei"}) {
		t.Errorf("CATEGORIES = %q", got)
	}
	if got := c.Values(govcard.FieldLanguage); !slices.Equal(got, []string{"de", "pt-br"}) {
		t.Errorf("LANG = %q, want only the valid tags", got)
	}
	var urls []string
	for _, f := range c[govcard.FieldURL] {
		urls = append(urls, f.Value)
	}
	if want := []string{"https://example.de/a%20b%22c%5Cd", "https://netzwerk.example/members/anna/?x=1,2;3"}; !slices.Equal(urls, want) {
		t.Errorf("URLs = %q, want %q", urls, want)
	}
	// The long mission must have been folded, and folded lines must not
	// start or end in the middle of a backslash escape.
	lines := strings.Split(string(b), "\r\n")
	folded := 0
	for i, l := range lines {
		if strings.HasPrefix(l, " ") {
			folded++
			if prev := lines[i-1]; strings.HasSuffix(prev, "\\") && !strings.HasSuffix(prev, "\\\\") {
				t.Errorf("line %d ends inside an escape: %q", i, prev)
			}
		}
	}
	if folded < 30 {
		t.Errorf("only %d folded lines for a %d-octet mission", folded, len(m.Mission))
	}
}

func TestCardNotPublic(t *testing.T) {
	m := jonas()
	m.Contact.Public = false
	b := Card(m, profile, "de")
	c := decode(t, b)
	if c.Get(govcard.FieldEmail) != nil || c.Get(govcard.FieldTelephone) != nil {
		t.Errorf("card shows e-mail or phone of a member who hid them:\n%s", b)
	}
	if c.Value(govcard.FieldFormattedName) != "Dr. Jonas Berger" || len(c[govcard.FieldURL]) != 5 {
		t.Errorf("card lost more than e-mail and phone:\n%s", b)
	}
}

func TestCardMinimal(t *testing.T) {
	m := &member.Member{Name: "Bo", Mission: "Möbel.", Tags: []string{"handwerk"}}
	b := Card(m, "", "de")
	want := "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Bo\r\nN:Bo;;;;\r\nKIND:individual\r\nNOTE:Möbel.\r\nCATEGORIES:handwerk\r\nEND:VCARD\r\n"
	if string(b) != want {
		t.Errorf("Card = %q, want %q", b, want)
	}
}

func TestCardDeterministic(t *testing.T) {
	a, b := Card(jonas(), profile, "de"), Card(jonas(), profile, "de")
	if !bytes.Equal(a, b) {
		t.Errorf("two cards of the same member differ")
	}
	if bytes.Contains(a, []byte("REV")) {
		t.Errorf("card has a REV timestamp")
	}
}

func TestName(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Anna Müller", "Müller;Anna;;;"},
		{"Dr. Jonas Berger", "Berger;Jonas;;Dr.;"},
		{"Prof. Dr. med. Eva Maria Schmidt", "Schmidt;Eva;Maria;Prof.,Dr.,med.;"},
		{"Dr.-Ing. Kai Lutz", "Lutz;Kai;;Dr.-Ing.;"},
		{"Ursula von der Leyen", "von der Leyen;Ursula;;;"},
		{"Anna Müller, MBA, LL.M.", "Müller;Anna;;;MBA,LL.M."},
		{"A. B. Cooper", "Cooper;A.;B.;;"},
		{"Madonna", "Madonna;;;;"},
		{"Änne Vossberg-Kluge", "Vossberg-Kluge;Änne;;;"},
		{"Anna; Müller", "Müller;Anna\\;;;;"},
		{"", ";;;;"},
	} {
		if got := name(tt.in); got != tt.want {
			t.Errorf("name(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFold(t *testing.T) {
	for _, value := range []string{
		strings.Repeat("a", 200),
		strings.Repeat("ü", 200),
		strings.Repeat("😀", 100),
		strings.Repeat(`x\,`, 100),
		strings.Repeat("a", 74) + "ü",
	} {
		var w writer
		w.prop("NOTE", value)
		b := w.buf.Bytes()
		checkLines(t, b)
		if got := strings.ReplaceAll(strings.TrimSuffix(string(b), "\r\n"), "\r\n ", ""); got != "NOTE:"+value {
			t.Errorf("unfolded %q, want %q", got, "NOTE:"+value)
		}
		for _, l := range strings.Split(string(b), "\r\n") {
			if strings.HasPrefix(l, " ") && strings.HasPrefix(l, " ,") {
				t.Errorf("fold split the escape \\, : %q", l)
			}
		}
	}
	// A line of exactly 75 octets is not folded; one more octet is.
	var w writer
	w.prop("NOTE", strings.Repeat("a", 70))
	if bytes.Contains(w.buf.Bytes(), []byte("\r\n ")) {
		t.Errorf("a 75-octet line was folded")
	}
	w = writer{}
	w.prop("NOTE", strings.Repeat("a", 71))
	if !bytes.Contains(w.buf.Bytes(), []byte("\r\n ")) {
		t.Errorf("a 76-octet line was not folded")
	}
}

// TestEveryURLField gives every field of the table that has a vCard type
// a link of its own and wants each in the card under that type.
func TestEveryURLField(t *testing.T) {
	m := &member.Member{Name: "Anna Müller", Contact: member.Contact{Public: true}}
	want := map[string]string{}
	for path, f := range member.AllFields() {
		if f.VCard == "" {
			continue
		}
		u := "https://example.org/" + strings.ReplaceAll(path, ".", "-")
		p, ok := f.At(m).(*string)
		if !ok {
			t.Fatalf("%s: a vCard type on a field that is not text", path)
		}
		*p = u
		want[path] = "URL;TYPE=" + f.VCard + ":" + u + "\r\n"
	}
	if len(want) == 0 {
		t.Fatal("no field of the table has a vCard type")
	}
	card := string(Card(m, "", "de"))
	for path, line := range want {
		if !strings.Contains(card, line) {
			t.Errorf("%s: the card lacks %q:\n%s", path, line, card)
		}
	}
}
