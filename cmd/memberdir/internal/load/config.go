package load

import (
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/colour"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
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
	"referral":    {"subject", "body", "cc_member", "ask_subject", "ask_body"},
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
				if !contains(subs, sk.Value) {
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
					cfg.Referral.Subject = str(sv, full)
				case "referral.body":
					cfg.Referral.Body = str(sv, full)
				case "referral.ask_subject":
					cfg.Referral.AskSubject = str(sv, full)
				case "referral.ask_body":
					cfg.Referral.AskBody = str(sv, full)
				case "referral.card_body":
					cfg.Referral.CardBody = str(sv, full)
				case "referral.cc_member":
					cfg.Referral.CcMember, _ = f.boolean(sv, full)
				case "contact.subject":
					cfg.ContactSubject = str(sv, full)
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
	seen := map[string]bool{}
	for _, it := range v.Content {
		if it.Kind != yaml.MappingNode {
			f.add(it, name, "field.maplist", subs[0])
			continue
		}
		vals := map[string]string{}
		var urlPos member.Pos
		for _, kv := range f.entries(it, name+".") {
			if !contains(subs, kv[0].Value) {
				f.unknown(kv[0], name+".", "config.unknown", subs)
				continue
			}
			vals[kv[0].Value], _ = f.text(kv[1], name+"."+kv[0].Value, member.Field{Kind: member.String, Max: 500})
			if kv[0].Value == "url" {
				urlPos = f.pos(kv[1])
			}
		}
		switch name {
		case "categories":
			id, label := vals["id"], vals["label"]
			if !member.IsSlug(id) || label == "" || seen[id] {
				f.add(it, name, "config.category")
				continue
			}
			seen[id] = true
			cfg.Categories = append(cfg.Categories, member.ConfigCategory{ID: id, Label: label})
		case "footer":
			u := vals["url"]
			if vals["label"] == "" || !(strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") || member.CheckURL(u) == "" || strings.HasPrefix(u, "mailto:") && member.CheckEmail(strings.TrimPrefix(u, "mailto:")) == "") {
				f.add(it, name, "url.invalid", u)
				continue
			}
			cfg.Footer = append(cfg.Footer, member.Link{Label: vals["label"], URL: u, Pos: urlPos})
		case "extra_fields":
			x := member.ExtraField{Name: vals["name"], Label: vals["label"], Type: vals["type"]}
			if x.Type == "" {
				x.Type = "string"
			}
			_, builtin := fieldByName(member.ProfileFields, x.Name)
			if !extraNameRE.MatchString(x.Name) || builtin || seen[x.Name] || !contains([]string{"string", "url", "list"}, x.Type) {
				f.add(it, name, "config.extra", x.Name)
				continue
			}
			seen[x.Name] = true
			cfg.ExtraFields = append(cfg.ExtraFields, x)
		}
	}
}

// baseURL normalises base_url to end in a slash; it accepts an absolute
// http(s) URL or a root-relative path.
func (f *file) baseURL(v *yaml.Node) string {
	s, ok := f.text(v, "base_url", member.Field{Kind: member.String, Max: 500})
	if !ok || s == "" {
		return "/"
	}
	u, err := url.Parse(s)
	if err != nil || u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(s, "\"'<> ") ||
		!(u.Scheme == "http" || u.Scheme == "https") && !(u.Scheme == "" && u.Host == "" && strings.HasPrefix(s, "/")) ||
		(u.Scheme != "" && u.Host == "") {
		f.add(v, "base_url", "config.baseurl", s)
		return "/"
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
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
