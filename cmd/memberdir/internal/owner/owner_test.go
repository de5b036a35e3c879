package owner

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	const (
		anna = "content/members/anna.md"
		bob  = "content/members/bob.md"
	)
	orgs := []string{"Orga-Admin"}
	cases := []struct {
		name    string
		author  string
		changes []Change
		want    []string // "path: field: message" in English
	}{
		{"own profile", "anna-m", []Change{{Path: anna, Op: Modified, Profile: anna, Owner: "anna-m"}}, nil},
		{"own profile, other case", "Anna-M", []Change{{Path: anna, Op: Deleted, Profile: anna, Owner: "anna-m"}}, nil},
		{"organiser, other case", "orga-admin", []Change{
			{Path: bob, Op: Modified, Profile: bob, Owner: "bob"},
			{Path: anna, Op: Added, Profile: anna},
		}, nil},
		{"someone else's", "anna-m", []Change{{Path: bob, Op: Modified, Profile: bob, Owner: "bob"}}, []string{
			bob + ": this profile belongs to the GitHub user bob, not to you (anna-m) — change only your own profile, or ask bob or the organisers to make this change",
		}},
		{"delete someone else's", "anna-m", []Change{{Path: bob, Op: Deleted, Profile: bob, Owner: "bob"}}, []string{
			bob + ": only the owner bob or the organisers may delete this profile, not you (anna-m)",
		}},
		{"no owner", "anna-m", []Change{{Path: bob, Op: Modified, Profile: bob}}, []string{
			bob + `: this profile names no owner, so only the organisers may change or delete it — if it is yours, ask them to add the line "owner: anna-m"`,
		}},
		{"new without owner", "anna-m", []Change{{Path: anna, Op: Added, Profile: anna}}, []string{
			anna + `: owner: a new profile must name you as its owner — add the line "owner: anna-m"`,
		}},
		{"new with another owner", "anna-m", []Change{{Path: anna, Op: Added, Profile: anna, Owner: "bob"}}, []string{
			anna + `: owner: the new profile names bob as its owner, but you (anna-m) are adding it — write "owner: anna-m", or let bob add the profile`,
		}},
		{"new with own owner", "anna-m", []Change{{Path: anna, Op: Added, Profile: anna, Owner: "ANNA-M"}}, nil},
		{"someone else's photo", "anna-m", []Change{{Path: "content/members/bob.jpg", Op: Modified, Profile: bob, Owner: "bob"}}, []string{
			"content/members/bob.jpg: this file belongs to the profile content/members/bob.md of the GitHub user bob, not to you (anna-m) — change only your own photo",
		}},
		{"photo of a profile without owner", "anna-m", []Change{{Path: "content/members/bob.jpg", Op: Deleted, Profile: bob}}, []string{
			"content/members/bob.jpg: this file belongs to the profile content/members/bob.md, which names no owner, so only the organisers may change it",
		}},
		{"own photo", "anna-m", []Change{{Path: "content/members/anna.jpg", Op: Added, Profile: anna, Owner: "anna-m"}}, nil},
		{"file no profile names", "anna-m", []Change{{Path: "content/members/x.png", Op: Added}}, nil},
		{"new with an empty owner", "anna-m", []Change{{Path: anna, Op: Added, Profile: anna, Line: 7, OwnerLine: true}}, []string{
			anna + `:7: owner: a new profile must name you as its owner — write owner: anna-m`,
		}},
		{"new with another owner, line", "anna-m", []Change{{Path: anna, Op: Added, Profile: anna, Owner: "bob", Line: 3, OwnerLine: true}}, []string{
			anna + `:3: owner: the new profile names bob as its owner, but you (anna-m) are adding it — write "owner: anna-m", or let bob add the profile`,
		}},
		{"new without owner, line", "anna-m", []Change{{Path: anna, Op: Added, Profile: anna, Line: 2}}, []string{
			anna + `:2: owner: a new profile must name you as its owner — add the line "owner: anna-m"`,
		}},
		{"site files", "anna-m", []Change{
			{Path: "config.yaml", Op: Modified},
			{Path: "content/pages/impressum.md", Op: Deleted},
			{Path: "content/members/sub/x.md", Op: Added},
			{Path: "../.github/workflows/check.yml", Op: Modified},
		}, []string{
			"config.yaml: only the organisers (Orga-Admin) may change config.yaml — leave this change out of your pull request, or ask them to make it",
			"content/pages/impressum.md: only the organisers (Orga-Admin) may change content/pages/impressum.md — leave this change out of your pull request, or ask them to make it",
			"content/members/sub/x.md: only the organisers (Orga-Admin) may change content/members/sub/x.md — leave this change out of your pull request, or ask them to make it",
			"../.github/workflows/check.yml: only the organisers (Orga-Admin) may change ../.github/workflows/check.yml — leave this change out of your pull request, or ask them to make it",
		}},
		{"site files by an organiser", "ORGA-admin", []Change{{Path: "templates/page.html", Op: Added}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, e := range Check(c.author, orgs, c.changes, "en") {
				got = append(got, e.Error())
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
	de := Check("anna-m", nil, []Change{{Path: bob, Op: Modified, Profile: bob, Owner: "bob"}}, "de")
	if len(de) != 1 || !strings.Contains(de[0].Msg, "dieses Profil gehört dem GitHub-Konto bob, nicht dir (anna-m)") {
		t.Errorf("German: %v", de)
	}
	de = Check("anna-m", []string{"orga", "Bea"}, []Change{{Path: "config.yaml", Op: Modified}}, "de")
	if len(de) != 1 || !strings.HasPrefix(de[0].Msg, "nur die Organisatoren (orga, Bea) dürfen config.yaml ändern — ") {
		t.Errorf("German, config.yaml: %v", de)
	}
	// Without organisers nobody is named, and no one but them may.
	none := Check("anna-m", nil, []Change{{Path: "README.md", Op: Modified}, {Path: "content/members/x.png", Op: Added}}, "en")
	if len(none) != 1 || none[0].Error() != "README.md: only the organisers may change README.md, and config.yaml names none yet under organiser.github — leave this change out of your pull request" {
		t.Errorf("no organisers: %v", none)
	}
}

func TestIsProfile(t *testing.T) {
	for p, want := range map[string]bool{
		"content/members/anna.md":     true,
		"content/members/Anna.MD":     true,
		"content/members/anna.jpg":    false,
		"content/members/README.md":   false,
		"content/members/_draft.md":   false,
		"content/members/.x.md":       false,
		"content/members/sub/anna.md": false,
		"content/pages/anna.md":       false,
	} {
		if IsProfile(p) != want {
			t.Errorf("IsProfile(%q) = %v", p, !want)
		}
	}
}

// repo is a temporary git repository for tests.
type repo struct {
	t   *testing.T
	dir string
}

// newRepo creates a git repository with a branch main, or skips the test
// when git is missing (fails instead on CI).
func newRepo(t *testing.T) *repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("git is missing")
		}
		t.Skip("git is missing")
	}
	r := &repo{t: t, dir: t.TempDir()}
	r.git("", "init", "-q", "-b", "main")
	return r
}

// git runs git in the repository as the user who, with a fixed
// configuration so that the tester's own does not matter.
func (r *repo) git(who string, args ...string) string {
	r.t.Helper()
	if who == "" {
		who = "orga"
	}
	args = append([]string{"-c", "user.name=" + who, "-c", "user.email=" + who + "@example.de", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"}, args...)
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// commit writes files (path → content, "" deletes) and commits them as
// who.
func (r *repo) commit(who, msg string, files map[string]string) {
	r.t.Helper()
	for p, content := range files {
		full := filepath.Join(r.dir, filepath.FromSlash(p))
		if content == "" {
			r.git(who, "rm", "-q", p)
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			r.t.Fatal(err)
		}
		r.git(who, "add", p)
	}
	r.git(who, "commit", "-q", "-m", msg)
}

func profile(name, owner, extra string) string {
	s := "---\nname: " + name + "\nmission: M\nwhy: W\nofferings:\n  - A\ncontact:\n  email: a@example.de\n"
	if owner != "" {
		s += "owner: " + owner + "\n"
	}
	return s + extra + "---\n"
}

// TestChanges reads changes from a real repository whose site lies in a
// subfolder, with a base branch that moved on after the pull request
// branched off.
func TestChanges(t *testing.T) {
	r := newRepo(t)
	r.commit("orga", "start", map[string]string{
		"site/config.yaml":                 "organiser:\n  github: [Orga-Admin]\n",
		"site/content/members/anna.md":     profile("Anna", "anna-m", "photo: anna.jpg\n"),
		"site/content/members/anna.jpg":    "jpeg",
		"site/content/members/bob.md":      profile("Bob", "bob", ""),
		"site/content/members/nobody.md":   profile("Nobody", "", ""),
		"site/content/members/broken.md":   "---\nowner: bob\nname: [\n---\n",
		"site/content/members/free.png":    "png",
		"site/content/pages/about.md":      "---\ntitle: About\n---\n",
		"outside/content/members/other.md": profile("Other", "", ""),
		".github/workflows/check.yml":      "on: pull_request\n",
		"site/templates/gone.html":         "x",
	})
	r.git("", "checkout", "-q", "-b", "pr")
	r.commit("anna-m", "my changes", map[string]string{
		"site/content/members/anna.md":   profile("Anna Müller", "anna-m", "photo: anna.jpg\n"),
		"site/content/members/anna.jpg":  "new jpeg",
		"site/content/members/bob.md":    profile("Bob", "anna-m", ""),
		"site/content/members/nobody.md": "",
		"site/content/members/broken.md": profile("Broken", "anna-m", ""),
		"site/content/members/new.md":    profile("New", "anna-m", ""),
		"site/content/members/free.png":  "",
		"site/content/pages/about.md":    "---\ntitle: Über uns\n---\n",
		"site/config.yaml":               "organiser:\n  github: [Orga-Admin, anna-m]\n",
		"site/content/members/sub/x.md":  profile("X", "anna-m", ""),
		".github/workflows/check.yml":    "on: push\n",
		"outside/content/members/new.md": profile("Outside", "anna-m", ""),
		"site/templates/gone.html":       "",
	})
	// Meanwhile on main: a new member, bob hands his profile over, and
	// the template the pull request deletes is gone already.
	r.git("", "checkout", "-q", "main")
	r.commit("orga", "erik joins", map[string]string{
		"site/content/members/erik.md": profile("Erik", "erik", ""),
		"site/content/members/bob.md":  profile("Bob", "bobby", ""),
		"site/templates/gone.html":     "",
	})
	r.git("", "checkout", "-q", "pr")

	changes, orgs, err := Changes(context.Background(), filepath.Join(r.dir, "site"), "main", "en")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(orgs, []string{"Orga-Admin"}) {
		t.Errorf("organisers = %v, want those of main, not of the pull request", orgs)
	}
	want := []Change{
		{Path: "../.github/workflows/check.yml", Op: Modified},
		{Path: "../outside/content/members/new.md", Op: Added},
		{Path: "config.yaml", Op: Modified},
		{Path: "content/members/anna.jpg", Op: Modified, Profile: "content/members/anna.md", Owner: "anna-m"},
		{Path: "content/members/anna.md", Op: Modified, Profile: "content/members/anna.md", Owner: "anna-m"},
		{Path: "content/members/bob.md", Op: Modified, Profile: "content/members/bob.md", Owner: "bobby"},
		{Path: "content/members/broken.md", Op: Modified, Profile: "content/members/broken.md", Owner: "bob"},
		{Path: "content/members/free.png", Op: Deleted},
		{Path: "content/members/new.md", Op: Added, Profile: "content/members/new.md", Owner: "anna-m", Line: 9, OwnerLine: true},
		{Path: "content/members/nobody.md", Op: Deleted, Profile: "content/members/nobody.md"},
		{Path: "content/members/sub/x.md", Op: Added},
		{Path: "content/pages/about.md", Op: Modified},
	}
	if !reflect.DeepEqual(changes, want) {
		t.Errorf("changes:\n%v\nwant\n%v", changes, want)
	}

	if _, _, err := Changes(context.Background(), filepath.Join(r.dir, "site"), "no-such-branch", "en"); err == nil || !strings.Contains(err.Error(), "fetch-depth: 0") {
		t.Errorf("unknown base: %v", err)
	}
	// Git's failures are told in the site's language.
	if _, _, err := Changes(context.Background(), filepath.Join(r.dir, "site"), "origin/main", "de"); err == nil || err.Error() != `"origin/main" ist keine Revision dieses Repositorys — hole sie zuerst (git fetch); in GitHub Actions mit fetch-depth: 0 auschecken` {
		t.Errorf("unknown base, German: %v", err)
	}
	r.git("", "checkout", "-q", "--orphan", "alone")
	r.commit("orga", "unrelated", map[string]string{"site/config.yaml": "language: de\n"})
	if _, _, err := Changes(context.Background(), filepath.Join(r.dir, "site"), "main", "de"); err == nil || !strings.HasPrefix(err.Error(), "main und HEAD haben keine gemeinsame Geschichte") {
		t.Errorf("no merge base, German: %v", err)
	}
	if _, _, err := Changes(context.Background(), t.TempDir(), "main", "de"); err == nil || !strings.Contains(err.Error(), "liegt in keinem git-Repository") {
		t.Errorf("not a repository, German: %v", err)
	}
}

func TestOwnerLine(t *testing.T) {
	for _, c := range []struct {
		profile string
		line    int
		found   bool
	}{
		{"---\nname: A\nowner: \"\"\n---\n", 3, true},
		{"\xef\xbb\xbf---\r\nname: A\r\nowner:\r\n---\r\n", 3, true},
		{"---\nname: A\nowner : bob # me\n---\n", 3, true},
		{"\n\n---\nname: A\n---\nowner: body text\n", 4, false},
		{"---\nname: A\nbio: |\n  owner: not a field\n---\n", 2, false},
		{"---\nowners: x\n", 2, false},
		{"name: A\n", 1, false},
		{"", 1, false},
	} {
		line, found := ownerLine([]byte(c.profile))
		if line != c.line || found != c.found {
			t.Errorf("ownerLine(%q) = %d, %v; want %d, %v", c.profile, line, found, c.line, c.found)
		}
	}
}

func TestSitePath(t *testing.T) {
	for _, c := range []struct{ prefix, p, want string }{
		{"", "config.yaml", "config.yaml"},
		{"", ".github/workflows/check.yml", ".github/workflows/check.yml"},
		{"site/", "site/config.yaml", "config.yaml"},
		{"site/", ".github/workflows/check.yml", "../.github/workflows/check.yml"},
		{"site/", "site2/x", "../site2/x"},
		{"site/", "site", "../site"},
		{"docs/site/", "docs/README.md", "../README.md"},
		{"docs/site/", "go.mod", "../../go.mod"},
	} {
		if got := sitePath(c.prefix, c.p); got != c.want {
			t.Errorf("sitePath(%q, %q) = %q, want %q", c.prefix, c.p, got, c.want)
		}
	}
}
