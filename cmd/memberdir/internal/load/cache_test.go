package load

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"io/fs"
	"testing"
	"testing/fstest"
	"time"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/photo"
)

// TestCacheReports checks the contract of Cache.Changed. To tell the
// cases apart, a profile is changed "behind the cache's back": new
// content with the same size and modification time, which a stat cannot
// see. A build that checks files therefore still keeps the old name; what
// matters is which builds read the file because they were told.
func TestCacheReports(t *testing.T) {
	old := time.Now().Add(-time.Hour)
	const p = "content/members/anna.md"
	fsys := fstest.MapFS{
		"config.yaml":            {Data: []byte("language: en\n"), ModTime: old},
		p:                        {Data: []byte(profile("name: Anna Alt")), ModTime: old},
		"content/members/ben.md": {Data: []byte(profile("name: Ben Berg")), ModTime: old},
	}
	c := NewCache()
	name := func() string {
		t.Helper()
		content, errs, err := SiteCached(fsys, c)
		if err != nil || len(errs) > 0 {
			t.Fatal(err, errs)
		}
		return content.Members[0].Name
	}
	// set replaces anna.md by a profile of the same size and time.
	set := func(n string) {
		fsys[p] = &fstest.MapFile{Data: []byte(profile("name: " + n)), ModTime: old}
	}
	steps := []struct {
		what string
		do   func()
		want string
	}{
		{"first build", func() {}, "Anna Alt"},
		{"nobody reports: the stamp decides", func() { set("Anna Bex") }, "Anna Alt"},
		{"reporting begins: the next build checks every file", func() { c.Changed("") }, "Anna Alt"},
		{"a reported change is read", func() { set("Anna Cox"); c.Changed(p) }, "Anna Cox"},
		{"an unreported one is trusted not to exist", func() { set("Anna Dix") }, "Anna Cox"},
		{"a report of another file changes nothing here", func() { c.Changed("content/members/ben.md") }, "Anna Cox"},
		{"lost reports: everything is checked", func() { set("Anna Eck"); c.Changed("") }, "Anna Cox"},
		{"and trusted again after that", func() { c.Changed(p) }, "Anna Eck"},
	}
	for _, s := range steps {
		s.do()
		if got := name(); got != s.want {
			t.Fatalf("%s: got %q, want %q", s.what, got, s.want)
		}
	}

	// A real edit changes the stamp; a checking build sees it even when
	// unreported.
	c.Changed("")
	fsys[p] = &fstest.MapFile{Data: []byte(profile("name: Anna Fuchs-Grün")), ModTime: old.Add(time.Minute)}
	if got := name(); got != "Anna Fuchs-Grün" {
		t.Errorf("a checking build missed a changed stamp: %q", got)
	}
}

// TestCacheReportDuringBuild: a change reported while a build runs
// belongs to the next build, not to the one running, which has read its
// files already or reads them without being told.
func TestCacheReportDuringBuild(t *testing.T) {
	c := NewCache()
	c.Changed("")
	c.end(c.begin()) // one checking build
	r := c.begin()
	c.Changed("content/members/anna.md") // while the build runs
	if r.dirty["content/members/anna.md"] {
		t.Error("the running build took a report made after it began")
	}
	c.end(r)
	if r2 := c.begin(); !r2.trust || !r2.dirty["content/members/anna.md"] {
		t.Errorf("the next build lost the report: %+v", r2)
	}
	c.Changed("")
	r3 := c.begin()
	if r3.trust {
		t.Error("after lost reports a build must check every file")
	}
	c.Changed("") // lost again while that build runs
	c.end(r3)
	if r4 := c.begin(); r4.trust {
		t.Error("reports lost during a checking build: the next must check again")
	}
}

// countingFS counts the opens of each file.
type countingFS struct {
	fstest.MapFS
	opens map[string]int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.opens[name]++
	return c.MapFS.Open(name)
}

// TestCachePhotos: serve must not read every photo on every rebuild; a
// cache keeps the key of each photo that passed its check, and the photo
// is read again only when it changed (or is reported changed).
func TestCachePhotos(t *testing.T) {
	old := time.Now().Add(-time.Hour)
	var img bytes.Buffer
	png.Encode(&img, image.NewGray(image.Rect(0, 0, 30, 20)))
	const p = "content/members/anna.png"
	fsys := &countingFS{MapFS: fstest.MapFS{
		"config.yaml":             {Data: []byte("language: en\n"), ModTime: old},
		"content/members/anna.md": {Data: []byte(profile("photo: anna.png")), ModTime: old},
		p:                         {Data: img.Bytes(), ModTime: old},
	}, opens: map[string]int{}}
	c := NewCache()
	c.Changed("")
	build := func() photo.Source {
		t.Helper()
		content, errs, err := SiteCached(fsys, c)
		if err != nil || len(errs) > 0 {
			t.Fatal(err, errs)
		}
		return content.Photos["anna"]
	}
	first := build()
	if first.Key != photo.Key(img.Bytes()) || fsys.opens[p] != 1 {
		t.Fatalf("first build: key %x, %d reads", first.Key, fsys.opens[p])
	}
	if again := build(); again.Key != first.Key || fsys.opens[p] != 1 {
		t.Errorf("unchanged photo read again: %d reads", fsys.opens[p])
	}
	// The render reads it only when it needs the bytes.
	if data, err := first.Read(); err != nil || !bytes.Equal(data, img.Bytes()) || fsys.opens[p] != 2 {
		t.Errorf("Read: %d bytes, %v, %d reads", len(data), err, fsys.opens[p])
	}
	// A new photo, reported: read, checked and keyed anew.
	img.Reset()
	png.Encode(&img, image.NewGray(image.Rect(0, 0, 40, 20)))
	fsys.MapFS[p] = &fstest.MapFile{Data: img.Bytes(), ModTime: old}
	c.Changed(p)
	if got := build(); got.Key != photo.Key(img.Bytes()) {
		t.Error("a reported photo change was not read")
	}
	// The old Source sees that its file changed under it.
	if _, err := first.Read(); !errors.Is(err, photo.ErrChanged) {
		t.Errorf("Read of a changed file: %v, want photo.ErrChanged", err)
	}
	// Without a cache nothing is remembered: every build reads.
	n := fsys.opens[p]
	if _, _, err := Site(fsys); err != nil {
		t.Fatal(err)
	}
	if fsys.opens[p] != n+1 {
		t.Errorf("a plain build read the photo %d times", fsys.opens[p]-n)
	}
}
