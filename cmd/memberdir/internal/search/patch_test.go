package search

import (
	"crypto/sha256"
	"fmt"
	"maps"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// TestPatchMatchesInvert edits members the way serve sees it, a few at a
// time, and checks after each round that the index built by patching the
// last one is byte for byte the index built from nothing.
func TestPatchMatchesInvert(t *testing.T) {
	d := synthetic(400, 11)
	r := rand.New(rand.NewPCG(5, 6))
	g := &gen{r: r}
	g.common = rand.NewZipf(rand.New(rand.NewPCG(7, 1)), 1.07, 8, uint64(len(commonWords)-1))
	g.compound = rand.NewZipf(rand.New(rand.NewPCG(7, 2)), 1.01, 20, uint64(len(stemsA)*len(stemsB)-1))
	g.stopz = rand.NewZipf(rand.New(rand.NewPCG(7, 3)), 1.2, 1, uint64(len(textStops)-1))
	// The cache trusts a member's file digest; the loader sets it from
	// the file, the test from the fields it edits.
	digest := func(m *member.Member) {
		m.Digest = sha256.Sum256([]byte(m.Name + "\x00" + m.Mission + "\x00" + m.Why + "\x00" + m.Body + "\x00" + m.Location + "\x00" + strings.Join(m.Languages, ",")))
	}
	for _, m := range d.Members {
		digest(m)
	}
	c := NewCache()
	reused := 0 // shards and summaries a build took from the last (see reuse)
	check := func(round string, patched bool) {
		t.Helper()
		before := c.last
		got, err := BuildCached(d, c)
		if err != nil {
			t.Fatal(err)
		}
		want, err := Build(d)
		if err != nil {
			t.Fatal(err)
		}
		if got.Entry != want.Entry || !maps.EqualFunc(got.Files, want.Files, func(a, b []byte) bool { return string(a) == string(b) }) {
			t.Fatalf("%s: the cached index differs from a full build", round)
		}
		if was := before != nil && c.last == before; was != patched {
			t.Errorf("%s: patched = %v, want %v", round, was, patched)
		}
		if !patched && c.index.reused > 0 {
			t.Errorf("%s: %d shards and summaries reused, though the postings were made anew", round, c.index.reused)
		}
		reused += c.index.reused
	}
	check("first build", false)
	check("unchanged", true)
	if reused != len(c.index.shards)+len(c.index.summaries) {
		t.Errorf("unchanged: %d shards and summaries reused, want all %d", reused, len(c.index.shards)+len(c.index.summaries))
	}
	reused = 0
	for round := range 40 {
		// Edit one to three members: new words come, old ones go, a
		// text empties; a word only this member had leaves the index.
		for range 1 + r.IntN(3) {
			m := d.Members[r.IntN(len(d.Members))]
			switch r.IntN(4) {
			case 0:
				m.Mission = g.prose(5, 30, 300) + fmt.Sprintf(" Sonderwort%d", round)
			case 1:
				m.Why = ""
			case 2:
				m.Body = g.body()
			case 3:
				m.Name = m.Name + " Zett"
			}
			digest(m)
		}
		check(fmt.Sprintf("round %d", round), true)
	}
	// A word whose first two letters no other word has: when it goes,
	// no word left shares them, and only its shard's words tell that the
	// shard changed.
	m := d.Members[len(d.Members)/2]
	name := m.Name
	m.Name += " Qxylophon"
	digest(m)
	check("a word of its own", true)
	m.Name = name
	digest(m)
	check("the word gone again", true)
	// What the filters and the result cards show: a place, a language.
	m.Location = "Flensburg-Mürwik"
	digest(m)
	check("moved to another place", true)
	m.Languages = append(m.Languages, "fr")
	digest(m)
	check("speaks another language", true)
	// A file renamed: the same text, so the same digest, at another
	// address of the same length.
	m.Slug = m.Slug[:len(m.Slug)-1] + "z"
	check("renamed a file", false)
	// Most edits touch words of many shards, but a new name only a few:
	// what the others reuse was compared with a full build above.
	if reused == 0 {
		t.Error("no round reused a shard or summary of the last")
	}
	// Too many changes at once: built from nothing, and still right.
	for _, m := range d.Members[:maxPatch+1] {
		m.Why += " Nachtrag"
		digest(m)
	}
	check("many changed", false)
	// Members moved: ids change, so nothing can be patched.
	d.Members[0], d.Members[1] = d.Members[1], d.Members[0]
	check("reordered", false)
	d.Members = d.Members[1:]
	check("one gone", false)
	check("unchanged again", true)
}
