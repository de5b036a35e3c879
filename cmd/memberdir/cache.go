package main

import (
	"crypto/sha256"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/render"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/site"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/write"
)

// photoCache returns the folder where build and serve keep processed
// photos for the next run: photos/ in $MEMBERDIR_CACHE_DIR when it is
// set, else memberdir/photos in the user's cache folder (~/.cache on
// Linux). It returns "" when there is no such folder; the photos are then
// processed on every build, which is slower but gives the same bytes.
func photoCache() string {
	dir := os.Getenv("MEMBERDIR_CACHE_DIR")
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(base, "memberdir")
	}
	return filepath.Join(dir, "photos")
}

// renderCache returns the cache of what the last build into w's folder
// rendered (see site.SavedCache), when this program can be told from
// another; else nil, and every build renders everything.
func renderCache(w *write.Writer) *render.Cache {
	id, ok := program()
	if !ok {
		return nil
	}
	return site.SavedCache(w, id)
}

// program returns the hash of the running executable: what one version
// of memberdir rendered, another may render differently.
var program = sync.OnceValues(func() ([32]byte, bool) {
	var id [32]byte
	exe, err := os.Executable()
	if err != nil {
		return id, false
	}
	f, err := os.Open(exe)
	if err != nil {
		return id, false
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return id, false
	}
	h.Sum(id[:0])
	return id, true
})
