package search

import (
	"crypto/sha256"
	"runtime"
	"slices"
	"sort"
	"sync"
	"unsafe"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/parallel"
)

// Field classes, best first: a member's rank for a word is set by the
// best field the word occurs in. The script's WEIGHTS follow this order.
const (
	className    = iota // name
	classOffer          // offerings, category labels
	classCompany        // company, role, location
	classMission        // mission, ideal referral
	classWhy            // why
	classBody           // body
)

// posting says that a member has a token, best in a field class: the
// member's number in the upper bits and the class in the lowest three.
// One word rather than a struct of an int32 and a byte, which the
// alignment makes two: at 100,000 members the postings are the search
// build's largest data, some 280 MB as structs.
type posting uint32

// classBits is how many bits of a posting hold its class.
const classBits = 3

func newPosting(id int32, class uint8) posting { return posting(uint32(id)<<classBits | uint32(class)) }

// id returns the member's number.
func (q posting) id() int32 { return int32(q >> classBits) }

// class returns the field class.
func (q posting) class() uint8 { return uint8(q & (1<<classBits - 1)) }

// postings is the inverted index of a directory: the sorted vocabulary
// and, for each token, the members having it in member order.
type postings struct {
	vocab []string
	lists [][]posting
	// changed holds the words whose lists the last patch changed, added
	// or removed; it is nil for postings inverted anew. See reuse.
	changed map[string]bool
}

// invert collects the tokens of every member of d: its folded words of
// minToken to maxToken letters that are not stop words. Members are
// numbered in directory order.
//
// The members are split into runs, one per CPU, inverted concurrently and
// merged in order, so the result is the same as from one run: tokenizing
// is the largest step of the search's build time. The merge stays on one
// core: at 100,000 members it took some 20 ms of 6 s.
//
// With a Cache, a build in which only a few members' tokens changed, and
// no member came, went or moved, patches the last build's postings
// instead: in serve, inverting all 10,000 members anew took 60 ms of
// every rebuild. TestPatchMatchesInvert checks that both give the same.
func invert(d *member.Directory, c *Cache) *postings {
	ms := d.Members
	// A plain build tokenizes each member when it gets to it and keeps
	// nothing: holding all 10,000 members' tokens at once cost 50 MB.
	// A cache keeps them for the next build's patch.
	var toks [][]token
	if c != nil {
		toks = make([][]token, len(ms))
	}
	if c != nil && c.last != nil {
		for i, m := range ms {
			toks[i] = c.tokens(m)
		}
		if p := c.last.patch(ms, toks); p != nil {
			return p
		}
	}
	runs := min(runtime.GOMAXPROCS(0), (len(ms)+999)/1000) // a run of fewer members does not pay; each run a worker of package parallel
	parts := make([]*postings, max(runs, 1))
	_ = parallel.Each(len(parts), func(r int) error { // never fails
		from, to := len(ms)*r/len(parts), len(ms)*(r+1)/len(parts)
		parts[r] = invertRun(to-from, from, func(i int, add func(t []byte, class uint8)) {
			if toks == nil {
				// Straight from the text: only a word new to the
				// vocabulary becomes a string. Tokenizing first
				// took 180 MB at 10,000 members.
				eachToken(ms[from+i], add)
				return
			}
			if toks[from+i] == nil {
				toks[from+i] = c.tokens(ms[from+i])
			}
			for _, t := range toks[from+i] {
				// add only reads t: the string's bytes, uncopied.
				add(unsafe.Slice(unsafe.StringData(t.text), len(t.text)), t.class)
			}
		})
		return nil
	})

	index := map[string]int{}
	var vocab []string
	var lists [][]posting
	for _, part := range parts {
		for k, t := range part.vocab {
			g, ok := index[t]
			if !ok {
				g = len(vocab)
				index[t] = g
				vocab = append(vocab, t)
				lists = append(lists, nil)
			}
			lists[g] = append(lists[g], part.lists[k]...)
		}
	}
	order := make([]int, len(vocab))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return vocab[order[i]] < vocab[order[j]] })
	p := &postings{vocab: make([]string, len(vocab)), lists: make([][]posting, len(vocab))}
	for i, k := range order {
		p.vocab[i] = vocab[k]
		p.lists[i] = lists[k]
	}
	if c != nil {
		slugs := make([]string, len(ms))
		for i, m := range ms {
			slugs[i] = m.Slug
		}
		c.last = &inverted{slugs: slugs, tokens: toks, p: p}
	}
	return p
}

// invertRun inverts n members' tokens, tokens(i) for the i-th, numbered
// from first on, into an unsorted vocabulary. Fields are read best class
// first, so the first time a member meets a token fixes its class.
func invertRun(n, first int, tokens func(i int, add func(t []byte, class uint8))) *postings {
	// index maps each token to its number; stop words map to -1, so that
	// one lookup serves both.
	index := make(map[string]int, len(stop))
	for w := range stop {
		index[w] = -1
	}
	p := &postings{}
	var last []int32 // last member that got a posting for each token
	id := int32(0)
	add := func(t []byte, class uint8) {
		k, ok := index[string(t)] // no copy for a lookup
		if !ok {
			s := string(t)
			k = len(p.vocab)
			index[s] = k
			p.vocab = append(p.vocab, s)
			p.lists = append(p.lists, nil)
			last = append(last, -1)
		}
		if k < 0 || last[k] == id {
			return
		}
		last[k] = id
		p.lists[k] = append(p.lists[k], newPosting(id, class))
	}
	for i := range n {
		id = int32(first + i)
		tokens(i, add)
	}
	return p
}

// inverted is a build's postings with what they were made from: the
// members' slugs in order, and each member's tokens as Cache.tokens gave
// them (the same slice again for a member that did not change).
type inverted struct {
	slugs  []string
	tokens [][]token
	p      *postings
}

// maxPatch is the most changed members a build patches in; beyond it,
// inverting everything again is as quick and simpler to trust.
const maxPatch = 64

// patch updates the postings for the members ms with tokens toks, when
// they are the last build's members in the same order with at most
// maxPatch of them changed, and returns them; else it returns nil. The
// postings are changed in place: a Cache serves one build at a time.
func (x *inverted) patch(ms []*member.Member, toks [][]token) *postings {
	if len(ms) != len(x.slugs) {
		return nil
	}
	var changed []int
	for i, m := range ms {
		if m.Slug != x.slugs[i] {
			return nil
		}
		if !sameSlice(toks[i], x.tokens[i]) {
			if changed = append(changed, i); len(changed) > maxPatch {
				return nil
			}
		}
	}
	x.p.changed = map[string]bool{}
	for _, i := range changed {
		id := int32(i)
		was := make(map[string]uint8, len(x.tokens[i]))
		for _, t := range x.tokens[i] {
			x.p.remove(t.text, id)
			was[t.text] = t.class
		}
		for _, t := range toks[i] {
			if !stop[t.text] {
				x.p.insert(t.text, newPosting(id, t.class))
			}
			// A word the member had before, in the same class, has the
			// same list as before.
			if c, ok := was[t.text]; ok && c == t.class {
				delete(was, t.text)
			} else {
				x.p.changed[t.text] = true
			}
		}
		for w := range was {
			x.p.changed[w] = true
		}
		x.tokens[i] = toks[i]
	}
	return x.p
}

func sameSlice(a, b []token) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// remove takes member id's posting out of token t's list, and t out of
// the vocabulary when no member is left with it.
func (p *postings) remove(t string, id int32) {
	k, ok := slices.BinarySearch(p.vocab, t)
	if !ok {
		return
	}
	l := p.lists[k]
	j, ok := slices.BinarySearchFunc(l, id, func(q posting, id int32) int { return int(q.id() - id) })
	if !ok {
		return
	}
	if len(l) == 1 {
		p.vocab = slices.Delete(p.vocab, k, k+1)
		p.lists = slices.Delete(p.lists, k, k+1)
		return
	}
	p.lists[k] = slices.Delete(l, j, j+1)
}

// insert adds q to token t's list, in member order, and t to the
// vocabulary in sorted order when it is new.
func (p *postings) insert(t string, q posting) {
	k, ok := slices.BinarySearch(p.vocab, t)
	if !ok {
		p.vocab = slices.Insert(p.vocab, k, t)
		p.lists = slices.Insert(p.lists, k, nil)
	}
	l := p.lists[k]
	j, found := slices.BinarySearchFunc(l, q.id(), func(x posting, id int32) int { return int(x.id() - id) })
	if found {
		l[j] = q
		return
	}
	p.lists[k] = slices.Insert(l, j, q)
}

// token is one distinct token of a member, with the best class it occurs
// in.
type token struct {
	text  string
	class uint8
}

// tokenize returns the distinct tokens of m, in the order they first
// occur, fields read best class first.
func tokenize(m *member.Member) []token {
	var out []token
	seen := map[string]bool{}
	eachToken(m, func(t []byte, class uint8) {
		if seen[string(t)] {
			return
		}
		s := string(t)
		seen[s] = true
		out = append(out, token{s, class})
	})
	return out
}

// eachToken calls add with every token of m and the class of its field,
// fields best class first, in order, repeats included; t is reused
// between calls.
func eachToken(m *member.Member, add func(t []byte, class uint8)) {
	for _, f := range fields(m) {
		words(f.text, func(t []byte, n int) {
			if n >= minToken && n <= maxToken {
				add(t, f.class)
			}
		})
	}
}

// Cache keeps each member's tokens from one build of a site to the next,
// so that serve re-tokenizes only the members that changed. A nil Cache
// caches nothing. It is safe for concurrent use.
type Cache struct {
	mu      sync.Mutex
	members map[string]cachedTokens // by slug
	last    *inverted               // the last build's postings
	index   *lastIndex              // the last build's files
	facets  *lastFacets             // the last build's filters
	cards   map[int]lastCards       // the last build's card chunks, by number
}

type cachedTokens struct {
	key    [32]byte
	tokens []token
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{members: map[string]cachedTokens{}} }

// tokens returns m's tokens, from the cache when m's file and category
// labels are as before.
func (c *Cache) tokens(m *member.Member) []token {
	if c == nil {
		return tokenize(m)
	}
	h := sha256.New()
	h.Write(m.Digest[:])
	for _, cat := range m.Categories {
		h.Write([]byte(cat.Label))
		h.Write([]byte{0})
	}
	var key [32]byte
	h.Sum(key[:0])
	c.mu.Lock()
	e, ok := c.members[m.Slug]
	c.mu.Unlock()
	if ok && e.key == key && m.Digest != ([32]byte{}) {
		return e.tokens
	}
	t := tokenize(m)
	c.mu.Lock()
	c.members[m.Slug] = cachedTokens{key, t}
	c.mu.Unlock()
	return t
}

// field is a text of a member with its class.
type field struct {
	class uint8
	text  string
}

// fields returns the texts of m to index, best class first.
func fields(m *member.Member) []field {
	fs := []field{{className, m.Name}}
	for _, o := range m.Offerings {
		fs = append(fs, field{classOffer, o})
	}
	for _, c := range m.Categories {
		fs = append(fs, field{classOffer, c.Label})
	}
	return append(fs,
		field{classCompany, m.Company},
		field{classCompany, m.Role},
		field{classCompany, m.Location},
		field{classMission, m.Mission},
		field{classMission, m.IdealReferral},
		field{classWhy, m.Why},
		field{classBody, plain(m.Body)},
	)
}

// prefix returns the first two letters of a token: the key of its group.
func prefix(t string) string { return prefixOf(t, 2) }

// prefixOf returns the first n letters of a token, or the token.
func prefixOf(t string, n int) string {
	k := 0
	for i := range t {
		if k == n {
			return t[:i]
		}
		k++
	}
	return t
}
