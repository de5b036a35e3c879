// Package write puts a built site on disk atomically and writes only what
// changed: every file goes into a folder beside the target, which replaces
// the target only when all of it is written, so a failed or killed build
// leaves the previous site as it was, and files that no longer belong to
// the site disappear.
//
// The folder a build writes into is, when there is one, the site the
// build before it replaced, kept beside the target as .<name>.previous
// (the spare). A file the spare already holds with the same bytes is left
// as it is: its size is compared first, then its bytes, read in small
// pieces. Only files that differ are written, in place where the file is
// the spare's alone, since creating a file costs the file system far more
// than rewriting one (on ext4, ten times more for some seconds after many
// files were deleted), and a site of 10,000 members has 21,000 files in
// 10,000 folders. Measured on such a site (352 MB) after one edit: reading
// and comparing every file takes about 0.3 s, rewriting every file in
// place about the same plus the disk's later work, creating them anew 2 to
// 4 s, and deleting a whole old copy 6 s. A rebuild after one edit writes
// a handful of files; the rest keep their modification time, so rsync and
// web caches see only what changed.
//
// So that the spare is the site before this one rather than the one
// before that, Commit hard-links each file the build wrote into the spare,
// in place of the spare's own, and removes from it what the build removed.
// Where there is no spare yet but a site (the first rebuild after a build
// into a new folder, which leaves only its notes there), the folder is
// filled with hard links to the site's files and folders, while the site
// is loaded. A file with two names is
// never rewritten in place (that would change the live site): it is
// replaced by a new one. The spare's content is compared, never trusted,
// so a spare that is out of date, or left half-written by a killed
// build, costs writes but never gives a wrong site. The one exception is
// a file the caller gives a key (Keep): Commit notes beside the spare how
// each such file stands on disk, and the next build leaves it unread when
// its key is the same and it still stands so (see notes.go).
//
// The other ways considered cost more: a new folder of hard links to the
// unchanged files of the live site needs 10,000 new folders and 21,000
// links per build and the deletion of the old copy; updating the live
// folder in place with a journal to roll back would show a web server
// serving it a mix of two sites while it runs.
package write

import (
	"bytes"
	"fmt"
	"io"
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

	// live is whether dir held a site when the build began; then the
	// paths written (not found unchanged) and removed are kept in
	// changed and gone, to bring the spare up to date at Commit.
	live      bool
	mu        sync.Mutex
	changed   []string
	gone      []string
	written   atomic.Int64
	unchanged atomic.Int64
	kept      atomic.Int64 // of unchanged, those Keep left unread

	// last is what the previous build noted of the files of the reused
	// folder, keys the keys this build gave (see Keep), and leave the
	// caller's notes for the next build (see Leave).
	last    map[string]kept
	vouched map[string]bool // files of last cloned from the live site as noted (see clone)
	keys    map[string][32]byte
	leave   map[string]func(io.Writer) error
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
	w := &Writer{dir: dir, spare: filepath.Join(parent, base+".previous"), live: exists(dir), vouched: map[string]bool{}}

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
	if w.held == nil && w.live {
		w.held = map[string]*entry{}
		w.ready = make(chan struct{})
		go w.cloneLive()
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
	w.readKeys()
	site := false // whether the folder holds more than notes
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
			site = true
		case d.Type().IsRegular():
			w.held[rel] = &entry{}
			site = site || !isNote(rel) && rel != ".gitignore"
		default:
			return os.Remove(p)
		}
		return nil
	})
	if err != nil {
		// A spare that cannot be read through (a folder another user
		// made) is not worth failing the build for: start from an empty
		// folder.
		w.restart()
		return
	}
	// A folder of notes alone is what a build into a new folder left
	// (see Commit): the live site is cloned into it, as when there is no
	// spare, and the notes speak of the live site's files.
	if !site && w.live && w.clone() != nil {
		w.restart()
	}
}

// cloneLive fills the new folder with hard links to the files of the
// live site, while the caller is still loading the site, when there is
// no spare to reuse (the first rebuild after a build into a new folder,
// or after the spare was deleted): a link costs a name but no data, and
// what the build then finds unchanged it leaves as it is. Only plain
// files and folders are cloned. Where a link cannot be made (another
// file system, or one without hard links), cloning stops and the rest
// is written anew.
func (w *Writer) cloneLive() {
	defer close(w.ready)
	if w.clone() != nil {
		w.restart()
	}
}

// clone fills the new folder with hard links to the live site's files
// (see cloneLive). A file the last build noted (see Commit) and that
// still stands as noted is vouched for: the link shares its content, and
// Keep may leave it, though making the link changed its change time.
func (w *Writer) clone() error {
	return filepath.WalkDir(w.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == w.dir {
			return nil
		}
		rel, err := filepath.Rel(w.dir, p)
		if err != nil {
			return err
		}
		dst := filepath.Join(w.tmp, rel)
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			if err := os.Mkdir(dst, 0o755); err != nil {
				return err
			}
			w.held[rel] = &entry{dir: true}
			w.made.Store(dst, true)
		case d.Type().IsRegular():
			if k, ok := w.last[rel]; ok {
				if st, err := os.Lstat(p); err == nil && stampOf(st) == k.Stamp {
					w.vouched[rel] = true
				}
			}
			if os.Link(p, dst) != nil {
				delete(w.vouched, rel)
				return fs.SkipAll
			}
			w.held[rel] = &entry{}
		}
		return nil
	})
}

// restart empties the new folder after it could not be surveyed or
// cloned, so that the build writes every file anew.
func (w *Writer) restart() {
	w.held = map[string]*entry{}
	w.made.Clear()
	if err := os.RemoveAll(w.tmp); err != nil {
		w.survey = fmt.Errorf("%s, a copy of the previous build to be rewritten, cannot be used or removed (%v) — delete it", w.tmp, err)
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
	if isNote(p) {
		return fmt.Errorf("refusing to write %q: names beginning with %s are memberdir's own", p, notePrefix)
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
	var err error
	switch {
	case e == nil:
		err = os.WriteFile(full, data, 0o644)
	case e.dir: // a folder where the new site has a file
		e.kept.Store(true)
		if err = os.RemoveAll(full); err == nil {
			err = os.WriteFile(full, data, 0o644)
		}
	default:
		e.kept.Store(true)
		var same bool
		if same, err = update(full, data); same {
			w.unchanged.Add(1)
			return nil
		}
	}
	if err != nil {
		return err
	}
	w.written.Add(1)
	if w.live {
		w.mu.Lock()
		w.changed = append(w.changed, p)
		w.mu.Unlock()
	}
	return nil
}

// Counts returns how many files were written and how many were found on
// disk with the same bytes already, and left as they were.
func (w *Writer) Counts() (written, unchanged int64) {
	return w.written.Load(), w.unchanged.Load()
}

// Kept returns how many of the unchanged files Keep left as they were
// without their bytes being compared.
func (w *Writer) Kept() int64 { return w.kept.Load() }

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

// update makes the file at full hold data and reports whether it already
// did, in which case it is left untouched. A file that differs is
// rewritten in place when it is a plain file of its own; a file with
// other names (a hard link, as Commit and "cp -al" make) is replaced by a
// new one, so that what the other names show stays as it was.
func update(full string, data []byte) (same bool, err error) {
	f, err := os.OpenFile(full, os.O_RDWR|noFollow, 0)
	if err == nil {
		st, err := f.Stat()
		if err == nil && st.Mode().IsRegular() {
			if st.Size() == int64(len(data)) && equal(f, data) {
				return true, f.Close()
			}
			if !shared(st) {
				_, err = f.WriteAt(data, 0)
				if err == nil {
					err = f.Truncate(int64(len(data)))
				}
				if cerr := f.Close(); err == nil {
					err = cerr
				}
				return false, err
			}
		}
		f.Close()
	}
	if err := os.Remove(full); err != nil && !os.IsNotExist(err) {
		return false, err
	}
	return false, os.WriteFile(full, data, 0o644)
}

// chunks holds the buffers equal reads into, so that comparing a large
// file costs no more memory than a small one.
var chunks = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// equal reports whether what f holds from its start is data, reading no
// further than the first difference. The caller has checked the size.
func equal(f *os.File, data []byte) bool {
	bp := chunks.Get().(*[]byte)
	defer chunks.Put(bp)
	buf := *bp
	for off := 0; off < len(data); {
		n := min(len(buf), len(data)-off)
		if _, err := io.ReadFull(f, buf[:n]); err != nil || !bytes.Equal(buf[:n], data[off:off+n]) {
			return false
		}
		off += n
	}
	return true
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
		// A build into a new folder has no site to keep as the spare,
		// but leaves its notes in a folder of their own there, of the
		// live site's files, which the next build clones (see
		// surveyHeld): its first rebuild then renders only what changed.
		if (len(w.keys) > 0 || len(w.leave) > 0) && !exists(w.spare) && os.Mkdir(w.spare, 0o755) == nil {
			w.leaveNotes(w.dir, nil)
			ignore(w.spare)
		}
		return nil
	}
	if exists(w.spare) || os.Rename(old, w.spare) != nil {
		return os.RemoveAll(old)
	}
	w.leaveNotes(w.spare, w.mirror())
	ignore(w.spare)
	return nil
}

// ignore keeps the spare, which often sits in the site's repository
// beside public/, out of git.
func ignore(spare string) {
	os.WriteFile(filepath.Join(spare, ".gitignore"), []byte("# the previous build, kept by memberdir to be rewritten by the next one\n*\n"), 0o644)
}

// mirror brings the spare, which holds the site this build replaced, up
// to date with the one it committed, so that the next build writes only
// what changes after this one: what the build removed is removed, and
// what it wrote is linked in from the site. Where a link cannot be made
// (a file system without hard links), the spare keeps its older file.
// Nothing here can make a build wrong, only make the next one write more,
// so errors are not reported; the paths that could not be brought up to
// date are returned, for leaveNotes.
func (w *Writer) mirror() map[string]bool {
	failed := map[string]bool{}
	for _, p := range w.gone {
		os.RemoveAll(filepath.Join(w.spare, filepath.FromSlash(p)))
	}
	made := map[string]bool{}
	for _, p := range w.changed {
		dst := filepath.Join(w.spare, filepath.FromSlash(p))
		if err := os.Remove(dst); err != nil && !os.IsNotExist(err) {
			os.RemoveAll(dst) // a folder where the site now has a file
		}
		if d := path.Dir(p); d != "." && !made[d] {
			made[d] = true
			full := filepath.Join(w.spare, filepath.FromSlash(d))
			if os.MkdirAll(full, 0o755) != nil {
				// A file of the old site stands where the new one has a folder.
				for a := d; a != "."; a = path.Dir(a) {
					if st, err := os.Lstat(filepath.Join(w.spare, filepath.FromSlash(a))); err == nil && !st.IsDir() {
						os.Remove(filepath.Join(w.spare, filepath.FromSlash(a)))
					}
				}
				os.MkdirAll(full, 0o755)
			}
		}
		if os.Link(filepath.Join(w.dir, filepath.FromSlash(p)), dst) != nil {
			failed[p] = true
		}
	}
	return failed
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
		if w.live {
			w.gone = append(w.gone, p)
		}
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
