package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// npmTools is where .ci/run installs the npm packages the tests run
// (axe-core, vnu-jar), pinned by package-lock.json there.
const npmTools = "testdata/npm/node_modules"

// npmHint says how to install npmTools.
const npmHint = "npm ci --prefix cmd/memberdir/testdata/npm --no-audit --no-fund --ignore-scripts"

// widths are the window widths every page is looked at: a phone and a
// desktop.
var widths = []int64{375, 1280}

// axeTags are the axe-core rule tags of WCAG 2.2 level AA, with axe's
// best practices.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"}

// axeColourRules are the rules whose outcome depends on the colour
// scheme; dark mode is checked with these.
var axeColourRules = []string{"color-contrast", "link-in-text-block"}

// TestBrowserPages looks at the pages of the bundled example site the way
// a visitor's browser shows them, served as static files like a web host
// does, on a phone and a desktop: no console error or uncaught
// exception, no request to another host, no horizontal scrolling, every
// image loaded, and no serious or critical accessibility violation found
// by axe-core. It writes a screenshot of each for people to look at.
func TestBrowserPages(t *testing.T) {
	axeSource := readTool(t, "axe-core/axe.min.js")
	ctx, done := browser(t)
	defer done()
	srv := static(t, builtSite(t, "../.."))
	own, _ := url.Parse(srv.URL)
	shots := screenshotDir(t)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	seen := watch(t, ctx)

	pages := []struct {
		name, path string
		ready      string // a script that is true once the page is complete
		dark       bool   // also check the colours of the dark scheme
	}{
		// The search script adds the filters after loading its index.
		{"home", "/", `!document.getElementById("filters").hidden`, true},
		// A profile with most fields filled: company, role, languages,
		// recommendations, ideal referral, booking link.
		{"profile", "/members/oezlem-arslan/", `!!document.getElementById("refer")`, true},
		// A profile with a photo, written in English on a German site:
		// its own words carry lang="en".
		{"profile-photo", "/members/daniel-okafor/", `!!document.getElementById("refer")`, false},
		{"category", "/tags/beratung-coaching/", `true`, false},
		{"page", "/ueber-uns/", `true`, false},
		// The network page: inline SVG charts and graphs, tables, and
		// the charts scrolling sideways on a phone.
		{"network", "/network/", `true`, true},
		{"print", "/print/", `true`, false},
		// A mistyped address: the host answers 404 with the site's page,
		// which must be as usable as any other.
		{"404", "/members/gibt-es-nicht/", `true`, false},
	}
	for _, p := range pages {
		for _, w := range widths {
			for _, dark := range []bool{false, true} {
				if dark && !p.dark {
					continue
				}
				name := p.name + "/" + strconv.FormatInt(w, 10)
				if dark {
					name += "/dark"
				}
				t.Run(name, func(t *testing.T) {
					scheme := "light"
					if dark {
						scheme = "dark"
					}
					if err := chromedp.Do(ctx, visit(srv.URL+p.path, w, scheme, p.ready)); err != nil {
						t.Fatalf("%s does not load: %v", p.path, err)
					}
					checkLoaded(t, ctx, p.path, w)
					problems, requests := seen.take()
					for _, m := range problems {
						if p.name == "404" && strings.Contains(m, "404") && strings.Contains(m, srv.URL+p.path) {
							continue // the browser notes the page's own status
						}
						t.Errorf("%s: %s", p.path, m)
					}
					if len(requests) == 0 {
						t.Errorf("%s: no request recorded, not even the page's; the watcher is not working", p.path)
					}
					for _, r := range foreign(requests, own.Host) {
						t.Errorf("%s: request to another host: %s", p.path, r)
					}
					screenshot(t, ctx, filepath.Join(shots, strings.ReplaceAll(name, "/", "-")+".png"))
					run := map[string]any{"runOnly": map[string]any{"type": "tag", "values": axeTags}}
					if dark {
						run = map[string]any{"runOnly": map[string]any{"type": "rule", "values": axeColourRules}}
					}
					checkAxe(t, ctx, axeSource, p.path+" ("+scheme+", "+strconv.FormatInt(w, 10)+" px)", run)
				})
			}
		}
	}
}

// TestBrowserKeyboard uses the home page and a profile with the Tab key
// alone, from the top of the page, as someone who cannot use a mouse
// does: the skip link comes first, then the search box, a filter and a
// member's Recommend button, each visibly focused when reached; on a
// profile, the Recommend button of the referral section.
func TestBrowserKeyboard(t *testing.T) {
	ctx, done := browser(t)
	defer done()
	srv := static(t, builtSite(t, "../.."))

	type target struct{ name, selector string }
	pages := []struct {
		name, path, ready string
		targets           []target // in the order Tab must reach them
		first             bool     // the first target must be the first tab stop
	}{
		{"home", "/", `!document.getElementById("filters").hidden`, []target{
			{"the skip link", `a.skip, a[href="#main"]`},
			{"the search box", `#q`},
			{"a filter", `#filters select, #filters input, #filters button`},
			{"a member card's Recommend button", `.card a.button:not(.secondary)`},
		}, true},
		{"profile", "/members/oezlem-arslan/", `!!document.getElementById("refer")`, []target{
			{"the skip link", `a.skip, a[href="#main"]`},
			{"the Recommend button in #refer", `#refer a.button:not(.secondary)`},
		}, true},
	}
	// tabStop describes the focused element after one press of Tab.
	type tabStop struct {
		Desc      string  `json:"desc"`
		Matches   []bool  `json:"matches"`
		Width     float64 `json:"w"`
		Height    float64 `json:"h"`
		InView    bool    `json:"inView"`
		Indicator bool    `json:"indicator"`
		Outline   string  `json:"outline"`
		Contrast  float64 `json:"contrast"` // of the outline against the background around it; 0: unknown
		BG        string  `json:"background"`
		Shadow    string  `json:"shadow"`
	}
	const maxTabs = 200
	for _, p := range pages {
		for _, w := range widths {
			for _, scheme := range []string{"light", "dark"} {
				name := p.name + "/" + strconv.FormatInt(w, 10)
				if scheme == "dark" {
					name += "/dark"
				}
				t.Run(name, func(t *testing.T) {
					if err := chromedp.Do(ctx, visit(srv.URL+p.path, w, scheme, p.ready)); err != nil {
						t.Fatalf("%s does not load: %v", p.path, err)
					}
					var sels []string
					for _, tg := range p.targets {
						sels = append(sels, tg.selector)
					}
					arg, _ := json.Marshal(sels)
					reached := make([]int, len(p.targets)) // tab count at which each was first reached; 0: never
					var stops []string
					next := 0 // the target that must come next
					for tab := 1; tab <= maxTabs && next < len(p.targets); tab++ {
						if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
							t.Fatalf("Tab %d: %v", tab, err)
						}
						s, err := chromedp.Run(ctx, chromedp.Evaluate[tabStop](fmt.Sprintf(focused, arg)))
						if err != nil {
							t.Fatalf("Tab %d: %v", tab, err)
						}
						stops = append(stops, fmt.Sprintf("%d %s", tab, s.Desc))
						if s.Desc == "body" && tab > 1 {
							break // focus left the page: the whole tab order was seen
						}
						for i, m := range s.Matches {
							if !m || reached[i] != 0 {
								continue
							}
							reached[i] = tab
							tg := p.targets[i]
							if i != next {
								t.Errorf("%s: Tab %d reaches %s (%s) before %s", p.path, tab, tg.name, s.Desc, p.targets[next].name)
							}
							if i == 0 && p.first && tab != 1 {
								t.Errorf("%s: %s should be the first tab stop, it is number %d", p.path, tg.name, tab)
							}
							if s.Width == 0 || s.Height == 0 || !s.InView {
								t.Errorf("%s: %s (%s) is focused but not visible: %gx%g px, in the window: %v", p.path, tg.name, s.Desc, s.Width, s.Height, s.InView)
							}
							if !s.Indicator {
								t.Errorf("%s: %s (%s) shows no focus indicator: outline %q, box-shadow %q — give it a visible :focus-visible outline", p.path, tg.name, s.Desc, s.Outline, s.Shadow)
							}
							// WCAG 1.4.11 asks 3:1 of what shows focus against
							// what is next to it.
							if s.Contrast > 0 && s.Contrast < 3 {
								t.Errorf("%s: the focus outline of %s (%s) has a contrast of %.2f:1 against the background %s, below 3:1 (WCAG 1.4.11): outline %q", p.path, tg.name, s.Desc, s.Contrast, s.BG, s.Outline)
							}
							t.Logf("Tab %d: %s = %s, %gx%g px, outline %q (contrast %.2f:1 on %s), box-shadow %q", tab, tg.name, s.Desc, s.Width, s.Height, s.Outline, s.Contrast, s.BG, s.Shadow)
							if i >= next {
								next = i + 1
							}
						}
					}
					for i, tg := range p.targets {
						if reached[i] == 0 {
							t.Errorf("%s: %d presses of Tab never reach %s (%s)", p.path, len(stops), tg.name, tg.selector)
						}
					}
					if t.Failed() {
						t.Logf("tab order on %s:\n%s", p.path, strings.Join(stops, "\n"))
					}
				})
			}
		}
	}
}

// focused describes document.activeElement for TestBrowserKeyboard; %s
// is a JSON list of selectors, each reported as matched or not.
const focused = `(() => {
  const sels = %s;
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return {desc: "body", matches: sels.map(() => false)};
  const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
  const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0;
  const shadow = cs.boxShadow !== "none" && cs.boxShadow !== "";
  const labelText = (l) => { const c = l.cloneNode(true); c.querySelectorAll("select").forEach((x) => x.remove()); return c.textContent + ": "; };
  const label = el.tagName === "SELECT" ? (el.labels[0] ? labelText(el.labels[0]) : "") + (el.selectedOptions[0] ? el.selectedOptions[0].textContent : "") : el.getAttribute("aria-label") || el.textContent || el.value || "";
  const text = label.trim().replace(/\s+/g, " ").slice(0, 40);
  // The outline is drawn around the element, over its parent's background.
  const rgb = (c) => { const m = /^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)$/.exec(c); return m && {r: +m[1], g: +m[2], b: +m[3], a: m[4] === undefined ? 1 : +m[4]}; };
  let bg = null;
  for (let e = el.parentElement; e && !bg; e = e.parentElement) {
    const c = rgb(getComputedStyle(e).backgroundColor);
    if (c && c.a > 0) bg = c;
  }
  if (!bg) bg = matchMedia("(prefers-color-scheme: dark)").matches ? {r: 18, g: 18, b: 18} : {r: 255, g: 255, b: 255};
  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const oc = rgb(cs.outlineColor);
  const contrast = outline && oc ? (Math.max(lum(oc), lum(bg)) + 0.05) / (Math.min(lum(oc), lum(bg)) + 0.05) : 0;
  return {
    desc: describe(el) + (text ? " “" + text + "”" : ""),
    matches: sels.map((s) => el.matches(s)),
    w: r.width, h: r.height,
    inView: r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth && cs.visibility !== "hidden" && cs.opacity !== "0",
    indicator: outline || shadow,
    outline: cs.outlineStyle + " " + cs.outlineWidth + " " + cs.outlineColor,
    contrast: contrast,
    background: "rgb(" + bg.r + ", " + bg.g + ", " + bg.b + ")",
    shadow: cs.boxShadow,
  };
  function describe(el) {
    let s = el.tagName.toLowerCase();
    if (el.id) s += "#" + el.id;
    for (const c of el.classList) s += "." + c;
    const parent = el.parentElement && el.parentElement.closest("[id], [class]");
    return parent && parent !== document.body ? describe1(parent) + " " + s : s;
  }
  function describe1(el) {
    return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + [...el.classList].map((c) => "." + c).join("");
  }
})()`

// builtSite builds the site in source with "memberdir build", as a user
// does, into a new temporary folder and returns that folder.
func builtSite(t *testing.T, source string, args ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	args = append([]string{"build", "--source", source, "--out", out}, args...)
	if code, _, errOut := memberdir(t, args...); code != 0 {
		t.Fatalf("memberdir %s: exit %d:\n%s", strings.Join(args, " "), code, errOut)
	}
	return out
}

// static serves the files in dir as a plain static web host does,
// answering a missing path with 404.html and status 404.
func static(t *testing.T, dir string) *httptest.Server {
	t.Helper()
	files := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Clean keeps the path inside dir, as http.Dir does.
		p := filepath.Join(dir, filepath.FromSlash(path.Clean("/"+r.URL.Path)))
		if _, err := os.Stat(p); err != nil {
			data, err := os.ReadFile(filepath.Join(dir, "404.html"))
			if err != nil {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(data)
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// readTool returns a file of the npm packages the tests use, or ends the
// test when they are not installed.
func readTool(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(npmTools, filepath.FromSlash(name)))
	if err != nil {
		missing(t, fmt.Sprintf("%v (install the test tools: %s)", err, npmHint))
	}
	return string(data)
}

// screenshotDir returns the folder the screenshots go to:
// $MEMBERDIR_SCREENSHOTS, or testdata/screenshots, which git ignores.
func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("MEMBERDIR_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join("testdata", "screenshots")
	}
	dir, _ = filepath.Abs(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", dir)
	return dir
}

// visit opens url in a window width px wide and 900 px high, with
// prefers-color-scheme set to scheme ("light" or "dark"), and waits until
// the script ready is true. The window is a desktop one even when narrow:
// a mobile viewport would zoom out to fit a page that is too wide, and
// hide the horizontal scrolling that checkLoaded looks for.
func visit(url string, width int64, scheme, ready string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.EmulateViewport(width, 900),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
			})
			return err
		}),
		chromedp.Navigate(url),
		waitFor(ready),
	)
}

// waitFor waits until the script js is true on the page.
func waitFor(js string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		deadline := time.Now().Add(10 * time.Second)
		for {
			_, err := chromedp.Poll[bool](js, chromedp.WithPollingTimeout(time.Until(deadline)))(ctx, t)
			// A navigation under way (back, a link) replaces the page and
			// the context the poll ran in: poll again in the new page.
			if err == nil || !time.Now().Before(deadline) || !contextGone(err) {
				return err
			}
		}
	})
}

// contextGone reports whether err says that the page's script context
// went away, as it does when the page is replaced during an evaluation.
func contextGone(err error) bool {
	s := err.Error()
	return strings.Contains(s, "Cannot find context with specified id") || strings.Contains(s, "Execution context was destroyed")
}

// layout scrolls down the page a window at a time, as a reader does, so
// that lazy images load, waits for every image, scrolls back to the top
// and reports the images that did not load and, when the page is wider
// than the window, the elements that reach past its right edge.
const layout = `(async () => {
  const step = Math.max(200, innerHeight - 100);
  for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
    scrollTo(0, y);
    await new Promise((r) => setTimeout(r, 30));
  }
  scrollTo(0, document.documentElement.scrollHeight);
  const imgs = [...document.images];
  await Promise.all(imgs.map((i) => i.complete ? null : new Promise((r) => {
    i.addEventListener("load", r, {once: true});
    i.addEventListener("error", r, {once: true});
    setTimeout(r, 5000);
  })));
  scrollTo(0, 0);
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + [...el.classList].map((c) => "." + c).join("");
  const path = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) parts.unshift(name(e));
    return parts.join(" > ");
  };
  const w = innerWidth, past = (el) => el.getBoundingClientRect().right > w + 0.5;
  const wide = [];
  if (document.documentElement.scrollWidth > w) {
    for (const el of document.body.querySelectorAll("*")) {
      if (past(el) && ![...el.children].some(past)) {
        wide.push(path(el) + " (right edge at " + Math.round(el.getBoundingClientRect().right) + " px: “" + (el.textContent || "").trim().slice(0, 40) + "”)");
      }
    }
  }
  return {
    images: imgs.length,
    broken: imgs.filter((i) => !(i.complete && i.naturalWidth > 0)).map((i) => i.getAttribute("src") + " (" + path(i) + ")"),
    scrollWidth: document.documentElement.scrollWidth, innerWidth: w,
    wide: wide.slice(0, 8),
  };
})()`

// checkLoaded fails the test for images that did not load and for a page
// wider than the window (horizontal scrolling).
func checkLoaded(t *testing.T, ctx context.Context, path string, width int64) {
	t.Helper()
	l, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		Images      int      `json:"images"`
		Broken      []string `json:"broken"`
		ScrollWidth int      `json:"scrollWidth"`
		InnerWidth  int      `json:"innerWidth"`
		Wide        []string `json:"wide"`
	}](layout, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for _, b := range l.Broken {
		t.Errorf("%s at %d px: image did not load: %s", path, width, b)
	}
	if l.ScrollWidth > l.InnerWidth {
		t.Errorf("%s at %d px scrolls sideways: the page is %d px wide in a %d px window; elements past the right edge:\n\t%s",
			path, width, l.ScrollWidth, l.InnerWidth, strings.Join(l.Wide, "\n\t"))
	}
	t.Logf("%s at %d px: %d images, %d px wide", path, width, l.Images, l.ScrollWidth)
}

// screenshot writes a PNG of the whole page to file.
func screenshot(t *testing.T, ctx context.Context, file string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Errorf("screenshot: %v", err)
		return
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Error(err)
	}
}

// axeViolation is one axe-core rule that failed, or that axe could not
// decide, with the elements concerned.
type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target  string `json:"target"`
		HTML    string `json:"html"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// checkAxe runs axe-core (its source in axeSource) on the page with the
// options run and fails the test on each serious or critical violation;
// moderate and minor ones are logged. The page's Content-Security-Policy
// does not apply to scripts that DevTools evaluates, so axe is injected
// as it is.
func checkAxe(t *testing.T, ctx context.Context, axeSource, page string, run map[string]any) {
	t.Helper()
	opts, _ := json.Marshal(run)
	js := `(async () => {
  const r = await axe.run(document, Object.assign(` + string(opts) + `, {resultTypes: ["violations", "incomplete"]}));
  const brief = (v) => ({id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({target: n.target.map(String).join(" "), html: n.html, summary: n.failureSummary || ""}))});
  return {
    rules: new Set([...r.passes, ...r.violations, ...r.incomplete, ...r.inapplicable].map((x) => x.id)).size,
    violations: r.violations.map(brief),
    incomplete: r.incomplete.map(brief),
  };
})()`
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[int](axeSource+"\n;0")); err != nil {
		t.Fatalf("%s: loading axe-core: %v", page, err)
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		Rules      int            `json:"rules"`
		Violations []axeViolation `json:"violations"`
		Incomplete []axeViolation `json:"incomplete"`
	}](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: axe: %v", page, err)
	}
	if res.Rules == 0 {
		t.Fatalf("%s: axe ran no rule; are the options right? %s", page, opts)
	}
	t.Logf("%s: axe ran %d rules, %d violated", page, res.Rules, len(res.Violations))
	for _, v := range res.Violations {
		if v.Impact == "serious" || v.Impact == "critical" {
			t.Error(v.describe(page, "axe"))
		} else {
			t.Log(v.describe(page, "axe"))
		}
	}
	// What axe cannot decide (text over a gradient, say) needs a person's
	// look at the screenshot.
	for _, v := range res.Incomplete {
		t.Log(v.describe(page, "axe could not decide"))
	}
}

// describe tells what v found on page, with the first three elements.
func (v axeViolation) describe(page, what string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s %s (%s, %d elements): %s — %s", page, what, v.ID, v.Impact, len(v.Nodes), v.Help, v.HelpURL)
	for i, n := range v.Nodes {
		if i == 3 {
			fmt.Fprintf(&b, "\n\t… and %d more", len(v.Nodes)-3)
			break
		}
		fmt.Fprintf(&b, "\n\t%s\n\t\t%s", n.Target, shorten(n.HTML, 200))
		if n.Summary != "" {
			fmt.Fprintf(&b, "\n\t\t%s", strings.ReplaceAll(n.Summary, "\n", "\n\t\t"))
		}
	}
	return b.String()
}

// shorten cuts s to at most n bytes, at a rune boundary, marking the cut.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// longCode is a profile in German, for the English edgeSite, whose text
// has a code span and a code block of 3,000 characters without a space,
// and a long compound in a heading.
var longCode = `---
name: Donaudampfschifffahrtsgesellschaft Coder
mission: Ich schreibe Code.
why: Darum.
offerings: [Code]
languages: [de]
contact: {email: coder@example.org}
---
## Donaudampfschifffahrtsgesellschaftskapitänsmütze

A token: ` + "`" + strings.Repeat("x", 3000) + "`" + `.

` + "```" + `
` + strings.Repeat("y", 3000) + `
` + "```" + `
`

// TestBrowserEdgeLayout: the hostile and edge-case profiles of the
// validity test (a 90-letter compound name, markup in every field) and
// code of 3,000 characters on the narrowest phone, a wider one and a
// desktop: long words must wrap and code blocks scroll in their box, not
// push the page sideways, and nothing may break the page. A code block
// that scrolls takes the keyboard focus, and headings hyphenate.
func TestBrowserEdgeLayout(t *testing.T) {
	ctx, done := browser(t)
	defer done()
	// The edge site lives under a base path, as on GitHub project pages.
	files := edgeSite()
	files["content/members/long-code.md"] = longCode
	root := t.TempDir()
	if err := os.Rename(builtSite(t, writeSite(t, files)), filepath.Join(root, "net-work")); err != nil {
		t.Fatal(err)
	}
	srv := static(t, root)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	seen := watch(t, ctx)
	eval := evaluator(t, ctx)
	for _, p := range []string{"/net-work/", "/net-work/members/long-name/", "/net-work/members/hostile-hanna/", "/net-work/members/long-code/", "/net-work/tags/law/", "/net-work/print/", "/net-work/network/"} {
		for _, w := range []int64{320, 485, 1280} {
			t.Run(p+"/"+strconv.FormatInt(w, 10), func(t *testing.T) {
				if err := chromedp.Do(ctx, visit(srv.URL+p, w, "light", "true")); err != nil {
					t.Fatalf("%s does not load: %v", p, err)
				}
				checkLoaded(t, ctx, p, w)
				if strings.HasSuffix(p, "/long-code/") {
					pre := eval(`(() => { const p = document.querySelector(".body pre"); return [p.scrollWidth > p.clientWidth, p.tabIndex].join(" "); })()`)
					if pre != "true 0" {
						t.Errorf("%s at %d px: the code block (scrolls, tabIndex) is %v, want it to scroll and take the focus (true 0)", p, w, pre)
					}
					hy := eval(`[...document.querySelectorAll("h1, .body h3")].map((h) => getComputedStyle(h).hyphens + " " + (h.closest("[lang]") || {}).lang).join(", ")`)
					if hy != "auto en, auto de" {
						t.Errorf("%s: the name and the heading in the text have hyphens and language %q, want %q: hyphenated in the page's and the member's language", p, hy, "auto en, auto de")
					}
					if w == 485 {
						t.Run("axe", func(t *testing.T) {
							checkAxe(t, ctx, readTool(t, "axe-core/axe.min.js"), p+" (485 px)", map[string]any{"runOnly": map[string]any{"type": "tag", "values": axeTags}})
						})
					}
				}
				problems, _ := seen.take()
				for _, m := range problems {
					t.Errorf("%s: %s", p, m)
				}
			})
		}
	}
}
