package site

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/synth"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/write"
)

// writeSite puts a generated site on disk, so that file times are real.
func writeSite(t testing.TB, dir string, n int) {
	t.Helper()
	if err := synth.Write(dir, n, 7); err != nil {
		t.Fatal(err)
	}
}

func sameFiles(t *testing.T, step string, got, want Files) {
	t.Helper()
	for p, w := range want {
		if !bytes.Equal(got[p], w) {
			t.Errorf("%s: %s differs from a full build", step, p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: %s should not exist", step, p)
		}
	}
}

// TestBuilderMatchesBuild edits a site the ways people do while serve
// runs, and checks after each step that the cached rebuild gives exactly
// the bytes of a full build: with a Builder that checks every file for
// changes, with one told of each change as serve's watcher does, and
// with builds into a folder on disk that leave their cache and the keys
// of their files beside it for the next, as "memberdir build" does.
func TestBuilderMatchesBuild(t *testing.T) {
	for _, how := range []string{"checking", "told", "disk"} {
		t.Run(how, func(t *testing.T) { builderMatchesBuild(t, how) })
	}
}

func builderMatchesBuild(t *testing.T, how string) {
	dir := t.TempDir()
	writeSite(t, dir, 60)
	// Small pages, so that the lists page and an edit touches only some.
	cfg, _ := os.ReadFile(filepath.Join(dir, "config.yaml"))
	old := time.Now().Add(-time.Hour)
	os.WriteFile(filepath.Join(dir, "config.yaml"), append(cfg, "page_size: 10\n"...), 0o644)
	os.Chtimes(filepath.Join(dir, "config.yaml"), old, old)
	fsys := os.DirFS(dir)
	b := NewBuilder(fsys, Options{})
	rebuild := b.Build
	var written, kept int64 // by the last build on disk
	if how == "disk" {
		rebuild = diskBuilder(t, fsys, &written, &kept)
	}
	if how == "told" {
		b.Changed("")
	}
	// report tells the Builder of a change at the absolute path p.
	report := func(p string) {
		if rel, err := filepath.Rel(dir, p); how == "told" && err == nil {
			b.Changed(filepath.ToSlash(rel))
		}
	}
	write := func(p string, data []byte) {
		os.WriteFile(p, data, 0o644)
		report(p)
	}
	check := func(step string) {
		t.Helper()
		got, err := rebuild()
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		want, err := Build(fsys, Options{})
		if err != nil {
			t.Fatal(err)
		}
		sameFiles(t, step, got, want)
	}
	check("first build")
	check("unchanged") // on disk: the clone of the first build's folder, with its notes
	if how == "disk" && (written != 0 || kept < 100) {
		t.Errorf("an unchanged site's first rebuild wrote %d files and kept %d", written, kept)
	}
	check("unchanged again") // on disk: the spare, with the notes of the rebuild
	if how == "disk" && (written != 0 || kept < 100) {
		t.Errorf("an unchanged site's second rebuild wrote %d files and kept %d", written, kept)
	}

	members, _ := filepath.Glob(filepath.Join(dir, "content/members/*.md"))
	// A new mission: one card, the search index and so the home pages'
	// link to it change; names, order and counts stay.
	last, _ := os.ReadFile(members[len(members)-1])
	write(members[len(members)-1], bytes.Replace(last, []byte("mission: \""), []byte("mission: \"Neu: "), 1))
	check("edited a mission")
	// Had the notes not been used, the build would have rendered every
	// page and found most unchanged: the test would not test them.
	if how == "disk" && (written == 0 || written > 20 || kept < 100) {
		t.Errorf("editing one mission wrote %d files and kept %d", written, kept)
	}

	// What the network page is drawn from: a date of joining, a thanks
	// and a category.
	joined, _ := os.ReadFile(members[len(members)-2])
	write(members[len(members)-2], regexp.MustCompile(`member_since: [0-9-]+`).ReplaceAll(joined, []byte("member_since: 2003-05")))
	check("changed a date of joining")
	thanking, _ := os.ReadFile(members[len(members)-3])
	thanked := strings.TrimSuffix(filepath.Base(members[len(members)-2]), ".md")
	end := bytes.Index(thanking[4:], []byte("\n---\n")) + 5
	thanks := "thanks:\n  - member: " + thanked + "\n    date: " + time.Now().AddDate(0, 0, -1).Format("2006-01-02") + "\n"
	write(members[len(members)-3], slices.Concat(thanking[:end], []byte(thanks), thanking[end:]))
	check("added a thanks")
	tagged, _ := os.ReadFile(members[len(members)-4])
	write(members[len(members)-4], regexp.MustCompile(`tags: \[[^]]*\]`).ReplaceAll(tagged, []byte("tags: []")))
	check("took a member's categories away")

	first, _ := os.ReadFile(members[0])
	// Rename the member: every page that shows their name as recommender
	// must follow.
	edited := strings.Replace(string(first), "name: ", "name: \"Zora Neu\"\nx_old_name: ", 1)
	edited = strings.Replace(edited, "\nx_old_name: ", "\n# was: ", 1)
	write(members[0], []byte(edited))
	check("renamed a member")

	os.Remove(members[1])
	report(members[1])
	// Whoever recommended the deleted member now has an error; take the
	// recommendation out of every file so the site builds.
	slug := strings.TrimSuffix(filepath.Base(members[1]), ".md")
	for _, p := range members[2:] {
		data, _ := os.ReadFile(p)
		if bytes.Contains(data, []byte("member: "+slug+"\n")) {
			lines := strings.Split(string(data), "\n")
			var out []string
			for i := 0; i < len(lines); i++ {
				if lines[i] == "  - member: "+slug {
					i++ // and its note
					continue
				}
				out = append(out, lines[i])
			}
			write(p, []byte(strings.Join(out, "\n")))
		}
	}
	check("deleted a member")

	write(filepath.Join(dir, "content/members/neu-hier.md"), []byte("---\nname: Neu Hier\nmission: m\nwhy: w\nofferings: [x]\ncontact: {email: neu@example.org}\n---\n"))
	check("added a member")

	cfg, _ = os.ReadFile(filepath.Join(dir, "config.yaml"))
	write(filepath.Join(dir, "config.yaml"), bytes.Replace(cfg, []byte("title: "), []byte("title: Neu "), 1))
	check("changed the title")

	os.MkdirAll(filepath.Join(dir, "templates/partials"), 0o755)
	card, _ := os.ReadFile("../../../../templates/partials/card.html")
	write(filepath.Join(dir, "templates/partials/card.html"), bytes.Replace(card, []byte(`class="card"`), []byte(`class="card own"`), 1))
	check("overrode a template")
}

// diskBuilder returns a function that builds the site in fsys into a
// folder on disk as "memberdir build" does, with the cache the last
// build left beside the folder, and returns what the folder then holds;
// written and kept receive how many files the writer wrote and how many
// it kept on the notes' word (see write.Writer.Keep).
func diskBuilder(t *testing.T, fsys fs.FS, written, kept *int64) func() (Files, error) {
	out := filepath.Join(t.TempDir(), "public")
	program := [32]byte{1}
	return func() (Files, error) {
		w, err := write.New(out)
		if err != nil {
			return nil, err
		}
		// The cards set aside in a file, as memberdir build does.
		scratch, err := os.CreateTemp(t.TempDir(), "scratch")
		if err != nil {
			return nil, err
		}
		defer scratch.Close()
		if err := BuildTo(fsys, Options{Cache: SavedCache(w, program, scratch)}, w); err != nil {
			w.Abort()
			return nil, err
		}
		if err := w.Commit(); err != nil {
			return nil, err
		}
		*written, _ = w.Counts()
		*kept = w.Kept()
		got := Files{}
		err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(out, p)
			got[filepath.ToSlash(rel)], err = os.ReadFile(p)
			return err
		})
		return got, err
	}
}

// BenchmarkBuilderEdit is serve's rebuild after one profile changed,
// without the watcher and HTTP around it.
func BenchmarkBuilderEdit(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			dir := b.TempDir()
			writeSite(b, dir, n)
			bl := NewBuilder(os.DirFS(dir), Options{})
			if _, err := bl.Build(); err != nil {
				b.Fatal(err)
			}
			files, _ := filepath.Glob(filepath.Join(dir, "content/members/*.md"))
			orig, _ := os.ReadFile(files[0])
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				os.WriteFile(files[0], []byte(strings.Replace(string(orig), "mission: \"", "mission: \"Neu "+strconv.Itoa(i)+" ", 1)), 0o644)
				if _, err := bl.Build(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
