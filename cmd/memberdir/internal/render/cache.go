package render

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"sync"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/photo"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/search"
)

// Cache keeps what was rendered for each member in the previous build of
// a site: the card with its links, the profile page and the vCard. A
// member's entries are reused when nothing they are made from changed:
// the member's file, the names and notes of the members it links to and
// from, the config, the pages and every file of the theme. It also keeps
// the processed photos of the last build by photo.Key, so that a rebuild
// decodes only photos whose bytes changed. serve keeps one Cache across
// rebuilds; TestBuilderMatchesBuild shows that a build with a warm cache
// writes the same bytes as one without.
type Cache struct {
	mu      sync.Mutex
	members map[string]*cached // by slug
	lists   map[string]list    // list pages (home, categories, print) and the network page, by path
	search  *search.Cache
	photos  map[[32]byte][]photo.Image
	// whole is whether the cache keeps the files themselves (pages,
	// vCards, members.json entries), as serve's does. A cache saved with
	// a build on disk keeps only the cards (NewSavedCache): the files
	// stand in the folder the next build writes into, where the writer
	// keeps each one whose key is the same (see Keeper), and the few
	// kilobytes of a member's vCard and entry, made anew, cost less time
	// than they would memory at 100,000 members.
	whole bool
	// program identifies the program that rendered what the cache
	// holds; it is part of every key (see siteKey), so that a new
	// version of memberdir renders everything anew.
	program [32]byte
	// store keeps the cards of a saved cache's build aside (see
	// Scratch); nil keeps them in memory.
	store *cardStore
}

// list is a cached page of a member list.
type list struct {
	key  [32]byte
	page []byte
}

type cached struct {
	key   [32]byte
	card  cardFields // what the card computes of the member's view
	page  []byte
	vcard []byte
	json  []byte // the member's entry in members.json
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{members: map[string]*cached{}, lists: map[string]list{}, search: search.NewCache(), whole: true}
}

// putList remembers a list page.
func (c *Cache) putList(path string, key [32]byte, page []byte) {
	if c == nil || !c.whole {
		return
	}
	c.mu.Lock()
	c.lists[path] = list{key, page}
	c.mu.Unlock()
}

// listKey returns the cache key of a page of a member list (home,
// category or print): the site, the page's path and title, the keys of
// its members (which cover their cards and print entries) and the
// pager's labels, since a rename elsewhere can move the page boundaries.
// It also returns the cached page when it is current.
func (s *site) listKey(path, title string, chunk []*member.Member, pager *Pager, current int, search bool) ([32]byte, []byte) {
	if s.cache == nil {
		return [32]byte{}, nil
	}
	h := sha256.New()
	h.Write(s.siteKey[:])
	str(h, path)
	str(h, title)
	if search {
		str(h, s.data.SearchIndex) // named on the page that searches
	}
	fmt.Fprintf(h, "%d %d\n", current, len(s.dir.Members))
	for _, c := range s.dir.Categories {
		fmt.Fprintf(h, "%s %d\n", c.ID, len(c.Members)) // the counts on the home page
	}
	for _, pg := range pager.Pages {
		str(h, pg.Label)
		str(h, pg.URL)
	}
	for _, m := range chunk {
		k := s.keys[m]
		h.Write(k[:])
	}
	var key [32]byte
	h.Sum(key[:0])
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	if l, ok := s.cache.lists[path]; ok && l.key == key {
		return key, l.page
	}
	return key, nil
}

// photo returns the processed photo with the given photo.Key, if the
// last build had it.
func (c *Cache) photo(key [32]byte) ([]photo.Image, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	imgs, ok := c.photos[key]
	return imgs, ok
}

// keepPhotos replaces the cached photos with this build's, so that the
// cache holds no photo nobody uses any more.
func (c *Cache) keepPhotos(photos map[[32]byte][]photo.Image) {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.photos = photos
	c.mu.Unlock()
}

// cards returns where the build with the cache keeps its cards: nil, in
// memory, without a cache or with serve's.
func (c *Cache) cards() *cardStore {
	if c == nil {
		return nil
	}
	return c.store
}

// searchCache returns the cache of the search index's tokens, or nil.
func (c *Cache) searchCache() *search.Cache {
	if c == nil {
		return nil
	}
	return c.search
}

func (c *Cache) get(slug string, key [32]byte) *cached {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e := c.members[slug]; e != nil && e.key == key {
		return e
	}
	return nil
}

func (c *Cache) put(slug string, e *cached) {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.members[slug] = e
	c.mu.Unlock()
}

// prune drops the entries of members no longer in the directory.
func (c *Cache) prune(ms []*member.Member) {
	if c == nil {
		return
	}
	keep := make(map[string]bool, len(ms))
	for _, m := range ms {
		keep[m.Slug] = true
	}
	c.mu.Lock()
	for slug := range c.members {
		if !keep[slug] {
			delete(c.members, slug)
		}
	}
	c.mu.Unlock()
}

// siteKey hashes everything outside the members that their pages depend
// on: the config, the pages' menu entries and the whole theme.
func siteKey(dir *member.Directory, theme *Theme, logo string, program [32]byte) ([32]byte, error) {
	h := sha256.New()
	h.Write(program[:])
	// The logo's address names its content.
	fmt.Fprintf(h, "%#v\nprint QR %v\nlogo %q\n", dir.Config, len(dir.Members) <= MaxPrintQR, logo)
	for _, p := range dir.Pages {
		fmt.Fprintf(h, "page %q %q %q %d\n", p.Slug, p.Title, p.Menu, p.Weight)
	}
	for _, c := range dir.Categories {
		fmt.Fprintf(h, "cat %q %q\n", c.ID, c.Label)
	}
	var names []string
	err := fs.WalkDir(theme.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return [32]byte{}, err
	}
	sort.Strings(names)
	for _, n := range names {
		data, err := fs.ReadFile(theme.fsys, n)
		if err != nil {
			return [32]byte{}, err
		}
		fmt.Fprintf(h, "file %q %d\n", n, len(data))
		h.Write(data)
	}
	var out [32]byte
	h.Sum(out[:0])
	return out, nil
}

// memberKey hashes what a member's card, page and vCard are made of.
func memberKey(site [32]byte, m *member.Member, photo string) [32]byte {
	// One buffer and one hash call: at 10,000 members a hash.Hash fed
	// field by field cost 30 ms of every serve rebuild.
	b := make([]byte, 0, 512)
	b = append(b, site[:]...)
	b = append(b, m.Digest[:]...)
	b = appendStr(b, m.Path)
	b = appendStr(b, m.Updated)
	b = appendStr(b, photo)
	for _, r := range m.RecommendedBy {
		b = appendStr(b, r.From.Slug)
		b = appendStr(b, r.From.Name)
		b = appendStr(b, r.Note)
	}
	b = append(b, 0xff)
	for _, r := range m.Recommends {
		b = appendStr(b, r.To.Slug)
		b = appendStr(b, r.To.Name)
	}
	// The thanks this member got are written in other files; those it
	// wrote name other members. The page shows the names, dates and
	// notes, the card how many thanks there are.
	b = append(b, 0xff)
	for _, t := range m.ThankedBy {
		b = appendStr(b, t.From.Slug)
		b = appendStr(b, t.From.Name)
		b = appendStr(b, t.Date.String())
		b = appendStr(b, t.Note)
		lang := "" // the note's lang attribute
		if len(t.From.Languages) > 0 {
			lang = t.From.Languages[0]
		}
		b = appendStr(b, lang)
	}
	b = append(b, 0xff)
	for _, t := range m.Thanks {
		b = appendStr(b, t.To.Slug)
		b = appendStr(b, t.To.Name)
	}
	return sha256.Sum256(b)
}

// appendStr appends s with its length, so that two fields cannot run
// together: no two lists of strings give the same bytes.
func appendStr(b []byte, s string) []byte {
	b = binary.LittleEndian.AppendUint64(b, uint64(len(s)))
	return append(b, s...)
}

// str writes s with its length to h.
func str(h io.Writer, s string) { h.Write(appendStr(nil, s)) }
