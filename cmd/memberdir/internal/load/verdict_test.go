package load_test

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/load"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/site"
)

// verdictConfig is the config of load's profile tests (categories and
// extra fields) as config.yaml, in the language %s.
const verdictConfig = `language: %s
base_url: https://example.org/
categories:
  - id: steuern
    label: Steuerberatung
  - id: recht
    label: Rechtsberatung
extra_fields:
  - name: termin
    label: Termin
    type: url
  - name: branchen
    label: Branchen
    type: list
`

// TestVerdict puts each profile of load's tests into a site twice: as it
// is, next to a whole photo anna.jpg, and naming anna.jpg cut short. It
// requires that site.Load, which check runs, reports no problem exactly
// when site.Build succeeds.
// cmd/memberdir's TestVerdict does the same for whole sites through the
// commands.
func TestVerdict(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 200, 150))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	img.Set(0, 0, color.White)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	whole := buf.Bytes()
	names, langs, profiles := load.VerdictProfiles()
	if len(profiles) < 50 {
		t.Fatalf("only %d profiles from load's tests", len(profiles))
	}
	passed, failed := 0, 0
	for i, profile := range profiles {
		for _, photo := range []struct {
			name    string
			profile string
			data    []byte
		}{{"whole photo", profile, whole}, {"photo cut short", withPhoto(profile), whole[:len(whole)/2]}} {
			fsys := fstest.MapFS{
				"config.yaml":              {Data: []byte(fmtConfig(langs[i]))},
				"content/members/anna.md":  {Data: []byte(photo.profile)},
				"content/members/anna.jpg": {Data: photo.data},
			}
			_, _, lerr := site.Load(fsys, site.Options{})
			var problems member.ErrorList
			if lerr != nil && !errors.As(lerr, &problems) {
				t.Errorf("%s, %s: Load: %v", names[i], photo.name, lerr)
				continue
			}
			_, berr := site.Build(fsys, site.Options{})
			if (lerr == nil) != (berr == nil) {
				t.Errorf("%s, %s: check says %v, build %v", names[i], photo.name, lerr, berr)
			}
			if lerr == nil {
				passed++
			} else {
				failed++
			}
		}
	}
	t.Logf("%d profiles, each with a whole photo and one cut short: %d sites pass, %d fail", len(profiles), passed, failed)
	if passed == 0 || failed == 0 {
		t.Errorf("%d sites pass and %d fail: the test must have both", passed, failed)
	}
}

func fmtConfig(lang string) string {
	return fmt.Sprintf(verdictConfig, lang)
}

// withPhoto returns profile naming the photo anna.jpg, when it starts
// with front matter and names none.
func withPhoto(profile string) string {
	if rest, ok := strings.CutPrefix(profile, "---\n"); ok && !strings.Contains(profile, "\nphoto:") {
		return "---\nphoto: anna.jpg\n" + rest
	}
	return profile
}
