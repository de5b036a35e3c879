package load

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
	"gopkg.in/yaml.v3"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/colour"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/referral"
)

// setting is one key of config.yaml with the decoder of its value, so
// that no key is read without being known or known without being read.
// A setting that groups others (organiser:, theme:) or lists small
// mappings (categories:) names what may stand in it: fields, each again
// a setting with its decoder, or items, the keys of each entry.
type setting struct {
	name string
	// decode reads v, the value of the setting called field (with its
	// group: "theme.color"), into cfg and reports its problems.
	decode func(f *file, v *yaml.Node, field string, cfg *member.Config)
	fields []setting
	items  []string
	// early settings are decoded before all others, before even
	// duplicate keys are reported: the language decides in which
	// language the other problems are reported.
	early bool
}

// settings are the keys config.yaml may have.
var settings = []setting{
	{name: "title", decode: func(f *file, v *yaml.Node, field string, cfg *member.Config) {
		cfg.Title = f.setting(v, field)
	}},
	{name: "description", decode: func(f *file, v *yaml.Node, field string, cfg *member.Config) {
		cfg.Description = f.setting(v, field)
	}},
	{name: "base_url", decode: func(f *file, v *yaml.Node, _ string, cfg *member.Config) {
		cfg.BaseURL = f.baseURL(v)
	}},
	{name: "language", early: true, decode: func(f *file, v *yaml.Node, field string, cfg *member.Config) {
		switch v.Value {
		case "de", "en":
			cfg.Language = v.Value
			f.lang = cfg.Language
		default:
			f.add(v, field, "config.language", v.Value)
		}
	}},
	group("organiser",
		setting{name: "name", decode: func(f *file, v *yaml.Node, field string, cfg *member.Config) {
			cfg.Organiser.Name = f.setting(v, field)
		}},
		setting{name: "email", decode: func(f *file, v *yaml.Node, field string, cfg *member.Config) {
			cfg.Organiser.Email = f.setting(v, field)
			if key := member.CheckEmail(cfg.Organiser.Email); cfg.Organiser.Email != "" && key != "" {
				f.add(v, field, key, cfg.Organiser.Email)
			}
		}},
		setting{name: "github", decode: func(f *file, v *yaml.Node, field string, cfg *member.Config) {
			if items, ok := f.list(v, field, member.Field{Kind: member.List, Max: 50, ItemMax: 39}); ok {
				for i, u := range items {
					if key := member.CheckGitHub(u); key != "" {
						f.add(v.Content[i], field, key, u)
					}
				}
				cfg.Organiser.GitHub = items
			}
		}},
	),
	{name: "edit_url", decode: func(f *file, v *yaml.Node, field string, cfg *member.Config) {
		cfg.EditURL = f.setting(v, field)
		if cfg.EditURL != "" && member.CheckURL(cfg.EditURL) != "" {
			f.value(v, field, member.CheckURL(cfg.EditURL), cfg.EditURL)
		} else if cfg.EditURL != "" {
			f.editURL(v, cfg.EditURL)
		}
	}},
	list("categories", []string{"id", "label"}, func(f *file, cfg *member.Config) entry {
		// seen and labels hold the line of each id and label so far,
		// for the message about the second.
		seen, labels := map[string]int{}, map[string]int{}
		return func(_ *yaml.Node, vals map[string]string, at func(string) *yaml.Node) {
			if c, ok := f.category(vals["id"], vals["label"], at, seen, labels); ok {
				cfg.Categories = append(cfg.Categories, c)
			}
		}
	}),
	{name: "exclusive_categories", decode: func(f *file, v *yaml.Node, field string, cfg *member.Config) {
		cfg.ExclusiveCategories, _ = f.boolean(v, field)
	}},
	group("privacy",
		setting{name: "noindex", decode: func(f *file, v *yaml.Node, field string, cfg *member.Config) {
			cfg.Privacy.NoIndex, _ = f.boolean(v, field)
		}},
		setting{name: "obfuscate_email", decode: func(f *file, v *yaml.Node, field string, cfg *member.Config) {
			cfg.Privacy.ObfuscateEmail, _ = f.boolean(v, field)
		}},
	),
	list("footer", []string{"label", "url"}, func(f *file, cfg *member.Config) entry {
		return func(_ *yaml.Node, vals map[string]string, at func(string) *yaml.Node) {
			if l, ok := f.footerLink(vals["label"], vals["url"], at); ok {
				cfg.Footer = append(cfg.Footer, l)
			}
		}
	}),
	{name: "strings", decode: func(f *file, v *yaml.Node, field string, cfg *member.Config) {
		cfg.Strings, cfg.StringsPos = map[string]string{}, map[string]member.Pos{}
		if v.Kind != yaml.MappingNode {
			f.add(v, field, "field.map")
			return
		}
		for _, kv := range f.entries(v, field+".") {
			cfg.Strings[kv[0].Value] = f.setting(kv[1], field+"."+kv[0].Value)
			cfg.StringsPos[kv[0].Value] = f.pos(kv[0])
		}
	}},
	group("referral",
		setting{name: "subject", decode: func(f *file, v *yaml.Node, field string, cfg *member.Config) {
			cfg.Referral.Subject = f.mailText(v, field, cfg)
		}},
		setting{name: "body", decode: func(f *file, v *yaml.Node, field string, cfg *member.Config) {
			cfg.Referral.Body = f.mailText(v, field, cfg)
		}},
		setting{name: "cc_member", decode: func(f *file, v *yaml.Node, field string, cfg *member.Config) {
			cfg.Referral.CcMember, _ = f.boolean(v, field)
		}},
		setting{name: "ask_subject", decode: func(f *file, v *yaml.Node, field string, cfg *member.Config) {
			cfg.Referral.AskSubject = f.mailText(v, field, cfg)
		}},
		setting{name: "ask_body", decode: func(f *file, v *yaml.Node, field string, cfg *member.Config) {
			cfg.Referral.AskBody = f.mailText(v, field, cfg)
		}},
		setting{name: "card_body", decode: func(f *file, v *yaml.Node, field string, cfg *member.Config) {
			cfg.Referral.CardBody = f.mailText(v, field, cfg)
		}},
	),
	group("contact",
		setting{name: "subject", decode: func(f *file, v *yaml.Node, field string, cfg *member.Config) {
			cfg.ContactSubject = f.mailText(v, field, cfg)
		}},
	),
	{name: "link_params", decode: func(f *file, v *yaml.Node, field string, cfg *member.Config) {
		cfg.LinkParams = f.setting(v, field)
		if _, err := url.ParseQuery(cfg.LinkParams); err != nil || strings.ContainsAny(cfg.LinkParams, " ?#\"'<>") {
			f.add(v, field, "config.params", cfg.LinkParams)
		}
	}},
	{name: "page_size", decode: func(f *file, v *yaml.Node, field string, cfg *member.Config) {
		n, err := strconv.Atoi(v.Value)
		if v.Kind != yaml.ScalarNode || err != nil || n < 10 || n > 100000 {
			f.add(v, field, "config.pagesize")
			return
		}
		cfg.PageSize = n
	}},
	list("extra_fields", []string{"name", "label", "type"}, func(f *file, cfg *member.Config) entry {
		seen := map[string]int{} // the line of each name so far
		return func(it *yaml.Node, vals map[string]string, at func(string) *yaml.Node) {
			if x, ok := f.extraField(it, vals, at, seen); ok {
				cfg.ExtraFields = append(cfg.ExtraFields, x)
			}
		}
	}),
	group("theme",
		setting{name: "color", decode: func(f *file, v *yaml.Node, _ string, cfg *member.Config) {
			cfg.Theme.Color = f.themeColor(v)
		}},
		setting{name: "logo", decode: func(f *file, v *yaml.Node, _ string, cfg *member.Config) {
			cfg.Theme.Logo = f.themeLogo(v)
			cfg.Theme.LogoPos = f.pos(v)
		}},
	),
}

// ConfigKeys returns the names of the settings config.yaml may have at
// its top level, for the sample config.yaml to explain each of them.
func ConfigKeys() []string {
	return settingNames(settings)
}

func settingNames(s []setting) []string {
	names := make([]string, len(s))
	for i, st := range s {
		names[i] = st.name
	}
	return names
}

// settingByName returns the setting of s called name.
func settingByName(s []setting, name string) (setting, bool) {
	for _, st := range s {
		if st.name == name {
			return st, true
		}
	}
	return setting{}, false
}

// setting reads a setting's text.
func (f *file) setting(v *yaml.Node, field string) string {
	s, _ := f.text(v, field, member.Field{Kind: member.Text, Max: 5000})
	return s
}

// group is a setting that is a mapping of the settings fields.
func group(name string, fields ...setting) setting {
	return setting{name: name, fields: fields, decode: func(f *file, v *yaml.Node, field string, cfg *member.Config) {
		if v.Kind != yaml.MappingNode {
			f.add(v, field, "field.map")
			return
		}
		for _, kv := range f.entries(v, field+".") {
			k, sv := kv[0], kv[1]
			s, ok := settingByName(fields, k.Value)
			if !ok {
				f.unknown(k, field+".", "config.unknown", settingNames(fields))
				continue
			}
			s.decode(f, sv, field+"."+k.Value, cfg)
		}
	}}
}

// entry decodes one entry of a list setting, given its node, the text of
// its keys and at, which returns where a problem with a key is shown: its
// value, or the entry when the key is missing.
type entry func(it *yaml.Node, vals map[string]string, at func(key string) *yaml.Node)

// list is a setting that is a list of small mappings with the keys
// items; start returns, for each config.yaml, the function that decodes
// its entries, which may remember those it has seen.
func list(name string, items []string, start func(f *file, cfg *member.Config) entry) setting {
	return setting{name: name, items: items, decode: func(f *file, v *yaml.Node, field string, cfg *member.Config) {
		f.configList(v, field, items, start(f, cfg))
	}}
}

var languageRE = regexp.MustCompile(`(?m)^language:[ \t]*["']?(de|en)["']?[ \t]*(?:#.*)?$`)

var extraNameRE = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

// Config decodes config.yaml. data nil means the file does not exist, and
// the defaults are used. Every problem is reported with its line.
func Config(path string, data []byte) (member.Config, member.ErrorList) {
	cfg, errs, _ := readConfig(path, data)
	return cfg, errs
}

// readConfig is Config that also tells whether the file could be read at
// all. When it could not (its YAML is broken), cfg is the defaults but for
// the language of a plain "language:" line, and the profiles must not be
// checked against it: its categories and extra fields are missing, and
// every use of them would be a false problem.
func readConfig(path string, data []byte) (cfg member.Config, errs member.ErrorList, read bool) {
	cfg = member.DefaultConfig()
	if data == nil {
		return cfg, nil, true
	}
	cfg.Path = path
	f := &file{path: path, lang: "de"}
	if len(data) > MaxProfileSize {
		f.errs.Add(member.Pos{Path: path}, "", member.Msg(f.lang, "file.toolarge", size(len(data)), size(MaxProfileSize)))
		return cfg, f.errs, false
	}
	text := strings.ReplaceAll(strings.TrimPrefix(string(data), "\xef\xbb\xbf"), "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n") // old Mac line ends, as split reads them
	// Syntax errors are found before the YAML can be read: take their
	// language from a plain "language: en" line.
	if m := languageRE.FindStringSubmatch(text); m != nil {
		f.lang = m[1]
	}
	root := f.parse(text)
	if root == nil {
		cfg.Language = f.lang
		return cfg, f.errs, false
	}
	if root.Kind != yaml.MappingNode {
		if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
			return cfg, nil, true
		}
		f.add(root, "", "config.notmap")
		return cfg, f.errs, false
	}
	for _, s := range settings {
		if !s.early {
			continue
		}
		for i := 0; i+1 < len(root.Content); i += 2 {
			if k, v := root.Content[i], root.Content[i+1]; k.Value == s.name {
				s.decode(f, v, s.name, &cfg)
				break
			}
		}
	}
	for _, kv := range f.entries(root, "") {
		k, v := kv[0], kv[1]
		s, known := settingByName(settings, k.Value)
		switch {
		case !known:
			f.unknown(k, "", "config.unknown", sortedStrings(settingNames(settings)))
		case !s.early:
			s.decode(f, v, s.name, &cfg)
		}
	}
	return cfg, f.errs, true
}

// configList decodes a list of small mappings with the keys items, each
// entry with decode: categories, footer links and extra fields.
func (f *file) configList(v *yaml.Node, name string, items []string, decode entry) {
	if v.Kind != yaml.SequenceNode {
		f.add(v, name, "field.maplist", items[0])
		return
	}
	for _, it := range v.Content {
		if it.Kind != yaml.MappingNode {
			f.add(it, name, "field.maplist", items[0])
			continue
		}
		vals := map[string]string{}
		nodes := map[string]*yaml.Node{}
		readable := true
		for _, kv := range f.entries(it, name+".") {
			if !slices.Contains(items, kv[0].Value) {
				f.unknown(kv[0], name+".", "config.unknown", items)
				continue
			}
			var ok bool
			vals[kv[0].Value], ok = f.text(kv[1], name+"."+kv[0].Value, member.Field{Kind: member.String, Max: 500})
			nodes[kv[0].Value] = kv[1]
			readable = readable && ok
		}
		if !readable {
			continue // reported by f.text
		}
		at := func(key string) *yaml.Node {
			if n := nodes[key]; n != nil {
				return n
			}
			return it
		}
		decode(it, vals, at)
	}
}

// extraField checks one entry of the extra fields: a type of
// extraTypes, and a name that is no profile field's and not taken by an
// entry above, whose line seen holds.
func (f *file) extraField(it *yaml.Node, vals map[string]string, at func(string) *yaml.Node, seen map[string]int) (member.ExtraField, bool) {
	const name = "extra_fields"
	x := member.ExtraField{Name: vals["name"], Label: vals["label"], Type: vals["type"]}
	if x.Type == "" {
		x.Type = "string"
	}
	ok := true
	if !slices.Contains(extraTypes, x.Type) {
		f.extraType(at("type"), x.Type)
		ok = false
	}
	_, builtin := fieldByName(member.ProfileFields, x.Name)
	if !extraNameRE.MatchString(x.Name) || builtin || seen[x.Name] > 0 {
		f.add(it, name, "config.extra", x.Name)
		ok = false
	}
	if extraNameRE.MatchString(x.Name) && seen[x.Name] == 0 {
		seen[x.Name] = it.Line
	}
	return x, ok
}

// category checks one entry of the category list. The id becomes the
// category's address (/tags/<id>/), so it must be a slug; an id written
// like a label ("Recht und Steuern") is answered with the slug to write.
// Two categories with the same id, or the same label, are refused: the
// visitors could not tell them apart.
func (f *file) category(id, label string, at func(string) *yaml.Node, seen, labels map[string]int) (member.ConfigCategory, bool) {
	const field = "categories"
	if id == "" && label == "" {
		f.add(at(""), field, "config.category")
		return member.ConfigCategory{}, false
	}
	ok := true
	switch {
	case id == "" && member.Slugify(label) != "":
		f.add(at("id"), field, "config.categorynoid", label, member.Slugify(label))
		ok = false
	case id == "" || !member.IsSlug(id) && member.Slugify(id) == "":
		f.add(at("id"), field, "config.category")
		ok = false
	case !member.IsSlug(id):
		f.add(at("id"), field, "config.categoryid", id, member.Slugify(id))
		ok = false
	case seen[id] > 0:
		f.add(at("id"), field, "config.categorytwice", id, seen[id]+f.offset)
		ok = false
	default:
		seen[id] = at("id").Line
	}
	fold := strings.ToLower(label)
	switch {
	case label == "" && id != "":
		f.add(at("label"), field, "config.categorylabel", id)
		ok = false
	case label == "":
	case labels[fold] > 0:
		f.add(at("label"), field, "config.categorylabeltwice", label, labels[fold]+f.offset)
		ok = false
	default:
		labels[fold] = at("label").Line
	}
	return member.ConfigCategory{ID: id, Label: label}, ok
}

// footerLink checks one footer link: it needs a label and a url, which is
// a path within the site, an http(s) address, or a mailto: or tel: link
// (see member.MailOrPhone). A path
// to a page gets the slash the page's address ends in, so that
// "/datenschutz" is the same link as the page's own menu entry
// "/datenschutz/" and not shown twice.
func (f *file) footerLink(label, u string, at func(string) *yaml.Node) (member.Link, bool) {
	const field = "footer"
	if label == "" && u == "" {
		f.add(at(""), field, "config.footerempty")
		return member.Link{}, false
	}
	ok := true
	if label == "" {
		f.add(at("label"), field, "config.footerlabel", u)
		ok = false
	}
	if u == "" {
		slug := member.Slugify(label)
		if slug == "" {
			slug = "impressum"
		}
		f.add(at("url"), field, "config.footerurl", label, slug, slug)
		return member.Link{}, false
	}
	if !(strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") || member.CheckURL(u) == "" || member.MailOrPhone(u)) {
		f.add(at("url"), field, "config.footerinvalid", u)
		ok = false
	}
	return member.Link{Label: label, URL: pageLink(u), Pos: f.pos(at("url"))}, ok
}

// pageLink returns a root-relative link to a page of the site with the
// slash its address ends in: "/datenschutz" is "/datenschutz/". Links to
// files ("/members.json") and all other links are returned as they are.
func pageLink(u string) string {
	if !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") {
		return u
	}
	i := strings.IndexAny(u, "?#")
	if i < 0 {
		i = len(u)
	}
	p := u[:i]
	if strings.HasSuffix(p, "/") || strings.Contains(path.Base(p), ".") {
		return u
	}
	return p + "/" + u[i:]
}

// extraTypes are the types an extra field may have.
var extraTypes = []string{"string", "url", "list"}

// extraTypeFixes are the types organisers write for the ones above.
var extraTypeFixes = map[string]string{
	"text": "string", "str": "string", "textarea": "string", "markdown": "string", "zeichenkette": "string",
	"link": "url", "uri": "url", "href": "url", "web": "url", "website": "url", "adresse": "url", "webadresse": "url",
	"array": "list", "liste": "list", "tags": "list", "strings": "list",
}

// extraType reports an unknown type of an extra field, with the type
// meant when it is a usual other name for one.
func (f *file) extraType(n *yaml.Node, typ string) {
	if fix := extraTypeFixes[strings.ToLower(typ)]; fix != "" {
		f.add(n, "extra_fields", "config.extratypefix", typ, fix)
		return
	}
	if fix := strings.ToLower(typ); slices.Contains(extraTypes, fix) {
		f.add(n, "extra_fields", "config.extratypefix", typ, fix)
		return
	}
	f.add(n, "extra_fields", "config.extratype", typ)
}

// placeholderRE matches what looks like a placeholder in edit_url: a word
// in braces, also doubled or percent-encoded ({pfad}, {{path}}, %7Bpath%7D).
var placeholderRE = regexp.MustCompile(`(?i)(?:\{|%7b)+[^{}%/?#]*(?:\}|%7d)+`)

// editURL checks that the edit link's pattern has exactly one {path},
// which the build replaces with the profile's file: without it every
// profile's link would lead to the same place, and a variant such as
// {pfad} would end up in the link as it is.
func (f *file) editURL(v *yaml.Node, s string) {
	marks := placeholderRE.FindAllString(s, -1)
	for _, m := range marks {
		if m != "{path}" {
			f.add(v, "edit_url", "config.editurlvariant", s, m, strings.Replace(s, m, "{path}", 1))
			return
		}
	}
	switch {
	case len(marks) > 1:
		f.add(v, "edit_url", "config.editurltwice", s, len(marks))
	case len(marks) == 0:
		fix := "https://github.com/org/repo/edit/main/{path}"
		if u, err := url.Parse(s); err == nil && !strings.ContainsAny(s, "?#") {
			parts := strings.Split(strings.Trim(u.Path, "/"), "/")
			switch {
			case strings.EqualFold(u.Host, "github.com") && len(parts) == 2:
				fix = strings.TrimSuffix(s, "/") + "/edit/main/{path}"
			default:
				fix = strings.TrimSuffix(s, "/") + "/{path}"
			}
		}
		f.add(v, "edit_url", "config.editurlnone", s, fix)
	}
}

// baseURL normalises base_url to end in a slash; it accepts an absolute
// http(s) URL or a root-relative path. An address that would build a
// broken site is refused with the one to write: a file instead of a
// folder, a query or fragment, an address on the organiser's own computer.
func (f *file) baseURL(v *yaml.Node) string {
	s, ok := f.text(v, "base_url", member.Field{Kind: member.String, Max: 500})
	if !ok || s == "" {
		return "/"
	}
	u, err := url.Parse(s)
	if err != nil || strings.ContainsAny(s, "\"'<> ") ||
		!(u.Scheme == "http" || u.Scheme == "https") && !(u.Scheme == "" && u.Host == "" && strings.HasPrefix(s, "/")) ||
		(u.Scheme != "" && u.Host == "") {
		f.add(v, "base_url", "config.baseurl", s)
		return "/"
	}
	if u.Host != "" && member.LocalHost(u.Hostname()) {
		f.add(v, "base_url", "config.baseurllocal", s)
		return "/"
	}
	// fix is the folder s means: without query and fragment, and
	// without a page's file name.
	dir := *u
	dir.RawQuery, dir.ForceQuery, dir.Fragment, dir.RawFragment = "", false, "", ""
	file := !strings.HasSuffix(u.Path, "/") && pageFiles[strings.ToLower(path.Ext(u.Path))]
	if file {
		dir.Path, dir.RawPath = path.Dir(u.Path), ""
	}
	if !strings.HasSuffix(dir.Path, "/") {
		dir.Path += "/"
	}
	fix := dir.String()
	if strings.ContainsAny(s, "?#") {
		f.add(v, "base_url", "config.baseurlquery", s, fix)
		return "/"
	}
	if file {
		f.add(v, "base_url", "config.baseurlfile", s, path.Base(u.Path), fix)
		return "/"
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	// "netzwerk-köln.de" in its ASCII form, xn--netzwerk-kln-…, as the
	// sitemap, the canonical links and the vCards need it: written as is
	// it came out three ways (raw, %c3%b6, %C3%B6).
	if ascii, err := idna.Lookup.ToASCII(u.Hostname()); err == nil && ascii != u.Hostname() {
		s = strings.Replace(s, u.Hostname(), ascii, 1)
	}
	return s
}

// pageFiles are the extensions of web pages, which base_url may not end
// in: the site's pages and styles would be looked for below the file.
var pageFiles = map[string]bool{".html": true, ".htm": true, ".php": true, ".asp": true, ".aspx": true, ".jsp": true, ".shtml": true, ".xhtml": true}

// mailFields are the values the e-mail texts may use, for the fix of a
// placeholder in single braces.
var mailFields = referral.Fields()

var (
	actionRE = regexp.MustCompile(`(?s)\{\{.*?\}\}`)
	braceRE  = regexp.MustCompile(`\{[^{}\n]*\}`)
)

// mailText reads one of the e-mail texts (referral.*, contact.subject).
// They are templates, checked as such where the links are made (package
// referral); here only a placeholder in single braces is reported, such
// as {Member.Name}: it is no template action and would arrive in the
// e-mail as it is. Where the text stands goes to cfg.TextsPos.
func (f *file) mailText(v *yaml.Node, field string, cfg *member.Config) string {
	if cfg.TextsPos == nil {
		cfg.TextsPos = map[string]member.Pos{}
	}
	cfg.TextsPos[field] = f.pos(v)
	s, ok := f.text(v, field, member.Field{Kind: member.Text, Max: 5000})
	if !ok {
		return ""
	}
	blank := actionRE.ReplaceAllStringFunc(v.Value, func(a string) string { return strings.Repeat(" ", len(a)) })
	for _, m := range braceRE.FindAllStringIndex(blank, -1) {
		brace := v.Value[m[0]:m[1]]
		pos := f.textPos(v, m[0], brace)
		// Only the name of a placeholder is one meant: "{ab 50 €}",
		// "{de, en}" or "Hallo {Vorname}," (for the sender to fill in)
		// are text.
		if fix := mailField(brace[1 : len(brace)-1]); fix != "" {
			f.errs.Add(pos, field, member.Msg(f.lang, "config.brace", brace, "{{."+fix+"}}"))
		}
	}
	return s
}

// textPos returns the position of text, found at byte i of the value of
// v: where it stands on the value's line, or in a block after "|" or ">"
// on the line that holds it; else the value's start.
func (f *file) textPos(v *yaml.Node, i int, text string) member.Pos {
	if v.Line < 1 || v.Line > len(f.lines) {
		return f.pos(v)
	}
	if v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
		l := f.lines[v.Line-1]
		start := len(l)
		for j := range l {
			if utf8.RuneCountInString(l[:j]) == v.Column-1 {
				start = j
				break
			}
		}
		if col := strings.Index(l[start:], text); col >= 0 {
			return member.Pos{Path: f.path, Line: v.Line + f.offset, Col: v.Column + utf8.RuneCountInString(l[start:start+col])}
		}
		return f.pos(v)
	}
	indent := func(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }
	key := indent(f.lines[v.Line-1])
	line := v.Line + 1
	if v.Style&yaml.LiteralStyle != 0 {
		line += strings.Count(v.Value[:i], "\n") // "|" keeps the lines
	}
	for ; line <= len(f.lines); line++ {
		l := f.lines[line-1]
		if strings.TrimSpace(l) != "" && indent(l) <= key {
			break // past the block
		}
		if col := strings.Index(l, text); col >= 0 {
			return member.Pos{Path: f.path, Line: line + f.offset, Col: utf8.RuneCountInString(l[:col]) + 1}
		}
	}
	return f.pos(v)
}

// mailField returns the value of the e-mail texts that name means, in
// any case and with or without "Member.": "Member.Name", "name" and
// ".member.name" are Member.Name. It returns "" for any other name.
func mailField(name string) string {
	key := strings.ToLower(strings.NewReplacer("_", "", "-", "", " ", "").Replace(strings.TrimPrefix(strings.TrimSpace(name), ".")))
	if key == "" {
		return ""
	}
	for _, m := range mailFields {
		last := m[strings.LastIndex(m, ".")+1:]
		if key == strings.ToLower(m) || key == strings.ToLower(last) {
			return m
		}
	}
	return ""
}

// Backgrounds the accent colour is used on in the default theme's light
// scheme: the page, cards and the tag chips.
var lightBackgrounds = []colour.RGB{colour.White, colour.MustParse("#fbfaf7")}

// themeColor checks the network's brand colour. It colours links and the
// text of buttons' white labels, so it must keep WCAG AA contrast on
// white; a colour that does not is refused with the nearest darker shade
// that does, rather than silently made unreadable or silently changed.
func (f *file) themeColor(v *yaml.Node) string {
	c, err := colour.Parse(v.Value)
	if v.Kind != yaml.ScalarNode || err != nil {
		f.add(v, "theme.color", "config.color", v.Value)
		return ""
	}
	if got := min(colour.Contrast(c, colour.White), colour.Contrast(c, lightBackgrounds[1])); got < colour.AA {
		better, _ := colour.Towards(c, colour.Black, colour.AA+0.1, lightBackgrounds...)
		ratio := fmt.Sprintf("%.1f", got)
		if f.lang == "de" {
			ratio = strings.Replace(ratio, ".", ",", 1)
		}
		f.add(v, "theme.color", "config.colorcontrast", v.Value, ratio, better.String())
		return ""
	}
	return c.String()
}

// themeLogo checks the logo's path: a file under the site's content/.
// The file itself is read and checked with the rest of the site.
func (f *file) themeLogo(v *yaml.Node) string {
	p := strings.TrimPrefix(strings.TrimSpace(v.Value), "/")
	p = strings.TrimPrefix(p, "./") // "./content/logo.svg" is content/logo.svg
	switch strings.ToLower(path.Ext(p)) {
	case ".svg", ".png", ".jpg", ".jpeg", ".webp":
	default:
		f.add(v, "theme.logo", "config.logotype", v.Value)
		return ""
	}
	// Under content/, so that serve sees it change and a logo never comes
	// from a folder the site does not publish from, such as .git/.
	if v.Kind != yaml.ScalarNode || !strings.HasPrefix(p, "content/") || !fs.ValidPath(p) || strings.Contains(p, "/.") {
		f.add(v, "theme.logo", "config.logopath", v.Value)
		return ""
	}
	return p
}

// strayConfig reports the files that look like the site's settings but
// are not read, because only config.yaml in the site's folder is:
// config.yml, Config.yaml, config.YAML, content/config.yaml. Without a
// word the site would be built with the defaults, losing its title,
// categories and privacy switches. lang is the site's language; when
// config.yaml is missing, a "language:" line of the stray file decides.
func strayConfig(fsys fs.FS, lang string) member.ErrorList {
	exact := false
	var root, inContent []string
	if entries, err := fs.ReadDir(fsys, "."); err == nil {
		for _, e := range entries {
			exact = exact || e.Name() == ConfigFile && !e.IsDir()
			if configName(e) && e.Name() != ConfigFile {
				root = append(root, e.Name())
			}
		}
	}
	if entries, err := fs.ReadDir(fsys, ContentDir); err == nil {
		for _, e := range entries {
			if configName(e) {
				inContent = append(inContent, ContentDir+"/"+e.Name())
			}
		}
	}
	// On a disk that does not tell upper and lower case apart (macOS,
	// Windows) Config.yaml is read as config.yaml, but not where the site
	// is built for publishing.
	_, err := fs.Stat(fsys, ConfigFile)
	readHere := err == nil
	var errs member.ErrorList
	report := func(p, key string) {
		l := lang
		if !readHere {
			if data, err := readLimited(fsys, p, MaxProfileSize); err == nil {
				if m := languageRE.FindSubmatch(bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))); m != nil {
					l = string(m[1])
				}
			}
		}
		errs.Add(member.Pos{Path: p}, "", member.Msg(l, key))
	}
	for _, p := range root {
		switch {
		case exact:
			report(p, "config.strayboth")
		case readHere:
			report(p, "config.straycase")
		default:
			report(p, "config.strayname")
		}
	}
	for _, p := range inContent {
		if exact || readHere {
			report(p, "config.strayboth")
		} else {
			report(p, "config.straymove")
		}
	}
	return errs
}

// configName reports whether e is a file named like config.yaml, in any
// spelling: config.yaml, config.yml, Config.yaml, CONFIG.YML, …
func configName(e fs.DirEntry) bool {
	n := strings.ToLower(e.Name())
	return !e.IsDir() && (n == "config.yaml" || n == "config.yml")
}
