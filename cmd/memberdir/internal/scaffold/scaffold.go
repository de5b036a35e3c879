// Package scaffold holds the files of a new site in a folder of its own,
// as memberdir init writes them: a commented config.yaml, the folders
// for profiles and pages with stubs of the legal pages, the members'
// guide, and GitHub workflows that install memberdir by its version and
// so work in a repository that holds only the site.
//
// The files are embedded from files/: files/all/ for every site, and
// files/de/ or files/en/ for the site's language. Each is a text/template
// with the delimiters [[ and ]] (YAML, Markdown and the workflows' ${{ }}
// keep their braces) over Options.
package scaffold

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"text/template"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/load"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/schema"
)

//go:embed all:files
var files embed.FS

// Command is the package path of the memberdir command, which the
// workflows install.
const Command = "github.com/memberdir/memberdir/cmd/memberdir"

// Languages are the languages a new site can be written in.
var Languages = []string{"de", "en"}

// Options are what the files of a new site depend on.
type Options struct {
	// Language is the site's language, "de" or "en": its config.yaml,
	// its pages and the comments are written in it.
	Language string
	// Version is the version of memberdir the workflows install, e.g.
	// "v1.2.0", or "latest".
	Version string
}

// File is one file of a new site.
type File struct {
	Path string // slash-separated, relative to the site's folder
	Data []byte
}

// Files returns the files of a new site, sorted by path. The config.yaml
// among them is read back as memberdir reads it, and the profile schema
// (memberdir.schema.json) is made from it as memberdir schema makes it.
func Files(opts Options) ([]File, error) {
	if !slices.Contains(Languages, opts.Language) {
		return nil, fmt.Errorf("scaffold: no files in language %q", opts.Language)
	}
	if opts.Version == "" || strings.ContainsAny(opts.Version, " \t\n\"'$`\\") {
		return nil, fmt.Errorf("scaffold: %q is not a version to install", opts.Version)
	}
	var out []File
	for _, root := range []string{"files/all", "files/" + opts.Language} {
		err := fs.WalkDir(files, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			src, err := fs.ReadFile(files, p)
			if err != nil {
				return err
			}
			rel := strings.TrimPrefix(p, root+"/")
			t, err := template.New(rel).Delims("[[", "]]").Option("missingkey=error").Parse(string(src))
			if err != nil {
				return err
			}
			var b bytes.Buffer
			if err := t.Execute(&b, data{opts, Command}); err != nil {
				return err
			}
			out = append(out, File{Path: rel, Data: b.Bytes()})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	i := slices.IndexFunc(out, func(f File) bool { return f.Path == load.ConfigFile })
	if i < 0 {
		return nil, fmt.Errorf("scaffold: no %s for %q", load.ConfigFile, opts.Language)
	}
	cfg, errs := load.Config(load.ConfigFile, out[i].Data)
	if err := errs.Err(); err != nil {
		return nil, fmt.Errorf("scaffold: its own %s: %w", load.ConfigFile, err)
	}
	js, err := schema.Profile(cfg)
	if err != nil {
		return nil, err
	}
	out = append(out, File{Path: schema.File, Data: js})
	slices.SortFunc(out, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	for i := 1; i < len(out); i++ {
		if out[i].Path == out[i-1].Path || strings.HasPrefix(out[i].Path, out[i-1].Path+"/") {
			return nil, fmt.Errorf("scaffold: %s twice", out[i].Path)
		}
	}
	return out, nil
}

// data is what the templates see: .Language, .Version and .Command.
type data struct {
	Options
	Command string
}
