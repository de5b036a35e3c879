package render

import (
	"bytes"
	"html/template"
	"io"
	"reflect"
	"slices"
	"testing"
)

// TestCardFields: every field of MemberView is made anew on each build,
// made for the profile page alone, or kept with the card in a Cache
// (cardFields), and cardFieldsOf and restore carry each of the last
// over. A field added to MemberView and to none of these fails here,
// rather than going missing from pages rendered from a cache.
func TestCardFields(t *testing.T) {
	perBuild := []string{"M", "URL", "AbsURL", "Photo", "Lang", "Tags", "RecommendedBy", "Recommends", "ThankedBy", "Thanks"}  // view, relate
	pageOnly := []string{"Recommend", "RecommendObf", "AskFirst", "RecommendText", "TextObf", "ContactMail", "ContactMailObf"} // pageLinks
	view, card := reflect.TypeFor[MemberView](), reflect.TypeFor[cardFields]()
	for f := range view.Fields() {
		if slices.Contains(perBuild, f.Name) || slices.Contains(pageOnly, f.Name) {
			continue
		}
		if c, ok := card.FieldByName(f.Name); !ok || c.Type != f.Type {
			t.Errorf("MemberView.%s is not in cardFields, nor made on each build or for the page alone", f.Name)
		}
	}
	var v MemberView
	vv := reflect.ValueOf(&v).Elem()
	for f := range card.Fields() {
		vf := vv.FieldByName(f.Name)
		if !vf.IsValid() {
			t.Errorf("cardFields.%s is not a field of MemberView", f.Name)
			continue
		}
		vf.SetString("value of " + f.Name)
	}
	c := cardFieldsOf(&v)
	var back MemberView
	c.restore(&back)
	if !reflect.DeepEqual(back, v) {
		t.Errorf("restore(cardFieldsOf(v)) =\n%+v\nwant\n%+v", back, v)
	}
}

// len is the number of members in c, once it is read.
func (c *Cache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.members)
}

// TestSavedCache: a saved cache reads back entry for entry for the same
// program, and as empty for another program or when cut short.
func TestSavedCache(t *testing.T) {
	program := [32]byte{7}
	c := NewSavedCache(program)
	for i, slug := range []string{"anna", "ben", "cleo"} {
		c.put(slug, &cached{key: [32]byte{byte(i)}, card: cardFields{Card: template.HTML("<li>" + slug + "</li>"), TagItems: "<li>Recht</li>", Tel: "tel:+49"}})
	}
	var buf bytes.Buffer
	if err := c.Save(&buf); err != nil {
		t.Fatal(err)
	}
	got := ReadCache(io.NopCloser(bytes.NewReader(buf.Bytes())), program)
	got.mu.Lock() // read
	got.mu.Unlock()
	if len(got.members) != 3 {
		t.Fatalf("read %d members, want 3", len(got.members))
	}
	for slug, e := range c.members {
		g := got.get(slug, e.key)
		if g == nil || g.card != e.card {
			t.Errorf("%s: read %+v, want %+v", slug, g, e)
		}
	}
	if got.whole || got.program != program {
		t.Errorf("read cache: whole %v, program %v", got.whole, got.program)
	}
	if other := ReadCache(io.NopCloser(bytes.NewReader(buf.Bytes())), [32]byte{8}); other.len() != 0 {
		t.Errorf("another program read %d members", len(other.members))
	}
	if cut := ReadCache(io.NopCloser(bytes.NewReader(buf.Bytes()[:buf.Len()-5])), program); cut.len() != 0 {
		t.Errorf("a cache cut short gave %d members", len(cut.members))
	}
}
