// Package search builds the index of the site's client-side search: an
// inverted index from folded words (see Fold) to the members having them,
// each posting marked with the best field the word occurs in, split into
// files that the script templates/assets/search.js fetches on demand.
// The files are the format's spec:
//
//   - search/meta.json, the entry, loaded with the page and revalidated
//     with the server each time (its name stays, so that the pages naming
//     it do not change with the index): the stop words, the filter values with
//     the number of members of each (tn: of those thanked for a referral,
//     the one value of the filter by thanks), the first two-letter group
//     and size of each shard, and the version h, a hash of all the other
//     files. It grows with the vocabulary's shards and the filter values,
//     not with the members.
//   - search/t.<i>.json, the shards: the postings of contiguous ranges
//     of the sorted vocabulary (see encodeShard), cut between two-letter
//     prefix groups, so that one shard answers a word, its prefixes and
//     its one-typo neighbours that share its first two letters. A group
//     larger than splitTarget is cut between its three-letter groups, and
//     so on (see shards): in a large directory a word's typo neighbours
//     are those in its shard, which share its first three letters or more.
//   - search/s.<i>.json, the summaries, one for each prefix whose words
//     span shards (the entry's sp): the members having the prefix as a
//     word and those having longer words that begin with it, each in its
//     best class, in a shard's format (see summary). A word typed so far
//     is answered by its summary or else by the one shard holding all the
//     words it begins, never by several shards.
//
// A shard is a JSON array of five: its words front-coded, their postings
// as bits (see encodeShard), and what counts the results by category
// without the column of all members: its own categories column, of the
// members of its words that are not big (see localColumn), the counts by
// category of the members of each big prefix (see prefixCounts), and the
// number of its first big word, whose categories column is in
// search/b.<number>.json, the next big word's in the next file (see
// bigFile); in a small directory, "", {} and the number of big words
// before it, 0. A summary is an array of three: its words, their
// postings, and its number of members in each category.
//   - search/c.<i>.json, the card chunks: what a result card shows of
//     cardChunk consecutive members (see cardFields), loaded only for the
//     results shown: cardFields-1 strings and the number of thanks the
//     member got, a member after the other.
//   - search/fc.json, the members of each category, for the counts by
//     category and the filter by category, loaded only when neither a
//     shard's own column nor a summary's counts can tell them (a filter,
//     or several words all answered by summaries); search/fl.json, the
//     members of each location and language and those thanked for a
//     referral, loaded when the visitor turns to those filters or filters
//     by them (see columns).
//
// Members are numbered in the directory's order. The script asks for
// every file but the entry with ?v=<h>: the names stay the same from one
// build to the next, and a file whose content did not change keeps its
// bytes, but a browser's cache never mixes files of two builds. A first
// search thus fetches the entry, a summary or shard for each prefix
// typed, and the chunks of the cards shown once typing pauses. The postings and the member columns are bits in
// compact codes (see bits.go and encodeShard), which gzip leaves about as
// they are. The same directory always gives the same bytes.
package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/parallel"
)

// Index is the search index of a directory as files.
type Index struct {
	// Files maps slash paths relative to the site root, all under
	// "search/", to their content.
	Files map[string][]byte
	// Entry is the path of the file the script loads first.
	Entry string
}

// Format is the version of the file layout; the script checks it.
const Format = 5

const (
	// cardChunk is the number of members per card chunk: small, because
	// the results shown first are spread over the whole directory.
	cardChunk = 16
	// shardTarget is the size a shard grows to before the next one starts,
	// as shards estimates it from the bits its lists take (listBytes).
	// It keeps the largest shard, which a first search may fetch, as it
	// was when shards counted two bytes a posting (what a text code of
	// the postings took): some 8 KB gzipped at 1,000 members and 15 KB
	// at 10,000. Counting bits cuts fewer, larger shards where members
	// are few and postings dense, and more of a shard's tokens find a
	// reference (see encodeShard): at 1,000 members of the benchmark's
	// generator, the shards shrank from 53 to 45 KB gzipped. A two-letter
	// group larger than the target is a shard of its own.
	shardTarget = 12 << 10
	// cardFields is the number of values a member has in a card chunk:
	// the strings slug, name, role, company, location, mission, and the
	// language the member writes in when it is not the site's (else ""),
	// for the lang attribute that the static card carries too; then the
	// number of thanks the member got (len(ThankedBy), 0 for most), for
	// the static card's line about them.
	cardFields = 8
	// splitTarget is the size of a group beyond which shards cuts it. A
	// group of up to twice the target stays whole, as it did before
	// groups were cut: one file answers all its words, and at 1,000
	// members of the benchmark's generator no group is cut. At 100,000,
	// the group "st" alone held 142 KB gzipped, fetched by any word
	// beginning with it.
	splitTarget = 2 * shardTarget
	// bigShare is the share of all members, 1/bigShare, from which a
	// word is big: see localColumn.
	bigShare = 16
)

// meta is the entry file. Per-member columns are indexed by member number,
// the position in the directory's order; they are in files of their own
// (see facetFiles), which the script loads only when an answer needs them.
type meta struct {
	Format  int      `json:"v"`
	N       int      `json:"n"`
	Version string   `json:"h"`    // hash of all the other files: see versioned
	Stop    string   `json:"stop"` // folded stop words, space-separated
	Shards  []string `json:"sk"`   // first group of each shard: see shards
	// Summaries are the prefixes whose words span shards, in order: the
	// i-th is answered by summaryFile(i) (see summary).
	Summaries []string `json:"sp"`
	Sizes     []int    `json:"ss"` // shard files' sizes in bytes, for the script's prefetch
	Chunk     int      `json:"ck"` // members per card chunk
	// Big is the fewest members of a word whose members a shard's own
	// categories column leaves out, or 0 when shards have none (see
	// localColumn).
	Big int `json:"bg"`

	Categories [][2]string `json:"cat"`  // ID and label
	Locations  []string    `json:"loc"`  // labels
	Languages  []string    `json:"lang"` // ISO 639-1 codes

	// The number of members of each category, location and language, in
	// the order of cat, loc and lang: the filters' counts before any
	// search, without the columns.
	CatCount  []int `json:"cn"`
	LocCount  []int `json:"ln"`
	LangCount []int `json:"gn"`
	// Thanked is the number of members thanked for a referral (with a
	// ThankedBy): the count of the filter by thanks, which has this one
	// value. The filter is offered when it is not 0.
	Thanked int `json:"tn"`
}

// columns are the members of each category, location and language, in
// the order of the entry's cat, loc and lang: bits (see bits.go) holding
// for each value its members as bitWriter.members writes them, the
// locations as disjoint writes them. thanked holds the members thanked
// for a referral, as bitWriter.members writes them: the one value of
// the filter by thanks.
type columns struct {
	cats, locs, langs, thanked string
	// byMember holds each member's categories, by their place in cat.
	byMember [][]int32
}

// The names of the index's files below search/, but for the entry's.
const (
	catsFile   = "fc.json" // the categories column, a JSON string
	placesFile = "fl.json" // the locations, languages and thanked columns, an array of three strings
)

// shardFile and cardFile name the i-th shard and card chunk.
func shardFile(i int) string { return "t." + strconv.Itoa(i) + ".json" }
func cardFile(i int) string  { return "c." + strconv.Itoa(i) + ".json" }

// bigFile names the categories column of the i-th big word, in the
// order of the vocabulary (see localColumn).
func bigFile(i int) string { return "b." + strconv.Itoa(i) + ".json" }

// summaryFile names the i-th summary.
func summaryFile(i int) string { return "s." + strconv.Itoa(i) + ".json" }

// Build returns the search index files of the directory, keyed by slash
// path relative to the site root, and Entry, the path of the file the
// script loads first.
func Build(d *member.Directory) (*Index, error) {
	return BuildCached(d, nil)
}

// BuildCached is Build reusing the tokens of unchanged members from c.
func BuildCached(d *member.Directory, c *Cache) (*Index, error) {
	x := &Index{Files: map[string][]byte{}}
	m := &meta{Format: Format, N: len(d.Members), Stop: stopList, Chunk: cardChunk, Summaries: []string{},
		Categories: [][2]string{}, Locations: []string{}, Languages: []string{}}
	cols := facetsCached(d, m, c)
	if err := x.add(catsFile, cols.cats); err != nil {
		return nil, err
	}
	if err := x.add(placesFile, [3]string{cols.locs, cols.langs, cols.thanked}); err != nil {
		return nil, err
	}

	if len(cols.cats) > shardTarget {
		m.Big = max(len(d.Members)/bigShare, 1)
	}
	p := invert(d, c)
	spans := shards(p, len(d.Members))
	b := &indexBuild{x: x, m: m, p: p, cols: cols, n: len(d.Members),
		r:    reuse(c.lastIndex(), p, spans, len(d.Members), m.Big, len(m.Categories), cols.cats),
		next: &lastIndex{n: len(d.Members), big: m.Big, categories: len(m.Categories), cats: cols.cats, summaries: map[string][]byte{}}}
	if err := b.shardFiles(spans); err != nil {
		return nil, err
	}
	m.Summaries = summaries(p, spans)
	if err := b.summaryFiles(); err != nil {
		return nil, err
	}
	if err := x.cardFiles(d, c); err != nil {
		return nil, err
	}
	m.Version = x.version()
	data, err := encode(m)
	if err != nil {
		return nil, err
	}
	// The entry's name is fixed, so that the pages naming it do not change
	// when only the index does (a rebuild after one edit then rewrites a
	// few files, not every page); the script revalidates it on each load.
	x.Entry = "search/meta.json"
	x.Files[x.Entry] = data
	if c != nil {
		b.next.vocab = slices.Clone(p.vocab)
		c.index = b.next
	}
	return x, nil
}

// indexBuild is what BuildCached's steps share: the index being made,
// its entry, the postings and facets it is made from, what it can reuse
// of the last build's, and what it keeps for the next.
type indexBuild struct {
	x    *Index
	m    *meta
	p    *postings
	cols columns
	n    int // members
	r    *reusable
	next *lastIndex
}

// shardFiles adds the file of each shard of spans, with the files of its
// big words, to the index. At 100,000 members encoding the shards took
// 2.4 s on one core, so they are encoded on every core (package
// parallel). A shard's big words are numbered on from those of the
// shards before it (see bigFile), and a reused shard must follow as many
// as it did in the last build: the first pass, in order, decides which
// shards are reused and where each one's numbers start, counting the big
// words of the others, so that each can then be encoded on its own. The
// files go into the index in shard order, the same bytes as one core
// would make.
func (b *indexBuild) shardFiles(spans []span) error {
	out := make([]lastShard, len(spans))
	reused := make([]bool, len(spans))
	bigs := 0 // big words so far: see bigFile
	for i, s := range spans {
		if l := b.r.shard(i, s, b.p.vocab, bigs); l != nil {
			out[i] = lastShard{span: s, firstBig: bigs, bigs: l.bigs, names: l.names, data: l.data, shardBytes: l.shardBytes}
			reused[i] = true
		} else {
			out[i] = lastShard{span: s, firstBig: bigs, bigs: b.bigWords(s)}
		}
		bigs += out[i].bigs
	}
	err := parallel.Each(len(spans), func(i int) error {
		if reused[i] {
			return nil
		}
		return b.encodeShardFiles(i, &out[i])
	})
	if err != nil {
		return err
	}
	for i, l := range out {
		for j, f := range l.names {
			b.x.Files["search/"+f] = l.data[j]
		}
		b.m.Shards = append(b.m.Shards, l.span.key)
		b.m.Sizes = append(b.m.Sizes, l.shardBytes)
		b.next.shards = append(b.next.shards, l)
		if reused[i] {
			b.next.reused++
		}
	}
	return nil
}

// bigWords returns the number of big words of span s: those with
// m.Big members or more, none when m.Big is 0 (see localColumn).
func (b *indexBuild) bigWords(s span) int {
	if b.m.Big == 0 {
		return 0
	}
	k := 0
	for _, l := range b.p.lists[s.from:s.to] {
		if len(l) >= b.m.Big {
			k++
		}
	}
	return k
}

// encodeShardFiles makes the files of shard i, whose span and first big
// word number l holds: its own file first, then those of its big words in
// order, into l's names and data. It reads what the build shares and
// writes only l, so that the shards can be encoded at once.
func (b *indexBuild) encodeShardFiles(i int, l *lastShard) error {
	m, p, s, cat := b.m, b.p, l.span, len(b.m.Categories)
	sh, own, counts := encodeShard(p, b.n, s.from, s.to), "", map[string][]int{}
	var bigNames []string
	var bigData [][]byte
	if m.Big > 0 {
		var small [][]posting
		big := l.firstBig // this word's number, if big: see bigFile
		for _, w := range p.lists[s.from:s.to] {
			if len(w) < m.Big {
				small = append(small, w)
				continue
			}
			// A word of half the members or more is numbered but has no
			// file: the script loads the whole column instead (see
			// plan in search.js).
			if 2*len(w) < b.n {
				data, err := encode(localColumn(members([][]posting{w}), b.cols.byMember, cat))
				if err != nil {
					return err
				}
				bigNames = append(bigNames, bigFile(big))
				bigData = append(bigData, data)
			}
			big++
		}
		own = localColumn(members(small), b.cols.byMember, cat)
		counts = prefixCounts(p, s, m.Big, b.cols.byMember, cat)
	}
	data, err := encode([]any{sh[0], sh[1], own, counts, l.firstBig})
	if err != nil {
		return err
	}
	l.names = append([]string{shardFile(i)}, bigNames...)
	l.data = append([][]byte{data}, bigData...)
	l.shardBytes = len(data)
	return nil
}

// summaryFiles adds the file of each summary the entry names. Like the
// shards, the summaries are made on every core: at 100,000 members
// gathering and encoding them took 2.7 s on one. Which are reused is
// decided first, and the files go into the index in order.
func (b *indexBuild) summaryFiles() error {
	data := make([][]byte, len(b.m.Summaries))
	reused := make([]bool, len(b.m.Summaries))
	for i, q := range b.m.Summaries {
		data[i] = b.r.summary(q)
		reused[i] = data[i] != nil
	}
	err := parallel.Each(len(data), func(i int) error {
		if reused[i] {
			return nil
		}
		var err error
		data[i], err = b.summaryFile(b.m.Summaries[i])
		return err
	})
	if err != nil {
		return err
	}
	for i, q := range b.m.Summaries {
		b.x.Files["search/"+summaryFile(i)] = data[i]
		b.next.summaries[q] = data[i]
		if reused[i] {
			b.next.reused++
		}
	}
	return nil
}

// summaryFile returns the file of the summary of prefix q: its words,
// their postings and its number of members in each category.
func (b *indexBuild) summaryFile(q string) ([]byte, error) {
	s := summary(b.p, q, b.n)
	sh := encodeShard(s, b.n, 0, len(s.vocab))
	counts := make([]int, len(b.m.Categories))
	for _, id := range members(s.lists) {
		for _, c := range b.cols.byMember[id] {
			counts[c]++
		}
	}
	return encode([]any{sh[0], sh[1], counts})
}

// cardFiles adds the files of the result cards, cardChunk members each.
func (x *Index) cardFiles(d *member.Directory, c *Cache) error {
	for i := 0; i < len(d.Members); i += cardChunk {
		chunk := d.Members[i:min(i+cardChunk, len(d.Members))]
		data, err := c.cardsCached(i/cardChunk, chunk, d.Config.Language, func() ([]byte, error) {
			var card []any
			for _, mem := range chunk {
				card = append(card, mem.Slug, mem.Name, mem.Role, mem.Company, mem.Location, mem.Mission, otherLang(mem, d.Config.Language), len(mem.ThankedBy))
			}
			return encode(card)
		})
		if err != nil {
			return err
		}
		x.Files["search/"+cardFile(i/cardChunk)] = data
	}
	c.dropCardsFrom((len(d.Members) + cardChunk - 1) / cardChunk)
	return nil
}

// version returns a hash of the files so far, path and content, in path
// order. The script asks for each file with it as the query (see
// versioned in search.js): the files' names stay the same from one build
// to the next, so that a build can leave unchanged ones alone, and a
// browser's cache still never answers with a file of an earlier build,
// whose members may be numbered otherwise.
func (x *Index) version() string {
	paths := slices.Sorted(maps.Keys(x.Files))
	h := sha256.New()
	for _, p := range paths {
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(x.Files[p]))
		h.Write(x.Files[p])
	}
	return hex.EncodeToString(h.Sum(nil)[:4])
}

// otherLang returns the language mem writes in, the first of their
// languages, when it is not site, the site's language; else "". The
// static card decides its lang attribute so too (langAttr in package
// render).
func otherLang(mem *member.Member, site string) string {
	if len(mem.Languages) > 0 && mem.Languages[0] != site {
		return mem.Languages[0]
	}
	return ""
}

// add stores v as JSON under search/name. The files are fetched as
// data, never embedded in a page, so HTML characters stay unescaped.
func (x *Index) add(name string, v any) error {
	data, err := encode(v)
	if err != nil {
		return err
	}
	x.Files["search/"+name] = data
	return nil
}

// encode returns v as JSON without HTML escapes and the final newline.
func encode(v any) ([]byte, error) {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// facets fills the filter values and each member's values. Categories
// keep the directory's order and drop the empty ones. Languages are
// sorted by how many members speak them. Locations are grouped by place
// (see places) and sorted for a reader of the site's language.
func facets(d *member.Directory, m *meta) columns {
	catIndex := map[string]int{}
	for _, c := range d.Categories {
		if len(c.Members) > 0 {
			catIndex[c.ID] = len(m.Categories)
			m.Categories = append(m.Categories, [2]string{c.ID, c.Label})
		}
	}

	labels, placeOf := places(d.Members)
	tag := language.German
	if d.Config.Language == "en" {
		tag = language.English
	}
	col := collate.New(tag, collate.Loose)
	keys := make([]string, 0, len(labels))
	for k := range labels {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if c := col.CompareString(labels[keys[i]], labels[keys[j]]); c != 0 {
			return c < 0
		}
		return keys[i] < keys[j]
	})
	placeIndex := map[string]int{}
	for i, k := range keys {
		placeIndex[k] = i
		m.Locations = append(m.Locations, labels[k])
	}

	langCount := map[string]int{}
	for _, mem := range d.Members {
		for _, g := range mem.Languages {
			langCount[g]++
		}
	}
	for g := range langCount {
		m.Languages = append(m.Languages, g)
	}
	sort.Slice(m.Languages, func(i, j int) bool {
		a, b := m.Languages[i], m.Languages[j]
		if langCount[a] != langCount[b] {
			return langCount[a] > langCount[b]
		}
		return a < b
	})
	langIndex := map[string]int{}
	for i, g := range m.Languages {
		langIndex[g] = i
	}

	cats := make([][]int32, len(m.Categories))
	locs := make([][]int32, len(m.Locations))
	langs := make([][]int32, len(m.Languages))
	var thanked []int32
	for i, mem := range d.Members {
		id := int32(i)
		if len(mem.ThankedBy) > 0 {
			thanked = append(thanked, id)
		}
		for _, c := range mem.Categories {
			if k, ok := catIndex[c.ID]; ok && !endsWith(cats[k], id) {
				cats[k] = append(cats[k], id)
			}
		}
		if k, ok := placeOf[i]; ok {
			locs[placeIndex[k]] = append(locs[placeIndex[k]], id)
		}
		for _, g := range mem.Languages {
			if k := langIndex[g]; !endsWith(langs[k], id) {
				langs[k] = append(langs[k], id)
			}
		}
	}
	column := func(sets [][]int32) string {
		var w bitWriter
		var scratch []int32
		for _, s := range sets {
			scratch = w.members(s, len(d.Members), scratch)
		}
		return w.String()
	}
	count := func(sets [][]int32) []int {
		n := make([]int, len(sets))
		for i, s := range sets {
			n[i] = len(s)
		}
		return n
	}
	m.CatCount, m.LocCount, m.LangCount, m.Thanked = count(cats), count(locs), count(langs), len(thanked)
	byMember := make([][]int32, len(d.Members))
	for c, ids := range cats {
		for _, id := range ids {
			byMember[id] = append(byMember[id], int32(c))
		}
	}
	return columns{cats: column(cats), locs: disjoint(locs, len(d.Members)), langs: column(langs), thanked: column([][]int32{thanked}), byMember: byMember}
}

// endsWith reports whether id is the last member of set. facets adds
// members in order, so a member already in a set is its last: looking
// through the whole set made facets quadratic, 3 s of a search build at
// 100,000 members.
func endsWith(set []int32, id int32) bool { return len(set) > 0 && set[len(set)-1] == id }

// disjoint writes sets of members that share none, each as
// bitWriter.members writes the positions of its members among those of
// the n members that no set before it has: the later sets are smaller
// subsets of fewer members, which costs less than each of all n.
func disjoint(sets [][]int32, n int) string {
	var w bitWriter
	rest := make([]int32, n) // members in no set so far
	for i := range rest {
		rest[i] = int32(i)
	}
	var pos, scratch []int32
	for _, s := range sets {
		pos = pos[:0]
		j := 0
		for _, id := range s {
			for rest[j] != id {
				j++
			}
			pos = append(pos, int32(j))
		}
		scratch = w.members(pos, len(rest), scratch)
		rest = slices.DeleteFunc(rest, func(id int32) bool { _, ok := slices.BinarySearch(s, id); return ok })
	}
	return w.String()
}

// places groups the members' locations into the values of the location
// filter. Spellings that fold alike (Köln, Koeln) are one place. A
// location with a district or postal code belongs to its town when the
// town is a place of its own: when some member gives it alone, or when
// members name two districts of it. So "Köln-Ehrenfeld", "Köln, Nippes"
// and "50667 Köln" go with "Köln", "Bonn-Beuel" with "Bonn" if someone
// lives in "Bonn-Poppelsdorf", but "Castrop-Rauxel" stays whole. Each
// place is shown in the spelling most of its members use. places returns
// each place's label by key and the place key of each member that has a
// location.
func places(ms []*member.Member) (labels map[string]string, placeOf map[int]string) {
	alone := map[string]bool{}                // folded locations as given
	districts := map[string]map[string]bool{} // folded town → its folded districts
	for _, mem := range ms {
		l := strings.TrimSpace(mem.Location)
		if l == "" {
			continue
		}
		alone[Fold(l)] = true
		t := withoutPostcode(l)
		for i := 1; i < len(t); i++ {
			if strings.IndexByte(districtSep, t[i]) < 0 {
				continue
			}
			d := t[i+1:]
			if j := strings.IndexAny(d, districtSep); j >= 0 {
				d = d[:j]
			}
			k := Fold(t[:i])
			if districts[k] == nil {
				districts[k] = map[string]bool{}
			}
			districts[k][Fold(d)] = true
		}
	}
	known := func(t string) bool { k := Fold(t); return alone[k] || len(districts[k]) > 1 }

	placeOf = map[int]string{}
	counts := map[string]map[string]int{}
	for i, mem := range ms {
		l := strings.TrimSpace(mem.Location)
		if l == "" {
			continue
		}
		l = town(l, known)
		k := Fold(l)
		placeOf[i] = k
		if counts[k] == nil {
			counts[k] = map[string]int{}
		}
		counts[k][l]++
	}
	labels = map[string]string{}
	for k, c := range counts {
		best, bestN := "", 0
		for sp, n := range c {
			if n > bestN || n == bestN && sp < best {
				best, bestN = sp, n
			}
		}
		labels[k] = best
	}
	return labels, placeOf
}

// districtSep lists the characters that set a district off its town.
const districtSep = "-,/"

// town returns the longest part of location l before a district that is
// known as a place of its own ("Köln" of "Köln-Ehrenfeld", "Bonn, Beuel"
// or "50667 Köln"), or l.
func town(l string, known func(string) bool) string {
	t := withoutPostcode(l)
	for end := len(t); end > 0; end = strings.LastIndexAny(t[:end], districtSep) {
		if p := strings.TrimSpace(t[:end]); p != "" && p != l && known(p) {
			return p
		}
	}
	return l
}

// withoutPostcode returns l without a leading postal code.
func withoutPostcode(l string) string {
	if i := strings.IndexByte(l, ' '); i > 0 && strings.Trim(l[:i], "0123456789") == "" {
		return strings.TrimSpace(l[i:])
	}
	return l
}

// span is a shard: the range [from, to) of the vocabulary, whose first
// group is key.
type span struct {
	from, to int
	key      string
}

// shards cuts the vocabulary into shards of about shardTarget bytes,
// between two-letter groups; a group larger than splitTarget is cut
// between its groups one letter longer, and so on. An empty vocabulary still gets one
// (empty) shard, so that every word has a shard to look in.
func shards(p *postings, n int) []span {
	var out []span
	size := 0
	var pack func(from, to, depth int)
	pack = func(from, to, depth int) {
		for i := from; i < to; {
			key := prefixOf(p.vocab[i], depth)
			j, gsize := i, 0
			for ; j < to && prefixOf(p.vocab[j], depth) == key; j++ {
				gsize += len(p.vocab[j]) + listBytes(len(p.lists[j]), n) // see shardTarget
			}
			if gsize > splitTarget && j-i > 1 && depth < maxToken {
				pack(i, j, depth+1)
				i = j
				continue
			}
			if len(out) == 0 || size+gsize > shardTarget {
				out = append(out, span{from: i, key: key})
				size = 0
			}
			out[len(out)-1].to = j
			size += gsize
			i = j
		}
	}
	pack(0, len(p.vocab), 2)
	if len(out) == 0 {
		out = append(out, span{})
	}
	return out
}

// members returns the members of lists, sorted, each once.
func members(lists [][]posting) []int32 {
	var ids []int32
	for _, l := range lists {
		for _, q := range l {
			ids = append(ids, q.id())
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// localColumn writes the categories of the members ids, sorted, as the
// categories column does those of all members (see columns), but with
// each member numbered by its place in ids: a shard's own column, of the
// members of its words that are not big (fewer than the entry's bg
// members). It counts the results by category when a term of the search
// matches only such words of the shard, for they are all among them.
// Big words are left out, for their members would make the column as
// large as the whole one: a word most members have ("linkedin", in
// everyone's links) is a shard of its own. The results of one term that
// matches big words are counted by prefixCounts instead; for several
// terms or a filter, the script loads the columns of the big words one
// term matches, each in a file of its own (see bigFile).
//
// Shards have their own columns when the whole column is larger than a
// shard: at 100,000 members of the benchmark's generator it is 173 KB
// gzipped, more than a first search may download; at 1,000, 2 KB, less
// than the shards' own columns would add to the few shards a search
// fetches.
func localColumn(ids []int32, byMember [][]int32, values int) string {
	sets := make([][]int32, values)
	for pos, id := range ids {
		for _, c := range byMember[id] {
			sets[c] = append(sets[c], int32(pos))
		}
	}
	var w bitWriter
	var scratch []int32
	for _, s := range sets {
		scratch = w.members(s, len(ids), scratch)
	}
	return w.String()
}

// prefixCounts returns, for each prefix of two letters or more of a big
// word of span s whose words are all in s (the others have summaries),
// the number of members in each category of the members of its words.
// A big word has big prefixes: a search for one of them, alone and
// without a filter, is counted by it, and the members of its one-typo
// neighbours, if they are not big, by the shard's own column.
func prefixCounts(p *postings, s span, big int, byMember [][]int32, values int) map[string][]int {
	out := map[string][]int{}
	seen, gen := make([]int32, len(byMember)), int32(0) // seen[id] == gen: counted
	for k := s.from; k < s.to; k++ {
		if len(p.lists[k]) < big {
			continue
		}
		r := []rune(p.vocab[k])
		for l := 2; l <= len(r); l++ {
			q := string(r[:l])
			if _, ok := out[q]; ok {
				continue
			}
			from, _ := slices.BinarySearch(p.vocab, q)
			to := from
			for to < len(p.vocab) && strings.HasPrefix(p.vocab[to], q) {
				to++
			}
			if from < s.from || to > s.to {
				continue // a summary answers q
			}
			counts := make([]int, values)
			gen++
			for _, l := range p.lists[from:to] {
				for _, ps := range l {
					if seen[ps.id()] != gen {
						seen[ps.id()] = gen
						for _, c := range byMember[ps.id()] {
							counts[c]++
						}
					}
				}
			}
			out[q] = counts
		}
	}
	return out
}

// summaries returns, sorted, the prefixes of two letters or more whose
// words are in more than one shard: those shared by the last word before
// a cut and the first after it.
func summaries(p *postings, spans []span) []string {
	out := []string{}
	for _, s := range spans[1:] {
		a, b := []rune(p.vocab[s.from-1]), []rune(p.vocab[s.from])
		k := 0
		for k < len(a) && k < len(b) && a[k] == b[k] {
			k++
		}
		for l := 2; l <= k; l++ {
			out = append(out, string(b[:l]))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// summary returns the postings that stand for the words beginning with q
// in a summary file: q itself, when it is a word, and q+"~", which no word
// is (words hold letters and digits only), with each member having a
// longer word that begins with q, in its best class among those words.
// To the script, the one matches q exactly and the other as a prefix, as
// the words themselves would: a member's best score is the same.
func summary(p *postings, q string, n int) *postings {
	from, _ := slices.BinarySearch(p.vocab, q)
	s := &postings{}
	if from < len(p.vocab) && p.vocab[from] == q {
		s.vocab = append(s.vocab, q)
		s.lists = append(s.lists, p.lists[from])
		from++
	}
	best := make([]int8, n)
	var ids []int32
	for k := from; k < len(p.vocab) && strings.HasPrefix(p.vocab[k], q); k++ {
		for _, ps := range p.lists[k] {
			if b := best[ps.id()]; b == 0 {
				ids = append(ids, ps.id())
				best[ps.id()] = int8(ps.class()) + 1
			} else if int8(ps.class())+1 < b {
				best[ps.id()] = int8(ps.class()) + 1
			}
		}
	}
	slices.Sort(ids)
	l := make([]posting, len(ids))
	for i, id := range ids {
		l[i] = newPosting(id, uint8(best[id]-1))
	}
	s.vocab = append(s.vocab, q+"~")
	s.lists = append(s.lists, l)
	return s
}

// encodeShard writes the tokens from to to of p, out of n members, as two
// strings, for a JSON array. The first holds the tokens front-coded: an
// upper-case letter A–Z gives the number of leading UTF-16 code units (as
// JavaScript counts) shared with the previous token, and the rest of the
// token follows; tokens never contain A–Z. The second holds their posting
// lists as bits (see bits.go).
//
// The bits start with the field classes by rank, three bits each, the
// class most postings of the shard have first. A class is written as its
// rank r: r 1 bits then a 0, or five 1 bits for rank 5. Then each token
// in order: gamma(k) for its k members; when k ≥ refMin, a bit that says
// whether its members are given by reference; then the members and then
// their classes.
//
// The members are, by reference, gamma(j), gamma(d+1) and the set of d
// numbers below n: the members of the j-th token before it in the shard
// among those of at least refMin members (j ≤ refWindow), with these d
// members added or taken away. Words that occur together (a place of two
// words, a category's label, a phrase many members use) have about the
// same members, and the difference costs much less than the list. Else
// the members are the set of their numbers below n or, when there are
// more than n/2, of the others.
//
// The classes are, for one member, its class. Else a bit: 0 and each
// member's class in order; or 1, a class c, gamma(e+1) and e exceptions,
// each rice(gap, riceParam(k, e)) (the gap in positions of the list from
// the one before, as in a set) and its class: every member but the
// exceptions has class c. The one writes less where a token's classes
// are mixed, the other where one class has nearly all of them.
func encodeShard(p *postings, n, from, to int) [2]string {
	var voc strings.Builder
	var w bitWriter
	prev := ""
	var freq [6]int
	for i := from; i < to; i++ {
		for _, q := range p.lists[i] {
			freq[q.class()]++
		}
	}
	var byRank [6]int // classes, most frequent first
	for c := range byRank {
		byRank[c] = c
	}
	sort.SliceStable(byRank[:], func(i, j int) bool { return freq[byRank[i]] > freq[byRank[j]] })
	var rank [6]int
	for r, c := range byRank {
		rank[c] = r
		w.bits(uint32(c), 3)
	}
	class := func(w *bitWriter, c uint8) {
		r := rank[c]
		if r < 5 {
			w.bits((1<<r-1)<<1, r+1)
		} else {
			w.bits(31, 5)
		}
	}

	var ids, other, diff []int32
	var refs [][]int32 // members of earlier tokens of at least refMin
	for i := from; i < to; i++ {
		t := p.vocab[i]
		k, units := shared(prev, t)
		voc.WriteByte(byte('A' + units))
		voc.WriteString(t[k:])
		prev = t

		l := p.lists[i]
		ids = ids[:0]
		for _, q := range l {
			ids = append(ids, q.id())
		}
		w.gamma(len(l))
		direct := ids
		if 2*len(ids) > n {
			other = complement(ids, n, other)
			direct = other
		}
		if len(l) >= refMin {
			cost, best, bestDiff := setCost(direct, n), 0, []int32(nil)
			for j := 1; j <= min(len(refs), refWindow); j++ {
				r := refs[len(refs)-j]
				// A difference of half the list or more seldom pays,
				// and looking for one costs build time.
				limit := len(direct)/2 + 1
				if abs(len(r)-len(ids)) >= limit {
					continue
				}
				var ok bool
				if diff, ok = symDiff(r, ids, limit, diff); !ok {
					continue
				}
				if c := 2*bitLen(j) + 2*bitLen(len(diff)+1) - 2 + setCost(diff, n); c < cost {
					cost, best, bestDiff = c, j, append(bestDiff[:0], diff...)
				}
			}
			refs = append(refs, slices.Clone(ids))
			if best > 0 {
				w.bits(1, 1)
				w.gamma(best)
				w.gamma(len(bestDiff) + 1)
				w.set(bestDiff, n)
			} else {
				w.bits(0, 1)
				w.set(direct, n)
			}
		} else {
			w.set(direct, n)
		}

		writeClasses(&w, l, class)
	}
	return [2]string{voc.String(), w.String()}
}

// writeClasses writes the field classes of a token's postings l, as
// encodeShard's comment says: one member's class, or a bit and the
// classes in order or the most common class with its exceptions,
// whichever is shorter. class writes one class by its rank.
func writeClasses(w *bitWriter, l []posting, class func(*bitWriter, uint8)) {
	if len(l) == 1 {
		class(w, l[0].class())
		return
	}
	var count [6]int
	for _, q := range l {
		count[q.class()]++
	}
	c := uint8(0)
	for k := range count {
		if count[k] > count[c] {
			c = uint8(k)
		}
	}
	var plain, mixed bitWriter
	for _, q := range l {
		class(&plain, q.class())
	}
	class(&mixed, c)
	mixed.gamma(len(l) - count[c] + 1)
	b, last := riceParam(len(l), len(l)-count[c]), -1
	for k, q := range l {
		if q.class() != c {
			mixed.rice(k-last-1, b)
			class(&mixed, q.class())
			last = k
		}
	}
	if mixed.bitCount() < plain.bitCount() {
		w.bits(1, 1)
		w.append(&mixed)
	} else {
		w.bits(0, 1)
		w.append(&plain)
	}
}

const (
	// refMin is the fewest members of a token whose members may be given
	// by reference to another token's.
	refMin = 8
	// refWindow is how many tokens back a reference reaches. Beyond 32,
	// it saved 4% of the shards at 1,000 members and cost no build time
	// that the benchmark could tell.
	refWindow = 128
)

// listBytes estimates the bytes of a list of k members out of n: the
// set's Rice code and half a bit of class a member.
func listBytes(k, n int) int {
	set := min(k, n-k) // a list of more than half is written as the others
	return (set*(riceParam(n, set)+2) + k/2 + 7) / 8
}

// symDiff returns the numbers in one of the sorted a and b but not the
// other, in out, and false when there are limit or more.
func symDiff(a, b []int32, limit int, out []int32) ([]int32, bool) {
	out = out[:0]
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			i++
			j++
			continue
		}
		if len(out) >= limit {
			return out, false
		}
	}
	return out, len(out) < limit
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// shared returns the length of the common prefix of a and b, at most 25
// UTF-16 code units, in bytes of b and in UTF-16 code units.
func shared(a, b string) (n, units int) {
	for i, r := range b {
		if i >= len(a) {
			return i, units
		}
		n := utf16.RuneLen(r)
		if r2, _ := utf8.DecodeRuneInString(a[i:]); r2 != r || units+n > 25 {
			return i, units
		}
		units += n
	}
	return len(b), units
}
