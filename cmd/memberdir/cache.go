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
// rendered (see site.SavedCache), with its cards set aside in scratch,
// when this program can be told from another; else nil, and every build
// renders everything.
func renderCache(w *write.Writer, scratch render.Scratch) *render.Cache {
	id, ok := program()
	if !ok {
		return nil
	}
	return site.SavedCache(w, id, scratch)
}

// scratchFile returns a file beside the output folder out in which a
// build sets its cards aside (see render.Scratch), and the function that
// removes it. It is on the output's disk rather than in a /tmp that may
// be memory, and it loses its name at once where the system allows that
// of an open file, so that a killed build leaves nothing behind. Without
// it (nil) the cards stay in memory.
func scratchFile(out string) (render.Scratch, func()) {
	f, err := os.CreateTemp(filepath.Dir(filepath.Clean(out)), ".memberdir-scratch-*")
	if err != nil {
		return nil, func() {}
	}
	unnamed := os.Remove(f.Name()) == nil // not on Windows, while open
	return f, func() {
		f.Close()
		if !unnamed {
			os.Remove(f.Name())
		}
	}
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
