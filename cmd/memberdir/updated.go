package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/load"
)

// lastUpdated returns when each of paths (slash paths relative to the
// site folder source, e.g. content/members/anna-mueller.md) last changed,
// as YYYY-MM-DD: the date of the last commit that touched it when the site
// is in a git repository (a checkout's file times say only when it was
// checked out), else the file's modification time in UTC. Paths that do
// not exist are left out. It runs git once, reading the history of
// content/members/ from the newest commit back until every path has its
// date. A shallow clone gives the date of its oldest commit to every file
// older than that; CI should fetch the whole history.
func lastUpdated(source string, paths []string) map[string]string {
	dates := make(map[string]string, len(paths))
	want := make(map[string]bool, len(paths))
	for _, p := range paths {
		want[p] = true
	}
	gitDates(source, want, dates)
	for _, p := range paths {
		if dates[p] != "" {
			continue
		}
		st, err := os.Stat(filepath.Join(source, filepath.FromSlash(p)))
		if err != nil {
			continue
		}
		dates[p] = st.ModTime().UTC().Format("2006-01-02")
	}
	return dates
}

// gitDates fills dates with the commit dates of the paths in want, as far
// as git knows them. Without git, or outside a repository, it adds
// nothing.
func gitDates(source string, want map[string]bool, dates map[string]string) {
	if len(want) == 0 {
		return
	}
	// Each commit is a line "\x00YYYY-MM-DD" followed by the files it
	// changed, relative to source; the newest commit comes first.
	cmd := exec.Command("git", "-c", "core.quotePath=false", "log", "--format=%x00%cs", "--name-only", "--relative", "--", load.MembersDir)
	cmd.Dir = source
	out, err := cmd.StdoutPipe()
	if err != nil {
		return
	}
	if err := cmd.Start(); err != nil {
		return
	}
	left := len(want)
	date := ""
	sc := bufio.NewScanner(out)
	for left > 0 && sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "\x00"):
			date = line[1:]
		case line != "" && date != "" && want[line] && dates[line] == "":
			dates[line] = date
			left--
		}
	}
	// The rest of the history is not needed (or cannot be read); git
	// must not wait for a reader that is gone.
	cmd.Process.Kill()
	cmd.Wait()
}
