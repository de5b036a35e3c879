package write

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// tree returns every file below dir with its content.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if !info.IsDir() {
			data, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			out[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	return out
}

// names lists the entries of dir, sorted and comma-separated.
func names(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}

func TestDirReplacesTheSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Dir(out, map[string][]byte{"index.html": []byte("one"), "members/old/index.html": []byte("old")}); err != nil {
		t.Fatal(err)
	}
	if err := Dir(out, map[string][]byte{"index.html": []byte("two"), "members/new/index.html": []byte("new")}); err != nil {
		t.Fatal(err)
	}
	got := tree(t, out)
	want := map[string]string{"index.html": "two", "members/new/index.html": "new"}
	if len(got) != len(want) || got["index.html"] != "two" || got["members/new/index.html"] != "new" {
		t.Errorf("after the second build: %v, want %v (files that no longer belong must go)", got, want)
	}
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o755 {
		t.Errorf("public/ has mode %v; a web server must be able to read it", st.Mode().Perm())
	}
	if got := names(t, filepath.Dir(out)); got != ".public.previous,public" {
		t.Errorf("beside public/: %s, want only public/ and the spare", got)
	}
}

// TestFailedBuildKeepsTheOldSite writes half a site and aborts, as a build
// that fails in the middle does: public/ must be exactly as before.
func TestFailedBuildKeepsTheOldSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	old := map[string][]byte{"index.html": []byte("old home"), "members/anna/index.html": []byte("anna")}
	if err := Dir(out, old); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)

	w, err := New(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Put("index.html", []byte("half of a new site")); err != nil {
		t.Fatal(err)
	}
	if err := w.Abort(); err != nil {
		t.Fatal(err)
	}
	after := tree(t, out)
	if len(after) != len(before) || after["index.html"] != "old home" {
		t.Errorf("public/ changed by a failed build: %v", after)
	}

	// A path that would leave the folder fails the write, not the disk.
	if err := Dir(out, map[string][]byte{"../escape.html": []byte("x")}); err == nil {
		t.Error("a path outside the output folder must be refused")
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(out), "escape.html")); !errors.Is(err, os.ErrNotExist) {
		t.Error("a file was written outside the output folder")
	}
	if got := tree(t, out); got["index.html"] != "old home" {
		t.Errorf("public/ changed by a refused build: %v", got)
	}
}

// TestKilledBuildIsCleanedUp leaves a temporary folder behind, as a build
// killed before it could clean up does; public/ stays as it was, and the
// next build reuses the leftover as its spare.
func TestKilledBuildIsCleanedUp(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if err := Dir(out, map[string][]byte{"index.html": []byte("old")}); err != nil {
		t.Fatal(err)
	}
	w, err := New(out)
	if err != nil {
		t.Fatal(err)
	}
	w.Put("index.html", []byte("never finished")) // and then the process dies
	if got := tree(t, out); got["index.html"] != "old" {
		t.Fatalf("public/ changed before the swap: %v", got)
	}
	if err := Dir(out, map[string][]byte{"index.html": []byte("new")}); err != nil {
		t.Fatal(err)
	}
	if got := names(t, parent); got != ".public.previous,public" {
		t.Errorf("beside public/: %s, want only public/ and the spare", got)
	}
	if got := tree(t, out); got["index.html"] != "new" {
		t.Errorf("public/ = %v", got)
	}
}

func TestOutIsAFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	os.WriteFile(out, []byte("not a folder"), 0o644)
	if _, err := New(out); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("want a clear error for a file in the way, got %v", err)
	}
}
