package member

import (
	"regexp"
	"testing"
)

// TestFieldsAt holds every field of the table to its At: a pointer of the
// type its Kind needs, into the Member, and to a place no other field
// points to, so that a field cannot be accepted and then dropped, nor
// land in another's place (a copied entry still pointing at &m.Website).
func TestFieldsAt(t *testing.T) {
	want := map[Kind][]string{
		String:   {"*string"},
		Text:     {"*string"},
		List:     {"*[]string"},
		Bool:     {"*bool"},
		DateKind: {"*member.Date"},
		MapList:  {"*[]*member.Recommendation", "*[]*member.Thanks"},
	}
	m := &Member{}
	seen := map[any]string{}
	for _, f := range ProfileFields {
		check := func(path string, f Field, parent Kind) {
			if parent == MapList || f.Kind == Map {
				if f.At != nil {
					t.Errorf("%s: a %s has no At of its own; its values are its fields' (or its list's decoder's)", path, kindLabel(parent))
				}
				return
			}
			if f.At == nil {
				t.Errorf("%s: no At: add At: func(m *Member) any { return &m.… } to its entry in fields.go, and a field to Member", path)
				return
			}
			p := f.At(m)
			typ := typeName(p)
			ok := false
			for _, w := range want[f.Kind] {
				ok = ok || typ == w
			}
			if !ok {
				t.Errorf("%s: At returns %s, its kind needs one of %q", path, typ, want[f.Kind])
				return
			}
			if other, dup := seen[p]; dup {
				t.Errorf("%s: At points where %s's does", path, other)
			}
			seen[p] = path
			if f.Get(m) == nil {
				t.Errorf("%s: Get returns nil", path)
			}
		}
		check(f.Name, f, -1)
		for _, s := range f.Sub {
			check(f.Name+"."+s.Name, s, f.Kind)
		}
	}
}

func kindLabel(parent Kind) string {
	if parent == MapList {
		return "list item's field"
	}
	return "group of fields"
}

func typeName(v any) string {
	switch v.(type) {
	case *string:
		return "*string"
	case *[]string:
		return "*[]string"
	case *bool:
		return "*bool"
	case *Date:
		return "*member.Date"
	case *[]*Recommendation:
		return "*[]*member.Recommendation"
	case *[]*Thanks:
		return "*[]*member.Thanks"
	case nil:
		return "nil"
	}
	return "another type"
}

// TestFieldsDeclared checks the rest of each entry: what only some kinds
// and formats may carry, unique keys, and the docs of both languages that
// the generated tables of README.md and CONTRIBUTING.md need.
func TestFieldsDeclared(t *testing.T) {
	placeholder := regexp.MustCompile(`\{[a-z]*\}`)
	check := func(prefix string, fields []Field, parent Kind) {
		names, keys := map[string]bool{}, map[string]bool{}
		for _, f := range fields {
			path := prefix + f.Name
			if names[f.Name] {
				t.Errorf("%s: twice", path)
			}
			names[f.Name] = true
			if f.JSON != "" {
				if keys[f.JSON] {
					t.Errorf("%s: JSON key %q twice", path, f.JSON)
				}
				keys[f.JSON] = true
			}
			if (f.VCard != "" || f.Host != "") && f.Format != FormatURL {
				t.Errorf("%s: VCard and Host are for URL fields, its format is %q", path, f.Format)
			}
			if f.Identity && f.Kind != String {
				t.Errorf("%s: Identity is for one-line text", path)
			}
			if f.Default && f.Kind != Bool {
				t.Errorf("%s: Default is for true/false fields", path)
			}
			texts := []string{f.Guide["en"], f.Guide["de"]}
			if parent == MapList {
				if f.Guide != nil || f.Rule != "" {
					t.Errorf("%s: a list item's field is described in its list's Guide and Rule", path)
				}
			} else if f.Guide["en"] == "" || f.Guide["de"] == "" {
				t.Errorf("%s: Guide %q: CONTRIBUTING.md's tables need both languages", path, f.Guide)
			}
			if prefix == "" {
				texts = append(texts, f.Rule)
				if f.Rule == "" {
					t.Errorf("%s: no Rule for README.md's table", path)
				}
			} else if f.Rule != "" {
				t.Errorf("%s: README.md's table has top-level fields only; the Rule goes into %s's", path, prefix)
			}
			for _, s := range texts {
				for _, p := range placeholder.FindAllString(s, -1) {
					if p != "{min}" && p != "{max}" && p != "{itemmax}" {
						t.Errorf("%s: unknown placeholder %s in %q", path, p, s)
					}
				}
			}
		}
	}
	check("", ProfileFields, -1)
	for _, f := range ProfileFields {
		check(f.Name+".", f.Sub, f.Kind)
	}
}

func TestLookup(t *testing.T) {
	for _, path := range []string{"name", "contact", "contact.email", "thanks.date"} {
		if f, ok := Lookup(path); !ok || f.Name != path[len(path)-len(f.Name):] {
			t.Errorf("Lookup(%q) = %q, %v", path, f.Name, ok)
		}
	}
	for _, path := range []string{"", "email", "contact.", "contact.email.x", "nmae"} {
		if f, ok := Lookup(path); ok {
			t.Errorf("Lookup(%q) = %q, want none", path, f.Name)
		}
	}
}
