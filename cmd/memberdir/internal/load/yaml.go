package load

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/diagnose"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// file is one YAML document being read: its path, the line offset of the
// YAML within the file, the site's language for messages, and the
// problems found so far.
type file struct {
	path   string
	offset int // line of the file on which the YAML text starts, minus 1
	lang   string
	lines  []string // the YAML text's lines, for hints about syntax errors
	errs   member.ErrorList
	// members is true for profiles and pages, whose people write in web
	// editors, not in HTML: Markdown and HTML references in their fields
	// are mistakes. config.yaml is the organiser's, who may mean them.
	members bool
}

func (f *file) pos(n *yaml.Node) member.Pos {
	if n == nil || n.Line == 0 {
		return member.Pos{Path: f.path, Line: 1, Col: 1}
	}
	return member.Pos{Path: f.path, Line: n.Line + f.offset, Col: n.Column}
}

func (f *file) add(n *yaml.Node, field, key string, args ...any) {
	f.errs.Add(f.pos(n), field, member.Msg(f.lang, key, args...))
}

// parse reads the YAML text into a node tree, or reports the mistake
// that keeps it from being read as meant (see diagnose.Parse).
func (f *file) parse(text string) *yaml.Node {
	f.lines = strings.Split(text, "\n")
	root, p := diagnose.Parse(text, f.belongs, knownKey)
	if p != nil {
		f.report(*p)
		return nil
	}
	return root
}

// report adds p, found in the YAML text, in the site's language.
func (f *file) report(p diagnose.Problem) {
	args := make([]any, len(p.Args))
	for i, a := range p.Args {
		switch a := a.(type) {
		case diagnose.Line:
			args[i] = int(a) + f.offset
		case diagnose.Indented:
			args[i] = f.indented(int(a))
		case diagnose.Spaces:
			args[i] = f.spaces(int(a))
		case diagnose.Complaint:
			args[i] = string(a)
			if t, ok := yamlGerman[string(a)]; ok && f.lang == "de" {
				args[i] = t
			}
		default:
			args[i] = a
		}
	}
	f.errs.Add(member.Pos{Path: f.path, Line: p.Line + f.offset, Col: p.Col}, p.Field, member.Msg(f.lang, p.Key, args...))
}

// noSpaceRE matches a field without the space after its colon, which
// a value may hold too: "contact: email:anna@example.de".
var noSpaceRE = diagnose.NoSpace

// yamlGerman translates the parser's usual complaints for German sites;
// the rest of the message is German already.
var yamlGerman = map[string]string{
	"did not find expected key":                      "hier wird ein Feld erwartet",
	"could not find expected ':'":                    "ein Doppelpunkt fehlt",
	"mapping values are not allowed in this context": "hier kann kein Feld beginnen",
	"did not find expected '-' indicator":            "hier wird ein Listenpunkt mit \"- \" erwartet",
	"found character that cannot start any token":    "ein Zeichen kann hier nicht stehen",
	"did not find expected node content":             "hier fehlt ein Wert",
	"found unexpected end of stream":                 "der Kopfbereich endet mitten in einem Wert",
}

// indented says how far a line is indented: "is indented by 4 spaces".
func (f *file) indented(n int) string {
	if n == 0 {
		return member.Msg(f.lang, "yaml.notindented")
	}
	return member.Msg(f.lang, "yaml.indented", f.spaces(n))
}

func (f *file) spaces(n int) string {
	if n == 1 {
		return member.Msg(f.lang, "yaml.onespace")
	}
	return member.Msg(f.lang, "yaml.spaces", n)
}

// belongs reports whether key is a field under parent ("" for the top):
// of a profile, or a setting of config.yaml.
func (f *file) belongs(parent, key string) bool {
	if !f.members {
		if parent == "" {
			_, ok := settingByName(settings, key)
			return ok
		}
		s, ok := settingByName(settings, parent)
		if !ok {
			return false
		}
		_, sub := settingByName(s.fields, key)
		return sub || slices.Contains(s.items, key)
	}
	for _, fl := range member.ProfileFields {
		if parent == "" && fl.Name == key {
			return true
		}
		if fl.Name == parent {
			return slices.Contains(member.FieldNames(fl.Sub), key)
		}
	}
	return false
}

// knownKey reports whether k is the name of a profile field or of a
// field under one.
func knownKey(k string) bool {
	for _, fl := range member.ProfileFields {
		if fl.Name == k {
			return true
		}
		for _, s := range fl.Sub {
			if s.Name == k {
				return true
			}
		}
	}
	return false
}

// entries returns the key/value pairs of a mapping node, reporting
// duplicate keys and aliases. Unknown keys are left to the caller.
func (f *file) entries(n *yaml.Node, prefix string) [][2]*yaml.Node {
	// Sized for all keys at once: growing the map was a tenth of entries.
	out := make([][2]*yaml.Node, 0, len(n.Content)/2)
	seen := make(map[string]int, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name := prefix + k.Value
		if k.Kind != yaml.ScalarNode {
			f.add(k, prefix, "fm.notmap")
			continue
		}
		if first, ok := seen[k.Value]; ok {
			f.add(k, name, "yaml.duplicate", first+f.offset)
			continue
		}
		seen[k.Value] = k.Line
		if v.Kind == yaml.AliasNode || v.Anchor != "" || k.Anchor != "" {
			f.add(v, name, "yaml.alias")
			continue
		}
		out = append(out, [2]*yaml.Node{k, v})
	}
	return out
}

// text returns a scalar node's value as text, checking length and
// stray characters. ok is false when the node is not usable text.
func (f *file) text(n *yaml.Node, field string, fl member.Field) (string, bool) {
	switch n.Kind {
	case yaml.ScalarNode:
	case yaml.SequenceNode:
		f.add(n, field, "field.string", kindName(f.lang, "list"))
		return "", false
	case yaml.MappingNode:
		f.add(n, field, "field.string", kindName(f.lang, "map"))
		return "", false
	default:
		f.add(n, field, "yaml.alias")
		return "", false
	}
	if n.Style&yaml.TaggedStyle != 0 && !strings.HasPrefix(n.Tag, "!!") {
		// "mission: !wichtig Ich helfe" would silently lose "!wichtig".
		f.add(n, field, "yaml.reserved", "!", n.Tag+" "+n.Value)
		return "", false
	}
	if n.Tag == "!!null" {
		return "", true
	}
	if n.Style == 0 && len(n.LineComment) > 1 && n.LineComment[0] == '#' && !unicode.IsSpace(rune(n.LineComment[1])) {
		// "Ich liebe #Handwerk": YAML drops everything from " #" on as
		// a comment; a hashtag is almost surely meant as text.
		pos := f.pos(n)
		if n.Line <= len(f.lines) {
			if i := strings.Index(f.lines[n.Line-1], " "+n.LineComment); i >= 0 {
				pos.Col = i + 2
			}
		}
		word, _, _ := strings.Cut(n.LineComment, " ")
		f.errs.Add(pos, field, member.Msg(f.lang, "yaml.hashtag", word))
		return "", false
	}
	s := strings.TrimSpace(n.Value)
	if fl.Kind == member.String {
		s = member.OneLine(s)
	}
	if q := smartQuoted(s); q != "" && n.Style == 0 {
		f.add(n, field, "field.smartquotes", q)
		return "", false
	}
	if f.members && fl.Format == member.FormatNone {
		if key, fix := diagnose.Markup(s); key != "" {
			f.add(n, field, key, fix)
			return "", false
		}
	}
	if !utf8.ValidString(s) || invisibleText.index(s) >= 0 {
		f.add(n, field, "field.control")
		return "", false
	}
	if fl.Max > 0 && len(s) > fl.Max && utf8.RuneCountInString(s) > fl.Max {
		f.add(n, field, "field.toolong", utf8.RuneCountInString(s), fl.Max)
		return "", false
	}
	return s, true
}

// invisibleText are the characters a field's text may not contain: those
// member.Invisible reports, but for line feed and tab.
var invisibleText = newRuneSet(func(r rune) bool {
	return member.Invisible(r) && r != '\n' && r != '\t'
})

// smartQuoted returns the quotes when s is wrapped in typographic quotes,
// as word processors and phones write them.
func smartQuoted(s string) string {
	first, n := utf8.DecodeRuneInString(s)
	if n == len(s) {
		return "" // one character or none
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	open := strings.ContainsRune("“„”«»‘‚’‹›", first)
	closing := strings.ContainsRune("“”«»‘’‹›", last)
	if open && closing {
		return string(first) + "…" + string(last)
	}
	return ""
}

func kindName(lang, kind string) string {
	names := map[string][2]string{
		"list": {"list", "Liste"},
		"map":  {"group of fields", "Gruppe von Feldern"},
	}
	if lang == "de" {
		return names[kind][1]
	}
	return names[kind][0]
}

// list returns a sequence node's items as text. A comma-separated line
// where a list belongs gets its own hint, since it is the usual mistake.
func (f *file) list(n *yaml.Node, field string, fl member.Field) ([]string, bool) {
	if n.Kind == yaml.ScalarNode {
		if n.Tag == "!!null" {
			if fl.Min > 0 {
				// "offerings:" with nothing after it: a required list.
				f.add(n, field, "field.toofew", fl.Min)
				return nil, false
			}
			return nil, true
		}
		if key, item := diagnose.ListSlip(f.line(n)); key != "" {
			f.add(n, field, key, item)
		} else if strings.Contains(n.Value, ",") {
			f.add(n, field, "field.commalist")
		} else {
			f.add(n, field, "field.list")
		}
		return nil, false
	}
	if n.Kind != yaml.SequenceNode {
		f.add(n, field, "field.list")
		return nil, false
	}
	if fl.Max > 0 && len(n.Content) > fl.Max {
		f.add(n, field, "field.toomany", len(n.Content), fl.Max)
		return nil, false
	}
	out := make([]string, 0, len(n.Content))
	ok := true
	seen := map[string]bool{}
	for i, it := range n.Content {
		if it.Kind != yaml.ScalarNode || it.Anchor != "" {
			if it.Kind == yaml.AliasNode || it.Anchor != "" {
				f.add(it, field, "yaml.alias")
			} else if it.Kind == yaml.MappingNode && len(it.Content) == 2 && it.Content[0].Kind == yaml.ScalarNode && it.Content[1].Kind == yaml.ScalarNode && it.Style&yaml.FlowStyle == 0 {
				// "- Beratung: Firmen" reads as a mapping; the colon
				// belongs to the text.
				f.add(it, field, "field.itemcolon", i+1)
			} else {
				f.add(it, field, "field.itemstring", i+1)
			}
			ok = false
			continue
		}
		s, good := f.text(it, field, member.Field{Kind: member.String})
		if !good {
			ok = false
			continue
		}
		if s == "" {
			if nonEmpty := len(n.Content) - 1; nonEmpty < fl.Min {
				// Removing the item, as field.empty says, would leave
				// too few: "offerings:" / "  - \"\"" of a new profile.
				f.add(it, field, "field.emptyitem")
			} else {
				f.add(it, field, "field.empty")
			}
			ok = false
			continue
		}
		if l, col := f.deeperItem(it); l > 0 {
			f.errs.Add(member.Pos{Path: f.path, Line: l + f.offset, Col: col}, field, member.Msg(f.lang, "yaml.itemdeeper"))
			ok = false
			continue
		}
		if fl.ItemMax > 0 && utf8.RuneCountInString(s) > fl.ItemMax {
			f.add(it, field, "field.itemtoolong", i+1, utf8.RuneCountInString(s), fl.ItemMax)
			ok = false
			continue
		}
		if seen[s] {
			f.add(it, field, "field.duplicateitem", s)
			ok = false
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	if ok && fl.Min > 0 && len(out) < fl.Min {
		f.add(n, field, "field.toofew", fl.Min)
		return nil, false
	}
	return out, ok
}

// boolean reads true or false; YAML's yes/no/on/off are refused because
// they surprise people ("NO" is Norway).
func (f *file) boolean(n *yaml.Node, field string) (bool, bool) {
	if n.Kind == yaml.ScalarNode {
		switch n.Value {
		case "true", "True", "TRUE":
			return true, true
		case "false", "False", "FALSE":
			return false, true
		}
	}
	f.add(n, field, "field.bool", n.Value)
	return false, false
}

// unknown reports a key that is not in names, with a suggestion.
func (f *file) unknown(k *yaml.Node, prefix, msgKey string, names []string) {
	// A profile's own field under contact: or in a list item is valid
	// YAML when it is indented like the fields above it ("  photo: …"
	// after contact's last line): it lost its place, not its spelling.
	if msgKey == "field.unknown" && prefix != "" && slices.Contains(profileNames, k.Value) {
		f.errs.Add(f.pos(k), prefix+k.Value, member.Msg(f.lang, "field.outdent", k.Value+":", strings.TrimSuffix(prefix, ".")+":", k.Column-1))
		return
	}
	hint := member.Msg(f.lang, "field.unknownhint")
	// Past the problems a file shows, a suggestion would be thrown away:
	// 60,000 unknown keys took seconds of edit distances.
	if len(f.errs) <= maxErrors {
		if s := member.SuggestField(k.Value, names); s != "" {
			hint = member.Msg(f.lang, "hint.didyoumean", s)
		}
	}
	f.errs.Add(f.pos(k), prefix+k.Value, member.Msg(f.lang, msgKey, hint))
}

// deeperItem finds a list item indented deeper than the item it of the
// same list: YAML folds it into its text ("Beratung - Coaching"), and
// the member loses an item without a word. It returns the line and
// column of its dash, or 0.
func (f *file) deeperItem(it *yaml.Node) (line, col int) {
	if it.Style != 0 || it.Line < 1 || it.Line > len(f.lines) {
		return 0, 0
	}
	own := f.lines[it.Line-1]
	ind := len(own) - len(strings.TrimLeft(own, " "))
	for l := it.Line + 1; l <= len(f.lines); l++ {
		t := strings.TrimLeft(f.lines[l-1], " ")
		d := len(f.lines[l-1]) - len(t)
		if t == "" || d <= ind {
			return 0, 0
		}
		if strings.HasPrefix(t, "- ") {
			return l, d + 1
		}
	}
	return 0, 0
}

// line returns the line of the YAML text on which n starts, or "".
func (f *file) line(n *yaml.Node) string {
	if n.Line < 1 || n.Line > len(f.lines) {
		return ""
	}
	return f.lines[n.Line-1]
}
