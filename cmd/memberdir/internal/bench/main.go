// Command bench times whole "memberdir build" runs on generated sites, and
// Hugo's on the same members where Hugo is installed: for each size it
// writes a site with package synth into a temporary folder, builds it into
// a new folder (cold), then edits one profile and builds again into the
// same folder, twice (the first rebuild clones the output, the second
// reuses the folder kept beside it; see package write). Each build runs as
// a child process, so that its peak memory is its own.
//
//	go run ./cmd/memberdir/internal/bench -n 1000,10000,100000 [-hugo PATH]
//
// For each build it prints the wall time, the CPU time (user and system,
// steadier than the wall time on a busy machine), the peak resident
// memory, the files and megabytes of the output, and how many of them the
// build wrote (their modification time is after its start).
package main

import (
	"bytes"
	"embed"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/synth"
)

// hugoSite is a minimal Hugo site that renders the same members: a home
// page with every card, a page per member, a page per tag, a JSON index.
//
//go:embed all:hugo
var hugoSite embed.FS

func main() {
	sizes := flag.String("n", "1000,10000", "comma-separated `sizes` (members) to build")
	hugo := flag.String("hugo", "", "Hugo `binary` to build the same members with (default: hugo in PATH, if any; \"none\" to skip)")
	bin := flag.String("bin", "", "memberdir `binary` to time (default: build ./cmd/memberdir)")
	keep := flag.Bool("keep", false, "keep the generated sites and their output")
	flag.Parse()
	if err := run(*sizes, *hugo, *bin, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(sizes, hugo, bin string, keep bool) error {
	var ns []int
	for _, s := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return fmt.Errorf("-n %q: want sizes such as 1000,10000", sizes)
		}
		ns = append(ns, n)
	}
	switch hugo {
	case "none":
		hugo = ""
	case "":
		hugo, _ = exec.LookPath("hugo")
	}
	dir, err := os.MkdirTemp("", "memberdir-bench-")
	if err != nil {
		return err
	}
	if keep {
		fmt.Fprintln(os.Stderr, "sites and output in", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	if bin == "" {
		bin = filepath.Join(dir, "memberdir")
		build := exec.Command("go", "build", "-o", bin, "github.com/memberdir/memberdir/cmd/memberdir")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("go build: %v", err)
		}
	}
	fmt.Printf("%-8s %-10s %-15s %8s %8s %9s %8s %8s %8s %8s\n", "members", "tool", "build", "wall", "cpu", "peak RSS", "files", "MB", "written", "MB wr.")
	for _, n := range ns {
		site := filepath.Join(dir, fmt.Sprintf("site-%d", n))
		if err := synth.Write(site, n, 1); err != nil {
			return err
		}
		out := filepath.Join(dir, fmt.Sprintf("out-%d", n))
		if err := series(n, "memberdir", site, out, bin, "build", "--source", site, "--out", out); err != nil {
			return err
		}
		if hugo == "" {
			continue
		}
		hsite := filepath.Join(dir, fmt.Sprintf("hugo-%d", n))
		if err := hugoCopy(site, hsite); err != nil {
			return err
		}
		hout := filepath.Join(dir, fmt.Sprintf("hugo-out-%d", n))
		if err := series(n, "hugo", hsite, hout, hugo, "--quiet", "--source", hsite, "--destination", hout); err != nil {
			return err
		}
	}
	return nil
}

// series runs a build three times and prints a line for each: into a new
// folder, then after an edit of one profile, then after another.
func series(n int, tool, site, out, name string, args ...string) error {
	for i, what := range []string{"cold", "one edit", "another edit"} {
		if i > 0 {
			if err := edit(site, i); err != nil {
				return err
			}
		}
		r, err := timed(out, name, args...)
		if err != nil {
			return fmt.Errorf("%s, %d members, %s: %v", tool, n, what, err)
		}
		rss := "?"
		if r.rss >= 0 {
			rss = fmt.Sprintf("%.0f MB", float64(r.rss)/(1<<20))
		}
		fmt.Printf("%-8d %-10s %-15s %7.2fs %7.2fs %9s %8d %8.1f %8d %8.1f\n", n, tool, what,
			r.wall.Seconds(), r.cpu.Seconds(), rss, r.files, float64(r.bytes)/1e6, r.written, float64(r.wbytes)/1e6)
	}
	return nil
}

// edit adds a sentence to the body of the first profile, as a member who
// changes their text does.
func edit(site string, i int) error {
	paths, err := filepath.Glob(filepath.Join(site, "content", "members", "*.md"))
	if err != nil || len(paths) == 0 {
		return fmt.Errorf("no profiles in %s", site)
	}
	sort.Strings(paths)
	f, err := os.OpenFile(paths[0], os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(f, "\nNachtrag %d: Seit diesem Monat biete ich auch Termine am Abend an.\n", i)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// result is what one build cost and what it left in its output folder.
type result struct {
	wall, cpu       time.Duration
	rss             int64 // bytes; -1 where the system does not say
	files, bytes    int64
	written, wbytes int64
}

// timed runs a build and measures it. Written files are those modified
// after a mark made just before the build starts, by the same file
// system clock.
func timed(out, name string, args ...string) (result, error) {
	mark := filepath.Join(filepath.Dir(out), ".mark")
	if err := os.WriteFile(mark, nil, 0o644); err != nil {
		return result{}, err
	}
	st, err := os.Stat(mark)
	if err != nil {
		return result{}, err
	}
	var stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stderr = &stderr
	start := time.Now()
	err = cmd.Run()
	r := result{wall: time.Since(start)}
	if err != nil {
		return r, fmt.Errorf("%v\n%s", err, stderr.Bytes())
	}
	r.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	r.rss = peakRSS(cmd.ProcessState)
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		r.files++
		r.bytes += info.Size()
		if !info.ModTime().Before(st.ModTime()) {
			r.written++
			r.wbytes += info.Size()
		}
		return nil
	})
	return r, err
}

// hugoCopy makes a Hugo site of the members in site: the embedded
// configuration and layouts, and a copy of content/.
func hugoCopy(site, hsite string) error {
	sub, err := fs.Sub(hugoSite, "hugo")
	if err != nil {
		return err
	}
	if err := os.CopyFS(hsite, sub); err != nil {
		return err
	}
	content := filepath.Join(site, "content")
	return os.CopyFS(filepath.Join(hsite, "content"), os.DirFS(content))
}
