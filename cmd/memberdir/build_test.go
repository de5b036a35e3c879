package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

const okProfile = "---\nname: Anna Müller\nmission: Ich helfe.\nwhy: Darum.\nofferings: [Beratung]\ncontact: {email: anna@example.org}\n---\nText.\n"

// TestBuildFailureKeepsPublic builds a site, breaks a profile, builds
// again: the second build must report the problem with exit 1 and leave
// public/ exactly as the first build wrote it.
func TestBuildFailureKeepsPublic(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"config.yaml":                     "title: Test\nlanguage: en\n",
		"content/members/anna-mueller.md": okProfile,
	})
	if code, _, errOut := memberdir(t, "build", "--source", dir); code != 0 {
		t.Fatalf("first build: exit %d: %s", code, errOut)
	}
	public := filepath.Join(dir, "public")
	before := snapshot(t, public)
	if _, ok := before["members/anna-mueller/index.html"]; !ok {
		t.Fatalf("no profile page in %v", keys(before))
	}

	os.WriteFile(filepath.Join(dir, "content/members/anna-mueller.md"), []byte(strings.Replace(okProfile, "anna@example.org", "anna(at)example.org", 1)), 0o644)
	os.WriteFile(filepath.Join(dir, "content/members/ben.md"), []byte(okProfile), 0o644)
	code, _, errOut := memberdir(t, "build", "--source", dir)
	if code != 1 {
		t.Fatalf("broken build: exit %d, want 1", code)
	}
	want := `content/members/anna-mueller.md:6:18: contact.email: "anna(at)example.org" is not an e-mail address — write it as name@example.de`
	if !strings.Contains(errOut, want) {
		t.Errorf("stderr:\n%s\nwant the line\n%s", errOut, want)
	}
	sameFiles(t, "public/ after a failed build", before, snapshot(t, public))
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.new") {
			t.Errorf("temporary folder %s left behind", e.Name())
		}
	}
}

// TestBuildTwiceSameBytes builds into two folders and compares them. The
// first folder is built three times, so that its last build rewrites the
// files of the first one (kept as .a.previous) rather than new ones.
func TestBuildTwiceSameBytes(t *testing.T) {
	root, _ := filepath.Abs("../..")
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	for _, out := range []string{a, a, a, b} {
		if code, _, errOut := memberdir(t, "build", "--source", root, "--out", out); code != 0 {
			t.Fatalf("build: %s", errOut)
		}
	}
	sa, sb := snapshot(t, a), snapshot(t, b)
	if len(sa) != len(sb) || len(sa) < 40 {
		t.Fatalf("%d files, then %d", len(sa), len(sb))
	}
	for p := range sa {
		if sa[p] != sb[p] {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

// TestRebuildWritesWhatChanged builds a site until the folder kept beside
// public/ holds it, edits one profile, and builds again: the last line
// says that only a few files were written, and public/ is byte for byte
// what a build into a new folder gives.
func TestRebuildWritesWhatChanged(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"config.yaml":                     "language: de\nbase_url: https://netzwerk.example/\n",
		"content/members/anna-mueller.md": okProfile,
		"content/members/ben-meyer.md":    strings.Replace(okProfile, "Anna Müller", "Ben Meyer", 1),
	})
	counts := regexp.MustCompile(`^([0-9.]+) Dateien nach .* gebaut in .* \(([0-9.]+) geschrieben, ([0-9.]+) unverändert\)\n$`)
	build := func() (total, written, unchanged int) {
		t.Helper()
		code, stdout, stderr := memberdir(t, "build", "--source", dir)
		m := counts.FindStringSubmatch(stdout)
		if code != 0 || m == nil {
			t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
		}
		n := func(s string) int { v, _ := strconv.Atoi(strings.ReplaceAll(s, ".", "")); return v }
		return n(m[1]), n(m[2]), n(m[3])
	}
	build()
	build()
	if total, written, unchanged := build(); written != 0 || unchanged != total {
		t.Errorf("the same site again: %d written, %d unchanged of %d", written, unchanged, total)
	}
	// What lets the next build render only what changed (see package
	// write's notes): the keys of the files it kept and the cards.
	for _, note := range []string{".memberdir-keys", ".memberdir-render"} {
		if _, err := os.Stat(filepath.Join(dir, ".public.previous", note)); err != nil {
			t.Errorf("the build left no %s beside public/: %v", note, err)
		}
	}
	// The file the build set its cards aside in (see scratchFile) is gone.
	if left, _ := filepath.Glob(filepath.Join(dir, ".memberdir-scratch-*")); len(left) > 0 {
		t.Errorf("the build left its scratch file: %v", left)
	}
	os.WriteFile(filepath.Join(dir, "content/members/anna-mueller.md"), []byte(strings.Replace(okProfile, "Text.", "Ein neuer Text.", 1)), 0o644)
	if total, written, unchanged := build(); written == 0 || unchanged == 0 || written+unchanged != total {
		t.Errorf("after one edit: %d written, %d unchanged of %d", written, unchanged, total)
	}
	cold := filepath.Join(t.TempDir(), "cold")
	if code, _, errOut := memberdir(t, "build", "--source", dir, "--out", cold); code != 0 {
		t.Fatalf("cold build: %s", errOut)
	}
	warm := snapshot(t, filepath.Join(dir, "public"))
	if !strings.Contains(warm["members/anna-mueller/index.html"], "Ein neuer Text.") {
		t.Error("the edit is not in public/")
	}
	sameFiles(t, "public/ against a build into a new folder", snapshot(t, cold), warm)
}

// sameFiles reports every file of before that after lacks or holds
// changed, and every file after added; what names the folder after.
func sameFiles(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	for p, data := range before {
		if got, ok := after[p]; !ok {
			t.Errorf("%s: %s is gone", what, p)
		} else if got != data {
			t.Errorf("%s: %s changed", what, p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s: %s was added", what, p)
		}
	}
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if !info.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(dir, p)
			out[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestBuildOut shows which output folders build refuses: it replaces the
// whole folder, so one that holds the site, its sources, a git repository
// or other files must be left alone, with exit 2 and a message that says
// why. A new folder, an empty one and an earlier build are fine.
func TestBuildOut(t *testing.T) {
	site := map[string]string{
		"config.yaml":                     "title: Test\nlanguage: en\n",
		"content/members/anna-mueller.md": okProfile,
		"templates/assets/site.css":       "body{}\n",
	}
	for _, c := range []struct {
		name string
		out  func(dir string) string // relative to the current folder, or absolute
		want string                  // in stderr; "" means the build succeeds
	}{
		{"the site's folder", func(dir string) string { return dir }, "is the site's folder or contains it"},
		{"the site's folder with a trailing dot", func(dir string) string { return filepath.Join(dir, "content", "..") }, "is the site's folder or contains it"},
		{"a folder around the site", func(dir string) string { return filepath.Dir(dir) }, "is the site's folder or contains it"},
		{"content/", func(dir string) string { return filepath.Join(dir, "content") }, "is in the site's content/ folder"},
		{"content/members/", func(dir string) string { return filepath.Join(dir, "content", "members") }, "is in the site's content/ folder"},
		{"a new folder in content/", func(dir string) string { return filepath.Join(dir, "content", "site") }, "is in the site's content/ folder"},
		{"templates/", func(dir string) string { return filepath.Join(dir, "templates") }, "is in the site's templates/ folder"},
		{"a folder of other files", func(dir string) string {
			other := filepath.Join(t.TempDir(), "thesis")
			os.MkdirAll(other, 0o755)
			os.WriteFile(filepath.Join(other, "thesis.txt"), []byte("years of work"), 0o644)
			return other
		}, "is not empty and holds no site built by memberdir (no index.html)"},
		{"a git checkout", func(dir string) string {
			other := filepath.Join(t.TempDir(), "gh-pages")
			os.MkdirAll(filepath.Join(other, ".git"), 0o755)
			return other
		}, "holds a git repository (.git)"},
		{"public/", func(dir string) string { return filepath.Join(dir, "public") }, ""},
		{"another folder in the site", func(dir string) string { return filepath.Join(dir, "docs") }, ""},
		{"an empty folder", func(dir string) string { return t.TempDir() }, ""},
		{"a new folder elsewhere", func(dir string) string { return filepath.Join(t.TempDir(), "a", "b") }, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := writeSite(t, site)
			out := c.out(dir)
			before := snapshot(t, dir)
			code, _, errOut := memberdir(t, "build", "--source", dir, "--out", out)
			if c.want == "" {
				if code != 0 {
					t.Fatalf("exit %d: %s", code, errOut)
				}
				// Again, over the site just built.
				if code, _, errOut := memberdir(t, "build", "--source", dir, "--out", out); code != 0 {
					t.Fatalf("second build: exit %d: %s", code, errOut)
				}
				return
			}
			if code != 2 || !strings.Contains(errOut, c.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 2 and %q", code, errOut, c.want)
			}
			sameFiles(t, "the site after the refused build", before, snapshot(t, dir))
		})
	}
	// The root, asked of checkOut alone: were the guard ever broken, a
	// test must not run a build that replaces /.
	if err := checkOut(writeSite(t, site), string(filepath.Separator)); err == nil || !strings.Contains(err.Error(), "is the site's folder or contains it") {
		t.Errorf("--out / : %v", err)
	}
	// A folder of other files keeps them.
	other := filepath.Join(t.TempDir(), "other")
	os.MkdirAll(other, 0o755)
	os.WriteFile(filepath.Join(other, "keep.txt"), []byte("keep"), 0o644)
	dir := writeSite(t, site)
	memberdir(t, "build", "--source", dir, "--out", other)
	if data, err := os.ReadFile(filepath.Join(other, "keep.txt")); err != nil || string(data) != "keep" {
		t.Errorf("keep.txt: %q, %v", data, err)
	}
}

// TestBuildMessages shows what build says when there is nothing to build
// from yet, and that it counts problems in the site's language.
func TestBuildMessages(t *testing.T) {
	broken := strings.Replace(okProfile, "anna@example.org", "anna(at)example.org", 1)
	for _, c := range []struct {
		name  string
		files map[string]string
		code  int
		want  string // the end of stderr
	}{
		{"no site at all", map[string]string{}, 2,
			"content/members: no such folder — run memberdir in the site's folder or pass --source DIR\n"},
		{"config.yaml but no content/members/", map[string]string{"config.yaml": "language: de\n"}, 2,
			`content/members/: no such folder yet — create the first profile with memberdir new "Anna Müller", or the folder itself` + "\n"},
		{"content/ but no content/members/", map[string]string{"content/logo.svg": "<svg/>"}, 2,
			`content/members/: no such folder yet — create the first profile with memberdir new "Anna Müller", or the folder itself` + "\n"},
		{"a problem, German", map[string]string{"config.yaml": "language: de\n", "content/members/anna.md": broken}, 1,
			"ist keine E-Mail-Adresse — schreibe sie als name@example.de\n1 Problem gefunden\n"},
		{"two problems, English", map[string]string{"config.yaml": "language: en\n", "content/members/anna.md": broken, "content/members/ben.md": broken}, 1,
			"is not an e-mail address — write it as name@example.de\n2 problems found\n"},
		{"a broken config.yaml, English", map[string]string{"config.yaml": "language: en\ntitle: [\n", "content/members/anna.md": okProfile}, 1,
			"1 problem found\n"},
		{"no config.yaml: German", map[string]string{"content/members/anna.md": broken}, 1,
			"1 Problem gefunden\n"},
		// Built, but referral e-mails and QR codes need the address.
		{"no base_url", map[string]string{"config.yaml": "language: en\n", "content/members/anna.md": okProfile}, 0,
			"note: config.yaml has no base_url with the site's published address, so the referral e-mails, QR codes and vCards carry no link to the profiles — add e.g. base_url: https://netzwerk.example/\n"},
		{"a path as base_url", map[string]string{"config.yaml": "base_url: /verzeichnis/\n", "content/members/anna.md": okProfile}, 0,
			"deshalb enthalten die Empfehlungs-E-Mails, QR-Codes und vCards keinen Link zu den Profilen — ergänze z. B. base_url: https://netzwerk.example/\n"},
		{"base_url", map[string]string{"config.yaml": "base_url: https://netzwerk.example/\n", "content/members/anna.md": okProfile}, 0, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for p, content := range c.files {
				full := filepath.Join(dir, filepath.FromSlash(p))
				os.MkdirAll(filepath.Dir(full), 0o755)
				os.WriteFile(full, []byte(content), 0o644)
			}
			code, _, errOut := memberdir(t, "build", "--source", dir)
			if code != c.code || !strings.HasSuffix(errOut, c.want) || c.want == "" && errOut != "" {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d, ending in:\n%s", code, errOut, c.code, c.want)
			}
			if c.code == 2 {
				if code, _, errOut := memberdir(t, "check", "--source", dir); code != 2 || !strings.HasSuffix(errOut, c.want) {
					t.Errorf("check: exit %d, stderr:\n%s\nwant exit 2, ending in:\n%s", code, errOut, c.want)
				}
			}
		})
	}
}

// TestBuildSaysItInTheSiteLanguage: the line build ends with is in the
// language of the site's problems, not English beside German.
func TestBuildSaysItInTheSiteLanguage(t *testing.T) {
	for lang, want := range map[string]string{"de": " geschrieben, 0 unverändert)", "en": " written, 0 unchanged)"} {
		dir := writeSite(t, map[string]string{
			"config.yaml":                     "language: " + lang + "\nbase_url: https://netzwerk.example/\n",
			"content/members/anna-mueller.md": anna,
		})
		code, stdout, stderr := memberdir(t, "build", "--source", dir)
		if code != 0 || !strings.Contains(stdout, want) || stderr != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want %q and no note", lang, code, stdout, stderr, want)
		}
	}
}

func TestNumberAndSeconds(t *testing.T) {
	for _, c := range []struct {
		lang string
		n    int64
		d    time.Duration
		want string
	}{
		{"de", 0, 340 * time.Millisecond, "0 in 340 ms"},
		{"de", 999, time.Second, "999 in 1,0 s"},
		{"de", 21005, 1234 * time.Millisecond, "21.005 in 1,2 s"},
		{"en", 21005, 1250 * time.Millisecond, "21,005 in 1.2 s"},
		{"en", 1234567, 86 * time.Second, "1,234,567 in 86.0 s"},
	} {
		if got := number(c.lang, c.n) + " in " + seconds(c.lang, c.d); got != c.want {
			t.Errorf("%s: %q, want %q", c.lang, got, c.want)
		}
	}
}
