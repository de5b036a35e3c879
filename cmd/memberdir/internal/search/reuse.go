package search

import (
	"crypto/sha256"
	"encoding/binary"
	"slices"
	"sort"
	"strings"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// lastIndex is what a Cache keeps of one build's index for the next: the
// files of each shard and summary, and what they were made from. A
// rebuild that patched the postings (see patch) knows which words' lists
// changed, and reuses the files of every shard and summary none of whose
// words did: encoding them anew was half of the search's share of a
// serve rebuild at 10,000 members. TestPatchMatchesInvert compares the
// result with a full build after each round of edits.
type lastIndex struct {
	// What every shard and summary file reads besides its own words:
	// the members, the size of a big word, the categories of each member
	// (their column) and how many categories there are.
	n, big, categories int
	cats               string
	vocab              []string // a copy: patch changes the postings in place
	shards             []lastShard
	summaries          map[string][]byte // by prefix
	reused             int               // shards and summaries this build took from the last
}

// lastShard is one shard of the last build: its span of that build's
// vocabulary, how many big words came before it, and the files it made
// (its own, and the files of its big words; see bigFile).
type lastShard struct {
	span       span
	firstBig   int
	bigs       int // big words in the shard
	names      []string
	data       [][]byte
	shardBytes int
}

// reusable tells, for a build with postings p, which of the last build's
// shards and summaries can be reused, when that build read the same
// members, categories and big-word size: a shard whose words are the
// same and none of whose words' lists changed; a summary of a prefix no
// changed word has.
type reusable struct {
	last          *lastIndex
	changedShards map[int]bool    // by index in p's shards
	changedPrefix map[string]bool // every prefix of a changed word
}

// reuse returns what of last a build with postings p and these global
// inputs can reuse, or nil for nothing: no last build, other inputs, or
// postings inverted anew (p.changed nil).
func reuse(last *lastIndex, p *postings, spans []span, n, big, categories int, cats string) *reusable {
	if last == nil || p.changed == nil || last.n != n || last.big != big || last.categories != categories || last.cats != cats {
		return nil
	}
	r := &reusable{last: last, changedShards: map[int]bool{}, changedPrefix: map[string]bool{}}
	for w := range p.changed {
		rs := []rune(w)
		for l := 1; l <= len(rs); l++ {
			r.changedPrefix[string(rs[:l])] = true
		}
		// A shard reads, besides its own words, how far the words that
		// begin as its big words do reach (see prefixCounts): every shard
		// with a word of the changed word's first two letters is made
		// anew. A word that is gone leaves the words of its own shard
		// unlike the last build's, which shard compares.
		two := prefix(w)
		from, _ := slices.BinarySearch(p.vocab, two)
		to := from
		for to < len(p.vocab) && strings.HasPrefix(p.vocab[to], two) {
			to++
		}
		for i := sort.Search(len(spans), func(i int) bool { return spans[i].to > from }); i < len(spans) && spans[i].from < to; i++ {
			r.changedShards[i] = true
		}
	}
	return r
}

// shard returns the last build's shard i when it can stand for shard i
// of this build, with span s of vocabulary vocab and firstBig big words
// before it.
func (r *reusable) shard(i int, s span, vocab []string, firstBig int) *lastShard {
	if r == nil || i >= len(r.last.shards) || r.changedShards[i] {
		return nil
	}
	l := &r.last.shards[i]
	if l.span.key != s.key || l.firstBig != firstBig || !slices.Equal(r.last.vocab[l.span.from:l.span.to], vocab[s.from:s.to]) {
		return nil
	}
	return l
}

// summary returns the last build's file of the summary of prefix q, when
// no word with that prefix changed.
func (r *reusable) summary(q string) []byte {
	if r == nil || r.changedPrefix[q] {
		return nil
	}
	return r.last.summaries[q]
}

// lastIndex returns what the cache keeps of the last build's index, or
// nil.
func (c *Cache) lastIndex() *lastIndex {
	if c == nil {
		return nil
	}
	return c.index
}

// lastFacets is the last build's filter values and columns, by the key
// of what facets read (facetsKey).
type lastFacets struct {
	key  [32]byte
	meta meta // the filter fields only
	cols columns
}

// facetsCached is facets, reusing the last build's values and columns
// when the members and categories they are made from are the same: at
// 10,000 members grouping the places and sorting them for the reader
// cost 18 ms of every serve rebuild, which an edit of a text does not
// change.
func facetsCached(d *member.Directory, m *meta, c *Cache) columns {
	if c == nil {
		return facets(d, m)
	}
	key := facetsKey(d)
	if l := c.facets; l != nil && l.key == key {
		m.Categories, m.Locations, m.Languages = l.meta.Categories, l.meta.Locations, l.meta.Languages
		m.CatCount, m.LocCount, m.LangCount, m.Thanked = l.meta.CatCount, l.meta.LocCount, l.meta.LangCount, l.meta.Thanked
		return l.cols
	}
	cols := facets(d, m)
	c.facets = &lastFacets{key: key, meta: meta{Categories: m.Categories, Locations: m.Locations, Languages: m.Languages,
		CatCount: m.CatCount, LocCount: m.LocCount, LangCount: m.LangCount, Thanked: m.Thanked}, cols: cols}
	return cols
}

// facetsKey hashes what facets reads: the site's language, the
// categories, and of each member, in order, its categories, place and
// languages and whether it was thanked.
func facetsKey(d *member.Directory) [32]byte {
	b := make([]byte, 0, 64*len(d.Members))
	str := func(s string) {
		b = binary.LittleEndian.AppendUint64(b, uint64(len(s)))
		b = append(b, s...)
	}
	str(d.Config.Language)
	for _, c := range d.Categories {
		str(c.ID)
		str(c.Label)
		b = binary.LittleEndian.AppendUint64(b, uint64(len(c.Members)))
	}
	for _, m := range d.Members {
		b = binary.LittleEndian.AppendUint64(b, uint64(len(m.Categories)))
		for _, c := range m.Categories {
			str(c.ID)
		}
		str(m.Location)
		b = binary.LittleEndian.AppendUint64(b, uint64(len(m.Languages)))
		for _, l := range m.Languages {
			str(l)
		}
		b = append(b, byte(min(len(m.ThankedBy), 1)))
	}
	return sha256.Sum256(b)
}

// cardsCached returns the file of the card chunk at, the members ms,
// from the last build when their files, names and thanks are the same,
// else made by card.
func (c *Cache) cardsCached(at int, ms []*member.Member, lang string, card func() ([]byte, error)) ([]byte, error) {
	if c == nil {
		return card()
	}
	b := make([]byte, 0, 40*len(ms)+8)
	b = append(b, lang...)
	for _, m := range ms {
		if m.Digest == ([32]byte{}) {
			return card()
		}
		b = append(b, m.Digest[:]...)
		b = binary.LittleEndian.AppendUint64(b, uint64(len(m.ThankedBy)))
		b = binary.LittleEndian.AppendUint64(b, uint64(len(m.Slug)))
		b = append(b, m.Slug...) // the file's name, which its digest does not cover
	}
	key := sha256.Sum256(b)
	if l, ok := c.cards[at]; ok && l.key == key {
		return l.data, nil
	}
	data, err := card()
	if err == nil {
		if c.cards == nil {
			c.cards = map[int]lastCards{}
		}
		c.cards[at] = lastCards{key, data}
	}
	return data, err
}

// dropCardsFrom forgets the card chunks from number n on, which a
// directory that shrank no longer has.
func (c *Cache) dropCardsFrom(n int) {
	if c == nil {
		return
	}
	for at := range c.cards {
		if at >= n {
			delete(c.cards, at)
		}
	}
}

// lastCards is a card chunk's file of the last build, by its key.
type lastCards struct {
	key  [32]byte
	data []byte
}
