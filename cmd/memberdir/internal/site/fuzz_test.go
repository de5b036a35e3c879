package site

import (
	"errors"
	"testing"
	"testing/fstest"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// FuzzBuild runs the whole pipeline on one arbitrary profile next to a
// valid one: it must never panic, and it either builds or reports
// positioned problems.
func FuzzBuild(f *testing.F) {
	f.Add("---\nname: A\nmission: m\nwhy: w\nofferings: [x]\ncontact: {email: a@example.org}\n---\n# Hi\n")
	f.Add("---\nname: \"<b>\"\nmission: m\nwhy: w\nofferings: [x]\ncontact: {website: https://x.example}\nrecommends: [{member: b, note: n}]\ntags: [x, y]\nmember_since: 2020-02\nlanguages: [de]\n---\n![x](y) [a](javascript:x)\n")
	f.Add("---\nname: A\nmission: m\nwhy: w\nofferings: [x]\ncontact: {phone: \"+49 1 234567\", public: false}\nphoto: a.jpg\n---\n")
	f.Fuzz(func(t *testing.T, profile string) {
		fsys := fstest.MapFS{
			"config.yaml":          {Data: []byte("language: en\nbase_url: https://n.example/dir/\npage_size: 10\n")},
			"content/members/a.md": {Data: []byte(profile)},
			"content/members/b.md": {Data: []byte("---\nname: B\nmission: m\nwhy: w\nofferings: [x]\ncontact: {email: b@example.org}\n---\n")},
		}
		files, err := Build(fsys, Options{})
		var list member.ErrorList
		switch {
		case err == nil:
			if len(files["index.html"]) == 0 {
				t.Fatal("built without a home page")
			}
		case errors.As(err, &list):
			for _, e := range list {
				if e.Pos.Path == "" {
					t.Fatalf("problem without a file: %v", e)
				}
			}
		default:
			t.Fatalf("not a content problem: %v", err)
		}
	})
}
