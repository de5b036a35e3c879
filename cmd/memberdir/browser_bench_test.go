package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"

	"github.com/chromedp/chromedp"
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
// the figures. MEMBERDIR_BENCH_SIZES lists the directory sizes to
// measure, 1000,10000 unless set; 100,000 members take a few minutes and
// some GB of memory to build.
//
//	MEMBERDIR_BENCH=1 go test ./cmd/memberdir -run KeystrokeTiming -v
//	MEMBERDIR_BENCH=1 MEMBERDIR_BENCH_SIZES=10000,100000 go test ./cmd/memberdir -run KeystrokeTiming -v -timeout 30m
func TestBrowserKeystrokeTiming(t *testing.T) {
	if os.Getenv("MEMBERDIR_BENCH") != "1" {
		t.Skip("a measurement; set MEMBERDIR_BENCH=1 to run it")
	}
	sizes := []int{1000, 10000}
	if v := os.Getenv("MEMBERDIR_BENCH_SIZES"); v != "" {
		sizes = nil
		for _, f := range strings.Split(v, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n <= 0 {
				t.Fatalf("MEMBERDIR_BENCH_SIZES=%q: want numbers of members separated by commas", v)
			}
			sizes = append(sizes, n)
		}
	}
	for _, n := range sizes {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			srv := serveSynth(t, n, 5)

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

// BenchmarkBrowserSearchSite measures the search of a site already built
// into the folder $MEMBERDIR_BENCH_SITE, as the goals of issue #15 state
// them, in a real Chromium:
//
//   - for each query, the first search download: open the home page with
//     an empty cache, click the search box, type the query letter by
//     letter 30 ms apart and wait until the network is idle; every script
//     and JSON response of that visit, page load included, counts at its
//     gzip -9 size (KB-<query>, and KB-worst, the largest);
//   - the milliseconds from each keystroke to the results on the page
//     changing, over all the queries typed in one tab (keystroke-p95-ms).
//
// Build the site first, then run, for example:
//
//	go build -o /tmp/md ./cmd/memberdir && /tmp/md build --source SITE --out /tmp/out
//	MEMBERDIR_BENCH_SITE=/tmp/out go test ./cmd/memberdir -run '^$' -bench BrowserSearchSite -benchtime 1x
func BenchmarkBrowserSearchSite(b *testing.B) {
	dir := os.Getenv("MEMBERDIR_BENCH_SITE")
	if dir == "" {
		b.Skip("a measurement of a built site; set MEMBERDIR_BENCH_SITE to its folder")
	}
	queries := []string{"steuer", "köln", "fotograf", "beratung marketing"}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	ctx, done := benchBrowser(b)
	defer done()
	if err := chromedp.Do(ctx); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		worst := 0.0
		for _, q := range queries {
			kb, requests := firstSearch(b, ctx, srv.URL, dir, q)
			name := strings.NewReplacer(" ", "_", "ö", "oe").Replace(q)
			b.ReportMetric(kb, "KB-"+name)
			b.ReportMetric(float64(requests), "requests-"+name)
			worst = max(worst, kb)
		}
		b.ReportMetric(worst, "KB-worst")

		tab, cancel := chromedp.NewContext(ctx)
		if err := chromedp.Do(tab, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS("#filters select"))); err != nil {
			b.Fatal(err)
		}
		list, _ := json.Marshal(queries)
		type stroke struct {
			MS      float64 `json:"ms"`
			Fetched bool    `json:"fetched"`
			Typed   string  `json:"typed"`
		}
		strokes, err := chromedp.Run(tab, chromedp.Evaluate[[]stroke](fmt.Sprintf(keystrokes, list), chromedp.EvalAwaitPromise))
		cancel()
		if err != nil {
			b.Fatal(err)
		}
		var ms []float64
		for _, s := range strokes {
			ms = append(ms, s.MS)
		}
		if len(ms) == 0 {
			b.Fatal("no keystroke changed the page")
		}
		sort.Float64s(ms)
		sort.SliceStable(strokes, func(i, j int) bool { return strokes[i].MS > strokes[j].MS })
		var slow []string
		for _, s := range strokes[:min(6, len(strokes))] {
			slow = append(slow, fmt.Sprintf("%q %.1f ms (fetched: %v)", s.Typed, s.MS, s.Fetched))
		}
		b.Logf("%d keystrokes, the slowest: %s", len(strokes), strings.Join(slow, "; "))
		b.ReportMetric(ms[int(0.95*float64(len(ms)-1))], "keystroke-p95-ms")
		b.ReportMetric(ms[len(ms)/2], "keystroke-median-ms")
	}
}

// firstSearch opens the home page of srv in a new tab with the cache off,
// clicks the search box, types q letter by letter 30 ms apart and waits
// until no request has been in flight for half a second. It returns the
// kilobytes of the scripts and JSON files fetched, each at its gzip -9
// size as the file in dir, and how many there were.
func firstSearch(b *testing.B, ctx context.Context, base, dir, q string) (kb float64, requests int) {
	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	if err := chromedp.Do(tab); err != nil {
		b.Fatal(err)
	}
	var mu sync.Mutex
	inFlight, last := map[network.RequestID]bool{}, time.Now()
	var paths []string
	err := chromedp.Listen(tab, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			inFlight[e.RequestID] = true
		case *network.EventResponseReceived:
			if e.Type == network.ResourceTypeScript || e.Type == network.ResourceTypeFetch || e.Type == network.ResourceTypeXHR {
				u, _ := url.Parse(e.Response.URL)
				paths = append(paths, u.Path)
			}
		case *runtime.EventConsoleAPICalled:
			for _, a := range e.Args {
				b.Logf("%s: console %s: %s%s", q, e.Type, a.Value, a.Description)
			}
			return
		case *runtime.EventExceptionThrown:
			b.Logf("%s: exception %s %v", q, e.ExceptionDetails.Text, e.ExceptionDetails.Exception)
			return
		case *network.EventLoadingFinished:
			delete(inFlight, e.RequestID)
		case *network.EventLoadingFailed:
			delete(inFlight, e.RequestID)
		default:
			return
		}
		last = time.Now()
	})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := chromedp.Call(tab, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		b.Fatal(err)
	}
	steps := []chromedp.Action[chromedp.Void]{chromedp.Navigate(base + "/"), chromedp.Click(chromedp.ID("q"))}
	for _, r := range q {
		steps = append(steps, chromedp.SendKeys(chromedp.ID("q"), string(r)), chromedp.Sleep(30*time.Millisecond))
	}
	if err := chromedp.Do(tab, steps...); err != nil {
		b.Fatal(err)
	}
	// The page may wait a moment after the last keystroke before it
	// fetches (the cards, once typing pauses): idle counts from here.
	mu.Lock()
	last = time.Now()
	mu.Unlock()
	for {
		time.Sleep(50 * time.Millisecond)
		mu.Lock()
		idle := len(inFlight) == 0 && time.Since(last) > 500*time.Millisecond
		mu.Unlock()
		if idle {
			break
		}
	}
	// The visit must have ended with the results shown, every card filled.
	type shown struct {
		Status         string
		Cards, Pending int
	}
	got, err := chromedp.Run(tab, chromedp.Evaluate[shown](`({status: document.getElementById("search-status").textContent,
  cards: document.querySelectorAll("#results li.card").length, pending: document.querySelectorAll("#results li.card.pending").length})`))
	if err != nil {
		b.Fatal(err)
	}
	if got.Cards == 0 || got.Pending > 0 {
		b.Fatalf("%s: %d result cards, %d of them still pending; status %q", q, got.Cards, got.Pending, got.Status)
	}
	mu.Lock()
	defer mu.Unlock()
	size, kinds, count := 0, map[string]int{}, map[string]int{}
	for _, p := range paths {
		f := filepath.Join(dir, filepath.FromSlash(path.Clean(p)))
		if strings.HasSuffix(p, "/") {
			f = filepath.Join(f, "index.html")
		}
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		n := gzipSize(b, data)
		size += n
		kind := path.Base(p) // search/t.1a2b3c4d.json counts as t
		if strings.HasPrefix(p, "/search/") {
			kind, _, _ = strings.Cut(strings.TrimPrefix(p, "/search/"), ".")
		}
		kinds[kind] += n
		count[kind]++
	}
	var parts []string
	for k, n := range kinds {
		parts = append(parts, fmt.Sprintf("%s %d in %.1f KB", k, count[k], float64(n)/1000))
	}
	sort.Strings(parts)
	b.Logf("%s: %.1f KB: %s", q, float64(size)/1000, strings.Join(parts, ", "))
	return float64(size) / 1000, len(paths)
}

// gzipSize returns the size of data compressed by gzip -9, or by Go's
// gzip at its best compression where there is no gzip command.
func gzipSize(b *testing.B, data []byte) int {
	if _, err := exec.LookPath("gzip"); err == nil {
		cmd := exec.Command("gzip", "-9", "-c", "-n")
		cmd.Stdin = bytes.NewReader(data)
		out, err := cmd.Output()
		if err != nil {
			b.Fatal(err)
		}
		return len(out)
	}
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return buf.Len()
}

// benchBrowser starts a headless Chromium for a benchmark, as browser
// does for a test.
func benchBrowser(b *testing.B) (context.Context, func()) {
	path, err := exec.LookPath("chromium")
	if err != nil {
		b.Skip("no chromium on PATH (apt-get install chromium)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.UserDataDir(b.TempDir()),
		chromedp.WindowSize(390, 844),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelB := chromedp.NewContext(actx)
	return bctx, func() { cancelB(); cancelA() }
}
