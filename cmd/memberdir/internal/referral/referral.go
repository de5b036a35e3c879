// Package referral builds the links with which a visitor passes a referral
// or contacts a member: mailto: URLs for the introduction e-mail (member in
// Cc), the double-opt-in "may I introduce you?" e-mail and the direct
// contact e-mail, plus tel: and http(s) links. A site's Links are built once
// from its Config: the texts are text/template templates over Data, and
// every link is encoded exactly per RFC 6068 and RFC 3986, so that nothing a
// member writes can add a header, a recipient or break out of an HTML
// attribute, and no mailto: link is longer than MaxMailto.
package referral

import (
	"bytes"
	"strings"
	"sync"
	"text/template"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// Data is what the templates of a site's texts see: the member as Member,
// the site as Site, and Cc, which is true when the member is in Cc of the
// e-mail. All values are plain text; the link encoding happens afterwards.
type Data struct {
	Member Person
	Site   Site
	Cc     bool
}

// Person is the member as the e-mail texts see them. Phone is empty when the
// member chose not to publish their number (contact.public: false), because
// the link, and with it the number, sits in the page's HTML.
type Person struct {
	Name          string
	Company       string
	Role          string
	Mission       string
	Why           string
	IdealReferral string
	Email         string
	Phone         string
	Website       string // with the site's link_params, as WebsiteWithParams returns it
	ProfileURL    string
}

// Site is the directory as the e-mail texts see it.
type Site struct {
	Title     string
	URL       string // the base_url
	Organiser string // the organiser's name
}

// Texts is what a site says in its e-mails, as text/template sources over
// Data; zero fields fall back to the bundled defaults for the site's
// language (see DefaultTexts).
type Texts struct {
	Subject        string // subject of the introduction e-mail (referral.subject)
	Body           string // body of the introduction e-mail (referral.body)
	AskSubject     string // subject of the ask-first e-mail (referral.ask_subject)
	AskBody        string // body of the ask-first e-mail (referral.ask_body)
	ContactSubject string // subject of a direct contact e-mail (contact.subject)
	CardBody       string // short body of the introduction from a card (referral.card_body)
}

// The slots of a site's texts, in the order of Texts. Each has the config
// key that an error names.
const (
	slotSubject = iota
	slotBody
	slotAskSubject
	slotAskBody
	slotContactSubject
	slotCardBody
	nslots
)

var slotKeys = [nslots]string{
	"referral.subject",
	"referral.body",
	"referral.ask_subject",
	"referral.ask_body",
	"contact.subject",
	"referral.card_body",
}

func (t Texts) slots() [nslots]string {
	return [nslots]string{t.Subject, t.Body, t.AskSubject, t.AskBody, t.ContactSubject, t.CardBody}
}

// Links makes the referral and contact links of one site. It is built once
// by New and safe for concurrent use, since it only reads its fields.
type Links struct {
	lang   string
	cc     bool
	site   Site
	tmpl   [nslots]*template.Template // the site's texts, defaults filled in
	def    [nslots]*template.Template // the bundled texts, used if a site's text fails on a member
	params []param
	// skeletons holds the skeletons of the bundled texts by pattern
	// (uint32 → *skeleton), made as members need them; a directory's
	// members show a few dozen patterns.
	skeletons sync.Map
}

// param is one name=value pair of Config.LinkParams, unescaped.
type param struct{ name, value string }

// New parses the site's texts from cfg.Referral and cfg.ContactSubject,
// falling back to the bundled texts of cfg.Language for empty ones, and the
// link parameters from cfg.LinkParams. Each template is also executed once
// on a sample member, so that a typo such as {{.Member.Nmae}} is reported
// now, with the config key, rather than producing broken links. The error
// is a member.ErrorList with one entry per broken setting.
func New(cfg member.Config) (*Links, error) {
	l := &Links{
		lang: lang(cfg.Language),
		cc:   cfg.Referral.CcMember,
		site: Site{
			Title:     oneLine(cfg.Title),
			URL:       oneLine(cfg.BaseURL),
			Organiser: oneLine(cfg.Organiser.Name),
		},
	}
	site := Texts{
		Subject:        cfg.Referral.Subject,
		Body:           cfg.Referral.Body,
		AskSubject:     cfg.Referral.AskSubject,
		AskBody:        cfg.Referral.AskBody,
		ContactSubject: cfg.ContactSubject,
		CardBody:       cfg.Referral.CardBody,
	}.slots()
	defaults := bundled[l.lang]
	var errs member.ErrorList
	pos := member.Pos{Path: cfg.Path}
	for i := range nslots {
		l.def[i] = defaults[i]
		if strings.TrimSpace(site[i]) == "" {
			l.tmpl[i] = l.def[i]
			continue
		}
		t, err := template.New(slotKeys[i]).Parse(site[i])
		if err == nil {
			err = tryTemplate(t, l.site)
		}
		if err != nil {
			at := pos
			if p, ok := cfg.TextsPos[slotKeys[i]]; ok {
				at = p
			}
			errs.Add(at, slotKeys[i], explain(l.lang, site[i], err))
			continue
		}
		l.tmpl[i] = t
	}
	params, err := parseParams(cfg.LinkParams)
	if err != nil {
		errs.Add(pos, "link_params", member.Msg(l.lang, "config.params", cfg.LinkParams))
	}
	l.params = params
	if len(errs) > 0 {
		return nil, errs
	}
	return l, nil
}

// tryTemplate executes t on a filled and on an empty member, which catches
// unknown fields and wrong function calls before any page is built.
func tryTemplate(t *template.Template, site Site) error {
	full := Data{Site: site, Cc: true, Member: Person{
		Name: "Anna Müller", Company: "Müller GmbH", Role: "Geschäftsführerin",
		Mission: "Mission.", Why: "Why.", IdealReferral: "Ideal.",
		Email: "anna@example.de", Phone: "+49 221 1234567",
		Website: "https://example.de/", ProfileURL: "https://example.de/members/anna-mueller/",
	}}
	for _, d := range []Data{full, {Site: site}} {
		if err := t.Execute(new(bytes.Buffer), d); err != nil {
			return err
		}
	}
	return nil
}

// lang returns "en" for English sites and "de" for every other value,
// since German is the default language of a directory.
func lang(s string) string {
	if s == "en" {
		return "en"
	}
	return "de"
}

// data prepares what the templates see of m. Every one-line field is made
// one line here, so that no template can put a line break into a subject.
func (l *Links) data(m *member.Member, profileURL string, cc bool) Data {
	d := Data{Site: l.site, Cc: cc, Member: Person{
		Name:          oneLine(m.Name),
		Company:       oneLine(m.Company),
		Role:          oneLine(m.Role),
		Mission:       strings.TrimSpace(m.Mission),
		Why:           strings.TrimSpace(m.Why),
		IdealReferral: strings.TrimSpace(m.IdealReferral),
		Email:         oneLine(m.Contact.Email),
		Website:       l.WebsiteWithParams(m),
		ProfileURL:    oneLine(profileURL),
	}}
	if m.Contact.Public {
		d.Member.Phone = oneLine(m.Contact.Phone)
	}
	return d
}

// execute runs the text of slot i on d. Should a site's own text fail on
// this member (New has run it on a sample, so only data-dependent templates
// can), the bundled text is used instead: a working link with the default
// words is better than none.
//
// The bundled texts are not executed but filled in: see skeleton.
func (l *Links) execute(i int, d Data) string {
	if s := l.skeleton(i, &d); s != nil {
		return s.fill(&d.Member)
	}
	var b strings.Builder
	if err := l.tmpl[i].Execute(&b, d); err == nil {
		return b.String()
	}
	b.Reset()
	if err := l.def[i].Execute(&b, d); err != nil {
		return "" // The bundled texts are tested on members with and without every field.
	}
	return b.String()
}

// Recommend returns the mailto: URL of the introduction e-mail a visitor
// sends to their client: no recipient (the visitor fills in the client),
// the member in Cc when the site's referral.cc_member is set, and subject and
// body from the site's texts. It returns "" when the member has no e-mail
// address, because the introduction needs one.
func (l *Links) Recommend(m *member.Member, profileURL string) string {
	link, _ := l.Introduction(m, profileURL)
	return link
}

// RecommendShort is Recommend with the short body of referral.card_body:
// a few lines and the profile link. Cards use it, since a list of 300
// cards each carrying a full introduction would weigh a megabyte; the
// profile page has the full one.
func (l *Links) RecommendShort(m *member.Member, profileURL string) string {
	return l.introduce(m, profileURL, slotCardBody)
}

// introduce is the introduction e-mail with the body of the given slot.
func (l *Links) introduce(m *member.Member, profileURL string, body int) string {
	if strings.TrimSpace(m.Contact.Email) == "" {
		return ""
	}
	render := func(d Data) message { return l.introMessage(d, body) }
	d := l.data(m, profileURL, l.cc)
	return l.fit(d, render(d).encode(), render)
}

// introMessage renders the introduction e-mail for d with the body of the
// given slot.
func (l *Links) introMessage(d Data, body int) message {
	msg := message{subject: l.execute(slotSubject, d), body: l.execute(body, d)}
	if l.cc {
		msg.cc = d.Member.Email
	}
	return msg
}

// Introduction returns Recommend's link and RecommendText's text together.
// Both say the same, so the profile page has the texts rendered once for
// both: each rendering of a site's texts is a template run.
func (l *Links) Introduction(m *member.Member, profileURL string) (link, text string) {
	return l.introduction(l.data(m, profileURL, false), strings.TrimSpace(m.Contact.Email) != "")
}

// introduction is Introduction for d, the member's data with any Cc; mail
// says whether the member has an e-mail address.
func (l *Links) introduction(d Data, mail bool) (link, text string) {
	d.Cc = l.cc && mail
	full := l.introMessage(d, slotBody)
	// The link carries the subject made one line and the body cleaned,
	// which is the text, too.
	e := full.encode()
	text = e.hfields[1].value + "\n\n" + e.hfields[2].value
	if !mail {
		return "", text
	}
	return l.fit(d, e, func(x Data) message {
		if x == d {
			return full
		}
		return l.introMessage(x, slotBody)
	}), text
}

// AskFirst returns the mailto: URL of the double-opt-in e-mail: it goes to
// the client only (no recipient filled in, no Cc) and asks whether an
// introduction to the member is welcome, with the member's profile link.
// It works without the member's e-mail address.
func (l *Links) AskFirst(m *member.Member, profileURL string) string {
	return l.askFirst(l.data(m, profileURL, false))
}

// askFirst is AskFirst for d, the member's data without Cc.
func (l *Links) askFirst(d Data) string {
	render := func(d Data) message {
		return message{subject: l.execute(slotAskSubject, d), body: l.execute(slotAskBody, d)}
	}
	return l.fit(d, render(d).encode(), render)
}

// RecommendText returns the plain text of the introduction e-mail, subject,
// blank line and body, with LF line ends, for a "copy text" button. It is
// never shortened: the clipboard has no length limit, so the member's why
// is there in full.
func (l *Links) RecommendText(m *member.Member, profileURL string) string {
	_, text := l.Introduction(m, profileURL)
	return text
}

// Contact returns mailto:<member> with a subject saying that the contact
// came through the network, or "" when the member has no e-mail address.
// Whether to show it for a member with contact.public: false is the page's
// decision.
func (l *Links) Contact(m *member.Member, profileURL string) string {
	if strings.TrimSpace(m.Contact.Email) == "" {
		return ""
	}
	return l.contact(l.data(m, profileURL, false))
}

// contact is Contact for d, the member's data without Cc, of a member
// with an e-mail address.
func (l *Links) contact(d Data) string {
	render := func(d Data) message {
		return message{to: d.Member.Email, subject: l.execute(slotContactSubject, d)}
	}
	return l.fit(d, render(d).encode(), render)
}

// Page holds the e-mail links of a member's profile page, as Introduction,
// AskFirst and Contact return them.
type Page struct {
	Recommend string // the introduction e-mail, "" without an e-mail address
	Text      string // the introduction as text to copy
	AskFirst  string // the ask-first e-mail
	Contact   string // the contact e-mail, "" without an e-mail address
}

// Page returns the links of m's profile page. It prepares what the texts
// see of the member once for all of them: that, above all the member's
// website with the site's link_params, costs about as much as filling in
// the texts.
func (l *Links) Page(m *member.Member, profileURL string) Page {
	d := l.data(m, profileURL, false)
	mail := strings.TrimSpace(m.Contact.Email) != ""
	var p Page
	p.Recommend, p.Text = l.introduction(d, mail)
	p.AskFirst = l.askFirst(d)
	if mail {
		p.Contact = l.contact(d)
	}
	return p
}
