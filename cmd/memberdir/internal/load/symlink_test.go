package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSymlinksAreRefused: a pull request can add a link where a profile
// belongs; following it could publish any file of the machine that builds.
func TestSymlinksAreRefused(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content/members"), 0o755)
	os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("language: en\n"), 0o644)
	secret := filepath.Join(dir, "secret.md")
	os.WriteFile(secret, []byte("---\nname: Secret\nmission: m\nwhy: w\nofferings: [x]\ncontact: {email: s@example.org}\n---\n"), 0o644)
	if err := os.Symlink(secret, filepath.Join(dir, "content/members/eve.md")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	c, errs, err := Site(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "content/members/eve.md: is a symbolic link") {
		t.Errorf("want one problem about the link, got %v", errs)
	}
	for _, m := range c.Members {
		if m.Name == "Secret" {
			t.Error("the linked file was read")
		}
	}
}

// TestSymlinkedPhoto: a photo that is a link is reported once, as a link,
// not also as missing from the profile that names it.
func TestSymlinkedPhoto(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content/members"), 0o755)
	os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("language: en\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "content/members/anna.md"), []byte(profile("photo: anna.jpg")), 0o644)
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "content/members/anna.jpg")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	_, errs, err := Site(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	diffLines(t, lines(errs), e(`content/members/anna.jpg: is a symbolic link — profiles, pages and photos must be plain files`))
}
