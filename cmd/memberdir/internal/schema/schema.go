// Package schema describes the profile format outside Go: as a JSON Schema
// for editors (Profile) and as a commented profile to fill in (Template).
// Both are generated from member.ProfileFields, the rule table package load
// validates with, so the three cannot drift apart.
//
// The schema checks what JSON Schema can express: kinds, required fields,
// lengths, item counts, formats as patterns, the site's categories and
// extra fields. What it cannot express is left to `memberdir check`: photos
// that exist, recommendations of members that exist, one member per
// exclusive category, text wrapped in typographic quotes, invisible control
// characters (TestAgree in this package lists them all).
//
// A value written without quotes is the text as written to check: load
// reads the literal text of a plain scalar, so company: 4711 is "4711" and
// phone: 0221123456 keeps its 0, where YAML would read numbers. Editors
// read them as numbers and booleans, so the schema accepts a number (and
// true or false) wherever its text would be valid: in free text, and in
// phone, owner, a recommended member and member_since within the range
// their digits allow. Only the spelling of a number is lost to the schema:
// +5, 1.0, 0012345 and 0221.123456 are the numbers 5, 1, 12345 and
// 221.123456 to an editor, so the schema cannot hold them to the rules of
// their text as check does (a phone number written with one dot and no
// quotes is underlined, though check accepts it).
package schema

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"unicode"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// Patterns of the formats, equivalent to the checks of package member on
// the values a member writes (TestPatternsAgree holds them to it). They use
// only syntax that Go's regexp and ECMA-262 read alike, since editors
// evaluate patterns in JavaScript.
const (
	EmailPattern = `^[A-Za-z0-9!#$%&'*+/=?^_{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$`
	// URLPattern: http or https in any case, a host with a dot (or
	// localhost), no user name, and none of the characters that break out
	// of a link.
	URLPattern    = "^[Hh][Tt][Tt][Pp][Ss]?://(?:localhost|[^\\s\"'<>`\\\\/?#@:.][^\\s\"'<>`\\\\/?#@:]*\\.[^\\s\"'<>`\\\\/?#@:]+)(?::[0-9]{1,5})?(?:[/?#][^\\s\"'<>`\\\\]*)?$"
	PhonePattern  = `^(?:\+|\(0)?[0-9][0-9 ()/.\-]{4,30}[0-9]$`
	LangPattern   = `^[a-z]{2}$`
	GitHubPattern = `^[A-Za-z0-9](?:[A-Za-z0-9]|-[A-Za-z0-9]){0,38}$`
	// SlugPattern: a member's file name, with or without .md.
	SlugPattern  = `^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.md)?$`
	PhotoPattern = `^[^/\\.][^/\\]*\.(?:[Jj][Pp][Ee]?[Gg]|[Pp][Nn][Gg])$`
	// DatePattern: YYYY, YYYY-MM or YYYY-MM-DD from 1900 to 2200, with
	// the days each month has; 29 February in the leap years only (every
	// fourth, but not 1900, 2100 and 2200).
	DatePattern = `^(?:(?:19[0-9]{2}|2[01][0-9]{2}|2200)(?:-(?:(?:0[13578]|1[02])(?:-(?:0[1-9]|[12][0-9]|3[01]))?|(?:0[469]|11)(?:-(?:0[1-9]|[12][0-9]|30))?|02(?:-(?:0[1-9]|1[0-9]|2[0-8]))?))?|(?:(?:19|2[01])(?:0[48]|[2468][048]|[13579][26])|2000)-02-29)$`
	// MonthPattern: DatePattern without the year alone, for the date of
	// a thanks: YYYY-MM or YYYY-MM-DD.
	MonthPattern = `^(?:(?:19[0-9]{2}|2[01][0-9]{2}|2200)-(?:(?:0[13578]|1[02])(?:-(?:0[1-9]|[12][0-9]|3[01]))?|(?:0[469]|11)(?:-(?:0[1-9]|[12][0-9]|30))?|02(?:-(?:0[1-9]|1[0-9]|2[0-8]))?)|(?:(?:19|2[01])(?:0[48]|[2468][048]|[13579][26])|2000)-02-29)$`
	// space is the white space load trims from values (unicode.IsSpace),
	// written out: \s means less in Go than in JavaScript.
	space = "\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
	// nonBlank requires a character other than white space, as a
	// required field must have.
	nonBlank = "[^" + space + "]"
)

// trimmed returns pattern (^…$) with white space allowed around it, as
// load trims it from every value.
func trimmed(pattern string) string {
	return "^[" + space + "]*(?:" + pattern[1:len(pattern)-1] + ")[" + space + "]*$"
}

// formatDate stands for member_since's YYYY-MM-DD in the tables below.
const formatDate member.Format = "date"

// Profile returns the JSON Schema (draft 2020-12) of a profile's front
// matter for the site configured by cfg: its categories, its extra fields,
// and descriptions in its language. The output is indented and the same
// for the same cfg.
func Profile(cfg member.Config) ([]byte, error) {
	lang := cfg.Language
	props := &object{}
	var required []string
	for _, f := range member.ProfileFields {
		props.set(f.Name, property(f, &cfg, lang))
		if f.Required {
			required = append(required, f.Name)
		}
	}
	for _, x := range cfg.ExtraFields {
		props.set(x.Name, extra(x))
	}
	root := &object{}
	root.set("$schema", "https://json-schema.org/draft/2020-12/schema")
	root.set("title", member.Msg(lang, "schema.title"))
	root.set("description", member.Msg(lang, "schema.description"))
	root.set("type", "object")
	root.set("required", required)
	root.set("properties", props)
	root.set("additionalProperties", false)

	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// property returns the schema of one field of the rule table.
func property(f member.Field, cfg *member.Config, lang string) *object {
	o := &object{}
	if d := f.Doc[lang]; d != "" {
		o.set("description", d)
	}
	// An optional field may be written without a value ("company:"),
	// which YAML reads as null and load accepts as not given.
	orNull := func(t ...string) any {
		if f.Required {
			if len(t) == 1 {
				return t[0]
			}
			return t
		}
		return append(t, "null")
	}
	switch f.Kind {
	case member.String, member.Text:
		o.set("type", orNull(valueTypes(f.Format)...))
		number(o, f.Format)
		text(o, f)
	case member.List:
		o.set("type", orNull("array"))
		list(o, f, cfg)
	case member.Map:
		o.set("type", orNull("object"))
		mapping(o, f, cfg, lang)
	case member.MapList:
		o.set("type", orNull("array"))
		if f.Max > 0 {
			o.set("maxItems", f.Max)
		}
		item := &object{}
		item.set("type", "object")
		sub, req := properties(f.Sub, cfg, lang)
		if len(req) > 0 {
			item.set("required", req)
		}
		item.set("properties", sub)
		item.set("additionalProperties", false)
		o.set("items", item)
	case member.Bool:
		o.set("type", "boolean")
	case member.DateKind:
		if f.Format == member.FormatMonth {
			// A month at least: no year alone, so no number either.
			o.set("type", "string")
			o.set("pattern", trimmed(MonthPattern))
			break
		}
		// 2021 without quotes is a number to YAML; 2021-03-01 is a date,
		// which editors read as the text written.
		o.set("type", valueTypes(formatDate))
		o.set("pattern", trimmed(DatePattern))
		number(o, formatDate)
	}
	return o
}

// list sets the rules of a list field f on o: its length, and the
// rules of its items (a site's categories, or text of a format).
func list(o *object, f member.Field, cfg *member.Config) {
	if f.Min > 0 {
		o.set("minItems", f.Min)
	}
	if f.Max > 0 {
		o.set("maxItems", f.Max)
	}
	o.set("uniqueItems", true)
	item := &object{}
	if f.Format == member.FormatTag && len(cfg.Categories) > 0 {
		item.set("type", "string")
		tags(item, cfg)
		o.set("items", item)
		return
	}
	format := f.Format
	if format == member.FormatTag {
		format = member.FormatNone // any text, as long as it is given
	}
	item.set("type", valueTypes(format))
	if format == member.FormatNone {
		item.set("pattern", nonBlank)
	}
	if f.ItemMax > 0 {
		item.set("maxLength", f.ItemMax)
	}
	formatRule(item, format, false)
	o.set("items", item)
}

// mapping sets the rules of a field f made of fields (contact) on o: its
// fields, the required ones, and at least one of AnyOf given as text.
func mapping(o *object, f member.Field, cfg *member.Config, lang string) {
	sub, req := properties(f.Sub, cfg, lang)
	if len(req) > 0 {
		o.set("required", req)
	}
	o.set("properties", sub)
	o.set("additionalProperties", false)
	if len(f.AnyOf) > 0 {
		// At least one of them, as a text: "email:" without a value
		// counts as not given.
		var alts []*object
		for _, name := range f.AnyOf {
			sub, _ := fieldByName(f.Sub, name)
			p := &object{}
			p.set("type", valueTypes(sub.Format))
			p.set("pattern", nonBlank)
			one := &object{}
			one.set("required", []string{name})
			one.set("properties", (&object{}).set(name, p))
			alts = append(alts, one)
		}
		o.set("anyOf", alts)
	}
}

// numbers are the ranges of the numbers whose digits are a valid value of
// a format: a phone number of 6 to 32 digits, a GitHub name of up to 39,
// a member's file name of up to 100, a year. Formats not listed take no
// numbers; FormatNone takes any.
var numbers = map[member.Format][2]string{
	member.FormatPhone:  {"100000", strings.Repeat("9", 32)},
	member.FormatGitHub: {"0", strings.Repeat("9", 39)},
	member.FormatSlug:   {"0", strings.Repeat("9", 100)},
	formatDate:          {"1900", "2200"},
}

// valueTypes returns the JSON types of a value of format f that load
// reads as text: YAML reads 4711 and true without quotes as a number and
// a boolean, load as the text written.
func valueTypes(f member.Format) []string {
	if f == member.FormatNone {
		return []string{"string", "number", "boolean"}
	}
	if _, ok := numbers[f]; ok {
		return []string{"string", "integer"}
	}
	return []string{"string"}
}

// number adds the range of the numbers that are valid values of f.
func number(o *object, f member.Format) {
	if r, ok := numbers[f]; ok {
		o.set("minimum", json.Number(r[0]))
		o.set("maximum", json.Number(r[1]))
	}
}

// tags adds the rule of a category: its id, or its label in any case, as
// load accepts both.
func tags(item *object, cfg *member.Config) {
	ids := make([]string, len(cfg.Categories))
	labels := make([]string, len(cfg.Categories))
	for i, c := range cfg.Categories {
		ids[i] = c.ID
		labels[i] = foldPattern(c.Label)
	}
	item.set("anyOf", []*object{
		(&object{}).set("enum", ids),
		(&object{}).set("pattern", trimmed("^(?:"+strings.Join(labels, "|")+")$")),
	})
}

// foldPattern returns a pattern that matches s in any case, as
// strings.EqualFold compares: each letter as the class of the letters it
// folds to (ECMA-262 without the u flag has no (?i) that Go reads alike).
func foldPattern(s string) string {
	var b strings.Builder
	for _, r := range s {
		orbit := []rune{r}
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			orbit = append(orbit, f)
		}
		if len(orbit) == 1 {
			b.WriteString(regexp.QuoteMeta(string(r)))
			continue
		}
		b.WriteString("[" + string(orbit) + "]")
	}
	return b.String()
}

func fieldByName(fields []member.Field, name string) (member.Field, bool) {
	for _, f := range fields {
		if f.Name == name {
			return f, true
		}
	}
	return member.Field{}, false
}

// properties returns the schemas of sub-fields and the names of the
// required ones.
func properties(fields []member.Field, cfg *member.Config, lang string) (*object, []string) {
	props := &object{}
	var req []string
	for _, s := range fields {
		props.set(s.Name, property(s, cfg, lang))
		if s.Required {
			req = append(req, s.Name)
		}
	}
	return props, req
}

// text adds the length and format rules of a string field.
func text(o *object, f member.Field) {
	if f.Required {
		o.set("minLength", max(f.Min, 1))
	} else if f.Min > 0 {
		o.set("minLength", f.Min)
	}
	if f.Max > 0 {
		// A slug may be written with .md, which is not counted.
		if f.Format == member.FormatSlug {
			o.set("maxLength", f.Max+len(".md"))
		} else {
			o.set("maxLength", f.Max)
		}
	}
	if f.Required && f.Format == member.FormatNone {
		o.set("pattern", nonBlank)
	}
	formatRule(o, f.Format, !f.Required)
}

// formatRule adds the pattern (and the format) of a format. An optional
// field may also be the empty text, which load reads as not given. Values
// that are not text (null, a number) pass the second branch, whose rules
// apply to text only. Load trims white space around a value before it
// checks it; the formats of editors do not, so a value with white space
// around it is held to the pattern alone.
func formatRule(o *object, f member.Format, optional bool) {
	pattern := map[member.Format]string{
		member.FormatEmail:  EmailPattern,
		member.FormatURL:    URLPattern,
		member.FormatPhone:  PhonePattern,
		member.FormatLang:   LangPattern,
		member.FormatGitHub: GitHubPattern,
		member.FormatSlug:   SlugPattern,
		member.FormatPhoto:  PhotoPattern,
	}[f]
	if pattern == "" {
		return
	}
	name := map[member.Format]string{
		member.FormatEmail: "email",
		// Not "uri": editors refuse "uri" with an umlaut in it, which
		// load accepts (https://müller-söhne.example/über).
		member.FormatURL: "iri",
	}[f]
	if name == "" {
		if optional {
			o.set("anyOf", []*object{(&object{}).set("const", ""), (&object{}).set("pattern", trimmed(pattern))})
		} else {
			o.set("pattern", trimmed(pattern))
		}
		return
	}
	// Editors check "format" too, so the empty text and the text with
	// white space around it need their own branches.
	inner := pattern[1 : len(pattern)-1]
	var alts []*object
	if optional {
		alts = append(alts, (&object{}).set("const", ""))
	}
	alts = append(alts,
		(&object{}).set("format", name).set("pattern", pattern),
		(&object{}).set("pattern", "^(?:["+space+"]+(?:"+inner+")["+space+"]*|(?:"+inner+")["+space+"]+)$"),
	)
	o.set("anyOf", alts)
}

// extra returns the schema of a field the site declares in config.yaml,
// with the limits load applies to them.
func extra(x member.ExtraField) *object {
	o := &object{}
	if x.Label != "" {
		o.set("description", x.Label)
	}
	switch x.Type {
	case "list":
		o.set("type", []string{"array", "null"})
		o.set("maxItems", 20)
		o.set("uniqueItems", true)
		item := &object{}
		item.set("type", valueTypes(member.FormatNone))
		item.set("pattern", nonBlank)
		item.set("maxLength", 200)
		o.set("items", item)
	case "url":
		o.set("type", []string{"string", "null"})
		o.set("maxLength", 1000)
		formatRule(o, member.FormatURL, true)
	default:
		o.set("type", append(valueTypes(member.FormatNone), "null"))
		o.set("maxLength", 1000)
	}
	return o
}

// object is a JSON object that keeps its keys in the order they were set,
// so that the schema reads in the order of the rule table.
type object struct {
	keys []string
	vals []any
}

func (o *object) set(k string, v any) *object {
	o.keys = append(o.keys, k)
	o.vals = append(o.vals, v)
	return o
}

func (o *object) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	buf.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := enc.Encode(k); err != nil {
			return nil, err
		}
		buf.WriteByte(':')
		if err := enc.Encode(o.vals[i]); err != nil {
			return nil, err
		}
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}
