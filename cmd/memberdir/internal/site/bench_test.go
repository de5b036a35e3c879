package site

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/synth"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/write"
)

// discard is a Sink that only counts bytes, so that the benchmark measures
// the build and not the disk.
type discard struct{ n int64 }

func (d *discard) Put(p string, data []byte) error { d.n += int64(len(data)); return nil }

// Streams lets the renderer reuse page buffers, as it does for the
// writer of "memberdir build".
func (d *discard) Streams() bool { return true }

func TestSynthSiteBuilds(t *testing.T) {
	if _, err := Build(synth.Site(200, 1), Options{}); err != nil {
		t.Fatalf("a generated site must build cleanly:\n%v", err)
	}
}

// BenchmarkBuild builds generated sites of 1,000 and 10,000 members in
// memory (load, model, render). Run with:
//
//	go test ./cmd/memberdir/internal/site -run '^$' -bench Build -benchmem
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		fsys := synth.Site(n, 1)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				if err := BuildTo(fsys, Options{}, &discard{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBuildToDisk is the whole "memberdir build": files are read from
// a folder and written into a fresh output folder that is swapped in.
func BenchmarkBuildToDisk(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		src := b.TempDir()
		if err := synth.Write(src, n, 1); err != nil {
			b.Fatal(err)
		}
		out := filepath.Join(b.TempDir(), "public")
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				w, err := write.New(out)
				if err != nil {
					b.Fatal(err)
				}
				if err := BuildTo(os.DirFS(src), Options{}, w); err != nil {
					b.Fatal(err)
				}
				if err := w.Commit(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
