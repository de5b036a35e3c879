package member

import (
	"slices"
	"testing"
)

func TestError(t *testing.T) {
	cases := []struct {
		e    Error
		want string
	}{
		{Error{Pos{"content/members/anna.md", 7, 3}, "contact.email", "bad"}, "content/members/anna.md:7:3: contact.email: bad"},
		{Error{Pos{"content/members/anna.md", 7, 0}, "name", "bad"}, "content/members/anna.md:7: name: bad"},
		{Error{Pos{"content/members/Anna.md", 0, 0}, "", "bad"}, "content/members/Anna.md: bad"},
		{Error{Pos{"config.yaml", 1, 1}, "", "bad"}, "config.yaml:1:1: bad"},
		// Members' own file names and keys: a line break would start a
		// GitHub Actions workflow command in the CI log.
		{Error{Pos{"content/members/a\n::warning::x.md", 0, 0}, "", "bad"}, `"content/members/a\n::warning::x.md": bad`},
		{Error{Pos{"content/members/anna.md", 11, 1}, "x\r\n::error::y", "bad"}, `content/members/anna.md:11:1: "x\r\n::error::y": bad`},
		{Error{Pos{"content/members/anna.md", 11, 1}, "na\u202eme", "bad"}, `content/members/anna.md:11:1: "na\u202eme": bad`},
		{Error{Pos{"content/members/anna.md", 11, 1}, "n\xffame", "bad"}, `content/members/anna.md:11:1: "n\xffame": bad`},
		{Error{Pos{"content/members/jörg.md", 11, 1}, "straße", "bad"}, `content/members/jörg.md:11:1: straße: bad`},
	}
	for _, c := range cases {
		if got := c.e.Error(); got != c.want {
			t.Errorf("Error() = %q, want %q", got, c.want)
		}
	}
}

func TestErrorListSort(t *testing.T) {
	var l ErrorList
	if l.Err() != nil {
		t.Error("empty list is an error")
	}
	l.Add(Pos{"b.md", 2, 1}, "x", "m")
	l.Add(Pos{"a.md", 10, 1}, "x", "m")
	l.Add(Pos{"a.md", 9, 5}, "x", "m")
	l.Add(Pos{"a.md", 9, 3}, "y", "m")
	l.Add(Pos{"a.md", 9, 3}, "x", "m")
	l.Add(Pos{"b.md", 2, 1}, "x", "m") // a duplicate
	l.Add(Pos{"a.md", 0, 0}, "", "whole file")
	l.Sort()
	var got []string
	for _, e := range l {
		got = append(got, e.Error())
	}
	want := []string{"a.md: whole file", "a.md:9:3: x: m", "a.md:9:3: y: m", "a.md:9:5: x: m", "a.md:10:1: x: m", "b.md:2:1: x: m"}
	if !slices.Equal(got, want) {
		t.Errorf("sorted:\n%q\nwant\n%q", got, want)
	}
	if l.Err() == nil || l.Error() != "a.md: whole file\na.md:9:3: x: m\na.md:9:3: y: m\na.md:9:5: x: m\na.md:10:1: x: m\nb.md:2:1: x: m" {
		t.Errorf("Error() = %q", l.Error())
	}
}

// TestErrorListAddField: Add makes a field name printable, so that the
// step summary, which prints it without Error, is safe too.
func TestErrorListAddField(t *testing.T) {
	var l ErrorList
	l.Add(Pos{"a.md", 1, 1}, "x\n::warning::y", "m")
	l.Add(Pos{"a.md", 1, 1}, "contact.email", "m")
	if l[0].Field != `"x\n::warning::y"` || l[1].Field != "contact.email" {
		t.Errorf("fields %q, %q", l[0].Field, l[1].Field)
	}
}

func TestInvisible(t *testing.T) {
	for _, r := range "\x00\a\t\n\u0085\u200b\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2060\ufeff\u2028\u2029" {
		if !Invisible(r) {
			t.Errorf("Invisible(%U) = false", r)
		}
	}
	for _, r := range "aä ß€\u00a0\u00ad\u200c\u200d\ufe0f👩" {
		if Invisible(r) {
			t.Errorf("Invisible(%U) = true", r)
		}
	}
}
