package main

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// onPhone opens url in a window width px wide with touch emulation, so
// that the page sees a coarse pointer as on a phone, and waits until the
// script ready is true. Like visit, it keeps a desktop viewport, so that
// a page too wide scrolls sideways instead of being zoomed out.
func onPhone(url string, width, height int64, ready string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.EmulateViewport(width, height, chromedp.EmulateTouch),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "light"}},
			})
			return err
		}),
		chromedp.Navigate(url),
		waitFor(ready),
	)
}

// TestBrowserPhone uses the example site as a visitor with a phone does:
// touch targets big enough for a finger, no sideways scrolling with the
// text at 200 % on the narrowest phone, search results that are not
// pushed under the on-screen keyboard, a copy button that survives a
// double tap, and focus outlines that scrolling rows do not cut off.
func TestBrowserPhone(t *testing.T) {
	ctx, done := browser(t)
	defer done()
	srv := static(t, builtSite(t, "../.."))
	own, _ := url.Parse(srv.URL)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	seen := watch(t, ctx)
	eval := evaluator(t, ctx)
	const home = `!document.getElementById("filters").hidden`
	const profile = `!!document.getElementById("refer")`

	// With the text at twice its size (a visitor's font setting), no
	// page on a 320 px phone may scroll sideways. The search form once
	// did: its box would not shrink below its default 20 characters.
	for _, p := range []struct{ path, ready string }{
		{"/", home},
		{"/?loc=Bonn&lang=en", home}, // with the reset button
		{"/members/oezlem-arslan/", profile},
		{"/tags/beratung-coaching/", "true"},
		{"/print/", "true"},
		{"/network/", "true"},
		{"/members/gibt-es-nicht/", "true"},
	} {
		t.Run("text200"+p.path, func(t *testing.T) {
			if err := chromedp.Do(ctx, onPhone(srv.URL+p.path, 320, 640, p.ready)); err != nil {
				t.Fatalf("%s does not load: %v", p.path, err)
			}
			eval(`document.documentElement.style.fontSize = "200%"`)
			checkLoaded(t, ctx, p.path+" (text 200 %)", 320)
		})
	}

	// The search box's placeholder fits it on the narrowest phone, with
	// room to spare for a clear button that a browser may keep beside it.
	if err := chromedp.Do(ctx, onPhone(srv.URL+"/", 320, 640, home)); err != nil {
		t.Fatal(err)
	}
	fit := eval(`(() => {
  const i = document.getElementById("q"), cs = getComputedStyle(i), c = document.createElement("canvas").getContext("2d");
  c.font = cs.font;
  const text = c.measureText(i.placeholder).width, room = i.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
  return text + 8 <= room ? "" : "“" + i.placeholder + "” is " + Math.round(text) + " px wide in a box of " + Math.round(room) + " px";
})()`)
	if fit != "" {
		t.Errorf("the search placeholder is cut off at 320 px: %v; shorten search.placeholder", fit)
	}

	// Touch targets: what a visitor taps on its own is at least 24×24 px
	// (WCAG 2.5.8), on the home page, with filters set, and on a profile.
	targets := func(t *testing.T, page string, selectors ...string) {
		t.Helper()
		js := fmt.Sprintf(`[...document.querySelectorAll(%q)].filter((e) => e.getClientRects().length && getComputedStyle(e).visibility !== "hidden").map((e) => {
  const r = e.getBoundingClientRect();
  return r.width >= 24 && r.height >= 24 ? "" : e.tagName.toLowerCase() + "." + e.className + " “" + (e.textContent || "").trim().slice(0, 30) + "” " + Math.round(r.width) + "×" + Math.round(r.height);
}).filter(Boolean)`, strings.Join(selectors, ", "))
		for _, small := range eval(js).([]any) {
			t.Errorf("%s: touch target smaller than 24×24 px: %s", page, small)
		}
	}
	if err := chromedp.Do(ctx, onPhone(srv.URL+"/?loc=Bonn", 360, 740, home)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, waitFor(`!document.getElementById("results").hidden`)); err != nil {
		t.Fatal(err)
	}
	targets(t, "/?loc=Bonn", ".site-nav a", "#q", ".search button", "#filters select", "#filters button:not([hidden])",
		".category-nav a", ".card-actions a", ".footer-links a")
	if err := chromedp.Do(ctx, onPhone(srv.URL+"/members/oezlem-arslan/", 360, 740, profile)); err != nil {
		t.Fatal(err)
	}
	eval(`document.querySelector("#refer details").open = true`)
	targets(t, "/members/oezlem-arslan/", ".site-nav a", "#refer a.button", "#refer summary", "[data-copy]",
		".contact-list a", ".profile-grid .tags a")

	// The first contact line follows the "Kontakt" heading as a paragraph
	// does: the list's and the line's margins once added 40 px of space.
	gap := eval(`document.querySelector(".contact-list li").getBoundingClientRect().top - document.getElementById("contact-h").getBoundingClientRect().bottom`).(float64)
	if gap > 24 {
		t.Errorf("%.0f px between the contact heading and the first contact line, want at most 24", gap)
	}

	// The page keeps a gap below the header: main's padding once lost to
	// .wrap's, and the profile photo touched the header's border.
	gap = eval(`document.querySelector("main").getBoundingClientRect().top - document.querySelector(".site-header").getBoundingClientRect().bottom + parseFloat(getComputedStyle(document.querySelector("main")).paddingTop)`).(float64)
	if gap < 8 {
		t.Errorf("the profile starts %.0f px below the header; main has lost its top padding", gap)
	}

	// Copy text, tapped twice in a row: the button must get its own label
	// back, not keep "Kopiert ✓" for good. A headless browser's clipboard
	// may never answer, so the page gets one that always does.
	label := eval(`document.querySelector("[data-copy]").textContent`).(string)
	eval(`Object.defineProperty(navigator, "clipboard", {configurable: true, value: {writeText: () => Promise.resolve()}}) && true`)
	copyText := fmt.Sprintf(`document.querySelector("[data-copy]").textContent !== %q`, label)
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("[data-copy]")),
		waitFor(copyText),
		chromedp.Click(chromedp.CSS("[data-copy]")),
		waitFor("!("+copyText+")"),
	); err != nil {
		t.Errorf("copy button, tapped twice: %v; it says %q, its label is %q", err, eval(`document.querySelector("[data-copy]").textContent`), label)
	}

	// Searching: the description makes way for the results, which would
	// otherwise start below the on-screen keyboard; it comes back when
	// the box is cleared. The keyboard's Search key closes the keyboard.
	if err := chromedp.Do(ctx, onPhone(srv.URL+"/", 360, 740, home)); err != nil {
		t.Fatal(err)
	}
	lead := `getComputedStyle(document.querySelector(".intro .lead")).display`
	if d := eval(lead); d == "none" {
		t.Fatal("the home page hides its description before any search")
	}
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("q"), "steuer"),
		waitFor(`!document.getElementById("results").hidden`),
	); err != nil {
		t.Fatal(err)
	}
	if d := eval(lead); d != "none" {
		t.Errorf("while searching on a phone the description still shows (display %v) and pushes the results down", d)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	if f := eval(`document.activeElement && document.activeElement.id`); f == "q" {
		t.Error("the Search key of a touch keyboard should close it (blur the box); the box keeps the focus")
	}
	if err := chromedp.Do(ctx,
		chromedp.Focus(chromedp.ID("q")),
		chromedp.KeyEvent(kb.Escape),
		waitFor(`document.getElementById("results").hidden && getComputedStyle(document.querySelector(".intro .lead")).display !== "none"`),
	); err != nil {
		t.Errorf("after clearing the search the description should come back: %v", err)
	}

	// A focused category chip in the sideways-scrolling row shows its
	// whole focus outline: the row clips what reaches past its padding.
	clip := eval(`(() => {
  const a = document.querySelector(".category-nav .tags a"), row = a.closest(".tags");
  a.focus();
  const cs = getComputedStyle(a), out = parseFloat(cs.outlineWidth) + parseFloat(cs.outlineOffset);
  const r = a.getBoundingClientRect(), box = row.getBoundingClientRect();
  if (cs.outlineStyle === "none" || !(out > 0)) return "no outline";
  return r.top - out >= box.top - 0.5 && r.bottom + out <= box.bottom + 0.5 && r.left - out >= box.left - 0.5 ? "" : "outline " + out + " px, chip " + Math.round(r.top) + "–" + Math.round(r.bottom) + ", row " + Math.round(box.top) + "–" + Math.round(box.bottom);
})()`)
	if clip != "" {
		t.Errorf("the focus outline of a category chip is cut off by its scrolling row: %v", clip)
	}

	// A filter value the address has but the directory does not is
	// dropped: no reset button for a filter the visitor cannot see.
	if err := chromedp.Do(ctx,
		onPhone(srv.URL+"/?tag=gibt-es-nicht", 360, 740, home),
		waitFor(`!new URLSearchParams(location.search).has("tag")`),
	); err != nil {
		t.Errorf("an unknown category stays in the address: %v (%v)", err, eval(`location.search`))
	}
	if eval(`document.querySelector("#filters .clear").hidden`) != true {
		t.Error("an unknown category in the address shows the reset button")
	}

	problems, requests := seen.take()
	for _, p := range problems {
		if strings.Contains(p, "404") && strings.Contains(p, "/members/gibt-es-nicht/") {
			continue // the browser notes the 404 page's own status
		}
		t.Error(p)
	}
	for _, r := range foreign(requests, own.Host) {
		t.Errorf("request to another host: %s", r)
	}
}
