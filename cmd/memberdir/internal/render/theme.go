package render

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// Theme is the set of templates, assets and UI strings a site is rendered
// with: the embedded defaults, replaced file by file by the site's own
// templates/ folder.
type Theme struct {
	fsys fs.FS
}

// NewTheme layers site (the site's templates/ folder, or nil) over the
// embedded defaults. A file in site replaces the default of the same name.
func NewTheme(defaults, site fs.FS) *Theme {
	if site == nil {
		return &Theme{fsys: defaults}
	}
	return &Theme{fsys: overlay{top: site, bottom: defaults}}
}

// overlay serves files from top, falling back to bottom. Directories are
// listed as the union of both, so the site may add new assets.
type overlay struct{ top, bottom fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err == nil {
		if st, serr := f.Stat(); serr == nil && !st.IsDir() {
			return f, nil
		}
		f.Close()
	}
	return o.bottom.Open(name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	a, errA := fs.ReadDir(o.top, name)
	b, errB := fs.ReadDir(o.bottom, name)
	if errA != nil && errB != nil {
		return nil, errB
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, e := range append(a, b...) {
		if !seen[e.Name()] {
			seen[e.Name()] = true
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// Strings returns the UI strings of cfg's language: the theme's
// i18n/<lang>.yaml, then the config's overrides. An override of a string
// the theme does not have is a member.ErrorList entry at its line in
// config.yaml, with the nearest name.
func (t *Theme) Strings(cfg *member.Config) (map[string]string, error) {
	name := "i18n/" + cfg.Language + ".yaml"
	data, err := fs.ReadFile(t.fsys, name)
	if err != nil {
		return nil, fmt.Errorf("templates/%s: %w", name, err)
	}
	var s map[string]string
	if err := yaml.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("templates/%s: %v", name, err)
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

// templates parses the page templates with funcs. A broken template is
// reported with its file name, as html/template does, under templates/.
func (t *Theme) templates(funcs template.FuncMap, strs map[string]string) (map[string]*template.Template, error) {
	base := template.New("base.html").Funcs(funcs).Option("missingkey=error")
	src, err := fs.ReadFile(t.fsys, "base.html")
	if err != nil {
		return nil, fmt.Errorf("templates/base.html: %w", err)
	}
	if _, err := base.Parse(expand(string(src), strs)); err != nil {
		return nil, fmt.Errorf("templates/%w", err)
	}
	partials, err := fs.Glob(t.fsys, "partials/*.html")
	if err != nil {
		return nil, err
	}
	for _, p := range partials {
		src, err := fs.ReadFile(t.fsys, p)
		if err != nil {
			return nil, err
		}
		if _, err := base.New(p).Parse(expand(string(src), strs)); err != nil {
			return nil, fmt.Errorf("templates/%w", err)
		}
	}
	out := map[string]*template.Template{}
	for _, name := range pageTemplates {
		src, err := fs.ReadFile(t.fsys, name)
		if err != nil {
			return nil, fmt.Errorf("templates/%s: %w", name, err)
		}
		tpl, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := tpl.New(name).Parse(expand(string(src), strs)); err != nil {
			return nil, fmt.Errorf("templates/%w", err)
		}
		out[name] = tpl
	}
	return out, nil
}

// Asset is a file from the theme's assets/ folder, published under a name
// that carries a hash of its content so that browsers may cache it forever.
type Asset struct {
	Name string // e.g. "site.css"
	Path string // e.g. "assets/site.1a2b3c4d.css"
	Data []byte
}

// assets reads every file under assets/, scripts and style sheets
// minified.
func (t *Theme) assets() ([]Asset, error) {
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
		data, err := fs.ReadFile(t.fsys, p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "assets/")
		out = append(out, newAsset(name, minified(name, data)))
		return nil
	})
	return out, err
}

// newAsset names an asset's published file after its content.
func newAsset(name string, data []byte) Asset {
	ext := path.Ext(name)
	return Asset{Name: name, Path: "assets/" + strings.TrimSuffix(name, ext) + "." + hash(data) + ext, Data: data}
}
