package main

import (
	"fmt"
	"net/http/httptest"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/serve"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/site"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/synth"
)

// keystrokes types each query letter by letter into the search box and
// returns, per keystroke, the milliseconds from the input event until the
// results on the page changed, measured inside Chromium, and whether the
// keystroke had to fetch a file of the index first.
const keystrokes = `(async (queries) => {
  const input = document.getElementById("q");
  const watched = [document.getElementById("results"), document.getElementById("search-status")];
  const times = [];
  for (const q of queries) {
    input.value = "";
    input.dispatchEvent(new Event("input", {bubbles: true}));
    await new Promise((r) => setTimeout(r, 50));
    for (const ch of q) {
      input.value += ch;
      const changed = new Promise((resolve) => {
        const mo = new MutationObserver(() => { mo.disconnect(); resolve(true); });
        for (const w of watched) mo.observe(w, {childList: true, characterData: true, subtree: true, attributes: true});
        setTimeout(() => { mo.disconnect(); resolve(false); }, 2000);
      });
      const before = performance.getEntriesByType("resource").length;
      const t0 = performance.now();
      input.dispatchEvent(new Event("input", {bubbles: true}));
      if (await changed) {
        const ms = performance.now() - t0;
        const fetched = performance.getEntriesByType("resource").slice(before).some((e) => e.startTime >= t0);
        times.push({ms, fetched, typed: input.value});
      }
      await new Promise((r) => requestAnimationFrame(() => r()));
    }
  }
  return times;
})(%s)`

// TestBrowserKeystrokeTiming measures how fast the search answers each
// keystroke in a real Chromium on generated directories. It is a
// measurement, not a check: it runs only with MEMBERDIR_BENCH=1 and logs
// the figures.
//
//	MEMBERDIR_BENCH=1 go test ./cmd/memberdir -run KeystrokeTiming -v
func TestBrowserKeystrokeTiming(t *testing.T) {
	if os.Getenv("MEMBERDIR_BENCH") != "1" {
		t.Skip("a measurement; set MEMBERDIR_BENCH=1 to run it")
	}
	for _, n := range []int{1000, 10000} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			files, err := site.Build(synth.Site(n, 5), site.Options{})
			if err != nil {
				t.Fatal(err)
			}
			preview := serve.New(func() (map[string][]byte, error) { return files, nil })
			preview.Rebuild()
			srv := httptest.NewServer(preview)
			defer func() { srv.CloseClientConnections(); srv.Close() }()

			ctx, done := browser(t)
			defer done()
			if err := chromedp.Do(ctx,
				chromedp.Navigate(srv.URL+"/"),
				chromedp.WaitVisible(chromedp.CSS("#filters select")),
			); err != nil {
				t.Fatal(err)
			}
			queries := `["steuerberatung köln", "fotografie", "mueller", "weiss", "coaching bonn", "webentwicklung", "versicherung"]`
			type stroke struct {
				MS      float64 `json:"ms"`
				Fetched bool    `json:"fetched"`
				Typed   string  `json:"typed"`
			}
			strokes, err := chromedp.Run(ctx, chromedp.Evaluate[[]stroke](fmt.Sprintf(keystrokes, queries), chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			if len(strokes) == 0 {
				t.Fatal("no keystroke changed the page")
			}
			var all, local []float64
			for _, s := range strokes {
				all = append(all, s.MS)
				if !s.Fetched {
					local = append(local, s.MS)
				}
			}
			stats := func(times []float64) string {
				if len(times) == 0 {
					return "none"
				}
				sort.Float64s(times)
				pct := func(p float64) float64 { return times[int(p*float64(len(times)-1))] }
				return fmt.Sprintf("%d: median %.1f ms, p95 %.1f ms, max %.1f ms", len(times), pct(0.5), pct(0.95), times[len(times)-1])
			}
			t.Logf("%d members, keystrokes in Chromium: all %s; those that fetched nothing %s", n, stats(all), stats(local))
			// The slowest keystrokes say where the time goes.
			sort.SliceStable(strokes, func(i, j int) bool { return strokes[i].MS > strokes[j].MS })
			var slow []string
			for _, s := range strokes[:min(6, len(strokes))] {
				f := ""
				if s.Fetched {
					f = ", fetched"
				}
				slow = append(slow, fmt.Sprintf("%q %.1f ms%s", s.Typed, s.MS, f))
			}
			t.Logf("slowest: %s", strings.Join(slow, "; "))
		})
	}
}
