package load

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// MaxProfileSize is the largest profile file accepted. A real profile is a
// few kilobytes; the limit keeps a mistaken upload (or a hostile one) from
// slowing every build.
const MaxProfileSize = 1 << 20

// frontMatter splits data and parses its front matter into a mapping
// node. On any problem it records it and returns a nil node.
func (f *file) frontMatter(data []byte) (root *yaml.Node, body string, bodyLine int) {
	if len(data) > MaxProfileSize {
		f.errs.Add(member.Pos{Path: f.path}, "", member.Msg(f.lang, "file.toolarge", size(len(data)), size(MaxProfileSize)))
		return nil, "", 0
	}
	if kind := binaryKind(data); kind == "UTF-16" {
		f.errs.Add(member.Pos{Path: f.path, Line: 1, Col: 1}, "", member.Msg(f.lang, "file.utf16"))
		return nil, "", 0
	} else if kind != "" {
		f.errs.Add(member.Pos{Path: f.path, Line: 1, Col: 1}, "", member.Msg(f.lang, "file.binary", kind))
		return nil, "", 0
	}
	if line, col, bad := notUTF8(data); bad {
		// Most likely saved as Latin-1 or Windows-1252 by an old editor;
		// every umlaut would be garbled, so nothing of it is read.
		f.errs.Add(member.Pos{Path: f.path, Line: line, Col: col}, "", member.Msg(f.lang, "file.utf8"))
		return nil, "", 0
	}
	fm, fmLine, body, bodyLine, problem, n := split(data)
	switch problem {
	case "":
	case "fm.notfirst":
		f.errs.Add(member.Pos{Path: f.path, Line: 1, Col: 1}, "", member.Msg(f.lang, problem, n))
		return nil, "", 0
	case "fm.baddelim":
		f.errs.Add(member.Pos{Path: f.path, Line: n, Col: 1}, "", member.Msg(f.lang, problem))
		return nil, "", 0
	case "fm.unclosed":
		// n is the line where the body seems to begin.
		f.errs.Add(member.Pos{Path: f.path, Line: n, Col: 1}, "", member.Msg(f.lang, problem))
		return nil, "", 0
	default:
		f.errs.Add(member.Pos{Path: f.path, Line: 1, Col: 1}, "", member.Msg(f.lang, problem))
		return nil, "", 0
	}
	f.offset = fmLine - 1
	if line, col, r, bad := hidden(fm, yamlBreaks); bad {
		// yaml.v3 refuses control characters with an English message and
		// counts U+0085, U+2028 and U+2029 as line ends, which would shift
		// every position after them.
		f.errs.Add(member.Pos{Path: f.path, Line: fmLine + line - 1, Col: col}, "", member.Msg(f.lang, "text.hidden", r))
		return nil, "", 0
	}
	if line, col, r, bad := hidden(body, bodyHidden); bad {
		// The body is still read, so that the fields' problems show too.
		f.errs.Add(member.Pos{Path: f.path, Line: bodyLine + line - 1, Col: col}, "", member.Msg(f.lang, "text.hidden", r))
	}
	root = f.parse(fm)
	if root == nil {
		return nil, "", 0
	}
	if root.Kind != yaml.MappingNode {
		f.add(root, "", "fm.notmap")
		return nil, "", 0
	}
	return root, body, bodyLine
}

// maxErrors is how many problems one file reports; past that a
// mistaken file (a binary, an accidental paste) would bury the rest.
const maxErrors = 30

// Profile decodes one profile file. path is the file's path relative to
// the site root (content/members/<slug>.md); cfg gives the language of the
// messages, the category list and the extra fields. Every problem found is
// returned; the member is nil only when the front matter could not be read
// at all.
func Profile(path string, data []byte, cfg *member.Config) (*member.Member, member.ErrorList) {
	m, errs := decodeProfile(path, data, cfg)
	if len(errs) > maxErrors {
		errs.Sort()
		more := len(errs) - maxErrors
		errs = append(errs[:maxErrors], &member.Error{Pos: member.Pos{Path: path}, Msg: member.Msg(cfg.Language, "file.moreerrors", more)})
	}
	return m, errs
}

func decodeProfile(path string, data []byte, cfg *member.Config) (*member.Member, member.ErrorList) {
	f := &file{path: path, lang: cfg.Language, members: true}
	slug := slugOf(path)
	root, body, bodyLine := f.frontMatter(data)
	if root == nil {
		return nil, f.errs
	}
	body = f.checkBody(body, bodyLine, root, profileBody(cfg))
	m := &member.Member{Slug: slug, Path: path, Body: body, BodyLine: bodyLine}
	f.member(root, m, cfg)
	f.placeholders(root, body, bodyLine)
	// The member is returned even with problems, so that checks across
	// files (recommends targets, exclusive categories) still run and a
	// member sees all problems at once.
	return m, f.errs
}

func size(n int) string {
	if n >= 1<<20 {
		// Rounded up, so that a file just over the limit does not read
		// as being of the limit's size.
		return fmt.Sprintf("%.1f MiB", math.Ceil(float64(n)*10/(1<<20))/10)
	}
	return fmt.Sprintf("%d KiB", (n+1023)/1024)
}

// slugOf returns the file name without its extension.
func slugOf(path string) string {
	name := path[strings.LastIndexByte(path, '/')+1:]
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[:i]
	}
	return name
}

var germanDateRE = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{4})$|^(\d{1,2})[./](\d{4})$|^(\d{1,2})/(\d{1,2})/(\d{4})$|^(\d{4})[./](\d{1,2})$`)

// member walks the top-level mapping into m.
func (f *file) member(root *yaml.Node, m *member.Member, cfg *member.Config) {
	names := profileNames
	if len(cfg.ExtraFields) > 0 {
		names = slices.Clone(names)
	}
	extra := map[string]member.ExtraField{}
	for _, x := range cfg.ExtraFields {
		extra[x.Name] = x
		names = append(names, x.Name)
	}
	// A field counts as given even when entries refuses it (an alias, a
	// duplicate): it should not also be reported as missing.
	got := make(map[string]bool, len(root.Content)/2)
	for i := 0; i < len(root.Content); i += 2 {
		got[root.Content[i].Value] = true
	}
	for _, fl := range member.ProfileFields {
		if fl.Kind == member.Bool && fl.At != nil {
			if p, ok := fl.At(m).(*bool); ok {
				*p = fl.Default // a field left out
			}
		}
	}
	for _, kv := range f.entries(root, "") {
		k, v := kv[0], kv[1]
		fl, ok := fieldByName(member.ProfileFields, k.Value)
		if !ok {
			if x, isExtra := extra[k.Value]; isExtra {
				f.extra(k, v, x, m)
				got[k.Value] = true
				continue
			}
			if parent := parentOf(k.Value); parent != "" {
				// "email:" at the left edge under "contact:": the
				// indentation got lost, as it easily does in a web editor.
				f.add(k, k.Value, "field.indent", parent)
				got[parent] = true
				continue
			}
			// A misspelt required field is reported once, as unknown
			// with its suggestion, not also as missing.
			if len(f.errs) <= maxErrors { // see unknown
				if s := member.SuggestField(k.Value, names); s != "" {
					got[s] = true
				} else if sub, parent := subField(k.Value); sub != "" {
					// "telefon:" at the left edge: a word for phone,
					// which belongs under contact:.
					f.add(k, k.Value, "field.subword", sub, parent)
					got[parent] = true
					continue
				}
			}
			f.unknown(k, "", "field.unknown", names)
			continue
		}
		got[k.Value] = true
		m.Pos.Set(k.Value, f.pos(k))
		f.field(fl, v, m, cfg)
	}
	for _, fl := range member.ProfileFields {
		if fl.Required && !got[fl.Name] {
			f.errs.Add(member.Pos{Path: f.path, Line: 1, Col: 1}, fl.Name, member.Msg(f.lang, "field.required", fl.Name))
		}
	}
}

// parentOf returns the field that name belongs under when name is a
// sub-field (email → contact), or "".
func parentOf(name string) string {
	for _, fl := range member.ProfileFields {
		for _, sub := range fl.Sub {
			if sub.Name == name {
				return fl.Name
			}
		}
	}
	return ""
}

// subField returns the field of a mapping (contact) that the unknown
// top-level key name means, by its spelling or as a word members use
// for it, and that mapping's name; or "", "".
func subField(name string) (sub, parent string) {
	for _, fl := range member.ProfileFields {
		if fl.Kind != member.Map {
			continue
		}
		if s := member.SuggestField(name, member.FieldNames(fl.Sub)); s != "" {
			return s, fl.Name
		}
	}
	return "", ""
}

func fieldByName(fields []member.Field, name string) (member.Field, bool) {
	for _, fl := range fields {
		if fl.Name == name {
			return fl, true
		}
	}
	return member.Field{}, false
}

// field decodes one top-level field into m: a group of fields (contact)
// field by field, any other into where the table's At points.
func (f *file) field(fl member.Field, v *yaml.Node, m *member.Member, cfg *member.Config) {
	if fl.Kind == member.Map {
		f.group(v, fl, m, cfg)
		return
	}
	f.decode(fl, fl.Name, v, m, cfg)
}

// decode reads v, the value of the field fl written at path ("name",
// "contact.email"), into m where fl.At points: the type it points to
// picks the decoder. A value that passes is set; one with a problem is
// reported and left out.
func (f *file) decode(fl member.Field, path string, v *yaml.Node, m *member.Member, cfg *member.Config) {
	var at any
	if fl.At != nil {
		at = fl.At(m)
	}
	switch p := at.(type) {
	case *string:
		if s, ok := f.str(fl, path, v); ok {
			*p = s
			if fl.Format == member.FormatPhoto {
				// Problems with the file are about the value, not the key.
				m.Pos.Set(path, f.pos(v))
			}
		}
	case *[]string:
		if items, ok := f.items(fl, path, v, cfg); ok {
			*p = items
		}
	case *bool:
		if b, ok := f.boolean(v, path); ok {
			*p = b
		}
	case *member.Date:
		if d, ok := f.date(v, path); ok {
			*p = d
		}
	case *[]*member.Recommendation:
		f.recommends(v, fl, p)
	case *[]*member.Thanks:
		f.thanks(v, fl, p)
	default:
		// TestFieldsAt in package member keeps this from happening; should
		// it, the value is not dropped without a word.
		f.errs.Add(f.pos(v), path, fmt.Sprintf("memberdir cannot store %s: its entry in member.ProfileFields needs an At", path))
	}
}

// str reads the text of a String or Text field and checks it against the
// field's rules; ok is false for a problem, and for no text.
func (f *file) str(fl member.Field, path string, v *yaml.Node) (string, bool) {
	s, ok := f.text(v, path, fl)
	if !ok {
		return "", false
	}
	if s == "" {
		if fl.Required {
			// Not field.empty: removing the line is no fix here.
			f.add(v, path, "field.emptyrequired", fl.Name)
		}
		return "", false
	}
	if key := checkFormat(fl.Format, s); key != "" {
		f.value(v, path, key, s)
		return "", false
	}
	if fl.Identity {
		// Names are how visitors tell members apart: none may look
		// like another's while being written differently.
		if mix := member.CheckScripts(s); mix != "" {
			f.add(v, path, "text.scripts", s, mix)
			return "", false
		}
		if r := member.HiddenInName(s); r >= 0 {
			f.add(v, path, "text.hiddenname", fmt.Sprintf("U+%04X", r))
			return "", false
		}
		if k := member.CompatForm(s); k != "" {
			f.add(v, path, "text.compat", s, k)
			return "", false
		}
	}
	if fl.Format == member.FormatURL {
		if mix := member.HostScripts(s); mix != "" {
			f.add(v, path, "url.scripts", s, mix)
			return "", false
		}
		if sc := member.LookalikeHost(s); sc != "" {
			f.add(v, path, "url.lookalike", s, scriptAdjective[f.lang == "de"][sc])
			return "", false
		}
		if fl.Host != "" && !member.OnHost(s, fl.Host) {
			// The button says "LinkedIn": it must lead there.
			f.add(v, path, "url.host", s, fl.Host)
			return "", false
		}
	}
	return s, true
}

// items reads the items of a List field and checks them by its format:
// categories are resolved to their IDs, languages must be codes.
func (f *file) items(fl member.Field, path string, v *yaml.Node, cfg *member.Config) ([]string, bool) {
	items, ok := f.list(v, path, fl)
	if !ok {
		return nil, false
	}
	switch fl.Format {
	case member.FormatTag:
		return f.tags(v, path, items, cfg), true
	case member.FormatLang:
		for i, s := range items {
			key := member.CheckLang(s)
			if key == "" {
				continue
			}
			ok = false
			switch code := langCode(s); {
			case code != "" && code == strings.ToLower(s):
				f.add(v.Content[i], path, "lang.lower", s, code)
			case code != "":
				f.add(v.Content[i], path, "lang.name", s, code)
			default:
				f.add(v.Content[i], path, key, s)
			}
		}
		return items, ok
	}
	for i, s := range items {
		if key := checkFormat(fl.Format, s); key != "" {
			f.value(v.Content[i], path, key, s)
			ok = false
		}
	}
	return items, ok
}

func checkFormat(format member.Format, s string) string {
	switch format {
	case member.FormatEmail:
		return member.CheckEmail(s)
	case member.FormatURL:
		return member.CheckURL(s)
	case member.FormatPhone:
		return member.CheckPhone(s)
	case member.FormatLang:
		return member.CheckLang(s)
	case member.FormatGitHub:
		return member.CheckGitHub(s)
	case member.FormatPhoto:
		return member.CheckPhoto(s)
	case member.FormatSlug:
		if !member.IsSlug(s) {
			return "slug.target"
		}
	}
	return ""
}

// tags resolves category names to IDs: against the config's list when
// there is one (accepting the label too), else by slugifying the text.
func (f *file) tags(v *yaml.Node, path string, items []string, cfg *member.Config) []string {
	var ids []string
	// add keeps each category once: its id and its label, or two
	// spellings of a free tag, name the same one.
	add := func(i int, s, id string) {
		if slices.Contains(ids, id) {
			f.add(v.Content[i], path, "field.duplicateitem", s)
			return
		}
		ids = append(ids, id)
	}
	for i, s := range items {
		if len(cfg.Categories) == 0 {
			id := member.Slugify(s)
			if id == "" {
				f.add(v.Content[i], path, "tag.invalid", s)
				continue
			}
			add(i, s, id)
			continue
		}
		if c := cfg.Category(s); c != nil {
			add(i, s, c.ID)
			continue
		}
		found := false
		for _, c := range cfg.Categories {
			if strings.EqualFold(c.Label, s) {
				add(i, s, c.ID)
				found = true
				break
			}
		}
		if found {
			continue
		}
		var cands, all []string
		for _, c := range cfg.Categories {
			cands = append(cands, c.ID)
			all = append(all, c.ID)
		}
		hint := member.Msg(f.lang, "tag.unknownlist", strings.Join(all, ", "))
		if s2 := member.Suggest(member.Slugify(s), cands); s2 != "" {
			hint = member.Msg(f.lang, "hint.didyoumean", s2)
		}
		f.add(v.Content[i], path, "tag.unknown", s, hint)
	}
	return ids
}

// date reads a date of the past: YYYY-MM-DD, YYYY-MM or YYYY.
func (f *file) date(v *yaml.Node, path string) (member.Date, bool) {
	if v.Kind != yaml.ScalarNode {
		f.text(v, path, member.Field{Kind: member.String})
		return member.Date{}, false
	}
	s := strings.TrimSpace(v.Value)
	d, key := member.ParseDate(s)
	if key == "" && d.After(today()) {
		// A typo (2201 for 2021), or a date copied from an invitation.
		f.add(v, path, "date.future", s)
		return member.Date{}, false
	}
	if key == "" {
		return d, true
	}
	if iso := monthDate(s); iso != "" {
		if _, bad := member.ParseDate(iso); bad == "" {
			f.add(v, path, "date.german", s, iso)
			return member.Date{}, false
		}
	}
	if iso := numericDate(s); iso != "" {
		f.add(v, path, "date.german", s, iso)
		return member.Date{}, false
	}
	f.add(v, path, key, s)
	return member.Date{}, false
}

// monthDate reads a date written with the month's name, in German or
// English ("März 2021", "1. Maerz 2021", "March 2021", "Mar. 2021"),
// or a year with a word before it ("seit 2019"), and returns it as
// YYYY-MM-DD, YYYY-MM or YYYY; "" when s is none of these.
func monthDate(s string) string {
	g := monthDateRE.FindStringSubmatch(strings.ToLower(strings.TrimSpace(s)))
	if g == nil {
		return ""
	}
	day, name, year := g[1], strings.TrimSuffix(g[2], "."), g[3]
	switch name {
	case "":
		return ""
	case "seit", "since", "ab", "from":
		if day == "" {
			return year
		}
	}
	for i, names := range monthNames {
		for _, n := range strings.Split(names, " ") {
			if name == n {
				if day != "" {
					return fmt.Sprintf("%s-%02d-%s", year, i+1, pad(day))
				}
				return fmt.Sprintf("%s-%02d", year, i+1)
			}
		}
	}
	return ""
}

var monthDateRE = regexp.MustCompile(`^(?:(\d{1,2})\.? ?)?(\pL+\.?)? ?(\d{4})$`)

// monthNames are the names and short forms of each month, lowercase.
var monthNames = [12]string{
	"januar jänner jan january", "februar feb february", "märz maerz mär mrz mar march", "april apr",
	"mai may", "juni jun june", "juli jul july", "august aug",
	"september sept sep", "oktober okt oct october", "november nov", "dezember dez dec december",
}

// today is the date against which member_since is checked.
func today() member.Date {
	t := time.Now()
	return member.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

func pad(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// group decodes a field of Kind Map (contact) sub-field by sub-field,
// each into where its At points, and requires one of AnyOf.
func (f *file) group(v *yaml.Node, fl member.Field, m *member.Member, cfg *member.Config) {
	prefix := fl.Name + "."
	if v.Kind != yaml.MappingNode {
		if v.Kind == yaml.ScalarNode {
			if mm := noSpaceRE.FindStringSubmatch(v.Value); mm != nil && knownKey(mm[2]) {
				// Point where the space is missing, as syntaxError does.
				pos := f.pos(v)
				pos.Col += len(mm[1]) + len(mm[2]) + 1
				f.errs.Add(pos, prefix+mm[2], member.Msg(f.lang, "yaml.nospace", mm[2]+": "+mm[3]))
				return
			}
		}
		f.add(v, fl.Name, "field.map")
		return
	}
	for _, sub := range fl.Sub {
		if sub.Kind == member.Bool && sub.At != nil {
			if p, ok := sub.At(m).(*bool); ok {
				*p = sub.Default // a field left out
			}
		}
	}
	pos := f.pos(v)
	for _, kv := range f.entries(v, prefix) {
		k, val := kv[0], kv[1]
		sub, ok := fieldByName(fl.Sub, k.Value)
		if !ok {
			f.unknown(k, prefix, "field.unknown", member.FieldNames(fl.Sub))
			continue
		}
		m.Pos.Set(prefix+k.Value, f.pos(k))
		f.decode(sub, prefix+k.Value, val, m, cfg)
	}
	if len(fl.AnyOf) == 0 || f.hasErrorIn(prefix) {
		return
	}
	for _, name := range fl.AnyOf {
		if sub, ok := fieldByName(fl.Sub, name); ok && sub.Get(m) != "" {
			return
		}
	}
	f.errs.Add(pos, fl.Name, member.Msg(f.lang, "contact.none"))
}

func (f *file) hasErrorIn(prefix string) bool {
	for _, e := range f.errs {
		if strings.HasPrefix(e.Field, prefix) {
			return true
		}
	}
	return false
}

// mapItems returns the items of the list of mappings v, the value of the
// field fl, reporting a value that is no such list, too many items, and
// each item that is no mapping. A null value (the field left empty) is no
// items.
func (f *file) mapItems(v *yaml.Node, fl member.Field) []*yaml.Node {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		f.add(v, fl.Name, "field.maplist", "member")
		return nil
	}
	if len(v.Content) > fl.Max {
		f.add(v, fl.Name, "field.toomany", len(v.Content), fl.Max)
		return nil
	}
	var items []*yaml.Node
	for _, it := range v.Content {
		if it.Kind != yaml.MappingNode {
			f.add(it, fl.Name, "field.maplist", "member")
			continue
		}
		items = append(items, it)
	}
	return items
}

func (f *file) recommends(v *yaml.Node, fl member.Field, out *[]*member.Recommendation) {
	seen := map[string]bool{}
	for _, it := range f.mapItems(v, fl) {
		r := &member.Recommendation{Pos: f.pos(it)}
		var memberNode *yaml.Node
		for _, kv := range f.entries(it, "recommends.") {
			k, val := kv[0], kv[1]
			sub, ok := fieldByName(fl.Sub, k.Value)
			name := "recommends." + k.Value
			if !ok {
				f.unknown(k, "recommends.", "field.unknown", member.FieldNames(fl.Sub))
				continue
			}
			if k.Value == "member" {
				memberNode = val
			}
			s, ok := f.text(val, name, sub)
			if !ok {
				continue
			}
			switch k.Value {
			case "member":
				if slug, good := f.memberRef(val, name, s); good {
					r.Slug, r.Pos = slug, f.pos(val)
				}
			case "note":
				r.Note = s
			}
		}
		if memberNode == nil {
			f.add(it, "recommends.member", "field.requiredsub", "member", "recommends")
			continue
		}
		if r.Slug == "" {
			continue
		}
		if seen[r.Slug] {
			f.add(memberNode, "recommends.member", "recommends.twice", r.Slug)
			continue
		}
		seen[r.Slug] = true
		*out = append(*out, r)
	}
}

// memberRef checks s, the value of a "member:" that names another
// member (in recommends and thanks), and returns it as a slug: a file
// name's ".md" is dropped, and a name or a profile's address gets the
// slug to write instead.
func (f *file) memberRef(val *yaml.Node, name, s string) (string, bool) {
	s = strings.TrimSuffix(s, ".md")
	if s == "" {
		f.add(val, name, "field.emptyrequired", "member")
		return "", false
	}
	if key := checkFormat(member.FormatSlug, s); key != "" {
		if fix := slugFix(s); fix != "" {
			// "Lena Schäfer" or a copied profile address.
			f.add(val, name, "slug.targetfix", s, fix)
		} else {
			f.add(val, name, key, s)
		}
		return "", false
	}
	return s, true
}

// thanks decodes the thank-yous a member writes for referrals that
// brought business: each names the referrer (as recommends does), the
// month it came, and an optional note, which must not carry a client's
// e-mail address or phone number. Rules across files (the referrer exists,
// the dates against member_since) are NewDirectory's.
func (f *file) thanks(v *yaml.Node, fl member.Field, out *[]*member.Thanks) {
	seen := map[string]bool{}
	for _, it := range f.mapItems(v, fl) {
		t := &member.Thanks{Pos: f.pos(it)}
		var memberNode, dateNode *yaml.Node
		ok := true
		for _, kv := range f.entries(it, "thanks.") {
			k, val := kv[0], kv[1]
			sub, known := fieldByName(fl.Sub, k.Value)
			name := "thanks." + k.Value
			if !known {
				f.unknown(k, "thanks.", "field.unknown", member.FieldNames(fl.Sub))
				ok = false
				continue
			}
			switch k.Value {
			case "member":
				memberNode = val
				s, good := f.text(val, name, sub)
				if !good {
					ok = false
					continue
				}
				slug, good := f.memberRef(val, name, s)
				if !good {
					ok = false
					continue
				}
				t.Slug, t.Pos = slug, f.pos(val)
			case "date":
				dateNode = val
				d, good := f.thanksDate(val, name)
				if !good {
					ok = false
					continue
				}
				t.Date = d
				t.DatePos = f.pos(val)
			case "note":
				// A note's problem leaves the entry in, without the
				// note, so that the checks across files still run and
				// the member sees every problem at once.
				s, good := f.text(val, name, sub)
				if !good {
					continue
				}
				if p := member.PrivateDetail(s); p != "" {
					f.add(val, name, "thanks.private", p)
					continue
				}
				t.Note = s
			}
		}
		if memberNode == nil {
			f.add(it, "thanks.member", "field.requiredsub", "member", "thanks")
			ok = false
		}
		if dateNode == nil {
			f.add(it, "thanks.date", "field.requiredsub", "date", "thanks")
			ok = false
		}
		if !ok {
			continue
		}
		key := t.Slug + " " + t.Date.String()
		if seen[key] {
			f.add(memberNode, "thanks.member", "thanks.twice", t.Slug, t.Date.String())
			continue
		}
		seen[key] = true
		*out = append(*out, t)
	}
}

// thanksDate reads the date of a thanks: YYYY-MM or YYYY-MM-DD, not in
// the future. A year alone is too vague to place the referral in a quarter.
func (f *file) thanksDate(v *yaml.Node, name string) (member.Date, bool) {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" || strings.TrimSpace(v.Value) == "" {
		if v.Kind == yaml.ScalarNode {
			f.add(v, name, "field.emptyrequired", "date")
		} else {
			f.text(v, name, member.Field{Kind: member.String})
		}
		return member.Date{}, false
	}
	s := strings.TrimSpace(v.Value)
	d, key := member.ParseDate(s)
	switch {
	case key != "":
		if iso := isoDate(s); iso != "" {
			f.add(v, name, "date.german", s, iso)
		} else {
			f.add(v, name, "thanks.dateinvalid", s)
		}
	case d.Month == 0:
		f.add(v, name, "thanks.year", s, s)
	case d.After(today()):
		f.add(v, name, "thanks.future", s)
	default:
		return d, true
	}
	return member.Date{}, false
}

// isoDate returns s, a date written with a month's name or in German
// order ("März 2025", "14.03.2025", "03/2025"), as YYYY-MM[-DD], or ""
// when s is none of these.
func isoDate(s string) string {
	if iso := monthDate(s); iso != "" {
		if d, bad := member.ParseDate(iso); bad == "" && d.Month != 0 {
			return iso
		}
	}
	return numericDate(s)
}

// numericDate returns s, a date written in digits in German or another
// order (14.03.2025, 3/2025, 03/14/2025, 2025/03), as YYYY-MM[-DD], or
// "" when s is none of these or no real date.
func numericDate(s string) string {
	g := germanDateRE.FindStringSubmatch(s)
	if g == nil {
		return ""
	}
	var iso string
	switch {
	case g[3] != "":
		iso = fmt.Sprintf("%s-%s-%s", g[3], pad(g[2]), pad(g[1]))
	case g[5] != "":
		iso = fmt.Sprintf("%s-%s", g[5], pad(g[4]))
	case g[9] != "":
		iso = fmt.Sprintf("%s-%s", g[9], pad(g[10]))
	default:
		iso = fmt.Sprintf("%s-%s-%s", g[8], pad(g[6]), pad(g[7]))
	}
	if _, bad := member.ParseDate(iso); bad != "" {
		return ""
	}
	return iso
}

// extra decodes a site-declared field.
func (f *file) extra(k, v *yaml.Node, x member.ExtraField, m *member.Member) {
	if m.Extra == nil {
		m.Extra = map[string]any{}
	}
	m.Pos.Set(x.Name, f.pos(k))
	switch x.Type {
	case "list":
		if items, ok := f.list(v, x.Name, member.Field{Kind: member.List, Max: 20, ItemMax: 200}); ok {
			m.Extra[x.Name] = items
		}
	default:
		s, ok := f.text(v, x.Name, member.Field{Kind: member.Text, Max: 1000})
		if !ok || s == "" {
			return
		}
		if x.Type == "url" {
			if key := member.CheckURL(s); key != "" {
				f.value(v, x.Name, key, s)
				return
			}
		}
		m.Extra[x.Name] = s
	}
}

// value reports a bad value s; a URL without scheme repeats it in the fix.
func (f *file) value(n *yaml.Node, field, key, s string) {
	if key == "url.noscheme" {
		f.add(n, field, key, s, s)
		return
	}
	if key == "email.invalid" {
		if ascii := member.ASCIIDomain(s); ascii != "" {
			f.add(n, field, "email.idn", s, ascii)
			return
		}
		if fix := member.BareEmail(s); fix != "" {
			f.add(n, field, "email.fix", s, fix)
			return
		}
	}
	if key == "phone.invalid" {
		if fix := member.BarePhone(s); fix != "" {
			f.add(n, field, "phone.fix", s, fix)
			return
		}
	}
	f.add(n, field, key, s)
}

// scriptAdjective names the scripts of member.LookalikeHost in the message,
// in German (true) and English.
var scriptAdjective = map[bool]map[string]string{
	false: {"Cyrillic": "Cyrillic", "Greek": "Greek"},
	true:  {"Cyrillic": "kyrillischen", "Greek": "griechischen"},
}

// slugFix guesses the slug meant by a recommends target that is none: a
// member's name ("Lena Schäfer" → lena-schaefer) or the address of their
// page (https://…/members/lena-schaefer/ → lena-schaefer). It returns ""
// when there is no guess.
func slugFix(s string) string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '\\' })
	if len(parts) == 0 {
		return ""
	}
	fix := member.Slugify(strings.TrimSuffix(parts[len(parts)-1], ".md"))
	if !member.IsSlug(fix) || fix == s {
		return ""
	}
	return fix
}
