// Package serve is the preview server of "memberdir serve". Its model is a
// built site held in memory as a map from slash path to bytes: Rebuild
// swaps in a new map after every good build and keeps the last good one when
// a build fails, ServeHTTP serves whichever map is current (showing the
// problems of a failed build on top of every page), Server-Sent Events tell
// the browsers to reload, and Watch turns bursts of file events into single
// rebuilds, as fsnotify's cmd/fsnotify/dedup.go and litestream's
// directory_watcher.go do.
//
// Everything the server adds to a page (the reload script, the problem
// overlay) is injected while serving; the build output never contains it.
package serve

import (
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultTitle heads the list of problems while the last build failed.
const DefaultTitle = "The site could not be rebuilt — fix these problems; this page reloads by itself"

// BuildFunc builds the whole site: slash paths relative to the site root
// ("index.html", "members/anna/index.html") mapped to their content. On
// problems in the content it returns a member.ErrorList. The server owns the
// returned map and never modifies it.
type BuildFunc func() (map[string][]byte, error)

// Server serves the latest good build from memory and rebuilds on changes.
// Set its exported fields before it serves, rebuilds or watches.
type Server struct {
	// Title heads the problem overlay of a failed build; DefaultTitle when
	// empty. A site in another language sets its own.
	Title string

	// OnRebuild, when set, is called after every build with its duration
	// and error (nil on success), so that a command can report each one.
	// Builds never overlap, so neither do the calls.
	OnRebuild func(took time.Duration, err error)

	// OnChange, when set, is called by Watch with the path of each changed
	// source file, relative to the site's root with slashes, before the
	// rebuild it causes; and with "" when any file may have changed
	// unseen: as watching begins, when the watcher lost events, and when
	// a whole folder appeared or went. A builder may rely on it to skip
	// checking the files it was not told about.
	OnChange func(rel string)

	build BuildFunc
	base  atomic.Pointer[string] // "/" or "/directory/"

	// buildMu makes builds run one at a time; state is swapped under it
	// and read without it, so requests never wait for a build.
	buildMu sync.Mutex
	state   atomic.Pointer[snapshot]

	mu      sync.Mutex
	clients map[chan uint64]struct{} // open event streams

	heartbeat time.Duration // between SSE comments that keep proxies from closing idle streams
	quiet     time.Duration // how long events must pause before a rebuild
	maxWait   time.Duration // how long a steady stream of events may delay a rebuild
	ready     func()        // called by Watch once its watches are set up; for tests
}

// snapshot is what the server shows: the last good build and the last
// build's error. It is never modified once stored.
type snapshot struct {
	files map[string][]byte // the last good build
	good  bool              // whether any build succeeded yet
	err   error             // the last build's error, nil if it succeeded
	gen   uint64            // the number of builds so far: the reload event's id
}

// New returns a server for the site that build builds. It serves nothing
// but error pages until the first Rebuild.
func New(build BuildFunc) *Server {
	s := &Server{
		build:     build,
		clients:   make(map[chan uint64]struct{}),
		heartbeat: 15 * time.Second,
		// An editor's save (write and rename, or truncate and write) comes
		// as events well within a millisecond; 25 ms of quiet joins them
		// without making the member wait.
		quiet:   25 * time.Millisecond,
		maxWait: 500 * time.Millisecond,
	}
	s.SetBasePath("/")
	s.state.Store(&snapshot{err: fmt.Errorf("the site has not been built yet")})
	return s
}

// SetBasePath serves the site under the path p, the path of the site's
// base_url ("/directory/" for "https://x.github.io/directory/"), so that
// the site's absolute links work in the preview as they will when
// published. The default is "/". It is safe to call while serving.
func (s *Server) SetBasePath(p string) {
	p = path.Clean("/" + p)
	if p != "/" {
		p += "/"
	}
	s.base.Store(&p)
}

func (s *Server) basePath() string { return *s.base.Load() }

// Rebuild runs the build once. On success it swaps in the new files; on
// failure it keeps the last good files and remembers the error to show it
// in every HTML page. Either way it tells the browsers to reload, so that
// they show the new site or its problems. Builds never overlap: a call
// waits for the running build to finish first.
func (s *Server) Rebuild() error {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()

	start := time.Now()
	files, err := s.runBuild()
	took := time.Since(start)

	old := s.state.Load()
	next := &snapshot{files: files, good: true, gen: old.gen + 1}
	if err != nil {
		next.files, next.good, next.err = old.files, old.good, err
	} else if next.files == nil {
		next.files = map[string][]byte{}
	}
	s.state.Store(next)
	if s.OnRebuild != nil {
		s.OnRebuild(took, err)
	}
	s.broadcast(next.gen)
	return err
}

// runBuild calls the build, turning a panic into an error: a bug in a
// template function must show up in the browser, not end the preview.
func (s *Server) runBuild() (files map[string][]byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			files, err = nil, fmt.Errorf("the build crashed: %v", p)
		}
	}()
	return s.build()
}

// The server's own files live under this directory of the base path, where
// no site file can be (build output has no underscore directories).
const (
	eventsPath = "_memberdir/events"
	scriptPath = "_memberdir/reload.js"
	stylePath  = "_memberdir/overlay.css"
)

// ServeHTTP serves the current build: "/" as "index.html", "/members/anna/"
// as "members/anna/index.html", and "/members/anna" as a redirect to
// "/members/anna/" when that page exists. Missing files get the site's
// 404.html with status 404. HTML pages get the reload script and, while the
// last build failed, its problems.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	// A preview must never show a stale file, so nothing is cached.
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	st := s.state.Load()
	base := s.basePath()

	p := r.URL.Path
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	// The files are a map, so no path can escape the site; still, a path
	// with ".." is never a link of the site, so it gets a 404 rather than
	// a guess at what was meant.
	if strings.ContainsAny(p, "\\\x00") || hasDotDot(p) {
		s.notFound(w, r, st)
		return
	}
	clean := path.Clean(p)
	if strings.HasSuffix(p, "/") && clean != "/" {
		clean += "/"
	}
	if clean != p {
		redirect(w, r, clean, http.StatusMovedPermanently)
		return
	}
	if base != "/" {
		if p == "/" || p+"/" == base {
			// Temporary, because another site previewed on the same
			// address may have another base path.
			redirect(w, r, base, http.StatusFound)
			return
		}
		if !strings.HasPrefix(p, base) {
			s.notFound(w, r, st)
			return
		}
	}
	rel := p[len(base):]

	switch rel {
	case eventsPath:
		s.serveEvents(w, r)
		return
	case scriptPath:
		s.serveBytes(w, r, http.StatusOK, "text/javascript; charset=utf-8", reloadScript)
		return
	case stylePath:
		s.serveBytes(w, r, http.StatusOK, "text/css; charset=utf-8", overlayStyle)
		return
	}
	if !st.good {
		s.serveBroken(w, r, st, rel)
		return
	}
	name := rel
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if body, ok := st.files[name]; ok {
		s.serveFile(w, r, st, http.StatusOK, name, body)
		return
	}
	if rel != "" && !strings.HasSuffix(rel, "/") {
		if _, ok := st.files[rel+"/index.html"]; ok {
			redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		}
	}
	s.notFound(w, r, st)
}

// hasDotDot reports whether a slash path has a ".." element.
func hasDotDot(p string) bool {
	for _, elem := range strings.Split(p, "/") {
		if elem == ".." {
			return true
		}
	}
	return false
}

// redirect sends the client to the path p, keeping the query.
func redirect(w http.ResponseWriter, r *http.Request, p string, code int) {
	u := url.URL{Path: p, RawQuery: r.URL.RawQuery}
	http.Redirect(w, r, u.String(), code)
}

// notFound serves the site's 404.html with status 404, or a plain page
// when the site has none.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, st *snapshot) {
	if !st.good {
		s.serveBroken(w, r, st, "")
		return
	}
	body, ok := st.files["404.html"]
	if !ok {
		body = []byte("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>404 page not found</title></head><body><p>404 page not found</p></body></html>\n")
	}
	s.serveFile(w, r, st, http.StatusNotFound, "404.html", body)
}

// serveFile serves a file of the build, injecting the reload script and
// any problems into HTML.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, st *snapshot, code int, name string, body []byte) {
	ctype := contentType(name)
	if isHTML(name) {
		body = s.decorate(body, st)
	}
	s.serveBytes(w, r, code, ctype, body)
}

// serveBytes writes a complete response; HEAD gets the headers only.
func (s *Server) serveBytes(w http.ResponseWriter, r *http.Request, code int, ctype string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// contentTypes are the types of the files a site has, fixed here so that
// the preview does not depend on the system's MIME tables.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".htm":         "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".svg":         "image/svg+xml",
	".vcf":         "text/vcard; charset=utf-8",
	".xml":         "application/xml; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".webmanifest": "application/manifest+json",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".webp":        "image/webp",
	".ico":         "image/x-icon",
	".woff2":       "font/woff2",
}

// contentType returns the Content-Type of a file by its extension.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// isHTML reports whether a file is a page that gets the injections.
func isHTML(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".html" || ext == ".htm"
}
