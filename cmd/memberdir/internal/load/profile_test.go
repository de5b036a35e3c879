package load

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// profileCase is one row of the profile tables: a profile text (made with
// profile(edits…) unless text is set), the site language and the exact
// messages expected, as `memberdir check` prints them.
type profileCase struct {
	name  string
	lang  string // "" means "en"
	edits []string
	text  string // used instead of edits when not ""
	cfg   func(*member.Config)
	want  []string
	check func(t *testing.T, m *member.Member) // for rows without errors
}

const P = "content/members/anna.md"

func e(s ...string) []string { return s }

var profileCases = []profileCase{
	// A complete profile has no errors.
	{name: "valid", edits: nil, check: func(t *testing.T, m *member.Member) {
		if m.Slug != "anna" || m.Name != "Anna Müller" || !slices.Equal(m.Offerings, []string{"Beratung", "Coaching"}) ||
			m.Contact.Email != "anna@example.de" || m.Contact.Website != "https://anna.example.de" || !m.Contact.Public ||
			m.Body != "Ich bin Anna.\n" || m.BodyLine != 12 {
			t.Errorf("member = %+v", m)
		}
		if p := m.Pos.Get("contact.email"); p != (member.Pos{Path: P, Line: 9, Col: 3}) {
			t.Errorf("Pos[contact.email] = %+v", p)
		}
	}},

	// Required fields: missing, or present without a value.
	{name: "missing name", edits: e("-name"), want: e(P + `:1:1: name: is missing — add a line "name: …"`)},
	{name: "missing mission", edits: e("-mission"), want: e(P + `:1:1: mission: is missing — add a line "mission: …"`)},
	{name: "missing why", edits: e("-why"), want: e(P + `:1:1: why: is missing — add a line "why: …"`)},
	{name: "missing offerings", edits: e("-offerings"), want: e(P + `:1:1: offerings: is missing — add a line "offerings: …"`)},
	{name: "missing contact", edits: e("-contact"), want: e(P + `:1:1: contact: is missing — add a line "contact: …"`)},
	{name: "missing all", text: "---\n---\nText\n", want: e(
		P+`:1:1: contact: is missing — add a line "contact: …"`,
		P+`:1:1: mission: is missing — add a line "mission: …"`,
		P+`:1:1: name: is missing — add a line "name: …"`,
		P+`:1:1: offerings: is missing — add a line "offerings: …"`,
		P+`:1:1: why: is missing — add a line "why: …"`)},
	{name: "empty name", edits: e("name:"), want: e(P + `:2:6: name: is empty — write it after "name: "`)},
	{name: "empty quoted mission", edits: e(`mission: ""`), want: e(P + `:3:10: mission: is empty — write it after "mission: "`)},
	{name: "blank why", edits: e(`why: "   "`), want: e(P + `:4:6: why: is empty — write it after "why: "`)},
	{name: "null name", edits: e("name: ~"), want: e(P + `:2:7: name: is empty — write it after "name: "`)},
	{name: "empty offerings", edits: e("offerings:"), want: e(P + `:5:11: offerings: needs at least 1 item(s) — add a line "  - …"`)},
	{name: "empty offerings list", edits: e("offerings: []"), want: e(P + `:5:12: offerings: needs at least 1 item(s) — add a line "  - …"`)},
	{name: "empty contact", edits: e("contact:"), want: e(P + `:8:9: contact: must contain indented "name: value" lines below it, e.g. "  email: anna@example.de"`)},
	{name: "contact without a way", edits: e("contact:\n  public: false"), want: e(P + `:9:3: contact: needs at least one of email, phone or website`)},
	{name: "contact with only linkedin", edits: e("contact:\n  linkedin: https://www.linkedin.com/in/anna"), want: e(P + `:9:3: contact: needs at least one of email, phone or website`)},

	// Wrong types.
	{name: "offerings as mapping", edits: e("offerings:\n  Beratung: ja\n  Coaching: ja"), want: e(P + `:6:3: offerings: must be a list — write each item on its own line starting with "  - "`)},
	{name: "name as list", edits: e("name:\n  - Anna\n  - Müller"), want: e(P + `:3:3: name: must be text, not a list — write it on one line after the colon`)},
	{name: "name as flow list", edits: e("name: [Anna, Müller]"), want: e(P + `:2:7: name: must be text, not a list — write it on one line after the colon`)},
	{name: "mission as mapping", edits: e("mission:\n  de: Ich helfe"), want: e(P + `:4:3: mission: must be text, not a group of fields — write it on one line after the colon`)},
	{name: "contact as string", edits: e("contact: anna@example.de"), want: e(P + `:8:10: contact: must contain indented "name: value" lines below it, e.g. "  email: anna@example.de"`)},
	{name: "contact as list", edits: e("contact:\n  - anna@example.de"), want: e(P + `:9:3: contact: must contain indented "name: value" lines below it, e.g. "  email: anna@example.de"`)},
	{name: "draft yes", edits: e("draft: yes"), want: e(P + `:11:8: draft: must be true or false, not "yes"`)},
	{name: "public yes", edits: e("contact:\n  email: anna@example.de\n  public: nein"), want: e(P + `:10:11: contact.public: must be true or false, not "nein"`)},
	{name: "recommends as string", edits: e("recommends: bernd"), want: e(P + `:11:13: recommends: must be a list of entries, each starting with "  - member: …"`)},
	{name: "recommends item as string", edits: e("recommends:\n  - bernd"), want: e(P + `:12:5: recommends: must be a list of entries, each starting with "  - member: …"`)},
	{name: "front matter is a list", text: "---\n- name: Anna\n---\n", want: e(P + `:2:1: the front matter must be a list of "field: value" lines`)},
	{name: "front matter is text", text: "---\nAnna Müller\n---\n", want: e(P + `:2:1: the front matter must be a list of "field: value" lines`)},

	// A list written as one line.
	{name: "offerings with commas", edits: e("offerings: Beratung, Coaching"), want: e(P + `:5:12: offerings: is written as one line with commas — write each item on its own line starting with "  - "`)},
	{name: "offerings one item", edits: e("offerings: Beratung"), want: e(P + `:5:12: offerings: must be a list — write each item on its own line starting with "  - "`)},
	{name: "languages with commas", edits: e("languages: de, en"), want: e(P + `:11:12: languages: is written as one line with commas — write each item on its own line starting with "  - "`)},

	// E-mail addresses.
	{name: "email (at)", edits: e("contact:\n  email: anna(at)example.de"), want: e(P + `:9:10: contact.email: "anna(at)example.de" is not an e-mail address — write it as name@example.de`)},
	{name: "email without domain", edits: e("contact:\n  email: anna@"), want: e(P + `:9:10: contact.email: "anna@" is not an e-mail address — write it as name@example.de`)},
	{name: "email with display name", edits: e("contact:\n  email: Anna <anna@x.de>"), want: e(P + `:9:10: contact.email: "Anna <anna@x.de>" holds more than the address — write only the address: anna@x.de`)},
	{name: "email as mailto link", edits: e("contact:\n  email: mailto:anna@x.de"), want: e(P + `:9:10: contact.email: "mailto:anna@x.de" holds more than the address — write only the address: anna@x.de`)},
	{name: "email ending a sentence", edits: e("contact:\n  email: anna@x.de."), want: e(P + `:9:10: contact.email: "anna@x.de." holds more than the address — write only the address: anna@x.de`)},
	{name: "email header injection", edits: e(`contact:` + "\n" + `  email: "anna@x.de\nBcc: evil@x.de"`), want: e(P + `:9:10: contact.email: "anna@x.de Bcc: evil@x.de" is not an e-mail address — write it as name@example.de`)},
	{name: "email CRLF injection", edits: e(`contact:` + "\n" + `  email: "anna@x.de\r\nCc: evil@x.de"`), want: e(P + `:9:10: contact.email: "anna@x.de Cc: evil@x.de" is not an e-mail address — write it as name@example.de`)},
	{name: "two emails", edits: e("contact:\n  email: anna@x.de, bob@x.de"), want: e(P + `:9:10: contact.email: "anna@x.de, bob@x.de" is not an e-mail address — write it as name@example.de`)},
	{name: "email with spaces around", edits: e(`contact:` + "\n" + `  email: "  anna@example.de  "`), check: func(t *testing.T, m *member.Member) {
		if m.Contact.Email != "anna@example.de" {
			t.Errorf("Email = %q", m.Contact.Email)
		}
	}},

	// Web addresses.
	{name: "website without scheme", edits: e("contact:\n  website: www.example.de"), want: e(P + `:9:12: contact.website: "www.example.de" has no https:// — write https://www.example.de`)},
	{name: "linkedin without scheme", edits: e("contact:\n  email: anna@example.de\n  linkedin: linkedin.com/in/anna"), want: e(P + `:10:13: contact.linkedin: "linkedin.com/in/anna" has no https:// — write https://linkedin.com/in/anna`)},
	{name: "javascript URL", edits: e("contact:\n  website: javascript:alert(1)"), want: e(P + `:9:12: contact.website: "javascript:alert(1)" is not a web address — only links starting with https:// or http:// are allowed`)},
	{name: "JavaScript URL upper case", edits: e(`contact:` + "\n" + `  website: "JaVaScRiPt:alert(1)"`), want: e(P + `:9:12: contact.website: "JaVaScRiPt:alert(1)" is not a web address — only links starting with https:// or http:// are allowed`)},
	{name: "data URL", edits: e("contact:\n  website: data:text/html;base64,PHNjcmlwdD4="), want: e(P + `:9:12: contact.website: "data:text/html;base64,PHNjcmlwdD4=" is not a web address — only links starting with https:// or http:// are allowed`)},
	{name: "ftp URL", edits: e("contact:\n  website: ftp://example.de/datei"), want: e(P + `:9:12: contact.website: "ftp://example.de/datei" is not a web address — only links starting with https:// or http:// are allowed`)},
	{name: "URL with quote", edits: e(`contact:` + "\n" + `  website: 'https://x.de/"onmouseover="alert(1)'`), want: e(P + `:9:12: contact.website: "https://x.de/\"onmouseover=\"alert(1)" is not a web address — write it as https://www.example.de/…`)},
	{name: "phone", edits: e("contact:\n  phone: ruf mich an"), want: e(P + `:9:10: contact.phone: "ruf mich an" is not a phone number — write it as +49 221 1234567`)},
	{name: "phone with a note", edits: e("contact:\n  phone: 0221 / 4710-604 (Büro)"), want: e(P + `:9:10: contact.phone: "0221 / 4710-604 (Büro)" holds more than the number — write only the number: 0221 / 4710-604`)},
	{name: "phone with a time", edits: e("contact:\n  phone: 0221 123456 ab 9 Uhr"), want: e(P + `:9:10: contact.phone: "0221 123456 ab 9 Uhr" is not a phone number — write it as +49 221 1234567`)},
	{name: "two phone numbers", edits: e("contact:\n  phone: mobil 0171 1234567, Büro 0221 123456"), want: e(P + `:9:10: contact.phone: "mobil 0171 1234567, Büro 0221 123456" is not a phone number — write it as +49 221 1234567`)},
	{name: "phone with a word", edits: e("contact:\n  phone: \"Tel.: +49 (0)221 4710604\""), want: e(P + `:9:10: contact.phone: "Tel.: +49 (0)221 4710604" holds more than the number — write only the number: +49 (0)221 4710604`)},

	// Unknown fields.
	{name: "offerrings", edits: e("-offerings", "offerrings:\n  - Beratung"), want: e(
		P + `:8:1: offerrings: is not a known field — did you mean "offerings"?`)},
	{name: "emial", edits: e("contact:\n  emial: anna@example.de"), want: e(P + `:9:3: contact.emial: is not a known field — did you mean "email"?`)},
	{name: "unknown field far from all", edits: e("+hobbies: Segeln"), want: e(P + `:11:1: hobbies: is not a known field — remove it or check its spelling`)},
	{name: "capitalised field", edits: e("+Company: Müller GmbH"), want: e(P + `:11:1: Company: is not a known field — did you mean "company"?`)},
	{name: "recommends notiz", edits: e("recommends:\n  - member: bernd\n    notiz: toll"), want: e(P + `:13:5: recommends.notiz: is not a known field — did you mean "note"?`)},

	// Dates.
	{name: "month 13", edits: e("member_since: 2021-13-01"), want: e(P + `:11:15: member_since: "2021-13-01" is not a date — write it as YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2021-03-01`)},
	{name: "30 February", edits: e("member_since: 2021-02-30"), want: e(P + `:11:15: member_since: "2021-02-30" is not a date — write it as YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2021-03-01`)},
	{name: "date in words", edits: e("member_since: März 2021"), want: e(P + `:11:15: member_since: "März 2021" is not a date in the expected form — write it as 2021-03`)},
	{name: "date in English words", edits: e("member_since: 1. Sept. 2020"), want: e(P + `:11:15: member_since: "1. Sept. 2020" is not a date in the expected form — write it as 2020-09-01`)},
	{name: "date with since", edits: e("member_since: seit 2019"), want: e(P + `:11:15: member_since: "seit 2019" is not a date in the expected form — write it as 2019`)},
	{name: "season", edits: e("member_since: Frühling 2021"), want: e(P + `:11:15: member_since: "Frühling 2021" is not a date — write it as YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2021-03-01`)},
	{name: "look-alike website", edits: e("  website: https://аpple.com/"), want: e(P + `:10:12: contact.website: "https://аpple.com/" mixes letters of different alphabets (Latin+Cyrillic) in its host name, as fake copies of well-known sites do — type the address again, or copy it from the browser's address bar`)},
	{name: "website wholly in look-alike letters", edits: e("  website: https://аррӏе.com/"), want: e(P + `:10:12: contact.website: "https://аррӏе.com/" is written in Cyrillic letters that look like Latin ones, as fake copies of well-known sites are — type the address again, or copy it from the browser's address bar`)},
	{name: "Cyrillic website", edits: e("  website: https://москва.com/"), want: nil},
	{name: "Cyrillic website under .ru", edits: e("  website: https://сор.ru/"), want: nil},
	{name: "Cyrillic website under .рус", edits: e("  website: https://ресурс.рус/"), want: nil},
	{name: "LinkedIn elsewhere", edits: e("  linkedin: https://www.linkedin.com.evil.example/in/x"), want: e(P + `:11:13: contact.linkedin: "https://www.linkedin.com.evil.example/in/x" is not an address on linkedin.com — copy your profile's address from the browser's address bar`)},
	{name: "LinkedIn", edits: e("  linkedin: https://de.linkedin.com/in/anna"), want: nil},
	{name: "XING elsewhere", edits: e("  xing: https://xing.example/profile/x"), want: e(P + `:11:9: contact.xing: "https://xing.example/profile/x" is not an address on xing.com — copy your profile's address from the browser's address bar`)},
	{name: "look-alike website as xn--", edits: e("  website: https://xn--pple-43d.com/"), want: e(P + `:10:12: contact.website: "https://xn--pple-43d.com/" mixes letters of different alphabets (Latin+Cyrillic) in its host name, as fake copies of well-known sites do — type the address again, or copy it from the browser's address bar`)},
	{name: "umlaut website", edits: e("  website: https://müller-bau.de/")},
	{name: "umlaut domain", edits: e("  email: anna@müller.de"), want: e(P + `:9:10: contact.email: "anna@müller.de" has umlauts or other special letters in its domain, which e-mail links cannot carry — write it in its ASCII form: anna@xn--mller-kva.de`)},
	{name: "date in the future", edits: e("member_since: 2199-03"), want: e(P + `:11:15: member_since: "2199-03" lies in the future — write the month you joined, e.g. 2021-03`)},
	{name: "German date", edits: e("member_since: 1.3.2021"), want: e(P + `:11:15: member_since: "1.3.2021" is not a date in the expected form — write it as 2021-03-01`)},
	{name: "German month", edits: e("member_since: 03/2021"), want: e(P + `:11:15: member_since: "03/2021" is not a date in the expected form — write it as 2021-03`)},
	{name: "German date, impossible", edits: e("member_since: 30.02.2021"), want: e(P + `:11:15: member_since: "30.02.2021" is not a date — write it as YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2021-03-01`)},
	{name: "date with sign", edits: e("member_since: 2021-+3"), want: e(P + `:11:15: member_since: "2021-+3" is not a date — write it as YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2021-03-01`)},
	{name: "date as list", edits: e("member_since: [2021]"), want: e(P + `:11:15: member_since: must be text, not a list — write it on one line after the colon`)},
	{name: "date ok", edits: e("member_since: 2021-03"), check: func(t *testing.T, m *member.Member) {
		if m.MemberSince != (member.Date{Year: 2021, Month: 3}) {
			t.Errorf("MemberSince = %+v", m.MemberSince)
		}
	}},
	{name: "date as YAML timestamp", edits: e("member_since: 2021-03-01"), check: func(t *testing.T, m *member.Member) {
		if m.MemberSince.String() != "2021-03-01" {
			t.Errorf("MemberSince = %v", m.MemberSince)
		}
	}},

	// YAML written in a web editor.
	{name: "tab indentation", edits: e("contact:\n\temail: anna@example.de"), want: e(P + `:9:1: a tab is used for indentation — YAML needs spaces; replace the tab with two spaces`)},
	{name: "tab after spaces", edits: e("contact:\n  \temail: anna@example.de"), want: e(P + `:9:3: a tab is used for indentation — YAML needs spaces; replace the tab with two spaces`)},
	{name: "colon in value", edits: e("mission: Ich helfe: Firmen"), want: e(P + `:3:19: mission: the value contains ": " — put the whole value in double quotes: mission: "…"`)},
	{name: "colon in why", edits: e("why: Darum: weil"), want: e(P + `:4:11: why: the value contains ": " — put the whole value in double quotes: why: "…"`)},
	{name: "colon in quoted value is fine", edits: e(`mission: "Ich helfe: Firmen"`), check: func(t *testing.T, m *member.Member) {
		if m.Mission != "Ich helfe: Firmen" {
			t.Errorf("Mission = %q", m.Mission)
		}
	}},
	{name: "no space after colon in contact", edits: e("contact:\n  email:anna@x.de"), want: e(P + `:9:9: contact.email: a space is missing after the colon — write "email: anna@x.de"`)},
	{name: "no space after colon", edits: e("why:Weil"), want: e(P + `:4:5: why: a space is missing after the colon — write "why: Weil"`)},
	{name: "duplicate name", edits: e("+name: Bob"), want: e(P + `:11:1: name: the field appears twice (first on line 2) — keep only one`)},
	{name: "duplicate email", edits: e("contact:\n  email: a@example.de\n  email: b@example.de"), want: e(P + `:10:3: contact.email: the field appears twice (first on line 9) — keep only one`)},
	{name: "list item indented wrongly", edits: e("offerings:\n  - Beratung\n - Coaching"), want: e(P + `:7:1: "- Coaching" is indented by 1 space — indent it by exactly 2 spaces, like "- Beratung" above it`)},
	{name: "text after closing quote", edits: e(`why: "Weil" ich es will`), want: e(P + `:4:13: why: the value ends at its closing quote, and "ich es will" after it cannot be read — put the whole value in the quotes: why: "Weil ich es will" (or, if the quotes belong to the text: why: '"Weil" ich es will')`)},
	{name: "field indented", edits: e("why:   \n  x: y\n mission: z"), want: e(P + `:6:1: "mission:" is indented by 1 space — remove the spaces before it, so that it starts at the left edge like "why:" above it`)},
	{name: "unclosed double quote", edits: e(`mission: "Ich helfe Firmen`), want: e(P + `:3:10: the quote " is never closed — add it again at the end of the value`)},
	{name: "unclosed single quote on first line", edits: e(`name: 'Anna`), want: e(P + `:2:7: the quote ' is never closed — add it again at the end of the value`)},
	{name: "owner with @", edits: e("owner: @anna"), want: e(P + `:11:8: owner: a GitHub user name is written without @ — write owner: anna`)},
	{name: "mission with @", edits: e("mission: @anna hilft"), want: e(P + `:3:10: a value cannot start with @ — put the whole value in double quotes: "@anna hilft"`)},
	{name: "owner with quoted @", edits: e(`owner: "@anna"`), want: e(P + `:11:8: owner: "@anna" is not a GitHub user name — write only the name, e.g. anna-mueller, without @ or URL`)},
	{name: "offering with backquote", edits: e("offerings:\n  - `Coaching`"), want: e(P + "`:6:5: a value cannot start with ` — put the whole value in double quotes: \"`Coaching`\""[1:])},
	{name: "colon in list item", edits: e("offerings:\n  - Beratung: Firmen\n  - Coaching"), want: e(P + `:6:5: offerings: item 1 contains ": " — put the whole item in double quotes: - "…"`)},
	{name: "list item is a list", edits: e("offerings:\n  - [Beratung]"), want: e(P + `:6:5: offerings: item 1 must be text — write it after "- " on one line`)},
	{name: "unknown alias", edits: e("mission: *m"), want: e(P + `:3:10: a value cannot start with * — put the whole value in double quotes: "*m"`)},
	{name: "Markdown emphasis", edits: e("why: *Weil* ich es liebe"), want: e(P + `:4:6: stars make bold or italic text only in the text below the front matter; here they would be shown as they are — write: why: Weil ich es liebe`)},
	{name: "Markdown bold in list", edits: e("offerings:\n  - **Premium**\n  - Coaching"), want: e(P + `:6:5: stars make bold or italic text only in the text below the front matter; here they would be shown as they are — write: - Premium`)},
	{name: "Markdown bold inside", edits: e("mission: Ich helfe **kleinen** **und** mittleren Firmen."), want: e(P + `:3:10: mission: stars make bold or italic text only in the text below the front matter; here they would be shown as they are — write: Ich helfe kleinen und mittleren Firmen.`)},
	{name: "stars and underscores meant as written", edits: e("mission: Python von __init__ bis __main__, a**2 + b**2 = c**2"), want: nil},
	{name: "gender star", edits: e("mission: Ich berate Gründer*innen und Unternehmer*innen."), want: nil},
	{name: "HTML entity", edits: e("company: Müller &amp; Söhne"), want: e(P + `:11:10: company: this is HTML code (like &amp;), which would be shown as it is — write the characters themselves: Müller & Söhne`)},
	{name: "ampersand", edits: e("company: Müller & Söhne; Partner"), want: nil},
	{name: "percent", edits: e("mission: %50 Rabatt für Gründer"), want: e(P + `:3:10: a value cannot start with % — put the whole value in double quotes: "%50 Rabatt für Gründer"`)},
	{name: "text after block indicator", edits: e("name: | Anna"), want: e(P + `:2:7: after | the text must start on the next line, indented by two spaces — or leave out the |: name: Anna`)},
	{name: "text after folding indicator", edits: e("why: >- Weil ich es liebe."), want: e(P + `:4:6: after > the text must start on the next line, indented by two spaces — or leave out the >: why: Weil ich es liebe.`)},
	{name: "dash as text", edits: e("name: - Anna"), want: e(P + `:2:7: a value cannot start with - — put the whole value in double quotes: "- Anna"`)},
	{name: "text after brackets", edits: e("mission: [Beta] Ich helfe"), want: e(P + `:3:10: a value cannot start with [ — put the whole value in double quotes: "[Beta] Ich helfe"`)},
	{name: "text after single quotes", edits: e("name: 'Anna' Müller"), want: e(P + `:2:14: name: the value ends at its closing quote, and "Müller" after it cannot be read — put the whole value in the quotes: name: 'Anna Müller' (or, if the quotes belong to the text: name: "'Anna' Müller")`)},
	{name: "tag", edits: e("mission: !wichtig Ich helfe"), want: e(P + `:3:10: mission: a value cannot start with ! — put the whole value in double quotes: "!wichtig Ich helfe"`)},
	{name: "explicit string tag", edits: e("name: !!str Anna"), check: func(t *testing.T, m *member.Member) {
		if m.Name != "Anna" {
			t.Errorf("Name = %q", m.Name)
		}
	}},
	{name: "hashtag", edits: e("mission: Ich liebe #Handwerk und #Holz"), want: e(P + `:3:20: mission: the text from #Handwerk on is read as a comment and left out — put the whole value in double quotes`)},
	{name: "hashtag in list", edits: e("offerings:\n  - Bau #Holz"), want: e(P + `:6:9: offerings: the text from #Holz on is read as a comment and left out — put the whole value in double quotes`)},
	{name: "comment", edits: e("name: Anna Müller # mit Umlaut"), check: func(t *testing.T, m *member.Member) {
		if m.Name != "Anna Müller" {
			t.Errorf("Name = %q", m.Name)
		}
	}},
	{name: "ampersand inside", edits: e("company: Müller & Co"), check: func(t *testing.T, m *member.Member) {
		if m.Company != "Müller & Co" {
			t.Errorf("Company = %q", m.Company)
		}
	}},
	{name: "anchor and alias", edits: e("mission: &m Ich helfe", "ideal_referral: *m"), want: e(
		P+`:3:10: mission: YAML anchors and aliases (& and *) are not allowed in profiles — write the value out`,
		P+`:11:17: ideal_referral: YAML anchors and aliases (& and *) are not allowed in profiles — write the value out`)},

	// Recommendations within one file (targets are checked by NewDirectory).
	{name: "recommends twice", edits: e("recommends:\n  - member: bernd\n  - member: bernd\n    note: zweimal"), want: e(P + `:13:13: recommends.member: "bernd" is recommended twice — keep one entry`)},
	{name: "recommends without member", edits: e("recommends:\n  - note: super"), want: e(P + `:12:5: recommends.member: is missing — add "member: …" indented under recommends`)},
	{name: "recommends empty member", edits: e("recommends:\n  - member:"), want: e(P + `:12:12: recommends.member: is empty — write it after "member: "`)},
	{name: "recommends member as list", edits: e("recommends:\n  - member: [bernd]"), want: e(P + `:12:13: recommends.member: must be text, not a list — write it on one line after the colon`)},
	{name: "recommends a name", edits: e("recommends:\n  - member: Bernd Schmidt"), want: e(P + `:12:13: recommends.member: "Bernd Schmidt" is not a member's file name — write the name of their file without .md, as in the address /members/…/; probably "bernd-schmidt"`)},
	{name: "recommends a profile address", edits: e("recommends:\n  - member: https://netzwerk.example/members/lena-schaefer/"), want: e(P + `:12:13: recommends.member: "https://netzwerk.example/members/lena-schaefer/" is not a member's file name — write the name of their file without .md, as in the address /members/…/; probably "lena-schaefer"`)},
	{name: "de: recommends a name", lang: "de", edits: e("recommends:\n  - member: Lena Schäfer"), want: e(P + `:12:13: recommends.member: "Lena Schäfer" ist kein Dateiname eines Mitglieds — schreibe den Namen der Datei ohne .md wie in der Adresse /members/…/; vermutlich "lena-schaefer"`)},
	{name: "recommends no letters", edits: e(`recommends:` + "\n" + `  - member: "???"`), want: e(P + `:12:13: recommends.member: "???" is not a member's file name — use lowercase a-z, 0-9 and dashes, as in the address /members/anna-mueller/`)},
	{name: "recommends file name", edits: e("recommends:\n  - member: bernd.md\n    note: Sehr gut"), check: func(t *testing.T, m *member.Member) {
		if len(m.Recommends) != 1 || m.Recommends[0].Slug != "bernd" || m.Recommends[0].Note != "Sehr gut" || m.Recommends[0].Pos != (member.Pos{Path: P, Line: 12, Col: 13}) {
			t.Errorf("Recommends = %+v", m.Recommends)
		}
	}},

	// Text that looks right but is not.
	{name: "smart quotes", edits: e("name: „Anna Müller“"), want: e(P + `:2:7: name: the value is wrapped in typographic quotes („…“) — use straight quotes "…" or none`)},
	{name: "English smart quotes", edits: e("mission: “I help”"), want: e(P + `:3:10: mission: the value is wrapped in typographic quotes (“…”) — use straight quotes "…" or none`)},
	{name: "control character", edits: e(`name: "Anna\aMüller"`), want: e(P + `:2:7: name: contains an invisible control character — retype the text`)},
	{name: "bidi override", edits: e(`mission: "Ich helfe \u202eFirmen"`), want: e(P + `:3:10: mission: contains an invisible control character — retype the text`)},
	{name: "escape character", edits: e(`contact:` + "\n" + `  email: anna@example.de` + "\n" + `  website: "https://x.de/\x1b[31m"`), want: e(P + `:10:12: contact.website: contains an invisible control character — retype the text`)},
	{name: "mission 301 characters", edits: e("mission: " + strings.Repeat("ä", 301)), want: e(P + `:3:10: mission: is 301 characters long, at most 300 are allowed — shorten it`)},
	{name: "mission 300 characters", edits: e("mission: " + strings.Repeat("ä", 300))},
	{name: "name 101 characters", edits: e("name: " + strings.Repeat("a", 101)), want: e(P + `:2:7: name: is 101 characters long, at most 100 are allowed — shorten it`)},
	{name: "11 offerings", edits: e("offerings:" + strings.Repeat("\n  - x", 11)), want: e(P + `:6:3: offerings: has 11 items, at most 10 are allowed — keep the most important ones`)},
	{name: "10 offerings", edits: e("offerings:\n  - 1\n  - 2\n  - 3\n  - 4\n  - 5\n  - 6\n  - 7\n  - 8\n  - 9\n  - 10")},
	{name: "offering too long", edits: e("offerings:\n  - Beratung\n  - " + strings.Repeat("ö", 81)), want: e(P + `:7:5: offerings: item 2 is 81 characters long, at most 80 are allowed — shorten it`)},
	{name: "offering twice", edits: e("offerings:\n  - Beratung\n  - Beratung"), want: e(P + `:7:5: offerings: "Beratung" is listed twice — keep it once`)},
	{name: "offering empty", edits: e("offerings:\n  - Beratung\n  -"), want: e(P + `:7:4: offerings: is empty — write at least one character or remove the line`)},

	// Categories from config.yaml.
	{name: "unknown tag, close", cfg: withCategories, edits: e("tags:\n  - steuren"), want: e(P + `:12:5: tags: "steuren" is not a category of this site — did you mean "steuern"?`)},
	{name: "unknown tag, far", cfg: withCategories, edits: e("tags:\n  - Kochen"), want: e(P + `:12:5: tags: "Kochen" is not a category of this site — use one of: steuern, recht`)},
	{name: "tag by label", cfg: withCategories, edits: e("tags:\n  - Rechtsberatung\n  - steuerberatung"), check: func(t *testing.T, m *member.Member) {
		if !slices.Equal(m.Tags, []string{"recht", "steuern"}) {
			t.Errorf("Tags = %q", m.Tags)
		}
	}},
	{name: "free tags are slugified", edits: e("tags:\n  - Steuer Beratung\n  - Recht"), check: func(t *testing.T, m *member.Member) {
		if !slices.Equal(m.Tags, []string{"steuer-beratung", "recht"}) {
			t.Errorf("Tags = %q", m.Tags)
		}
	}},
	{name: "tag by id and label", cfg: withCategories, edits: e("tags:\n  - steuern\n  - Steuerberatung"), want: e(P + `:13:5: tags: "Steuerberatung" is listed twice — keep it once`)},
	{name: "free tag twice", edits: e("tags:\n  - Steuer Beratung\n  - steuer-beratung"), want: e(P + `:13:5: tags: "steuer-beratung" is listed twice — keep it once`)},
	{name: "free tag without letters", edits: e(`tags:` + "\n" + `  - "!!!"`), want: e(P + `:12:5: tags: "!!!" cannot be used as a category — use letters, digits and dashes`)},

	// Other values.
	{name: "language name", edits: e("languages:\n  - de\n  - deutsch"), want: e(P + `:13:5: languages: "deutsch" is not a two-letter language code — write de`)},
	{name: "language upper case", edits: e("languages: [DE]"), want: e(P + `:11:13: languages: "DE" is written in capitals — language codes are lower case: write de`)},
	{name: "every language name", edits: e("languages: [Deutsch, Englisch, Dialekt]"), want: e(
		P+`:11:13: languages: "Deutsch" is not a two-letter language code — write de`,
		P+`:11:22: languages: "Englisch" is not a two-letter language code — write en`,
		P+`:11:32: languages: "Dialekt" is not a two-letter language code — use de, en, fr, …`)},
	{name: "language in English", edits: e("languages: [German]"), want: e(P + `:11:13: languages: "German" is not a two-letter language code — write de`)},
	{name: "language in German", edits: e("languages: [Türkisch]"), want: e(P + `:11:13: languages: "Türkisch" is not a two-letter language code — write tr`)},
	{name: "language in itself", edits: e("languages: [Français]"), want: e(P + `:11:13: languages: "Français" is not a two-letter language code — write fr`)},
	{name: "language with region", edits: e("languages: [de-AT]"), want: e(P + `:11:13: languages: "de-AT" is not a two-letter language code — write de`)},
	{name: "language, three letters", edits: e("languages: [eng]"), want: e(P + `:11:13: languages: "eng" is not a two-letter language code — write en`)},
	{name: "language unknown", edits: e("languages: [Klingonisch]"), want: e(P + `:11:13: languages: "Klingonisch" is not a two-letter language code — use de, en, fr, …`)},
	{name: "photo outside", edits: e("photo: ../x.jpg"), want: e(P + `:11:8: photo: "../x.jpg" must be a file name next to this profile, without folders`)},
	{name: "photo gif", edits: e("photo: anna.gif"), want: e(P + `:11:8: photo: "anna.gif" is not a .jpg or .png file — save the photo as JPEG or PNG`)},
	{name: "photo position is the value", edits: e("photo: anna.jpg"), check: func(t *testing.T, m *member.Member) {
		if m.Photo != "anna.jpg" || m.Pos.Get("photo") != (member.Pos{Path: P, Line: 11, Col: 8}) {
			t.Errorf("Photo = %q at %+v", m.Photo, m.Pos.Get("photo"))
		}
	}},
	{name: "extra field", cfg: withExtra, edits: e("termin: https://cal.example.de/anna", "branchen:\n  - Handwerk"), check: func(t *testing.T, m *member.Member) {
		if m.Extra["termin"] != "https://cal.example.de/anna" || !slices.Equal(m.Extra["branchen"].([]string), []string{"Handwerk"}) {
			t.Errorf("Extra = %v", m.Extra)
		}
	}},
	{name: "extra URL field", cfg: withExtra, edits: e("termin: cal.example.de"), want: e(P + `:11:9: termin: "cal.example.de" has no https:// — write https://cal.example.de`)},
	{name: "draft", edits: e("draft: true"), check: func(t *testing.T, m *member.Member) {
		if !m.Draft {
			t.Error("Draft = false")
		}
	}},

	// Found by the hostile-input audit: web-editor slips and disguises.
	{name: "non-breaking space as indentation", edits: e("contact:\n\u00a0\u00a0email: anna@example.de"), want: e(P + `:9:1: here is a special space (U+00A0, e.g. a non-breaking space copied from Word or a web page) where YAML needs an ordinary one — delete it and type a normal space`)},
	{name: "non-breaking space after the colon", edits: e("name:\u00a0Anna"), want: e(P + `:2:6: here is a special space (U+00A0, e.g. a non-breaking space copied from Word or a web page) where YAML needs an ordinary one — delete it and type a normal space`)},
	{name: "non-breaking space after the dash", edits: e("offerings:\n  -\u00a0Beratung"), want: e(P + `:6:4: here is a special space (U+00A0, e.g. a non-breaking space copied from Word or a web page) where YAML needs an ordinary one — delete it and type a normal space`)},
	{name: "non-breaking space inside a value", edits: e("name: Dr.\u00a0Anna Müller"), check: func(t *testing.T, m *member.Member) {
		// One-line fields join their words with plain spaces.
		if m.Name != "Dr. Anna Müller" {
			t.Errorf("Name = %q", m.Name)
		}
	}},
	{name: "numbered list", edits: e("offerings:\n  1. Beratung\n  2. Coaching"), want: e(P + `:6:3: offerings: list items start with a dash, not a number — write "- Beratung"`)},
	{name: "sub-field lost its indentation", edits: e("contact:\nemail: anna@example.de\n  website: https://anna.example.de"), want: e(P + `:9:1: "email" lost its indentation: it belongs under "contact", like the lines below it — put 2 spaces before it`)},
	{name: "sub-field indented too far", edits: e("contact:\n  email: anna@example.de\n    website: https://anna.example.de"), want: e(P + `:10:1: "website" is indented more than "email" in the line before — put 2 spaces before it, as there`)},
	{name: "top-level field indented", edits: e("name: Anna Müller\n  company: Müller GmbH"), want: e(P + `:3:1: "company" is indented, unlike "name" in the line before — remove the spaces before it`)},
	{name: "list item indented too far", edits: e("offerings:\n  - Beratung\n    - Coaching"), want: e(P + `:7:5: offerings: this item is indented more than the one above, so it is read as part of that one — put its "-" under the others`)},
	{name: "list with long dashes", edits: e("offerings:\n  – Beratung\n  – Coaching"), want: e(P + `:6:3: offerings: list items start with the plain hyphen "-" of the keyboard, not a long dash or a bullet — write "- Beratung"`)},
	{name: "list with bullets", edits: e("offerings:\n  • Beratung"), want: e(P + `:6:3: offerings: list items start with the plain hyphen "-" of the keyboard, not a long dash or a bullet — write "- Beratung"`)},
	{name: "numbered list at the left edge", edits: e("offerings:\n1. Beratung\n2. Coaching"), want: e(P + `:6:1: list items start with a dash, not a number — write "- Beratung"`)},
	{name: "note at the dash", edits: e("recommends:\n  - member: bernd\n  note: Gut."), want: e(P + `:13:3: "note" belongs to the list item above — put it under "member", with 4 spaces before it`)},
	{name: "unclosed quote, a quote further down", edits: e(`name: "Anna`, "contact:\n  phone: \"+49 221 123456\""), want: e(P + `:2:7: the quote " is never closed — add it again at the end of the value`)},
	{name: "value ending in a colon", edits: e("mission: Meine Themen:"), want: e(P + `:3:22: mission: the value contains ": " — put the whole value in double quotes: mission: "…"`)},
	{name: "double quotes inside double quotes", edits: e(`mission: "Ich sage "Hallo" zu allen"`), want: e(P + `:3:10: mission: the value's quotes also stand inside it, so YAML sees it end early — write mission: 'Ich sage "Hallo" zu allen'`)},
	{name: "apostrophe inside single quotes", edits: e(`company: 'Anna's Laden'`), want: e(P + `:11:10: company: the value's quotes also stand inside it, so YAML sees it end early — write company: "Anna's Laden"`)},
	{name: "both quotes inside", edits: e(`mission: "Annas "Laden" und Peter's Café"`), want: e(P + `:3:10: mission: the value's quotes also stand inside it, so YAML sees it end early — write mission: "Annas „Laden“ und Peter's Café"`)},
	{name: "second item without space", edits: e("offerings:\n  - Beratung\n  -Coaching"), want: e(P + `:7:3: a space is missing after the dash — write "- Coaching"`)},
	{name: "next item without dash", edits: e("offerings:\n  - Beratung\nCoaching"), want: e(P + `:7:1: this line has no field name with a colon, so it is not a field — if it is another item of the list above, write "  - Coaching"`)},
	{name: "text continued unindented", edits: e("mission: Ich berate\nkleine Firmen."), want: e(P + `:4:1: this line has no field name with a colon, so it is not a field — if it continues the text of mission above, put 2 spaces before it; if it is a field of its own, write its name and a colon first`)},
	{name: "block text unindented", edits: e("why: |\nWeil ich es liebe."), want: e(P + `:5:1: this line has no field name with a colon, so it is not a field — if it continues the text of why above, put 2 spaces before it; if it is a field of its own, write its name and a colon first`)},
	{name: "dash without space", edits: e("offerings:\n  -Beratung\n  -Coaching"), want: e(P + `:6:3: offerings: a space is missing after the dash — write "- Beratung"`)},
	{name: "German field name", edits: e("-offerings", "angebote:\n  - Beratung"), want: e(P + `:8:1: angebote: is not a known field — did you mean "offerings"?`)},
	{name: "German sub-field name", edits: e("contact:\n  email: anna@example.de\n  Telefon: 0221 123456"), want: e(P + `:10:3: contact.Telefon: is not a known field — did you mean "phone"?`)},
	{name: "de: German field name", lang: "de", edits: e("+beruf: Steuerberaterin"), want: e(P + `:11:1: beruf: ist kein bekanntes Feld — meintest du "role"?`)},
	{name: "zero-width space only", edits: e(`name: "\u200b"`), want: e(P + `:2:7: name: contains an invisible control character — retype the text`)},
	{name: "zero-width space in a name", edits: e("name: Anna\u200bMüller"), want: e(P + `:2:7: name: contains an invisible control character — retype the text`)},
	{name: "bidi isolate", edits: e("name: Anna \u2067Müller\u2069"), want: e(P + `:2:7: name: contains an invisible control character — retype the text`)},
	{name: "bidi embedding", edits: e("company: \u202bMüller GmbH\u202c"), want: e(P + `:11:10: company: contains an invisible control character — retype the text`)},
	{name: "zero-width space in a URL", edits: e("contact:\n  website: https://x\u200b.de/"), want: e(P + `:9:12: contact.website: contains an invisible control character — retype the text`)},
	{name: "zero-width joiner in an emoji", edits: e("offerings:\n  - Coaching 👩\u200d💻"), check: func(t *testing.T, m *member.Member) {
		if m.Offerings[0] != "Coaching 👩\u200d💻" {
			t.Errorf("Offerings = %q", m.Offerings)
		}
	}},
	{name: "soft hyphen in a name", edits: e("name: Dani\u00adel Okafor"), want: e(P + `:2:7: name: contains an invisible character (U+00AD), with which a name can look like another — delete the text and type it again`)},
	{name: "mathematical letter in a name", edits: e("name: Dani\U0001d5bel Okafor"), want: e(P + `:2:7: name: "Dani𝖾l Okafor" is written with special forms of letters (from a fancy-font generator or a word processor) that look like ordinary ones — write Daniel Okafor`)},
	{name: "Armenian letter in a Latin name", edits: e("name: Daniel \u0555kafor"), want: e(P + `:2:7: name: "Daniel Օkafor" mixes letters of different alphabets (Latin+Armenian) in one word, which makes it look like another name — type it again with one keyboard`)},
	{name: "Cyrillic letter in a Latin name", edits: e("name: L\u0435na Schäfer"), want: e(P + `:2:7: name: "Lеna Schäfer" mixes letters of different alphabets (Latin+Cyrillic) in one word, which makes it look like another name — type it again with one keyboard`)},
	{name: "Cyrillic and Latin words", edits: e("name: Ольга Schmidt"), check: func(t *testing.T, m *member.Member) {
		if m.Name != "Ольга Schmidt" {
			t.Errorf("Name = %q", m.Name)
		}
	}},
	{name: "unknown key with a line break", edits: e(`+"x\n::warning::y": 1`), want: e(P + `:11:1: "x\n::warning::y": is not a known field — remove it or check its spelling`)},

	// German.
	{name: "de: missing name", lang: "de", edits: e("-name"), want: e(P + `:1:1: name: fehlt — füge eine Zeile "name: …" hinzu`)},
	{name: "de: empty name", lang: "de", edits: e("name:"), want: e(P + `:2:6: name: ist leer — schreibe den Wert hinter "name: "`)},
	{name: "de: name as list", lang: "de", edits: e("name:\n  - Anna\n  - Müller"), want: e(P + `:3:3: name: muss Text sein, keine Liste — schreibe ihn in eine Zeile hinter den Doppelpunkt`)},
	{name: "de: email", lang: "de", edits: e("contact:\n  email: anna(at)example.de"), want: e(P + `:9:10: contact.email: "anna(at)example.de" ist keine E-Mail-Adresse — schreibe sie als name@example.de`)},
	{name: "de: website", lang: "de", edits: e("contact:\n  website: www.example.de"), want: e(P + `:9:12: contact.website: bei "www.example.de" fehlt https:// — schreibe https://www.example.de`)},
	{name: "de: offerrings", lang: "de", edits: e("-offerings", "offerrings:\n  - Beratung"), want: e(
		P + `:8:1: offerrings: ist kein bekanntes Feld — meintest du "offerings"?`)},
	{name: "de: tab", lang: "de", edits: e("contact:\n\temail: anna@example.de"), want: e(P + `:9:1: ein Tabulator wird zum Einrücken verwendet — YAML braucht Leerzeichen; ersetze den Tabulator durch zwei Leerzeichen`)},
	{name: "de: duplicate", lang: "de", edits: e("+name: Bob"), want: e(P + `:11:1: name: das Feld steht zweimal da (zuerst in Zeile 2) — behalte nur eines`)},
	{name: "de: colon", lang: "de", edits: e("mission: Ich helfe: Firmen"), want: e(P + `:3:19: mission: der Wert enthält ": " — setze den ganzen Wert in Anführungszeichen: mission: "…"`)},
	{name: "de: German date", lang: "de", edits: e("member_since: 1.3.2021"), want: e(P + `:11:15: member_since: "1.3.2021" ist kein Datum in der erwarteten Form — schreibe es als 2021-03-01`)},
	{name: "de: unknown tag", lang: "de", cfg: withCategories, edits: e("tags:\n  - steuren"), want: e(P + `:12:5: tags: "steuren" ist keine Kategorie dieser Website — meintest du "steuern"?`)},
}

func withCategories(c *member.Config) {
	c.Categories = []member.ConfigCategory{{ID: "steuern", Label: "Steuerberatung"}, {ID: "recht", Label: "Rechtsberatung"}}
}

func withExtra(c *member.Config) {
	c.ExtraFields = []member.ExtraField{{Name: "termin", Label: "Termin", Type: "url"}, {Name: "branchen", Label: "Branchen", Type: "list"}}
}

func (c profileCase) config() *member.Config {
	lang := c.lang
	if lang == "" {
		lang = "en"
	}
	cfg := config(lang)
	if c.cfg != nil {
		c.cfg(cfg)
	}
	return cfg
}

func (c profileCase) data() []byte {
	if c.text != "" {
		return []byte(c.text)
	}
	return []byte(profile(c.edits...))
}

func TestProfile(t *testing.T) {
	for _, c := range profileCases {
		t.Run(c.name, func(t *testing.T) {
			m, errs := Profile(P, c.data(), c.config())
			diffLines(t, lines(errs), c.want)
			if m == nil && len(errs) == 0 {
				t.Fatal("Profile returned neither member nor errors")
			}
			if m != nil && (m.Slug != "anna" || m.Path != P) {
				t.Errorf("Slug, Path = %q, %q", m.Slug, m.Path)
			}
			if c.check != nil && m != nil {
				c.check(t, m)
			}
		})
	}
}

// frontMatterCases are about the file around the YAML: its first and last
// lines, encodings and line endings.
var frontMatterCases = []profileCase{
	{name: "BOM and CRLF", text: "\ufeff" + strings.ReplaceAll(profile(), "\n", "\r\n"), check: func(t *testing.T, m *member.Member) {
		if m.Name != "Anna Müller" || m.Body != "Ich bin Anna.\n" || m.BodyLine != 12 || m.Pos.Get("contact").Line != 8 {
			t.Errorf("member = %+v", m)
		}
	}},
	{name: "BOM and CRLF, error positions", text: "\ufeff" + strings.ReplaceAll(profile("contact:\n  email: anna(at)example.de", "+member_since: März"), "\n", "\r\n"), want: e(
		P+`:9:10: contact.email: "anna(at)example.de" is not an e-mail address — write it as name@example.de`,
		P+`:10:15: member_since: "März" is not a date — write it as YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2021-03-01`)},
	{name: "old Mac line ends", text: strings.ReplaceAll(profile("+hobbies: x"), "\n", "\r"), want: e(P + `:11:1: hobbies: is not a known field — remove it or check its spelling`)},
	{name: "unclosed, with body", text: strings.Replace(profile(), "---\nIch", "Ich", 1), want: e(P + `:11:1: the front matter is not closed — add a line "---" after the last field`)},
	{name: "unclosed, no body", text: "---\nname: Anna\n", want: e(P + `:3:1: the front matter is not closed — add a line "---" after the last field`)},
	{name: "unclosed, no final newline", text: "---\nname: Anna", want: e(P + `:3:1: the front matter is not closed — add a line "---" after the last field`)},
	{name: "unclosed, CRLF", text: "---\r\nname: Anna\r\nmission: x\r\n\r\nIch bin Anna.\r\n", want: e(P + `:5:1: the front matter is not closed — add a line "---" after the last field`)},
	{name: "empty file", text: "", want: e(P + `:1:1: the file is empty — start it with a line "---", then name: …, mission: …, and close with "---"`)},
	{name: "blank file", text: "\n  \n\t\n", want: e(P + `:1:1: the file is empty — start it with a line "---", then name: …, mission: …, and close with "---"`)},
	{name: "BOM only", text: "\ufeff", want: e(P + `:1:1: the file is empty — start it with a line "---", then name: …, mission: …, and close with "---"`)},
	{name: "front matter only", text: strings.TrimSuffix(profile(), "Ich bin Anna.\n"), check: func(t *testing.T, m *member.Member) {
		if m.Body != "" || m.BodyLine != 12 {
			t.Errorf("Body = %q at %d", m.Body, m.BodyLine)
		}
	}},
	{name: "front matter only, no final newline", text: strings.TrimSuffix(profile(), "\nIch bin Anna.\n")},
	{name: "delimiter with trailing spaces", text: strings.Replace(profile(), "---\n", "---  \n", 2)},
	{name: "blank lines before front matter", text: "\n\n" + profile(), want: e(P + `:1:1: the front matter must start on the first line — remove the 2 line(s) before "---"`)},
	{name: "no front matter", text: "name: Anna\nmission: x\n", want: e(P + `:1:1: the file does not start with front matter — the first line must be exactly "---"`)},
	{name: "Markdown only", text: "# Anna Müller\n\nIch bin Anna.\n", want: e(P + `:1:1: the file does not start with front matter — the first line must be exactly "---"`)},
	{name: "four dashes", text: "----\nname: Anna\n----\n", want: e(P + `:1:1: this line seems meant to start or end the front matter, which takes a line of exactly three plain dashes — write ---`)},
	{name: "closed with four dashes", text: "---\nname: Anna\n----\nText\n", want: e(P + `:3:1: this line seems meant to start or end the front matter, which takes a line of exactly three plain dashes — write ---`)},
	{name: "closed with a long dash", text: "---\nname: Anna\n—\nText\n", want: e(P + `:3:1: this line seems meant to start or end the front matter, which takes a line of exactly three plain dashes — write ---`)},
	{name: "closed with dots", text: "---\nname: Anna\n...\nText\n", want: e(P + `:3:1: this line seems meant to start or end the front matter, which takes a line of exactly three plain dashes — write ---`)},
	{name: "Latin-1", text: string([]byte(strings.Replace(profile(), "Anna Müller", "Anna M\xfcller", 1))), want: e(P + `:2:13: the file is not valid UTF-8 text (here is the first character that is not) — save it again as UTF-8`)},
	{name: "Latin-1 in the body, CRLF", text: strings.ReplaceAll(profile(), "\n", "\r\n") + "Gr\xfc\xdfe\r\n", want: e(P + `:13:3: the file is not valid UTF-8 text (here is the first character that is not) — save it again as UTF-8`)},
	{name: "UTF-16", text: "\xff\xfe-\x00-\x00-\x00\n\x00", want: e(P + `:1:1: the file is saved as UTF-16 ("Unicode") — save it again as UTF-8`)},
	{name: "UTF-16 without byte order mark", text: "\x00-\x00-\x00-\x00\n", want: e(P + `:1:1: the file is saved as UTF-16 ("Unicode") — save it again as UTF-8`)},
	{name: "a photo", text: "\x89PNG\r\n\x1a\n\x00\x00", want: e(P + `:1:1: the file is not text but a PNG file — a profile is a text file that starts with a line "---"; a photo goes next to the profile as .jpg or .png and is named under photo:`)},
	{name: "de: a Word file", lang: "de", text: "PK\x03\x04\x14\x00", want: e(P + `:1:1: die Datei ist kein Text, sondern eine Word/ZIP-Datei — ein Profil ist eine Textdatei, die mit einer Zeile "---" beginnt; ein Foto kommt als .jpg oder .png neben das Profil und wird unter photo: genannt`)},
	{name: "NUL in the front matter", text: strings.Replace(profile(), "Anna Müller", "Anna\x00Müller", 1), want: e(P + `:2:11: here is an invisible control character (U+0000) — delete the text around it and type it again`)},
	{name: "line separator in the front matter", text: strings.Replace(profile(), "Anna Müller", "Anna\u2028Müller", 1), want: e(P + `:2:11: here is an invisible control character (U+2028) — delete the text around it and type it again`)},
	{name: "NUL in the body", text: profile() + "a\x00b\n", want: e(P + `:13:2: here is an invisible control character (U+0000) — delete the text around it and type it again`)},
	{name: "bidi override in the body, with field errors", text: strings.Replace(profile("contact:\n  email: anna(at)example.de"), "Ich bin Anna.", "Datei: \u202egnp.exe", 1), want: e(
		P+`:9:10: contact.email: "anna(at)example.de" is not an e-mail address — write it as name@example.de`,
		P+`:11:8: here is an invisible control character (U+202E) — delete the text around it and type it again`)},
	{name: "zero-width space in the body", text: profile() + "Steuer\u200bberatung\n"},
	{name: "de: unclosed", lang: "de", text: "---\nname: Anna\n", want: e(P + `:3:1: der Kopfbereich ist nicht abgeschlossen — füge nach dem letzten Feld eine Zeile "---" ein`)},
	{name: "de: notfirst", lang: "de", text: "\n" + profile(), want: e(P + `:1:1: der Kopfbereich muss in der ersten Zeile beginnen — entferne die 1 Zeile(n) vor "---"`)},
}

func TestFrontMatter(t *testing.T) {
	for _, c := range frontMatterCases {
		t.Run(c.name, func(t *testing.T) {
			m, errs := Profile(P, []byte(c.text), c.config())
			diffLines(t, lines(errs), c.want)
			if c.check != nil && m != nil {
				c.check(t, m)
			}
		})
	}
}

func TestProfileTooLarge(t *testing.T) {
	data := []byte(profile())
	data = append(data, strings.Repeat("x", 2<<20-len(data))...)
	m, errs := Profile(P, data, config("en"))
	diffLines(t, lines(errs), e(P+`: the file is 2.0 MiB, larger than the limit of 1.0 MiB — shorten the text; long stories belong on your own website`))
	if m != nil {
		t.Error("member returned for a too large file")
	}
	// Just over the limit must not read as "1.0 MiB, larger than 1.0 MiB".
	_, errs = Profile(P, make([]byte, MaxProfileSize+1), config("de"))
	diffLines(t, lines(errs), e(P+`: die Datei ist 1.1 MiB groß, erlaubt sind höchstens 1.0 MiB — kürze den Text; lange Geschichten gehören auf deine eigene Website`))
	// At the limit, the file is read: what it holds is checked.
	at := []byte(profile())
	at = append(at, strings.Repeat("x", MaxProfileSize-len(at))...)
	_, errs = Profile(P, at, config("en"))
	diffLines(t, lines(errs), e(P+`:12:1: the text below the front matter is 1024 KiB, more than 64 KiB — shorten it; a long story belongs on your own website, linked from here`))
}

// TestBodyShapes refuses the bodies whose shape makes the Markdown parser
// slow (each of these took seconds to minutes at 1 MiB) and keeps what
// real profiles have: some links, a quote in a list, a long text.
func TestBodyShapes(t *testing.T) {
	var links strings.Builder
	for i := range 40 {
		fmt.Fprintf(&links, "- [Projekt %d](https://example.org/%d) und ![Bild](https://example.org/bild%d.jpg)\n", i, i, i)
	}
	cases := []struct {
		name, body string
		want       []string
	}{
		{name: "ordinary", body: "# Über mich\n\n> Ein Zitat\n\n- eins\n  - zwei\n    > drei\n\n1. a\n2) b\n\n" + strings.Repeat("Ein Satz mit Wörtern. ", 2500)},
		{name: "many links, but not too many", body: links.String()},
		{name: "just long enough", body: strings.Repeat("x", MaxBody)},
		{name: "too long", body: strings.Repeat("x", MaxBody+1), want: e(P + `:12:1: the text below the front matter is 65 KiB, more than 64 KiB — shorten it; a long story belongs on your own website, linked from here`)},
		{name: "quotes nested", body: "Text\n\n" + strings.Repeat(">", 10000) + " x\n", want: e(P + `:14:1: quotes or lists are nested 10000 deep in this line, more than 16 — remove most of the ">" and list markers at its start`)},
		{name: "quotes and lists nested", body: strings.Repeat("> - ", 17) + "x\n", want: e(P + `:12:1: quotes or lists are nested 34 deep in this line, more than 16 — remove most of the ">" and list markers at its start`)},
		{name: "numbered lists nested", body: strings.Repeat("1. ", 17) + "x\n", want: e(P + `:12:1: quotes or lists are nested 17 deep in this line, more than 16 — remove most of the ">" and list markers at its start`)},
		{name: "sixteen is allowed", body: strings.Repeat("> ", 16) + "x\n"},
		{name: "unclosed images", body: strings.Repeat("![a](", 10000), want: e(P + `:12:1: the text has more than 500 links — keep the ones that matter`)},
		{name: "brackets", body: strings.Repeat("[", 20000) + "x" + strings.Repeat("]", 20000), want: e(P + `:12:1: the text has more than 1000 square brackets "[" — Markdown reads each as the start of a link; remove the ones that are not`)},
		{name: "emphasis pairs", body: "Text\n\n" + strings.Repeat("*a_", 1100) + "\n", want: e(P + `:14:1: this paragraph has more than 2000 of the characters * _ ~ — Markdown reads each as the start or end of bold, italic or struck-out text; remove the ones that are not, or split the paragraph with empty lines`)},
		{name: "emphasis in many paragraphs", body: strings.Repeat("**Datum:** 3. März, **Ort:** Köln, _Empfehlungen_ und ~~alt~~\n\n", 300)},
		{name: "some emphasis", body: strings.Repeat("Ein **fetter** und ein _kursiver_ Satz mit ~~Strich~~.\n", 100)},
		{name: "too many links", body: strings.Repeat("[a](b) ", 300) + "\n" + strings.Repeat("[a](b) ", 300), want: e(P + `:13:1: the text has more than 500 links — keep the ones that matter`)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			head := profile()
			head = head[:strings.LastIndex(head, "---\n")+4] // without its body
			m, errs := Profile(P, []byte(head+c.body), config("en"))
			diffLines(t, lines(errs), c.want)
			if m == nil {
				t.Fatal("no member")
			}
			if len(c.want) > 0 && m.Body != "" {
				t.Error("a refused body is kept: render would parse it")
			}
			if len(c.want) == 0 && m.Body == "" {
				t.Error("the body is lost")
			}
		})
	}
}

func TestProfileSlug(t *testing.T) {
	for path, slug := range map[string]string{
		"content/members/anna-mueller.md": "anna-mueller",
		"anna.md":                         "anna",
		"content/members/anna":            "anna",
		"content/members/anna.v2.md":      "anna.v2",
	} {
		m, errs := Profile(path, []byte(profile()), config("en"))
		if len(errs) > 0 {
			t.Fatalf("%s: %v", path, errs)
		}
		if m.Slug != slug || m.Path != path {
			t.Errorf("%s: Slug %q, Path %q", path, m.Slug, m.Path)
		}
	}
}

func TestWebEditorSlips(t *testing.T) {
	cfg := member.DefaultConfig()
	cfg.Language = "en"
	tests := []struct{ name, text, want string }{
		{"sub-field lost its indentation", "---\nname: A\nmission: m\nwhy: w\nofferings: [x]\ncontact:\nemail: a@example.org\n---\n",
			`content/members/a.md:7:1: email: belongs under "contact:" — indent it with two spaces`},
		{"text above the front matter", "Mein Profil\n---\nname: A\n---\n",
			`content/members/a.md:1:1: the front matter must start on the first line — remove the 1 line(s) before "---"`},
		{"a list with stars", "---\nname: A\nmission: m\nwhy: w\nofferings:\n  * Beratung\ncontact: {email: a@example.org}\n---\n",
			`content/members/a.md:6:3: list items start with a dash, not a star — write "- Beratung"`},
		{"year first with a slash", "---\nname: A\nmission: m\nwhy: w\nofferings: [x]\ncontact: {email: a@example.org}\nmember_since: 2021/03\n---\n",
			`content/members/a.md:7:15: member_since: "2021/03" is not a date in the expected form — write it as 2021-03`},
	}
	for _, tt := range tests {
		_, errs := Profile("content/members/a.md", []byte(tt.text), &cfg)
		var got []string
		for _, e := range errs {
			got = append(got, e.Error())
		}
		if len(got) == 0 || got[len(got)-1] != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// TestIndentedFirstField: yaml.v3 reads an indented first field and drops
// every field below it without an error.
func TestIndentedFirstField(t *testing.T) {
	text := strings.Replace(profile(), "---\nname:", "---\n name:", 1)
	_, errs := Profile(P, []byte(text), config("en"))
	diffLines(t, lines(errs), e(P+`:2:1: the first field "name" is indented, unlike the fields below it, and then they are not read — remove the spaces before it`))
}
