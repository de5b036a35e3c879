package write

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// build writes files to out as a build does and returns its counts.
func build(t *testing.T, out string, files map[string][]byte) (written, unchanged int64) {
	t.Helper()
	w, err := New(out)
	if err != nil {
		t.Fatal(err)
	}
	for p, data := range files {
		if err := w.Put(p, data); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	return w.Counts()
}

// TestWritesOnlyWhatChanged builds the same site until the spare holds
// it, then changes three files in ways only a comparison of all their
// bytes sees: only those are written, the others are not touched, and
// public/ holds exactly the new site.
func TestWritesOnlyWhatChanged(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	big := bytes.Repeat([]byte("0123456789abcdef"), 20000) // several of equal's pieces
	site := map[string][]byte{
		"index.html":              []byte("home"),
		"members/anna/index.html": []byte("anna"),
		"members/ben/index.html":  []byte("ben"),
		"same-size.txt":           []byte("aaaa"),
		"members.json":            big,
	}
	for i, want := range [][2]int64{{5, 0}, {5, 0}, {0, 5}} {
		if w, u := build(t, out, site); w != want[0] || u != want[1] {
			t.Errorf("build %d: %d written, %d unchanged; want %d, %d", i+1, w, u, want[0], want[1])
		}
	}
	// What this build must leave alone is dated an hour back: a write
	// would date it now.
	spare := filepath.Join(parent, ".public.previous")
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	for _, p := range []string{"index.html", "members/ben/index.html"} {
		if err := os.Chtimes(filepath.Join(spare, filepath.FromSlash(p)), old, old); err != nil {
			t.Fatal(err)
		}
	}

	next := map[string][]byte{}
	for p, data := range site {
		next[p] = data
	}
	next["members/anna/index.html"] = []byte("anna, longer now")
	next["same-size.txt"] = []byte("aaab")
	changedBig := bytes.Clone(big)
	changedBig[len(changedBig)-1] = 'X'
	next["members.json"] = changedBig
	if w, u := build(t, out, next); w != 3 || u != 2 {
		t.Errorf("after changing 3 of 5 files: %d written, %d unchanged", w, u)
	}
	got := tree(t, out)
	if len(got) != len(next) {
		t.Errorf("public/ holds %d files, want %d", len(got), len(next))
	}
	for p, want := range next {
		if got[p] != string(want) {
			t.Errorf("%s differs from what the build wrote", p)
		}
	}
	for _, p := range []string{"index.html", "members/ben/index.html"} {
		st, err := os.Stat(filepath.Join(out, filepath.FromSlash(p)))
		if err != nil || !st.ModTime().Equal(old) {
			t.Errorf("%s was written though unchanged (%v)", p, err)
		}
	}
}

// TestChangeLeavesTheLiveSite: after a build, the spare shares its files
// with public/ (hard links); the next build that changes one of them must
// replace it in its own folder, never write through the link into the
// site being served, neither before it commits nor when it fails.
func TestChangeLeavesTheLiveSite(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	for _, v := range []string{"A", "B"} {
		build(t, out, map[string][]byte{"index.html": []byte("home " + v), "members/anna/index.html": []byte("anna")})
	}
	w, err := New(out)
	if err != nil {
		t.Fatal(err)
	}
	// The same length, so that only the bytes differ.
	if err := w.Put("index.html", []byte("home C")); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, out); got["index.html"] != "home B" {
		t.Errorf("public/index.html changed before the commit: %q", got["index.html"])
	}
	if err := w.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, out); got["index.html"] != "home B" {
		t.Errorf("public/index.html changed by a failed build: %q", got["index.html"])
	}
	if w, u := build(t, out, map[string][]byte{"index.html": []byte("home D"), "members/anna/index.html": []byte("anna")}); w != 1 || u != 1 {
		t.Errorf("%d written, %d unchanged; want 1, 1", w, u)
	}
	if got := tree(t, out); len(got) != 2 || got["index.html"] != "home D" || got["members/anna/index.html"] != "anna" {
		t.Errorf("public/ = %v", got)
	}
}
