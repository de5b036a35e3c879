// Package parallel is memberdir's one worker pool: loading profiles,
// decoding photos, rendering pages and building the search index all
// spread their work over the cores through Each, so that how much runs at
// once is decided in one place.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each runs fn(i) for i in [0, n) on every core (GOMAXPROCS workers, no
// more than n) and returns the error of the lowest i that failed, so that
// the result does not depend on scheduling. Every fn runs even after one
// failed: callers collect per-item results by index.
func Each(n int, fn func(i int) error) error {
	errs := make([]error, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				errs[i] = fn(i)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
