package load

import (
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/synth"
)

// BenchmarkSite loads a generated site of 10,000 members, the size at
// which the profiles' decoding shows in a build's profile.
func BenchmarkSite(b *testing.B) {
	fsys := synth.Site(10000, 1)
	b.ReportAllocs()
	for b.Loop() {
		c, errs, err := Site(fsys)
		if err != nil {
			b.Fatal(err)
		}
		if len(errs) > 0 || len(c.Members) != 10000 {
			b.Fatalf("%d members, %d problems: %v", len(c.Members), len(errs), errs[0])
		}
	}
}
