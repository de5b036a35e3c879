package load

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// sampleText returns a valid value of the string field f at path, as
// written in YAML and as decoded, different for every field so that a
// field decoded into another's place shows.
func sampleText(t *testing.T, path string, f member.Field) string {
	word := strings.NewReplacer(".", "-", "_", "-").Replace(path)
	switch f.Format {
	case member.FormatNone:
		return "Text of " + path
	case member.FormatEmail:
		return word + "@example.org"
	case member.FormatURL:
		if f.Host != "" {
			return "https://www." + f.Host + "/in/" + word
		}
		return "https://example.org/" + word
	case member.FormatPhone:
		return "+49 30 7654321"
	case member.FormatGitHub:
		return "octo-" + word
	case member.FormatPhoto:
		return word + ".jpg"
	case member.FormatSlug:
		return "bernd-schmitz"
	}
	t.Fatalf("%s: no sample text of format %q; add one to sampleText", path, f.Format)
	return ""
}

// sampleList returns a valid list of the list field f: the items as
// written and as decoded.
func sampleList(t *testing.T, path string, f member.Field) (written, decoded []string) {
	switch f.Format {
	case member.FormatNone:
		return []string{"First of " + path, "Second of " + path}, nil
	case member.FormatLang:
		return []string{"de", "en"}, nil
	case member.FormatTag:
		// Without categories in the config, a tag is its slug.
		return []string{"Steuern", "Recht"}, []string{"steuern", "recht"}
	}
	t.Fatalf("%s: no sample list of format %q; add one to sampleList", path, f.Format)
	return nil, nil
}

// sampleDate returns a valid date of the date field f.
func sampleDate(f member.Field) string {
	if f.Format == member.FormatMonth {
		return "2025-03"
	}
	return "2021-03-01"
}

// fullProfile writes a profile with every field of the table set, from
// the table, but the one at path skip ("" for none).
func fullProfile(t *testing.T, skip string) string {
	var b strings.Builder
	b.WriteString("---\n")
	var write func(indent, lead, path string, f member.Field)
	write = func(indent, lead, path string, f member.Field) {
		if path == skip {
			return
		}
		key := indent + lead + f.Name + ":"
		switch f.Kind {
		case member.String, member.Text:
			b.WriteString(key + " " + strconv.Quote(sampleText(t, path, f)) + "\n")
		case member.List:
			items, _ := sampleList(t, path, f)
			b.WriteString(key + "\n")
			for _, it := range items {
				b.WriteString(indent + "  - " + strconv.Quote(it) + "\n")
			}
		case member.Bool:
			b.WriteString(key + " " + strconv.FormatBool(!f.Default) + "\n")
		case member.DateKind:
			b.WriteString(key + " " + sampleDate(f) + "\n")
		case member.Map:
			b.WriteString(key + "\n")
			for _, s := range f.Sub {
				write(indent+"  ", "", path+"."+s.Name, s)
			}
		case member.MapList:
			b.WriteString(key + "\n")
			for i, s := range f.Sub {
				lead := "    "
				if i == 0 {
					lead = "  - "
				}
				write(indent, lead, path+"."+s.Name, s)
			}
		default:
			t.Fatalf("%s: fullProfile cannot write a field of kind %d", path, f.Kind)
		}
	}
	for _, f := range member.ProfileFields {
		write("", "", f.Name, f)
	}
	b.WriteString("---\nThe body.\n")
	return b.String()
}

// TestEveryFieldDecodes decodes a profile with every field of the table
// set, built from the table, and wants each value where the field's At
// points; then, for each field in turn, the profile without it, which
// must decode to another member or be refused, so that no field, nor a
// field of a list item, is accepted and dropped.
func TestEveryFieldDecodes(t *testing.T) {
	cfg := config("en")
	const path = "content/members/anna.md"
	full := fullProfile(t, "")
	m, errs := Profile(path, []byte(full), cfg)
	if len(errs) > 0 || m == nil {
		t.Fatalf("the profile with every field:\n%s\n%v", full, errs)
	}
	for p, f := range member.AllFields() {
		var want any
		switch f.Kind {
		case member.String, member.Text:
			want = sampleText(t, p, f)
		case member.List:
			written, decoded := sampleList(t, p, f)
			if want = written; decoded != nil {
				want = decoded
			}
		case member.Bool:
			want = !f.Default
		case member.DateKind:
			want, _ = member.ParseDate(sampleDate(f))
		}
		if f.At == nil || want == nil {
			continue // a group's or a list's, checked below by leaving it out
		}
		if got := f.Get(m); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: decoded %#v, want %#v", p, got, want)
		}
	}
	for _, r := range m.Recommends {
		if r.Slug != "bernd-schmitz" || r.Note != "Text of recommends.note" {
			t.Errorf("recommends: %+v", *r)
		}
	}
	for _, th := range m.Thanks {
		if th.Slug != "bernd-schmitz" || th.Date.String() != "2025-03" || th.Note != "Text of thanks.note" {
			t.Errorf("thanks: %+v", *th)
		}
	}
	for p := range member.AllFields() {
		without := fullProfile(t, p)
		m2, errs := Profile(path, []byte(without), cfg)
		if len(errs) > 0 {
			continue // refused: load knows the field is missing
		}
		if reflect.DeepEqual(withoutPositions(m), withoutPositions(m2)) {
			t.Errorf("%s: the profile decodes to the same member with and without it: load accepts the field and drops it", p)
		}
	}
}

// withoutPositions returns a copy of m without the lines and columns its
// fields were written at, which move when a line is left out.
func withoutPositions(m *member.Member) *member.Member {
	c := m.Clone()
	c.Pos, c.BodyLine = member.Positions{}, 0
	for _, r := range c.Recommends {
		r.Pos = member.Pos{}
	}
	for _, t := range c.Thanks {
		t.Pos, t.DatePos = member.Pos{}, member.Pos{}
	}
	return c
}
