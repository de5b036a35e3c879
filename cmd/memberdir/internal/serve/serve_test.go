package serve

import (
	"errors"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// testSite is a small built site with one file of every kind.
func testSite() map[string][]byte {
	return map[string][]byte{
		"index.html":                []byte("<!DOCTYPE html>\n<html><head><title>Home</title></head>\n<body class=\"home\">\n<h1>Home</h1>\n</body>\n</html>\n"),
		"members/anna/index.html":   []byte("<!DOCTYPE html><html><head><title>Anna</title></head><BODY data-x='a>b'><h1>Anna</h1></BODY></html>"),
		"members/anna.vcf":          []byte("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna\r\nEND:VCARD\r\n"),
		"assets/site.1a2b3c4d.css":  []byte("body{margin:0}"),
		"assets/search.1a2b3c4d.js": []byte("console.log(1)"),
		"assets/logo.svg":           []byte("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"),
		"search-index.json":         []byte("{}"),
		"sitemap.xml":               []byte("<?xml version=\"1.0\"?><urlset></urlset>"),
		"robots.txt":                []byte("User-agent: *\n"),
		"site.webmanifest":          []byte("{}"),
		"fragment.html":             []byte("<p>no body tag</p>"),
		"404.html":                  []byte("<!DOCTYPE html><html><body><h1>Not here</h1></body></html>"),
	}
}

// switchable is a build whose result a test sets between rebuilds.
type switchable struct {
	mu    sync.Mutex
	files map[string][]byte
	err   error
}

func (b *switchable) set(files map[string][]byte, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.files, b.err = files, err
}

func (b *switchable) build() (map[string][]byte, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return nil, b.err
	}
	return b.files, nil
}

// newBuilt returns a server that has built files once.
func newBuilt(t *testing.T, files map[string][]byte) (*Server, *switchable) {
	t.Helper()
	b := &switchable{files: files}
	s := New(b.build)
	if err := s.Rebuild(); err != nil {
		t.Fatalf("Rebuild: %v", err)
	}
	return s, b
}

// do serves one request with the handler alone, as a browser would send it.
func do(s *Server, method, target string) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest(method, target, nil))
	return w
}

const scriptTag = `<script src="/_memberdir/reload.js"`

func TestRouting(t *testing.T) {
	s, _ := newBuilt(t, testSite())
	tests := []struct {
		method, target string
		code           int
		ctype          string
		location       string
		body           string // a substring of the body
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", "", "<h1>Home</h1>"},
		{"GET", "/index.html", 200, "text/html; charset=utf-8", "", "<h1>Home</h1>"},
		{"GET", "/members/anna/", 200, "text/html; charset=utf-8", "", "<h1>Anna</h1>"},
		{"GET", "/members/anna", 301, "", "/members/anna/", ""},
		{"GET", "/members/anna?ref=x", 301, "", "/members/anna/?ref=x", ""},
		{"GET", "/members//anna/", 301, "", "/members/anna/", ""},
		{"GET", "/members/", 404, "text/html; charset=utf-8", "", "Not here"},
		{"GET", "/members/nobody/", 404, "text/html; charset=utf-8", "", "Not here"},
		{"GET", "/assets/", 404, "text/html; charset=utf-8", "", "Not here"},
		{"GET", "/members/anna.vcf", 200, "text/vcard; charset=utf-8", "", "BEGIN:VCARD"},
		{"GET", "/assets/site.1a2b3c4d.css", 200, "text/css; charset=utf-8", "", "body{margin:0}"},
		{"GET", "/assets/search.1a2b3c4d.js", 200, "text/javascript; charset=utf-8", "", "console.log"},
		{"GET", "/assets/logo.svg", 200, "image/svg+xml", "", "<svg"},
		{"GET", "/search-index.json", 200, "application/json", "", "{}"},
		{"GET", "/sitemap.xml", 200, "application/xml; charset=utf-8", "", "<urlset>"},
		{"GET", "/robots.txt", 200, "text/plain; charset=utf-8", "", "User-agent"},
		{"GET", "/site.webmanifest", 200, "application/manifest+json", "", "{}"},
		{"GET", "/_memberdir/reload.js", 200, "text/javascript; charset=utf-8", "", "EventSource"},
		{"GET", "/../../etc/passwd", 404, "text/html; charset=utf-8", "", "Not here"},
		{"GET", "/%2e%2e/%2e%2e/etc/passwd", 404, "text/html; charset=utf-8", "", "Not here"},
		{"GET", "/members/%2e%2e/index.html", 404, "text/html; charset=utf-8", "", "Not here"},
		{"GET", "/members/..%2f..%2findex.html", 404, "text/html; charset=utf-8", "", "Not here"},
		{"GET", "/assets/..%5cindex.html", 404, "text/html; charset=utf-8", "", "Not here"},
		{"POST", "/", 405, "text/plain; charset=utf-8", "", "method not allowed"},
		{"PUT", "/members/anna/", 405, "text/plain; charset=utf-8", "", "method not allowed"},
	}
	for _, tt := range tests {
		w := do(s, tt.method, tt.target)
		name := tt.method + " " + tt.target
		if w.Code != tt.code {
			t.Errorf("%s: status %d, want %d", name, w.Code, tt.code)
		}
		if tt.ctype != "" && w.Header().Get("Content-Type") != tt.ctype {
			t.Errorf("%s: Content-Type %q, want %q", name, w.Header().Get("Content-Type"), tt.ctype)
		}
		if got := w.Header().Get("Location"); got != tt.location {
			t.Errorf("%s: Location %q, want %q", name, got, tt.location)
		}
		if !strings.Contains(w.Body.String(), tt.body) {
			t.Errorf("%s: body does not contain %q:\n%s", name, tt.body, w.Body)
		}
		if got := w.Header().Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s: Cache-Control %q, want no-store", name, got)
		}
		if got := w.Header().Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options %q, want nosniff", name, got)
		}
		if tt.code == 405 && w.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: Allow %q", name, w.Header().Get("Allow"))
		}
	}
}

func TestHead(t *testing.T) {
	s, _ := newBuilt(t, testSite())
	for _, target := range []string{"/", "/members/anna.vcf", "/nothing/"} {
		get, head := do(s, "GET", target), do(s, "HEAD", target)
		if head.Code != get.Code {
			t.Errorf("HEAD %s: status %d, GET has %d", target, head.Code, get.Code)
		}
		if head.Body.Len() != 0 {
			t.Errorf("HEAD %s: body %q, want none", target, head.Body)
		}
		if got, want := head.Header().Get("Content-Length"), get.Header().Get("Content-Length"); got != want || want == "" {
			t.Errorf("HEAD %s: Content-Length %q, GET has %q", target, got, want)
		}
	}
}

func TestBasePath(t *testing.T) {
	s, _ := newBuilt(t, testSite())
	s.SetBasePath("directory") // normalized to "/directory/"
	tests := []struct {
		target   string
		code     int
		location string
		body     string
	}{
		{"/", 302, "/directory/", ""},
		{"/?q=anna", 302, "/directory/?q=anna", ""},
		{"/directory", 302, "/directory/", ""},
		{"/directory/", 200, "", "<h1>Home</h1>"},
		{"/directory/members/anna/", 200, "", "<h1>Anna</h1>"},
		{"/directory/members/anna", 301, "/directory/members/anna/", ""},
		{"/directory/members/anna.vcf", 200, "", "BEGIN:VCARD"},
		{"/members/anna/", 404, "", "Not here"},
		{"/directoryx/", 404, "", "Not here"},
		{"/directory/_memberdir/reload.js", 200, "", "EventSource"},
	}
	for _, tt := range tests {
		w := do(s, "GET", tt.target)
		if w.Code != tt.code || w.Header().Get("Location") != tt.location || !strings.Contains(w.Body.String(), tt.body) {
			t.Errorf("GET %s: %d Location %q body %q; want %d %q containing %q",
				tt.target, w.Code, w.Header().Get("Location"), w.Body, tt.code, tt.location, tt.body)
		}
	}
	body := do(s, "GET", "/directory/").Body.String()
	if want := `<script src="/directory/_memberdir/reload.js" data-events="/directory/_memberdir/events?since=1" defer></script>`; !strings.Contains(body, want) {
		t.Errorf("page under a base path lacks %s:\n%s", want, body)
	}
	s.SetBasePath("/")
	if w := do(s, "GET", "/members/anna/"); w.Code != 200 {
		t.Errorf("after SetBasePath(\"/\"): GET /members/anna/: %d, want 200", w.Code)
	}
}

func TestScriptInjection(t *testing.T) {
	site := testSite()
	s, _ := newBuilt(t, site)

	// Into HTML: once, just before the last </body>, the page otherwise intact.
	body := do(s, "GET", "/").Body.String()
	want := string(site["index.html"])
	want = strings.Replace(want, "</body>", `<script src="/_memberdir/reload.js" data-events="/_memberdir/events?since=1" defer></script></body>`, 1)
	if body != want {
		t.Errorf("GET /:\n got %q\nwant %q", body, want)
	}
	anna := do(s, "GET", "/members/anna/").Body.String()
	if i := strings.Index(anna, scriptTag); i < 0 || !strings.HasSuffix(anna[:i], "<h1>Anna</h1>") {
		t.Errorf("script not before upper-case </BODY>: %q", anna)
	}
	// A page without </body> gets it at the end.
	frag := do(s, "GET", "/fragment.html").Body.String()
	if !strings.HasPrefix(frag, "<p>no body tag</p>"+scriptTag) {
		t.Errorf("fragment: %q", frag)
	}
	// The 404 page is HTML too.
	if nf := do(s, "GET", "/nothing/").Body.String(); !strings.Contains(nf, scriptTag) {
		t.Errorf("404 page lacks the script: %q", nf)
	}
	// Anything else is served byte for byte.
	for _, name := range []string{"members/anna.vcf", "assets/site.1a2b3c4d.css", "assets/search.1a2b3c4d.js", "assets/logo.svg", "search-index.json", "sitemap.xml"} {
		if got := do(s, "GET", "/"+name).Body.String(); got != string(site[name]) {
			t.Errorf("%s changed in serving: %q", name, got)
		}
	}
	// The build's own files are never touched.
	if strings.Contains(string(site["index.html"]), "_memberdir") {
		t.Error("serving modified the build's map")
	}
}

// problemList is a failed build's error with a member's text that would
// run as script if it were not escaped.
var problemList = member.ErrorList{
	{Pos: member.Pos{Path: "content/members/anna.md", Line: 3, Col: 7}, Field: "mission", Msg: "is too long: <script>alert(1)</script>"},
	{Pos: member.Pos{Path: "content/members/ben.md", Line: 9, Col: 3}, Field: "contact.email", Msg: `"ben(at)example.de" is not an e-mail address`},
}

func TestOverlay(t *testing.T) {
	s, b := newBuilt(t, testSite())
	b.set(nil, problemList)
	var list member.ErrorList
	if err := s.Rebuild(); !errors.As(err, &list) || len(list) != 2 {
		t.Fatalf("Rebuild returned %v, want the problems", err)
	}

	w := do(s, "GET", "/members/anna/")
	body := w.Body.String()
	if w.Code != 200 {
		t.Errorf("status %d, want 200 (the last good page)", w.Code)
	}
	for _, want := range []string{
		`role="alert"`,
		DefaultTitle,
		"content/members/anna.md:3:7: mission: is too long: &lt;script&gt;alert(1)&lt;/script&gt;",
		"content/members/ben.md:9:3: contact.email: &#34;ben(at)example.de&#34; is not an e-mail address",
		"<h1>Anna</h1>", // the last good page, below the problems
		scriptTag,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "<script>alert(1)</script>") {
		t.Errorf("a problem's text is not escaped:\n%s", body)
	}
	// Right after the opening tag, whose attribute holds a ">".
	if !strings.Contains(body, "<BODY data-x='a>b'><div role=\"alert\"") {
		t.Errorf("overlay not right after <body>:\n%s", body)
	}
	if i, j := strings.Index(body, `role="alert"`), strings.Index(body, "<h1>Anna</h1>"); i > j {
		t.Errorf("overlay after the content:\n%s", body)
	}
	if got := do(s, "GET", "/nothing/").Body.String(); !strings.Contains(got, `role="alert"`) || !strings.Contains(got, "Not here") {
		t.Errorf("404 page lacks the overlay:\n%s", got)
	}
	if got := do(s, "GET", "/assets/site.1a2b3c4d.css").Body.String(); got != "body{margin:0}" {
		t.Errorf("CSS changed by the overlay: %q", got)
	}

	// Another error type, with the title in the site's language.
	s.Title = "Die Website konnte nicht gebaut werden"
	b.set(nil, errors.New("templates/page.html:4: template: unexpected <end>"))
	s.Rebuild()
	body = do(s, "GET", "/").Body.String()
	if !strings.Contains(body, "Die Website konnte nicht gebaut werden") || !strings.Contains(body, "templates/page.html:4: template: unexpected &lt;end&gt;") {
		t.Errorf("other error not shown:\n%s", body)
	}
	if strings.Contains(body, "is too long") {
		t.Errorf("the previous problems are still shown:\n%s", body)
	}

	// A good build removes the overlay and serves the new files.
	site := testSite()
	site["index.html"] = []byte("<html><body><h1>New home</h1></body></html>")
	b.set(site, nil)
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	body = do(s, "GET", "/").Body.String()
	if strings.Contains(body, `role="alert"`) || !strings.Contains(body, "<h1>New home</h1>") {
		t.Errorf("after a good build:\n%s", body)
	}
}

func TestNeverBuilt(t *testing.T) {
	b := &switchable{err: problemList}
	s := New(b.build)
	if err := s.Rebuild(); err == nil {
		t.Fatal("Rebuild succeeded")
	}
	for _, target := range []string{"/", "/members/anna/", "/members/anna", "/index.html"} {
		w := do(s, "GET", target)
		body := w.Body.String()
		if w.Code != 500 || w.Header().Get("Content-Type") != "text/html; charset=utf-8" {
			t.Errorf("GET %s: %d %s, want 500 HTML", target, w.Code, w.Header().Get("Content-Type"))
		}
		if !strings.Contains(body, "&lt;script&gt;alert(1)") || strings.Contains(body, "<script>alert") || !strings.Contains(body, scriptTag) {
			t.Errorf("GET %s: error page:\n%s", target, body)
		}
	}
	w := do(s, "GET", "/assets/site.css")
	if w.Code != 500 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/plain") || !strings.Contains(w.Body.String(), "content/members/ben.md:9:3") {
		t.Errorf("GET CSS: %d %s %q", w.Code, w.Header().Get("Content-Type"), w.Body)
	}
	// The reload script is served, so the error page recovers by itself.
	if w := do(s, "GET", "/_memberdir/reload.js"); w.Code != 200 {
		t.Errorf("reload.js: %d", w.Code)
	}

	b.set(testSite(), nil)
	s.Rebuild()
	if w := do(s, "GET", "/"); w.Code != 200 || strings.Contains(w.Body.String(), `role="alert"`) {
		t.Errorf("after the first good build: %d\n%s", w.Code, w.Body)
	}
}

func TestBuildPanic(t *testing.T) {
	s := New(func() (map[string][]byte, error) { panic("template bug") })
	if err := s.Rebuild(); err == nil || !strings.Contains(err.Error(), "template bug") {
		t.Fatalf("Rebuild: %v, want the panic as an error", err)
	}
	if body := do(s, "GET", "/").Body.String(); !strings.Contains(body, "template bug") {
		t.Errorf("panic not shown:\n%s", body)
	}
}

func TestBodyTags(t *testing.T) {
	tests := []struct {
		page       string
		open, shut int
	}{
		{"<html><body></body></html>", 12, 12},
		{"<body>", 6, 6},
		{"<BoDy class=\"a>b\" id='c>d'>x</bOdY >", 27, 28},
		{"<bodyx><body\n>y</body>z</body>", 14, 23},
		{"<p>none</p>", -1, 11},
		{"<body class=\"never closed", -1, 25},
	}
	for _, tt := range tests {
		if got := bodyOpen([]byte(tt.page)); got != tt.open {
			t.Errorf("bodyOpen(%q) = %d, want %d", tt.page, got, tt.open)
		}
		if got := bodyClose([]byte(tt.page)); got != tt.shut {
			t.Errorf("bodyClose(%q) = %d, want %d", tt.page, got, tt.shut)
		}
	}
}

func TestRebuildsNeverOverlap(t *testing.T) {
	var running, overlaps, builds atomic.Int32
	s := New(func() (map[string][]byte, error) {
		if running.Add(1) > 1 {
			overlaps.Add(1)
		}
		time.Sleep(time.Millisecond) // widen the window an overlap would need
		builds.Add(1)
		running.Add(-1)
		return testSite(), nil
	})
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() { s.Rebuild() })
	}
	// Requests meanwhile are answered from the current state.
	for range 50 {
		do(s, "GET", "/")
	}
	wg.Wait()
	if overlaps.Load() != 0 {
		t.Errorf("%d builds overlapped", overlaps.Load())
	}
	if got := s.state.Load().gen; got != 20 || builds.Load() != 20 {
		t.Errorf("generation %d after %d builds, want 20", got, builds.Load())
	}
}

func TestHandlerDoesNotWaitForBuild(t *testing.T) {
	started, gate := make(chan struct{}), make(chan struct{})
	calls := 0 // guarded by the server: builds never overlap
	s := New(func() (map[string][]byte, error) {
		calls++
		if calls > 1 {
			close(started)
			<-gate
		}
		return testSite(), nil
	})
	s.Rebuild()
	done := make(chan error, 1)
	go func() { done <- s.Rebuild() }()
	defer func() { close(gate); <-done }()
	<-started

	// The second build is blocked; requests must still be answered.
	answered := make(chan int, 1)
	go func() { answered <- do(s, "GET", "/").Code }()
	select {
	case code := <-answered:
		if code != 200 {
			t.Errorf("status %d during a build", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a request waited for a build")
	}
}
