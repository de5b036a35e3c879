package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// Theme is the set of templates, assets and UI strings a site is rendered
// with: the embedded defaults, replaced file by file by the site's own
// templates/ folder. The two are merged by file name once, when the Theme
// is made, into files that do not change afterwards; each file knows
// whether it is built in or the site's, so that an error names the file
// the organiser can find.
type Theme struct {
	fsys *files
	err  error // reading the files failed; see NewTheme
}

// ReadTheme merges site (the site's templates/ folder, or nil) over the
// embedded defaults: a file in site replaces the default of the same
// name, and may be new. It reads every file of both, once. A file in one
// where the other has a folder of that name is an error.
func ReadTheme(defaults, site fs.FS) (*Theme, error) {
	fsys := &files{byName: map[string]*file{}}
	if err := fsys.add(defaults, ".", true, 0); err != nil {
		return nil, fmt.Errorf("memberdir's default theme: %w", err)
	}
	if site != nil {
		if err := fsys.add(site, ".", false, 0); err != nil {
			return nil, err
		}
	}
	if err := fsys.index(); err != nil {
		return nil, err
	}
	return &Theme{fsys: fsys}, nil
}

// NewTheme is ReadTheme for themes that are not expected to fail, such as
// the embedded one in tests: an error reading them is returned by the
// Theme's first use (Strings, and so Site) instead.
func NewTheme(defaults, site fs.FS) *Theme {
	t, err := ReadTheme(defaults, site)
	if err != nil {
		return &Theme{fsys: &files{}, err: err}
	}
	return t
}

// Strings returns the UI strings of cfg's language: the theme's
// i18n/<lang>.yaml, then the config's overrides. An override of a string
// the theme does not have is a member.ErrorList entry at its line in
// config.yaml, with the nearest name.
func (t *Theme) Strings(cfg *member.Config) (map[string]string, error) {
	if t.err != nil {
		return nil, t.err
	}
	name := "i18n/" + cfg.Language + ".yaml"
	f, err := t.fsys.file(name)
	if err != nil {
		return nil, fmt.Errorf("templates/%s: %w", name, err)
	}
	var s map[string]string
	if err := yaml.Unmarshal(f.data, &s); err != nil {
		return nil, fmt.Errorf("%s: %v%s", where(f.name, f.builtin), err, fix(f.name, f.builtin))
	}
	var errs member.ErrorList
	for k, v := range cfg.Strings {
		if _, ok := s[k]; !ok {
			hint := ""
			if near := member.Suggest(k, slices.Collect(maps.Keys(s))); near != "" {
				hint = member.Msg(cfg.Language, "hint.didyoumean", near)
			}
			errs.Add(cfg.StringsPos[k], "strings."+k, member.Msg(cfg.Language, "config.string", "templates/"+name, hint))
			continue
		}
		s[k] = v
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return s, nil
}

// pageTemplates are the theme's page kinds; each is parsed together with
// base.html and every partial in partials/.
var pageTemplates = []string{"home.html", "member.html", "category.html", "page.html", "network.html", "404.html", "print.html"}

// constT matches a call of t with a constant key and no arguments.
var constT = regexp.MustCompile(`\{\{\s*t\s+"([a-z0-9_.]+)"\s*\}\}`)

// expand replaces {{t "key"}} by the string itself, as a quoted constant
// so that html/template still escapes it for its context. The output is
// the same; each page then makes one call fewer per string, which adds up
// over 10,000 member pages. Unknown keys are left for t to report.
func expand(src string, strs map[string]string) string {
	return constT.ReplaceAllStringFunc(src, func(m string) string {
		key := constT.FindStringSubmatch(m)[1]
		v, ok := strs[key]
		if !ok {
			return m
		}
		return "{{" + strconv.Quote(v) + "}}"
	})
}

// constCall matches an action that calls one of the functions of
// constFuncs with a constant argument, {{asset "site.css"}}, and an if on
// one, {{if hasAsset "favicon.svg"}}.
var constCall = regexp.MustCompile(`\{\{\s*(if\s+)?([a-zA-Z]+)\s+"([a-zA-Z0-9_./-]*)"\s*\}\}`)

// expandCalls is expand for the functions of funcs that constFuncs names,
// whose result depends on their argument alone for the whole render: a
// call with a constant argument is replaced by its result, a string as a
// quoted constant that html/template still escapes, a bool as true or
// false. base.html calls asset and hasAsset for every page, and url in
// every header and footer, each through reflect. A call that fails is
// left, so that it fails where it did.
func expandCalls(src string, funcs template.FuncMap) string {
	return constCall.ReplaceAllStringFunc(src, func(m string) string {
		sub := constCall.FindStringSubmatch(m)
		cond, name, arg := sub[1] != "", sub[2], sub[3]
		if !slices.Contains(constFuncs, name) {
			return m
		}
		switch f := funcs[name].(type) {
		case func(string) string:
			if !cond {
				return "{{" + strconv.Quote(f(arg)) + "}}"
			}
		case func(string) (string, error):
			if v, err := f(arg); err == nil && !cond {
				return "{{" + strconv.Quote(v) + "}}"
			}
		case func(string) bool:
			if cond {
				return "{{if " + strconv.FormatBool(f(arg)) + "}}"
			}
			return "{{" + strconv.FormatBool(f(arg)) + "}}"
		}
		return m
	})
}

// templates parses the page templates with funcs. A template that does
// not parse is reported by templateError, in the file it is in.
func (t *Theme) templates(funcs template.FuncMap, strs map[string]string) (map[string]*template.Template, error) {
	if t.err != nil {
		return nil, t.err
	}
	f, err := t.fsys.file("base.html")
	if err != nil {
		return nil, fmt.Errorf("templates/base.html: %w", err)
	}
	base := template.New("base.html").Funcs(funcs).Option("missingkey=error")
	if _, err := base.Parse(expandCalls(expand(string(f.data), strs), funcs)); err != nil {
		return nil, t.templateError(err, "base.html")
	}
	partials, err := fs.Glob(t.fsys, "partials/*.html")
	if err != nil {
		return nil, err
	}
	for _, p := range partials {
		f, err := t.fsys.file(p)
		if err != nil {
			return nil, err
		}
		if _, err := base.New(p).Parse(expandCalls(expand(string(f.data), strs), funcs)); err != nil {
			return nil, t.templateError(err, p)
		}
	}
	out := map[string]*template.Template{}
	for _, name := range pageTemplates {
		f, err := t.fsys.file(name)
		if err != nil {
			return nil, fmt.Errorf("templates/%s: %w", name, err)
		}
		tpl, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := tpl.New(name).Parse(expandCalls(expand(string(f.data), strs), funcs)); err != nil {
			return nil, t.templateError(err, name)
		}
		out[name] = tpl
	}
	return out, nil
}

// templateError locates err, from parsing or executing a template that
// html/template names after its file (as in "template: member.html:3:5:
// executing …"), in the theme's file of that name, which may be the
// site's or built in. rendering is the file of the template that was
// parsed or run, named when err names none of the theme's (as for a
// template that is not defined at all) and when it is another: an
// attribute left open in a page shows in base.html.
func (t *Theme) templateError(err error, rendering string) error {
	e := &TemplateError{File: rendering, Msg: err.Error()}
	if f, err := t.fsys.file(rendering); err == nil {
		e.Builtin = f.builtin
	}
	for _, prefix := range []string{"template: ", "html/template:"} {
		rest, ok := strings.CutPrefix(e.Msg, prefix)
		if !ok {
			continue
		}
		name, rest, ok := strings.Cut(rest, ":")
		f, ferr := t.fsys.file(name)
		if !ok || ferr != nil {
			break
		}
		// The position: a line, and a column when executing.
		var pos []string
		for {
			n, after, ok := strings.Cut(rest, ":")
			if !ok || n == "" || strings.Trim(n, "0123456789") != "" {
				break
			}
			pos, rest = append(pos, n), after
		}
		if f.name != e.File {
			e.Rendering, e.RenderingBuiltin = e.File, e.Builtin
		}
		e.File, e.Builtin, e.Pos, e.Msg = f.name, f.builtin, strings.Join(pos, ":"), strings.TrimSpace(rest)
		break
	}
	return e
}

// TemplateError is a template of the theme that does not parse or fails
// to render a page. It names the file as the organiser finds it: the
// site's templates/member.html, or memberdir's built-in member.html with
// how to change it.
type TemplateError struct {
	File    string // the template's file in the theme, e.g. "partials/card.html"
	Builtin bool   // File is memberdir's default, not the site's
	Pos     string // "line" or "line:column" in File, or ""
	Msg     string // what went wrong, as html/template says it
	// Rendering is the file of the template being rendered when it is
	// not File, or "".
	Rendering        string
	RenderingBuiltin bool
}

func (e *TemplateError) Error() string {
	loc := where(e.File, e.Builtin)
	if e.Pos != "" {
		loc += ":" + e.Pos
	}
	msg := loc + ": " + e.Msg + fix(e.File, e.Builtin)
	if e.Rendering != "" {
		msg += "; while rendering " + where(e.Rendering, e.RenderingBuiltin)
	}
	return msg
}

// Asset is a file from the theme's assets/ folder, published under a name
// that carries a hash of its content so that browsers may cache it forever.
type Asset struct {
	Name string // e.g. "site.css"
	Path string // e.g. "assets/site.1a2b3c4d.css"
	Data []byte
}

// assets returns every file under assets/, scripts and style sheets
// minified. An asset's Data may be the theme's own bytes, not a copy;
// nothing may change them.
func (t *Theme) assets() ([]Asset, error) {
	if t.err != nil {
		return nil, t.err
	}
	var out []Asset
	err := fs.WalkDir(t.fsys, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == "assets" {
				return fs.SkipDir
			}
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		f, err := t.fsys.file(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "assets/")
		out = append(out, newAsset(name, minified(name, f.data)))
		return nil
	})
	return out, err
}

// newAsset names an asset's published file after its content.
func newAsset(name string, data []byte) Asset {
	ext := path.Ext(name)
	return Asset{Name: name, Path: "assets/" + strings.TrimSuffix(name, ext) + "." + hash(data) + ext, Data: data}
}

// where names the theme's file name as the organiser finds it: in the
// site's templates/ folder, or built into memberdir.
func where(name string, builtin bool) string {
	switch {
	case !builtin:
		return "templates/" + name
	case strings.HasSuffix(name, ".html"):
		return "built-in template " + name
	}
	return "built-in file " + name
}

// fix says how to change the theme's file name when it is built in, and
// is "" for a file of the site.
func fix(name string, builtin bool) string {
	if !builtin {
		return ""
	}
	return " (memberdir's default theme; copy it to templates/" + name + " to change it)"
}

// files are a theme's files merged by name: an fs.FS that does not
// change once index has run. Its folders are those of the files' paths.
type files struct {
	byName map[string]*file // files and folders by slash path, "." the root
}

// file is a file or folder of a theme. It is its own fs.FileInfo and
// fs.DirEntry.
type file struct {
	name    string // slash path, e.g. "partials/card.html"
	data    []byte
	builtin bool    // from memberdir's default theme, not the site's templates/
	folder  bool    // a folder, with entries rather than data
	entries []*file // a folder's, sorted by name
}

// maxDepth is how deep add follows folders, which stops a symbolic link
// to a folder above it.
const maxDepth = 32

// add reads the files of fsys under dir into f, replacing those of the
// same name. A symbolic link is followed, as os.DirFS does when opening
// it. Errors name the file where it is.
func (f *files) add(fsys fs.FS, dir string, builtin bool, depth int) error {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return fmt.Errorf("%s: %w", where(dir, builtin), err)
	}
	for _, e := range entries {
		name := path.Join(dir, e.Name())
		isDir := e.IsDir()
		if e.Type()&fs.ModeSymlink != 0 {
			st, err := fs.Stat(fsys, name)
			if err != nil {
				return fmt.Errorf("%s: %w", where(name, builtin), err)
			}
			isDir = st.IsDir()
		}
		if isDir {
			if depth == maxDepth {
				return fmt.Errorf("%s: folders nested more than %d deep (a symbolic link to a folder above it?)", where(name, builtin), maxDepth)
			}
			if err := f.add(fsys, name, builtin, depth+1); err != nil {
				return err
			}
			continue
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("%s: %w", where(name, builtin), err)
		}
		f.byName[name] = &file{name: name, data: data, builtin: builtin}
	}
	return nil
}

// index makes the folders of the files added. A file where another file
// needs a folder of the same name is an error.
func (f *files) index() error {
	names := slices.Sorted(maps.Keys(f.byName))
	f.dir(".")
	// In sorted order a file comes before the files in a folder of its
	// name, so dir finds the file.
	for _, name := range names {
		d, clash := f.dir(path.Dir(name))
		if clash != nil {
			return fmt.Errorf("%s is a file, but %s needs a folder of that name", where(clash.name, clash.builtin), where(name, f.byName[name].builtin))
		}
		d.entries = append(d.entries, f.byName[name])
	}
	for _, d := range f.byName {
		slices.SortFunc(d.entries, func(a, b *file) int { return strings.Compare(a.name, b.name) })
	}
	return nil
}

// dir returns the folder name, made and added to its parent if new, or
// the file in the way of it.
func (f *files) dir(name string) (dir, clash *file) {
	if d, ok := f.byName[name]; ok {
		if !d.folder {
			return nil, d
		}
		return d, nil
	}
	dir = &file{name: name, folder: true}
	if name != "." {
		parent, clash := f.dir(path.Dir(name))
		if clash != nil {
			return nil, clash
		}
		parent.entries = append(parent.entries, dir)
	}
	f.byName[name] = dir
	return dir, nil
}

// file returns the file name, not a folder.
func (f *files) file(name string) (*file, error) {
	if e, ok := f.byName[name]; ok && !e.folder {
		return e, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// Open opens the file or folder name.
func (f *files) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	e, ok := f.byName[name]
	switch {
	case !ok:
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	case e.folder:
		return &openDir{dir: e}, nil
	}
	return &openFile{Reader: bytes.NewReader(e.data), file: e}, nil
}

func (e *file) Name() string               { return path.Base(e.name) }
func (e *file) Size() int64                { return int64(len(e.data)) }
func (e *file) ModTime() time.Time         { return time.Time{} }
func (e *file) IsDir() bool                { return e.folder }
func (e *file) Sys() any                   { return nil }
func (e *file) Type() fs.FileMode          { return e.Mode().Type() }
func (e *file) Info() (fs.FileInfo, error) { return e, nil }

func (e *file) Mode() fs.FileMode {
	if e.folder {
		return fs.ModeDir | 0o555
	}
	return 0o444
}

// openFile is a file of files, open for reading.
type openFile struct {
	*bytes.Reader
	file *file
}

func (o *openFile) Stat() (fs.FileInfo, error) { return o.file, nil }
func (o *openFile) Close() error               { return nil }

// openDir is a folder of files, open for listing.
type openDir struct {
	dir  *file
	read int // how many entries ReadDir returned
}

func (o *openDir) Stat() (fs.FileInfo, error) { return o.dir, nil }
func (o *openDir) Close() error               { return nil }

func (o *openDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: o.dir.name, Err: errors.New("is a directory")}
}

// ReadDir returns the next n entries, as fs.ReadDirFile says.
func (o *openDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := o.dir.entries[o.read:]
	if n > 0 {
		if len(rest) == 0 {
			return nil, io.EOF
		}
		rest = rest[:min(n, len(rest))]
	}
	o.read += len(rest)
	out := make([]fs.DirEntry, len(rest))
	for i, e := range rest {
		out[i] = e
	}
	return out, nil
}
