package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestCheckGolden keeps check's whole output, in each of its formats, for
// a small site with many mistakes (testdata/check/mistakes.txtar): what a
// member sees in the terminal, the annotations and summary of a pull
// request, and what a tool reads. A change to any message, position,
// order or count shows up as a diff of the golden files; go test
// -run CheckGolden -update rewrites them after a change on purpose.
func TestCheckGolden(t *testing.T) {
	noGitHubEnv(t)
	a, err := txtar.ParseFile(filepath.Join("testdata", "check", "mistakes.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range a.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, format := range []string{"text", "github", "json"} {
		t.Run(format, func(t *testing.T) {
			code, out, errOut := memberdir(t, "check", "--source", dir, "--format", format)
			if code != 1 || errOut != "" {
				t.Fatalf("exit %d, stderr %q; want exit 1 and nothing on stderr", code, errOut)
			}
			// The site's folder is a temporary one: the output names it
			// only where it says where to run check again.
			out = strings.ReplaceAll(out, dir, "SITE")
			golden := filepath.Join("testdata", "check", "mistakes."+format+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run CheckGolden -update)", err)
			}
			if out != string(want) {
				t.Errorf("check --format %s differs from %s (go test -run CheckGolden -update rewrites it):\n%s", format, golden, lineDiff(string(want), out))
			}
		})
	}
}

// lineDiff lists the lines only in want and only in got.
func lineDiff(want, got string) string {
	var b strings.Builder
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	in := func(l string, ls []string) bool {
		for _, x := range ls {
			if x == l {
				return true
			}
		}
		return false
	}
	for _, l := range wl {
		if !in(l, gl) {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range gl {
		if !in(l, wl) {
			b.WriteString("+ " + l + "\n")
		}
	}
	if b.Len() == 0 {
		b.WriteString("(same lines, in another order)\n")
	}
	return b.String()
}
