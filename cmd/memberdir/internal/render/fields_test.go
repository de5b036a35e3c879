package render

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/photo"
)

// fillFields sets every field of m that the table gives an At to a value
// of its own, derived from its path; a field with a members.json key and
// Kind Bool is true (false is left out), any other Bool keeps its
// default, so that the member is published with its contact details.
func fillFields(t *testing.T, m *member.Member, target string) {
	t.Helper()
	for path, f := range member.AllFields() {
		if f.At == nil {
			continue
		}
		word := strings.NewReplacer(".", "-", "_", "-").Replace(path)
		switch p := f.At(m).(type) {
		case *string:
			switch f.Format {
			case member.FormatURL:
				*p = "https://example.org/" + word
			case member.FormatEmail:
				*p = word + "@example.org"
			case member.FormatPhone:
				*p = "+49 30 7654321"
			case member.FormatPhoto:
				*p = m.Slug + ".jpg"
			default:
				*p = "Text of " + path
			}
		case *[]string:
			*p = []string{"first-of-" + word, "second-of-" + word}
		case *bool:
			*p = f.Default || f.JSON != ""
		case *member.Date:
			*p = member.Date{Year: 2021, Month: 3}
		case *[]*member.Recommendation:
			*p = []*member.Recommendation{{Slug: target, Note: "Text of " + path + ".note"}}
		case *[]*member.Thanks:
			*p = []*member.Thanks{{Slug: target, Date: member.Date{Year: 2025, Month: 3}, Note: "Text of " + path + ".note"}}
		default:
			t.Fatalf("%s: fillFields cannot set a %T", path, p)
		}
	}
}

// TestEveryFieldInMembersJSON sets every field of the table on a member,
// renders the site and reads the member back from members.json under the
// table's JSON keys: each value must come back as it was set, and a field
// without a key must stay out. The photo is the exception by design:
// members.json holds the address of the published photo, not the file's
// name.
func TestEveryFieldInMembersJSON(t *testing.T) {
	anna := &member.Member{Slug: "anna", Path: "content/members/anna.md"}
	fillFields(t, anna, "ben")
	ben := &member.Member{Slug: "ben", Name: "Ben", Mission: "m", Why: "w", Offerings: []string{"o"},
		Contact: member.Contact{Email: "ben@example.org", Public: true}}
	cfg := member.DefaultConfig()
	cfg.Language = "en"
	cfg.BaseURL = "https://example.org/dir/"
	dir, errs := member.NewDirectory(cfg, []*member.Member{anna, ben}, nil, false)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	files, err := Site(dir, NewTheme(templatesFS(t), nil), Options{Photos: map[string]photo.Source{"anna": photo.FromBytes(testJPEG(t, 600, 600, 10))}})
	if err != nil {
		t.Fatal(err)
	}
	var index MembersJSON
	if err := json.Unmarshal(files["members.json"], &index); err != nil {
		t.Fatal(err)
	}
	var entry map[string]any
	for _, p := range index.Parts {
		var part []map[string]any
		if err := json.Unmarshal(files[p], &part); err != nil {
			t.Fatal(err)
		}
		for _, e := range part {
			if e["slug"] == "anna" {
				entry = e
			}
		}
	}
	if entry == nil {
		t.Fatal("anna is not in members.json")
	}

	// Keys that no field of the profile has: they say where the member
	// is and who wrote about them.
	keys := map[string]bool{"slug": true, "url": true, "recommended_by": true, "thanked_by": true}
	for _, f := range member.ProfileFields {
		if f.JSON == "" {
			continue
		}
		keys[f.JSON] = true
		got, ok := entry[f.JSON]
		if !ok {
			t.Errorf("%s: no key %q in members.json", f.Name, f.JSON)
			continue
		}
		switch f.Kind {
		case member.Map:
			obj, _ := got.(map[string]any)
			subKeys := map[string]bool{}
			for _, s := range f.Sub {
				if s.JSON == "" {
					continue
				}
				subKeys[s.JSON] = true
				if want := s.Get(anna); obj[s.JSON] != want {
					t.Errorf("%s.%s: members.json has %#v under %q, want %#v", f.Name, s.Name, obj[s.JSON], s.JSON, want)
				}
			}
			for k := range obj {
				if !subKeys[k] {
					t.Errorf("%s: members.json has %q, which none of its fields declares: add a JSON key to its entry", f.Name, k)
				}
			}
		case member.MapList:
			list, _ := got.([]any)
			want := items(anna, f)
			if len(list) != len(want) {
				t.Errorf("%s: %d items in members.json, want %d", f.Name, len(list), len(want))
				continue
			}
			for i, it := range list {
				if !reflect.DeepEqual(it, want[i]) {
					t.Errorf("%s: item %d is %#v in members.json, want %#v", f.Name, i, it, want[i])
				}
			}
		default:
			want := f.Get(anna)
			switch w := want.(type) {
			case []string:
				want = toAny(w)
			case member.Date:
				want = w.String()
			}
			if f.Format == member.FormatPhoto {
				if s, _ := got.(string); !strings.HasPrefix(s, cfg.BaseURL+"members/anna/photo-480.") {
					t.Errorf("%s: members.json has %#v, want the address of the published photo", f.Name, got)
				}
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: members.json has %#v under %q, want %#v", f.Name, got, f.JSON, want)
			}
		}
	}
	for k := range entry {
		if !keys[k] {
			t.Errorf("members.json has %q, which no field of member.ProfileFields declares as its JSON key", k)
		}
	}
	// Fields without a key stay out, whatever their name.
	for path, f := range member.AllFields() {
		if s, ok := f.Get(anna).(string); ok && f.JSON == "" && s != "" && strings.Contains(string(files[index.Parts[0]]), s) {
			t.Errorf("%s has no JSON key, but its value %q is in members.json", path, s)
		}
	}
}

// items returns the items of the list field f of m as members.json holds
// them, by the JSON keys of f's Sub fields.
func items(m *member.Member, f member.Field) []any {
	var out []any
	add := func(vals map[string]string) {
		o := map[string]any{}
		for _, s := range f.Sub {
			if s.JSON != "" && vals[s.Name] != "" {
				o[s.JSON] = vals[s.Name]
			}
		}
		out = append(out, o)
	}
	switch v := f.Get(m).(type) {
	case []*member.Recommendation:
		for _, r := range v {
			add(map[string]string{"member": r.Slug, "note": r.Note})
		}
	case []*member.Thanks:
		for _, t := range v {
			add(map[string]string{"member": t.Slug, "date": t.Date.String(), "note": t.Note})
		}
	}
	return out
}

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}
