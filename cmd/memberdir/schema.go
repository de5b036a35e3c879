package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/schema"
)

// runSchema is "memberdir schema": it prints the JSON Schema of a
// profile's front matter for the site's config (its categories, extra
// fields and language), for editors: memberdir schema > memberdir.schema.json
func runSchema(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("schema", flag.ContinueOnError)
	fl.SetOutput(stderr)
	source := fl.String("source", ".", "the site's `folder` (with config.yaml)")
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "usage: memberdir schema [--source DIR] > "+schema.File)
		fl.PrintDefaults()
	}
	if err := parseFlags(fl, args, stdout, stderr); err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return fmt.Errorf("%w: schema takes no arguments, got %q", errUsage, fl.Args())
	}
	cfg, err := siteConfig(*source)
	if err != nil {
		return err
	}
	data, err := schema.Profile(cfg)
	if err != nil {
		return err
	}
	_, err = stdout.Write(data)
	return err
}
