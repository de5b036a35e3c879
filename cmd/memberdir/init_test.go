package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
)

// initSite runs memberdir init into a new temporary folder and returns it.
func initSite(t *testing.T, args ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "netzwerk")
	code, _, errOut := memberdir(t, append(append([]string{"init"}, args...), dir)...)
	if code != 0 {
		t.Fatalf("memberdir init: exit %d\n%s", code, errOut)
	}
	return dir
}

// TestInitWorkflowsLint runs actionlint (a tool of go.mod) on the
// workflows init writes, in both languages, and on a broken copy, which
// it must refuse.
func TestInitWorkflowsLint(t *testing.T) {
	if out, err := exec.Command("go", "tool", "actionlint", "-version").CombinedOutput(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("go tool actionlint cannot run: %v\n%s", err, out)
		}
		t.Skipf("go tool actionlint cannot run: %v\n%s", err, out)
	}
	lint := func(files ...string) (string, error) {
		out, err := exec.Command("go", append([]string{"tool", "actionlint", "-no-color"}, files...)...).CombinedOutput()
		return string(out), err
	}
	for _, lang := range []string{"de", "en"} {
		dir := initSite(t, "--language", lang)
		files, _ := filepath.Glob(filepath.Join(dir, ".github", "workflows", "*.yml"))
		if len(files) != 2 {
			t.Fatalf("%s: workflows %q, want check.yml and pages.yml", lang, files)
		}
		if out, err := lint(files...); err != nil {
			t.Errorf("%s: actionlint: %v\n%s", lang, err, out)
		}
		// A mistake actionlint knows must be found, or the run above
		// proves nothing.
		data, err := os.ReadFile(files[0])
		if err != nil {
			t.Fatal(err)
		}
		broken := strings.Replace(string(data), "github.event.pull_request.user.login", "github.event.pull_request.user.logn", 1)
		broken = strings.Replace(broken, "runs-on: ubuntu-latest", "runs-on: ubuntu-lastest", 1)
		bad := filepath.Join(t.TempDir(), "broken.yml")
		if err := os.WriteFile(bad, []byte(broken), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := lint(bad); err == nil {
			t.Errorf("%s: actionlint passed a broken workflow:\n%s", lang, out)
		}
	}
}

// TestInitCheckBuild goes from init to a built site: check reports the
// two stub pages and nothing else; once they and a profile from new are
// filled in, check passes and build writes the site.
func TestInitCheckBuild(t *testing.T) {
	dir := initSite(t)
	if _, err := os.Stat(filepath.Join(dir, "content", "members")); err != nil {
		t.Fatal(err)
	}
	code, out, _ := memberdir(t, "check", "--source", dir)
	problems := regexp.MustCompile(`(?m)^content/.*$`).FindAllString(out, -1)
	if code != 1 || len(problems) != 2 ||
		!strings.HasPrefix(problems[0], "content/pages/datenschutz.md:9:1: stub: diese Seite ist noch ein Entwurf aus memberdir init") ||
		!strings.HasPrefix(problems[1], "content/pages/impressum.md:9:1: stub: diese Seite ist noch ein Entwurf aus memberdir init") ||
		strings.Count(out, "\n") != 3 {
		t.Fatalf("check after init: exit %d\n%s", code, out)
	}
	if code, out, errOut := memberdir(t, "build", "--source", dir); code != 1 || !strings.Contains(errOut, "stub:") {
		t.Errorf("build of the stubs: exit %d\n%s%s", code, out, errOut)
	}

	// Deleting the stub line alone is not enough: the Impressum's sample
	// lines would go live.
	imprint := filepath.Join(dir, "content", "pages", "impressum.md")
	stubbed, err := os.ReadFile(imprint)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(imprint, regexp.MustCompile(`(?m)^stub: .*\n`).ReplaceAll(stubbed, nil), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := memberdir(t, "check", "--source", dir, "content/pages/impressum.md"); code != 1 || !strings.Contains(out, `"Name des Vereins oder der Firma" ist noch der Beispieltext aus memberdir init`) {
		t.Errorf("check of the Impressum without its stub line but with the sample text: exit %d\n%s", code, out)
	}

	// The organiser fills in the pages: the stub line goes, text of
	// their own comes in.
	for _, p := range []string{"impressum", "datenschutz"} {
		file := filepath.Join(dir, "content", "pages", p+".md")
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		fm, _, ok := strings.Cut(string(data), "\n---\n")
		if !ok {
			t.Fatalf("%s has no front matter:\n%s", file, data)
		}
		fm = regexp.MustCompile(`(?m)^stub: .*\n?`).ReplaceAllString(fm, "")
		text := fm + "\n---\nNetzwerk Rheinauen e. V., Musterstraße 12, 50667 Köln\n"
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, out, errOut := memberdir(t, "new", "--source", dir, "Anna Müller"); code != 0 {
		t.Fatalf("new: exit %d\n%s%s", code, out, errOut)
	}
	// new's profile is not yet done: check says so.
	if code, out, _ := memberdir(t, "check", "--source", dir); code != 1 || !strings.Contains(out, "anna-mueller.md") {
		t.Errorf("check of new's empty profile: exit %d\n%s", code, out)
	}
	file := filepath.Join(dir, "content", "members", "anna-mueller.md")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	profile := string(data)
	for _, r := range [][2]string{
		{`mission: ""`, `mission: Ich mache die Buchhaltung für Handwerksbetriebe in Köln.`},
		{`why: ""`, `why: Weil gute Handwerker ihre Zeit auf der Baustelle brauchen.`},
		{"offerings:\n  - \"\"", "offerings:\n  - Buchhaltung\n  - Lohnabrechnung"},
		{`email: ""`, `email: anna@example.de`},
		{`owner: ""`, `owner: anna-m`},
	} {
		if !strings.Contains(profile, r[0]) {
			t.Fatalf("new's profile has no %q:\n%s", r[0], profile)
		}
		profile = strings.Replace(profile, r[0], r[1], 1)
	}
	profile = profile[:strings.LastIndex(profile, "\n---\n")] + "\n---\nIch bin Anna.\n"
	if err := os.WriteFile(file, []byte(profile), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := memberdir(t, "check", "--source", dir); code != 0 {
		t.Fatalf("check of the filled-in site: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := memberdir(t, "build", "--source", dir); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, out, errOut)
	}
	for _, p := range []string{"index.html", "impressum/index.html", "datenschutz/index.html", "members/anna-mueller/index.html"} {
		if _, err := os.Stat(filepath.Join(dir, "public", filepath.FromSlash(p))); err != nil {
			t.Errorf("build wrote no %s: %v", p, err)
		}
	}
	// The .gitignore init wrote keeps the build out of git.
	if _, err := exec.LookPath("git"); err == nil {
		cmd := exec.Command("git", "init", "-q")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git init: %v\n%s", err, out)
		}
		cmd = exec.Command("git", "status", "--porcelain", "--untracked-files=all")
		cmd.Dir = dir
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(out), "public/") || !strings.Contains(string(out), "content/members/anna-mueller.md") {
			t.Errorf("git status of the site:\n%s", out)
		}
	}
}

// TestInitRefuses shows that init writes nothing into a folder that has
// any file it would write, and lists them; other files are no obstacle.
func TestInitRefuses(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		want  []string // listed in stderr
	}{
		{"config.yaml", map[string]string{"config.yaml": "title: Mein Netzwerk\n", "content/members/anna.md": anna}, []string{"\n  config.yaml\n"}},
		{"a file for a folder", map[string]string{"content": "x"}, []string{"\n  content\n"}},
		{"several", map[string]string{".gitignore": "x", "content/pages/impressum.md": "---\ntitle: Impressum\n---\n", "CONTRIBUTING.md": "x"},
			[]string{"\n  .gitignore\n  CONTRIBUTING.md\n  content/pages/impressum.md\n"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for p, s := range c.files {
				full := filepath.Join(dir, filepath.FromSlash(p))
				if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			before := snapshot(t, dir)
			code, out, errOut := memberdir(t, "init", dir)
			if code != 2 || out != "" || !strings.Contains(errOut, "deshalb ändert init nichts") {
				t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s", code, out, errOut)
			}
			for _, w := range c.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr does not list %q:\n%s", w, errOut)
				}
			}
			sameFiles(t, "init", before, snapshot(t, dir))
		})
	}

	// A folder with other files, such as a clone of a new GitHub
	// repository with its README, is fine.
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("# Netzwerk\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := memberdir(t, "init", dir); code != 0 {
		t.Fatalf("init beside README.md: exit %d\n%s", code, errOut)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "README.md")); string(data) != "# Netzwerk\n" {
		t.Errorf("README.md changed: %q", data)
	}
	// A second init finds everything there.
	code, _, errOut := memberdir(t, "init", dir)
	if code != 2 || !strings.Contains(errOut, "\n  config.yaml\n") || !strings.Contains(errOut, "\n  .github/workflows/check.yml\n") {
		t.Errorf("second init: exit %d\n%s", code, errOut)
	}
}

// TestInitUsage shows the mistakes in calling init.
func TestInitUsage(t *testing.T) {
	file := filepath.Join(t.TempDir(), "datei")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"init", "--language", "fr"}, "--language must be de or en"},
		{[]string{"init", "a", "b"}, "init takes one folder"},
		{[]string{"init", file}, "ist eine Datei, kein Ordner"},
	} {
		code, out, errOut := memberdir(t, c.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("memberdir %q: exit %d, stdout %q, stderr:\n%s", c.args, code, out, errOut)
		}
	}
	if code, out, errOut := memberdir(t, "help", "init"); code != 0 || errOut != "" || !strings.Contains(out, "usage: memberdir init [--language de|en] [DIR]") || !strings.Contains(out, "-language language") {
		t.Errorf("help init: exit %d\n%s%s", code, out, errOut)
	}
}

// TestInitEnglish shows an English site: its pages, and init's words.
func TestInitEnglish(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "network")
	code, out, errOut := memberdir(t, "init", "--language", "en", dir)
	if code != 0 || !strings.Contains(out, "created a new site in") || !strings.Contains(out, "content/pages/imprint.md") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "development build") {
		t.Errorf("init of a development build does not say it installs latest:\n%s", errOut)
	}
	data, err := os.ReadFile(filepath.Join(dir, ".github", "workflows", "pages.yml"))
	if err != nil || !strings.Contains(string(data), "go install github.com/memberdir/memberdir/cmd/memberdir@latest\n") {
		t.Errorf("pages.yml (%v):\n%s", err, data)
	}
	code, out, _ = memberdir(t, "check", "--source", dir)
	if code != 1 || !strings.Contains(out, "content/pages/imprint.md:8:1: stub: this page is still a stub from memberdir init") ||
		!strings.Contains(out, "content/pages/privacy.md:9:1: stub: this page is still a stub") {
		t.Errorf("check: exit %d\n%s", code, out)
	}
}

// TestInstallVersion shows which version the workflows install.
func TestInstallVersion(t *testing.T) {
	for _, c := range []struct {
		version, want string
		devel         bool
	}{
		{"v1.4.2", "v1.4.2", false},
		{"v0.0.0-20260301120000-0123456789ab", "v0.0.0-20260301120000-0123456789ab", false},
		{"(devel)", "latest", true},
		{"", "latest", true},
		{"v1.4.3-0.20260301120000-0123456789ab+dirty", "latest", true},
	} {
		info := &debug.BuildInfo{Main: debug.Module{Path: "github.com/memberdir/memberdir", Version: c.version}}
		if got, devel := installVersion(info); got != c.want || devel != c.devel {
			t.Errorf("installVersion(%q) = %q, %v, want %q, %v", c.version, got, devel, c.want, c.devel)
		}
	}
	if got, devel := installVersion(nil); got != "latest" || !devel {
		t.Errorf("installVersion(nil) = %q, %v", got, devel)
	}
}
