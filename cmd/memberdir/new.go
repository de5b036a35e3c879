package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/load"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/schema"
)

// runNew is "memberdir new NAME": it creates content/members/<slug>.md
// from the commented template of package schema, never overwriting a
// file, and says what to do next.
func runNew(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("new", flag.ContinueOnError)
	fl.SetOutput(stderr)
	source := fl.String("source", ".", "the site's `folder` (with config.yaml and content/)")
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), `usage: memberdir new [--source DIR] "Anna Müller"`)
		fl.PrintDefaults()
	}
	if err := parseFlags(fl, args, stdout, stderr); err != nil {
		return err
	}
	// The name may come in one argument or, unquoted, in several.
	name := strings.Join(strings.Fields(strings.Join(fl.Args(), " ")), " ")
	if name == "" {
		return fmt.Errorf(`%w: new needs the member's name, e.g. memberdir new "Anna Müller"`, errUsage)
	}
	slug := member.Slugify(name)
	if slug == "" {
		return fmt.Errorf(`%w: %q gives no file name — write the name in letters, e.g. memberdir new "Anna Müller"`, errUsage, name)
	}
	cfg, err := siteConfig(*source)
	if err != nil {
		return err
	}
	dir := filepath.Join(*source, filepath.FromSlash(load.MembersDir))
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		// A site's folder has config.yaml or content/ (config.yaml is
		// optional); anywhere else, new would start a stray site.
		_, cerr := os.Stat(filepath.Join(*source, load.ConfigFile))
		_, derr := os.Stat(filepath.Join(*source, "content"))
		if cerr != nil && derr != nil {
			return fmt.Errorf("%w: %s has neither %s nor content/ — run memberdir in the site's folder or pass --source DIR", errUsage, *source, load.ConfigFile)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	rel := load.MembersDir + "/" + slug + ".md"
	file := filepath.Join(*source, filepath.FromSlash(rel))
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return errors.New(member.Msg(cfg.Language, "new.exists", file))
	}
	if err != nil {
		return err
	}
	_, err = f.Write(schema.Template(cfg, name, time.Now().Format("2006-01")))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(file)
		return err
	}
	check, serve := "memberdir check "+rel, "memberdir serve"
	if filepath.Clean(*source) != "." {
		check = "memberdir check --source " + *source + " " + rel
		serve = "memberdir serve --source " + *source
	}
	fmt.Fprintln(stdout, member.Msg(cfg.Language, "new.created", file))
	fmt.Fprintln(stdout, member.Msg(cfg.Language, "new.next", check, serve))
	return nil
}

// siteConfig reads the site's config.yaml, or returns the defaults when
// there is none. Problems in it are returned as a member.ErrorList.
func siteConfig(source string) (member.Config, error) {
	data, err := os.ReadFile(filepath.Join(source, load.ConfigFile))
	if errors.Is(err, fs.ErrNotExist) {
		data, err = nil, nil
	}
	if err != nil {
		return member.Config{}, err
	}
	cfg, errs := load.Config(load.ConfigFile, data)
	return cfg, errs.Err()
}
