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
type Cache struct {
	mu      sync.Mutex
	entries map[string]cacheEntry
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

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{entries: map[string]cacheEntry{}} }

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
func (c *Cache) lookup(fsys fs.FS, path, config string) (*member.Member, member.ErrorList, fileStamp, bool) {
	st := stampOf(fsys, path)
	c.mu.Lock()
	e, ok := c.entries[path]
	c.mu.Unlock()
	// A file changed within the last two seconds may change again within
	// the file system's time resolution without its stamp changing, so
	// it is always read again.
	if !ok || !st.ok || e.stamp != st || e.config != config || time.Since(st.mod) < 2*time.Second {
		return nil, nil, st, false
	}
	var m *member.Member
	if e.member != nil {
		m = e.member.Clone()
	}
	return m, e.errs, st, true
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
