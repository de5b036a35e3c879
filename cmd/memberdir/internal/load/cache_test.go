package load

import (
	"testing"
	"testing/fstest"
	"time"
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
