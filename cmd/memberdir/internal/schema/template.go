package schema

import (
	"strconv"
	"strings"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// File is where the README suggests to keep the schema: at the site's
// root, written by `memberdir schema > memberdir.schema.json`.
const File = "memberdir.schema.json"

// Modeline is the comment that points YAML editors (yaml-language-server,
// as in VS Code) from a profile in content/members/ to the schema.
const Modeline = "# yaml-language-server: $schema=../../" + File

// Template returns a new profile for the person called name: every field
// of the rule table in order, each explained by a comment in the site's
// language (the field's Doc), with empty values to fill in. As written it
// fails `memberdir check` (mission, why, offerings and contact are empty),
// so that an unfinished profile is never published by mistake; with those
// filled in it passes, and the optional fields may stay empty. since is
// the value of member_since, e.g. the current month 2026-07.
func Template(cfg member.Config, name, since string) []byte {
	lang := cfg.Language
	var b strings.Builder
	b.WriteString("---\n")
	b.WriteString(Modeline + "\n")
	for _, f := range member.ProfileFields {
		field(&b, f, "", &cfg, name, since)
	}
	for _, x := range cfg.ExtraFields {
		comment(&b, "", x.Label)
		if x.Type == "list" {
			b.WriteString(x.Name + ": []\n")
		} else {
			b.WriteString(x.Name + ": \"\"\n")
		}
	}
	b.WriteString("---\n")
	b.WriteString(member.Msg(lang, "new.body") + "\n")
	return []byte(b.String())
}

// field writes one field with its comment; parent is the field it is
// written under ("" at the top).
func field(b *strings.Builder, f member.Field, parent string, cfg *member.Config, name, since string) {
	lang := cfg.Language
	indent, path := "", f.Name
	if parent != "" {
		indent, path = "  ", parent+"."+f.Name
	}
	comment(b, indent, f.Doc[lang])
	key := indent + f.Name + ":"
	switch f.Kind {
	case member.String, member.Text:
		v := `""`
		if path == "name" {
			v = strconv.Quote(name)
		}
		b.WriteString(key + " " + v + "\n")
	case member.List:
		if f.Format == member.FormatTag && len(cfg.Categories) > 0 {
			ids := make([]string, len(cfg.Categories))
			for i, c := range cfg.Categories {
				ids[i] = c.ID
			}
			comment(b, indent, member.Msg(lang, "new.tags", strings.Join(ids, ", ")))
		}
		if f.Min > 0 {
			// A required list gets one empty item to fill in.
			b.WriteString(key + "\n" + indent + "  - \"\"\n")
		} else {
			b.WriteString(key + " []\n")
		}
	case member.Map:
		b.WriteString(key + "\n")
		for _, s := range f.Sub {
			field(b, s, f.Name, cfg, name, since)
		}
	case member.MapList:
		// The shape of one entry, as a comment to copy.
		for _, s := range f.Sub {
			comment(b, indent, s.Name+": "+s.Doc[lang])
		}
		b.WriteString(indent + "# " + f.Name + ":\n")
		for i, s := range f.Sub {
			lead := "    "
			if i == 0 {
				lead = "  - "
			}
			b.WriteString(indent + "# " + lead + s.Name + ": \"\"\n")
		}
		b.WriteString(key + " []\n")
	case member.Bool:
		// The value load assumes when the field is left out.
		b.WriteString(key + " " + strconv.FormatBool(f.Default) + "\n")
	case member.DateKind:
		b.WriteString(key + " " + since + "\n")
	}
}

// comment writes text as YAML comment lines of at most about 76
// characters.
func comment(b *strings.Builder, indent, text string) {
	if text == "" {
		return
	}
	line := indent + "#"
	for _, w := range strings.Fields(text) {
		if len([]rune(line))+1+len([]rune(w)) > 76 && line != indent+"#" {
			b.WriteString(line + "\n")
			line = indent + "#"
		}
		line += " " + w
	}
	b.WriteString(line + "\n")
}
