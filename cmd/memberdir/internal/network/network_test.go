package network

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// small is a fixed directory of six members in three categories and none:
// recommendations, thanks (one closing a recommendation's loop), a member
// without member_since, and a draft whose links are not shown.
func small(t testing.TB) *member.Directory {
	cfg := member.Config{Language: "de", Categories: []member.ConfigCategory{{ID: "steuern", Label: "Steuern & Finanzen"}, {ID: "recht", Label: "Recht"}, {ID: "web", Label: "Web & Online"}}}
	mk := func(slug, name, since string, tags ...string) *member.Member {
		m := &member.Member{Slug: slug, Name: name, Path: "content/members/" + slug + ".md", Tags: tags}
		if since != "" {
			m.MemberSince = date(since)
		}
		return m
	}
	anna := mk("anna-mueller", "Anna Müller", "2021-03", "steuern")
	bernd := mk("bernd-schmidt", "Dr. Bernd Schmidt", "2021-09", "recht", "steuern")
	carla := mk("carla-weiss", "Carla Weiß", "2023-01-15", "steuern")
	dora := mk("dora-oezdemir", "Dora Özdemir", "2024", "web")
	emil := mk("emil", "Emil", "") // no member_since, no category
	fritz := mk("fritz-draft", "Fritz Entwurf", "2024-05", "web")
	fritz.Draft = true
	rec := func(from, to *member.Member) {
		from.Recommends = append(from.Recommends, &member.Recommendation{Slug: to.Slug, Note: "gut"})
	}
	thank := func(from, to *member.Member, when string) {
		from.Thanks = append(from.Thanks, &member.Thanks{Slug: to.Slug, Date: date(when)})
	}
	rec(anna, bernd)
	rec(bernd, anna)
	rec(carla, dora)
	rec(dora, emil)
	rec(anna, fritz)
	thank(bernd, anna, "2024-02") // the loop closed: Anna recommended Bernd
	thank(dora, carla, "2024-11-20")
	thank(anna, carla, "2025-01")
	thank(emil, dora, "2025-06")
	d, errs := member.NewDirectory(cfg, []*member.Member{fritz, emil, dora, carla, bernd, anna}, nil, false)
	if len(errs) > 0 {
		t.Fatalf("fixture: %v", errs)
	}
	return d
}

func date(s string) member.Date {
	d, key := member.ParseDate(s)
	if key != "" {
		panic(s)
	}
	return d
}

// dump writes every figure and the sentences as text, for golden files.
func dump(d *member.Directory, o Options) string {
	var b strings.Builder
	figs := append([]Figure{Joined(d, o), Referrals(d, o)}, Graphs(d, o)...)
	for _, f := range figs {
		fmt.Fprintf(&b, "== %s: %s\n", f.ID, f.Title)
		b.WriteString(f.SVG)
		fmt.Fprintf(&b, "-- table\n%s\n", strings.Join(f.Table.Head, " | "))
		for _, r := range f.Table.Rows {
			fmt.Fprintf(&b, "%s\n", strings.Join(r, " | "))
		}
		if f.Note != "" {
			fmt.Fprintf(&b, "-- note\n%s\n", f.Note)
		}
	}
	b.WriteString("== sentences\n" + strings.Join(Sentences(d, o), "\n") + "\n")
	return b.String()
}

// TestGolden compares the figures of the small directory with
// testdata/*.golden. Run "go test ./cmd/memberdir/internal/network
// -update" after a deliberate change, and look at the SVGs.
func TestGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		o    Options
	}{
		{"small-de", Options{Lang: "de", BasePath: "/"}},
		// More members than MaxGraph: one graph per main category.
		{"split-en", Options{Lang: "en", BasePath: "/verzeichnis/", MaxGraph: 3}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := dump(small(t), c.o)
			file := filepath.Join("testdata", c.name+".golden")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := range min(len(gl), len(wl)) {
					if gl[i] != wl[i] {
						t.Fatalf("%s differs at line %d:\ngot  %s\nwant %s\n(run with -update if the change is intended)", file, i+1, gl[i], wl[i])
					}
				}
				t.Fatalf("%s differs in length: %d lines, want %d (run with -update if the change is intended)", file, len(gl), len(wl))
			}
			// Same input, same bytes.
			if again := dump(small(t), c.o); again != got {
				t.Error("a second run gave other bytes")
			}
		})
	}
}

// wellFormed decodes s as XML and returns its error, and the texts of its
// elements' character data joined.
func wellFormed(s string) (string, error) {
	dec := xml.NewDecoder(strings.NewReader(s))
	var text strings.Builder
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			if depth != 0 {
				return "", fmt.Errorf("%d elements not closed", depth)
			}
			return text.String(), nil
		}
		if err != nil {
			return "", err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 && tok.Name.Local != "svg" {
				return "", fmt.Errorf("root element %s", tok.Name.Local)
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			text.Write(tok)
			text.WriteByte('\n')
		case xml.ProcInst, xml.Directive:
			return "", fmt.Errorf("unexpected %T", tok)
		}
	}
}

// hostile is a name that breaks out of XML, HTML and CDATA if it is not
// escaped, and turns text around with a bidi override.
const hostile = "<script>alert('x')</script> \"Anna\" ]]> &amp; \u202eevil\u202c Müller"

func TestWellFormed(t *testing.T) {
	d := small(t)
	if d.Members[0].Slug != "anna-mueller" {
		t.Fatalf("first member %s", d.Members[0].Slug)
	}
	d.Members[0].Name = hostile
	d.Categories[0].Label = hostile
	for _, o := range []Options{{Lang: "de", BasePath: "/"}, {Lang: "en", BasePath: `/a"b<c>/`, MaxGraph: 2}} {
		figs := append([]Figure{Joined(d, o), Referrals(d, o)}, Graphs(d, o)...)
		for _, f := range figs {
			text, err := wellFormed(f.SVG)
			if err != nil {
				t.Errorf("%s (%s): not well-formed XML: %v\n%s", f.ID, o.Lang, err, f.SVG)
				continue
			}
			if strings.Contains(f.SVG, "<script") || strings.Contains(f.SVG, "]]>") || strings.ContainsRune(f.SVG, '\u202e') || strings.ContainsRune(f.SVG, '\u202c') {
				t.Errorf("%s: hostile text written unescaped:\n%s", f.ID, f.SVG)
			}
			if strings.Contains(f.SVG, "members/anna-mueller/") && !strings.Contains(text, "<script>alert('x')</script> \"Anna\" ]]> &amp; evil Müller") {
				t.Errorf("%s: the name does not read as written (without its bidi controls):\n%s", f.ID, text)
			}
		}
	}
}

// TestEmpty: a directory without members or links still gives
// well-formed figures, and no graph.
func TestEmpty(t *testing.T) {
	d, _ := member.NewDirectory(member.Config{Language: "en"}, nil, nil, false)
	o := Options{Lang: "en", BasePath: "/"}
	for _, f := range []Figure{Joined(d, o), Referrals(d, o)} {
		if _, err := wellFormed(f.SVG); err != nil || !strings.Contains(f.SVG, "No data yet") || len(f.Table.Rows) != 0 {
			t.Errorf("%s: %v, %d rows\n%s", f.ID, err, len(f.Table.Rows), f.SVG)
		}
	}
	if g := Graphs(d, o); g != nil {
		t.Errorf("graphs of no members: %d", len(g))
	}
}

func TestInitials(t *testing.T) {
	for name, want := range map[string]string{
		"Anna Müller": "AM", "Dr. Jonas Berger": "JB", "Prof. Dr. Anton Acker": "AA", "özlem arslan": "ÖA",
		"Cher": "C", "Anna-Lena Maria Schäfer": "AS", "": "?", "<script>alert(1)</script>": "S", "李 小龍": "李小", "42": "?",
	} {
		if got := initials(name); got != want {
			t.Errorf("initials(%q) = %q, want %q", name, got, want)
		}
	}
}

// synthetic returns a linked directory of n members in 12 categories, each
// recommending up to three others and thanking up to two; the same for the
// same n.
func synthetic(n int) *member.Directory {
	r := rand.New(rand.NewPCG(uint64(n), 16))
	var cats []member.ConfigCategory
	for i := range 12 {
		cats = append(cats, member.ConfigCategory{ID: fmt.Sprintf("kategorie-%02d", i), Label: fmt.Sprintf("Kategorie %d", i)})
	}
	ms := make([]*member.Member, n)
	for i := range ms {
		ms[i] = &member.Member{Slug: fmt.Sprintf("mitglied-%03d", i), Name: fmt.Sprintf("Vorname%d Nachname%d", i, i%97),
			Tags: []string{cats[r.IntN(len(cats))].ID}, MemberSince: member.Date{Year: 2015 + r.IntN(10), Month: 1 + r.IntN(12)}}
	}
	for i, m := range ms {
		for range r.IntN(4) {
			j := r.IntN(n)
			if j != i {
				m.Recommends = append(m.Recommends, &member.Recommendation{Slug: ms[j].Slug})
			}
		}
		for k := range r.IntN(3) {
			j := r.IntN(n)
			if j != i {
				m.Thanks = append(m.Thanks, &member.Thanks{Slug: ms[j].Slug, Date: member.Date{Year: 2025, Month: 1 + k}})
			}
		}
	}
	d, _ := member.NewDirectory(member.Config{Language: "de", Categories: cats}, ms, nil, false)
	return d
}

// TestLayoutReadable holds the circle to what keeps it readable: nodes of
// one main category side by side, and no two nodes closer than their
// diameter plus a little, at the example's size and at 300 members.
func TestLayoutReadable(t *testing.T) {
	rank := func(d *member.Directory) map[*member.Category]int {
		r := map[*member.Category]int{nil: len(d.Categories)}
		for i, c := range d.Categories {
			r[c] = i
		}
		return r
	}
	for _, n := range []int{1, 2, 13, 300} {
		d := synthetic(n)
		c := layout(d.Members, rank(d))
		if len(c.nodes) != n {
			t.Fatalf("%d members: %d nodes", n, len(c.nodes))
		}
		seen := map[*member.Category]bool{}
		for i, p := range c.nodes {
			if math.Abs(math.Hypot(p.x, p.y)-c.radius) > 1e-6 {
				t.Errorf("%d members: node %d off the circle", n, i)
			}
			if i > 0 && primary(c.nodes[i-1].m) != primary(p.m) {
				if seen[primary(p.m)] {
					t.Errorf("%d members: category %v split", n, primary(p.m).ID)
				}
			}
			seen[primary(p.m)] = true
			for _, q := range c.nodes[:i] {
				if dist := math.Hypot(p.x-q.x, p.y-q.y); dist < 2*c.nodeR+4 {
					t.Errorf("%d members: nodes %s and %s %.1f apart, less than %.1f", n, p.m.Slug, q.m.Slug, dist, 2*c.nodeR+4)
				}
			}
		}
		if len(c.groups) != len(seen) {
			t.Errorf("%d members: %d arcs for %d categories", n, len(c.groups), len(seen))
		}
	}
}

// TestSplit: beyond MaxGraph members, one graph per main category, whose
// table lists that category's members and whose nodes include the
// members they are linked with.
func TestSplit(t *testing.T) {
	d := synthetic(300)
	o := Options{Lang: "en", BasePath: "/"}
	graphs := Graphs(d, o)
	total := 0
	for _, g := range graphs {
		cat := strings.TrimPrefix(g.ID, "graph-")
		var c *member.Category
		for _, x := range d.Categories {
			if x.ID == cat {
				c = x
			}
		}
		if c == nil {
			t.Fatalf("graph %s of no category", g.ID)
		}
		own := 0
		for _, m := range c.Members {
			if primary(m) == c {
				own++
			}
		}
		if len(g.Table.Rows) != own {
			t.Errorf("%s: %d rows, %d members", g.ID, len(g.Table.Rows), own)
		}
		if nodes := strings.Count(g.SVG, `<a class="node`); nodes <= own {
			t.Errorf("%s: %d nodes for %d members: partners missing", g.ID, nodes, own)
		}
		if _, err := wellFormed(g.SVG); err != nil {
			t.Errorf("%s: %v", g.ID, err)
		}
		total += own
	}
	if len(graphs) != 12 || total != 300 {
		t.Errorf("%d graphs with %d members, want 12 with 300", len(graphs), total)
	}
	o.MaxGraph = 300
	if g := Graphs(d, o); len(g) != 1 || len(g[0].Table.Rows) != 300 {
		t.Errorf("MaxGraph 300: %d graphs", len(g))
	}
}

// TestDeterministic: the members' order going in does not change a byte.
func TestDeterministic(t *testing.T) {
	o := Options{Lang: "de", BasePath: "/"}
	want := dump(synthetic(40), o)
	d := synthetic(40)
	ms := slices.Clone(d.Members)
	slices.Reverse(ms)
	for _, m := range ms {
		m.RecommendedBy, m.ThankedBy = nil, nil
	}
	d2, _ := member.NewDirectory(d.Config, ms, nil, false)
	if got := dump(d2, o); !bytes.Equal([]byte(got), []byte(want)) {
		t.Error("the figures depend on the order of the members going in")
	}
}

func BenchmarkLayout300(b *testing.B) {
	d := synthetic(300)
	rank := map[*member.Category]int{nil: len(d.Categories)}
	for i, c := range d.Categories {
		rank[c] = i
	}
	for b.Loop() {
		layout(d.Members, rank)
	}
}

// BenchmarkGraphs300 is the graph of 300 members drawn as one, layout and
// SVG: what a build of such a site pays for it.
func BenchmarkGraphs300(b *testing.B) {
	d := synthetic(300)
	o := Options{Lang: "de", BasePath: "/", MaxGraph: 300}
	for b.Loop() {
		Graphs(d, o)
	}
}

// BenchmarkGraphs300Split is the same with one graph per category.
func BenchmarkGraphs300Split(b *testing.B) {
	d := synthetic(300)
	o := Options{Lang: "de", BasePath: "/"}
	for b.Loop() {
		Graphs(d, o)
	}
}

// TestBounded: a large directory's graphs stay a page: at most MaxGraph
// nodes per graph, two thirds of them the category's own most linked
// members, a note that says so, at most maxGraphs graphs, and a size that
// does not grow with the directory.
func TestBounded(t *testing.T) {
	o := Options{Lang: "en", BasePath: "/"}
	size := func(gs []Figure) int {
		n := 0
		for _, g := range gs {
			n += len(g.SVG)
			for _, r := range g.Table.Rows {
				for _, c := range r {
					n += len(c)
				}
			}
		}
		return n
	}
	small, large := Graphs(synthetic(3000), o), Graphs(synthetic(9000), o)
	for _, g := range large {
		if nodes := strings.Count(g.SVG, `<a class="node`); nodes > DefaultMaxGraph {
			t.Errorf("%s: %d nodes, more than %d", g.ID, nodes, DefaultMaxGraph)
		}
		if rows := len(g.Table.Rows); rows != DefaultMaxGraph*2/3 {
			t.Errorf("%s: %d rows, want the %d most linked members", g.ID, rows, DefaultMaxGraph*2/3)
		}
		if !strings.HasPrefix(g.Note, "Shown are the 100 of the ") {
			t.Errorf("%s: note %q", g.ID, g.Note)
		}
		if _, err := wellFormed(g.SVG); err != nil {
			t.Errorf("%s: %v", g.ID, err)
		}
	}
	if len(large) > maxGraphs {
		t.Errorf("%d graphs, more than %d", len(large), maxGraphs)
	}
	if a, b := size(small), size(large); float64(b) > 1.2*float64(a) {
		t.Errorf("3,000 members: %d bytes of graphs, 9,000: %d — the page grows with the directory", a, b)
	}
}

// TestNameList: a table cell names ten members at most, and how many more.
func TestNameList(t *testing.T) {
	var names []string
	for i := range 13 {
		names = append(names, fmt.Sprintf("M%d", i))
	}
	for _, c := range []struct {
		lang  string
		names []string
		want  string
	}{
		{"en", nil, "–"},
		{"en", names[:2], "M0, M1"},
		{"en", names[:10], "M0, M1, M2, M3, M4, M5, M6, M7, M8, M9"},
		{"en", names[:11], "M0, M1, M2, M3, M4, M5, M6, M7, M8, M9 and 1 more"},
		{"de", names[:11], "M0, M1, M2, M3, M4, M5, M6, M7, M8, M9 und 1 weiteres"},
		{"de", names, "M0, M1, M2, M3, M4, M5, M6, M7, M8, M9 und 3 weitere"},
	} {
		if got := nameList(Options{Lang: c.lang}, c.names); got != c.want {
			t.Errorf("%s, %d names: %q, want %q", c.lang, len(c.names), got, c.want)
		}
	}
}

// TestReferralsPerYear: a history longer than maxQuarters quarters is
// counted per year, every year in a row, and no recommendation or thanks
// is lost on the way.
func TestReferralsPerYear(t *testing.T) {
	d := synthetic(300)
	f := Referrals(d, Options{Lang: "en"})
	if f.Title != "Recommendations and thanks per year" || f.Table.Head[0] != "Year" {
		t.Fatalf("title %q, head %q", f.Title, f.Table.Head)
	}
	rec, thanks := 0, 0
	for i, r := range f.Table.Rows {
		if i > 0 && r[0] != fmt.Sprint(atoi(t, f.Table.Rows[i-1][0])+1) {
			t.Errorf("row %d: year %s after %s", i, r[0], f.Table.Rows[i-1][0])
		}
		rec += atoi(t, r[1])
		thanks += atoi(t, r[2])
	}
	wantRec, wantThanks := 0, 0
	for _, m := range d.Members {
		wantRec += len(m.Recommends)
		wantThanks += len(m.Thanks)
	}
	if rec != wantRec || thanks != wantThanks {
		t.Errorf("counted %d recommendations and %d thanks, the directory has %d and %d", rec, thanks, wantRec, wantThanks)
	}
	if g := Referrals(small(t), Options{Lang: "en"}); g.Table.Head[0] != "Quarter" {
		t.Errorf("a short history: %q, want quarters", g.Table.Head[0])
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(strings.ReplaceAll(strings.ReplaceAll(s, ",", ""), ".", ""))
	if err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return n
}
