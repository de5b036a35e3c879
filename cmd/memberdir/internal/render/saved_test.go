package render

import (
	"bytes"
	"html/template"
	"io"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// TestCardFields: every field of MemberView is made anew on each build,
// made for the profile page alone, or kept with the card in a Cache
// (cardFields), and cardFieldsOf and restore carry each of the last
// over. A field added to MemberView and to none of these fails here,
// rather than going missing from pages rendered from a cache.
func TestCardFields(t *testing.T) {
	perBuild := []string{"M", "URL", "AbsURL", "Photo", "Lang", "Tags", "RecommendedBy", "Recommends", "ThankedBy", "Thanks"}  // view, relate
	pageOnly := []string{"Recommend", "RecommendObf", "AskFirst", "RecommendText", "TextObf", "ContactMail", "ContactMailObf"} // pageLinks
	listOnly := []string{"Card", "PrintCard"}                                                                                  // listCards
	view, card := reflect.TypeFor[MemberView](), reflect.TypeFor[cardFields]()
	for f := range view.Fields() {
		if slices.Contains(perBuild, f.Name) || slices.Contains(pageOnly, f.Name) || slices.Contains(listOnly, f.Name) {
			continue
		}
		if c, ok := card.FieldByName(f.Name); !ok || c.Type != f.Type {
			t.Errorf("MemberView.%s is not in cardFields, nor made on each build or for the page alone", f.Name)
		}
	}
	var v MemberView
	vv := reflect.ValueOf(&v).Elem()
	for _, f := range reflect.VisibleFields(card) {
		if f.Anonymous {
			continue // its fields are visible themselves
		}
		vf := vv.FieldByName(f.Name)
		if !vf.IsValid() {
			t.Errorf("cardFields.%s is not a field of MemberView", f.Name)
			continue
		}
		if f.Type == reflect.TypeFor[cardText]() {
			// Unexported: set through a pointer, as the package does.
			p := vf.Addr().UnsafePointer()
			*(*cardText)(p) = cardText{mem: template.HTML("value of " + f.Name)}
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
// Its cards are kept in memory, or set aside in a scratch file.
func TestSavedCache(t *testing.T) {
	for _, scratch := range []bool{false, true} {
		var saved, read Scratch
		if scratch {
			saved, read = scratchFile(t), scratchFile(t)
		}
		program := [32]byte{7}
		c := NewSavedCache(program, saved)
		for i, slug := range []string{"anna", "ben", "cleo"} {
			card, err := c.store.text([]byte("<li>" + slug + "</li>"))
			if err != nil {
				t.Fatal(err)
			}
			print, _ := c.store.text([]byte("<p>" + slug + "</p>"))
			c.put(slug, &cached{key: [32]byte{byte(i)}, card: cardFields{card: card, printCard: print, cardValues: cardValues{TagItems: "<li>Recht</li>", Tel: "tel:+49"}}})
		}
		var buf bytes.Buffer
		if err := c.Save(&buf); err != nil {
			t.Fatal(err)
		}
		got := ReadCache(io.NopCloser(bytes.NewReader(buf.Bytes())), program, read)
		got.mu.Lock() // read
		got.mu.Unlock()
		if len(got.members) != 3 {
			t.Fatalf("scratch %v: read %d members, want 3", scratch, len(got.members))
		}
		for slug, e := range c.members {
			g := got.get(slug, e.key)
			if g == nil {
				t.Errorf("scratch %v: %s not read", scratch, slug)
				continue
			}
			gs, err := g.card.saved()
			if err != nil {
				t.Fatal(err)
			}
			es, _ := e.card.saved()
			if gs != es || gs.Card != template.HTML("<li>"+slug+"</li>") || gs.PrintCard != template.HTML("<p>"+slug+"</p>") {
				t.Errorf("scratch %v: %s: read %+v, want %+v", scratch, slug, gs, es)
			}
			if (g.card.card.store != nil) != scratch {
				t.Errorf("scratch %v: %s's card set aside: %v", scratch, slug, g.card.card.store != nil)
			}
		}
		if got.whole || got.program != program {
			t.Errorf("read cache: whole %v, program %v", got.whole, got.program)
		}
		if other := ReadCache(io.NopCloser(bytes.NewReader(buf.Bytes())), [32]byte{8}, read); other.len() != 0 {
			t.Errorf("another program read %d members", len(other.members))
		}
		if cut := ReadCache(io.NopCloser(bytes.NewReader(buf.Bytes()[:buf.Len()-5])), program, read); cut.len() != 0 {
			t.Errorf("a cache cut short gave %d members", len(cut.members))
		}
	}
}

// scratchFile returns a scratch file that the test removes.
func scratchFile(t *testing.T) *os.File {
	f, err := os.CreateTemp(t.TempDir(), "scratch")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestListCards: a site's own list templates that show each member's
// card (.Card on the home and category pages, .PrintCard in the print
// view) get the same cards as the page's .Cards, whether the build keeps
// the cards in memory or sets them aside in a scratch file.
func TestListCards(t *testing.T) {
	var ms []*member.Member
	for i, n := range []string{"Anna Adler", "Ben Berg", "Cleo Cramer", "Dora Dietz"} {
		ms = append(ms, &member.Member{Slug: strings.ToLower(strings.Fields(n)[0]), Name: n, Mission: "Mission " + n,
			Why: "Why " + n, Offerings: []string{"Offer " + string(rune('a'+i))}, Tags: []string{"recht"}})
	}
	cfg := member.DefaultConfig()
	cfg.Categories = []member.ConfigCategory{{ID: "recht", Label: "Recht"}}
	one := `{{define "main"}}{{.Cards}}<hr>{{range .Members}}{{.Card}}{{end}}{{end}}`
	site := fstest.MapFS{
		"home.html":     {Data: []byte(one)},
		"category.html": {Data: []byte(one)},
		"print.html":    {Data: []byte(`{{define "print-card"}}<p>{{.M.Name}}</p>{{end}}{{define "main"}}{{.Cards}}<hr>{{range .Members}}{{.PrintCard}}{{end}}{{end}}`)},
	}
	for _, scratch := range []bool{false, true} {
		dir, errs := member.NewDirectory(cfg, ms, nil, false)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		var sc Scratch
		var f *os.File
		if scratch {
			f = scratchFile(t)
			sc = f
		}
		files, err := Site(dir, NewTheme(templatesFS(t), site), Options{Cache: NewSavedCache([32]byte{1}, sc)})
		if err != nil {
			t.Fatal(err)
		}
		// The cards went to the scratch file, not into memory.
		if scratch {
			if st, err := f.Stat(); err != nil || st.Size() == 0 {
				t.Errorf("the cards were not set aside: %v, %v", st, err)
			}
		}
		for _, p := range []string{"index.html", "tags/recht/index.html", "print/index.html"} {
			page := string(files[p])
			all, each, ok := strings.Cut(page, "<hr>")
			if !ok {
				t.Fatalf("scratch %v: %s has no <hr>:\n%s", scratch, p, page)
			}
			all = all[strings.LastIndex(all, "<main"):]
			all = all[strings.Index(all, ">")+1:]
			if i := strings.Index(each, "</main>"); i >= 0 {
				each = each[:i]
			}
			all, each = strings.TrimSpace(all), strings.TrimSpace(each)
			if all != each || !strings.Contains(all, "Dora Dietz") {
				t.Errorf("scratch %v: %s: .Cards\n%s\nbut each .Card\n%s", scratch, p, all, each)
			}
		}
	}
}
