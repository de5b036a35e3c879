package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	after := snapshot(t, public)
	if len(after) != len(before) {
		t.Fatalf("public/ has %d files after a failed build, %d before", len(after), len(before))
	}
	for p, data := range before {
		if after[p] != data {
			t.Errorf("%s changed although the build failed", p)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public") {
			t.Errorf("temporary folder %s left behind", e.Name())
		}
	}
}

// TestBuildTwiceSameBytes builds into two folders and compares them.
func TestBuildTwiceSameBytes(t *testing.T) {
	root, _ := filepath.Abs("../..")
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	for _, out := range []string{a, b} {
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
