// Package write puts a built site on disk atomically: every file goes into
// a folder beside the target, which replaces the target only when all of
// it is written, so a failed or killed build leaves the previous site as
// it was, and files that no longer belong to the site disappear.
//
// The folder a build writes into is, when there is one, the site the
// build before it replaced, kept beside the target as .<name>.previous.
// Its files are overwritten in place rather than created anew: creating
// a file costs the file system far more than rewriting one (on ext4
// without a journal, ten times more for some seconds after many files
// were deleted), and a site of 10,000 members has 21,000 files.
package write

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// Writer receives a site's files one by one, from any goroutine, into a
// folder beside the target; Commit swaps that folder into place.
type Writer struct {
	dir   string
	tmp   string
	spare string   // where the replaced site is kept for the next build
	made  sync.Map // folders known to exist

	// For a reused folder: what it held (slash path → entry), complete
	// once ready is closed. Entries a build does not write are removed
	// at Commit.
	held   map[string]*entry
	ready  chan struct{}
	survey error
}

// entry is a file or folder of a reused folder; kept marks it as part of
// the new site.
type entry struct {
	dir  bool
	kept atomic.Bool
}

// New starts writing a new version of dir.
func New(dir string) (*Writer, error) {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	if st, err := os.Lstat(dir); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("%s exists and is not a folder — remove it or choose another --out", dir)
	}
	base := "." + filepath.Base(dir)
	w := &Writer{dir: dir, spare: filepath.Join(parent, base+".previous")}

	// A folder left behind by a build that was killed is as good a
	// spare as the previous site: none of its content is trusted.
	stale, _ := filepath.Glob(filepath.Join(parent, base+".new-*"))
	for _, s := range stale {
		if !exists(w.spare) && os.Rename(s, w.spare) == nil {
			continue
		}
		os.RemoveAll(s)
	}

	tmp, err := os.MkdirTemp(parent, base+".new-")
	if err != nil {
		return nil, err
	}
	w.tmp = tmp
	// On most systems a folder can take the place of an empty one. A
	// spare that is not a real folder (a link) is not used.
	if st, err := os.Lstat(w.spare); err == nil && st.IsDir() && os.Remove(tmp) == nil {
		if os.Rename(w.spare, tmp) == nil {
			w.held = map[string]*entry{}
			w.ready = make(chan struct{})
			go w.surveyHeld()
		} else if err := os.Mkdir(tmp, 0o700); err != nil {
			return nil, err
		}
	}
	// MkdirTemp creates 0700; a web server must be able to read the site.
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return w, nil
}

// surveyHeld lists what the reused folder holds, while the caller is
// still loading the site. Anything that is neither a plain file nor a
// folder (a symbolic link above all, which a write would follow out of
// the folder) is removed here.
func (w *Writer) surveyHeld() {
	defer close(w.ready)
	err := filepath.WalkDir(w.tmp, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == w.tmp {
			return nil
		}
		rel, err := filepath.Rel(w.tmp, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			w.held[rel] = &entry{dir: true}
			w.made.Store(p, true)
		case d.Type().IsRegular():
			w.held[rel] = &entry{}
		default:
			return os.Remove(p)
		}
		return nil
	})
	if err == nil {
		return
	}
	// A spare that cannot be read through (a folder another user made)
	// is not worth failing the build for: start from an empty folder.
	w.held = map[string]*entry{}
	w.made.Clear()
	if err := os.RemoveAll(w.tmp); err != nil {
		w.survey = fmt.Errorf("the previous build, kept in %s to be rewritten, cannot be used or removed (%v) — delete it", w.spare, err)
		return
	}
	w.survey = os.Mkdir(w.tmp, 0o755)
}

// wait returns once the reused folder has been surveyed.
func (w *Writer) wait() error {
	if w.ready == nil {
		return nil
	}
	<-w.ready
	return w.survey
}

// Streams reports that Put is done with the bytes it is given when it
// returns: they are on disk, and the caller may reuse the buffer.
func (w *Writer) Streams() bool { return true }

// Put writes one file; p is a slash path relative to the site root.
func (w *Writer) Put(p string, data []byte) error {
	if !safePath(p) {
		return fmt.Errorf("refusing to write %q outside the output folder", p)
	}
	if err := w.wait(); err != nil {
		return err
	}
	full := filepath.Join(w.tmp, filepath.FromSlash(p))
	if d := path.Dir(p); d != "." {
		if err := w.mkdir(d); err != nil {
			return err
		}
	}
	e := w.held[p]
	if e == nil {
		return os.WriteFile(full, data, 0o644)
	}
	e.kept.Store(true)
	if e.dir { // a folder where the new site has a file
		if err := os.RemoveAll(full); err != nil {
			return err
		}
		return os.WriteFile(full, data, 0o644)
	}
	return overwrite(full, data)
}

// mkdir makes sure the folder d (a slash path) exists and is kept.
func (w *Writer) mkdir(d string) error {
	for a := d; a != "."; a = path.Dir(a) {
		if e := w.held[a]; e != nil {
			e.kept.Store(true) // a file there is replaced below
		}
	}
	full := filepath.Join(w.tmp, filepath.FromSlash(d))
	if _, ok := w.made.Load(full); ok {
		return nil
	}
	err := os.MkdirAll(full, 0o755)
	if err != nil && w.held != nil {
		// A file of the old site stands where the new one has a folder.
		for a := d; a != "."; a = path.Dir(a) {
			if e := w.held[a]; e != nil && !e.dir {
				os.Remove(filepath.Join(w.tmp, filepath.FromSlash(a)))
			}
		}
		err = os.MkdirAll(full, 0o755)
	}
	if err != nil {
		return err
	}
	w.made.Store(full, true)
	return nil
}

// overwrite replaces the content of the file at full, reusing it when it
// is a plain file of its own. A file with other names (a hard link, as
// "cp -al" makes) is replaced by a new one, so that what the other names
// show stays as it was.
func overwrite(full string, data []byte) error {
	f, err := os.OpenFile(full, os.O_WRONLY|noFollow, 0)
	if err == nil {
		st, err := f.Stat()
		if err == nil && st.Mode().IsRegular() && !shared(st) {
			_, err = f.Write(data)
			if err == nil {
				err = f.Truncate(int64(len(data)))
			}
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			return err
		}
		f.Close()
	}
	if err := os.Remove(full); err != nil && !os.IsNotExist(err) {
		return err
	}
	return os.WriteFile(full, data, 0o644)
}

// Abort leaves the previous site untouched; what was written is kept as
// the spare for the next build.
func (w *Writer) Abort() error {
	w.wait()
	if !exists(w.spare) && os.Rename(w.tmp, w.spare) == nil {
		return nil
	}
	return os.RemoveAll(w.tmp)
}

// Commit replaces the target folder with the new one: what the reused
// folder held and this build did not write is removed, the old site is
// moved aside, the new one moved in, and the old one kept as the spare.
func (w *Writer) Commit() error {
	if err := w.wait(); err != nil {
		w.Abort()
		return err
	}
	if err := w.dropUnwritten(); err != nil {
		w.Abort()
		return err
	}
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
	if old == "" {
		return nil
	}
	if exists(w.spare) || os.Rename(old, w.spare) != nil {
		return os.RemoveAll(old)
	}
	// The spare often sits in the site's repository, beside public/.
	os.WriteFile(filepath.Join(w.spare, ".gitignore"), []byte("# the previous build, kept by memberdir to be rewritten by the next one\n*\n"), 0o644)
	return nil
}

// dropUnwritten removes every file and folder of the reused folder that
// the new site does not have.
func (w *Writer) dropUnwritten() error {
	var gone []string
	for p, e := range w.held {
		if !e.kept.Load() {
			gone = append(gone, p)
		}
	}
	// Parents before their content, which goes with them.
	sort.Strings(gone)
	var last string
	for _, p := range gone {
		if last != "" && strings.HasPrefix(p, last+"/") {
			continue
		}
		full := filepath.Join(w.tmp, filepath.FromSlash(p))
		if err := os.RemoveAll(full); err != nil {
			// Gone with a folder the new site has a file in place of.
			if _, serr := os.Lstat(full); serr == nil {
				return err
			}
		}
		last = p
	}
	return nil
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
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
