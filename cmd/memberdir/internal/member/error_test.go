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
