package write

import (
	"bufio"
	"encoding/gob"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// A build leaves notes for the next one in the spare, beside the site it
// holds. One note is the writer's own: for each file the caller gave a
// key (Keep), the key and how the file stood on disk once the spare was
// up to date: size, modification and change time, inode. The next build
// writes into that folder, and Keep can leave a file whose key is the
// same as it stands, without the caller rendering it or this package
// reading it: a build that was killed, or anyone else, writing to the
// file changes its times, and a new file has another inode. git tells
// unchanged files in its index the same way. Other notes are the
// caller's (Leave, Note), such as the cards of the members, which are
// worth keeping for the next build only together with the pages they
// were rendered with.
//
// Notes are files of the spare whose names begin with notePrefix, which
// Put refuses; a build removes them from the folder before it becomes the
// live site, like any file the site no longer has.
const notePrefix = ".memberdir-"

// keysNote is the name of the writer's own note.
const keysNote = "keys"

// kept is what the writer's note says of one file.
type kept struct {
	Path  string
	Key   [32]byte
	Stamp stamp
}

// Keep reports whether the file at p, a slash path, can stay as the last
// build left it because key, which the caller derives from everything the
// file's bytes are made of, is the key that build gave it. The file then
// counts as unchanged and the caller must not Put it. When Keep returns
// false the caller must Put the file; its key is noted either way, for
// the next build.
func (w *Writer) Keep(p string, key [32]byte) bool {
	if !safePath(p) || w.wait() != nil {
		return false
	}
	w.mu.Lock()
	if w.keys == nil {
		w.keys = map[string][32]byte{}
	}
	w.keys[p] = key
	w.mu.Unlock()
	last, ok := w.last[p]
	e := w.held[p]
	if !ok || last.Key != key || e == nil || e.dir {
		return false
	}
	st, err := os.Lstat(filepath.Join(w.tmp, filepath.FromSlash(p)))
	if err != nil || !st.Mode().IsRegular() || stampOf(st) != last.Stamp && !w.vouched[p] {
		return false
	}
	if d := path.Dir(p); d != "." {
		if err := w.mkdir(d); err != nil { // marks the folders as kept
			return false
		}
	}
	e.kept.Store(true)
	w.unchanged.Add(1)
	w.kept.Add(1)
	return true
}

// Leave asks Commit to leave a note named name for the next build,
// written by write, once the site is in place. A note that fails to be
// written is left out: it can only save the next build work.
func (w *Writer) Leave(name string, write func(io.Writer) error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.leave == nil {
		w.leave = map[string]func(io.Writer) error{}
	}
	w.leave[name] = write
}

// Note opens the note named name that the last build left, if the folder
// this build writes into holds one. The caller checks what it reads: a
// note can be out of date or cut short. It does not wait for the folder
// to be surveyed, which at 100,000 members takes seconds the caller
// spends loading the site.
func (w *Writer) Note(name string) (io.ReadCloser, bool) {
	full := filepath.Join(w.tmp, notePrefix+name)
	// Only a plain file: the survey, which removes anything else, may
	// not have come to it yet.
	if st, err := os.Lstat(full); err != nil || !st.Mode().IsRegular() {
		return nil, false
	}
	f, err := os.OpenFile(full, os.O_RDONLY|noFollow, 0)
	if err != nil {
		return nil, false
	}
	return f, true
}

// readKeys reads the writer's note in the reused folder, before the
// folder is surveyed. The note stays there: a build that fails or is
// killed leaves it for the next, and a file such a build rewrote no
// longer stands as the note says, which Keep checks for every file. A
// build that completes drops it with the other files the site does not
// have.
func (w *Writer) readKeys() {
	name := filepath.Join(w.tmp, notePrefix+keysNote)
	if st, err := os.Lstat(name); err != nil || !st.Mode().IsRegular() {
		return
	}
	f, err := os.OpenFile(name, os.O_RDONLY|noFollow, 0)
	if err != nil {
		return
	}
	defer f.Close()
	var all []kept
	if gob.NewDecoder(bufio.NewReader(f)).Decode(&all) != nil {
		return
	}
	w.last = make(map[string]kept, len(all))
	for _, k := range all {
		w.last[k.Path] = k
	}
}

// leaveNotes writes the notes into the spare: of the files of the folder
// site as they stand, the spare itself once Commit has brought it up to
// date with the live site (failed holds the paths it could not, see
// mirror), or the live site when there was none before. Errors are not
// reported: see Leave.
func (w *Writer) leaveNotes(site string, failed map[string]bool) {
	all := make([]kept, 0, len(w.keys))
	for p, key := range w.keys {
		if failed[p] {
			continue
		}
		st, err := os.Lstat(filepath.Join(site, filepath.FromSlash(p)))
		if err != nil || !st.Mode().IsRegular() {
			continue
		}
		all = append(all, kept{Path: p, Key: key, Stamp: stampOf(st)})
	}
	if len(all) > 0 {
		note(w.spare, keysNote, func(out io.Writer) error { return gob.NewEncoder(out).Encode(all) })
	}
	for name, write := range w.leave {
		note(w.spare, name, write)
	}
}

// note writes one note into the folder dir, under a temporary name until
// it is complete.
func note(dir, name string, write func(io.Writer) error) {
	full := filepath.Join(dir, notePrefix+name)
	f, err := os.CreateTemp(dir, notePrefix+name+".tmp-")
	if err != nil {
		return
	}
	b := bufio.NewWriterSize(f, 256<<10)
	err = write(b)
	if err == nil {
		err = b.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), full)
	}
	if err != nil {
		os.Remove(f.Name())
	}
}

// isNote reports whether the slash path p names a note.
func isNote(p string) bool { return strings.HasPrefix(p, notePrefix) }

// stampOf is how a file stands on disk, as far as notes compare it.
func stampOf(st fs.FileInfo) stamp {
	s := sysStamp(st)
	s.Size = st.Size()
	s.Mod = st.ModTime().UnixNano()
	return s
}
