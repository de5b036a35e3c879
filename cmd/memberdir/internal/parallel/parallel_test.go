package parallel

import (
	"fmt"
	"sync/atomic"
	"testing"
)

func TestEachRunsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		counts := make([]atomic.Int32, n)
		if err := Each(n, func(i int) error { counts[i].Add(1); return nil }); err != nil {
			t.Fatal(err)
		}
		for i := range counts {
			if c := counts[i].Load(); c != 1 {
				t.Errorf("n=%d: fn(%d) ran %d times", n, i, c)
			}
		}
	}
}

// TestEachFirstErrorByIndex: the error returned is the one of the lowest
// index, however the work was scheduled, and every index still ran.
func TestEachFirstErrorByIndex(t *testing.T) {
	for range 50 {
		var ran atomic.Int32
		err := Each(100, func(i int) error {
			ran.Add(1)
			if i%30 == 29 {
				return fmt.Errorf("item %d", i)
			}
			return nil
		})
		if err == nil || err.Error() != "item 29" {
			t.Fatalf("err = %v, want item 29", err)
		}
		if ran.Load() != 100 {
			t.Fatalf("%d of 100 ran", ran.Load())
		}
	}
	if err := Each(3, func(int) error { return nil }); err != nil {
		t.Fatal(err)
	}
}
