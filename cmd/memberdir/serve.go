package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/load"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/serve"
)

// runServe is "memberdir serve": build the site into memory, serve it with
// live reload, and rebuild after every change to its sources until ctx is
// done (main cancels it on Ctrl-C). A failed build keeps the last good site
// online with its problems shown on every page.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	addr := fl.String("addr", "127.0.0.1:8080", "`host:port` to listen on, or a port alone on 127.0.0.1 (port 0 picks a free port)")
	source := fl.String("source", ".", "the site's `folder` (with config.yaml and content/)")
	drafts := fl.Bool("drafts", false, "include profiles marked draft: true")
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "usage: memberdir serve [--addr 127.0.0.1:8080] [--source DIR] [--drafts]")
		fl.PrintDefaults()
	}
	if err := parseFlags(fl, args, stdout, stderr); err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return fmt.Errorf("%w: serve takes no arguments, got %q", errUsage, fl.Args())
	}

	// Without a profiles folder there is nothing to preview, nor to watch.
	if err := load.NoMembers(os.DirFS(*source)); err != nil {
		return err
	}
	// Listen first, so that a busy port fails at once rather than after
	// a build, and so that ":0" yields the real address to print.
	ln, err := listen(*addr)
	if err != nil {
		return err
	}
	origin := serveOrigin(ln.Addr())

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	preview, base := previewServer(*source, *drafts, origin, stdout, stderr)
	// Problems are printed and shown in the browser; serving goes on.
	preview.Rebuild()
	hs := &http.Server{
		Handler:           preview,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       time.Minute,
		ErrorLog:          log.New(stderr, "memberdir serve: ", 0),
		// Requests end with ctx, so the browsers' event streams close on
		// Ctrl-C and Shutdown need not wait for them.
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()

	fmt.Fprintln(stdout, member.Msg(siteLanguage(*source), "cli.serving", origin+base()))

	var wg sync.WaitGroup
	wg.Go(func() {
		if err := preview.Watch(ctx, *source); err != nil {
			fmt.Fprintf(stderr, "memberdir serve: not watching for changes: %v\n", err)
		}
	})

	select {
	case <-ctx.Done():
		err = nil
	case err = <-served:
	}
	cancel()
	shutdownCtx, stop := context.WithTimeout(context.Background(), 5*time.Second)
	defer stop()
	if hs.Shutdown(shutdownCtx) != nil {
		hs.Close()
	}
	wg.Wait()
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// listen listens on addr, where a port alone ("8081") means that port
// on 127.0.0.1, and explains a port that is taken.
func listen(addr string) (net.Listener, error) {
	if _, err := strconv.Atoi(addr); err == nil {
		addr = "127.0.0.1:" + addr
	}
	ln, err := net.Listen("tcp", addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return nil, fmt.Errorf("%s is already in use, perhaps by another memberdir serve — stop that one (Ctrl-C in its window) or choose another port: memberdir serve --addr %s", addr, otherPort(addr))
	}
	return ln, err
}

// previewServer returns the server that builds the site in source for the
// preview at origin and says in stdout how each build went, and a
// function that returns the site's base path as of the last build.
func previewServer(source string, drafts bool, origin string, stdout, stderr io.Writer) (*serve.Server, func() string) {
	// The builds run one at a time, so base and built need no lock; the
	// main goroutine reads them only before the watcher starts.
	var (
		preview *serve.Server
		build   = buildSite(source, drafts)
		base    = "/"
		built   bool
	)
	preview = serve.New(func() (map[string][]byte, error) {
		files, err := build.Build()
		// base_url may change with config.yaml; follow it so that the
		// site's absolute links keep working.
		if p, perr := sitePath(source); perr == nil && p != base {
			base = p
			preview.SetBasePath(p)
			if built {
				fmt.Fprintln(stdout, member.Msg(siteLanguage(source), "cli.basepath", origin+p))
			}
		}
		return files, err
	})
	preview.Title = serveTitle(source)
	preview.OnChange = build.Changed
	preview.OnRebuild = func(took time.Duration, err error) {
		lang := siteLanguage(source)
		key := "cli.rebuilt"
		if !built {
			key, built = "cli.firstbuilt", true
		}
		if err == nil {
			fmt.Fprintln(stdout, member.Msg(lang, key, took.Round(time.Millisecond).String()))
			return
		}
		n := 1
		var list member.ErrorList
		if errors.As(err, &list) {
			n = len(list)
		}
		fmt.Fprintln(stdout, member.Msg(lang, "cli.failed", n))
		fmt.Fprintln(stderr, err)
	}
	return preview, func() string { return base }
}

// serveOrigin returns the URL origin at which a listener is reached from
// this machine: an unspecified address (":8080", "0.0.0.0") becomes
// localhost so that the printed URL can be clicked.
func serveOrigin(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}

// otherPort suggests an address beside addr for when its port is busy:
// the next port on the same host.
func otherPort(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	n, perr := strconv.Atoi(port)
	if err != nil || perr != nil || n <= 0 || n >= 65535 {
		return "127.0.0.1:8081"
	}
	return net.JoinHostPort(host, strconv.Itoa(n+1))
}
