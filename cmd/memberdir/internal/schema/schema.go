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
// characters, 29 February of a year that is no leap year. A number written
// without quotes where text belongs (name: 123) is a number to an editor,
// so the schema refuses it, while load reads it as the text "123"; only
// phone and member_since, where a bare number is a plausible value, accept
// numbers too.
package schema

import (
	"bytes"
	"encoding/json"

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
	// the days each month has (29 for February in every year).
	DatePattern = `^(?:19[0-9]{2}|2[01][0-9]{2}|2200)(?:-(?:(?:0[13578]|1[02])(?:-(?:0[1-9]|[12][0-9]|3[01]))?|(?:0[469]|11)(?:-(?:0[1-9]|[12][0-9]|30))?|02(?:-(?:0[1-9]|1[0-9]|2[0-9]))?))?$`
	// nonBlank requires a character other than white space, as a
	// required field must have.
	nonBlank = `\S`
)

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
	orNull := func(t string) any {
		if f.Required {
			return t
		}
		return []string{t, "null"}
	}
	switch f.Kind {
	case member.String, member.Text:
		if f.Format == member.FormatPhone {
			// 0221123456 without quotes is a number to YAML.
			types := []string{"string", "integer"}
			if !f.Required {
				types = append(types, "null")
			}
			o.set("type", types)
			o.set("minimum", 0)
		} else {
			o.set("type", orNull("string"))
		}
		text(o, f)
	case member.List:
		o.set("type", orNull("array"))
		if f.Min > 0 {
			o.set("minItems", f.Min)
		}
		if f.Max > 0 {
			o.set("maxItems", f.Max)
		}
		o.set("uniqueItems", true)
		item := &object{}
		item.set("type", "string")
		item.set("minLength", 1)
		if f.ItemMax > 0 {
			item.set("maxLength", f.ItemMax)
		}
		if f.Format == member.FormatTag && len(cfg.Categories) > 0 {
			ids := make([]string, len(cfg.Categories))
			for i, c := range cfg.Categories {
				ids[i] = c.ID
			}
			item.set("enum", ids)
		} else {
			format(item, f.Format, false)
		}
		o.set("items", item)
	case member.Map:
		o.set("type", orNull("object"))
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
				p := &object{}
				p.set("type", "string")
				one := &object{}
				one.set("required", []string{name})
				one.set("properties", (&object{}).set(name, p))
				alts = append(alts, one)
			}
			o.set("anyOf", alts)
		}
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
		// 2021 without quotes is a number to YAML; 2021-03-01 is a date,
		// which editors read as the text written.
		o.set("type", []string{"string", "integer"})
		o.set("pattern", DatePattern)
		o.set("minimum", 1900)
		o.set("maximum", 2200)
	}
	return o
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
	format(o, f.Format, !f.Required)
}

// format adds the pattern (and the format annotation) of a format. An
// optional field may also be the empty text, which load reads as not given.
// Values that are not text (null, a number) pass the second branch, whose
// rules apply to text only.
func format(o *object, f member.Format, optional bool) {
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
	rule := o
	if optional {
		// Editors check "format" too, so the empty text needs its own
		// branch rather than a pattern that allows it.
		rule = &object{}
		o.set("anyOf", []*object{(&object{}).set("const", ""), rule})
	}
	switch f {
	case member.FormatEmail:
		rule.set("format", "email")
	case member.FormatURL:
		rule.set("format", "uri")
	}
	rule.set("pattern", pattern)
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
		item.set("type", "string")
		item.set("minLength", 1)
		item.set("maxLength", 200)
		o.set("items", item)
	case "url":
		o.set("type", []string{"string", "null"})
		o.set("maxLength", 1000)
		format(o, member.FormatURL, true)
	default:
		o.set("type", []string{"string", "null"})
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
