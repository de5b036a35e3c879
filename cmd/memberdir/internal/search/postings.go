package search

import (
	"crypto/sha256"
	"runtime"
	"sort"
	"sync"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
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

// posting says that member id has a token, best in field class.
type posting struct {
	id    int32
	class uint8
}

// postings is the inverted index of a directory: the sorted vocabulary
// and, for each token, the members having it in member order.
type postings struct {
	vocab []string
	lists [][]posting
}

// invert collects the tokens of every member of d: its folded words of
// minToken to maxToken letters that are not stop words. Members are
// numbered in directory order.
//
// The members are split into runs, one per CPU, inverted concurrently and
// merged in order, so the result is the same as from one run. This is the
// search's one use of concurrency: tokenizing is most of its build time.
func invert(d *member.Directory, c *Cache) *postings {
	ms := d.Members
	runs := min(runtime.GOMAXPROCS(0), (len(ms)+999)/1000) // a run of fewer members does not pay
	parts := make([]*postings, max(runs, 1))
	var wg sync.WaitGroup
	for r := range parts {
		from, to := len(ms)*r/len(parts), len(ms)*(r+1)/len(parts)
		wg.Go(func() { parts[r] = invertRun(ms[from:to], from, c) })
	}
	wg.Wait()

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
	return p
}

// invertRun inverts the members ms, numbered from first on, into an
// unsorted vocabulary. Fields are read best class first, so the first time
// a member meets a token fixes its class.
func invertRun(ms []*member.Member, first int, c *Cache) *postings {
	// index maps each token to its number; stop words map to -1, so that
	// one lookup serves both.
	index := make(map[string]int, len(stop))
	for w := range stop {
		index[w] = -1
	}
	p := &postings{}
	var last []int32 // last member that got a posting for each token
	id := int32(0)
	var class uint8
	add := func(t string) {
		k, ok := index[t]
		if !ok {
			k = len(p.vocab)
			index[t] = k
			p.vocab = append(p.vocab, t)
			p.lists = append(p.lists, nil)
			last = append(last, -1)
		}
		if k < 0 || last[k] == id {
			return
		}
		last[k] = id
		p.lists[k] = append(p.lists[k], posting{id, class})
	}
	for i, m := range ms {
		id = int32(first + i)
		for _, t := range c.tokens(m) {
			class = t.class
			add(t.text)
		}
	}
	return p
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
	for _, f := range fields(m) {
		words(f.text, func(t []byte, n int) {
			if n < minToken || n > maxToken || seen[string(t)] {
				return
			}
			s := string(t)
			seen[s] = true
			out = append(out, token{s, f.class})
		})
	}
	return out
}

// Cache keeps each member's tokens from one build of a site to the next,
// so that serve re-tokenizes only the members that changed. A nil Cache
// caches nothing. It is safe for concurrent use.
type Cache struct {
	mu      sync.Mutex
	members map[string]cachedTokens // by slug
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
// Groups are never split across shards, so the script finds a word, its
// prefixes and its one-typo neighbours that share the first two letters
// in one shard.
func prefix(t string) string {
	n := 0
	for i := range t {
		if n == 2 {
			return t[:i]
		}
		n++
	}
	return t
}
