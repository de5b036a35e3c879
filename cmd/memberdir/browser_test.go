package main

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// browser starts a headless Chromium for a test, or skips the test when
// there is none; in CI (CI=true) a missing browser fails instead, since
// .ci/run installs Debian's chromium.
func browser(t *testing.T) (context.Context, func()) {
	t.Helper()
	var path string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		missing(t, "no chromium on PATH (apt-get install chromium)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(390, 844), // a phone
	)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	actx, cancelA := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelB := chromedp.NewContext(actx)
	return bctx, func() { cancelB(); cancelA(); cancel() }
}

// TestBrowserSearch serves the bundled example site and uses its search
// the way a visitor does, in a real Chromium: type, see the cards narrow,
// filter, go back; no console error and no request to another host.
func TestBrowserSearch(t *testing.T) {
	ctx, done := browser(t)
	defer done()

	root, _ := filepath.Abs("../..")
	preview := newPreview(buildSite(root, false))
	if err := preview.Rebuild(); err != nil {
		t.Fatalf("the example site does not build: %v", err)
	}
	srv := httptest.NewServer(preview)
	defer func() {
		// The pages keep their live-reload stream open.
		srv.CloseClientConnections()
		srv.Close()
	}()
	own, _ := url.Parse(srv.URL)

	// Open the tab first, so that the watcher sees everything after it.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	seen := watch(t, ctx)
	eval := evaluator(t, ctx)
	location := func() *url.URL {
		t.Helper()
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		u, _ := url.Parse(loc)
		return u
	}

	// The home page lists the published members (12) without
	// JavaScript; the script then adds the filters.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("#filters select")),
	); err != nil {
		t.Fatal(err)
	}
	allCards := int(eval(`document.querySelectorAll("#members > li.card").length`).(float64))
	if allCards != 12 {
		t.Errorf("home page lists %d members, want 12", allCards)
	}

	// "/" focuses the search box; typing narrows the list. "steuer" is a
	// prefix of Steuerberaterin; the tax adviser must be found.
	if err := chromedp.Do(ctx, chromedp.KeyEvent("/")); err != nil {
		t.Fatal(err)
	}
	if f := eval(`document.activeElement && document.activeElement.id`); f != "q" {
		t.Errorf(`"/" should focus the search box, focused %v`, f)
	}
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("q"), "steuer"),
		waitFor(`document.querySelector("#results").textContent.includes("Weißenfels")`),
	); err != nil {
		t.Fatal(err)
	}
	resultCards := int(eval(`document.querySelectorAll("#results > li").length`).(float64))
	if resultCards < 1 || resultCards >= allCards {
		t.Errorf("steuer: %d result cards of %d members; the list should narrow", resultCards, allCards)
	}
	if n := int(eval(`document.querySelectorAll('#results > li a[href^="mailto:"]').length`).(float64)); n != resultCards {
		t.Errorf("%d of %d results have the Recommend button", n, resultCards)
	}
	if n := int(eval(`document.querySelectorAll('#results > li .card-head > .card-photo').length`).(float64)); n != resultCards {
		t.Errorf("%d of %d results show the member's photo or initials", n, resultCards)
	}
	if eval(`document.getElementById("members").hidden`) != true {
		t.Error("the full list should make way for the results")
	}
	if eval(`getComputedStyle(document.getElementById("members")).display`) != "none" {
		t.Error("the hidden full list is still displayed")
	}
	if status := eval(`document.getElementById("search-status").textContent`).(string); !strings.Contains(status, "gefunden") {
		t.Errorf("the result count should be announced, status is %q", status)
	}
	// The address follows once typing pauses.
	if err := chromedp.Do(ctx, waitFor(`new URLSearchParams(location.search).get("q") === "steuer"`)); err != nil {
		t.Errorf("the query should be in the URL, got q=%q", location().Query().Get("q"))
	}

	// Umlauts in both spellings: "goerres" finds Matthias Görres.
	eval(`document.getElementById("q").value = ""`)
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("q"), "goerres"),
		waitFor(`document.querySelector("#results").textContent.includes("Görres")`),
	); err != nil {
		t.Fatalf("goerres should find Görres: %v", err)
	}

	// Esc clears the box: the full list comes back and q leaves the URL.
	if err := chromedp.Do(ctx,
		chromedp.KeyEvent(kb.Escape),
		waitFor(`!document.getElementById("members").hidden && document.getElementById("q").value === ""`),
	); err != nil {
		t.Errorf("Esc should clear the search: %v", err)
	}
	if err := chromedp.Do(ctx, waitFor(`!new URLSearchParams(location.search).has("q")`)); err != nil {
		t.Errorf("after Esc the URL still has q=%q", location().Query().Get("q"))
	}

	// Leaving the page at once after typing, before the address follows
	// the box, still leaves the query in the history entry: back brings
	// the search back.
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("q"), "goerres"),
		chromedp.Navigate(srv.URL+"/members/lena-schaefer/"),
		chromedp.NavigateBack(),
		waitFor(`new URLSearchParams(location.search).get("q") === "goerres"`),
	); err != nil {
		t.Errorf("back after leaving at once: the URL has q=%q, want goerres (%v)", location().Query().Get("q"), err)
	}

	// A category filter on its own, before typing anything.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("#filters select")),
	); err != nil {
		t.Fatal(err)
	}
	eval(`(() => { const s = document.querySelector('#filters select[name="tag"]'); s.value = "handwerk"; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	if err := chromedp.Do(ctx, waitFor(`document.querySelector("#results").textContent.includes("Görres")`)); err != nil {
		t.Fatal(err)
	}
	if tag := location().Query().Get("tag"); tag != "handwerk" {
		t.Errorf("the filter should be in the URL, got tag=%q", tag)
	}
	if strings.Contains(eval(`document.querySelector("#results").textContent`).(string), "Weißenfels") {
		t.Error("the tax adviser is not in the category handwerk")
	}
	// Back goes to the unfiltered list.
	if err := chromedp.Do(ctx,
		chromedp.NavigateBack(),
		waitFor(`!document.getElementById("members").hidden && location.search === ""`),
	); err != nil {
		t.Errorf("back should restore the full list: %v", err)
	}

	// The filter by thanks, a checkbox ticked with the keyboard, leaves
	// the members whose static cards say they were thanked for referrals
	// (all 12 are on the home page), and each result card says it as
	// the static card does.
	static := eval(`JSON.stringify(Object.fromEntries([...document.querySelectorAll("#members > li.card")].filter((li) => li.querySelector(".thanked")).map((li) => [li.id.slice(2), li.querySelector(".thanked").textContent])))`).(string)
	if err := chromedp.Do(ctx,
		waitFor(`document.querySelector('#filters input[type=checkbox][name="thanked"]') !== null`),
		chromedp.Focus(chromedp.CSS(`#filters input[name="thanked"]`)),
		chromedp.KeyEvent(" "),
		waitFor(`!document.getElementById("results").hidden && document.querySelectorAll("#results > li.card:not(.pending)").length > 0`),
	); err != nil {
		t.Fatalf("the filter by thanks: %v", err)
	}
	if l := location().Query().Get("thanked"); l != "1" {
		t.Errorf("the filter by thanks should be in the URL, got thanked=%q", l)
	}
	if name := eval(`document.querySelector('#filters input[name="thanked"]').labels[0].textContent`).(string); !strings.HasPrefix(name, "Mit bewährten Empfehlungen (") {
		t.Errorf("the checkbox's label is %q, want the filter's name and its count", name)
	}
	if err := chromedp.Do(ctx, waitFor(`!document.querySelector("#results > li.pending")`)); err != nil {
		t.Fatal(err)
	}
	results := eval(`JSON.stringify(Object.fromEntries([...document.querySelectorAll("#results > li.card")].map((li) => [li.dataset.slug, (li.querySelector(".thanked") || {}).textContent || ""])))`).(string)
	if static == "{}" {
		t.Fatal("no static card on the home page says its member was thanked; the example site should have some")
	}
	var want, got map[string]string
	if err := json.Unmarshal([]byte(static), &want); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(results), &got); err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(got, want) {
		t.Errorf("filtered by thanks, the results and their thanks lines are %v, want those of the static cards %v", got, want)
	}
	if n := eval(`document.querySelector('#filters input[name="thanked"]').labels[0].textContent`).(string); !strings.Contains(n, fmt.Sprintf("(%d)", len(want))) {
		t.Errorf("the checkbox's label %q should count the %d members thanked", n, len(want))
	}

	// A profile page, to see its scripts run cleanly too.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/members/lena-schaefer/"),
		chromedp.WaitVisible(chromedp.ID("refer")),
	); err != nil {
		t.Fatal(err)
	}

	problems, requests := seen.take()
	for _, p := range problems {
		t.Error(p)
	}
	if len(requests) < 5 {
		t.Fatalf("only %d requests recorded; the listener is not working", len(requests))
	}
	for _, r := range foreign(requests, own.Host) {
		t.Errorf("request to another host: %s", r)
	}
}

// missing ends a test that needs a tool the machine lacks: locally it
// skips with msg, which says how to install the tool; in CI (CI=true) it
// fails, since .ci/run installs every tool the tests need and a skipped
// browser test there would hide a broken page.
func missing(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + "; .ci/run should have installed it")
	}
	t.Skip(msg)
}

// pageLog collects what the pages of a tab do that a visitor should never
// see (console errors and warnings, uncaught exceptions, errors the
// browser logs itself such as a resource that failed to load or a
// Content-Security-Policy block) and the URL of every request.
type pageLog struct {
	mu       sync.Mutex
	problems []string
	requests []string
}

// watch starts recording the tab of ctx, which must already be open, into
// a new pageLog.
func watch(t *testing.T, ctx context.Context) *pageLog {
	t.Helper()
	l := &pageLog{}
	err := chromedp.Listen(ctx, func(ev any) {
		l.mu.Lock()
		defer l.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			l.requests = append(l.requests, e.Request.URL)
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
				var args []string
				for _, a := range e.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				l.problems = append(l.problems, "console: "+strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			d := e.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			l.problems = append(l.problems, "exception: "+msg)
		case *cdplog.EventEntryAdded:
			// Chromium asks for /favicon.ico by itself when a page names
			// no icon, at a moment of its choosing: whether its 404 came
			// before a page was judged would be luck.
			if e.Entry.Level == cdplog.EntryLevelError && !strings.HasSuffix(e.Entry.URL, "/favicon.ico") {
				l.problems = append(l.problems, fmt.Sprintf("browser %s error: %s %s", e.Entry.Source, e.Entry.Text, e.Entry.URL))
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	// The Log domain is off by default; it reports what the page's own
	// console calls do not: failed loads and CSP violations.
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	return l
}

// take returns what was recorded since the last take and starts afresh,
// so that each page can be judged on its own.
func (l *pageLog) take() (problems, requests []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	problems, requests = l.problems, l.requests
	l.problems, l.requests = nil, nil
	return problems, requests
}

// foreign returns the requests that go to a host other than host; data:
// URLs stay on the page and do not count.
func foreign(requests []string, host string) []string {
	var out []string
	for _, r := range requests {
		u, err := url.Parse(r)
		if err != nil || u.Host != host && u.Scheme != "data" {
			out = append(out, r)
		}
	}
	return out
}

// TestBrowserSearchOtherPages: a search result for a member whose card
// is on another page of the directory still offers Recommend and the
// profile link (Recommend leads to the referral box of the profile), and
// the copy button's confirmation reaches screen readers.
func TestBrowserSearchOtherPages(t *testing.T) {
	ctx, done := browser(t)
	defer done()

	root, _ := filepath.Abs("../..")
	src := t.TempDir()
	if err := os.CopyFS(filepath.Join(src, "content"), os.DirFS(filepath.Join(root, "content"))); err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile(filepath.Join(root, "config.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// Ten cards a page: the example's twelve members take two.
	cfg = regexp.MustCompile(`(?m)^page_size: \d+$`).ReplaceAll(cfg, []byte("page_size: 10"))
	if err := os.WriteFile(filepath.Join(src, "config.yaml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	srv := static(t, builtSite(t, src))

	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/page/2/"),
		chromedp.WaitVisible(chromedp.CSS("#members li.card")),
	); err != nil {
		t.Fatal(err)
	}
	card, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => { const a = document.querySelector("#members li.card .card-name a"); return [a.closest("li").id.slice(2), a.textContent]; })()`))
	if err != nil {
		t.Fatal(err)
	}
	slug, name := card[0], card[1]
	words := strings.Fields(name)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("#filters select")),
		chromedp.SendKeys(chromedp.ID("q"), words[len(words)-1]),
		waitFor(`!!document.querySelector('#results li[data-slug="`+slug+`"] .card-actions')`),
	); err != nil {
		t.Fatalf("searching for %s (on page 2) from page 1: %v", name, err)
	}
	links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#results li[data-slug="`+slug+`"] .card-actions a')].flatMap((a) => [a.getAttribute("href"), a.getAttribute("aria-label"), a.textContent])`))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"/members/" + slug + "/#refer", name + " empfehlen", "Empfehlen", "/members/" + slug + "/", "Profil ansehen: " + name, "Profil ansehen"}
	if fmt.Sprint(links) != fmt.Sprint(want) {
		t.Errorf("actions of a result from page 2: %q, want %q", links, want)
	}

	// Copying the introduction text says so to screen readers too.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/members/"+slug+"/"),
		chromedp.WaitVisible(chromedp.ID("refer")),
		chromedp.Click(chromedp.CSS("details.copy summary")),
		chromedp.Click(chromedp.CSS("[data-copy]")),
		waitFor(`document.querySelector('[role="status"][data-copy-status]').textContent !== ""`),
	); err != nil {
		t.Errorf("the copy confirmation is not in a status element: %v", err)
	}
}

// evaluator returns a function that runs js in the page of ctx and
// returns its value, ending the test when the script fails.
func evaluator(t *testing.T, ctx context.Context) func(js string) any {
	return func(js string) any {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[any](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
}
