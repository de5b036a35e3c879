package owner

import (
	"context"
	"testing"
)

// TestThanksOwnFile: a thanks is written in the file of the member who
// got the business, so only they can say it. A member may thank others in
// their own profile; written into another member's profile, to look as if
// that member thanked them, it is refused as a change of that file.
func TestThanksOwnFile(t *testing.T) {
	const thanksAnna = "thanks:\n  - member: anna\n    date: 2025-03\n    note: Danke!\n"
	const thanksBob = "thanks:\n  - member: bob\n    date: 2025-03\n    note: Danke!\n"
	r := newRepo(t)
	r.commit("orga", "start", map[string]string{
		"config.yaml":             "organiser:\n  github: [orga]\n",
		"content/members/anna.md": profile("Anna", "anna-m", ""),
		"content/members/bob.md":  profile("Bob", "bob", ""),
	})
	for _, c := range []struct {
		branch string
		files  map[string]string
		want   []string
	}{
		{"own", map[string]string{"content/members/anna.md": profile("Anna", "anna-m", thanksBob)}, nil},
		{"forged", map[string]string{"content/members/bob.md": profile("Bob", "bob", thanksAnna)}, []string{
			"content/members/bob.md: this profile belongs to the GitHub user bob, not to you (anna-m) — change only your own profile, or ask bob or the organisers to make this change",
		}},
	} {
		r.git("", "checkout", "-q", "-b", c.branch, "main")
		r.commit("anna-m", c.branch, c.files)
		changes, orgs, err := Changes(context.Background(), r.dir, "main", "en")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range Check("anna-m", orgs, changes, "en") {
			got = append(got, e.Error())
		}
		if len(got) != len(c.want) || len(got) > 0 && got[0] != c.want[0] {
			t.Errorf("%s: got %q, want %q", c.branch, got, c.want)
		}
	}
}
