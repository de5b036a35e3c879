package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/load"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/site"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/write"
)

// runBuild is "memberdir build": load, render, write.
func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	fl.SetOutput(stderr)
	source := fl.String("source", ".", "the site's `folder` (with config.yaml and content/)")
	out := fl.String("out", "", "output `folder`, replaced as a whole (default: public/ in the source folder)")
	drafts := fl.Bool("drafts", false, "include profiles marked draft: true")
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "usage: memberdir build [--source DIR] [--out DIR] [--drafts]")
		fl.PrintDefaults()
	}
	if err := parseFlags(fl, args, stdout, stderr); err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return fmt.Errorf("%w: build takes no arguments, got %q", errUsage, fl.Args())
	}
	if *out == "" {
		*out = filepath.Join(*source, "public")
	}
	if err := checkOut(*source, *out); err != nil {
		return err
	}
	start := time.Now()
	w, err := write.New(*out)
	if err != nil {
		return err
	}
	counter := &counting{sink: w, ctx: ctx}
	scratch, removeScratch := scratchFile(*out)
	defer removeScratch() // after Commit, which saves the cards for the next build
	opts := site.Options{
		Drafts:     *drafts,
		Updated:    func(paths []string) map[string]string { return lastUpdated(*source, paths) },
		PhotoCache: photoCache(),
		Cache:      renderCache(w, scratch),
	}
	if err := site.BuildTo(os.DirFS(*source), opts, counter); err != nil {
		w.Abort()
		return inLanguage(err, siteLanguage(*source), stderr)
	}
	if err := w.Commit(); err != nil {
		return err
	}
	cfg, cerr := siteConfig(*source)
	written, unchanged := w.Counts()
	lang := cfg.Language
	fmt.Fprintln(stdout, member.Msg(lang, "cli.built", number(lang, counter.n.Load()), *out, seconds(lang, time.Since(start)), number(lang, written), number(lang, unchanged)))
	if cerr == nil && !absoluteURL(cfg.BaseURL) {
		// The site works, but what leaves it (referral e-mails, QR
		// codes, vCards) has no link to the profiles: see render.
		fmt.Fprintln(stderr, member.Msg(cfg.Language, "build.baseurl", load.ConfigFile))
	}
	return nil
}

// number writes n with its thousands grouped as the site's language does:
// 21.005 in German, 21,005 in English.
func number(lang string, n int64) string {
	sep := ","
	if lang == "de" {
		sep = "."
	}
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	return s
}

// seconds writes d in seconds with one decimal, as the site's language
// writes it (1,2 s in German, 1.2 s in English), or in milliseconds when
// it is shorter than a second.
func seconds(lang string, d time.Duration) string {
	if d < time.Second {
		return strconv.FormatInt(d.Milliseconds(), 10) + " ms"
	}
	s := strconv.FormatFloat(d.Seconds(), 'f', 1, 64)
	if lang == "de" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s + " s"
}

// absoluteURL reports whether u has a scheme and a host, as a published
// base_url must for links that leave the site.
func absoluteURL(u string) bool {
	p, err := url.Parse(u)
	return err == nil && p.Scheme != "" && p.Host != ""
}

// checkOut refuses an output folder that build must not replace. Build
// swaps in a new folder for the whole of out, and the old one is emptied
// and rewritten by the build after it (see package write), so
// out must not be, or contain, the site's folder, must not lie in the
// folders build reads (content/, templates/), and when it exists and is
// not empty, it must be a site built before, not a git checkout or a
// folder of other files.
func checkOut(source, out string) error {
	src, err := realPath(source)
	if err != nil {
		return err
	}
	dst, err := realPath(out)
	if err != nil {
		return err
	}
	if dst == src || within(src, dst) {
		return fmt.Errorf("%w: --out %s is the site's folder or contains it, and build replaces the whole output folder — leave out --out (the site goes to public/) or name a new folder, e.g. --out public", errUsage, out)
	}
	for _, d := range []string{"content", "templates"} {
		if in := filepath.Join(src, d); dst == in || within(dst, in) {
			return fmt.Errorf("%w: --out %s is in the site's %s/ folder, which build reads and which would be replaced — leave out --out (the site goes to public/) or name a folder outside %s/", errUsage, out, d, d)
		}
	}
	entries, err := os.ReadDir(dst)
	if err != nil || len(entries) == 0 {
		return nil // new, empty, or not a folder (write.New says so)
	}
	if _, err := os.Lstat(filepath.Join(dst, ".git")); err == nil {
		return fmt.Errorf("%w: --out %s holds a git repository (.git), which build would delete with the rest of the folder — build into another folder and copy the files over", errUsage, out)
	}
	for _, f := range builtFiles {
		if st, err := os.Stat(filepath.Join(dst, f)); err != nil || st.IsDir() {
			return fmt.Errorf("%w: --out %s is not empty and holds no site built by memberdir (no %s), and build replaces the whole folder — choose a new or empty folder", errUsage, out, f)
		}
	}
	return nil
}

// builtFiles are files every build writes; a folder with all of them is
// taken for an earlier build that may be replaced.
var builtFiles = []string{"index.html", "404.html", "members.json"}

// realPath returns p as an absolute path with its symbolic links resolved,
// as far as it exists.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest), nil
		}
		if filepath.Dir(dir) == dir {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// within reports whether the absolute path p lies inside the folder dir.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// inLanguage prints a list of content problems with their count in the
// site's language (the problems themselves already are) and returns
// errProblems; other errors pass unchanged.
func inLanguage(err error, lang string, stderr io.Writer) error {
	var list member.ErrorList
	if !errors.As(err, &list) {
		return err
	}
	count := member.Msg(lang, "check.problems", len(list))
	if len(list) == 1 {
		count = member.Msg(lang, "check.problem")
	}
	fmt.Fprintf(stderr, "%s\n%s\n", list.Error(), count)
	return errProblems
}

// usageErr marks a flag parsing error as a usage error (exit 2); -h is
// passed through so that it exits 0.
func usageErr(err error) error {
	if err == flag.ErrHelp {
		return err
	}
	return fmt.Errorf("%w: %v", errUsage, err)
}

// counting passes files on to the writer, counts them, and stops the
// build when the command is interrupted (Ctrl-C), so that an interrupted
// build leaves the previous site in place.
type counting struct {
	sink *write.Writer
	ctx  context.Context
	n    atomic.Int64
}

// Streams says that the writer is done with a file's bytes once Put
// returns (see render.Streamer).
func (c *counting) Streams() bool { return true }

// Keep lets the writer leave a file of the last build in place (see
// render.Keeper); it counts as a file of the site.
func (c *counting) Keep(p string, key [32]byte) bool {
	if c.ctx.Err() != nil {
		return false // Put then stops the build
	}
	if !c.sink.Keep(p, key) {
		return false
	}
	c.n.Add(1)
	return true
}

func (c *counting) Put(p string, data []byte) error {
	if err := c.ctx.Err(); err != nil {
		return err
	}
	c.n.Add(1)
	return c.sink.Put(p, data)
}
