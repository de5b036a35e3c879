// Package search builds the index of the site's client-side search: an
// inverted index from folded words (see Fold) to the members having them,
// each posting marked with the best field the word occurs in, split into
// files that the script templates/assets/search.js fetches on demand.
//
// The entry file search/meta.<hash>.json is loaded first: the stop words,
// the filter values with each member's categories, location and languages,
// and the names of the other files. Shards search/t.<hash>.json hold the
// postings of contiguous ranges of the sorted vocabulary, cut only between
// two-letter prefix groups, so that one shard answers a word, its prefixes
// and its one-typo neighbours that share its first two letters. Card
// chunks search/c.<hash>.json hold slug, name, company, location and
// mission of cardChunk consecutive members, to render the results shown.
// A first search thus fetches the entry, one shard and a few chunks. File
// names carry a hash of their content; the same directory always gives the
// same bytes.
package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
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
const Format = 1

const (
	// cardChunk is the number of members per card chunk: small, because
	// the results shown first are spread over the whole directory.
	cardChunk = 16
	// shardTarget is the size a shard grows to before the next one starts,
	// in bytes before compression (about 10 KB gzipped). A two-letter
	// group larger than that is a shard of its own.
	shardTarget = 24 << 10
)

// meta is the entry file. Per-member columns are indexed by member number,
// the position in the directory's order.
type meta struct {
	Format int      `json:"v"`
	N      int      `json:"n"`
	Stop   string   `json:"stop"` // folded stop words, space-separated
	Shards []string `json:"sk"`   // first two-letter group of each shard
	Files  []string `json:"sf"`   // shard files, relative to the entry
	Chunk  int      `json:"ck"`   // members per card chunk
	Cards  []string `json:"cf"`   // card chunk files

	Categories [][2]string `json:"cat"`  // ID and label
	Locations  []string    `json:"loc"`  // labels
	Languages  []string    `json:"lang"` // ISO 639-1 codes

	// The members' values, in the number code of writeNumber: for each
	// member its category indexes plus one, then 0; its location index
	// plus one (0 for none); its language indexes plus one, then 0.
	MemberCats string `json:"mc"`
	MemberLoc  string `json:"ml"`
	MemberLang string `json:"mg"`
}

// Build returns the search index files of the directory, keyed by slash
// path relative to the site root, and Entry, the path of the file the
// script loads first.
func Build(d *member.Directory) (*Index, error) {
	return BuildCached(d, nil)
}

// BuildCached is Build reusing the tokens of unchanged members from c.
func BuildCached(d *member.Directory, c *Cache) (*Index, error) {
	x := &Index{Files: map[string][]byte{}}
	m := &meta{Format: Format, N: len(d.Members), Stop: stopList, Chunk: cardChunk,
		Cards: []string{}, Categories: [][2]string{}, Locations: []string{}, Languages: []string{}}
	facets(d, m)

	p := invert(d, c)
	for _, s := range shards(p) {
		name, err := x.add("t", encodeShard(p, s.from, s.to))
		if err != nil {
			return nil, err
		}
		m.Shards = append(m.Shards, s.key)
		m.Files = append(m.Files, name)
	}
	for i := 0; i < len(d.Members); i += cardChunk {
		var c []string
		for _, mem := range d.Members[i:min(i+cardChunk, len(d.Members))] {
			c = append(c, mem.Slug, mem.Name, mem.Company, mem.Location, mem.Mission)
		}
		name, err := x.add("c", c)
		if err != nil {
			return nil, err
		}
		m.Cards = append(m.Cards, name)
	}
	name, err := x.add("meta", m)
	if err != nil {
		return nil, err
	}
	x.Entry = "search/" + name
	return x, nil
}

// add stores v as JSON under search/<kind>.<hash>.json and returns the
// name relative to search/. The files are fetched as data, never embedded
// in a page, so HTML characters stay unescaped.
func (x *Index) add(kind string, v any) (string, error) {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		return "", err
	}
	data := bytes.TrimSuffix(b.Bytes(), []byte("\n"))
	sum := sha256.Sum256(data)
	name := kind + "." + hex.EncodeToString(sum[:4]) + ".json"
	p := "search/" + name
	if old, ok := x.Files[p]; ok && !bytes.Equal(old, data) {
		return "", fmt.Errorf("search: two index files hash to %s; please report this", p)
	}
	x.Files[p] = data
	return name, nil
}

// facets fills the filter values and each member's values. Categories
// keep the directory's order and drop the empty ones. Languages are
// sorted by how many members speak them. Locations are grouped by place
// (see places) and sorted for a reader of the site's language.
func facets(d *member.Directory, m *meta) {
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

	var mc, ml, mg strings.Builder
	for i, mem := range d.Members {
		for _, c := range mem.Categories {
			if k, ok := catIndex[c.ID]; ok {
				writeNumber(&mc, k+1)
			}
		}
		writeNumber(&mc, 0)
		loc := 0
		if k, ok := placeOf[i]; ok {
			loc = placeIndex[k] + 1
		}
		writeNumber(&ml, loc)
		for _, g := range mem.Languages {
			writeNumber(&mg, langIndex[g]+1)
		}
		writeNumber(&mg, 0)
	}
	m.MemberCats, m.MemberLoc, m.MemberLang = mc.String(), ml.String(), mg.String()
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
// two-letter group is key.
type span struct {
	from, to int
	key      string
}

// shards cuts the vocabulary into shards of about shardTarget bytes,
// between two-letter groups only. An empty vocabulary still gets one
// (empty) shard, so that every word has a shard to look in.
func shards(p *postings) []span {
	var out []span
	size := 0
	for i := 0; i < len(p.vocab); {
		key := prefix(p.vocab[i])
		j, gsize := i, 0
		for ; j < len(p.vocab) && prefix(p.vocab[j]) == key; j++ {
			gsize += len(p.vocab[j]) + 2*len(p.lists[j]) // about its encoded size
		}
		if len(out) == 0 || size+gsize > shardTarget {
			out = append(out, span{from: i, key: key})
			size = 0
		}
		out[len(out)-1].to = j
		size += gsize
		i = j
	}
	if len(out) == 0 {
		out = append(out, span{})
	}
	return out
}

// encodeShard writes the tokens from to to of p as two strings, for a
// JSON array. The first holds the tokens front-coded: an upper-case letter
// A–Z gives the number of leading UTF-16 code units (as JavaScript counts)
// shared with the previous token, and the rest of the token follows;
// tokens never contain A–Z. The second holds their posting lists,
// separated by spaces. A posting list is a run of numbers gap*8+class,
// where gap is the distance to the previous member number minus one (the
// first counts from -1), in the number code of writeNumber.
func encodeShard(p *postings, from, to int) [2]string {
	var voc, post strings.Builder
	prev := ""
	for i := from; i < to; i++ {
		t := p.vocab[i]
		k, units := shared(prev, t)
		voc.WriteByte(byte('A' + units))
		voc.WriteString(t[k:])
		prev = t
		if i > from {
			post.WriteByte(' ')
		}
		last := int32(-1)
		for _, q := range p.lists[i] {
			writeNumber(&post, int(q.id-last-1)<<3|int(q.class))
			last = q.id
		}
	}
	return [2]string{voc.String(), post.String()}
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

const digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"

// writeNumber writes v ≥ 0 in base 32, most significant digit first: the
// last digit is one of 0–9a–v, the others one of w–z, A–Z, - and _, so
// that numbers need no separator.
func writeNumber(b *strings.Builder, v int) {
	var buf [8]byte
	i := len(buf) - 1
	buf[i] = digits[v&31]
	for v >>= 5; v > 0; v >>= 5 {
		i--
		buf[i] = digits[32+v&31]
	}
	b.Write(buf[i:])
}
