package main

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/serve"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/site"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/synth"
)

// sortedSlugs is a function that answers a query with the page's own script, loaded
// again beside the page's, and returns the slugs of all the results as a
// plain sort orders them: best score first, then directory order.
const sortedSlugs = `(async (q) => {
  const form = document.querySelector("form.search[data-index]");
  const entry = new URL(form.dataset.index, document.baseURI);
  const src = await (await fetch(document.querySelector("script[src*='search.']").src)).text();
  const module = { exports: {} };
  new Function("module", "document", src)(module, undefined);
  const { Search, CARD } = module.exports;
  const get = (f) => fetch(new URL(f, entry)).then((r) => r.json());
  const meta = await get(entry.href);
  const s = new Search(meta, (f) => get(f + "?v=" + meta.h));
  const terms = s.terms(q), sel = { tag: "", loc: "", lang: "", thanked: "" };
  await s.ready(terms, sel, false);
  const o = s.run(terms, sel).ids;
  const ids = Array.from(o.id, (id, i) => [o.s[i], id]).sort((a, b) => b[0] - a[0] || a[1] - b[1]).map((x) => x[1]);
  await s.ensureCards(ids);
  return ids.map((id) => s.cards[Math.floor(id / meta.ck)][(id % meta.ck) * CARD]);
})`

// serveSynth serves a generated site of n members (synth.Site(n,
// seed)) from memory, as serve does, until the test ends.
func serveSynth(t *testing.T, n int, seed uint64) *httptest.Server {
	t.Helper()
	files, err := site.Build(synth.Site(n, seed), site.Options{})
	if err != nil {
		t.Fatal(err)
	}
	preview := serve.New(func() (map[string][]byte, error) { return files, nil })
	preview.Rebuild()
	srv := httptest.NewServer(preview)
	t.Cleanup(func() { srv.CloseClientConnections(); srv.Close() })
	return srv
}

// TestBrowserSearchMore checks that the results shown a page at a time,
// the first page at once and the others with "Show more", are those of
// a plain sort of all of them, in the same order: the script puts only
// the first page in order while the visitor types.
func TestBrowserSearchMore(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 2,000 members")
	}
	srv := serveSynth(t, 2000, 3)
	ctx, done := browser(t)
	defer done()
	eval := evaluator(t, ctx)
	// The page's policy allows no script from a string; sortedSlugs
	// needs one, the page's script loaded a second time.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"st", "beratung", "marketing beratung"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/?q="+q), waitFor(resultsShown)); err != nil {
			t.Fatal(err)
		}
		const pages = 3
		for p := 2; p <= pages; p++ {
			if err := chromedp.Do(ctx,
				chromedp.Click(chromedp.CSS("button.more")),
				waitFor(fmt.Sprintf(`document.querySelectorAll("#results li.card:not(.pending)").length >= %d`, 12*p)),
			); err != nil {
				t.Fatal(err)
			}
		}
		var shown []string
		for _, s := range eval(`[...document.querySelectorAll("#results li.card")].map((li) => li.dataset.slug)`).([]any) {
			shown = append(shown, s.(string))
		}
		arg, _ := json.Marshal(q)
		all, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](sortedSlugs+"("+string(arg)+")", chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		if len(all) <= 12*pages {
			t.Fatalf("%q finds %d members; the test needs more than %d", q, len(all), 12*pages)
		}
		if !slices.Equal(shown, all[:12*pages]) {
			t.Errorf("%q: after \"Show more\" twice the results are\n%q,\nwant those of a sort\n%q", q, shown, all[:12*pages])
		}
	}
}
