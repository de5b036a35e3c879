package referral

import (
	"reflect"
	"regexp"
	"strings"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// The errors of text/template that an organiser's typo in a referral text
// produces, and the parts explain needs of them.
var (
	noFieldRE    = regexp.MustCompile(`at <\.([^>]*)>: can't evaluate field`)
	noFunctionRE = regexp.MustCompile(`function "([^"]+)" not defined`)
	badCharRE    = regexp.MustCompile(`(?:unrecognized character in action: |bad character )U\+([0-9A-F]{4,6}) '(.*)'`)
)

// explain returns the message for err, an error of parsing or trying the
// referral text src of the site, in the site's language lang: what is
// wrong with which placeholder and how to write it. text/template's own
// words ("can't evaluate field Nmae in type referral.Person") mean nothing
// to an organiser; they are the message only when no typo is recognised.
func explain(lang, src string, err error) string {
	msg := err.Error()
	if m := noFieldRE.FindStringSubmatch(msg); m != nil {
		if fixed, ok := fixPath(strings.Split(m[1], ".")); ok {
			return member.Msg(lang, "referral.field", "{{."+m[1]+"}}", "{{."+fixed+"}}")
		}
		return member.Msg(lang, "referral.fields", "{{."+m[1]+"}}", strings.Join(placeholders(), ", "))
	}
	if m := noFunctionRE.FindStringSubmatch(msg); m != nil {
		// "{{ Member.Name }}": the name the error gives is the first part.
		written := regexp.MustCompile(`\b` + regexp.QuoteMeta(m[1]) + `[\w.]*`).FindString(src)
		if fixed, ok := fixPath(strings.Split(written, ".")); ok {
			return member.Msg(lang, "referral.dot", written, "{{."+fixed+"}}")
		}
	}
	if m := badCharRE.FindStringSubmatch(msg); m != nil {
		if m[2] == "}" {
			return member.Msg(lang, "referral.close")
		}
		return member.Msg(lang, "referral.char", m[2], "U+"+m[1])
	}
	switch {
	case strings.Contains(msg, `unexpected "{" in`):
		return member.Msg(lang, "referral.braces")
	case strings.Contains(msg, "unclosed action"):
		return member.Msg(lang, "referral.close")
	case strings.Contains(msg, "unexpected EOF"), strings.Contains(msg, "missing {{end}}"):
		return member.Msg(lang, "referral.end")
	}
	return member.Msg(lang, "config.template", err)
}

// fixPath returns the placeholder path the organiser most likely meant by
// path ("Member", "Nmae" → "Member.Name"; "member", "name" → the same),
// and whether there is one.
func fixPath(path []string) (string, bool) {
	t := reflect.TypeFor[Data]()
	var out []string
	for _, seg := range path {
		if t.Kind() != reflect.Struct {
			return "", false
		}
		names := fieldNames(t)
		name := ""
		for _, n := range names {
			if strings.EqualFold(n, seg) {
				name = n
			}
		}
		if name == "" {
			name = member.Suggest(seg, names)
		}
		if name == "" {
			return "", false
		}
		f, _ := t.FieldByName(name)
		t, out = f.Type, append(out, name)
	}
	return strings.Join(out, "."), t.Kind() != reflect.Struct
}

// Fields lists the values the texts of a site may use, as paths into
// Data: "Member.Name", …, "Site.Title", …, "Cc".
func Fields() []string {
	var out []string
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		for _, n := range fieldNames(t) {
			f, _ := t.FieldByName(n)
			if f.Type.Kind() == reflect.Struct {
				walk(f.Type, prefix+n+".")
				continue
			}
			out = append(out, prefix+n)
		}
	}
	walk(reflect.TypeFor[Data](), "")
	return out
}

// placeholders lists every placeholder the texts may use, as they are
// written: {{.Member.Name}}, …, {{.Site.Title}}, …
func placeholders() []string {
	out := Fields()
	for i, f := range out {
		out[i] = "{{." + f + "}}"
	}
	return out
}

func fieldNames(t reflect.Type) []string {
	var names []string
	for i := range t.NumField() {
		if t.Field(i).IsExported() {
			names = append(names, t.Field(i).Name)
		}
	}
	return names
}
