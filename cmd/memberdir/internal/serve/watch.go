package serve

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watch watches the site's sources under root (config.yaml, and content/
// and templates/ recursively) until ctx is done, and rebuilds after changes.
// A burst of events (an editor's save, a git checkout) becomes one Rebuild
// once events pause for a moment, or after a bounded delay if they never
// pause. Directories created later are watched too; atomic saves (write a
// temporary file, then rename it), deletes and renames all count as
// changes. Nothing else under root is watched: not public/, where the
// build writes, nor dotfiles and dot-directories, nor editors' temporary
// files. Watch returns nil once ctx is done and everything it started has
// stopped, and an error only if watching could not start.
func (s *Server) Watch(ctx context.Context, root string) error {
	root, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer fsw.Close()

	w := &watcher{root: root, fsw: fsw, dirs: make(map[string]bool)}
	// The root itself is watched without its subdirectories, to see
	// config.yaml change and content/ or templates/ appear.
	if err := w.add(root); err != nil {
		return err
	}
	for _, dir := range watchedDirs {
		if err := w.addTree(filepath.Join(root, dir)); err != nil {
			return err
		}
	}
	s.changed("")
	if s.ready != nil {
		s.ready()
	}

	// Builds run in their own goroutine so that events are drained while
	// one runs; kick holds at most one request, so any number of bursts
	// during a build schedule exactly one more.
	kick := make(chan struct{}, 1)
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() { s.runBuilds(ctx, kick) })
	defer wg.Wait()
	defer cancel()

	// One timer debounces all paths: fsnotify's dedup example keeps one
	// per path, but a site has a single build. Every event pushes it back
	// by s.quiet, yet never beyond s.maxWait after the burst's first
	// event, so that a steady stream of changes still rebuilds.
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	var first time.Time // when the pending burst began; zero if none
	schedule := func() {
		now := time.Now()
		if first.IsZero() {
			first = now
		}
		timer.Reset(min(s.quiet, first.Add(s.maxWait).Sub(now)))
	}

	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-fsw.Events:
			if !ok {
				return errors.New("serve: the file watcher stopped")
			}
			if rel, ok := w.handle(ev); ok {
				s.changed(rel)
				schedule()
			}
		case _, ok := <-fsw.Errors:
			if !ok {
				return errors.New("serve: the file watcher stopped")
			}
			// An error such as a queue overflow means events were lost;
			// rebuilding, checking every file, is the answer that cannot
			// be wrong.
			s.changed("")
			schedule()
		case <-timer.C:
			first = time.Time{}
			requestBuild(kick)
		}
	}
}

// changed reports a change to OnChange, when set.
func (s *Server) changed(rel string) {
	if s.OnChange != nil {
		s.OnChange(rel)
	}
}

// requestBuild asks runBuilds for a build, unless one is already due.
func requestBuild(kick chan<- struct{}) {
	select {
	case kick <- struct{}{}:
	default:
	}
}

// runBuilds rebuilds once per request on kick until ctx is done.
func (s *Server) runBuilds(ctx context.Context, kick <-chan struct{}) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-kick:
			if ctx.Err() != nil {
				return
			}
			s.Rebuild()
		}
	}
}

// watchedDirs are the directories of a site, relative to its root, whose
// whole trees are sources; config.yaml is the only other source.
var watchedDirs = []string{"content", "templates"}

// watcher keeps the set of watched directories, like litestream's
// DirectoryMonitor: fsnotify watches single directories, so every
// directory of a tree is added, and removed again when it goes away or is
// renamed. It is used by the Watch goroutine only.
type watcher struct {
	root string
	fsw  *fsnotify.Watcher
	dirs map[string]bool // absolute paths of the watched directories
}

// handle updates the watches for ev and reports whether ev changes the
// site's sources, and which: the file's path relative to the root with
// slashes, or "" when a folder came or went, and with it files that no
// event names.
func (w *watcher) handle(ev fsnotify.Event) (string, bool) {
	rel, err := filepath.Rel(w.root, ev.Name)
	rel = filepath.ToSlash(rel)
	if err != nil || ignored(rel) {
		return "", false
	}
	// Attribute changes come from indexers and backup tools, not edits.
	if ev.Op == fsnotify.Chmod {
		return "", false
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		// A renamed directory comes back as a Create of its new name,
		// which adds it again; its old watches must go first.
		if w.removeTree(ev.Name) {
			rel = ""
		}
	}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
			// Files made in it before its watch was added are read by the
			// rebuild this event schedules anyway.
			w.addTree(ev.Name)
			rel = ""
		}
	}
	return rel, true
}

// add watches one directory.
func (w *watcher) add(dir string) error {
	if w.dirs[dir] {
		return nil
	}
	if err := w.fsw.Add(dir); err != nil {
		return err
	}
	w.dirs[dir] = true
	return nil
}

// addTree watches dir and every directory below it that is not ignored.
// A tree that does not exist, or vanishes meanwhile, is no error: its
// creation will be seen from its parent.
func (w *watcher) addTree(dir string) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if rel, err := filepath.Rel(w.root, p); err != nil || ignored(filepath.ToSlash(rel)) {
			return filepath.SkipDir
		}
		if err := w.add(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// removeTree drops the watches of dir and of every directory below it,
// and reports whether dir was a watched directory.
func (w *watcher) removeTree(dir string) bool {
	prefix := dir + string(filepath.Separator)
	was := w.dirs[dir]
	for d := range w.dirs {
		if d == dir || strings.HasPrefix(d, prefix) {
			// The kernel may have dropped the watch already; that is
			// what an error here means.
			w.fsw.Remove(d)
			delete(w.dirs, d)
		}
	}
	return was
}

// ignored reports whether a path, relative to the site root with slashes,
// is no source of the site: anything outside config.yaml, content/ and
// templates/ (such as public/ and .git/), dotfiles and dot-directories,
// and the temporary files editors write next to the files they save.
func ignored(rel string) bool {
	elems := strings.Split(rel, "/")
	if rel == "config.yaml" {
		return false
	}
	top := false
	for _, d := range watchedDirs {
		top = top || elems[0] == d
	}
	if !top {
		return true
	}
	for _, e := range elems {
		if strings.HasPrefix(e, ".") {
			return true // .git, .DS_Store, vim's .x.swp, emacs's .#x
		}
	}
	name := elems[len(elems)-1]
	switch {
	case name == "4913": // vim's probe whether it may write the directory
		return true
	case strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"): // emacs auto-save
		return true
	}
	for _, suffix := range []string{"~", ".swp", ".swo", ".swx", ".tmp", ".kate-swp", "___jb_tmp___", "___jb_old___"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}
