package load

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// loadPages reads content/pages/*.md. A page's slug is its file name; it
// is published at /<slug>/.
func loadPages(fsys fs.FS, cfg *member.Config) ([]*member.Page, member.ErrorList, error) {
	entries, err := fs.ReadDir(fsys, PagesDir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	var pages []*member.Page
	var errs member.ErrorList
	for _, e := range entries {
		name := e.Name()
		p := PagesDir + "/" + name
		if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || isNote(name) {
			continue
		}
		if e.IsDir() {
			// content/pages/archiv/2023.md would be left out without a word.
			errs = append(errs, nested(fsys, p, cfg.Language, "file.nestedpage")...)
			continue
		}
		if ext := path.Ext(name); ext != ".md" {
			if textExt[strings.ToLower(ext)] {
				// mitmachen.txt: the page and its menu entry would vanish.
				errs.Add(member.Pos{Path: p}, "", member.Msg(cfg.Language, "file.extpage", name, mdName(name)))
			}
			continue
		}
		if e.Type()&fs.ModeSymlink != 0 {
			errs.Add(member.Pos{Path: p}, "", member.Msg(cfg.Language, "file.symlink"))
			continue
		}
		slug := slugOf(p)
		if !member.IsSlug(slug) || reservedPage[slug] {
			// Only a reserved name needs the "-page" suffix; others just
			// need slugifying (About.md → about.md).
			fix := member.Slugify(slug)
			if reservedPage[fix] {
				fix += "-page"
			}
			if fix == "" {
				errs.Add(member.Pos{Path: p}, "", member.Msg(cfg.Language, "slug.invalidnone", name))
			} else {
				errs.Add(member.Pos{Path: p}, "", member.Msg(cfg.Language, "slug.invalid", name, fix+".md"))
			}
			continue
		}
		data, err := readLimited(fsys, p, MaxProfileSize)
		if err != nil {
			return nil, nil, err
		}
		if len(data) > MaxProfileSize {
			errs = append(errs, tooLarge(fsys, p, len(data), cfg.Language)...)
			continue
		}
		pg, perrs := Page(p, data, cfg)
		errs = append(errs, perrs...)
		if pg != nil {
			pages = append(pages, pg)
		}
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].Slug < pages[j].Slug })
	return pages, errs, nil
}

// pageFields are the fields of a page's front matter.
var pageFields = []string{"title", "menu", "weight", "stub"}

// stubKinds are the message keys for the values of a page's stub field,
// which memberdir init writes into the pages every site needs but only
// the organiser can write: the legal notice and the privacy policy. Any
// other value gets the general message.
var stubKinds = map[string]string{
	"impressum": "page.stubimprint", "imprint": "page.stubimprint",
	"datenschutz": "page.stubprivacy", "privacy": "page.stubprivacy",
}

// textExt are the extensions of text files that were meant as Markdown;
// files of other kinds (a PDF linked from a page) may sit beside pages.
var textExt = map[string]bool{".md": true, ".txt": true, ".markdown": true, ".mdown": true, ".text": true}

// reservedPage are slugs the site's own output uses at the top level.
var reservedPage = map[string]bool{"members": true, "tags": true, "assets": true, "print": true, "search": true, "page": true, "network": true, "_memberdir": true}

// Page decodes one page file: front matter with title, menu and weight,
// then Markdown. A page whose front matter still has the line "stub: …"
// that memberdir init wrote is refused at that line, with what to write
// instead: such a page (an Impressum with "Name des Vereins" in it) must
// not go live. "stub: false" is no stub.
func Page(p string, data []byte, cfg *member.Config) (*member.Page, member.ErrorList) {
	f := &file{path: p, lang: cfg.Language, members: true}
	root, body, bodyLine := f.frontMatter(data)
	if root == nil {
		return nil, f.errs
	}
	body = f.checkBody(body, bodyLine, root, pageBody)
	pg := &member.Page{Slug: slugOf(p), Path: p, Body: body, BodyLine: bodyLine}
	hasTitle, stub := false, false
	for _, kv := range f.entries(root, "") {
		k, v := kv[0], kv[1]
		switch k.Value {
		case "title":
			var ok bool
			pg.Title, ok = f.text(v, "title", member.Field{Kind: member.String, Max: 200})
			if ok && pg.Title == "" {
				f.add(v, "title", "field.emptyrequired", "title")
			}
			hasTitle = pg.Title != ""
		case "menu":
			s, _ := f.text(v, "menu", member.Field{Kind: member.String, Max: 20})
			if s != "header" && s != "footer" && s != "" {
				f.add(v, "menu", "page.menu", s)
			}
			pg.Menu = s
		case "weight":
			w, err := strconv.Atoi(v.Value)
			if err != nil || v.Kind != yaml.ScalarNode {
				f.add(v, "weight", "page.weight", v.Value)
			}
			pg.Weight = w
		case "stub":
			if v.Kind == yaml.ScalarNode && v.Tag == "!!bool" && strings.EqualFold(v.Value, "false") {
				continue
			}
			key := stubKinds[strings.ToLower(strings.TrimSpace(v.Value))]
			if key == "" {
				key = "page.stub"
			}
			f.add(k, "stub", key)
			stub = true
		default:
			f.unknown(k, "", "field.unknown", pageFields)
		}
	}
	if !stub { // one problem for a page that is still a stub
		f.stubLines(body, bodyLine)
	}
	if !hasTitle && !f.hasErrorIn("title") {
		f.errs.Add(member.Pos{Path: p, Line: 1, Col: 1}, "title", member.Msg(f.lang, "field.required", "title"))
	}
	if len(f.errs) > 0 {
		return nil, f.errs
	}
	return pg, nil
}

// stubSamples are lines of the Impressum that memberdir init writes,
// which stand for what the organiser must fill in. A page that still has
// one is refused even when the stub line was deleted, since an Impressum
// with "Street and number" in it fails the law it is there for.
var stubSamples = []string{
	"Name des Vereins oder der Firma", "Straße und Hausnummer", "Postleitzahl und Ort", "E-Mail: …", "Telefon: …",
	"Name of the association or company", "Street and number", "Postcode and town", "E-mail: …", "Phone: …",
}

// stubLines reports the first line of body that is one of stubSamples.
func (f *file) stubLines(body string, bodyLine int) {
	for i, l := range strings.Split(body, "\n") {
		l = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(l), "\\"))
		for _, s := range stubSamples {
			if strings.EqualFold(l, s) {
				f.errs.Add(member.Pos{Path: f.path, Line: bodyLine + i, Col: 1}, "", member.Msg(f.lang, "page.sample", l))
				return
			}
		}
	}
}
