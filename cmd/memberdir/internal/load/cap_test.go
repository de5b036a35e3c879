package load

import (
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

func TestProblemsPerFileAreCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\nname: A\nmission: m\nwhy: w\nofferings: [x]\ncontact: {email: a@example.org}\n")
	for i := 0; i < 200; i++ {
		b.WriteString("unknown" + strings.Repeat("x", i%7) + strconv.Itoa(i) + ": 1\n")
	}
	b.WriteString("---\n")
	cfg := member.DefaultConfig()
	cfg.Language = "en"
	_, errs := Profile("content/members/a.md", []byte(b.String()), &cfg)
	if len(errs) != maxErrors+1 {
		t.Fatalf("got %d problems, want %d and a summary", len(errs), maxErrors+1)
	}
	if last := errs[len(errs)-1].Error(); last != "content/members/a.md: and 170 more problems in this file — fix the ones above first" {
		t.Errorf("summary line = %q", last)
	}
}

func TestOtherImagesAreNotProfiles(t *testing.T) {
	fsys := fstest.MapFS{
		"content/members/a.md":   {Data: []byte("---\nname: A\nmission: m\nwhy: w\nofferings: [x]\ncontact: {email: a@example.org}\n---\n")},
		"content/members/a.webp": {Data: []byte("RIFF")},
		"content/members/a.heic": {Data: []byte("x")},
	}
	_, errs, err := Site(fsys)
	if err != nil || len(errs) != 0 {
		t.Fatalf("images beside profiles must be ignored: %v %v", errs, err)
	}
}
