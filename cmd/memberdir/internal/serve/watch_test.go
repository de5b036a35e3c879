package serve

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// diskSite is a fake build that serves every file under root at its own
// path (except public/ and .git/), so a test sees the disk through the
// server. It counts its calls in builds.
func diskSite(root string, builds *atomic.Int32) BuildFunc {
	return func() (map[string][]byte, error) {
		builds.Add(1)
		fsys := os.DirFS(root)
		files := map[string][]byte{}
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			switch {
			case errors.Is(err, fs.ErrNotExist):
				return nil // removed while walking
			case err != nil:
				return err
			case d.IsDir() && (p == "public" || p == ".git"):
				return fs.SkipDir
			case d.IsDir():
				return nil
			}
			data, err := fs.ReadFile(fsys, p)
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			files[p] = data
			return err
		})
		var names []string
		for name := range files {
			names = append(names, name)
		}
		sort.Strings(names)
		files["index.html"] = []byte("<html><body>" + strings.Join(names, "\n") + "</body></html>")
		return files, err
	}
}

// watchTest is a site in a temporary directory, served and watched.
type watchTest struct {
	t       *testing.T
	root    string
	s       *Server
	builds  atomic.Int32
	reloads chan uint64
	cancel  context.CancelFunc
	done    chan error
	stopped bool
	seen    uint64 // the last reload event received
}

// startWatch writes files (path → content) into a new site, builds it and
// starts watching it, after setting up the server with each of setup.
func startWatch(t *testing.T, files map[string]string, setup ...func(*Server)) *watchTest {
	t.Helper()
	w := &watchTest{t: t, root: t.TempDir(), done: make(chan error, 1)}
	for name, content := range files {
		w.write(t, name, content)
	}
	w.s = New(diskSite(w.root, &w.builds))
	for _, f := range setup {
		f(w.s)
	}
	if err := w.s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	w.reloads = w.s.subscribe()
	ready := make(chan struct{})
	w.s.ready = func() { close(ready) }
	ctx, cancel := context.WithCancel(context.Background())
	w.cancel = cancel
	go func() { w.done <- w.s.Watch(ctx, w.root) }()
	select {
	case <-ready:
	case err := <-w.done:
		t.Fatalf("Watch: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("Watch not ready after 5s")
	}
	t.Cleanup(func() { w.stop() })
	return w
}

// stop cancels the watch and waits for Watch to return.
func (w *watchTest) stop() {
	w.t.Helper()
	if w.stopped {
		return
	}
	w.stopped = true
	w.cancel()
	select {
	case err := <-w.done:
		if err != nil {
			w.t.Errorf("Watch: %v", err)
		}
	case <-time.After(5 * time.Second):
		w.t.Fatal("Watch did not return within 5s of its context's end")
	}
}

func (w *watchTest) path(name string) string { return filepath.Join(w.root, filepath.FromSlash(name)) }

func (w *watchTest) write(t *testing.T, name, content string) {
	t.Helper()
	p := w.path(name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// atomicWrite saves a file as many editors do: write a temporary file,
// then rename it over the old one.
func (w *watchTest) atomicWrite(t *testing.T, name, content string) {
	t.Helper()
	w.write(t, name+".tmp", content)
	if err := os.Rename(w.path(name+".tmp"), w.path(name)); err != nil {
		t.Fatal(err)
	}
}

// get returns the status and body the server answers for name, without
// the reload script the server adds to HTML.
func (w *watchTest) get(name string) (int, string) {
	r := do(w.s, "GET", "/"+name)
	body := r.Body.String()
	if i := strings.LastIndex(body, scriptTag); i >= 0 && isHTML(name) {
		body = body[:i]
	}
	return r.Code, body
}

// expect waits until the server serves want for name ("" meaning 404),
// and then for the reload event of the build that serves it.
func (w *watchTest) expect(t *testing.T, name, want string) {
	t.Helper()
	eventually(t, name+" = "+want, func() bool {
		code, body := w.get(name)
		if want == "" {
			return code == 404
		}
		return code == 200 && body == want
	})
	gen := w.s.state.Load().gen
	deadline := time.After(5 * time.Second)
	for w.seen < gen {
		select {
		case w.seen = <-w.reloads:
		case <-deadline:
			t.Fatalf("no reload event for build %d", gen)
		}
	}
}

func TestWatch(t *testing.T) {
	before := runtime.NumGoroutine()
	w := startWatch(t, map[string]string{
		"config.yaml":                "title: Test\n",
		"content/members/anna.md":    "anna v1",
		"templates/page.html":        "<main></main>",
		"public/index.html":          "old output",
		".git/HEAD":                  "ref: refs/heads/main\n",
		"cmd/memberdir/main.go":      "package main\n",
		"content/members/.gitignore": "",
	})
	if code, body := w.get("content/members/anna.md"); code != 200 || body != "anna v1" {
		t.Fatalf("first build serves %d %q", code, body)
	}

	t.Run("ignored", func(t *testing.T) {
		// Nothing is pending right after the start, so any build from here
		// on would come from these writes. Absence needs a wait: several
		// times the quiet period.
		builds, gen := w.builds.Load(), w.s.state.Load().gen
		w.write(t, "public/index.html", "new output")
		w.write(t, "public/members/anna/index.html", "new output")
		w.write(t, ".git/HEAD", "ref: refs/heads/other\n")
		w.write(t, ".git/objects/ab/cdef", "x")
		w.write(t, "cmd/memberdir/main.go", "package main // edited\n")
		w.write(t, "README.md", "readme")
		w.write(t, "content/members/.anna.md.swp", "swap")
		w.write(t, "content/members/anna.md~", "backup")
		w.write(t, "content/members/4913", "")
		w.write(t, "content/members/#anna.md#", "autosave")
		w.write(t, "content/members/.#anna.md", "lock")
		w.write(t, "content/.cache/x", "hidden directory")
		time.Sleep(6 * w.s.quiet)
		if got := w.builds.Load(); got != builds {
			t.Errorf("%d builds after changes to ignored files", got-builds)
		}
		if got := w.s.state.Load().gen; got != gen {
			t.Errorf("generation %d, want %d", got, gen)
		}
		select {
		case id := <-w.reloads:
			t.Errorf("reload event %d after changes to ignored files", id)
		default:
		}
	})

	t.Run("edit", func(t *testing.T) {
		w.write(t, "content/members/anna.md", "anna v2")
		w.expect(t, "content/members/anna.md", "anna v2")
	})
	t.Run("add", func(t *testing.T) {
		w.write(t, "content/members/ben.md", "ben v1")
		w.expect(t, "content/members/ben.md", "ben v1")
	})
	t.Run("atomic save", func(t *testing.T) {
		w.atomicWrite(t, "content/members/anna.md", "anna v3")
		w.expect(t, "content/members/anna.md", "anna v3")
		w.expect(t, "content/members/anna.md.tmp", "")
		w.atomicWrite(t, "config.yaml", "title: Renamed\n")
		w.expect(t, "config.yaml", "title: Renamed\n")
		w.atomicWrite(t, "templates/page.html", "<main>v2</main>")
		w.expect(t, "templates/page.html", "<main>v2</main>")
	})
	t.Run("delete", func(t *testing.T) {
		if err := os.Remove(w.path("content/members/ben.md")); err != nil {
			t.Fatal(err)
		}
		w.expect(t, "content/members/ben.md", "")
	})
	t.Run("rename file", func(t *testing.T) {
		if err := os.Rename(w.path("content/members/anna.md"), w.path("content/members/anna-mueller.md")); err != nil {
			t.Fatal(err)
		}
		w.expect(t, "content/members/anna-mueller.md", "anna v3")
		w.expect(t, "content/members/anna.md", "")
	})
	t.Run("new directory", func(t *testing.T) {
		w.write(t, "content/pages/legal/imprint.md", "imprint v1")
		w.expect(t, "content/pages/legal/imprint.md", "imprint v1")
		// Only a watch on the new directory sees this one.
		w.write(t, "content/pages/legal/imprint.md", "imprint v2")
		w.expect(t, "content/pages/legal/imprint.md", "imprint v2")
	})
	t.Run("rename directory", func(t *testing.T) {
		if err := os.Rename(w.path("content/pages"), w.path("content/info")); err != nil {
			t.Fatal(err)
		}
		w.expect(t, "content/info/legal/imprint.md", "imprint v2")
		w.expect(t, "content/pages/legal/imprint.md", "")
		// Only a watch on the renamed tree sees this one.
		w.write(t, "content/info/legal/imprint.md", "imprint v3")
		w.expect(t, "content/info/legal/imprint.md", "imprint v3")
	})
	t.Run("delete directory", func(t *testing.T) {
		if err := os.RemoveAll(w.path("content/info")); err != nil {
			t.Fatal(err)
		}
		w.expect(t, "content/info/legal/imprint.md", "")
		// The same name again is watched again.
		w.write(t, "content/info/legal/imprint.md", "imprint v4")
		w.expect(t, "content/info/legal/imprint.md", "imprint v4")
		w.write(t, "content/info/legal/imprint.md", "imprint v5")
		w.expect(t, "content/info/legal/imprint.md", "imprint v5")
	})
	t.Run("templates directory created later", func(t *testing.T) {
		if err := os.RemoveAll(w.path("templates")); err != nil {
			t.Fatal(err)
		}
		w.expect(t, "templates/page.html", "")
		w.write(t, "templates/partials/card.html", "card v1")
		w.expect(t, "templates/partials/card.html", "card v1")
		w.write(t, "templates/partials/card.html", "card v2")
		w.expect(t, "templates/partials/card.html", "card v2")
	})
	t.Run("burst", func(t *testing.T) {
		const writes = 200
		builds := w.builds.Load()
		for i := range writes {
			w.write(t, "content/members/anna-mueller.md", "burst "+strconv.Itoa(i))
		}
		w.expect(t, "content/members/anna-mueller.md", "burst "+strconv.Itoa(writes-1))
		if n := w.builds.Load() - builds; n > writes/10 {
			t.Errorf("%d writes caused %d builds", writes, n)
		} else {
			t.Logf("%d writes caused %d builds", writes, n)
		}
	})

	w.stop()
	// Everything Watch started has stopped: the watcher's reader, the
	// builder. Goroutines of earlier tests may still be ending, so the
	// count may only go down.
	eventually(t, "goroutines to end", func() bool { return runtime.NumGoroutine() <= before })
}

func TestWatchSteadyStream(t *testing.T) {
	w := startWatch(t, map[string]string{"content/members/anna.md": "start"},
		func(s *Server) { s.maxWait = 200 * time.Millisecond })
	builds := w.builds.Load()
	// Writes every 10ms never leave the 50ms pause a rebuild waits for;
	// the maximum delay must build anyway, while they go on.
	end := time.Now().Add(time.Second)
	for i := 0; time.Now().Before(end); i++ {
		w.write(t, "content/members/anna.md", "stream "+strconv.Itoa(i))
		time.Sleep(10 * time.Millisecond)
	}
	if w.builds.Load() == builds {
		t.Error("no build during a steady stream of changes")
	}
}

func TestWatchStopsPromptly(t *testing.T) {
	before := runtime.NumGoroutine()
	w := startWatch(t, map[string]string{"content/members/anna.md": "x"})
	start := time.Now()
	w.stop()
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Watch took %v to return", d)
	}
	eventually(t, "goroutines to end", func() bool { return runtime.NumGoroutine() <= before })
	// A change after the end builds nothing.
	builds := w.builds.Load()
	w.write(t, "content/members/anna.md", "y")
	time.Sleep(4 * w.s.quiet)
	if w.builds.Load() != builds {
		t.Error("built after Watch returned")
	}
}

func TestWatchMissingRoot(t *testing.T) {
	s := New(func() (map[string][]byte, error) { return nil, nil })
	done := make(chan error, 1)
	go func() { done <- s.Watch(context.Background(), filepath.Join(t.TempDir(), "missing")) }()
	select {
	case err := <-done:
		if err == nil {
			t.Error("Watch of a missing directory returned nil")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Watch of a missing directory did not return")
	}
}

func TestBuildsDuringBuildScheduleOneMore(t *testing.T) {
	started, gate := make(chan struct{}, 10), make(chan struct{})
	var builds atomic.Int32
	s := New(func() (map[string][]byte, error) {
		if builds.Add(1) == 1 {
			started <- struct{}{}
			<-gate
		}
		return nil, nil
	})
	kick := make(chan struct{}, 1)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		s.runBuilds(ctx, kick)
		close(done)
	}()

	requestBuild(kick)
	select {
	case <-started:
	case <-time.After(5 * time.Second):
		t.Fatal("no build started")
	}
	for range 5 {
		requestBuild(kick)
	}
	close(gate)
	eventually(t, "the second build", func() bool { return s.state.Load().gen >= 2 })
	// The second build has consumed the only request left, so no third
	// can follow.
	if len(kick) != 0 || builds.Load() != 2 {
		t.Errorf("%d builds, %d requests left; want 2 and 0", builds.Load(), len(kick))
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("runBuilds did not return")
	}
}

func TestIgnored(t *testing.T) {
	tests := []struct {
		rel     string
		ignored bool
	}{
		{"config.yaml", false},
		{"content", false},
		{"content/members/anna.md", false},
		{"content/members/anna.jpg", false},
		{"content/pages/about.md", false},
		{"templates", false},
		{"templates/assets/site.css", false},
		{".", true},
		{"public", true},
		{"public/index.html", true},
		{".git", true},
		{".git/index", true},
		{"cmd/memberdir/main.go", true},
		{"go.mod", true},
		{"config.yaml.tmp", true},
		{".config.yaml.swp", true},
		{"content/.DS_Store", true},
		{"content/members/.anna.md.swp", true},
		{"content/members/.#anna.md", true},
		{"content/members/#anna.md#", true},
		{"content/members/anna.md~", true},
		{"content/members/anna.md.swp", true},
		{"content/members/anna.md.tmp", true},
		{"content/members/4913", true},
		{"content/members/anna.md___jb_tmp___", true},
		{"content/.hidden/anna.md", true},
	}
	for _, tt := range tests {
		if got := ignored(tt.rel); got != tt.ignored {
			t.Errorf("ignored(%q) = %v, want %v", tt.rel, got, tt.ignored)
		}
	}
}

func TestWatchWaitsForRunningBuild(t *testing.T) {
	started, gate := make(chan struct{}), make(chan struct{})
	var finished atomic.Bool
	w := startWatch(t, map[string]string{"content/members/anna.md": "x"}, func(s *Server) {
		first := true // the initial build runs through
		build := s.build
		s.build = func() (map[string][]byte, error) {
			if first {
				first = false
				return build()
			}
			close(started)
			<-gate
			finished.Store(true)
			return build()
		}
	})
	w.write(t, "content/members/anna.md", "y")
	select {
	case <-started:
	case <-time.After(5 * time.Second):
		t.Fatal("no build after a change")
	}
	// Let the build finish a little after the cancellation; Watch must
	// not return before, or the build would outlive it.
	time.AfterFunc(50*time.Millisecond, func() { close(gate) })
	w.stop()
	if !finished.Load() {
		t.Error("Watch returned while a build was still running")
	}
}

// TestWatchReportsChanges: OnChange hears "" as watching begins, the path
// of each changed source, and "" when a folder comes or goes (its files
// change with no event of their own), so that a builder that trusts it
// never misses a change.
func TestWatchReportsChanges(t *testing.T) {
	var mu sync.Mutex
	var got []string
	w := startWatch(t, map[string]string{"content/members/anna.md": "anna v1"}, func(s *Server) {
		s.OnChange = func(rel string) {
			mu.Lock()
			got = append(got, rel)
			mu.Unlock()
		}
	})
	// take waits until the reports include want and returns them all.
	take := func(want string) []string {
		t.Helper()
		var all []string
		eventually(t, "a report of "+strconv.Quote(want), func() bool {
			mu.Lock()
			defer mu.Unlock()
			all = slices.Clone(got)
			return slices.Contains(got, want)
		})
		mu.Lock()
		got = nil
		mu.Unlock()
		return all
	}
	take("") // watching began
	w.write(t, "content/members/anna.md", "anna v2")
	if all := take("content/members/anna.md"); slices.Contains(all, "") {
		t.Errorf("an edit reported as unknown changes: %q", all)
	}
	w.write(t, "public/index.html", "output")
	w.write(t, "content/members/ben.md", "ben")
	if all := take("content/members/ben.md"); slices.Contains(all, "public/index.html") {
		t.Errorf("an ignored file was reported: %q", all)
	}
	if err := os.Mkdir(w.path("content/members/team"), 0o755); err != nil {
		t.Fatal(err)
	}
	take("")
	if err := os.Rename(w.path("content/members/team"), w.path("content/team")); err != nil {
		t.Fatal(err)
	}
	take("")
}
