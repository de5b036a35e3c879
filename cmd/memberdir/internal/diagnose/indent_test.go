package diagnose

import (
	"slices"
	"strings"
	"testing"
)

// contact is a profile's fields: the keys of contact, and the top level.
func contact(parent, key string) bool {
	switch parent {
	case "":
		return slices.Contains([]string{"name", "mission", "why", "offerings", "contact", "photo", "draft"}, key)
	case "contact":
		return slices.Contains([]string{"email", "phone", "website", "public"}, key)
	}
	return false
}

func TestIndentation(t *testing.T) {
	type P = Misindent
	cases := []struct {
		name   string
		text   []string
		fields Fields
		want   *Misindent // nil: nothing to report
	}{
		// Text whose structure holds.
		{name: "valid", text: []string{"name: Anna", "contact:", "  email: a@x.de", "  phone: 1", "draft: false"}},
		{name: "list at its key's indentation", text: []string{"offerings:", "- a", "- b", "contact:", "  email: a"}},
		{name: "list items of maps", text: []string{"recommends:", "  - member: bernd", "    note: gut", "  - member: eva", "    note: auch", "draft: false"}},
		{name: "comments anywhere", text: []string{"contact:", "# a comment", "      # another", "  email: a", "", "  phone: 1"}},
		{name: "a hash in a quoted value is not a comment", text: []string{`contact:`, `  email: "a#b" # note`, `  phone: 1`}},
		{name: "block scalar", text: []string{"why: |", "  Weil", "    ich: es", "  liebe", "contact:", "  email: a"}},
		{name: "plain value over lines", text: []string{"mission: Ich helfe", "  kleinen Firmen", "  - und Vereinen", "why: x"}},
		{name: "value over lines after an empty key", text: []string{"mission:", "  Ich helfe", "  kleinen Firmen", "why: x"}},
		{name: "quoted value over lines", text: []string{`mission: "Ich helfe`, `kleinen: Firmen"`, `why: x`}},
		{name: "flow list over lines", text: []string{`tags: [a,`, ` b: c]`, `why: x`}},
		{name: "URL in a text line is no key", text: []string{"mission:", "  https://example.org", "why: x"}},
		{name: "first field indented, all alike", text: []string{"  name: a", "  why: b"}},

		// A field deeper than the field with a value above it.
		{name: "deeper than a value", text: []string{"contact:", "  email: a", "    phone: 1", "  website: w"},
			want: &P{Line: 3, Label: "phone:", Have: 4, Want: 2, Like: 2, LikeLabel: "email:"}},
		{name: "deeper, last field", text: []string{"name: a", "draft: false", "  photo: p"},
			want: &P{Line: 3, Label: "photo:", Have: 2, Want: 0, Like: 2, LikeLabel: "draft:"}},
		{name: "deeper, with comments between", text: []string{"name: a", "# Photo", "# more", "  photo: p", "# Draft", "draft: false"},
			want: &P{Line: 4, Label: "photo:", Have: 2, Want: 0, Like: 1, LikeLabel: "name:"}},
		// The first field of a block sets its indentation; the next ones
		// show it was wrong.
		{name: "first of a block too deep", text: []string{"contact:", "    email: a", "  phone: 1", "  website: w"},
			want: &P{Line: 2, Label: "email:", Have: 4, Want: 2, Like: 3, LikeLabel: "phone:"}},
		{name: "first of a block at the edge", text: []string{"contact:", "email: a", "  phone: 1", "  website: w"},
			want: &P{Line: 2, Label: "email:", Have: 0, Want: 2, Like: 3, LikeLabel: "phone:"}},
		{name: "first of a block by 1", text: []string{"contact:", "", " email: a", "", "  phone: 1", "  website: w"},
			want: &P{Line: 3, Label: "email:", Have: 1, Want: 2, Like: 5, LikeLabel: "phone:"}},
		// Between two levels: the fields decide where it belongs.
		{name: "last of a block by 1", text: []string{"contact:", "  email: a", "  phone: 1", " public: true", "photo: p"}, fields: contact,
			want: &P{Line: 4, Label: "public:", Have: 1, Want: 2, Like: 3, LikeLabel: "phone:"}},
		{name: "top-level field by 1 after a block", text: []string{"contact:", "  email: a", " photo: p", "draft: false"}, fields: contact,
			want: &P{Line: 3, Label: "photo:", Have: 1, Want: 0, Like: 1, LikeLabel: "contact:"}},
		// Without fields, the step the text uses elsewhere decides.
		{name: "list item between levels", text: []string{"offerings:", "  - a", " - b", "contact:", "  email: a"},
			want: &P{Line: 3, Label: "- b", Have: 1, Want: 2, Like: 2, LikeLabel: "- a"}},
		{name: "list item with a 4-space step", text: []string{"offerings:", "    - a", "   - b", "contact:", "    email: a"},
			want: &P{Line: 3, Label: "- b", Have: 3, Want: 4, Like: 2, LikeLabel: "- a"}},
		{name: "field at a list's indentation", text: []string{"offerings:", "  - a", "  why: b", "draft: false"},
			want: &P{Line: 3, Label: "why:", Have: 2, Want: 0, Like: 1, LikeLabel: "offerings:"}},
		{name: "field of a list item deeper", text: []string{"recommends:", "  - member: a", "      note: b", "draft: false"},
			want: &P{Line: 3, Label: "note:", Have: 6, Want: 4, Like: 2, LikeLabel: "- member:"}},
		{name: "field after a block scalar", text: []string{"why: |", "  Weil ich", "contact:", "  email: a", "   phone: 1"},
			want: &P{Line: 5, Label: "phone:", Have: 3, Want: 2, Like: 4, LikeLabel: "email:"}},
		{name: "field after a quoted value with a hash", text: []string{`name: "Anna #1"`, `  why: b`},
			want: &P{Line: 2, Label: "why:", Have: 2, Want: 0, Like: 1, LikeLabel: "name:"}},
		// Nothing tells which of the two is wrong.
		{name: "between two levels", text: []string{"a:", "  b:", "    c: 1", "   d: 2"},
			want: &P{Line: 4, Label: "d:", Have: 3, Want: 4, Like: 3, LikeLabel: "c:", Unsure: true}},
		// Without other blocks to go by, the step is 2.
		{name: "two fields alone", text: []string{"a:", "    b: 1", "  c: 2"},
			want: &P{Line: 2, Label: "b:", Have: 4, Want: 2, Like: 3, LikeLabel: "c:"}},

		// Mistakes that no indentation mends are left to others.
		{name: "a list where a field belongs", text: []string{"name: a", "- b"}},
		{name: "text after a quote", text: []string{`why: "Weil" ich`, "name: a"}},
		{name: "text not indented", text: []string{"mission: Ich berate", "kleine Firmen."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := Indentation(strings.Join(c.text, "\n")+"\n", c.fields)
			switch {
			case c.want == nil && ok:
				t.Errorf("got %+v, want nothing", got)
			case c.want != nil && !ok:
				t.Errorf("got nothing, want %+v", *c.want)
			case c.want != nil && got != *c.want:
				t.Errorf("got  %+v\nwant %+v", got, *c.want)
			}
		})
	}
}

// TestIndentationLarge keeps the analysis linear: a long front matter
// with its mistake at the end is read a few times, not once per line.
func TestIndentationLarge(t *testing.T) {
	var b strings.Builder
	for range 20000 {
		b.WriteString("contact:\n  email: a\n  # note\n  phone: 1\n")
	}
	b.WriteString("contact:\n  email: a\n   phone: 1\n")
	got, ok := Indentation(b.String(), nil)
	if want := (Misindent{Line: 80003, Label: "phone:", Have: 3, Want: 2, Like: 80002, LikeLabel: "email:"}); !ok || got != want {
		t.Errorf("got %+v, %v; want %+v", got, ok, want)
	}
}
