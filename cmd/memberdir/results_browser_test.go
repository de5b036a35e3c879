package main

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// resultsShown is true once the search shows its result cards, each
// completed by the page (photo and buttons).
const resultsShown = `!document.getElementById("results").hidden && document.querySelectorAll("#results li.card").length > 0 && !document.querySelector("#results li.card:not([data-actions])")`

// markContrast lists every highlighted word of the search results: where
// it is (the class of the card's line), its text and the contrast of its
// colour on its background.
const markContrast = `[...document.querySelectorAll("#results mark")].map((m) => {
  const rgb = (c) => (/^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)$/.exec(c) || []).slice(1).filter((x) => x !== undefined).map(Number);
  const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const cs = getComputedStyle(m), fg = rgb(cs.color), bg = rgb(cs.backgroundColor);
  const where = m.closest(".card-name, .card-meta, .mission, p, h2");
  const [a, b] = [lum(fg), lum(bg)];
  return {where: where ? where.className || where.tagName : "?", text: m.textContent, colour: cs.color, background: cs.backgroundColor,
    opaque: bg.length === 3 || bg[3] === 1, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)};
})`

// TestBrowserSearchResults searches the example site as a visitor does and
// compares the result cards with the member's card on the page: the same
// meta line (role, company, place), the same lang on words written in
// another language than the site's, and highlighted words readable in
// the light and the dark scheme, on the grey meta line as in the name
// (a link in the site's colour) and the mission.
func TestBrowserSearchResults(t *testing.T) {
	ctx, done := browser(t)
	defer done()
	srv := static(t, builtSite(t, "../.."))
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	seen := watch(t, ctx)

	type mark struct {
		Where, Text, Colour, Background string
		Opaque                          bool
		Ratio                           float64
	}
	type compared struct {
		Slug, Meta, Static, Lang, StaticLang string
	}
	places := map[string]bool{}
	langs := 0
	// Köln is in places and missions, Vossberg in a name and a company,
	// Kelly in the name and company of a member who writes in English.
	for _, q := range []string{"Köln", "Vossberg", "Kelly"} {
		for _, scheme := range []string{"light", "dark"} {
			t.Run(q+"/"+scheme, func(t *testing.T) {
				page := "/?q=" + url.QueryEscape(q)
				if err := chromedp.Do(ctx, visit(srv.URL+page, 360, scheme, resultsShown)); err != nil {
					t.Fatalf("%s: %v", page, err)
				}
				marks, err := chromedp.Run(ctx, chromedp.Evaluate[[]mark](markContrast))
				if err != nil {
					t.Fatal(err)
				}
				if len(marks) == 0 {
					t.Fatalf("%s: no highlighted word in the results", page)
				}
				for _, m := range marks {
					places[m.Where] = true
					// WCAG 1.4.3: 4.5:1 for text of normal size.
					if m.Ratio < 4.5 || !m.Opaque {
						t.Errorf("%s (%s): highlighted %q in .%s is %s on %s, contrast %.2f:1, want at least 4.5:1 on an opaque background",
							page, scheme, m.Text, m.Where, m.Colour, m.Background, m.Ratio)
					}
				}
				if scheme == "dark" {
					t.Run("axe", func(t *testing.T) {
						axeSource := readTool(t, "axe-core/axe.min.js")
						checkAxe(t, ctx, axeSource, page+" (dark, 360 px)", map[string]any{"runOnly": map[string]any{"type": "rule", "values": axeColourRules}})
					})
					return
				}

				// Each result against the member's own card on the page: the
				// meta line as the static card has it, less the highlights,
				// and the mission's language.
				cards, err := chromedp.Run(ctx, chromedp.Evaluate[[]compared](`[...document.querySelectorAll("#results li.card[data-slug]")].map((li) => {
  const own = document.getElementById("m-" + li.dataset.slug);
  const html = (e) => e ? e.innerHTML.replace(/<\/?mark>/g, "") : "";
  const lang = (e) => e ? e.getAttribute("lang") || "" : "(no mission)";
  return {slug: li.dataset.slug, meta: html(li.querySelector(".card-meta")), static: html(own && own.querySelector(".card-meta")),
    lang: lang(li.querySelector(".mission")), staticLang: lang(own && own.querySelector(".mission"))};
})`))
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range cards {
					if c.Meta != c.Static {
						t.Errorf("%s: the result card of %s has the meta line\n\t%s\nthe member's card\n\t%s", page, c.Slug, c.Meta, c.Static)
					}
					if c.Lang != c.StaticLang {
						t.Errorf("%s: the mission of %s in the results has lang=%q, on the member's card lang=%q", page, c.Slug, c.Lang, c.StaticLang)
					}
					if c.StaticLang != "" {
						langs++
					}
				}
			})
		}
	}
	for _, p := range []string{"card-name", "card-meta", "mission"} {
		if !places[p] {
			t.Errorf("no highlighted word in .%s was looked at; the queries no longer cover it", p)
		}
	}
	if langs == 0 {
		t.Error("no result of another language than the site's was compared; the queries no longer cover it")
	}
	problems, _ := seen.take()
	for _, p := range problems {
		t.Error(p)
	}
}

// chip is a category chip under the results, as chipsNow reports it.
type chip struct {
	Tag, Label, Count, Href, Current string
	Visible                          bool
	Results                          int // results in its category, by the members' own cards
}

// chipsNow describes the category chips of the home page; Results counts
// the results shown whose card on the page lists the chip's category.
const chipsNow = `[...document.querySelectorAll(".category-nav a[data-tag]")].map((a) => {
  const n = a.querySelector(".n"), tag = a.dataset.tag;
  const results = document.getElementById("results").hidden ? [] : [...document.querySelectorAll("#results li.card[data-slug]")];
  return {tag, label: a.firstChild.textContent.trim(), count: n ? n.textContent : "", href: a.getAttribute("href"),
    current: a.getAttribute("aria-current") || "", visible: a.getClientRects().length > 0,
    results: results.filter((li) => document.querySelector("#m-" + li.dataset.slug + " .tags a[href$='/tags/" + tag + "/']")).length};
})`

// TestBrowserSearchChips: the category chips under the search results say
// what the results hold. With nothing found no chip claims members; else
// each counts the results in its category, categories without any are
// hidden, and a chip leads to its category's results on the page, by
// mouse or keyboard. Without a search they are the page's own again.
func TestBrowserSearchChips(t *testing.T) {
	ctx, done := browser(t)
	defer done()
	srv := static(t, builtSite(t, "../.."))
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	seen := watch(t, ctx)
	eval := evaluator(t, ctx)
	chips := func() []chip {
		t.Helper()
		c, err := chromedp.Run(ctx, chromedp.Evaluate[[]chip](chipsNow))
		if err != nil {
			t.Fatal(err)
		}
		if len(c) == 0 {
			t.Fatal("no category chips on the home page")
		}
		return c
	}
	const home = `!document.getElementById("filters").hidden`
	if err := chromedp.Do(ctx, visit(srv.URL+"/", 360, "light", home)); err != nil {
		t.Fatal(err)
	}
	own := chips()

	// Nothing found: the status says so, and no chip is left to claim
	// members.
	if err := chromedp.Do(ctx, visit(srv.URL+"/?q=xyzzyqq", 360, "light", `!document.getElementById("results").hidden && document.getElementById("search-status").textContent !== ""`)); err != nil {
		t.Fatal(err)
	}
	for _, c := range chips() {
		if c.Visible {
			t.Errorf("/?q=xyzzyqq finds nobody, but the chip %q shows %s", c.Label, c.Count)
		}
	}
	if v := eval(`getComputedStyle(document.querySelector(".category-nav")).display`); v != "none" {
		t.Errorf("/?q=xyzzyqq: the empty category navigation is still shown (display %v)", v)
	}

	// steuer finds a few members: each chip counts those of its category.
	if err := chromedp.Do(ctx, visit(srv.URL+"/?q=steuer", 360, "light", resultsShown)); err != nil {
		t.Fatal(err)
	}
	if eval(`document.querySelector("button.more").hidden`) != true {
		t.Fatal("/?q=steuer: more results than one page; the counts below need all of them shown")
	}
	var pick chip
	visible := 0
	for _, c := range chips() {
		switch {
		case c.Visible && c.Count != fmt.Sprint(c.Results):
			t.Errorf("/?q=steuer: the chip %q says %s, but %d of the results are in its category", c.Label, c.Count, c.Results)
		case !c.Visible && c.Results > 0:
			t.Errorf("/?q=steuer: the chip %q is hidden, but %d of the results are in its category", c.Label, c.Results)
		}
		if !c.Visible {
			continue
		}
		visible++
		if u, err := url.Parse(c.Href); err != nil || u.Path != "/" || u.Query().Get("q") != "steuer" || u.Query().Get("tag") != c.Tag {
			t.Errorf("/?q=steuer: the chip %q leads to %q, want the results in its category: /?q=steuer&tag=%s", c.Label, c.Href, c.Tag)
		}
		if c.Results > pick.Results {
			pick = c
		}
	}
	if visible == 0 || visible == len(own) {
		t.Fatalf("/?q=steuer shows %d of %d chips; the test needs a query that leaves out some categories", visible, len(own))
	}

	// Enter on a chip filters the results by its category, in place:
	// the address, the category filter and the chip itself say so, and
	// the focus stays on the chip.
	eval(fmt.Sprintf(`document.querySelector('.category-nav a[data-tag=%q]').focus()`, pick.Tag))
	if err := chromedp.Do(ctx,
		chromedp.KeyEvent(kb.Enter),
		waitFor(fmt.Sprintf(`new URLSearchParams(location.search).get("tag") === %q && document.getElementById("search-status").textContent.startsWith(%q)`, pick.Tag, pick.Count)),
	); err != nil {
		t.Fatalf("Enter on the chip %q (%s results) should show them: %v; status %q, address %v", pick.Label, pick.Count, err,
			eval(`document.getElementById("search-status").textContent`), eval(`location.search`))
	}
	if v := eval(`document.querySelector('#filters select[name="tag"]').value`); v != pick.Tag {
		t.Errorf("after choosing the chip %q the category filter says %q", pick.Label, v)
	}
	if v := eval(`document.activeElement.dataset.tag || document.activeElement.tagName`); v != pick.Tag {
		t.Errorf("after choosing the chip %q the focus is on %v", pick.Label, v)
	}
	for _, c := range chips() {
		if want := map[bool]string{true: "true"}[c.Tag == pick.Tag]; c.Current != want {
			t.Errorf("chip %q has aria-current=%q, want %q", c.Label, c.Current, want)
		}
		if c.Tag == pick.Tag && (!c.Visible || c.Count != fmt.Sprint(c.Results)) {
			t.Errorf("the chosen chip %q says %s (shown: %v), with %d results", c.Label, c.Count, c.Visible, c.Results)
		}
	}

	// With the query and the filter gone, the chips are the page's own.
	if err := chromedp.Do(ctx,
		chromedp.Focus(chromedp.ID("q")),
		chromedp.KeyEvent(kb.Escape),
		chromedp.Click(chromedp.CSS("#filters .clear")),
		waitFor(`document.getElementById("results").hidden`),
	); err != nil {
		t.Fatal(err)
	}
	if got := chips(); fmt.Sprint(got) != fmt.Sprint(own) {
		t.Errorf("without a search the chips should be as the page has them:\n\tgot  %v\n\twant %v", got, own)
	}
	for _, c := range own {
		if !c.Visible || !strings.HasSuffix(c.Href, "/tags/"+c.Tag+"/") {
			t.Errorf("the page's own chip %q (shown: %v) leads to %q, want its category page", c.Label, c.Visible, c.Href)
		}
	}

	problems, _ := seen.take()
	for _, p := range problems {
		t.Error(p)
	}
}
