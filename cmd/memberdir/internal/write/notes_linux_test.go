package write

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestNoteThatIsNoFile: a note that is a link or a pipe is not read (a
// pipe would block the build) and is gone after the build.
func TestNoteThatIsNoFile(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	site := map[string]string{"index.html": "home"}
	for range 2 {
		keyedBuild(t, out, site, "cards")
	}
	spare := filepath.Join(parent, ".public.previous")
	os.Remove(filepath.Join(spare, notePrefix+"n"))
	os.Remove(filepath.Join(spare, notePrefix+keysNote))
	if err := syscall.Mkfifo(filepath.Join(spare, notePrefix+"n"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Symlink("/etc/passwd", filepath.Join(spare, notePrefix+keysNote))
	if _, note := keyedBuild(t, out, site, ""); note != "" {
		t.Errorf("read %q from a pipe", note)
	}
	sameTree(t, out, site)
}
