// Package vcard writes members as vCards 4.0 (RFC 6350), one per profile
// (members/<slug>.vcf; members.vcf is all of them one after the other), so
// that a visitor can put a member into their address book with one click.
//
// A card is a fixed sequence of properties in the order a reader expects
// (FN and N first, then work, contact, links, notes), each written with the
// escaping RFC 6350 demands for its value type, folded at 75 octets without
// splitting a UTF-8 sequence, with CRLF line ends. There is no REV or other
// timestamp, so the same profile always gives the same bytes.
//
// The encoder of github.com/emersion/go-vcard is not used: it does not fold
// lines, sorts properties alphabetically, and cannot write a semicolon
// inside a component of N or ORG (it escapes the backslash of "\;" again).
// The tests read the cards back with its decoder.
package vcard

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/referral"
)

// Card returns the member's vCard 4.0. profileURL, the absolute URL of the
// member's page, becomes the card's UID and a URL, so that importing the
// card again updates the contact instead of duplicating it. EMAIL and TEL
// are left out when the member chose not to publish them
// (contact.public: false). siteLang, the site's language, decides how a
// national phone number is dialled, as on the profile page (referral.Tel).
func Card(m *member.Member, profileURL, siteLang string) []byte {
	w := writers.Get().(*writer)
	defer writers.Put(w)
	w.buf.Reset()
	w.prop("BEGIN", "VCARD")
	w.prop("VERSION", "4.0")
	w.prop("FN", text(member.OneLine(m.Name)))
	w.prop("N", name(member.OneLine(m.Name)))
	w.prop("KIND", "individual")
	if m.Company != "" {
		w.prop("ORG", component(member.OneLine(m.Company)))
	}
	if m.Role != "" {
		w.prop("TITLE", text(member.OneLine(m.Role)))
	}
	if m.Contact.Public {
		if e := member.OneLine(m.Contact.Email); e != "" {
			w.prop("EMAIL;TYPE=work", text(e))
		}
		if t := referral.Tel(m.Contact.Phone, siteLang); t != "" {
			w.prop("TEL;VALUE=uri;TYPE=work,voice", t)
		}
	}
	// URL values are URIs, which RFC 6350 does not escape; referral.Web
	// has percent-encoded everything that could break the line (white
	// space, backslashes, quotes) and drops all but http(s). The links
	// are the fields of the table with a VCard type, in its order, then
	// the profile.
	for _, f := range urlFields() {
		u, _ := f.Get(m).(string)
		if v := referral.Web(u); v != "" {
			w.prop2("URL;TYPE=", f.VCard, v)
		}
	}
	profile := referral.Web(profileURL)
	if profile != "" {
		w.prop("URL;TYPE=x-profile", profile)
	}
	if s := strings.TrimSpace(m.Mission); s != "" {
		w.prop("NOTE", text(s))
	}
	if cats := categories(m); cats != "" {
		w.prop("CATEGORIES", cats)
	}
	pref := 0
	for _, l := range m.Languages {
		if langRE.MatchString(l) {
			pref++
			w.prop2("LANG;PREF=", strconv.Itoa(pref), strings.ToLower(l))
		}
	}
	if profile != "" {
		w.prop("UID", profile)
	}
	w.prop("END", "VCARD")
	// The writer's buffer goes back to the pool; the card is a copy of
	// just its size.
	return bytes.Clone(w.buf.Bytes())
}

// writers holds writers whose buffers have grown to a card's size, so
// that a card is written without growing one step by step.
var writers = sync.Pool{New: func() any { return new(writer) }}

// urlFields returns the fields of the profile table that have a vCard
// type, in the table's order.
var urlFields = sync.OnceValue(func() []member.Field {
	var out []member.Field
	for _, f := range member.AllFields() {
		if f.VCard != "" {
			out = append(out, f)
		}
	}
	return out
})

// langRE matches the language tags a profile can hold: ISO 639-1 codes,
// optionally with a region or script. Anything else is left out, since
// LANG is not text and has no escaping.
var langRE = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// categories returns the labels of the member's categories as a CATEGORIES
// value: text values separated by commas, commas inside a label escaped.
func categories(m *member.Member) string {
	var labels []string
	for _, c := range m.Categories {
		if l := member.OneLine(c.Label); l != "" {
			labels = append(labels, text(l))
		}
	}
	if len(m.Categories) == 0 {
		for _, t := range m.Tags {
			if t := member.OneLine(t); t != "" {
				labels = append(labels, text(t))
			}
		}
	}
	return strings.Join(labels, ",")
}

// name returns the N value for a name as people write it: family name,
// given name, additional names, honorific prefixes, honorific suffixes.
// Splitting a name is guesswork; the rules cover the names in German and
// English directories:
//
//   - Leading words that end in a dot and are longer than an initial are
//     prefixes: "Prof. Dr. Jonas Berger" has the prefixes Prof. and Dr.
//   - What follows a comma are suffixes: "Anna Müller, MBA".
//   - The last word is the family name, with the lowercase particles before
//     it: "Ursula von der Leyen" has the family name "von der Leyen".
//   - The first word is the given name, the words between are additional
//     names. A single word is taken as the family name.
//
// FN keeps the name exactly as written, so a wrong guess only affects
// sorting in the address book.
func name(full string) string {
	main, suffix, _ := strings.Cut(full, ",")
	words := strings.Fields(main)
	var prefixes []string
	for len(words) > 1 && len([]rune(words[0])) > 2 && strings.HasSuffix(words[0], ".") {
		prefixes = append(prefixes, words[0])
		words = words[1:]
	}
	var family, given string
	var additional []string
	if n := len(words); n > 0 {
		i := n - 1
		for i > 1 && particles[words[i-1]] {
			i--
		}
		family = strings.Join(words[i:], " ")
		if i > 0 {
			given = words[0]
			additional = words[1:i]
		}
	}
	var suffixes []string
	for _, s := range strings.Split(suffix, ",") {
		if s = strings.TrimSpace(s); s != "" {
			suffixes = append(suffixes, s)
		}
	}
	return strings.Join([]string{
		component(family),
		component(given),
		list(additional),
		list(prefixes),
		list(suffixes),
	}, ";")
}

// particles are the lowercase words that belong to a family name.
var particles = map[string]bool{
	"von": true, "vom": true, "zu": true, "zum": true, "zur": true, "der": true, "den": true, "dem": true,
	"van": true, "de": true, "di": true, "da": true, "del": true, "della": true, "dos": true, "das": true,
	"du": true, "la": true, "le": true, "ten": true, "ter": true, "af": true, "av": true,
}

// list returns the values as one component holding a comma-separated list.
func list(vs []string) string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = component(v)
	}
	return strings.Join(out, ",")
}

// text escapes a text value per RFC 6350 section 3.4: backslash, comma and
// line breaks (as \n). A semicolon is left as it is, which the RFC allows
// outside compound values and which more readers understand than "\;".
// Other control characters have no escape and are dropped.
func text(s string) string {
	if plainText(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == ',':
			b.WriteString(`\,`)
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			b.WriteString(`\n`)
		case unicode.IsControl(r) && r != '\t':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// plainText reports whether text returns s as it is: valid UTF-8 without
// a backslash, comma, line break or control character other than tab.
// Most values are, and need no copy.
func plainText(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < utf8.RuneSelf {
			if c == '\\' || c == ',' || c < ' ' && c != '\t' || c == 0x7f {
				return false
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' || unicode.IsControl(r) {
			return false
		}
		i += size - 1
	}
	return true
}

// component escapes one component of a compound value (N, ORG): as text,
// and the semicolon too, since there it separates components.
func component(s string) string {
	return strings.ReplaceAll(text(s), ";", `\;`)
}

// writer writes content lines, folded.
type writer struct {
	buf bytes.Buffer
	n   int // the octets on the current line
}

// maxLine is the longest a line may be in octets, without its CRLF
// (RFC 6350 section 3.2, "SHOULD").
const maxLine = 75

// prop writes the content line name:value, where name may carry
// parameters and value is escaped already. The line is folded: a CRLF and
// a space are inserted before it would exceed 75 octets, and the space
// counts towards the next line's 75. A fold never splits a UTF-8 sequence
// (which some readers decode line by line) nor a backslash escape.
func (w *writer) prop(name, value string) {
	w.n = 0
	w.fold(name)
	w.fold(":")
	w.fold(value)
	w.buf.WriteString("\r\n")
}

// prop2 is prop with the name in two parts, which saves joining them.
func (w *writer) prop2(name1, name2, value string) {
	w.n = 0
	w.fold(name1)
	w.fold(name2)
	w.fold(":")
	w.fold(value)
	w.buf.WriteString("\r\n")
}

// fold writes s onto the current line, folding as prop describes, and
// copies what lies between folds at once. The names of properties hold
// no backslash, so a unit never spans two calls.
func (w *writer) fold(s string) {
	start := 0
	for i := 0; i < len(s); {
		size := 1
		if c := s[i]; c == '\\' || c >= utf8.RuneSelf {
			size = unitLen(s[i:])
		}
		if w.n+size > maxLine {
			w.buf.WriteString(s[start:i])
			w.buf.WriteString("\r\n ")
			w.n = 1
			start = i
		}
		w.n += size
		i += size
	}
	w.buf.WriteString(s[start:])
}

// unitLen returns the length of the first unit of s that a fold must not
// split: a backslash escape or one UTF-8 sequence.
func unitLen(s string) int {
	if s[0] == '\\' && len(s) > 1 {
		return 2
	}
	_, size := utf8.DecodeRuneInString(s)
	return size
}
