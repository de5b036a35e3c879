package search

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"maps"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// fixture returns a small directory with the cases the search must get
// right: Müller and Mueller, Weiß and Weiss, a Steuerberatung, a
// Fotografin, a weaver's grandson, Markdown in a body.
func fixture() *member.Directory {
	cfg := member.DefaultConfig()
	cfg.Categories = []member.ConfigCategory{
		{ID: "foto-video", Label: "Fotografie & Film"},
		{ID: "handwerk", Label: "Handwerk & Ausbau"},
		{ID: "steuern-finanzen", Label: "Steuern & Finanzen"},
		{ID: "it-technik", Label: "IT & Technik"},
		{ID: "recht", Label: "Recht"},
		{ID: "sprache-text", Label: "Sprache & Übersetzung"},
		{ID: "gesundheit", Label: "Gesundheit"}, // nobody: not a filter value
	}
	ms := []*member.Member{
		{Slug: "anna-mueller", Name: "Anna Müller", Company: "Lichtblick Fotografie", Role: "Fotografin", Location: "Köln",
			Mission: "Ich fotografiere Menschen, die etwas zu sagen haben.", Why: "Licht erzählt mehr als Worte.",
			Offerings: []string{"Business-Porträts", "Teamfotos"}, Tags: []string{"foto-video"}, Languages: []string{"de", "en"},
			Body: "Mehr auf [meiner Seite](https://www.example.de/geheimwort) und <span class=\"versteckt\">hier</span>."},
		{Slug: "jonas-mueller", Name: "Jonas Mueller", Company: "Mueller Holzwerkstatt", Role: "Tischlermeister", Location: "Bonn",
			Mission: "Ich baue Möbel, die bleiben.", Why: "Holz lebt.",
			Offerings: []string{"Einbauschränke", "Reparaturen"}, Tags: []string{"handwerk"}, Languages: []string{"de"}},
		{Slug: "petra-weiss", Name: "Petra Weiß", Company: "Weiß Steuerberatung", Role: "Steuerberaterin", Location: "Bonn-Beuel",
			Mission: "Ich mache Steuern verständlich.", Why: "Zahlen sind Vertrauen.",
			Offerings: []string{"Jahresabschluss", "Steuerberatung für Gründer"}, Tags: []string{"steuern-finanzen"}, Languages: []string{"de"}},
		{Slug: "tom-weiss", Name: "Tom Weiss", Company: "Weiss IT", Location: "Köln",
			Mission: "Ich halte Netzwerke am Laufen.", Why: "Technik soll dienen.",
			Offerings: []string{"IT-Betreuung", "Backup"}, Tags: []string{"it-technik"}, Languages: []string{"de", "en"}},
		{Slug: "ines-berg", Name: "Ines Berg", Company: "Berg Bild", Role: "Fotografin", Location: "Bonn",
			Mission: "Porträts mit Ruhe.", Why: "Ich sehe gern hin.",
			Offerings: []string{"Bewerbungsfotos"}, Tags: []string{"foto-video"}, Languages: []string{"de", "fr"}},
		{Slug: "klaus-weber", Name: "Klaus Weber", Company: "Weber Consulting", Location: "Düsseldorf",
			Mission: "Ich begleite Familienunternehmen.", Why: "Weil Nachfolge gelingen kann.",
			Offerings: []string{"Nachfolgeplanung"}, Tags: []string{"recht"}, Languages: []string{"de"}},
		{Slug: "sara-lind", Name: "Sara Lind", Company: "Lind Textil", Location: "Düsseldorf",
			Mission: "Ich entwerfe Stoffe.", Why: "Mein Großvater war Weber, und ich liebe Stoffe seitdem.",
			Offerings: []string{"Stoffdesign"}, Tags: []string{"handwerk"}, Languages: []string{"de", "en"}},
		{Slug: "oemer-yilmaz", Name: "Ömer Yılmaz", Company: "Yılmaz Übersetzungen", Role: "Übersetzer", Location: "Köln-Ehrenfeld",
			Mission: "Ich übersetze Verträge zwischen Deutsch und Türkisch.", Why: "Zwei Sprachen, ein Zuhause.",
			Offerings: []string{"Beglaubigte Übersetzungen"}, Tags: []string{"sprache-text", "recht"}, Languages: []string{"tr", "de"}},
		{Slug: "claire-dubois", Name: "Claire Dubois", Company: "Dubois Avocats", Role: "Rechtsanwältin", Location: "Koeln",
			Mission: "Ich berate <b>grenzüberschreitend</b> & fair.", Why: "Recht verbindet.",
			Offerings: []string{"Vertragsrecht"}, Tags: []string{"recht"}, Languages: []string{"fr", "de"}},
		{Slug: "bjoern-steuerwald", Name: "Björn Steuerwald", Company: "Waldpfad", Location: "Siegburg",
			Mission: "Ich führe Teams durch den Wald.", Why: "Draußen denkt man freier.",
			Offerings: []string{"Teamtage"}, Languages: []string{"de"}},
	}
	// Thanks for referrals: Jonas twice, Anna and Claire once; the
	// filter by thanks has these three.
	thank := func(from, to string) {
		for _, m := range ms {
			if m.Slug == from {
				m.Thanks = append(m.Thanks, &member.Thanks{Slug: to})
			}
		}
	}
	thank("anna-mueller", "jonas-mueller")
	thank("petra-weiss", "jonas-mueller")
	thank("ines-berg", "anna-mueller")
	thank("tom-weiss", "claire-dubois")
	d, errs := member.NewDirectory(cfg, ms, nil, false)
	if len(errs) > 0 {
		panic(errs)
	}
	return d
}

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Müller", "muller"},
		{"Mueller", "muller"},
		{"MULLER", "muller"},
		{"Mu\u0308ller", "muller"}, // decomposed ü
		{"Weiß", "weiss"},
		{"WEISS", "weiss"},
		{"Straße", "strasse"},
		{"Öztürk Oeztuerk", "ozturk ozturk"},
		{"Bäcker Baecker Backer", "backer backer backer"},
		{"Éléonore Ångström façade", "eleonore angstrom facade"},
		{"Łukasz Søren Yılmaz Dvořák", "lukasz soren yilmaz dvorak"},
		{"İstanbul", "istanbul"},
		{"ΣΟΦΟΣ σοφος", "σοφοσ σοφοσ"},
		{"Steuerberatung", "steurberatung"},
		{"Feuer neue", "feur neu"},
		{"uee", "ue"},
		{"Müller-Lüdenscheidt, GmbH & Co. KG", "muller ludenscheidt gmbh co kg"},
		{"anna@example.de: 50% für B2B (2024)!", "anna example de 50 fur b2b 2024"},
		{"  –  ", ""},
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// tokensOf returns the tokens the index takes from a body.
func tokensOf(body string) []string {
	d, _ := member.NewDirectory(member.DefaultConfig(), []*member.Member{{Slug: "x", Body: body}}, nil, false)
	return invert(d, nil).vocab
}

func TestTokens(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{"## Überblick\n\n**Fett** und _kursiv_, `Code`.", "code fett kursiv uberblick"},
		{"Siehe [meine Seite](https://example.de/geheim \"Titel\") und ![ein Foto](bild.jpg).", "foto seite siehe"},
		{"[Seite][1]\n\n[1]: https://example.de/geheim", "seite"},
		{"<span class=\"geheim\">Text</span> &amp; &#169; mehr", "mehr text"},
		{"Schreib an anna@geheim.de oder www.geheim.de und https://geheim.de/pfad", "schreib"},
		{"Siehe www.geheim.de", "siehe"},
		{"Preis: 5 Euro, AT&T, a < bc > d, @anna", "anna bc euro preis"},
		{"**[Link](http://geheim.de)** [x](<http://geheim.de>)", "link"},
		{"   [ref]: /geheim\nText", "text"},
		{"a I x 1 ok Ⅻ", "ok"},               // one letter is no token; "ok" is
		{"der die das und the and it", "it"}, // stop words, but IT is a trade
		{strings.Repeat("x", 41) + " " + strings.Repeat("y", 40), strings.Repeat("y", 40)},
	} {
		if got := strings.Join(tokensOf(tc.body), " "); got != tc.want {
			t.Errorf("tokens of %q = %q, want %q", tc.body, got, tc.want)
		}
	}
}

func TestInvert(t *testing.T) {
	p := invert(fixture(), nil)
	// member numbers follow the directory's order (by name)
	d := fixture()
	num := map[string]int32{}
	for i, m := range d.Members {
		num[m.Slug] = int32(i)
	}
	for _, tc := range []struct {
		token string
		want  []posting
	}{
		// Müller (name) and Mueller (name and company): one token, best class.
		{"muller", []posting{newPosting(num["anna-mueller"], className), newPosting(num["jonas-mueller"], className)}},
		{"weiss", []posting{newPosting(num["petra-weiss"], className), newPosting(num["tom-weiss"], className)}},
		{"weber", []posting{newPosting(num["klaus-weber"], className), newPosting(num["sara-lind"], classWhy)}},
		{"fotografin", []posting{newPosting(num["anna-mueller"], classCompany), newPosting(num["ines-berg"], classCompany)}},
		{"film", []posting{newPosting(num["anna-mueller"], classOffer), newPosting(num["ines-berg"], classOffer)}}, // category label
		{"geheimwort", nil},
		{"versteckt", nil},
		{"und", nil},
	} {
		i, ok := slices.BinarySearch(p.vocab, tc.token)
		var got []posting
		if ok {
			got = p.lists[i]
		}
		slices.SortFunc(got, func(a, b posting) int { return int(a.id() - b.id()) })
		want := slices.SortedFunc(slices.Values(tc.want), func(a, b posting) int { return int(a.id() - b.id()) })
		if !reflect.DeepEqual(got, want) {
			t.Errorf("postings of %q = %v, want %v", tc.token, got, want)
		}
	}
	if !slices.IsSorted(p.vocab) {
		t.Error("vocabulary not sorted")
	}
}

func TestPlaces(t *testing.T) {
	var ms []*member.Member
	for _, l := range []string{"Bonn-Bad Godesberg", "Bonn-Beuel", "Bonn, Poppelsdorf", "Köln-Deutz", "Köln-Ehrenfeld",
		"50667 Köln", "Koeln", "Leverkusen-Opladen", "Troisdorf", "Castrop-Rauxel", "Castrop-Rauxel-Habinghorst", "  "} {
		ms = append(ms, &member.Member{Location: l})
	}
	labels, placeOf := places(ms)
	var got []string
	for i := range ms {
		if k, ok := placeOf[i]; ok {
			got = append(got, labels[k])
		} else {
			got = append(got, "-")
		}
	}
	want := []string{"Bonn", "Bonn", "Bonn", "Köln", "Köln", "Köln", "Köln", "Leverkusen-Opladen", "Troisdorf", "Castrop-Rauxel", "Castrop-Rauxel", "-"}
	if !slices.Equal(got, want) {
		t.Errorf("places\n got %q\nwant %q", got, want)
	}
}

// decodedMeta is the entry file as the script reads it.
func decodedMeta(t *testing.T, x *Index) meta {
	t.Helper()
	var m meta
	dec := json.NewDecoder(bytes.NewReader(x.Files[x.Entry]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("entry %s: %v", x.Entry, err)
	}
	return m
}

// bitReader reads the bits of bitWriter.
type bitReader struct {
	t   *testing.T
	s   string
	pos int
}

func (r *bitReader) bit() int {
	if r.pos >= 6*len(r.s) {
		r.t.Fatalf("bits: read past the end of %d characters", len(r.s))
	}
	d := strings.IndexByte(digits, r.s[r.pos/6])
	r.pos++
	return d >> (5 - (r.pos-1)%6) & 1
}

func (r *bitReader) bits(n int) int {
	v := 0
	for ; n > 0; n-- {
		v = v<<1 | r.bit()
	}
	return v
}

func (r *bitReader) gamma() int {
	n := 0
	for r.bit() == 0 {
		n++
	}
	return 1<<n | r.bits(n)
}

func (r *bitReader) rice(b int) int {
	q := 0
	for r.bit() == 1 {
		q++
	}
	return q<<b | r.bits(b)
}

func (r *bitReader) set(k, m int) []int32 {
	b := riceParam(m, k)
	out := make([]int32, k)
	last := -1
	for i := range out {
		last += r.rice(b) + 1
		out[i] = int32(last)
	}
	return out
}

// members reads what bitWriter.members writes.
func (r *bitReader) members(n int) []int32 {
	k := r.gamma() - 1
	if 2*k <= n {
		return r.set(k, n)
	}
	return complement(r.set(n-k, n), n, nil)
}

// rest reports whether what is left are padding bits.
func (r *bitReader) rest() bool {
	return len(r.s) == (r.pos+5)/6 && r.bits(6*len(r.s)-r.pos) == 0
}

// decodeShard reads a shard of n members back into tokens and postings.
func decodeShard(t *testing.T, data []byte, n int) ([]string, [][]posting) {
	t.Helper()
	var raw []json.RawMessage
	parts := make([]string, 2)
	if err := json.Unmarshal(data, &raw); err != nil || len(raw) != 5 || json.Unmarshal(raw[0], &parts[0]) != nil || json.Unmarshal(raw[1], &parts[1]) != nil {
		t.Fatalf("shard is not an array of five, two strings first: %v %.80s", err, data)
	}
	var toks []string
	prev := []uint16{}
	voc := parts[0]
	for i := 0; i < len(voc); {
		k := int(voc[i] - 'A')
		j := i + 1
		for j < len(voc) && (voc[j] < 'A' || voc[j] > 'Z') {
			j++
		}
		// k counts UTF-16 units, as the script does.
		u := append(slices.Clone(prev[:k]), utf16Of(voc[i+1:j])...)
		toks = append(toks, stringOf(u))
		prev = u
		i = j
	}
	r := &bitReader{t: t, s: parts[1]}
	var byRank [6]uint8
	for i := range byRank {
		byRank[i] = uint8(r.bits(3))
	}
	class := func() uint8 {
		k := 0
		for k < 5 && r.bit() == 1 {
			k++
		}
		return byRank[k]
	}
	var lists [][]posting
	var refs [][]int32
	for range toks {
		k := r.gamma()
		var ids []int32
		if k >= refMin && r.bit() == 1 {
			base := refs[len(refs)-r.gamma()]
			d := r.set(r.gamma()-1, n)
			ids, _ = symDiff(base, d, n+1, nil)
			if len(ids) != k {
				t.Fatalf("token %d: reference gives %d members, want %d", len(lists), len(ids), k)
			}
		} else if 2*k <= n {
			ids = r.set(k, n)
		} else {
			ids = complement(r.set(n-k, n), n, nil)
		}
		if k >= refMin {
			refs = append(refs, ids)
		}
		classes := make([]uint8, k)
		switch {
		case k == 1:
			classes[0] = class()
		case r.bit() == 0:
			for j := range classes {
				classes[j] = class()
			}
		default:
			c := class()
			for j := range classes {
				classes[j] = c
			}
			e := r.gamma() - 1
			b, last := riceParam(k, e), -1
			for range e {
				last += r.rice(b) + 1
				classes[last] = class()
			}
		}
		ps := make([]posting, k)
		for j, id := range ids {
			ps[j] = newPosting(id, classes[j])
		}
		lists = append(lists, ps)
	}
	if !r.rest() {
		t.Fatalf("shard: bits left after %d tokens", len(toks))
	}
	return toks, lists
}

func utf16Of(s string) []uint16  { return utf16.Encode([]rune(s)) }
func stringOf(u []uint16) string { return string(utf16.Decode(u)) }

func TestLayout(t *testing.T) {
	d := synthetic(1500, 7)
	x, err := Build(d)
	if err != nil {
		t.Fatal(err)
	}
	// The entry's name has a hash of its content, which holds a hash of
	// all the other files'; these have names of their own.
	name := regexp.MustCompile(`^search/(meta|[tcsb]\.(0|[1-9][0-9]*)|fc|fl)\.json$`)
	for p := range x.Files {
		if !name.MatchString(p) {
			t.Errorf("file %q: want search/meta.<8 hex>.json, search/<t, c, s or b>.<number>.json, fc.json or fl.json", p)
		}
	}
	m := decodedMeta(t, x)
	if m.Format != Format || m.N != 1500 || m.Chunk != cardChunk {
		t.Errorf("meta v=%d n=%d ck=%d", m.Format, m.N, m.Chunk)
	}
	if len(m.Shards) < 2 || len(m.Sizes) != len(m.Shards) {
		t.Fatalf("%d shard keys, %d sizes: want several, one size each", len(m.Shards), len(m.Sizes))
	}
	if _, ok := x.Files["search/"+shardFile(len(m.Shards))]; ok {
		t.Errorf("a shard beyond the %d keys", len(m.Shards))
	}

	// The shards, read back in order, are the whole inverted index; each
	// starts with its key's group, and no two-letter group spans two
	// shards unless it is larger than a shard.
	p := invert(d, nil)
	var vocab []string
	var lists [][]posting
	for i := range m.Shards {
		f := shardFile(i)
		toks, ls := decodeShard(t, x.Files["search/"+f], len(d.Members))
		if len(toks) != len(ls) {
			t.Fatalf("shard %s: %d tokens, %d lists", f, len(toks), len(ls))
		}
		if prefixOf(toks[0], len([]rune(m.Shards[i]))) != m.Shards[i] || len([]rune(m.Shards[i])) < 2 && len(toks[0]) >= 2 {
			t.Errorf("shard %d starts with %q, key %q", i, toks[0], m.Shards[i])
		}
		if i > 0 && prefix(vocab[len(vocab)-1]) == prefix(toks[0]) {
			g, size := prefix(toks[0]), 0
			for k, tok := range p.vocab {
				if prefix(tok) == g {
					size += len(tok) + listBytes(len(p.lists[k]), len(d.Members))
				}
			}
			if size <= splitTarget {
				t.Errorf("group %q of %d bytes split between shards %d and %d", g, size, i-1, i)
			}
		}
		if size := len(x.Files["search/"+f]); size > 2*shardTarget && len(toks) > 0 && prefixOf(toks[0], len([]rune(m.Shards[i]))+1) != prefixOf(toks[len(toks)-1], len([]rune(m.Shards[i]))+1) {
			t.Errorf("shard %d is %d bytes with several groups", i, size)
		}
		vocab = append(vocab, toks...)
		lists = append(lists, ls...)
	}
	if !reflect.DeepEqual(vocab, p.vocab) {
		t.Fatal("shards do not hold the vocabulary")
	}
	if !reflect.DeepEqual(lists, p.lists) {
		t.Fatal("shards do not hold the postings")
	}

	// Cards: flat arrays, cardFields values a member, all strings but
	// the number of thanks; the language only where it is not the site's.
	var n, other int
	chunks := (1500 + cardChunk - 1) / cardChunk
	if _, ok := x.Files["search/"+cardFile(chunks)]; ok {
		t.Errorf("a card chunk beyond the %d of 1500 members", chunks)
	}
	for i := range chunks {
		var c []any
		if err := json.Unmarshal(x.Files["search/"+cardFile(i)], &c); err != nil {
			t.Fatal(err)
		}
		if i < chunks-1 && len(c) != cardFields*cardChunk || len(c)%cardFields != 0 {
			t.Errorf("card chunk %d has %d values", i, len(c))
		}
		for j := 0; j < len(c); j += cardFields {
			mem := d.Members[n]
			lang := ""
			if mem.Languages[0] != d.Config.Language {
				lang = mem.Languages[0]
				other++
			}
			if want := []any{mem.Slug, mem.Name, mem.Role, mem.Company, mem.Location, mem.Mission, lang, float64(len(mem.ThankedBy))}; !slices.Equal(c[j:j+cardFields], want) {
				t.Errorf("card %d = %q, want %q", n, c[j:j+cardFields], want)
			}
			n++
		}
	}
	if n != 1500 {
		t.Errorf("%d cards, want 1500", n)
	}
	if other == 0 || other == n {
		t.Errorf("%d of %d members write in another language than the site's; the test needs some of both", other, n)
	}

	// Member columns: each value's members, as many as the entry
	// counts; a member has one location at most.
	var cats string
	var places [3]string
	if err := json.Unmarshal(x.Files["search/"+catsFile], &cats); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(x.Files["search/"+placesFile], &places); err != nil {
		t.Fatal(err)
	}
	for _, col := range []struct {
		bits   string
		values int
		counts []int
	}{{cats, len(m.Categories), m.CatCount}, {places[0], len(m.Locations), m.LocCount}, {places[1], len(m.Languages), m.LangCount}, {places[2], 1, []int{m.Thanked}}} {
		if len(col.counts) != col.values {
			t.Errorf("%d counts for %d values", len(col.counts), col.values)
		}
		r := &bitReader{t: t, s: col.bits}
		seen := map[int32]int{}
		rest := complement(nil, 1500, nil)
		for v := range col.values {
			if col.bits != places[0] {
				ids := r.members(1500)
				for _, id := range ids {
					seen[id]++
				}
				if len(ids) != col.counts[v] {
					t.Errorf("value %d has %d members, the entry counts %d", v, len(ids), col.counts[v])
				}
				continue
			}
			var mine []int32
			js := r.members(len(rest))
			if len(js) != col.counts[v] {
				t.Errorf("location %d has %d members, the entry counts %d", v, len(js), col.counts[v])
			}
			for _, j := range js {
				mine = append(mine, rest[j])
				seen[rest[j]]++
			}
			rest = slices.DeleteFunc(rest, func(id int32) bool { return slices.Contains(mine, id) })
		}
		if !r.rest() {
			t.Errorf("member column: bits left after %d values", col.values)
		}
		if col.bits == places[0] && len(slices.Collect(maps.Values(seen))) > 0 && slices.Max(slices.Collect(maps.Values(seen))) > 1 {
			t.Error("a member with two locations")
		}
	}
}

func TestFacets(t *testing.T) {
	x, err := Build(fixture())
	if err != nil {
		t.Fatal(err)
	}
	m := decodedMeta(t, x)
	if want := []string{"Bonn", "Düsseldorf", "Köln", "Siegburg"}; !reflect.DeepEqual(m.Locations, want) {
		t.Errorf("locations %q, want %q (Bonn-Beuel with Bonn, Köln-Ehrenfeld and Koeln with Köln)", m.Locations, want)
	}
	if want := []string{"de", "en", "fr", "tr"}; !reflect.DeepEqual(m.Languages, want) {
		t.Errorf("languages %q, want %q", m.Languages, want)
	}
	var ids []string
	for _, c := range m.Categories {
		ids = append(ids, c[0])
	}
	if want := []string{"foto-video", "handwerk", "steuern-finanzen", "it-technik", "recht", "sprache-text"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("categories %q, want %q", ids, want)
	}
}

// TestThanked checks how the index tells who was thanked for a
// referral: the entry counts them (tn), the third column of the places
// file holds them, and each card has the number of thanks last.
func TestThanked(t *testing.T) {
	d := fixture()
	x, err := Build(d)
	if err != nil {
		t.Fatal(err)
	}
	m := decodedMeta(t, x)
	if m.Thanked != 3 {
		t.Errorf("the entry counts %d members thanked, want 3", m.Thanked)
	}
	var places []string
	if err := json.Unmarshal(x.Files["search/"+placesFile], &places); err != nil || len(places) != 3 {
		t.Fatalf("%s is not an array of three strings: %v %s", placesFile, err, x.Files["search/"+placesFile])
	}
	r := &bitReader{t: t, s: places[2]}
	var got []string
	for _, id := range r.members(len(d.Members)) {
		got = append(got, d.Members[id].Slug)
	}
	if !r.rest() {
		t.Error("thanked column: bits left after its members")
	}
	if want := []string{"anna-mueller", "claire-dubois", "jonas-mueller"}; !slices.Equal(got, want) {
		t.Errorf("thanked column has %q, want %q", got, want)
	}
	thanks := map[string]float64{}
	for i := 0; i*cardChunk < len(d.Members); i++ {
		var c []any
		if err := json.Unmarshal(x.Files["search/"+cardFile(i)], &c); err != nil {
			t.Fatal(err)
		}
		for j := 0; j+cardFields <= len(c); j += cardFields {
			thanks[c[j].(string)] = c[j+cardFields-1].(float64)
		}
	}
	for slug, want := range map[string]float64{"jonas-mueller": 2, "anna-mueller": 1, "claire-dubois": 1, "ines-berg": 0} {
		if thanks[slug] != want {
			t.Errorf("card of %s: %v thanks, want %v", slug, thanks[slug], want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	a, err := Build(synthetic(300, 3))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Build(synthetic(300, 3))
	if a.Entry != b.Entry || !maps.EqualFunc(a.Files, b.Files, bytes.Equal) {
		t.Fatal("two builds of the same directory differ")
	}
}

func TestFingerprints(t *testing.T) {
	d := synthetic(600, 5)
	a, _ := Build(d)
	d.Members[0].Why += " Zebrastreifen"
	b, _ := Build(d)
	var changed, kept []string
	for p := range a.Files {
		if bytes.Equal(a.Files[p], b.Files[p]) {
			kept = append(kept, p)
		} else {
			changed = append(changed, p)
		}
	}
	slices.Sort(changed)
	// The entry (under its fixed name, with a new version) and the shard
	// holding "zebrastreifen" change; the other files keep their bytes,
	// so that a build need not write them again.
	if len(changed) != 2 || !slices.Contains(changed, a.Entry) || !strings.HasPrefix(changed[1], "search/t.") {
		t.Errorf("changed files %q, want the entry and one shard", changed)
	}
	if len(kept) != len(a.Files)-2 || len(b.Files) != len(a.Files) {
		t.Errorf("kept %d of %d files, now %d", len(kept), len(a.Files), len(b.Files))
	}
	if decodedMeta(t, a).Version == decodedMeta(t, b).Version {
		t.Error("the version did not change")
	}
	// The pages name the entry: it keeps its name, so that they do not
	// change when only the index does.
	if a.Entry != b.Entry || a.Entry != "search/meta.json" {
		t.Errorf("entry %q, then %q; want search/meta.json both times", a.Entry, b.Entry)
	}
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// sizes are the gzipped sizes of a built index and the script.
type sizes struct {
	script, meta, shards, maxShard, maxPrefetch, cards, maxCard int
}

// firstSearch bounds what a first one-word search downloads: the script,
// the entry, the shards its first letter prefetches or the shard its
// second letter needs, whichever is larger, and a chunk for each card of
// the first page of results.
func (s sizes) firstSearch() int {
	return s.script + s.meta + max(s.maxShard, s.maxPrefetch) + resultsPage*s.maxCard
}

// resultsPage is the script's PAGE: cards rendered before "show more".
const resultsPage = 12

func measure(t *testing.T, x *Index) sizes {
	t.Helper()
	s := sizes{script: gzipSize(minifiedSource(t))} // as the site publishes it
	for p, b := range x.Files {
		n := gzipSize(b)
		switch {
		case p == x.Entry:
			s.meta = n
		case strings.HasPrefix(p, "search/t."):
			s.shards += n
			s.maxShard = max(s.maxShard, n)
		case strings.HasPrefix(p, "search/c."):
			s.cards += n
			s.maxCard = max(s.maxCard, n)
		}
	}
	// What the script's prefetch loads for a first letter (see
	// TestScriptPrefetch): the letter's shards, when one, or when they
	// stay within prefetchBytes together.
	m := decodedMeta(t, x)
	for _, r := range prefetchLetters {
		from, to, ok := prefetched(m, Fold(string(r)))
		gz := 0
		for i := from; i <= to; i++ {
			gz += gzipSize(x.Files["search/"+shardFile(i)])
		}
		if ok {
			s.maxPrefetch = max(s.maxPrefetch, gz)
		}
	}
	return s
}

// prefetchLetters are the first letters TestScriptPrefetch and TestSize
// try.
const prefetchLetters = "abcdefghijklmnopqrstuvwxyzäöü"

// prefetched returns the shards the script's prefetch loads for the
// folded letter l: from the last shard whose first key is at or before l
// to the last at or before the letter's last word, when that is one shard
// or their sizes stay within prefetchBytes; ok is false when it loads
// none.
func prefetched(m meta, l string) (from, to int, ok bool) {
	shardOf := func(p string) int {
		i := 0
		for k, key := range m.Shards {
			if key <= p {
				i = k
			}
		}
		return i
	}
	from, to = shardOf(l), shardOf(l+"\uffff")
	return from, to, from == to || sum(m.Sizes[from:to+1]) <= prefetchBytes
}

func scriptPath(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs("../../../../templates/assets/search.js")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSize checks the download of a first search at 1,000 and 10,000
// members and logs the whole index.
func TestSize(t *testing.T) {
	for _, tc := range []struct {
		n, limit int
	}{
		{1000, 60 << 10},
		{10000, 125 << 10},
	} {
		if tc.n > 1000 && testing.Short() {
			continue
		}
		x, err := Build(synthetic(tc.n, 1))
		if err != nil {
			t.Fatal(err)
		}
		s := measure(t, x)
		t.Logf("%d members, gzipped: first search %.1f KB (script %.1f, entry %.1f, largest shard %.1f, largest prefetch %.1f, %d card chunks of at most %.1f); whole index %.1f KB (shards %.1f, cards %.1f) in %d files",
			tc.n, toKB(s.firstSearch()), toKB(s.script), toKB(s.meta), toKB(s.maxShard), toKB(s.maxPrefetch), resultsPage, toKB(s.maxCard),
			toKB(s.meta+s.shards+s.cards), toKB(s.shards), toKB(s.cards), len(x.Files))
		if s.firstSearch() > tc.limit {
			t.Errorf("%d members: a first search downloads up to %.1f KB gzipped, want under %.0f KB", tc.n, toKB(s.firstSearch()), toKB(tc.limit))
		}
	}
}

func toKB(n int) float64 { return float64(n) / 1024 }

// TestSummaries checks, at 10,000 members, where some two-letter groups
// are cut between shards, that each prefix whose words span shards has a
// summary, and no other, and that a summary has the members of the
// prefix as a word and, apart, each member of a longer word with the
// prefix in its best class.
func TestSummaries(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 members")
	}
	d := synthetic(10000, 2)
	x, err := Build(d)
	if err != nil {
		t.Fatal(err)
	}
	m := decodedMeta(t, x)
	p := invert(d, nil)
	// Each word's shard, from the keys as the script finds it.
	shardOf := make([]int, len(p.vocab))
	for k, w := range p.vocab {
		for i, key := range m.Shards {
			if key <= w {
				shardOf[k] = i
			}
		}
	}
	spans := map[string]bool{}
	for k, w := range p.vocab {
		r := []rune(w)
		for l := 2; l <= len(r); l++ {
			q := string(r[:l])
			from, _ := slices.BinarySearch(p.vocab, q)
			if from < k && shardOf[from] != shardOf[k] {
				spans[q] = true
			}
		}
	}
	if len(spans) == 0 {
		t.Fatal("no prefix spans shards; the test needs some")
	}
	if got := slices.Sorted(maps.Keys(spans)); !slices.Equal(m.Summaries, got) {
		t.Fatalf("summaries %q,\nwant the prefixes that span shards %q", m.Summaries, got)
	}
	for i, q := range m.Summaries {
		toks, lists := decodeSummary(t, x.Files["search/"+summaryFile(i)], len(d.Members))
		best := map[int32]uint8{}
		var exact []posting
		for k, w := range p.vocab {
			switch {
			case w == q:
				exact = p.lists[k]
			case strings.HasPrefix(w, q):
				for _, ps := range p.lists[k] {
					if c, ok := best[ps.id()]; !ok || ps.class() < c {
						best[ps.id()] = ps.class()
					}
				}
			}
		}
		var longer []posting
		for _, id := range slices.Sorted(maps.Keys(best)) {
			longer = append(longer, newPosting(id, best[id]))
		}
		wantToks, wantLists := []string{q + "~"}, [][]posting{longer}
		if exact != nil {
			wantToks, wantLists = []string{q, q + "~"}, [][]posting{exact, longer}
		}
		if !slices.Equal(toks, wantToks) || !reflect.DeepEqual(lists, wantLists) {
			t.Errorf("summary of %q: words %q and their postings differ from the index's", q, toks)
		}
		for _, ps := range exact {
			best[ps.id()] = 0
		}
		want := make([]int, len(m.Categories))
		for id := range best {
			for _, c := range d.Members[id].Categories {
				want[slices.IndexFunc(m.Categories, func(v [2]string) bool { return v[0] == c.ID })]++
			}
		}
		if got := summaryCounts(t, x.Files["search/"+summaryFile(i)]); !slices.Equal(got, want) {
			t.Errorf("summary of %q counts %v by category, its members are %v", q, got, want)
		}
	}
}

// summaryCounts returns a summary's counts by category.
func summaryCounts(t *testing.T, data []byte) []int {
	t.Helper()
	var parts []json.RawMessage
	var counts []int
	if err := json.Unmarshal(data, &parts); err != nil || len(parts) != 3 || json.Unmarshal(parts[2], &counts) != nil {
		t.Fatalf("summary is not an array of three ending in counts: %v %.80s", err, data)
	}
	return counts
}

// decodeSummary reads a summary's words and postings.
func decodeSummary(t *testing.T, data []byte, n int) ([]string, [][]posting) {
	t.Helper()
	var parts []json.RawMessage
	if err := json.Unmarshal(data, &parts); err != nil || len(parts) != 3 {
		t.Fatalf("summary is not an array of three: %v %.80s", err, data)
	}
	shard, _ := json.Marshal([]json.RawMessage{parts[0], parts[1], []byte(`""`), []byte(`{}`), []byte(`0`)})
	return decodeShard(t, shard, n)
}
