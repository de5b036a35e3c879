package main

import (
	"context"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/serve"
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
		if os.Getenv("CI") == "true" {
			t.Fatal("no chromium on PATH; .ci/run should have installed it")
		}
		t.Skip("no chromium on PATH (apt-get install chromium)")
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
	preview := serve.New(buildSite(root, false))
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

	var mu sync.Mutex
	var problems, requests []string
	// Open the tab first, so that the listener sees everything after it.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			requests = append(requests, e.Request.URL)
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
				var args []string
				for _, a := range e.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				problems = append(problems, "console: "+strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			d := e.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			problems = append(problems, "exception: "+msg)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	wait := func(js string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Poll[bool](js, chromedp.WithPollingTimeout(10*time.Second))(ctx, t)
			return err
		})
	}
	eval := func(js string) any {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[any](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
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
		wait(`document.querySelector("#results").textContent.includes("Weißenfels")`),
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
	if eval(`document.getElementById("members").hidden`) != true {
		t.Error("the full list should make way for the results")
	}
	if eval(`getComputedStyle(document.getElementById("members")).display`) != "none" {
		t.Error("the hidden full list is still displayed")
	}
	if status := eval(`document.getElementById("search-status").textContent`).(string); !strings.Contains(status, "gefunden") {
		t.Errorf("the result count should be announced, status is %q", status)
	}
	if q := location().Query().Get("q"); q != "steuer" {
		t.Errorf("the query should be in the URL, got q=%q", q)
	}

	// Umlauts in both spellings: "goerres" finds Matthias Görres.
	eval(`document.getElementById("q").value = ""`)
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("q"), "goerres"),
		wait(`document.querySelector("#results").textContent.includes("Görres")`),
	); err != nil {
		t.Fatalf("goerres should find Görres: %v", err)
	}

	// Esc clears the box: the full list comes back and q leaves the URL.
	if err := chromedp.Do(ctx,
		chromedp.KeyEvent(kb.Escape),
		wait(`!document.getElementById("members").hidden && document.getElementById("q").value === ""`),
	); err != nil {
		t.Errorf("Esc should clear the search: %v", err)
	}
	if q := location().Query().Get("q"); q != "" {
		t.Errorf("after Esc the URL still has q=%q", q)
	}

	// A category filter on its own, before typing anything.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("#filters select")),
	); err != nil {
		t.Fatal(err)
	}
	eval(`(() => { const s = document.querySelector('#filters select[name="tag"]'); s.value = "handwerk"; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	if err := chromedp.Do(ctx, wait(`document.querySelector("#results").textContent.includes("Görres")`)); err != nil {
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
		wait(`!document.getElementById("members").hidden && location.search === ""`),
	); err != nil {
		t.Errorf("back should restore the full list: %v", err)
	}

	// A profile page, to see its scripts run cleanly too.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/members/lena-schaefer/"),
		chromedp.WaitVisible(chromedp.ID("refer")),
	); err != nil {
		t.Fatal(err)
	}

	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Error(p)
	}
	if len(requests) < 5 {
		t.Fatalf("only %d requests recorded; the listener is not working", len(requests))
	}
	for _, r := range requests {
		u, err := url.Parse(r)
		if err != nil || u.Host != own.Host && u.Scheme != "data" {
			t.Errorf("request to another host: %s", r)
		}
	}
}
