package vcard

import (
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/load"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/synth"
)

// BenchmarkCard writes the vCards of 1,000 generated members. Run with:
//
//	go test ./cmd/memberdir/internal/vcard -run '^$' -bench . -benchmem
func BenchmarkCard(b *testing.B) {
	c, errs, err := load.Site(synth.Site(1000, 1))
	if err != nil || len(errs) > 0 {
		b.Fatal(err, errs)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, m := range c.Members {
			Card(m, "https://netzwerk.example/members/"+m.Slug+"/", "de")
		}
	}
}
