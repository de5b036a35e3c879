package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckWholePullRequest runs check --author --base on pull requests
// that change more than profiles: the site's settings and pages, and,
// with the site in a subfolder, the workflows outside it. Only the
// organisers may make those changes, whoever owns a profile.
func TestCheckWholePullRequest(t *testing.T) {
	noGitHubEnv(t)
	const (
		config = "language: de\norganiser:\n  github: [Orga-Admin, bea]\n"
		page   = "---\ntitle: Impressum\n---\nVerantwortlich: Bea Berg.\n"
	)
	r := newGitRepo(t, map[string]string{
		".github/workflows/check.yml":          "on: pull_request\n",
		"README.md":                            "# Netzwerk\n",
		"site/config.yaml":                     config,
		"site/content/pages/impressum.md":      page,
		"site/content/members/anna-mueller.md": owned("Anna Müller", "anna@example.de", "anna"),
	})
	site := filepath.Join(r.dir, "site")
	check := func(branch, author string, args ...string) (int, string, string) {
		t.Helper()
		r.git("orga", "checkout", "-q", branch)
		return memberdir(t, append([]string{"check", "--source", site, "--author", author, "--base", "main"}, args...)...)
	}

	// The case of the issue: anna edits her own profile, and the
	// settings and the imprint besides.
	r.git("anna", "checkout", "-q", "-b", "settings", "main")
	r.commit("anna", "settings", map[string]string{
		"site/content/members/anna-mueller.md": strings.Replace(owned("Anna Müller", "anna@example.de", "anna"), "Beratung", "Coaching", 1),
		"site/config.yaml":                     config + "title: Annas Netzwerk\n",
		"site/content/pages/impressum.md":      strings.Replace(page, "Bea Berg", "Anna Müller", 1),
	})
	code, out, errOut := check("settings", "anna")
	want := lines(
		"config.yaml: nur die Organisatoren (Orga-Admin, bea) dürfen config.yaml ändern — nimm diese Änderung aus deinem Pull Request heraus oder bitte sie darum",
		"content/pages/impressum.md: nur die Organisatoren (Orga-Admin, bea) dürfen content/pages/impressum.md ändern — nimm diese Änderung aus deinem Pull Request heraus oder bitte sie darum",
		"2 Probleme gefunden",
	)
	if code != 1 || out != want || errOut != "" {
		t.Errorf("settings: exit %d, stdout:\n%s\nwant:\n%s\nstderr: %s", code, out, want, errOut)
	}
	if code, out, _ := check("settings", "BEA"); code != 0 || out != "1 Profil OK\n" {
		t.Errorf("settings by an organiser: exit %d, stdout:\n%s", code, out)
	}

	// Outside the site folder: the workflow that runs this check, and a
	// rename in the repository's root, counted under both names.
	r.git("anna", "checkout", "-q", "-b", "workflow", "main")
	r.git("anna", "mv", "README.md", "LIESMICH.md")
	r.commit("anna", "workflow", map[string]string{".github/workflows/check.yml": "on: push\n"})
	code, out, _ = check("workflow", "anna")
	want = lines(
		"../.github/workflows/check.yml: nur die Organisatoren (Orga-Admin, bea) dürfen ../.github/workflows/check.yml ändern — nimm diese Änderung aus deinem Pull Request heraus oder bitte sie darum",
		"../LIESMICH.md: nur die Organisatoren (Orga-Admin, bea) dürfen ../LIESMICH.md ändern — nimm diese Änderung aus deinem Pull Request heraus oder bitte sie darum",
		"../README.md: nur die Organisatoren (Orga-Admin, bea) dürfen ../README.md ändern — nimm diese Änderung aus deinem Pull Request heraus oder bitte sie darum",
		"3 Probleme gefunden",
	)
	if code != 1 || out != want {
		t.Errorf("workflow: exit %d, stdout:\n%s\nwant:\n%s", code, out, want)
	}
	// Naming a file to check does not hide the rest of the pull request.
	if code, out, _ := check("workflow", "anna", "content/members/anna-mueller.md"); code != 1 || !strings.HasPrefix(out, "../.github/workflows/check.yml: ") {
		t.Errorf("workflow, one file named: exit %d, stdout:\n%s", code, out)
	}
	// GitHub knows the files by their path in the repository.
	t.Setenv("GITHUB_WORKSPACE", r.dir)
	_, out, _ = check("workflow", "anna", "--format", "github")
	if !strings.HasPrefix(out, "::error file=.github/workflows/check.yml,title=Profilprüfung::nur die Organisatoren (Orga-Admin, bea) dürfen") {
		t.Errorf("workflow, github format:\n%s", out)
	}
	t.Setenv("GITHUB_WORKSPACE", "")
	_, out, _ = check("workflow", "anna", "--format", "json")
	var report struct {
		Problems []struct {
			File string
			Line int
		}
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil || len(report.Problems) != 3 || report.Problems[0].File != "../.github/workflows/check.yml" || report.Problems[0].Line != 0 {
		t.Errorf("workflow, json format: %v\n%s", err, out)
	}

	// A German site says what went wrong with git in German.
	code, _, errOut = memberdir(t, "check", "--source", site, "--author", "anna", "--base", "origin/main")
	if code != 2 || errOut != "memberdir: \"origin/main\" ist keine Revision dieses Repositorys — hole sie zuerst (git fetch); in GitHub Actions mit fetch-depth: 0 auschecken\n" {
		t.Errorf("unknown base: exit %d, stderr %q", code, errOut)
	}
}

// TestCheckNewOwner shows where check points a member whose new profile
// does not name them as owner, and what it tells them to write: the
// owner: "" that new writes, left empty, is there already.
func TestCheckNewOwner(t *testing.T) {
	noGitHubEnv(t)
	r := newGitRepo(t, map[string]string{"config.yaml": deConfig})
	for _, c := range []struct {
		name, profile, want string
	}{
		{"empty", strings.Replace(anna, "contact:", "owner: \"\"\ncontact:", 1),
			"content/members/anna-mueller.md:7: owner: ein neues Profil muss dich als Inhaberin oder Inhaber nennen — schreibe owner: anna\n"},
		{"another", strings.Replace(anna, "contact:", "owner: bob\ncontact:", 1),
			"content/members/anna-mueller.md:7: owner: das neue Profil nennt bob als Inhaber:in, aber du (anna) legst es an — schreibe \"owner: anna\" oder lass bob das Profil anlegen\n"},
		{"missing", anna,
			"content/members/anna-mueller.md:2: owner: ein neues Profil muss dich als Inhaberin oder Inhaber nennen — füge die Zeile \"owner: anna\" ein\n"},
	} {
		r.git("anna", "checkout", "-q", "-b", c.name, "main")
		r.commit("anna", c.name, map[string]string{"content/members/anna-mueller.md": c.profile})
		code, out, errOut := memberdir(t, "check", "--source", r.dir, "--author", "anna", "--base", "main")
		if code != 1 || !strings.HasPrefix(out, c.want) || errOut != "" {
			t.Errorf("%s: exit %d, stdout:\n%s\nwant first:\n%s\nstderr: %s", c.name, code, out, c.want, errOut)
		}
	}
}
