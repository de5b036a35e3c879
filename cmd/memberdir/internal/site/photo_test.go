package site

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/photo"
)

// photoJPEG returns a w×h JPEG, different for each seed.
func photoJPEG(t testing.TB, w, h, seed int) []byte {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			m.SetRGBA(x, y, color.RGBA{uint8(x*255/w + seed), uint8(y*255/h + 3*seed), uint8((x + y + seed) % 256), 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// addPhotos gives the first n profiles of the site in dir a photo.
func addPhotos(t testing.TB, dir string, n int) []string {
	t.Helper()
	profiles, _ := filepath.Glob(filepath.Join(dir, "content/members/*.md"))
	if len(profiles) < n {
		t.Fatalf("%d profiles, want %d", len(profiles), n)
	}
	var photos []string
	for i, p := range profiles[:n] {
		name := strings.TrimSuffix(filepath.Base(p), ".md") + ".jpg"
		setPhoto(t, filepath.Join(dir, "content/members", name), photoJPEG(t, 1200, 900, i))
		data, _ := os.ReadFile(p)
		os.WriteFile(p, []byte(strings.Replace(string(data), "---\n", "---\nphoto: "+name+"\n", 1)), 0o644)
		photos = append(photos, filepath.Join(dir, "content/members", name))
	}
	return photos
}

func setPhoto(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// countPhotos returns the published photo files of a build.
func countPhotos(files Files) int {
	n := 0
	for p := range files {
		if strings.HasPrefix(p, "members/") && strings.Contains(p, "/photo-") {
			n++
		}
	}
	return n
}

// TestBuildPhotoCache builds a site with photos three times with a disk
// cache: the second build decodes no photo and writes the bytes of the
// first and of a build without cache. Then the cache files are damaged,
// and the third build processes the photos again rather than publish
// what it cannot trust.
func TestBuildPhotoCache(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, 8)
	addPhotos(t, dir, 3)
	fsys := os.DirFS(dir)
	want, err := Build(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := countPhotos(want); n != 6 {
		t.Fatalf("%d photo files published, want 6 (3 photos, 2 sizes)", n)
	}
	cache := filepath.Join(t.TempDir(), "photos")
	build := func(step string, decodes int64) {
		t.Helper()
		before := photo.Decodes()
		got, err := Build(fsys, Options{PhotoCache: cache})
		if err != nil {
			t.Fatal(err)
		}
		if n := photo.Decodes() - before; n != decodes {
			t.Errorf("%s: %d photos decoded, want %d", step, n, decodes)
		}
		sameFiles(t, step, got, want)
	}
	build("first build", 3)
	build("second build", 0)

	entries, _ := os.ReadDir(cache)
	if len(entries) != 3 {
		t.Fatalf("the cache holds %d files, want 3", len(entries))
	}
	for i, e := range entries {
		p := filepath.Join(cache, e.Name())
		data, _ := os.ReadFile(p)
		if i == 0 {
			data = data[:len(data)/2] // cut short
		} else {
			data[len(data)/3] ^= 0xff // damaged
		}
		os.WriteFile(p, data, 0o644)
	}
	build("damaged cache", 3)
	build("repaired cache", 0)
}

// TestBuilderPhotos is serve: rebuilds decode only the photos that
// changed, even without a disk cache, and give the bytes of a full build.
func TestBuilderPhotos(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, 8)
	photos := addPhotos(t, dir, 3)
	fsys := os.DirFS(dir)
	b := NewBuilder(fsys, Options{})
	rebuild := func(step string, decodes int64) {
		t.Helper()
		before := photo.Decodes()
		got, err := b.Build()
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if n := photo.Decodes() - before; n != decodes {
			t.Errorf("%s: %d photos decoded, want %d", step, n, decodes)
		}
		want, err := Build(fsys, Options{})
		if err != nil {
			t.Fatal(err)
		}
		sameFiles(t, step, got, want)
	}
	rebuild("first build", 3)
	rebuild("unchanged", 0)
	setPhoto(t, photos[1], photoJPEG(t, 900, 1200, 77))
	rebuild("one photo replaced", 1)
	profiles, _ := filepath.Glob(filepath.Join(dir, "content/members/*.md"))
	data, _ := os.ReadFile(profiles[2])
	os.WriteFile(profiles[2], bytes.Replace(data, []byte("photo: "), []byte("# photo: "), 1), 0o644)
	rebuild("a photo removed from its profile", 0)
	os.WriteFile(profiles[2], data, 0o644)
	rebuild("and put back", 1)
}

// BenchmarkPhotos builds a site of 20 members with a 4000×3000 JPEG each
// (12 megapixels, as a phone takes them) three ways: with an empty disk cache (cold, as
// the first build on a machine or in CI without a cache), with the
// filled one (warm: every later build), and serve's rebuild after a
// profile changed, which keeps the photos in memory. Run with:
//
//	go test ./cmd/memberdir/internal/site -run '^$' -bench Photos -benchtime 5x
func BenchmarkPhotos(b *testing.B) {
	const n = 20
	dir := b.TempDir()
	writeSite(b, dir, n)
	profiles, _ := filepath.Glob(filepath.Join(dir, "content/members/*.md"))
	for i, p := range profiles {
		name := "p" + strconv.Itoa(i) + ".jpg"
		setPhoto(b, filepath.Join(dir, "content/members", name), photoJPEG(b, 4000, 3000, i))
		data, _ := os.ReadFile(p)
		os.WriteFile(p, []byte(strings.Replace(string(data), "---\n", "---\nphoto: "+name+"\n", 1)), 0o644)
	}
	fsys := os.DirFS(dir)
	b.Run("cold", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			cache := filepath.Join(b.TempDir(), strconv.Itoa(i))
			if err := BuildTo(fsys, Options{PhotoCache: cache}, &discard{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("warm", func(b *testing.B) {
		cache := b.TempDir()
		if err := BuildTo(fsys, Options{PhotoCache: cache}, &discard{}); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if err := BuildTo(fsys, Options{PhotoCache: cache}, &discard{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("serve", func(b *testing.B) {
		bl := NewBuilder(fsys, Options{})
		if _, err := bl.Build(); err != nil {
			b.Fatal(err)
		}
		orig, _ := os.ReadFile(profiles[0])
		for i := 0; b.Loop(); i++ {
			os.WriteFile(profiles[0], []byte(strings.Replace(string(orig), "mission: \"", "mission: \"Neu "+strconv.Itoa(i)+" ", 1)), 0o644)
			if _, err := bl.Build(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
