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
	// The second build has no spare yet and clones public/.
	for i, want := range [][2]int64{{5, 0}, {0, 5}, {0, 5}} {
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

// TestChangeLeavesTheLiveSite: the folder a rebuild writes into shares
// its files with public/ (hard links), whether it is public/ cloned or
// the spare that Commit linked the last build's files into. A build that
// changes them must replace them in its own folder, never write through
// the link into the site being served, neither before it commits nor
// when it fails.
func TestChangeLeavesTheLiveSite(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	spare := filepath.Join(parent, ".public.previous")
	site := func(v string) map[string][]byte {
		return map[string][]byte{"index.html": []byte("home " + v), "members/anna/index.html": []byte("anna " + v)}
	}
	// tryX starts a build that changes every file, each to the same
	// length, and fails it.
	tryX := func(when, v string) {
		t.Helper()
		w, err := New(out)
		if err != nil {
			t.Fatal(err)
		}
		for p, data := range site("X") {
			if err := w.Put(p, data); err != nil {
				t.Fatal(err)
			}
		}
		want := tree(t, out)
		for p, data := range site(v) {
			if want[p] != string(data) {
				t.Errorf("%s: public/%s changed before the commit: %q", when, p, want[p])
			}
		}
		if err := w.Abort(); err != nil {
			t.Fatal(err)
		}
		if got := tree(t, out); len(got) != 2 || got["index.html"] != "home "+v || got["members/anna/index.html"] != "anna "+v {
			t.Errorf("%s: public/ changed by a failed build: %v", when, got)
		}
	}
	build(t, out, site("A"))
	tryX("public/ cloned", "A")
	os.RemoveAll(spare) // what the failed build left, so that the next one clones
	if w, u := build(t, out, site("B")); w != 2 || u != 0 {
		t.Errorf("%d written, %d unchanged; want 2, 0", w, u)
	}
	tryX("the spare linked to public/", "B")
	build(t, out, site("C"))
	if got := tree(t, out); len(got) != 2 || got["index.html"] != "home C" || got["members/anna/index.html"] != "anna C" {
		t.Errorf("public/ = %v", got)
	}
}
