package referral

import (
	"net/mail"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

const profile = "https://netzwerk.example/members/anna-mueller/"

func germanConfig() member.Config {
	cfg := member.DefaultConfig()
	cfg.Title = "Unternehmerkreis Rheinauen"
	cfg.BaseURL = "https://netzwerk.example/"
	cfg.LinkParams = "ref=netzwerk"
	return cfg
}

func anna() *member.Member {
	return &member.Member{
		Slug:          "anna-mueller",
		Name:          "Anna Müller",
		Company:       "Müller Steuerberatung",
		Role:          "Steuerberaterin",
		Mission:       "Ich helfe Handwerksbetrieben im Rheinland, ihre Zahlen zu verstehen und mit ruhigem Kopf zu wachsen.",
		Why:           "Ich bin in der Schreinerei meines Vaters groß geworden und habe erlebt, wie viel Kraft ungeordnete Finanzen kosten.",
		IdealReferral: "Ein Handwerksbetrieb mit 3 bis 30 Beschäftigten, der gerade wächst.",
		Contact: member.Contact{
			Email:   "anna@mueller-steuer.example",
			Phone:   "+49 221 1234567",
			Website: "https://www.mueller-steuer.example/",
			Public:  true,
		},
	}
}

func newLinks(t *testing.T, cfg member.Config) *Links {
	t.Helper()
	l, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return l
}

// parseMailto takes a mailto: link apart the way a mail client does: the
// address before the first "?", then the hfields as a query. It fails the
// test on anything a strict reader would reject.
func parseMailto(t *testing.T, link string) (addr string, q url.Values) {
	t.Helper()
	if _, err := url.Parse(link); err != nil {
		t.Fatalf("url.Parse(%q): %v", link, err)
	}
	rest, ok := strings.CutPrefix(link, "mailto:")
	if !ok {
		t.Fatalf("%q does not start with mailto:", link)
	}
	path, query, _ := strings.Cut(rest, "?")
	addr, err := url.PathUnescape(path)
	if err != nil {
		t.Fatalf("address %q: %v", path, err)
	}
	if strings.Contains(query, "+") {
		t.Errorf("hfields contain a raw '+', which form decoders read as a space: %q", query)
	}
	q, err = url.ParseQuery(query)
	if err != nil {
		t.Fatalf("hfields %q: %v", query, err)
	}
	for k, vs := range q {
		for _, v := range vs {
			if !utf8.ValidString(v) {
				t.Errorf("%s is not valid UTF-8: %q", k, v)
			}
		}
	}
	return addr, q
}

// checkLink asserts what holds for every mailto: link: short enough for
// Outlook, and nothing but unreserved characters, "@" and the delimiters
// of the link itself, so no quote, angle bracket or white space.
func checkLink(t *testing.T, link string) {
	t.Helper()
	if len(link) > MaxMailto {
		t.Errorf("link is %d characters long, more than %d", len(link), MaxMailto)
	}
	for i := 0; i < len(link); i++ {
		c := link[i]
		if !unreserved(c) && !strings.ContainsRune(":?=&%@", rune(c)) {
			t.Fatalf("link contains %q at %d: %s", c, i, link)
		}
		if c == '%' && (i+2 >= len(link) || !ishex(link[i+1]) || !ishex(link[i+2])) {
			t.Fatalf("broken percent-escape at %d: %s", i, link)
		}
	}
}

// keys returns the hfield names of q, sorted, and fails unless each occurs
// exactly once.
func keys(t *testing.T, q url.Values) []string {
	t.Helper()
	var ks []string
	for k, vs := range q {
		if len(vs) != 1 {
			t.Errorf("hfield %s occurs %d times: %q", k, len(vs), vs)
		}
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// checkBody asserts that every line break of body is CRLF.
func checkBody(t *testing.T, body string) {
	t.Helper()
	if strings.Contains(strings.ReplaceAll(body, "\r\n", ""), "\n") || strings.Contains(strings.ReplaceAll(body, "\r\n", ""), "\r") {
		t.Errorf("body has a line break other than CRLF: %q", body)
	}
}

func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

const germanText = `Vorstellung: Anna Müller (Müller Steuerberatung)

Hallo …,

ich möchte Sie gern mit Anna Müller (Steuerberaterin, Müller Steuerberatung) bekannt machen. Ich kenne Anna Müller aus meinem Netzwerk und glaube, dass Sie beide gut zusammenpassen. Anna Müller liest in Kopie mit.

Was Anna Müller macht:
Ich helfe Handwerksbetrieben im Rheinland, ihre Zahlen zu verstehen und mit ruhigem Kopf zu wachsen.

Was Anna Müller antreibt:
Ich bin in der Schreinerei meines Vaters groß geworden und habe erlebt, wie viel Kraft ungeordnete Finanzen kosten.

Eine gute Empfehlung für Anna Müller ist:
Ein Handwerksbetrieb mit 3 bis 30 Beschäftigten, der gerade wächst.

So erreichen Sie Anna Müller:
E-Mail: anna@mueller-steuer.example
Telefon: +49 221 1234567
Website: https://www.mueller-steuer.example/?ref=netzwerk
Profil: https://netzwerk.example/members/anna-mueller/

Ich bin sicher, dass sich ein Gespräch für Sie beide lohnt.

Viele Grüße
…`

const germanAsk = `Hallo …,

ich kenne Anna Müller (Steuerberaterin, Müller Steuerberatung) aus meinem Netzwerk und glaube, dass ein Kontakt für Sie interessant sein könnte.

Was Anna Müller macht:
Ich helfe Handwerksbetrieben im Rheinland, ihre Zahlen zu verstehen und mit ruhigem Kopf zu wachsen.

Mehr steht im Profil: https://netzwerk.example/members/anna-mueller/

Darf ich Sie beide miteinander bekannt machen? Wenn Sie einverstanden sind, schreibe ich Ihnen und Anna Müller eine kurze gemeinsame E-Mail.

Viele Grüße
…`

func TestGermanDefaults(t *testing.T) {
	l := newLinks(t, germanConfig())
	m := anna()

	if got := l.RecommendText(m, profile); got != germanText {
		t.Errorf("RecommendText:\n%s\n\nwant:\n%s", got, germanText)
	}

	link := l.Recommend(m, profile)
	checkLink(t, link)
	addr, q := parseMailto(t, link)
	if addr != "" {
		t.Errorf("Recommend has recipient %q; the referrer fills in the client", addr)
	}
	if ks := keys(t, q); !slices.Equal(ks, []string{"body", "cc", "subject"}) {
		t.Errorf("hfields = %v, want body, cc, subject", ks)
	}
	if a, err := mail.ParseAddress(q.Get("cc")); err != nil || a.Address != m.Contact.Email {
		t.Errorf("cc = %q (%v), want %q", q.Get("cc"), err, m.Contact.Email)
	}
	subject, body, _ := strings.Cut(germanText, "\n\n")
	if q.Get("subject") != subject {
		t.Errorf("subject = %q, want %q", q.Get("subject"), subject)
	}
	if q.Get("body") != crlf(body) {
		t.Errorf("body = %q, want %q", q.Get("body"), crlf(body))
	}

	link = l.AskFirst(m, profile)
	checkLink(t, link)
	addr, q = parseMailto(t, link)
	if addr != "" || q.Has("cc") || q.Has("to") || q.Has("bcc") {
		t.Errorf("AskFirst goes to someone (%q, %v); it must go to the client only", addr, q)
	}
	if want := "Darf ich Sie mit Anna Müller bekannt machen?"; q.Get("subject") != want {
		t.Errorf("ask subject = %q, want %q", q.Get("subject"), want)
	}
	if q.Get("body") != crlf(germanAsk) {
		t.Errorf("ask body:\n%s\n\nwant:\n%s", q.Get("body"), germanAsk)
	}

	link = l.Contact(m, profile)
	checkLink(t, link)
	addr, q = parseMailto(t, link)
	if a, err := mail.ParseAddress(addr); err != nil || a.Address != m.Contact.Email {
		t.Errorf("Contact to %q (%v), want %q", addr, err, m.Contact.Email)
	}
	if ks := keys(t, q); !slices.Equal(ks, []string{"subject"}) {
		t.Errorf("Contact hfields = %v, want only subject", ks)
	}
	if want := "Kontakt über Unternehmerkreis Rheinauen"; q.Get("subject") != want {
		t.Errorf("Contact subject = %q, want %q", q.Get("subject"), want)
	}
}

const englishText = `Introduction: Dana Carter (Carter Advisory)

Hello …,

I would like to introduce you to Dana Carter (Startup consultant, Carter Advisory). I know Dana Carter through my network and I think the two of you are a good fit. Dana Carter is copied in on this e-mail.

What Dana Carter does:
I help first-time founders turn an idea into a company that can pay its people.

What drives Dana Carter:
My parents ran a small shop and made every mistake alone. I want to be the sparring partner they never had.

A good referral for Dana Carter is:
A founding team in its first two years that wonders whether to raise money.

How to reach Dana Carter:
E-mail: dana@carter.example
Phone: +44 20 7946 0000
Website: https://carter.example/
Profile: https://network.example/members/dana-carter/

I am sure a conversation will be worthwhile for both of you.

Best regards
…`

const englishAsk = `Hello …,

I know Dana Carter (Startup consultant, Carter Advisory) through my network and I think getting in touch could be worthwhile for you.

What Dana Carter does:
I help first-time founders turn an idea into a company that can pay its people.

There is more in the profile: https://network.example/members/dana-carter/

May I introduce the two of you? If you agree, I will write a short e-mail to you and Dana Carter.

Best regards
…`

func TestEnglishDefaults(t *testing.T) {
	cfg := member.DefaultConfig()
	cfg.Language = "en"
	cfg.Title = "Riverside Business Circle"
	l := newLinks(t, cfg)
	m := &member.Member{
		Name:          "Dana Carter",
		Company:       "Carter Advisory",
		Role:          "Startup consultant",
		Mission:       "I help first-time founders turn an idea into a company that can pay its people.",
		Why:           "My parents ran a small shop and made every mistake alone. I want to be the sparring partner they never had.",
		IdealReferral: "A founding team in its first two years that wonders whether to raise money.",
		Contact:       member.Contact{Email: "dana@carter.example", Phone: "+44 20 7946 0000", Website: "https://carter.example/", Public: true},
	}
	const profile = "https://network.example/members/dana-carter/"
	if got := l.RecommendText(m, profile); got != englishText {
		t.Errorf("RecommendText:\n%s\n\nwant:\n%s", got, englishText)
	}
	_, q := parseMailto(t, l.Recommend(m, profile))
	subject, body, _ := strings.Cut(englishText, "\n\n")
	if q.Get("subject") != subject || q.Get("body") != crlf(body) || q.Get("cc") != "dana@carter.example" {
		t.Errorf("Recommend = %v, want the text of RecommendText with CRLF and the member in cc", q)
	}
	_, q = parseMailto(t, l.AskFirst(m, profile))
	if q.Get("subject") != "May I introduce you to Dana Carter?" || q.Get("body") != crlf(englishAsk) {
		t.Errorf("AskFirst = subject %q, body:\n%s\n\nwant:\n%s", q.Get("subject"), q.Get("body"), englishAsk)
	}
	_, q = parseMailto(t, l.Contact(m, profile))
	if want := "Contact via Riverside Business Circle"; q.Get("subject") != want {
		t.Errorf("Contact subject = %q, want %q", q.Get("subject"), want)
	}
}

// TestMinimalMember checks that the texts read well when a member gave only
// what is required: no empty headings, no double blank lines.
func TestMinimalMember(t *testing.T) {
	m := &member.Member{Name: "Bo", Mission: "Ich baue Möbel.", Why: "Holz.", Contact: member.Contact{Email: "bo@example.de"}}
	for _, lang := range []string{"de", "en"} {
		cfg := member.DefaultConfig()
		cfg.Language = lang
		cfg.Referral.CcMember = false
		l := newLinks(t, cfg)
		for name, text := range map[string]string{
			"RecommendText": l.RecommendText(m, ""),
			"AskFirst":      func() string { _, q := parseMailto(t, l.AskFirst(m, "")); return q.Get("body") }(),
		} {
			text = strings.ReplaceAll(text, "\r\n", "\n")
			if strings.Contains(text, "\n\n\n") || strings.Contains(text, "()") || strings.Contains(text, ":\n\n") {
				t.Errorf("%s %s has an empty part:\n%s", lang, name, text)
			}
			if strings.Contains(text, "Kopie") || strings.Contains(text, "copied") {
				t.Errorf("%s %s mentions a Cc that is not there:\n%s", lang, name, text)
			}
		}
		_, q := parseMailto(t, l.Recommend(m, ""))
		if q.Has("cc") {
			t.Errorf("%s: cc_member is false, but the link has cc %q", lang, q.Get("cc"))
		}
	}
}

func TestNoEmail(t *testing.T) {
	l := newLinks(t, germanConfig())
	m := anna()
	m.Contact.Email = "  "
	if got := l.Recommend(m, profile); got != "" {
		t.Errorf("Recommend without e-mail = %q, want \"\"", got)
	}
	if got := l.Contact(m, profile); got != "" {
		t.Errorf("Contact without e-mail = %q, want \"\"", got)
	}
	if got := l.AskFirst(m, profile); got == "" {
		t.Errorf("AskFirst without e-mail = \"\", want a link: it goes to the client")
	}
}

// TestNotPublic checks that a member who hides their number does not find
// it in the links, which sit in the page's HTML.
func TestNotPublic(t *testing.T) {
	l := newLinks(t, germanConfig())
	m := anna()
	m.Contact.Public = false
	_, q := parseMailto(t, l.Recommend(m, profile))
	if strings.Contains(q.Get("body"), "1234567") || strings.Contains(q.Get("body"), "Telefon") {
		t.Errorf("body shows the hidden phone number:\n%s", q.Get("body"))
	}
}

var hostile = []string{
	"Zeile 1\nZeile 2",
	"Zeile 1\r\nZeile 2",
	"Zeile 1\rZeile 2",
	"a?b&c%d#e=f",
	`"Anführung" 'einfach'`,
	"<script>alert(1)</script>",
	"Ärger über Öl & Süßes",
	"Gründerin 👩‍💼 mit 🚀",
	"x@y.de\nBcc: evil@x.de",
	"evil@x.de?cc=boss@x.de",
	"%0D%0ABcc:%20evil@x.de&bcc=evil@x.de",
	"a+b c\tTab",
	"\u2028Zeile\u2029Absatz",
	"ungültig \xff\xfe UTF-8",
}

// TestHostile puts each hostile value into each field of a member and takes
// every link apart: exactly the expected recipients, no extra header, the
// value intact in the body with CRLF line breaks, nothing raw that could end
// an HTML attribute.
func TestHostile(t *testing.T) {
	fields := map[string]func(m *member.Member) *string{
		"name":           func(m *member.Member) *string { return &m.Name },
		"company":        func(m *member.Member) *string { return &m.Company },
		"role":           func(m *member.Member) *string { return &m.Role },
		"mission":        func(m *member.Member) *string { return &m.Mission },
		"why":            func(m *member.Member) *string { return &m.Why },
		"ideal_referral": func(m *member.Member) *string { return &m.IdealReferral },
		"email":          func(m *member.Member) *string { return &m.Contact.Email },
		"phone":          func(m *member.Member) *string { return &m.Contact.Phone },
		"website":        func(m *member.Member) *string { return &m.Contact.Website },
	}
	for _, lang := range []string{"de", "en"} {
		cfg := germanConfig()
		cfg.Language = lang
		l := newLinks(t, cfg)
		for field, get := range fields {
			for _, h := range hostile {
				m := anna()
				// Short texts leave room for the hostile value, so that
				// the link needs no shortening and equals the copy text.
				m.Mission, m.Why, m.IdealReferral = "Ich helfe Betrieben.", "Aus Überzeugung.", "Betriebe."
				*get(m) = h
				email := strings.Join(strings.Fields(strings.ToValidUTF8(m.Contact.Email, "\uFFFD")), " ")
				name := lang + "/" + field + "/" + h

				// Recommend: no recipient, the member alone in cc.
				link := l.Recommend(m, profile)
				checkLink(t, link)
				addr, q := parseMailto(t, link)
				if addr != "" {
					t.Errorf("%s: Recommend has recipient %q", name, addr)
				}
				if ks := keys(t, q); !slices.Equal(ks, []string{"body", "cc", "subject"}) {
					t.Errorf("%s: Recommend hfields = %v, want body, cc, subject", name, ks)
				}
				if q.Get("cc") != email {
					t.Errorf("%s: cc = %q, want %q", name, q.Get("cc"), email)
				}
				if field != "email" {
					if a, err := mail.ParseAddress(q.Get("cc")); err != nil || a.Address != m.Contact.Email {
						t.Errorf("%s: cc %q is not the member's address: %v", name, q.Get("cc"), err)
					}
				}
				if s := q.Get("subject"); strings.ContainsAny(s, "\r\n\u2028") {
					t.Errorf("%s: subject has a line break: %q", name, s)
				}
				checkBody(t, q.Get("body"))
				_, text, _ := strings.Cut(l.RecommendText(m, profile), "\n\n")
				if q.Get("body") != crlf(text) {
					t.Errorf("%s: body\n%q\nwant\n%q", name, q.Get("body"), crlf(text))
				}
				if !strings.Contains(q.Get("body"), profile) {
					t.Errorf("%s: body lost the profile URL", name)
				}
				if field == "why" {
					want := "\r\n" + crlf(cleanBody(strings.TrimSpace(h))) + "\r\n"
					if !strings.Contains(q.Get("body"), want) {
						t.Errorf("%s: body does not contain the why %q:\n%q", name, want, q.Get("body"))
					}
				}

				// AskFirst: to the client only, and without the member's
				// contact details, since the client has not agreed yet.
				link = l.AskFirst(m, profile)
				checkLink(t, link)
				addr, q = parseMailto(t, link)
				if ks := keys(t, q); addr != "" || !slices.Equal(ks, []string{"body", "subject"}) {
					t.Errorf("%s: AskFirst to %q with %v, want no recipient and body, subject", name, addr, ks)
				}
				checkBody(t, q.Get("body"))
				if email != "" && strings.Contains(q.Get("body"), email) {
					t.Errorf("%s: AskFirst shows the member's address before the client agreed", name)
				}

				// Contact: to the member, a subject, nothing else.
				link = l.Contact(m, profile)
				checkLink(t, link)
				addr, q = parseMailto(t, link)
				if addr != email {
					t.Errorf("%s: Contact to %q, want %q", name, addr, email)
				}
				if ks := keys(t, q); !slices.Equal(ks, []string{"subject"}) {
					t.Errorf("%s: Contact hfields = %v, want subject", name, ks)
				}
			}
		}
	}
}

// TestOddAddresses uses addresses that RFC 5322 allows and that look like
// mailto: syntax: each stays one recipient.
func TestOddAddresses(t *testing.T) {
	l := newLinks(t, germanConfig())
	for _, email := range []string{
		"evil?cc=boss@x.de",
		"a&bcc=c@x.de",
		"o'hara+netz@x.de",
		"a%0D%0Abcc@x.de",
		"a#b$c/d{e}@x.de",
	} {
		m := anna()
		m.Contact.Email = email
		link := l.Contact(m, profile)
		checkLink(t, link)
		addr, q := parseMailto(t, link)
		if a, err := mail.ParseAddress(addr); err != nil || a.Address != email {
			t.Errorf("Contact to %q (%v), want %q", addr, err, email)
		}
		if ks := keys(t, q); !slices.Equal(ks, []string{"subject"}) {
			t.Errorf("%s: Contact hfields = %v, want subject", email, ks)
		}
		_, q = parseMailto(t, l.Recommend(m, profile))
		if a, err := mail.ParseAddress(q.Get("cc")); err != nil || a.Address != email {
			t.Errorf("Recommend cc %q (%v), want %q", q.Get("cc"), err, email)
		}
		if ks := keys(t, q); !slices.Equal(ks, []string{"body", "cc", "subject"}) {
			t.Errorf("%s: Recommend hfields = %v", email, ks)
		}
	}
}

func words(n int, word string) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(word)
	}
	return b.String()
}

// section returns the text under heading in body, up to the next blank
// line, or "" when the heading is not there.
func section(body, heading string) string {
	_, after, ok := strings.Cut(body, heading+"\r\n")
	if !ok {
		return ""
	}
	s, _, _ := strings.Cut(after, "\r\n\r\n")
	return s
}

func TestShortenWhy(t *testing.T) {
	l := newLinks(t, germanConfig())
	m := anna()
	m.Why = words(5000, "Vertrauen wächst langsam,")
	link := l.Recommend(m, profile)
	checkLink(t, link)
	_, q := parseMailto(t, link)
	body := q.Get("body")
	why := section(body, "Was Anna Müller antreibt:")
	prefix, ok := strings.CutSuffix(why, "…")
	if !ok || prefix == "" || !strings.HasPrefix(m.Why, prefix) || m.Why[len(prefix)] != ' ' && m.Why[len(prefix)] != ',' {
		t.Errorf("why is not cut at a word boundary with …: %q", why)
	}
	if len(link) < MaxMailto-100 {
		t.Errorf("link is %d long: the why was cut more than needed", len(link))
	}
	for _, s := range []string{m.Mission, m.IdealReferral, profile, "Anna Müller (Steuerberaterin, Müller Steuerberatung)", m.Contact.Email} {
		if !strings.Contains(body, s) {
			t.Errorf("body lost %q, which needed no cut", s)
		}
	}
	if q.Get("subject") != "Vorstellung: Anna Müller (Müller Steuerberatung)" {
		t.Errorf("subject was touched: %q", q.Get("subject"))
	}
	// The copy text has no length limit and keeps the whole why.
	if !strings.Contains(l.RecommendText(m, profile), m.Why) {
		t.Errorf("RecommendText shortened the why")
	}
}

func TestShortenInOrder(t *testing.T) {
	l := newLinks(t, germanConfig())
	m := anna()
	m.Why = words(5000, "Über 😀 Öl")
	m.Mission = words(5000, "Mission äöü")
	m.IdealReferral = words(5000, "Ideal 👩‍💼")
	link := l.Recommend(m, profile)
	checkLink(t, link)
	_, q := parseMailto(t, link)
	body := q.Get("body")
	if section(body, "Was Anna Müller antreibt:") != "" || section(body, "Was Anna Müller macht:") != "" {
		t.Errorf("why and mission should be dropped before the ideal referral is cut:\n%s", body)
	}
	ideal := section(body, "Eine gute Empfehlung für Anna Müller ist:")
	if !strings.HasSuffix(ideal, "…") || !strings.HasPrefix(m.IdealReferral, strings.TrimSuffix(ideal, "…")) {
		t.Errorf("ideal referral not cut with …: %q", ideal)
	}
	if !strings.Contains(body, profile) || !strings.Contains(body, "Anna Müller") {
		t.Errorf("body lost the profile URL or the name:\n%s", body)
	}
}

func TestShortenOneLongWord(t *testing.T) {
	l := newLinks(t, germanConfig())
	m := anna()
	m.Why = strings.Repeat("ü😀", 2000)
	link := l.Recommend(m, profile)
	checkLink(t, link)
	_, q := parseMailto(t, link)
	why := section(q.Get("body"), "Was Anna Müller antreibt:")
	prefix, ok := strings.CutSuffix(why, "…")
	if !ok || prefix == "" || !strings.HasPrefix(m.Why, prefix) {
		t.Errorf("a word without spaces is not cut at a character: %q", why)
	}
}

// TestShortenUnfillable checks the way fit takes when a site's text does
// more with the why than print it, so that filling in a placeholder cannot
// predict the link: the why is still cut as far as needed, and the text
// shows the length of the why it really contains.
func TestShortenUnfillable(t *testing.T) {
	cfg := germanConfig()
	cfg.Referral.Body = "{{.Member.Why}}\n{{len .Member.Why}}\n{{.Member.ProfileURL}}"
	l := newLinks(t, cfg)
	m := anna()
	m.Why = words(5000, "Vertrauen wächst langsam,")
	link := l.Recommend(m, profile)
	checkLink(t, link)
	if len(link) < MaxMailto-100 {
		t.Errorf("link is %d long: the why was cut more than needed", len(link))
	}
	_, q := parseMailto(t, link)
	lines := strings.Split(strings.ReplaceAll(q.Get("body"), "\r\n", "\n"), "\n")
	if len(lines) != 3 || !strings.HasSuffix(lines[0], "…") || lines[1] != strconv.Itoa(len(lines[0])) {
		t.Errorf("body does not hold the cut why (%d bytes) and its length:\n%q", len(lines[0]), q.Get("body"))
	}
}

// TestShortenSiteText checks the last resort: a site's own text that is too
// long by itself is cut, so that the link still works in Outlook.
func TestShortenSiteText(t *testing.T) {
	cfg := germanConfig()
	cfg.Referral.Body = words(3000, "Blabla") + "\n{{.Member.ProfileURL}}"
	cfg.Referral.Subject = "{{.Member.Name}}"
	l := newLinks(t, cfg)
	m := anna()
	m.Name = strings.Repeat("😀", 500)
	link := l.Recommend(m, profile)
	checkLink(t, link)
	_, q := parseMailto(t, link)
	if !strings.HasSuffix(q.Get("body"), "…") && q.Get("body") != "" {
		t.Errorf("body is not cut with …: %q", q.Get("body"))
	}
}

func TestSiteTexts(t *testing.T) {
	cfg := germanConfig()
	// A subject written as a YAML block keeps its line breaks; they must
	// not reach the link, where a mail client might start a header.
	cfg.Referral.Subject = "Empfehlung:\r\n  {{.Member.Name}} aus {{.Site.Title}}\n"
	cfg.Referral.Body = "Hallo,\r\nbitte melden Sie sich bei {{.Member.Name}}.\r{{.Member.ProfileURL}}\n"
	cfg.ContactSubject = "Hallo {{.Member.Name}} – {{.Site.Organiser}}"
	cfg.Organiser.Name = "Birgit"
	l := newLinks(t, cfg)
	m := anna()
	_, q := parseMailto(t, l.Recommend(m, profile))
	if want := "Empfehlung: Anna Müller aus Unternehmerkreis Rheinauen"; q.Get("subject") != want {
		t.Errorf("subject = %q, want %q", q.Get("subject"), want)
	}
	if want := "Hallo,\r\nbitte melden Sie sich bei Anna Müller.\r\n" + profile; q.Get("body") != want {
		t.Errorf("body = %q, want %q", q.Get("body"), want)
	}
	_, q = parseMailto(t, l.Contact(m, profile))
	if want := "Hallo Anna Müller – Birgit"; q.Get("subject") != want {
		t.Errorf("contact subject = %q, want %q", q.Get("subject"), want)
	}
	// The ask-first texts were not set and stay the bundled ones.
	_, q = parseMailto(t, l.AskFirst(m, profile))
	if q.Get("subject") != "Darf ich Sie mit Anna Müller bekannt machen?" {
		t.Errorf("ask subject = %q, want the German default", q.Get("subject"))
	}
}

// TestSiteTextFailsOnMember checks that a site's text that fails only for
// some members falls back to the bundled text instead of giving no link.
func TestSiteTextFailsOnMember(t *testing.T) {
	cfg := germanConfig()
	cfg.Referral.Subject = `{{if gt (len .Member.Name) 20}}{{index .Member.Name 99}}{{end}}Hallo`
	l := newLinks(t, cfg)
	m := anna()
	m.Name = "Anna-Katharina Müller-Lüdenscheidt"
	_, q := parseMailto(t, l.Recommend(m, profile))
	if want := "Vorstellung: Anna-Katharina Müller-Lüdenscheidt (Müller Steuerberatung)"; q.Get("subject") != want {
		t.Errorf("subject = %q, want the default %q", q.Get("subject"), want)
	}
}

func TestNewErrors(t *testing.T) {
	cfg := germanConfig()
	cfg.Path = "config.yaml"
	cfg.Referral.Body = "Hallo {{.Member.Nmae}}"
	cfg.Referral.AskSubject = "{{if}}"
	cfg.ContactSubject = "{{.Member.Name"
	cfg.LinkParams = "ref=%zz"
	_, err := New(cfg)
	if err == nil {
		t.Fatal("New accepted broken templates")
	}
	for _, want := range []string{
		"config.yaml: referral.body: {{.Member.Nmae}} ist kein Platzhalter — schreibe {{.Member.Name}}",
		"config.yaml: referral.ask_subject:",
		"config.yaml: contact.subject: ein Platzhalter ist nicht mit zwei Klammern geschlossen",
		"config.yaml: link_params:",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not contain %q:\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), "referral.subject") {
		t.Errorf("error names referral.subject, which is fine:\n%v", err)
	}
	if _, ok := err.(member.ErrorList); !ok {
		t.Errorf("error is a %T, want member.ErrorList", err)
	}
}

// TestDefaultsExecute runs every bundled text on a full and an empty member,
// since the package relies on them never failing.
func TestDefaultsExecute(t *testing.T) {
	for _, lang := range []string{"de", "en"} {
		for i, tmpl := range bundled[lang] {
			if err := tryTemplate(tmpl, Site{Title: "T"}); err != nil {
				t.Errorf("%s %s: %v", lang, slotKeys[i], err)
			}
		}
		if DefaultTexts(lang).Body == "" || DefaultTexts(lang) == (Texts{}) {
			t.Errorf("%s: no default texts", lang)
		}
	}
	if DefaultTexts("fr") != DefaultTexts("de") {
		t.Errorf("an unknown language should get the German texts")
	}
}

func TestShortenAtSentence(t *testing.T) {
	l := newLinks(t, germanConfig())
	m := anna()
	m.Why = words(5000, "Vertrauen wächst langsam und hält dafür lange.")
	_, q := parseMailto(t, l.Recommend(m, profile))
	why := section(q.Get("body"), "Was Anna Müller antreibt:")
	prefix, ok := strings.CutSuffix(why, " …")
	if !ok || !strings.HasSuffix(prefix, "lange.") || !strings.HasPrefix(m.Why, prefix) {
		t.Errorf("why is not cut after a whole sentence: %q", why)
	}
}

// TestLinkLen checks that linkLen, which fit uses to measure, counts what
// link builds, for every combination of awkward texts, and that the
// shortcuts of oneLine and cleanBody change nothing.
func TestLinkLen(t *testing.T) {
	texts := []string{
		"", " ", "Anna Müller", "a  b", " a", "a ", "a\tb", "a\nb\r\nc\rd", "x\u2028y\u2029",
		"bad \xff utf-8", "real \uFFFD replacement", "ctl\x00\x1b\u0085", "a@b.de", "Ä+Ö&ü=ß?#%",
		"trailing\n\n  ", "emoji 🙂 and 中文",
	}
	for _, to := range texts {
		for _, subject := range texts {
			for _, body := range texts {
				m := message{to: to, cc: subject, subject: subject, body: body}
				if got, want := m.linkLen(), len(m.link()); got != want {
					t.Errorf("linkLen(%q, %q, %q) = %d, link is %d long", to, subject, body, got, want)
				}
			}
		}
		if isOneLine(to) && oneLineSlow(to) != to {
			t.Errorf("isOneLine(%q) is true, but oneLine makes it %q", to, oneLineSlow(to))
		}
		if isClean(to) && cleanBodySlow(to) != strings.TrimRightFunc(to, unicode.IsSpace) {
			t.Errorf("isClean(%q) is true, but cleanBody makes it %q", to, cleanBodySlow(to))
		}
	}
}

// oneLineSlow and cleanBodySlow are oneLine and cleanBody without their
// shortcut: a text that needs no change goes through the whole loop.
func oneLineSlow(s string) string   { return oneLine(s + "\x00") }
func cleanBodySlow(s string) string { return cleanBody("\x00" + s) }

// TestExplain: the organiser's typos in a referral text, each with what to
// write instead rather than text/template's own words.
func TestExplain(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"{{.Member.Nmae}}", "{{.Member.Nmae}} is not a placeholder — write {{.Member.Name}}"},
		{"{{ .member.name }}", "{{.member.name}} is not a placeholder — write {{.Member.Name}}"},
		{"{{.Site.Organiser.Email}}", "{{.Site.Organiser.Email}} is not a placeholder — the placeholders are {{.Member.Name}}, {{.Member.Company}}, {{.Member.Role}}, {{.Member.Mission}}, {{.Member.Why}}, {{.Member.IdealReferral}}, {{.Member.Email}}, {{.Member.Phone}}, {{.Member.Website}}, {{.Member.ProfileURL}}, {{.Site.Title}}, {{.Site.URL}}, {{.Site.Organiser}}, {{.Cc}}"},
		{"{{ Member.Name }}", "a placeholder starts with a dot: instead of Member.Name write {{.Member.Name}}"},
		{"{{.Member.Name}", "a placeholder is not closed with two braces — end it with }}, e.g. {{.Member.Name}}"},
		{"{{.Member.Name", "a placeholder is not closed with two braces — end it with }}, e.g. {{.Member.Name}}"},
		{"{{„.Member.Name“}}", "„ (U+201E) cannot stand inside {{ }} — write the placeholder without it, e.g. {{.Member.Name}}"},
		{"Name: {{{.Member.Name}}}", "a placeholder is opened with more than two braces — write it with two, e.g. {{.Member.Name}}"},
		{"{{if .Cc}}in Kopie", "an {{if …}} or {{with …}} is not closed — add {{end}} where its text ends"},
	} {
		cfg := germanConfig()
		cfg.Language, cfg.Path = "en", "config.yaml"
		cfg.Referral.Subject = c.text
		_, err := New(cfg)
		if want := "config.yaml: referral.subject: " + c.want; err == nil || err.Error() != want {
			t.Errorf("%s:\n got %v\nwant %s", c.text, err, want)
		}
	}
}

// TestPage checks that Page returns what Introduction, AskFirst and
// Contact return, for each awkward value in each field of a member, with
// and without Cc, on a site with the bundled and one with its own texts.
func TestPage(t *testing.T) {
	own := germanConfig()
	own.Referral.Subject = "{{.Member.Name}}{{if .Cc}} (Cc){{end}}"
	own.Referral.Body = "{{.Member.Why}} {{len .Member.Why}}"
	for _, cfg := range []member.Config{germanConfig(), own} {
		for _, cc := range []bool{false, true} {
			cfg.Referral.CcMember = cc
			l := newLinks(t, cfg)
			for i := range npersonFields {
				for _, s := range awkward {
					for _, public := range []bool{true, false} {
						// The tenth field is the profile's address.
						m, url := anna(), profile
						m.Contact.Public = public
						*[]*string{&m.Name, &m.Company, &m.Role, &m.Mission, &m.Why, &m.IdealReferral,
							&m.Contact.Email, &m.Contact.Phone, &m.Contact.Website, &url}[i] = s
						var want Page
						want.Recommend, want.Text = l.Introduction(m, url)
						want.AskFirst, want.Contact = l.AskFirst(m, url), l.Contact(m, url)
						if got := l.Page(m, url); got != want {
							t.Fatalf("Page(%+v):\n%+v\nwant\n%+v", m, got, want)
						}
					}
				}
			}
		}
	}
}

// TestWriteEscaped checks that writeEscaped, which builds the links,
// writes what appendEscaped appends and escapedLen counts, for awkward and
// long texts that fill its buffer at every offset.
func TestWriteEscaped(t *testing.T) {
	texts := append([]string{}, awkward...)
	for n := range 300 {
		texts = append(texts, strings.Repeat("a", n)+strings.Repeat("ä\n@ b", 100))
	}
	for _, s := range texts {
		for _, at := range []bool{false, true} {
			for _, crlf := range []bool{false, true} {
				var b strings.Builder
				writeEscaped(&b, s, at, crlf)
				want := string(appendEscaped(nil, s, at, crlf))
				if b.String() != want || escapedLen(s, at, crlf) != len(want) {
					t.Fatalf("%q, at %v, crlf %v: wrote %q (counted %d), want %q", s, at, crlf, b.String(), escapedLen(s, at, crlf), want)
				}
			}
		}
	}
}
