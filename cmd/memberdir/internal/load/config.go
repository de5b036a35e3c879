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

// configKeys are the settings config.yaml may have, with their sub-keys.
var configKeys = map[string][]string{
	"title": nil, "description": nil, "base_url": nil, "language": nil,
	"organiser":  {"name", "email", "github"},
	"edit_url":   nil,
	"categories": {"id", "label"}, "exclusive_categories": nil,
	"privacy":     {"noindex", "obfuscate_email"},
	"footer":      {"label", "url"},
	"strings":     nil,
	"referral":    {"subject", "body", "cc_member", "ask_subject", "ask_body", "card_body"},
	"contact":     {"subject"},
	"link_params": nil, "page_size": nil,
	"extra_fields": {"name", "label", "type"},
	"theme":        {"color", "logo"},
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
	// The language comes first, before even duplicate keys are reported:
	// it decides in which language the other problems are reported.
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k, v := root.Content[i], root.Content[i+1]; k.Value == "language" {
			switch v.Value {
			case "de", "en":
				cfg.Language = v.Value
				f.lang = cfg.Language
			default:
				f.add(v, "language", "config.language", v.Value)
			}
			break
		}
	}
	entries := f.entries(root, "")
	top := make([]string, 0, len(configKeys))
	for k := range configKeys {
		top = append(top, k)
	}
	str := func(v *yaml.Node, name string) string {
		s, _ := f.text(v, name, member.Field{Kind: member.Text, Max: 5000})
		return s
	}
	for _, kv := range entries {
		k, v := kv[0], kv[1]
		subs, known := configKeys[k.Value]
		if !known {
			f.unknown(k, "", "config.unknown", sortedStrings(top))
			continue
		}
		name := k.Value
		switch name {
		case "title":
			cfg.Title = str(v, name)
		case "description":
			cfg.Description = str(v, name)
		case "base_url":
			cfg.BaseURL = f.baseURL(v)
		case "edit_url":
			cfg.EditURL = str(v, name)
			if cfg.EditURL != "" && member.CheckURL(cfg.EditURL) != "" {
				f.value(v, name, member.CheckURL(cfg.EditURL), cfg.EditURL)
			} else if cfg.EditURL != "" {
				f.editURL(v, cfg.EditURL)
			}
		case "link_params":
			cfg.LinkParams = str(v, name)
			if _, err := url.ParseQuery(cfg.LinkParams); err != nil || strings.ContainsAny(cfg.LinkParams, " ?#\"'<>") {
				f.add(v, name, "config.params", cfg.LinkParams)
			}
		case "exclusive_categories":
			cfg.ExclusiveCategories, _ = f.boolean(v, name)
		case "page_size":
			n, err := strconv.Atoi(v.Value)
			if v.Kind != yaml.ScalarNode || err != nil || n < 10 || n > 100000 {
				f.add(v, name, "config.pagesize")
				continue
			}
			cfg.PageSize = n
		case "strings":
			cfg.Strings, cfg.StringsPos = map[string]string{}, map[string]member.Pos{}
			if v.Kind != yaml.MappingNode {
				f.add(v, name, "field.map")
				continue
			}
			for _, kv := range f.entries(v, "strings.") {
				cfg.Strings[kv[0].Value] = str(kv[1], "strings."+kv[0].Value)
				cfg.StringsPos[kv[0].Value] = f.pos(kv[0])
			}
		case "organiser", "privacy", "referral", "contact", "theme":
			if v.Kind != yaml.MappingNode {
				f.add(v, name, "field.map")
				continue
			}
			for _, kv := range f.entries(v, name+".") {
				sk, sv := kv[0], kv[1]
				full := name + "." + sk.Value
				if !slices.Contains(subs, sk.Value) {
					f.unknown(sk, name+".", "config.unknown", subs)
					continue
				}
				switch full {
				case "organiser.name":
					cfg.Organiser.Name = str(sv, full)
				case "organiser.email":
					cfg.Organiser.Email = str(sv, full)
					if key := member.CheckEmail(cfg.Organiser.Email); cfg.Organiser.Email != "" && key != "" {
						f.add(sv, full, key, cfg.Organiser.Email)
					}
				case "organiser.github":
					if items, ok := f.list(sv, full, member.Field{Kind: member.List, Max: 50, ItemMax: 39}); ok {
						for i, u := range items {
							if key := member.CheckGitHub(u); key != "" {
								f.add(sv.Content[i], full, key, u)
							}
						}
						cfg.Organiser.GitHub = items
					}
				case "privacy.noindex":
					cfg.Privacy.NoIndex, _ = f.boolean(sv, full)
				case "privacy.obfuscate_email":
					cfg.Privacy.ObfuscateEmail, _ = f.boolean(sv, full)
				case "referral.subject":
					cfg.Referral.Subject = f.mailText(sv, full, &cfg)
				case "referral.body":
					cfg.Referral.Body = f.mailText(sv, full, &cfg)
				case "referral.ask_subject":
					cfg.Referral.AskSubject = f.mailText(sv, full, &cfg)
				case "referral.ask_body":
					cfg.Referral.AskBody = f.mailText(sv, full, &cfg)
				case "referral.card_body":
					cfg.Referral.CardBody = f.mailText(sv, full, &cfg)
				case "referral.cc_member":
					cfg.Referral.CcMember, _ = f.boolean(sv, full)
				case "contact.subject":
					cfg.ContactSubject = f.mailText(sv, full, &cfg)
				case "theme.color":
					cfg.Theme.Color = f.themeColor(sv)
				case "theme.logo":
					cfg.Theme.Logo = f.themeLogo(sv)
					cfg.Theme.LogoPos = f.pos(sv)
				}
			}
		case "categories", "footer", "extra_fields":
			f.configList(k, v, subs, &cfg)
		}
	}
	return cfg, f.errs, true
}

// configList decodes the lists of small mappings: categories, footer
// links and extra fields.
func (f *file) configList(k, v *yaml.Node, subs []string, cfg *member.Config) {
	name := k.Value
	if v.Kind != yaml.SequenceNode {
		f.add(v, name, "field.maplist", subs[0])
		return
	}
	// seen and labels hold the line of each id, name or label so far,
	// for the message about the second.
	seen, labels := map[string]int{}, map[string]int{}
	for _, it := range v.Content {
		if it.Kind != yaml.MappingNode {
			f.add(it, name, "field.maplist", subs[0])
			continue
		}
		vals := map[string]string{}
		nodes := map[string]*yaml.Node{}
		readable := true
		for _, kv := range f.entries(it, name+".") {
			if !slices.Contains(subs, kv[0].Value) {
				f.unknown(kv[0], name+".", "config.unknown", subs)
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
		// at is where a problem with key is shown: its value, or the
		// entry when the key is missing.
		at := func(key string) *yaml.Node {
			if n := nodes[key]; n != nil {
				return n
			}
			return it
		}
		switch name {
		case "categories":
			if c, ok := f.category(vals["id"], vals["label"], at, seen, labels); ok {
				cfg.Categories = append(cfg.Categories, c)
			}
		case "footer":
			if l, ok := f.footerLink(vals["label"], vals["url"], at); ok {
				cfg.Footer = append(cfg.Footer, l)
			}
		case "extra_fields":
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
			if ok {
				cfg.ExtraFields = append(cfg.ExtraFields, x)
			}
		}
	}
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
