// Package write puts a built site on disk atomically: every file goes into
// a fresh folder beside the target, which replaces the target only when
// all of it is written, so a failed or killed build leaves the previous
// site as it was, and files that no longer belong to the site disappear.
package write

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Writer receives a site's files one by one, from any goroutine, into a
// temporary folder; Commit swaps that folder into place.
type Writer struct {
	dir  string
	tmp  string
	made sync.Map // folders already created
}

// New starts writing a new version of dir. Folders left behind by builds
// that were killed before they could clean up are removed first.
func New(dir string) (*Writer, error) {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	if st, err := os.Lstat(dir); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("%s exists and is not a folder — remove it or choose another --out", dir)
	}
	stale, _ := filepath.Glob(filepath.Join(parent, "."+filepath.Base(dir)+".new-*"))
	for _, s := range stale {
		os.RemoveAll(s)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return nil, err
	}
	// MkdirTemp creates 0700; a web server must be able to read the site.
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return &Writer{dir: dir, tmp: tmp}, nil
}

// Put writes one file; p is a slash path relative to the site root.
func (w *Writer) Put(p string, data []byte) error {
	if !safePath(p) {
		return fmt.Errorf("refusing to write %q outside the output folder", p)
	}
	full := filepath.Join(w.tmp, filepath.FromSlash(p))
	if d := filepath.Dir(full); d != w.tmp {
		if _, ok := w.made.Load(d); !ok {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			w.made.Store(d, true)
		}
	}
	return os.WriteFile(full, data, 0o644)
}

// Abort removes what was written; the previous site stays untouched.
func (w *Writer) Abort() error { return os.RemoveAll(w.tmp) }

// Commit replaces the target folder with the new one: the old site is
// moved aside, the new one moved in, and only then the old one deleted.
func (w *Writer) Commit() error {
	old := ""
	if _, err := os.Lstat(w.dir); err == nil {
		old = w.tmp + ".old"
		if err := os.Rename(w.dir, old); err != nil {
			w.Abort()
			return err
		}
	}
	if err := os.Rename(w.tmp, w.dir); err != nil {
		if old != "" {
			os.Rename(old, w.dir)
		}
		w.Abort()
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// Dir writes files (slash paths → content) to dir atomically.
func Dir(dir string, files map[string][]byte) error {
	w, err := New(dir)
	if err != nil {
		return err
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if err := w.Put(p, files[p]); err != nil {
			w.Abort()
			return err
		}
	}
	return w.Commit()
}

// safePath reports whether p is a clean relative slash path that stays
// inside the output folder.
func safePath(p string) bool {
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") {
		return false
	}
	for _, part := range strings.Split(p, "/") {
		if part == "" || part == "." || part == ".." {
			return false
		}
	}
	return true
}
