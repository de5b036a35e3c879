package search

import "testing"

func BenchmarkBuild10000(b *testing.B) {
	d := synthetic(10000, 1)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Build(d); err != nil {
			b.Fatal(err)
		}
	}
}
