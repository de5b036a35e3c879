package write

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestReuseGivesExactlyTheNewSite builds three times, so that the third
// build rewrites the folder of the first, brought up to the second, and
// given back the first's files, as a spare left by a killed build holds
// files of several sites: the result must hold exactly the third site's
// files, whatever the reused folder held.
func TestReuseGivesExactlyTheNewSite(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	first := map[string][]byte{
		"index.html":              []byte("first home, longer than the next one"),
		"members/anna/index.html": []byte("anna"),
		"members/anna.vcf":        []byte("vcard"),
		"members/gone/index.html": []byte("a member who left"),
		"tags/a":                  []byte("a file where the next site has a folder"),
		"print/index.html":        []byte("a folder where the next site has a file"),
	}
	second := map[string][]byte{"index.html": []byte("second")}
	third := map[string][]byte{
		"index.html":              []byte("third"),
		"members/anna/index.html": []byte("anna, rewritten"),
		"members/new/index.html":  []byte("new member"),
		"tags/a/index.html":       []byte("tag a"),
		"print":                   []byte("print is a file now"),
	}
	for _, files := range []map[string][]byte{first, second} {
		if err := Dir(out, files); err != nil {
			t.Fatal(err)
		}
	}
	// The spare is the first site brought up to the second.
	spare := filepath.Join(parent, ".public.previous")
	if got := tree(t, spare); len(got) != 2 || got["index.html"] != "second" || got[".gitignore"] == "" {
		t.Fatalf("the spare should be the second site, with a .gitignore: %v", got)
	}
	for p, data := range first {
		if p != "index.html" {
			full := filepath.Join(spare, filepath.FromSlash(p))
			os.MkdirAll(filepath.Dir(full), 0o755)
			os.WriteFile(full, data, 0o644)
		}
	}
	// Something the user put into the spare must not survive either.
	os.WriteFile(filepath.Join(spare, "members", "stray.txt"), []byte("x"), 0o644)

	if err := Dir(out, third); err != nil {
		t.Fatal(err)
	}
	got := tree(t, out)
	if len(got) != len(third) {
		t.Errorf("public/ holds %d files, want %d: %v", len(got), len(third), got)
	}
	for p, want := range third {
		if got[p] != string(want) {
			t.Errorf("%s = %q, want %q", p, got[p], want)
		}
	}
	for _, d := range []string{"members/gone", "print"} {
		if st, err := os.Stat(filepath.Join(out, d)); err == nil && st.IsDir() {
			t.Errorf("folder %s of an old site is left in public/", d)
		}
	}
	// The spare is now the second site brought up to the third.
	got = tree(t, spare)
	delete(got, ".gitignore")
	if len(got) != len(third) {
		t.Errorf("the spare holds %d files, want %d: %v", len(got), len(third), got)
	}
	for p, want := range third {
		if got[p] != string(want) {
			t.Errorf("spare: %s = %q, want %q", p, got[p], want)
		}
	}
}

// TestReuseNeverWritesOutside plants a symbolic link and a hard link in
// the spare, pointing at files outside it: a build must replace them, not
// write through them.
func TestReuseNeverWritesOutside(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("links need privileges on Windows")
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	outside := filepath.Join(t.TempDir(), "precious.txt")
	outsideDir := t.TempDir()
	os.WriteFile(outside, []byte("precious"), 0o644)
	site := map[string][]byte{"index.html": []byte("home"), "members/anna/index.html": []byte("anna"), "members/bob/index.html": []byte("bob")}
	for i := 0; i < 2; i++ {
		if err := Dir(out, site); err != nil {
			t.Fatal(err)
		}
	}
	spare := filepath.Join(parent, ".public.previous")
	os.Remove(filepath.Join(spare, "index.html"))
	if err := os.Symlink(outside, filepath.Join(spare, "index.html")); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(spare, "members", "anna", "index.html"))
	if err := os.Link(outside, filepath.Join(spare, "members", "anna", "index.html")); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(filepath.Join(spare, "members", "bob"))
	if err := os.Symlink(outsideDir, filepath.Join(spare, "members", "bob")); err != nil {
		t.Fatal(err)
	}

	if err := Dir(out, site); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(outside); string(data) != "precious" {
		t.Errorf("a file outside the output folder was overwritten: %q", data)
	}
	if entries, _ := os.ReadDir(outsideDir); len(entries) != 0 {
		t.Errorf("a build wrote into a folder outside the output folder: %v", entries)
	}
	got := tree(t, out)
	for p, want := range site {
		if got[p] != string(want) {
			t.Errorf("%s = %q, want %q", p, got[p], want)
		}
	}
	for _, p := range []string{"index.html", "members/bob"} {
		if st, err := os.Lstat(filepath.Join(out, filepath.FromSlash(p))); err != nil || st.Mode()&os.ModeSymlink != 0 {
			t.Errorf("%s is still a link (%v)", p, err)
		}
	}
}

// TestAbortKeepsTheSpare fails a build that reuses the spare: public/
// stays as it was, and the next build still works from what is left.
func TestAbortKeepsTheSpare(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	for _, v := range []string{"one", "two"} {
		if err := Dir(out, map[string][]byte{"index.html": []byte(v), "members/" + v + "/index.html": []byte(v)}); err != nil {
			t.Fatal(err)
		}
	}
	w, err := New(out)
	if err != nil {
		t.Fatal(err)
	}
	w.Put("index.html", []byte("half"))
	if err := w.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, out); len(got) != 2 || got["index.html"] != "two" {
		t.Errorf("public/ changed by a failed build: %v", got)
	}
	if got := names(t, parent); got != ".public.previous,public" {
		t.Errorf("beside public/: %s", got)
	}
	if err := Dir(out, map[string][]byte{"index.html": []byte("three")}); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, out); len(got) != 1 || got["index.html"] != "three" {
		t.Errorf("public/ = %v", got)
	}
	if !strings.Contains(tree(t, filepath.Join(parent, ".public.previous"))[".gitignore"], "*") {
		t.Error("the spare must tell git to ignore it")
	}
}

// TestSpareThatIsALink is not followed: a build never writes where a
// link named like the spare points.
func TestSpareThatIsALink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("links need privileges on Windows")
	}
	parent, elsewhere := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(elsewhere, "index.html"), []byte("precious"), 0o644)
	if err := os.Symlink(elsewhere, filepath.Join(parent, ".public.previous")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(parent, "public")
	if err := Dir(out, map[string][]byte{"index.html": []byte("home")}); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, elsewhere); len(got) != 1 || got["index.html"] != "precious" {
		t.Errorf("the folder the link points to changed: %v", got)
	}
	if got := tree(t, out); len(got) != 1 || got["index.html"] != "home" {
		t.Errorf("public/ = %v", got)
	}
}

// TestUnreadableSpare gives the spare a folder the build cannot read, as
// one made by another user is: the build starts from an empty folder
// instead of failing. (Root reads every folder, so as root there is
// nothing to test.)
func TestUnreadableSpare(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs a folder the test cannot read: not on Windows, not as root")
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	site := map[string][]byte{"index.html": []byte("home"), "members/anna/index.html": []byte("anna")}
	for range 2 {
		if err := Dir(out, site); err != nil {
			t.Fatal(err)
		}
	}
	locked := filepath.Join(parent, ".public.previous", "members")
	if err := os.Chmod(locked, 0o000); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	err := Dir(out, site)
	if err != nil && !strings.Contains(err.Error(), "delete it") {
		t.Fatalf("want the build to work, or to name the folder to delete: %v", err)
	}
	if err == nil {
		if got := tree(t, out); len(got) != 2 || got["members/anna/index.html"] != "anna" {
			t.Errorf("public/ = %v", got)
		}
	}
}

// TestCloneGivesExactlyTheNewSite rebuilds with no spare, so that the
// folder is cloned from public/ (hard links), whose files and folders
// stand where the new site has the other, and which holds a link out of
// it: the result is exactly the new site, and nothing outside changes.
func TestCloneGivesExactlyTheNewSite(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("links need privileges on Windows")
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	outside := t.TempDir()
	first := map[string][]byte{
		"index.html":              []byte("first home"),
		"members/anna/index.html": []byte("anna"),
		"members/gone/index.html": []byte("a member who left"),
		"tags/a":                  []byte("a file where the next site has a folder"),
		"print/index.html":        []byte("a folder where the next site has a file"),
	}
	next := map[string][]byte{
		"index.html":              []byte("next home"),
		"members/anna/index.html": []byte("anna"),
		"tags/a/index.html":       []byte("tag a"),
		"print":                   []byte("print is a file now"),
	}
	if err := Dir(out, first); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(out, "members", "elsewhere")); err != nil {
		t.Fatal(err)
	}
	if err := Dir(out, next); err != nil {
		t.Fatal(err)
	}
	got := tree(t, out)
	if len(got) != len(next) {
		t.Errorf("public/ holds %d files, want %d: %v", len(got), len(next), got)
	}
	for p, want := range next {
		if got[p] != string(want) {
			t.Errorf("%s = %q, want %q", p, got[p], want)
		}
	}
	if _, err := os.Lstat(filepath.Join(out, "members", "elsewhere")); err == nil {
		t.Error("the link of the old public/ was cloned into the new one")
	}
	if got := tree(t, filepath.Join(parent, ".public.previous")); got["members/gone/index.html"] != "" || got["index.html"] != "next home" {
		t.Errorf("the spare should be the old public/ brought up to the new site: %v", got)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("a build wrote outside the output folder: %v", entries)
	}
}
