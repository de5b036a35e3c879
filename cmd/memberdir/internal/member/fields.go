package member

import "strings"

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

// Field is one rule of the profile format. The table ProfileFields is the
// single source of truth: package load validates with it, the JSON Schema
// is generated from it, and `memberdir new` documents it.
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
	// Doc explains the field to a member, by language.
	Doc map[string]string
}

// ProfileFields are the fields of a member's front matter, in the order a
// profile is usually written.
var ProfileFields = []Field{
	{Name: "name", Kind: String, Required: true, Min: 1, Max: 100, Doc: doc(
		"Your name as people know you, e.g. Anna Müller.",
		"Dein Name, wie man dich kennt, z. B. Anna Müller.")},
	{Name: "company", Kind: String, Max: 100, Doc: doc(
		"Your company or trading name.",
		"Deine Firma oder dein Geschäftsname.")},
	{Name: "role", Kind: String, Max: 100, Doc: doc(
		"Your role, e.g. Managing Director or Tax Adviser.",
		"Deine Rolle, z. B. Geschäftsführerin oder Steuerberater.")},
	{Name: "location", Kind: String, Max: 100, Doc: doc(
		"Where you work, e.g. Köln-Ehrenfeld.",
		"Wo du arbeitest, z. B. Köln-Ehrenfeld.")},
	{Name: "mission", Kind: Text, Required: true, Min: 1, Max: 300, Doc: doc(
		"One or two sentences: what you do, and for whom.",
		"Ein oder zwei Sätze: was du tust und für wen.")},
	{Name: "why", Kind: Text, Required: true, Min: 1, Max: 600, Doc: doc(
		"Why you do this work, and why you: what drives you.",
		"Warum du diese Arbeit machst und warum gerade du: was dich antreibt.")},
	{Name: "offerings", Kind: List, Required: true, Min: 1, Max: 10, ItemMax: 80, Doc: doc(
		"What you offer: 1 to 10 short items, each on its own line starting with \"- \".",
		"Was du anbietest: 1 bis 10 kurze Punkte, jeder in einer eigenen Zeile mit \"- \" davor.")},
	{Name: "ideal_referral", Kind: Text, Max: 300, Doc: doc(
		"A good referral for you is …",
		"Eine gute Empfehlung für dich ist …")},
	{Name: "tags", Kind: List, Max: 10, ItemMax: 60, Format: FormatTag, Doc: doc(
		"Your categories; the first is your main one.",
		"Deine Kategorien; die erste ist deine Hauptkategorie.")},
	{Name: "languages", Kind: List, Max: 20, Format: FormatLang, Doc: doc(
		"Languages you work in, as two-letter codes: de, en, fr, …; the first is the language your profile is written in",
		"Sprachen, in denen du arbeitest, als Kürzel: de, en, fr, …; die erste ist die Sprache, in der dein Profil geschrieben ist")},
	{Name: "contact", Kind: Map, Required: true, Doc: doc(
		"How to reach you: at least one of email, phone, website.",
		"Wie man dich erreicht: mindestens eines von email, phone, website."),
		AnyOf: []string{"email", "phone", "website"},
		Sub: []Field{
			{Name: "email", Kind: String, Max: 254, Format: FormatEmail, Doc: doc("Your e-mail address.", "Deine E-Mail-Adresse.")},
			{Name: "phone", Kind: String, Max: 40, Format: FormatPhone, Doc: doc("Your phone number, best as +49 221 1234567.", "Deine Telefonnummer, am besten als +49 221 1234567.")},
			{Name: "website", Kind: String, Max: 500, Format: FormatURL, Doc: doc("Your website, starting with https://.", "Deine Website, beginnend mit https://.")},
			{Name: "linkedin", Kind: String, Max: 500, Format: FormatURL, Doc: doc("Your LinkedIn profile URL.", "Die Adresse deines LinkedIn-Profils.")},
			{Name: "xing", Kind: String, Max: 500, Format: FormatURL, Doc: doc("Your XING profile URL.", "Die Adresse deines XING-Profils.")},
			{Name: "booking", Kind: String, Max: 500, Format: FormatURL, Doc: doc("A link where people can book a meeting with you.", "Ein Link, unter dem man einen Termin mit dir buchen kann.")},
			{Name: "public", Kind: Bool, Doc: doc("false shows only the referral button, not your address and number.", "false zeigt nur den Empfehlen-Knopf, nicht deine Adresse und Nummer.")},
		}},
	{Name: "photo", Kind: String, Max: 200, Format: FormatPhoto, Doc: doc(
		"A JPEG or PNG photo next to this profile, e.g. anna-mueller.jpg, at most 15 MB; the site shows a square from its middle.",
		"Ein Foto als JPEG oder PNG neben diesem Profil, z. B. anna-mueller.jpg, höchstens 15 MB; die Website zeigt ein Quadrat aus seiner Mitte.")},
	{Name: "member_since", Kind: DateKind, Doc: doc(
		"When you joined: YYYY-MM-DD, YYYY-MM or YYYY.",
		"Seit wann du dabei bist: JJJJ-MM-TT, JJJJ-MM oder JJJJ.")},
	{Name: "recommends", Kind: MapList, Max: 50, Doc: doc(
		"Members you recommend, each with a short note why.",
		"Mitglieder, die du empfiehlst, jeweils mit einer kurzen Begründung."),
		Sub: []Field{
			{Name: "member", Kind: String, Required: true, Format: FormatSlug, Max: 100, Doc: doc("The member's file name without .md.", "Der Dateiname des Mitglieds ohne .md.")},
			{Name: "note", Kind: Text, Max: 300, Doc: doc("Why you recommend them.", "Warum du das Mitglied empfiehlst.")},
		}},
	{Name: "thanks", Kind: MapList, Max: 100, Doc: doc(
		"Members whose referral brought you business: say thank you, with the month it came.",
		"Mitglieder, deren Empfehlung dir ein Geschäft gebracht hat: sag danke, mit dem Monat, in dem es kam."),
		Sub: []Field{
			{Name: "member", Kind: String, Required: true, Format: FormatSlug, Max: 100, Doc: doc("The file name of the member who referred the client, without .md.", "Der Dateiname des Mitglieds, das dir die Kundschaft empfohlen hat, ohne .md.")},
			{Name: "date", Kind: DateKind, Required: true, Format: FormatMonth, Doc: doc("When the business came: YYYY-MM or YYYY-MM-DD.", "Wann das Geschäft kam: JJJJ-MM oder JJJJ-MM-TT.")},
			{Name: "note", Kind: Text, Max: 200, Doc: doc("Optional, a few words on what came of it, without the client's name, e-mail address or phone number.", "Optional, ein paar Worte, was daraus wurde, ohne Namen, E-Mail-Adresse oder Telefonnummer der Kundschaft.")},
		}},
	{Name: "owner", Kind: String, Max: 39, Format: FormatGitHub, Doc: doc(
		"Your GitHub user name: only you may change this file.",
		"Dein GitHub-Benutzername: nur du darfst diese Datei ändern.")},
	{Name: "draft", Kind: Bool, Doc: doc(
		"true hides the profile from the site.",
		"true blendet das Profil auf der Website aus.")},
}

func doc(en, de string) map[string]string { return map[string]string{"en": en, "de": de} }

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
