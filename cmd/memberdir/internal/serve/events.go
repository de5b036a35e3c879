package serve

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// reloadScript is served as _memberdir/reload.js and referenced from every
// served page, rather than inlined, so that a site's Content-Security-Policy
// with script-src 'self' allows it. Its tag carries the URL of the event
// stream with the build the page came from, so a page that missed a rebuild
// while loading reloads at once.
var reloadScript = []byte(`// Injected by "memberdir serve" only: reloads the page after every rebuild.
(function () {
	"use strict";
	var script = document.currentScript;
	if (!script || !window.EventSource) {
		return;
	}
	var events = new EventSource(script.getAttribute("data-events"));
	events.addEventListener("reload", function () {
		events.close();
		location.reload();
	});
})();
`)

// serveEvents streams Server-Sent Events to one browser: "reload" after
// every build, with the build's number as id, and a comment every heartbeat
// so that idle connections stay open. It returns when the browser goes
// away or the server shuts down (the request's context ends).
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	if r.Method == http.MethodHead {
		w.WriteHeader(http.StatusOK)
		return
	}
	// The stream outlives any write timeout the http.Server may have.
	rc.SetWriteDeadline(time.Time{})

	// Subscribe before looking at the current build, so that a build
	// finishing in between is announced rather than lost.
	ch := s.subscribe()
	defer s.unsubscribe(ch)
	w.WriteHeader(http.StatusOK)
	io.WriteString(w, "retry: 1000\n\n")

	// The page says which build it shows: in the URL when it opens the
	// stream, and as Last-Event-ID when the browser reconnects (after a
	// restart of the server, say). If the site was rebuilt since, reload.
	seen := r.Header.Get("Last-Event-ID")
	if seen == "" {
		seen = r.URL.Query().Get("since")
	}
	if cur := s.state.Load().gen; seen != "" && seen != strconv.FormatUint(cur, 10) {
		writeReload(w, cur)
	}
	if rc.Flush() != nil {
		return
	}

	tick := time.NewTicker(s.heartbeat)
	defer tick.Stop()
	for {
		var err error
		select {
		case <-r.Context().Done():
			return
		case gen := <-ch:
			err = writeReload(w, gen)
		case <-tick.C:
			_, err = io.WriteString(w, ": heartbeat\n\n")
		}
		if err == nil {
			err = rc.Flush()
		}
		if err != nil {
			return
		}
	}
}

// writeReload writes one reload event. It has data because browsers drop
// events without any.
func writeReload(w io.Writer, gen uint64) error {
	_, err := fmt.Fprintf(w, "id: %d\nevent: reload\ndata: %d\n\n", gen, gen)
	return err
}

// subscribe registers a new event stream. Its channel holds at most the
// latest build number, so a slow browser never blocks a build.
func (s *Server) subscribe() chan uint64 {
	ch := make(chan uint64, 1)
	s.mu.Lock()
	s.clients[ch] = struct{}{}
	s.mu.Unlock()
	return ch
}

// unsubscribe removes an event stream registered by subscribe.
func (s *Server) unsubscribe(ch chan uint64) {
	s.mu.Lock()
	delete(s.clients, ch)
	s.mu.Unlock()
}

// broadcast tells every event stream that build gen is ready, replacing
// any build number a stream has not sent yet.
func (s *Server) broadcast(gen uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for ch := range s.clients {
		select {
		case <-ch:
		default:
		}
		// Only broadcast sends, under s.mu, so the emptied buffer has room.
		ch <- gen
	}
}

// clientCount returns the number of open event streams.
func (s *Server) clientCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.clients)
}
