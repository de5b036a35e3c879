package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/scaffold"
)

// runInit is "memberdir init [DIR]": it writes a new site in a folder of
// its own (by default the current one): a commented config.yaml, the
// folders for profiles and pages with stubs of the legal pages, the
// members' guide, the profile schema, a .gitignore and the GitHub
// workflows, which install this version of memberdir. It never
// overwrites a file: when any of them exists, it lists them and writes
// nothing.
func runInit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("init", flag.ContinueOnError)
	fl.SetOutput(stderr)
	lang := fl.String("language", "de", "the site's `language`: de or en (config.yaml, pages, comments)")
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "usage: memberdir init [--language de|en] [DIR]")
		fl.PrintDefaults()
	}
	if err := parseFlags(fl, args, stdout, stderr); err != nil {
		return err
	}
	if !slices.Contains(scaffold.Languages, *lang) {
		return fmt.Errorf("%w: --language must be de or en, not %q", errUsage, *lang)
	}
	if fl.NArg() > 1 {
		return fmt.Errorf("%w: init takes one folder, got %q (options go before it: memberdir init --language en DIR)", errUsage, fl.Args())
	}
	dir := "."
	if fl.NArg() == 1 {
		dir = fl.Arg(0)
	}
	info, _ := debug.ReadBuildInfo()
	version, devel := installVersion(info)
	files, err := scaffold.Files(scaffold.Options{Language: *lang, Version: version})
	if err != nil {
		return err
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return errors.New(member.Msg(*lang, "init.notdir", dir))
	}
	if there := existing(dir, files); len(there) > 0 {
		msg := member.Msg(*lang, "init.exists", dir)
		for _, p := range there {
			msg += "\n  " + p
		}
		return errors.New(msg)
	}
	if err := create(dir, files); err != nil {
		return err
	}
	if devel {
		fmt.Fprintln(stderr, member.Msg(*lang, "init.devel"))
	}
	fmt.Fprintln(stdout, member.Msg(*lang, "init.created", dir))
	for _, f := range files {
		fmt.Fprintln(stdout, "  "+f.Path)
	}
	pages := []string{}
	for _, f := range files {
		if strings.HasPrefix(f.Path, "content/pages/") {
			pages = append(pages, f.Path)
		}
	}
	var steps []string
	if filepath.Clean(dir) != "." {
		steps = append(steps, member.Msg(*lang, "init.cd", dir))
	}
	steps = append(steps,
		member.Msg(*lang, "init.config"),
		member.Msg(*lang, "init.pages", strings.Join(pages, ", ")),
		member.Msg(*lang, "init.new"),
		member.Msg(*lang, "init.check"),
		member.Msg(*lang, "init.publish"))
	fmt.Fprintln(stdout)
	fmt.Fprintln(stdout, member.Msg(*lang, "init.next"))
	for i, s := range steps {
		fmt.Fprintf(stdout, "  %d. %s\n", i+1, s)
	}
	return nil
}

// installVersion returns the version of memberdir that the workflows of a
// new site install: this binary's own, as go install module@version
// stamps it. A development build has none ("(devel)", or a version
// stamped from a work tree with changes, "+dirty"), and then it is
// "latest" and devel is true.
func installVersion(info *debug.BuildInfo) (version string, devel bool) {
	if info == nil {
		return "latest", true
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" || strings.Contains(v, "+dirty") {
		return "latest", true
	}
	return v, false
}

// existing returns the files of the new site that dir already has, and
// the files that stand where the new site needs a folder, sorted.
func existing(dir string, files []scaffold.File) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range files {
		// Each folder on the way must be a folder or missing; the file
		// itself must be missing.
		parts := strings.Split(f.Path, "/")
		for i := range parts {
			p := path.Join(parts[:i+1]...)
			if seen[p] {
				continue
			}
			seen[p] = true
			fi, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(p)))
			if err != nil {
				continue
			}
			if i == len(parts)-1 || !fi.IsDir() {
				out = append(out, p)
				break
			}
		}
	}
	slices.Sort(out)
	return out
}

// create creates dir and the files in it, none of which may exist. When
// one cannot be written, it removes what it created, so that a failed
// init leaves dir as it was.
func create(dir string, files []scaffold.File) (err error) {
	var made []string // files and folders created, in order
	defer func() {
		if err != nil {
			for _, p := range slices.Backward(made) {
				os.Remove(p)
			}
		}
	}()
	mkdir := func(d string) error {
		var missing []string
		for p := d; ; p = filepath.Dir(p) {
			if _, err := os.Lstat(p); !errors.Is(err, fs.ErrNotExist) {
				break
			}
			missing = append(missing, p)
			if filepath.Dir(p) == p {
				break
			}
		}
		for _, p := range slices.Backward(missing) {
			if err := os.Mkdir(p, 0o755); err != nil {
				return err
			}
			made = append(made, p)
		}
		return nil
	}
	if err := mkdir(dir); err != nil {
		return err
	}
	for _, f := range files {
		name := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := mkdir(filepath.Dir(name)); err != nil {
			return err
		}
		out, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		made = append(made, name)
		_, err = out.Write(f.Data)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}
