package render

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// each runs fn(i) for i in [0, n) on every core and returns the first
// error by index, so that the result does not depend on scheduling. It is
// render's one worker pool: cards, member files, list and print pages
// and photos all run through it. (load and search have pools of their
// own, in load.go and search/postings.go.)
func each(n int, fn func(i int) error) error {
	errs := make([]error, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				errs[i] = fn(i)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
