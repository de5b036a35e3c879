package main

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// verdictSite is a site TestVerdict runs check and build on. pass, when
// not "", is the verdict the site must get: "pass" or "fail"; problem is
// text check's report must then contain.
type verdictSite struct {
	name    string
	dir     string
	pass    string
	problem string
}

// TestVerdict runs check and build on every site the tests of the
// command have (the example site, the txtar sites of package site, the
// fuzz corpus of profiles, the hostile profile, members' mistakes) and on
// photos and logos broken as uploads break them, and requires that check
// reports no problem exactly when build succeeds: the organiser merges
// what check passes, and build publishes it (issue #14).
func TestVerdict(t *testing.T) {
	noGitHubEnv(t)
	t.Setenv("MEMBERDIR_CACHE_DIR", t.TempDir())
	sites := verdictSites(t)
	passed, failed := 0, 0
	for _, s := range sites {
		t.Run(s.name, func(t *testing.T) {
			ccode, cout, cerr := memberdir(t, "check", "--source", s.dir)
			bcode, bout, berr := memberdir(t, "build", "--source", s.dir, "--out", filepath.Join(t.TempDir(), "public"))
			if (ccode == 0) != (bcode == 0) {
				t.Fatalf("check exits %d, build %d\ncheck:\n%s%s\nbuild:\n%s%s", ccode, bcode, cout, cerr, bout, berr)
			}
			if ccode == 0 {
				passed++
			} else {
				failed++
			}
			switch {
			case s.pass == "pass" && ccode != 0:
				t.Errorf("the site fails, want it to pass\ncheck:\n%s%s", cout, cerr)
			case s.pass == "fail" && ccode == 0:
				t.Errorf("the site passes, want it to fail")
			case s.problem != "" && !strings.Contains(cout, s.problem):
				t.Errorf("check says:\n%s%s\nwant a problem containing %q", cout, cerr, s.problem)
			}
		})
	}
	t.Logf("%d sites: %d pass check and build, %d fail both", len(sites), passed, failed)
	if passed == 0 || failed == 0 {
		t.Errorf("%d sites pass and %d fail: the test must have both", passed, failed)
	}
}

// verdictSites writes the sites of TestVerdict into temporary folders.
func verdictSites(t *testing.T) []verdictSite {
	t.Helper()
	var sites []verdictSite

	// The example site, as it is and with its photos and logo broken.
	example := readExample(t)
	jpg := example["content/members/katharina-weissenfels.jpg"]
	png := example["content/members/daniel-okafor.png"]
	const katharina = "content/members/katharina-weissenfels.md:6:8: photo: das Foto \"katharina-weissenfels.jpg\" ist unvollständig oder beschädigt"
	const daniel = "content/members/daniel-okafor.md:6:8: photo: das Foto \"daniel-okafor.png\" ist unvollständig oder beschädigt"
	flipped := []byte(jpg)
	for i := len(flipped) / 2; i < len(flipped)/2+64; i++ {
		flipped[i] ^= 0x5a
	}
	mutations := []struct {
		name           string
		files          map[string]string
		pass, problem  string
		configReplaced [2]string
	}{
		{name: "example", pass: "pass"},
		{name: "example, JPEG photo cut at 60%", files: map[string]string{"content/members/katharina-weissenfels.jpg": jpg[:len(jpg)*6/10]}, pass: "fail", problem: katharina},
		{name: "example, JPEG photo cut at 95%", files: map[string]string{"content/members/katharina-weissenfels.jpg": jpg[:len(jpg)*95/100]}, pass: "fail", problem: katharina},
		{name: "example, JPEG photo without its end marker", files: map[string]string{"content/members/katharina-weissenfels.jpg": jpg[:len(jpg)-2]}},
		{name: "example, JPEG photo damaged in the middle", files: map[string]string{"content/members/katharina-weissenfels.jpg": string(flipped)}},
		{name: "example, PNG photo cut at 60%", files: map[string]string{"content/members/daniel-okafor.png": png[:len(png)*6/10]}, pass: "fail", problem: daniel},
		{name: "example, PNG photo without its last chunk", files: map[string]string{"content/members/daniel-okafor.png": png[:len(png)-12]}},
		{name: "example, photo that is not an image", files: map[string]string{"content/members/katharina-weissenfels.jpg": "Hier kommt bald mein Foto.\n"}, pass: "fail", problem: "content/members/katharina-weissenfels.md:6:8: photo:"},
		{name: "example, PNG logo", files: map[string]string{"content/logo.png": png}, configReplaced: [2]string{"logo: content/logo.svg", "logo: content/logo.png"}, pass: "pass"},
		{name: "example, PNG logo cut at 60%", files: map[string]string{"content/logo.png": png[:len(png)*6/10]}, configReplaced: [2]string{"logo: content/logo.svg", "logo: content/logo.png"}, pass: "fail", problem: "config.yaml:68:9: theme.logo:"},
		{name: "example, JPEG logo cut at 60%", files: map[string]string{"content/logo.jpg": jpg[:len(jpg)*6/10]}, configReplaced: [2]string{"logo: content/logo.svg", "logo: content/logo.jpg"}, pass: "fail", problem: "config.yaml:68:9: theme.logo:"},
		{name: "example, SVG logo cut short", files: map[string]string{"content/logo.svg": example["content/logo.svg"][:len(example["content/logo.svg"])/2]}},
	}
	for _, m := range mutations {
		files := map[string]string{}
		for p, data := range example {
			files[p] = data
		}
		for p, data := range m.files {
			files[p] = data
		}
		if old := m.configReplaced[0]; old != "" {
			if !strings.Contains(files["config.yaml"], old) {
				t.Fatalf("the example's config.yaml has no %q", old)
			}
			files["config.yaml"] = strings.Replace(files["config.yaml"], old, m.configReplaced[1], 1)
		}
		sites = append(sites, verdictSite{name: m.name, dir: writeSite(t, files), pass: m.pass, problem: m.problem})
	}

	// A small site with one photo, of a draft too: check reads drafts,
	// so a build must not pass what check refuses.
	withPhoto := withLine(9, "photo: anna-mueller.jpg\n---")
	sites = append(sites,
		verdictSite{name: "photo", dir: writeSite(t, map[string]string{"config.yaml": deConfig, "content/members/anna-mueller.md": withPhoto, "content/members/anna-mueller.jpg": jpg}), pass: "pass"},
		verdictSite{name: "photo cut short", dir: writeSite(t, map[string]string{"config.yaml": deConfig, "content/members/anna-mueller.md": withPhoto, "content/members/anna-mueller.jpg": jpg[:len(jpg)/2]}), pass: "fail",
			problem: "content/members/anna-mueller.md:9:8: photo: das Foto \"anna-mueller.jpg\" ist unvollständig oder beschädigt"},
		verdictSite{name: "photo cut short, en", dir: writeSite(t, map[string]string{"config.yaml": enConfig, "content/members/anna-mueller.md": withPhoto, "content/members/anna-mueller.jpg": jpg[:len(jpg)/2]}), pass: "fail",
			problem: "content/members/anna-mueller.md:9:8: photo: the photo \"anna-mueller.jpg\" is incomplete or damaged"},
		verdictSite{name: "draft's photo cut short", dir: writeSite(t, map[string]string{"config.yaml": deConfig, "content/members/anna-mueller.md": anna,
			"content/members/bob.md": strings.Replace(withLine(9, "photo: bob.jpg\ndraft: true\n---"), "Anna Müller", "Bob Schmidt", 1), "content/members/bob.jpg": jpg[:len(jpg)/2]}), pass: "fail"},
		verdictSite{name: "shared photo cut short", dir: writeSite(t, map[string]string{"config.yaml": deConfig, "content/members/anna-mueller.md": withPhoto, "content/members/anna-mueller.jpg": jpg[:len(jpg)/2],
			"content/members/bob.md": strings.Replace(withPhoto, "Anna Müller", "Bob Schmidt", 1)}), pass: "fail"},
	)

	// The txtar sites of package site's golden tests.
	archives, _ := filepath.Glob("internal/site/testdata/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no txtar sites in internal/site/testdata")
	}
	for _, name := range archives {
		a, err := txtar.ParseFile(name)
		if err != nil {
			t.Fatal(err)
		}
		files := map[string]string{}
		for _, f := range a.Files {
			files[f.Name] = string(f.Data)
		}
		sites = append(sites, verdictSite{name: "txtar " + filepath.Base(name), dir: writeSite(t, files)})
	}

	// The fuzz corpus of load's profiles, each next to a valid profile.
	corpus, _ := filepath.Glob("internal/load/testdata/fuzz/FuzzProfile/*")
	if len(corpus) == 0 {
		t.Fatal("no fuzz corpus in internal/load/testdata/fuzz/FuzzProfile")
	}
	for _, name := range corpus {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		_, arg, ok := strings.Cut(strings.TrimSpace(string(data)), "\nstring(")
		if !ok {
			t.Fatalf("%s: not a corpus file of one string", name)
		}
		profile, err := strconv.Unquote(strings.TrimSuffix(arg, ")"))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sites = append(sites, verdictSite{name: "fuzz " + filepath.Base(name), dir: writeSite(t, map[string]string{
			"config.yaml": deConfig, "content/members/anna-mueller.md": anna, "content/members/fuzz.md": profile})})
	}

	// The hostile profile, and the mistakes members make.
	sites = append(sites,
		verdictSite{name: "hostile profile", dir: writeSite(t, map[string]string{"config.yaml": deConfig, "content/members/anna-mueller.md": anna, "content/members/eve.md": hostileProfile}), pass: "pass"},
		verdictSite{name: "anna", dir: writeSite(t, map[string]string{"config.yaml": deConfig, "content/members/anna-mueller.md": anna}), pass: "pass"},
	)
	mistakes := map[string]string{
		"tab indentation":           withLine(6, "\t- Beratung"),
		"unquoted colon":            withLine(3, "mission: Ich helfe: kleinen Firmen."),
		"smart quotes":              withLine(2, "name: „Anna Müller“"),
		"no space after the colon":  withLine(3, "mission:Ich helfe kleinen Firmen."),
		"website without https://":  withLine(8, "  website: www.anna-mueller.de"),
		"date as 1.3.2021":          withLine(9, "member_since: 1.3.2021\n---"),
		"front matter after text":   "Mein Profil\n" + anna,
		"missing closing ---":       withLine(9, ""),
		"misspelt field":            withLine(5, "offerrings:"),
		"misspelt category":         withLine(9, "tags: [steuren]\n---"),
		"e-mail with (at)":          withLine(8, "  email: anna(at)example.de"),
		"photo missing":             withLine(9, "photo: anna.jpg\n---"),
		"photo as a web address":    withLine(9, "photo: https://example.org/anna.jpg\n---"),
		"recommends unknown member": withLine(9, "recommends:\n  - member: bob\n---"),
		"raw HTML in the body":      anna + "\n<script>alert(1)</script>\n",
	}
	for _, name := range slices.Sorted(maps.Keys(mistakes)) {
		sites = append(sites, verdictSite{name: "mistake " + name, dir: writeSite(t, map[string]string{"config.yaml": deConfig, "content/members/anna-mueller.md": mistakes[name]}), pass: "fail"})
	}
	return sites
}

// readExample returns the files of the example site at the root of the
// repository: config.yaml and content/.
func readExample(t *testing.T) map[string]string {
	t.Helper()
	root := filepath.Join("..", "..")
	files := map[string]string{}
	data, err := os.ReadFile(filepath.Join(root, "config.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	files["config.yaml"] = string(data)
	err = fs.WalkDir(os.DirFS(root), "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
		files[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
