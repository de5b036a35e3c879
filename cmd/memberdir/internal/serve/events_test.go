package serve

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// stream is an open event stream of a test server.
type stream struct {
	t      *testing.T
	resp   *http.Response
	blocks chan []string // the stream's blocks, split at blank lines
	close  context.CancelFunc
}

// openStream connects to the event stream at target with the given
// request headers (name, value, …).
func openStream(t *testing.T, ts *httptest.Server, target string, header ...string) *stream {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	req, err := http.NewRequestWithContext(ctx, "GET", ts.URL+target, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	st := &stream{t: t, resp: resp, blocks: make(chan []string, 100), close: cancel}
	go func() {
		defer close(st.blocks)
		sc := bufio.NewScanner(resp.Body)
		var block []string
		for sc.Scan() {
			if sc.Text() != "" {
				block = append(block, sc.Text())
				continue
			}
			st.blocks <- block
			block = nil
		}
	}()
	t.Cleanup(func() {
		cancel()
		resp.Body.Close()
	})
	return st
}

// next returns the next block of the stream, failing after a deadline.
func (st *stream) next() []string {
	st.t.Helper()
	select {
	case b, ok := <-st.blocks:
		if !ok {
			st.t.Fatal("event stream ended")
		}
		return b
	case <-time.After(5 * time.Second):
		st.t.Fatal("no event within 5s")
	}
	return nil
}

// nextEvent skips comments and returns the next block that is an event.
func (st *stream) nextEvent() []string {
	st.t.Helper()
	for {
		b := st.next()
		if len(b) > 0 && !strings.HasPrefix(b[0], ":") && !strings.HasPrefix(b[0], "retry:") {
			return b
		}
	}
}

// eventually polls cond until it holds, failing after a deadline.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestEvents(t *testing.T) {
	s, b := newBuilt(t, testSite()) // build 1
	s.heartbeat = 20 * time.Millisecond
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close) // after the streams' cleanups, which end them

	st := openStream(t, ts, "/_memberdir/events?since=1")
	if got := st.resp.Header.Get("Content-Type"); got != "text/event-stream" {
		t.Errorf("Content-Type %q", got)
	}
	if got := st.resp.Header.Get("Cache-Control"); got != "no-store" {
		t.Errorf("Cache-Control %q", got)
	}
	if b := st.next(); len(b) != 1 || b[0] != "retry: 1000" {
		t.Errorf("first block %q, want the retry delay", b)
	}
	// The page is current, so what comes first is a heartbeat, no reload.
	if b := st.next(); len(b) != 1 || b[0] != ": heartbeat" {
		t.Errorf("block %q, want a heartbeat", b)
	}
	eventually(t, "one client", func() bool { return s.clientCount() == 1 })

	for _, id := range []string{"2", "3"} {
		s.Rebuild()
		want := []string{"id: " + id, "event: reload", "data: " + id}
		if b := st.nextEvent(); strings.Join(b, "\n") != strings.Join(want, "\n") {
			t.Errorf("event %q, want %q", b, want)
		}
	}

	// A failed build reloads the page too, to show the problems.
	b.set(nil, problemList)
	s.Rebuild()
	if ev := st.nextEvent(); len(ev) < 2 || ev[0] != "id: 4" || ev[1] != "event: reload" {
		t.Errorf("event after a failed build %q", ev)
	}

	st.close()
	eventually(t, "the client to be removed", func() bool { return s.clientCount() == 0 })
}

func TestEventsStalePage(t *testing.T) {
	s, _ := newBuilt(t, testSite())
	s.Rebuild() // build 2
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close) // after the streams' cleanups, which end them

	// A page of build 1 opens its stream after build 2: it reloads at once.
	st := openStream(t, ts, "/_memberdir/events?since=1")
	if b := st.nextEvent(); len(b) < 2 || b[0] != "id: 2" || b[1] != "event: reload" {
		t.Errorf("stale page: %q, want a reload", b)
	}
	// So does a browser reconnecting after it saw another build (of a
	// server that has since restarted).
	st = openStream(t, ts, "/_memberdir/events", "Last-Event-ID", "7")
	if b := st.nextEvent(); len(b) < 2 || b[0] != "id: 2" || b[1] != "event: reload" {
		t.Errorf("reconnect: %q, want a reload", b)
	}
}

func TestReloadScript(t *testing.T) {
	s, _ := newBuilt(t, testSite())
	w := do(s, "GET", "/_memberdir/reload.js")
	body, _ := io.ReadAll(w.Body)
	for _, want := range []string{`getAttribute("data-events")`, `addEventListener("reload"`, "location.reload()"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("reload.js lacks %s", want)
		}
	}
}
