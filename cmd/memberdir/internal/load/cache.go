package load

import (
	"fmt"
	"io/fs"
	"sync"
	"time"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// Cache keeps decoded profiles between builds of the same site. A profile
// is decoded again when its file's size or modification time changed, or
// when the config changed (it decides messages and categories). Members
// handed out are clones, so that linking one build cannot change the
// next. A Cache is safe for concurrent use.
//
// Checking size and time costs a stat per profile, 30 ms of each rebuild
// at 10,000 members. A cache that is told of every change (see Changed)
// skips it for the files it was not told about.
type Cache struct {
	mu      sync.Mutex
	entries map[string]cacheEntry

	photos map[string]photoEntry // keys of photos that passed their check

	told     bool            // Changed was called: changes are reported
	verified bool            // a build checked every file since the last Changed("")
	lost     uint64          // the number of Changed("") calls
	dirty    map[string]bool // files reported changed since the last build began
}

// Changed tells the cache that the file at path (a slash path in the site,
// as "content/members/anna.md") may have changed, or with "" that any file
// may have: changes went unreported, or reporting is about to begin. Once
// told about "", the cache relies on being told: after one build that
// checks every file, builds check only the files named since the last one
// began. serve calls it from its file watcher; a cache nobody tells checks
// every file on every build.
func (c *Cache) Changed(path string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if path == "" {
		c.told, c.verified = true, false
		c.lost++
		return
	}
	if c.dirty == nil {
		c.dirty = map[string]bool{}
	}
	c.dirty[path] = true
}

// round is what one build may rely on: whether to trust unreported files,
// and which files were reported.
type round struct {
	trust bool
	dirty map[string]bool
	lost  uint64
}

// begin starts a build: the changes reported so far are this build's, the
// ones reported from now on the next one's.
func (c *Cache) begin() round {
	if c == nil {
		return round{}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	r := round{trust: c.told && c.verified, dirty: c.dirty, lost: c.lost}
	c.dirty = nil
	return r
}

// end finishes a build that read the site without I/O errors: one that
// checked every file makes the next ones trust the reports, unless changes
// went unreported meanwhile.
func (c *Cache) end(r round) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.told && c.lost == r.lost {
		c.verified = true
	}
}

type fileStamp struct {
	size int64
	mod  time.Time
	ok   bool
}

type cacheEntry struct {
	stamp  fileStamp
	config string
	member *member.Member
	errs   member.ErrorList
}

type photoEntry struct {
	stamp fileStamp
	key   [32]byte
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{entries: map[string]cacheEntry{}, photos: map[string]photoEntry{}}
}

// photo returns the key of the photo at path when it passed its check
// before and is unchanged, by the rules of lookup; else the file's stamp
// to store with the new key. A nil Cache knows nothing.
func (c *Cache) photo(fsys fs.FS, path string, r round) ([32]byte, fileStamp, bool) {
	if c == nil {
		return [32]byte{}, fileStamp{}, false
	}
	c.mu.Lock()
	e, ok := c.photos[path]
	c.mu.Unlock()
	if !ok {
		return [32]byte{}, stampOf(fsys, path), false
	}
	st, same := unchanged(fsys, path, e.stamp, r)
	if !same {
		return [32]byte{}, st, false
	}
	return e.key, st, true
}

// storePhoto remembers the key of a photo that passed its check.
func (c *Cache) storePhoto(path string, st fileStamp, key [32]byte) {
	if c == nil || !st.ok {
		return
	}
	c.mu.Lock()
	c.photos[path] = photoEntry{st, key}
	c.mu.Unlock()
}

// configKey captures what of the config a profile's decoding depends on.
func configKey(cfg *member.Config) string {
	return fmt.Sprintf("%s|%v|%v", cfg.Language, cfg.Categories, cfg.ExtraFields)
}

func stampOf(fsys fs.FS, path string) fileStamp {
	st, err := fs.Stat(fsys, path)
	if err != nil {
		return fileStamp{}
	}
	return fileStamp{size: st.Size(), mod: st.ModTime(), ok: true}
}

// lookup returns the cached profile at path when it is still current,
// else the file's stamp to store with the new result.
func (c *Cache) lookup(fsys fs.FS, path, config string, r round) (*member.Member, member.ErrorList, fileStamp, bool) {
	c.mu.Lock()
	e, ok := c.entries[path]
	c.mu.Unlock()
	if !ok {
		return nil, nil, stampOf(fsys, path), false
	}
	st, same := unchanged(fsys, path, e.stamp, r)
	if !same || e.config != config {
		return nil, nil, st, false
	}
	return e.clone(), e.errs, st, true
}

// unchanged reports whether the file at path, cached with stamp old, can
// be taken as it was, by the rules of the round r, and returns the stamp
// to keep. A trusted round takes every file it was not told about; a
// reported file is read again whatever its stamp says, since an edit
// within the file system's time resolution keeps size and time; and for
// that reason a file changed within the last two seconds is always read
// again too.
func unchanged(fsys fs.FS, path string, old fileStamp, r round) (fileStamp, bool) {
	if r.trust && !r.dirty[path] {
		return old, true
	}
	st := stampOf(fsys, path)
	if r.dirty[path] || !st.ok || st != old || time.Since(st.mod) < 2*time.Second {
		return st, false
	}
	return st, true
}

// clone returns a copy of the entry's member for one build, nil for a
// file that could not be read as a profile.
func (e cacheEntry) clone() *member.Member {
	if e.member == nil {
		return nil
	}
	return e.member.Clone()
}

func (c *Cache) store(path string, st fileStamp, config string, m *member.Member, errs member.ErrorList) {
	if !st.ok {
		return
	}
	var keep *member.Member
	if m != nil {
		keep = m.Clone()
	}
	c.mu.Lock()
	c.entries[path] = cacheEntry{stamp: st, config: config, member: keep, errs: errs}
	c.mu.Unlock()
}
