package write

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// keyedBuild builds site as a renderer with keys does: each file is
// kept when Keep allows, else put. It returns the paths kept, sorted,
// and what the note "n" of the last build read, and leaves a note "n"
// holding note.
func keyedBuild(t *testing.T, out string, site map[string]string, note string) ([]string, string) {
	t.Helper()
	w, err := New(out)
	if err != nil {
		t.Fatal(err)
	}
	var last []byte
	if r, ok := w.Note("n"); ok {
		last, _ = io.ReadAll(r)
		r.Close()
	}
	var kept []string
	for p, data := range site {
		if w.Keep(p, [32]byte{data[0]}) {
			kept = append(kept, p)
			continue
		}
		if err := w.Put(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	w.Leave("n", func(o io.Writer) error { _, err := io.WriteString(o, note); return err })
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if int64(len(kept)) != w.Kept() {
		t.Errorf("Kept() = %d, kept %d", w.Kept(), len(kept))
	}
	slices.Sort(kept)
	return kept, string(last)
}

// TestKeepOnlyWhatTheNotesVouchFor builds a site with keys until the
// spare holds notes, then changes files of the spare behind the build's
// back in ways that leave size and modification time as they were: Keep
// must take none of them on the notes' word, and each build must give
// exactly the site it was asked for.
func TestKeepOnlyWhatTheNotesVouchFor(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("change times and inodes are compared on Linux only")
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	spare := filepath.Join(parent, ".public.previous")
	site := map[string]string{
		"index.html":              "home",
		"members/anna/index.html": "anna",
		"members/ben/index.html":  "ben",
		"members/cleo/index.html": "cleo",
		"members/dora/index.html": "dora",
	}
	// The first build writes a new folder and leaves its notes beside
	// it; the second clones it, the third rewrites the spare.
	all := []string{"index.html", "members/anna/index.html", "members/ben/index.html", "members/cleo/index.html", "members/dora/index.html"}
	for i, want := range [][]string{nil, all, all} {
		got, note := keyedBuild(t, out, site, "cards "+string(rune('1'+i)))
		if !slices.Equal(got, want) {
			t.Fatalf("build %d kept %q, want %q", i+1, got, want)
		}
		if want := map[int]string{1: "cards 1", 2: "cards 2"}[i]; note != want {
			t.Errorf("build %d read the note %q, want %q", i+1, note, want)
		}
	}

	// ben: other bytes of the same size, the old modification time put
	// back; cleo: a new file with the same bytes and time; dora: a new
	// key (a changed profile), with new bytes.
	stat, _ := os.Stat(filepath.Join(spare, "members/ben/index.html"))
	os.WriteFile(filepath.Join(spare, "members/ben/index.html"), []byte("BEN"), 0o644)
	os.Chtimes(filepath.Join(spare, "members/ben/index.html"), stat.ModTime(), stat.ModTime())
	cleo := filepath.Join(spare, "members/cleo/index.html")
	stat, _ = os.Stat(cleo)
	os.Remove(cleo)
	os.WriteFile(cleo, []byte("cleo"), 0o644)
	os.Chtimes(cleo, stat.ModTime(), stat.ModTime())
	site["members/dora/index.html"] = "DORA"

	if got, want := first(keyedBuild(t, out, site, "")), []string{"index.html", "members/anna/index.html"}; !slices.Equal(got, want) {
		t.Errorf("kept %q, want only %q", got, want)
	}
	sameTree(t, out, site)
	if _, err := os.Stat(filepath.Join(out, notePrefix+"n")); err == nil {
		t.Error("a note was published with the site")
	}
}

// TestFirstRebuildKeepsOnlyWhatStandsAsNoted: the notes of a build into
// a new folder speak of the live site's files, which the next build
// clones; a file changed there behind the build's back is not kept.
func TestFirstRebuildKeepsOnlyWhatStandsAsNoted(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("change times and inodes are compared on Linux only")
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	site := map[string]string{"index.html": "home", "members/anna/index.html": "anna", "members/ben/index.html": "ben"}
	keyedBuild(t, out, site, "")
	ben := filepath.Join(out, "members/ben/index.html")
	stat, _ := os.Stat(ben)
	os.WriteFile(ben, []byte("BEN"), 0o644)
	os.Chtimes(ben, stat.ModTime(), stat.ModTime())
	site["members/anna/index.html"] = "ANNA" // a new key, and new bytes
	if got, want := first(keyedBuild(t, out, site, "")), []string{"index.html"}; !slices.Equal(got, want) {
		t.Errorf("kept %q, want only %q", got, want)
	}
	sameTree(t, out, site)
	for _, n := range []string{notePrefix + keysNote, ".gitignore"} {
		if _, err := os.Stat(filepath.Join(out, n)); err == nil {
			t.Errorf("%s was published with the site", n)
		}
	}
}

// TestKilledBuildLeavesNothingWrong: a build killed while writing into
// the spare leaves the folder behind, with the notes of the build before
// and a file it rewrote; the next build keeps what still stands as noted
// and writes the rest, and gives exactly its site.
func TestKilledBuildLeavesNothingWrong(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("change times and inodes are compared on Linux only")
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	site := map[string]string{"index.html": "home", "members/anna/index.html": "anna"}
	for range 3 {
		keyedBuild(t, out, site, "")
	}
	w, err := New(out) // the spare is now the folder this build writes into
	if err != nil {
		t.Fatal(err)
	}
	w.Keep("index.html", [32]byte{'h'})
	if w.Keep("members/anna/index.html", [32]byte{'A'}) {
		t.Fatal("kept a file whose key changed")
	}
	if err := w.Put("members/anna/index.html", []byte("ANNA")); err != nil {
		t.Fatal(err)
	}
	// Killed here: no Commit, no Abort. The next build is back at the
	// old anna, whose key the notes hold, but not the bytes.
	if got, want := first(keyedBuild(t, out, site, "")), []string{"index.html"}; !slices.Equal(got, want) {
		t.Errorf("after a killed build, kept %q, want %q", got, want)
	}
	sameTree(t, out, site)
}

// TestPutRefusesNoteNames: a site's file can never pass for a note.
func TestPutRefusesNoteNames(t *testing.T) {
	w, err := New(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	if err := w.Put(notePrefix+"keys", []byte("x")); err == nil || !strings.Contains(err.Error(), notePrefix) {
		t.Errorf("Put(%q) = %v, want a refusal", notePrefix+"keys", err)
	}
}

func first[A, B any](a A, _ B) A { return a }

// sameTree fails the test unless dir holds exactly the files of site.
func sameTree(t *testing.T, dir string, site map[string]string) {
	t.Helper()
	got := map[string]string{}
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			data, _ := os.ReadFile(p)
			got[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	for p, want := range site {
		if got[p] != want {
			t.Errorf("%s holds %q, want %q", p, got[p], want)
		}
	}
	for p := range got {
		if _, ok := site[p]; !ok {
			t.Errorf("%s should not be there", p)
		}
	}
}
