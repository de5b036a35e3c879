package render

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/photo"
)

// testJPEG returns a w×h JPEG whose colour depends on shade.
func testJPEG(t testing.TB, w, h int, shade uint8) []byte {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			m.SetRGBA(x, y, color.RGBA{shade, uint8(x), uint8(y), 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// photoSite is a directory of Anna (with a photo), Ben (without) and a
// draft with a photo.
func photoSite(t *testing.T) (*member.Directory, map[string]photo.Source) {
	t.Helper()
	var ms []*member.Member
	for _, n := range []string{"Anna Alt", "Ben Berg", "Dora Draft"} {
		slug := strings.ToLower(strings.Fields(n)[0])
		m := &member.Member{
			Slug: slug, Path: "content/members/" + slug + ".md", Name: n, Mission: "m", Why: "w", Offerings: []string{"o"},
			Contact: member.Contact{Email: slug + "@example.org", Public: true},
			Draft:   slug == "dora", Photo: slug + ".jpg",
		}
		m.Pos.Set("photo", member.Pos{Path: m.Path, Line: 7, Col: 8})
		ms = append(ms, m)
	}
	ms[1].Photo = ""
	cfg := member.DefaultConfig()
	cfg.Language = "en"
	cfg.BaseURL = "https://example.org/dir/"
	dir, errs := member.NewDirectory(cfg, ms, nil, false)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return dir, map[string]photo.Source{"anna": photo.FromBytes(testJPEG(t, 800, 600, 10)), "dora": photo.FromBytes(testJPEG(t, 300, 300, 20))}
}

var photoRE = regexp.MustCompile(`^members/anna/photo-(160|480)\.[0-9a-f]{8}\.jpg$`)

func TestPhotosPublished(t *testing.T) {
	dir, photos := photoSite(t)
	files, err := Site(dir, NewTheme(templatesFS(t), nil), Options{Photos: photos})
	if err != nil {
		t.Fatal(err)
	}
	var small, large string
	for p, data := range files {
		if strings.Contains(p, "/photo") {
			m := photoRE.FindStringSubmatch(p)
			if m == nil {
				t.Errorf("unexpected photo file %s", p)
				continue
			}
			if m[1] == "160" {
				small = "/dir/" + p
			} else {
				large = "/dir/" + p
			}
			if cfg, err := jpeg.DecodeConfig(bytes.NewReader(data)); err != nil || m[1] != map[int]string{160: "160", 480: "480"}[cfg.Width] || cfg.Width != cfg.Height {
				t.Errorf("%s: %+v, %v", p, cfg, err)
			}
		}
	}
	if small == "" || large == "" {
		t.Fatalf("Anna's photo is not published in both sizes")
	}
	srcset := small + " 160w, " + large + " 480w"
	card := `<img class="card-photo" src="` + small + `" srcset="` + srcset + `" sizes="56px" alt="" width="56" height="56" loading="lazy" decoding="async">`
	profile := `<img class="profile-photo" src="` + small + `" srcset="` + srcset + `" sizes="160px" alt="Photo of Anna Alt" width="160" height="160">`
	home, page := string(files["index.html"]), string(files["members/anna/index.html"])
	if !strings.Contains(home, card) {
		t.Errorf("home page lacks Anna's card photo %s", card)
	}
	if !strings.Contains(page, profile) {
		t.Errorf("Anna's page lacks %s", profile)
	}
	// A link to her profile shared in a messenger shows her photo.
	if og := `<meta property="og:image" content="https://example.org` + large + `">`; !strings.Contains(page, og) {
		t.Errorf("Anna's page lacks %s", og)
	}
	if strings.Contains(string(files["members/ben/index.html"]), "og:image") {
		t.Error("Ben has no photo and the site no logo: no og:image")
	}
	// Ben has no photo: his initials, the same size and class.
	if !strings.Contains(home, `<svg class="card-photo" width="56" height="56" viewBox="0 0 100 100" aria-hidden="true">`) || !strings.Contains(home, ">BB</text>") {
		t.Error("home page lacks Ben's avatar")
	}
	if !strings.Contains(string(files["members/ben/index.html"]), `<svg class="profile-photo" width="160" height="160"`) {
		t.Error("Ben's page lacks his avatar")
	}
	for _, m := range membersOf(t, files) {
		want := map[string]string{"anna": "https://example.org" + large}[m.Slug]
		if m.Photo != want {
			t.Errorf("members.json: %s's photo is %q, want %q", m.Slug, m.Photo, want)
		}
	}
}

// countingStore is a PhotoStore in memory that counts its hits.
type countingStore struct {
	mu   sync.Mutex
	m    map[[32]byte][]photo.Image
	hits int
}

func (s *countingStore) Get(k [32]byte) ([]photo.Image, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	imgs, ok := s.m[k]
	if ok {
		s.hits++
	}
	return imgs, ok
}

func (s *countingStore) Put(k [32]byte, imgs []photo.Image) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[k] = imgs
	return nil
}

// TestPhotosCached renders one directory again and again and counts the
// photos decoded: a photo is decoded once, whether the render Cache
// (serve) or the store (the next build) keeps it, and only decoded again
// when its bytes change. Every render gives the same files as one
// without any cache.
func TestPhotosCached(t *testing.T) {
	dir, photos := photoSite(t)
	theme := NewTheme(templatesFS(t), nil)
	want, err := Site(dir, theme, Options{Photos: photos})
	if err != nil {
		t.Fatal(err)
	}
	store := &countingStore{m: map[[32]byte][]photo.Image{}}
	cache := NewCache()
	steps := []struct {
		name    string
		opts    Options
		decodes int64
	}{
		{"first build", Options{PhotoStore: store, Cache: cache}, 1},
		{"serve's rebuild", Options{Cache: cache}, 0},
		{"next build", Options{PhotoStore: store}, 0},
		{"next build, new serve", Options{PhotoStore: store, Cache: NewCache()}, 0},
	}
	for _, s := range steps {
		before := photo.Decodes()
		s.opts.Photos = photos
		got, err := Site(dir, theme, s.opts)
		if err != nil {
			t.Fatal(err)
		}
		if n := photo.Decodes() - before; n != s.decodes {
			t.Errorf("%s: %d photos decoded, want %d", s.name, n, s.decodes)
		}
		for p := range want {
			if !bytes.Equal(got[p], want[p]) {
				t.Errorf("%s: %s differs from a build without cache", s.name, p)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d files, want %d", s.name, len(got), len(want))
		}
	}
	if store.hits != 2 {
		t.Errorf("the store was used %d times, want 2", store.hits)
	}

	photos["anna"] = photo.FromBytes(testJPEG(t, 800, 600, 99))
	before := photo.Decodes()
	if _, err := Site(dir, theme, Options{Photos: photos, Cache: cache}); err != nil {
		t.Fatal(err)
	}
	if n := photo.Decodes() - before; n != 1 {
		t.Errorf("a new photo: %d decoded, want 1", n)
	}
}

// TestPhotoBroken: load checks only a photo's header; a file broken
// after it is reported at the profile's photo line.
func TestPhotoBroken(t *testing.T) {
	dir, photos := photoSite(t)
	whole := testJPEG(t, 800, 600, 10)
	photos["anna"] = photo.FromBytes(whole[:len(whole)/2])
	_, err := Site(dir, NewTheme(templatesFS(t), nil), Options{Photos: photos})
	want := `content/members/anna.md:7:8: photo: the photo "anna.jpg" is incomplete or damaged (the file is incomplete) — upload it again`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}
