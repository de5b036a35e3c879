package render

import (
	"os"
	"testing"
)

type discard struct{}

func (discard) Put(string, []byte) error { return nil }

// BenchmarkMemberTemplates renders the cards and the member files
// (profile page, vCard, members.json entry) of a generated directory of
// 2,000 members: the part of a build that runs a template per member.
// Run with:
//
//	go test ./cmd/memberdir/internal/render -run '^$' -bench MemberTemplates -benchmem
//
// MEMBERDIR_BENCH_TEMPLATES names another templates folder to compare.
func BenchmarkMemberTemplates(b *testing.B) {
	fsys := templatesFS(b)
	if d := os.Getenv("MEMBERDIR_BENCH_TEMPLATES"); d != "" {
		fsys = os.DirFS(d)
	}
	s := benchSite(b, 2000, fsys, false)
	for b.Loop() {
		if err := s.renderCards(); err != nil {
			b.Fatal(err)
		}
		if err := s.memberFiles(); err != nil {
			b.Fatal(err)
		}
		s.pages = s.pages[:0]
	}
}
