// Command gendocs rewrites what is generated from member.ProfileFields in
// the repository: the field tables of README.md and CONTRIBUTING.md
// (between their markers, see schema.Docs) and the example site's
// memberdir.schema.json. It runs from go generate in package member:
//
//	go generate ./cmd/memberdir/internal/member
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/load"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/schema"
)

func main() {
	root := flag.String("root", ".", "the repository's `folder`")
	flag.Parse()
	if err := run(*root); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}

func run(root string) error {
	for _, d := range schema.Docs {
		path := filepath.Join(root, d.File)
		old, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		doc, err := schema.Generate(d.File, old)
		if err != nil {
			return err
		}
		if err := update(path, old, doc); err != nil {
			return err
		}
	}
	data, err := os.ReadFile(filepath.Join(root, load.ConfigFile))
	if err != nil {
		return err
	}
	cfg, errs := load.Config(load.ConfigFile, data)
	if err := errs.Err(); err != nil {
		return err
	}
	sch, err := schema.Profile(cfg)
	if err != nil {
		return err
	}
	path := filepath.Join(root, schema.File)
	old, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	return update(path, old, sch)
}

// update writes data to path when it differs from old, what path holds.
func update(path string, old, data []byte) error {
	if bytes.Equal(old, data) {
		return nil
	}
	fmt.Println("gendocs: wrote", path)
	return os.WriteFile(path, data, 0o644)
}
