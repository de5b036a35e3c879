package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the command's goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs "memberdir serve" on the site in dir until it serves,
// and returns its address and a stop function that ends it as Ctrl-C
// does and reports how it ended.
func startServe(t *testing.T, dir string) (string, func() int) {
	return startServeAt(t, dir, "127.0.0.1:0")
}

// startServeAt is startServe with --addr.
func startServeAt(t *testing.T, dir, listen string) (string, func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"serve", "--source", dir, "--addr", listen}, &out, &errOut) }()
	addr := regexp.MustCompile(`(?:Serving at|Vorschau unter) (http://127\.0\.0\.1:\d+/)`)
	deadline := time.Now().Add(10 * time.Second)
	for !addr.MatchString(out.String()) {
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("serve did not start:\n%s\n%s", out.String(), errOut.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	stopped := false
	stop := func() int {
		if stopped {
			return 0
		}
		stopped = true
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("serve ended with exit %d: %s", code, errOut.String())
			}
			return code
		case <-time.After(10 * time.Second):
			t.Fatal("serve did not stop after Ctrl-C")
			return -1
		}
	}
	t.Cleanup(func() { stop() })
	return addr.FindStringSubmatch(out.String())[1], stop
}

// TestServeWritesNothing runs "memberdir serve" on a site until it serves,
// stops it as Ctrl-C does, and checks that it returned cleanly and wrote
// no public/ (the preview lives in memory).
func TestServeWritesNothing(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"config.yaml":                     "title: Test\nlanguage: en\n",
		"content/members/anna-mueller.md": okProfile,
	})
	_, stop := startServe(t, dir)
	stop()
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("serve wrote public/ (%v)", err)
	}
}

// TestServeFollowsEdits runs the real "memberdir serve" and edits its site
// as members and organisers do: the served pages must follow every edit,
// addition, rename, deletion and template change, show a broken profile's
// problem over the last good page, and end a burst of saves in the right
// state. Rebuilds here trust the watcher's reports of what changed, so a
// report that went missing would show as a stale page.
func TestServeFollowsEdits(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"config.yaml":                     "title: Test\nlanguage: en\n",
		"content/members/anna-mueller.md": okProfile,
	})
	base, _ := startServe(t, dir)
	get := func(p string) (int, string) {
		resp, err := http.Get(base + strings.TrimPrefix(p, "/"))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	// until waits for the page at p to answer code and contain want.
	until := func(step, p string, code int, want string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			c, body := get(p)
			if c == code && strings.Contains(body, want) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: %s answers %d without %q:\n%.600s", step, p, c, want, body)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	members := func(name string) string { return filepath.Join(dir, "content", "members", name) }
	profile := func(name, mission string) string {
		return "---\nname: " + name + "\nmission: " + mission + "\nwhy: Darum.\nofferings: [Beratung]\ncontact: {email: x@example.org}\n---\n"
	}

	until("start", "/members/anna-mueller/", 200, "Ich helfe.")

	write("content/members/anna-mueller.md", profile("Anna Müller", "Ich helfe jetzt anders."))
	until("edit", "/members/anna-mueller/", 200, "Ich helfe jetzt anders.")
	until("edit, home", "/", 200, "Ich helfe jetzt anders.")
	until("edit, data", "/members/1.json", 200, "Ich helfe jetzt anders.")

	write("content/members/ben-beispiel.md", profile("Ben Beispiel", "Ich baue."))
	until("add", "/members/ben-beispiel/", 200, "Ich baue.")

	if err := os.Rename(members("ben-beispiel.md"), members("bert-beispiel.md")); err != nil {
		t.Fatal(err)
	}
	until("rename", "/members/bert-beispiel/", 200, "Ich baue.")
	until("rename, old page gone", "/members/ben-beispiel/", 404, "")

	// An editor's atomic save: a temporary file renamed over the profile.
	write("content/members/.bert.tmp", profile("Bert Beispiel", "Ich baue neu."))
	if err := os.Rename(members(".bert.tmp"), members("bert-beispiel.md")); err != nil {
		t.Fatal(err)
	}
	until("atomic save", "/members/bert-beispiel/", 200, "Ich baue neu.")

	if err := os.Remove(members("bert-beispiel.md")); err != nil {
		t.Fatal(err)
	}
	until("delete", "/members/bert-beispiel/", 404, "")

	card, err := os.ReadFile("../../templates/partials/card.html")
	if err != nil {
		t.Fatal(err)
	}
	write("templates/partials/card.html", strings.Replace(string(card), `class="card"`, `class="card own-card"`, 1))
	until("template", "/", 200, "own-card")

	// A broken save: the problem shows over the last good page, which
	// stays served; the fix brings the page back without the problem.
	write("content/members/anna-mueller.md", "---\nname: Anna Müller\nmission: [unclosed\n---\n")
	until("broken", "/members/anna-mueller/", 200, "content/members/anna-mueller.md:3")
	until("broken, last good page", "/members/anna-mueller/", 200, "Ich helfe jetzt anders.")
	write("content/members/anna-mueller.md", profile("Anna Müller", "Wieder gut."))
	until("fixed", "/members/anna-mueller/", 200, "Wieder gut.")
	if _, body := get("/members/anna-mueller/"); strings.Contains(body, "anna-mueller.md:3") {
		t.Error("the fixed page still shows the problem")
	}

	// A burst of saves ends in the last one.
	for i := range 50 {
		write("content/members/anna-mueller.md", profile("Anna Müller", fmt.Sprintf("Fassung %d.", i)))
	}
	until("burst", "/members/anna-mueller/", 200, "Fassung 49.")
	until("burst, home", "/", 200, "Fassung 49.")
}

// TestServeBusyPort shows what serve says when its port is taken, e.g. by
// a preview still running in another window.
func TestServeBusyPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	addr := ln.Addr().String()
	_, port, _ := net.SplitHostPort(addr)
	n, _ := strconv.Atoi(port)
	dir := writeSite(t, map[string]string{"content/members/anna-mueller.md": okProfile})
	code, out, errOut := memberdir(t, "serve", "--source", dir, "--addr", addr)
	want := fmt.Sprintf("memberdir: %s is already in use, perhaps by another memberdir serve — stop that one (Ctrl-C in its window) or choose another port: memberdir serve --addr 127.0.0.1:%d\n", addr, n+1)
	if code != 2 || out != "" || errOut != want {
		t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant exit 2 and:\n%s", code, out, errOut, want)
	}
	for addr, want := range map[string]string{
		"127.0.0.1:8080": "127.0.0.1:8081",
		":8080":          ":8081",
		"[::1]:3000":     "[::1]:3001",
		"localhost":      "127.0.0.1:8081",
		":65535":         "127.0.0.1:8081",
	} {
		if got := otherPort(addr); got != want {
			t.Errorf("otherPort(%q) = %q, want %q", addr, got, want)
		}
	}
}

// TestServePortOnly: "--addr 8081", a port without a host, is a port on
// this machine rather than Go's "missing port in address".
func TestServePortOnly(t *testing.T) {
	dir := writeSite(t, map[string]string{"config.yaml": "language: de\n", "content/members/anna-mueller.md": anna})
	addr, stop := startServeAt(t, dir, "0")
	if !strings.HasPrefix(addr, "http://127.0.0.1:") {
		t.Errorf("serving at %s, want 127.0.0.1", addr)
	}
	stop()
}
