package qr

import (
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/synth"
)

// BenchmarkSVG draws the QR codes of the profile addresses of 1,000
// generated members. Run with:
//
//	go test ./cmd/memberdir/internal/qr -run '^$' -bench . -benchmem
func BenchmarkSVG(b *testing.B) {
	var urls []string
	for _, m := range synth.Members(1000, 1) {
		urls = append(urls, "https://netzwerk.example/members/"+m.Slug+"/")
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, u := range urls {
			if _, err := SVG(u, "QR code of the profile"); err != nil {
				b.Fatal(err)
			}
		}
	}
}
