package member

import (
	"iter"
	"strings"
)

// Kind is the YAML shape a field takes.
type Kind int

const (
	String   Kind = iota // one line of text
	Text                 // text that may span lines
	List                 // list of strings
	Map                  // mapping with the Sub fields
	MapList              // list of mappings with the Sub fields
	Bool                 // true or false
	DateKind             // YYYY, YYYY-MM or YYYY-MM-DD
)

// Format names a check on a string's content beyond its length.
type Format string

const (
	FormatNone   Format = ""
	FormatEmail  Format = "email"
	FormatURL    Format = "url"    // absolute http(s) URL
	FormatPhone  Format = "phone"  // digits with an optional leading +
	FormatLang   Format = "lang"   // ISO 639-1 code
	FormatSlug   Format = "slug"   // a member's slug
	FormatGitHub Format = "github" // a GitHub user name
	FormatPhoto  Format = "photo"  // a .jpg/.jpeg/.png file name next to the profile
	FormatTag    Format = "tag"    // a category ID
	FormatMonth  Format = "month"  // a DateKind of YYYY-MM or YYYY-MM-DD: no year alone
)

// Field is one profile field, declared once. The table ProfileFields is
// the single source of truth: package load validates and decodes with it,
// members.json and the vCards take from it what they publish, the JSON
// Schema, `memberdir new`'s template and the field tables of README.md and
// CONTRIBUTING.md (go generate) are made from it.
type Field struct {
	Name     string
	Kind     Kind
	Required bool
	Min, Max int    // length in characters for strings, items for lists (0: no limit)
	ItemMax  int    // characters per list item
	Format   Format // check for strings and list items
	Sub      []Field
	// AnyOf names Sub fields of which at least one must be given (contact:
	// email, phone or website).
	AnyOf []string

	// At returns a pointer to where the field's value lives in m: a
	// *string for String and Text, *[]string for List, *bool for Bool,
	// *Date for DateKind, *[]*Recommendation or *[]*Thanks for MapList.
	// It is the field's setter and getter at once: package load decodes
	// into it, members.json and the vCards read from it. A Map has none;
	// its Sub fields point into the Member themselves (&m.Contact.Email).
	// The Sub fields of a MapList have none either: the list's decoder in
	// package load fills its items. TestFieldsAt holds every field to it.
	At func(m *Member) any
	// Default is the value of a Bool field that is left out (true for
	// contact.public); the template of `memberdir new` writes it.
	Default bool
	// Identity marks what visitors tell members apart by (name, company):
	// its text may not mix scripts, hide characters or use compatibility
	// forms, so that no member's looks like another's.
	Identity bool
	// Host is the site a URL field must lead to, as its button names it
	// (linkedin.com for the LinkedIn button).
	Host string

	// JSON is the field's key in members.json; "" keeps it out. Render
	// encodes a field of the MemberJSON layout as that type says (photo as
	// the published photo's address, contact details only when public);
	// any other field with a JSON key is written after them as its value.
	JSON string
	// VCard is the TYPE of the URL property that carries a URL field in
	// the member's vCard (URL;TYPE=work); "" keeps it out. The card's
	// other properties (FN, N, ORG, TITLE, EMAIL, TEL, NOTE, CATEGORIES,
	// LANG) each need an encoding of their own and are package vcard's.
	VCard string

	// Doc explains the field to a member in a line, by language: the
	// comment above it in `memberdir new`'s template and its description
	// in the JSON Schema.
	Doc map[string]string
	// Guide is the field's row in the table of CONTRIBUTING.md, the
	// members' guide, by language; Rule its row in README.md's table, in
	// English. {min}, {max} and {itemmax} stand for the limits. Rows next
	// to each other with the same text become one row naming all their
	// fields ("`linkedin`, `xing`"). A Map's Sub fields have a Guide row
	// each under the Map's; a MapList's are described in the list's text.
	Guide map[string]string
	Rule  string
}

// ProfileFields are the fields of a member's front matter, in the order a
// profile is usually written. To add one, follow "How to add a profile
// field" in README.md; after a change, go generate rewrites the
// docs and the schema made from it.
//
//go:generate go run ../schema/gendocs -root ../../../..
var ProfileFields = []Field{
	{Name: "name", Kind: String, Required: true, Min: 1, Max: 100, Identity: true, JSON: "name",
		At: func(m *Member) any { return &m.Name },
		Doc: doc(
			"Your name as people know you, e.g. Anna Müller.",
			"Dein Name, wie man dich kennt, z. B. Anna Müller."),
		Guide: doc(
			"your name as people know you, at most {max} characters",
			"dein Name, wie man dich kennt, höchstens {max} Zeichen"),
		Rule: "your name, {min}–{max} characters"},
	{Name: "company", Kind: String, Max: 100, Identity: true, JSON: "company",
		At: func(m *Member) any { return &m.Company },
		Doc: doc(
			"Your company or trading name.",
			"Deine Firma oder dein Geschäftsname."),
		Guide: doc(
			"your company or trading name, at most {max} characters",
			"deine Firma oder dein Geschäftsname, höchstens {max} Zeichen"),
		Rule: "short text (≤ {max} each)"},
	{Name: "role", Kind: String, Max: 100, JSON: "role",
		At: func(m *Member) any { return &m.Role },
		Doc: doc(
			"Your role, e.g. Managing Director or Tax Adviser.",
			"Deine Rolle, z. B. Geschäftsführerin oder Steuerberater."),
		Guide: doc(
			"your role, e.g. tax adviser, at most {max} characters",
			"deine Rolle, z. B. Steuerberaterin, höchstens {max} Zeichen"),
		Rule: "short text (≤ {max} each)"},
	{Name: "location", Kind: String, Max: 100, JSON: "location",
		At: func(m *Member) any { return &m.Location },
		Doc: doc(
			"Where you work, e.g. Köln-Ehrenfeld.",
			"Wo du arbeitest, z. B. Köln-Ehrenfeld."),
		Guide: doc(
			"where you work, e.g. Köln-Ehrenfeld, at most {max} characters",
			"wo du arbeitest, z. B. Köln-Ehrenfeld, höchstens {max} Zeichen"),
		Rule: "short text (≤ {max} each)"},
	{Name: "mission", Kind: Text, Required: true, Min: 1, Max: 300, JSON: "mission",
		At: func(m *Member) any { return &m.Mission },
		Doc: doc(
			"One or two sentences: what you do, and for whom.",
			"Ein oder zwei Sätze: was du tust und für wen."),
		Guide: doc(
			"one or two sentences: what you do, and for whom, at most {max} characters",
			"ein oder zwei Sätze: was du tust und für wen, höchstens {max} Zeichen"),
		Rule: "one or two sentences: what you do, for whom (≤ {max})"},
	{Name: "why", Kind: Text, Required: true, Min: 1, Max: 600, JSON: "why",
		At: func(m *Member) any { return &m.Why },
		Doc: doc(
			"Why you do this work, and why you: what drives you.",
			"Warum du diese Arbeit machst und warum gerade du: was dich antreibt."),
		Guide: doc(
			"why you do this work, and why you, at most {max} characters",
			"warum du diese Arbeit machst und warum gerade du, höchstens {max} Zeichen"),
		Rule: "why you do this work, why you (≤ {max})"},
	{Name: "offerings", Kind: List, Required: true, Min: 1, Max: 10, ItemMax: 80, JSON: "offerings",
		At: func(m *Member) any { return &m.Offerings },
		Doc: doc(
			"What you offer: 1 to 10 short items, each on its own line starting with \"- \".",
			"Was du anbietest: 1 bis 10 kurze Punkte, jeder in einer eigenen Zeile mit \"- \" davor."),
		Guide: doc(
			"what you offer: a list of {min} to {max} items, each at most {itemmax} characters",
			"was du anbietest: Liste von {min} bis {max} Punkten, je höchstens {itemmax} Zeichen"),
		Rule: "list of {min}–{max} short items (≤ {itemmax} each)"},
	{Name: "ideal_referral", Kind: Text, Max: 300, JSON: "ideal_referral",
		At: func(m *Member) any { return &m.IdealReferral },
		Doc: doc(
			"A good referral for you is …",
			"Eine gute Empfehlung für dich ist …"),
		Guide: doc(
			"\"A good referral for me is …\", at most {max} characters",
			"„Eine gute Empfehlung für mich ist …“, höchstens {max} Zeichen"),
		Rule: "\"A good referral for me is …\" (≤ {max})"},
	{Name: "tags", Kind: List, Max: 10, ItemMax: 60, Format: FormatTag, JSON: "tags",
		At: func(m *Member) any { return &m.Tags },
		Doc: doc(
			"Your categories; the first is your main one.",
			"Deine Kategorien; die erste ist deine Hauptkategorie."),
		Guide: doc(
			"your categories (a list of at most {max}, each at most {itemmax} characters), only the site's; the first is your main one",
			"deine Kategorien (Liste, höchstens {max}, je höchstens {itemmax} Zeichen), nur die der Website; die erste ist deine Hauptkategorie"),
		Rule: "your categories, the first is the main one"},
	{Name: "languages", Kind: List, Max: 20, Format: FormatLang, JSON: "languages",
		At: func(m *Member) any { return &m.Languages },
		Doc: doc(
			"Languages you work in, as two-letter codes: de, en, fr, …; the first is the language your profile is written in",
			"Sprachen, in denen du arbeitest, als Kürzel: de, en, fr, …; die erste ist die Sprache, in der dein Profil geschrieben ist"),
		Guide: doc(
			"languages you work in, as two-letter codes: `[de, en]`, at most {max}. The first is the language your profile is written in (screen readers use it)",
			"Sprachen, in denen du arbeitest, als Kürzel: `[de, en]`, höchstens {max}. Die erste ist die Sprache, in der dein Profil geschrieben ist (wichtig für Vorlese-Programme)"),
		Rule: "two-letter codes: `de`, `en`, …; the first is the language the profile is written in: where it differs from the site's, the member's texts are marked with it (`lang`) for screen readers"},
	{Name: "contact", Kind: Map, Required: true, JSON: "contact",
		Doc: doc(
			"How to reach you: at least one of email, phone, website.",
			"Wie man dich erreicht: mindestens eines von email, phone, website."),
		Guide: doc(
			"how to reach you, indented below it – at least one of `email`, `phone`, `website`:",
			"wie man dich erreicht, eingerückt darunter – mindestens eines von `email`, `phone`, `website`:"),
		Rule:  "`email`, `phone`, `website` (at least one), `linkedin`, `xing`, `booking` (absolute `https://` links; `linkedin` and `xing` on linkedin.com and xing.com), `public: false` to hide address and number",
		AnyOf: []string{"email", "phone", "website"},
		Sub: []Field{
			{Name: "email", Kind: String, Max: 254, Format: FormatEmail, JSON: "email",
				At:    func(m *Member) any { return &m.Contact.Email },
				Doc:   doc("Your e-mail address.", "Deine E-Mail-Adresse."),
				Guide: doc("your e-mail address: `anna@example.de`", "deine E-Mail-Adresse: `anna@example.de`")},
			{Name: "phone", Kind: String, Max: 40, Format: FormatPhone, JSON: "phone",
				At:    func(m *Member) any { return &m.Contact.Phone },
				Doc:   doc("Your phone number, best as +49 221 1234567.", "Deine Telefonnummer, am besten als +49 221 1234567."),
				Guide: doc("your phone number, best as `+49 221 1234567`", "deine Telefonnummer, am besten `+49 221 1234567`")},
			{Name: "website", Kind: String, Max: 500, Format: FormatURL, JSON: "website", VCard: "work",
				At:    func(m *Member) any { return &m.Contact.Website },
				Doc:   doc("Your website, starting with https://.", "Deine Website, beginnend mit https://."),
				Guide: doc("your website, with `https://`", "deine Website mit `https://`")},
			{Name: "linkedin", Kind: String, Max: 500, Format: FormatURL, Host: "linkedin.com", JSON: "linkedin", VCard: "x-linkedin",
				At:    func(m *Member) any { return &m.Contact.LinkedIn },
				Doc:   doc("Your LinkedIn profile URL.", "Die Adresse deines LinkedIn-Profils."),
				Guide: doc("the addresses of your profiles there, with `https://`", "Adressen deiner Profile dort, mit `https://`")},
			{Name: "xing", Kind: String, Max: 500, Format: FormatURL, Host: "xing.com", JSON: "xing", VCard: "x-xing",
				At:    func(m *Member) any { return &m.Contact.Xing },
				Doc:   doc("Your XING profile URL.", "Die Adresse deines XING-Profils."),
				Guide: doc("the addresses of your profiles there, with `https://`", "Adressen deiner Profile dort, mit `https://`")},
			{Name: "booking", Kind: String, Max: 500, Format: FormatURL, JSON: "booking", VCard: "x-booking",
				At:    func(m *Member) any { return &m.Contact.Booking },
				Doc:   doc("A link where people can book a meeting with you.", "Ein Link, unter dem man einen Termin mit dir buchen kann."),
				Guide: doc("a link where people book a meeting with you, with `https://`", "ein Link zur Terminbuchung, mit `https://`")},
			// public is not published in members.json: it decides what is.
			{Name: "public", Kind: Bool, Default: true,
				At:    func(m *Member) any { return &m.Contact.Public },
				Doc:   doc("false shows only the referral button, not your address and number.", "false zeigt nur den Empfehlen-Knopf, nicht deine Adresse und Nummer."),
				Guide: doc("`false` shows only the referral button, not your address and number", "`false` zeigt nur den Empfehlen-Knopf, nicht Adresse und Nummer")},
		}},
	{Name: "photo", Kind: String, Max: 200, Format: FormatPhoto, JSON: "photo",
		At: func(m *Member) any { return &m.Photo },
		Doc: doc(
			"A JPEG or PNG photo next to this profile, e.g. anna-mueller.jpg, at most 15 MB; the site shows a square from its middle.",
			"Ein Foto als JPEG oder PNG neben diesem Profil, z. B. anna-mueller.jpg, höchstens 15 MB; die Website zeigt ein Quadrat aus seiner Mitte."),
		Guide: doc(
			"the file name of your photo next to the profile: `anna-mueller.jpg` (`.jpg` or `.png`), at most {max} characters",
			"Dateiname deines Fotos neben dem Profil: `anna-mueller.jpg` (`.jpg` oder `.png`), höchstens {max} Zeichen"),
		Rule: "a `.jpg`/`.png` next to the profile (at most 15 MB and 40 megapixels); turned upright, cropped to a square around the centre, published at 160 and 480 px without any metadata (GPS, camera). Without a photo the site shows the member's initials"},
	{Name: "member_since", Kind: DateKind, JSON: "member_since",
		At: func(m *Member) any { return &m.MemberSince },
		Doc: doc(
			"When you joined: YYYY-MM-DD, YYYY-MM or YYYY.",
			"Seit wann du dabei bist: JJJJ-MM-TT, JJJJ-MM oder JJJJ."),
		Guide: doc(
			"when you joined: `2021-03-01`, `2021-03` or `2021`",
			"seit wann du dabei bist: `2021-03-01`, `2021-03` oder `2021`"),
		Rule: "`2021-03-01`, `2021-03` or `2021`"},
	{Name: "recommends", Kind: MapList, Max: 50, JSON: "recommends",
		At: func(m *Member) any { return &m.Recommends },
		Doc: doc(
			"Members you recommend, each with a short note why.",
			"Mitglieder, die du empfiehlst, jeweils mit einer kurzen Begründung."),
		Guide: doc(
			"members you recommend (at most {max}), each with `member` (their file name without `.md`) and `note` (why, at most 300 characters)",
			"Mitglieder, die du empfiehlst (höchstens {max}), je mit `member` (ihr Dateiname ohne `.md`) und `note` (warum, höchstens 300 Zeichen)"),
		Rule: "list of `- member: <file name without .md>` / `note: why`",
		Sub: []Field{
			{Name: "member", Kind: String, Required: true, Format: FormatSlug, Max: 100, JSON: "member", Doc: doc("The member's file name without .md.", "Der Dateiname des Mitglieds ohne .md.")},
			{Name: "note", Kind: Text, Max: 300, JSON: "note", Doc: doc("Why you recommend them.", "Warum du das Mitglied empfiehlst.")},
		}},
	{Name: "thanks", Kind: MapList, Max: 100, JSON: "thanks",
		At: func(m *Member) any { return &m.Thanks },
		Doc: doc(
			"Members whose referral brought you business: say thank you, with the month it came.",
			"Mitglieder, deren Empfehlung dir ein Geschäft gebracht hat: sag danke, mit dem Monat, in dem es kam."),
		Guide: doc(
			"members whose referral brought you business (at most {max}), each with `member` (their file name without `.md`), `date` (when the business came: `2025-03` or `2025-03-14`) and optionally `note` (at most 200 characters, without your client's name, e-mail address or phone number)",
			"Mitglieder, deren Empfehlung dir ein Geschäft gebracht hat (höchstens {max}), je mit `member` (ihr Dateiname ohne `.md`), `date` (wann das Geschäft kam: `2025-03` oder `2025-03-14`) und optional `note` (höchstens 200 Zeichen, ohne Namen, E-Mail-Adresse oder Telefonnummer deiner Kundschaft)"),
		Rule: "list of `- member: <file name without .md>` / `date: YYYY-MM` or `YYYY-MM-DD` / `note:` (≤ 200, optional): whose referral brought you business. Not in the future, not before either joined (`member_since`), each member and date once; the note may carry no e-mail address or phone number, as clients' details stay private",
		Sub: []Field{
			{Name: "member", Kind: String, Required: true, Format: FormatSlug, Max: 100, JSON: "member", Doc: doc("The file name of the member who referred the client, without .md.", "Der Dateiname des Mitglieds, das dir die Kundschaft empfohlen hat, ohne .md.")},
			{Name: "date", Kind: DateKind, Required: true, Format: FormatMonth, JSON: "date", Doc: doc("When the business came: YYYY-MM or YYYY-MM-DD.", "Wann das Geschäft kam: JJJJ-MM oder JJJJ-MM-TT.")},
			{Name: "note", Kind: Text, Max: 200, JSON: "note", Doc: doc("Optional, a few words on what came of it, without the client's name, e-mail address or phone number.", "Optional, ein paar Worte, was daraus wurde, ohne Namen, E-Mail-Adresse oder Telefonnummer der Kundschaft.")},
		}},
	// owner and draft are about the file, not the member: neither is
	// published.
	{Name: "owner", Kind: String, Max: 39, Format: FormatGitHub,
		At: func(m *Member) any { return &m.Owner },
		Doc: doc(
			"Your GitHub user name: only you may change this file.",
			"Dein GitHub-Benutzername: nur du darfst diese Datei ändern."),
		Guide: doc(
			"your GitHub user name, at most {max} characters: only you may change this file",
			"dein GitHub-Benutzername, höchstens {max} Zeichen: nur du darfst die Datei ändern"),
		Rule: "your GitHub user name: only you (and the organisers) may change the file"},
	{Name: "draft", Kind: Bool,
		At: func(m *Member) any { return &m.Draft },
		Doc: doc(
			"true hides the profile from the site.",
			"true blendet das Profil auf der Website aus."),
		Guide: doc(
			"`true` hides your profile on the website",
			"`true` blendet dein Profil auf der Website aus"),
		Rule: "`true` hides the profile (shown with `--drafts`)"},
}

func doc(en, de string) map[string]string { return map[string]string{"en": en, "de": de} }

// Get returns the field's value in m: a string, []string, bool, Date,
// []*Recommendation or []*Thanks, as At points to it; nil for a field
// without At (a Map, a MapList's Sub field).
func (f Field) Get(m *Member) any {
	if f.At == nil {
		return nil
	}
	switch p := f.At(m).(type) {
	case *string:
		return *p
	case *[]string:
		return *p
	case *bool:
		return *p
	case *Date:
		return *p
	case *[]*Recommendation:
		return *p
	case *[]*Thanks:
		return *p
	}
	return nil
}

// AllFields yields every field of ProfileFields and, after each, its Sub
// fields, with their paths: "name", "contact", "contact.email", ….
func AllFields() iter.Seq2[string, Field] {
	return func(yield func(string, Field) bool) {
		for _, f := range ProfileFields {
			if !yield(f.Name, f) {
				return
			}
			for _, s := range f.Sub {
				if !yield(f.Name+"."+s.Name, s) {
					return
				}
			}
		}
	}
}

// Lookup returns the field of ProfileFields at path: "contact" or
// "contact.email".
func Lookup(path string) (Field, bool) {
	for p, f := range AllFields() {
		if p == path {
			return f, true
		}
	}
	return Field{}, false
}

// FieldNames returns the names of fields, for "did you mean" hints.
func FieldNames(fields []Field) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f.Name
	}
	return out
}

// fieldSynonyms maps words members write instead of a field's name, mostly
// German ones, to the field: "telefon:" under contact means phone. Typos
// of the names themselves are left to Suggest.
var fieldSynonyms = map[string]string{
	// Top level.
	"firma": "company", "unternehmen": "company", "betrieb": "company", "firmenname": "company",
	"rolle": "role", "beruf": "role", "position": "role", "funktion": "role", "titel": "role", "jobtitel": "role", "job": "role", "title": "role", "taetigkeit": "role",
	"ort": "location", "standort": "location", "stadt": "location", "wohnort": "location", "sitz": "location", "city": "location", "place": "location", "region": "location",
	"warum": "why", "wieso": "why", "motivation": "why", "antrieb": "why",
	"angebot": "offerings", "angebote": "offerings", "leistung": "offerings", "leistungen": "offerings", "dienstleistungen": "offerings", "services": "offerings", "produkte": "offerings", "offers": "offerings",
	"idealeempfehlung": "ideal_referral", "wunschkunde": "ideal_referral", "wunschkunden": "ideal_referral", "zielgruppe": "ideal_referral", "idealerkunde": "ideal_referral", "referral": "ideal_referral",
	"kategorie": "tags", "kategorien": "tags", "categories": "tags", "category": "tags", "branche": "tags", "branchen": "tags", "schlagworte": "tags", "stichworte": "tags",
	"sprache": "languages", "sprachen": "languages",
	"kontaktdaten": "contact",
	"foto":         "photo", "bild": "photo", "profilbild": "photo", "image": "photo", "picture": "photo", "avatar": "photo", "portrait": "photo", "portraet": "photo",
	"mitgliedseit": "member_since", "dabeiseit": "member_since", "seit": "member_since", "beitritt": "member_since", "since": "member_since", "joined": "member_since",
	"empfehlungen": "recommends", "empfiehlt": "recommends", "empfehle": "recommends", "ichempfehle": "recommends", "recommendations": "recommends",
	"danke": "thanks", "dank": "thanks", "danksagung": "thanks", "danksagungen": "thanks", "bedankt": "thanks", "thankyou": "thanks",
	"github": "owner", "besitzer": "owner", "inhaber": "owner", "inhaberin": "owner",
	"entwurf": "draft",
	// Under contact.
	"mail": "email", "emailadresse": "email", "mailadresse": "email",
	"telefon": "phone", "tel": "phone", "telefonnummer": "phone", "handy": "phone", "mobil": "phone", "mobile": "phone", "telephone": "phone", "fon": "phone", "nummer": "phone",
	"webseite": "website", "homepage": "website", "internet": "website", "internetseite": "website", "web": "website", "url": "website",
	"termin": "booking", "terminbuchung": "booking", "buchung": "booking", "kalender": "booking", "calendly": "booking",
	"oeffentlich": "public", "sichtbar": "public",
	// Under recommends.
	"mitglied": "member", "slug": "member", "name": "member",
	"begruendung": "note", "grund": "note", "kommentar": "note", "text": "note",
	// Under thanks.
	"datum": "date", "wann": "date", "monat": "date", "when": "date", "month": "date",
}

// SuggestField returns the field of candidates that the unknown key s most
// likely means: a typo of its name (offerrings → offerings) or a word
// members use for it (Telefon → phone, Angebote → offerings). It returns
// "" when there is none.
func SuggestField(s string, candidates []string) string {
	if best := Suggest(s, candidates); best != "" {
		return best
	}
	k := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "-", "", "_", "", " ", "").Replace(strings.ToLower(s))
	if f, ok := fieldSynonyms[k]; ok {
		for _, c := range candidates {
			if c == f {
				return f
			}
		}
	}
	return ""
}
