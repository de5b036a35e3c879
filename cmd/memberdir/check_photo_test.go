package main

import (
	"strings"
	"testing"
)

// TestCheckNamedPhoto: a pull request that only uploads a new photo is
// checked with the photo's name; a photo cut short by the upload is then
// reported, at the photo: line of the profile that names it.
func TestCheckNamedPhoto(t *testing.T) {
	noGitHubEnv(t)
	example := readExample(t)
	jpg := example["content/members/katharina-weissenfels.jpg"]
	files := map[string]string{}
	for p, data := range example {
		files[p] = data
	}
	files["content/members/katharina-weissenfels.jpg"] = jpg[:len(jpg)*6/10]
	dir := writeSite(t, files)
	code, out, errOut := memberdir(t, "check", "--source", dir, "content/members/katharina-weissenfels.jpg")
	if code != 1 || !strings.Contains(out, `content/members/katharina-weissenfels.md:6:8: photo: das Foto "katharina-weissenfels.jpg" ist unvollständig oder beschädigt`) {
		t.Errorf("check of the cut photo: exit %d\n%s%s", code, out, errOut)
	}
	// Another member's photo, whole, is no problem of this check.
	if code, out, _ := memberdir(t, "check", "--source", dir, "content/members/daniel-okafor.png"); code != 0 {
		t.Errorf("check of a whole photo: exit %d\n%s", code, out)
	}
}
