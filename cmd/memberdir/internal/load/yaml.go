package load

import (
	"fmt"
	"html"
	"regexp"
	"slices"
	"strconv"
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

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parse reads the YAML text into a node tree. Syntax errors are turned
// into a message about the most likely web-editor mistake on that line.
// Aliases are never expanded: the walk below refuses them, which is the
// defence against alias bombs ("billion laughs").
func (f *file) parse(text string) *yaml.Node {
	f.lines = strings.Split(text, "\n")
	for i, l := range f.lines {
		// A tab in the indentation is the most common web-editor mistake
		// and yaml.v3 reports it confusingly; find it first.
		if ind := len(l) - len(strings.TrimLeft(l, " \t")); strings.Contains(l[:ind], "\t") {
			f.errs.Add(member.Pos{Path: f.path, Line: i + 1 + f.offset, Col: strings.IndexByte(l, '\t') + 1}, "", member.Msg(f.lang, "yaml.tab"))
			return nil
		}
		if col, r := oddSpace(l); col > 0 {
			// A non-breaking space pasted from Word or a web page looks
			// like a space but is none to YAML, which then reports a
			// confusing error a line later.
			f.errs.Add(member.Pos{Path: f.path, Line: i + 1 + f.offset, Col: col}, "", member.Msg(f.lang, "yaml.space", fmt.Sprintf("U+%04X", r)))
			return nil
		}
	}
	var doc yaml.Node
	err := yaml.Unmarshal([]byte(text), &doc)
	if err == nil {
		if len(doc.Content) == 0 {
			return &yaml.Node{Kind: yaml.MappingNode}
		}
		root := doc.Content[0]
		if root.Kind == yaml.MappingNode && len(root.Content) > 0 && root.Content[0].Column > 1 && f.outdented(root.Content[0].Line) {
			// " name: Anna" above "mission: …": yaml.v3 reads the
			// indented first field and silently drops all the others.
			k := root.Content[0]
			f.errs.Add(member.Pos{Path: f.path, Line: k.Line + f.offset, Col: 1}, "", member.Msg(f.lang, "yaml.indentfirst", k.Value))
			return nil
		}
		return root
	}
	line, msg := 0, err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		// yaml.v3 numbers the lines of scanner errors from 1 but those of
		// parser errors from 0, which would point one line too early.
		if parserProblems[msg] {
			line++
		}
	}
	f.syntaxError(line, strings.TrimPrefix(msg, "yaml: "))
	return nil
}

// outdented reports whether a line after line (1-based) starts a field
// at the left edge.
func (f *file) outdented(line int) bool {
	for _, l := range f.lines[min(line, len(f.lines)):] {
		if l != "" && l[0] != ' ' && l[0] != '#' {
			return true
		}
	}
	return false
}

// parserProblems are the messages of yaml.v3's parser (as opposed to its
// scanner), whose line numbers count from 0.
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

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

var (
	keyColonRE = regexp.MustCompile(`^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_-]*):(\s+)(.*)$`)
	noSpaceRE  = regexp.MustCompile(`^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_]*):([^\s/].*)$`)
)

// syntaxError explains a YAML syntax error at line (1-based within the
// YAML text; 0 when unknown). yaml.v3 reports an unquoted ": " in a value
// one line late or at the key, so the lines around it are searched too.
func (f *file) syntaxError(line int, msg string) {
	at := func(l, col int) member.Pos {
		return member.Pos{Path: f.path, Line: l + f.offset, Col: col}
	}
	from, to := max(line-2, 1), min(line+1, len(f.lines))
	if line == 0 {
		from, to = 1, len(f.lines)
	}
	for l := from; l <= to; l++ {
		text := f.lines[l-1]
		// "* Beratung": a list written with asterisks, as in Markdown.
		if t := strings.TrimLeft(text, " "); strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "• ") {
			f.errs.Add(at(l, len(text)-len(t)+1), "", member.Msg(f.lang, "yaml.star", strings.TrimSpace(strings.TrimLeft(t, "*• "))))
			return
		}
		// "1. Beratung": a numbered list, as in Markdown or Word.
		if key, item := listSlip(text); key == "yaml.numbered" {
			t := strings.TrimLeft(text, " ")
			f.errs.Add(at(l, len(text)-len(t)+1), "", member.Msg(f.lang, key, item))
			return
		}
		if m := keyColonRE.FindStringSubmatch(text); m != nil {
			v := strings.TrimRight(m[4], " ")
			start := len(m[1]) + len(m[2]) + 1 + len(m[3]) // where the value starts
			if v != "" && !strings.ContainsAny(v[:1], `"'|>[{`) && (strings.Contains(v, ": ") || strings.HasSuffix(v, ":")) {
				// "mission: Meine Themen:" ends in a colon, which starts
				// a field just as ": " does.
				i := strings.Index(v, ": ")
				if i < 0 {
					i = len(v) - 1
				}
				f.errs.Add(at(l, start+i+1), m[2], member.Msg(f.lang, "yaml.colon", m[2]))
				return
			}
			if fix := requote(v); fix != "" {
				f.errs.Add(at(l, start+1), m[2], member.Msg(f.lang, "yaml.innerquote", m[2]+": "+fix))
				return
			}
		}
		if m := noSpaceRE.FindStringSubmatch(text); m != nil && knownKey(m[2]) {
			f.errs.Add(at(l, len(m[1])+len(m[2])+2), m[2], member.Msg(f.lang, "yaml.nospace", m[2]+": "+m[3]))
			return
		}
	}
	if f.syntaxHint(line, msg) {
		return
	}
	if msg == "could not find expected ':'" && f.continuation(line) {
		return
	}
	if f.indentation() {
		return
	}
	if line == 0 {
		line = 1
	}
	if t, ok := yamlGerman[msg]; ok && f.lang == "de" {
		msg = t
	}
	f.errs.Add(at(line, 1), "", member.Msg(f.lang, "yaml.syntax", msg))
}

// indentation explains the first line whose indentation breaks the
// block structure, which yaml.v3 often reports lines away: at the first
// field of the mapping the line breaks, or at the top. It reports whether
// it added an error.
func (f *file) indentation() bool {
	p, ok := diagnose.Indentation(strings.Join(f.lines, "\n"), f.belongs)
	if !ok {
		return false
	}
	at := member.Pos{Path: f.path, Line: p.Line + f.offset, Col: 1}
	if p.Unsure {
		first, second := p.Like, p.Line
		l1, h1, l2, h2 := p.LikeLabel, p.Want, p.Label, p.Have
		if first > second {
			first, second, l1, h1, l2, h2 = second, first, l2, h2, l1, h1
		}
		f.errs.Add(at, "", member.Msg(f.lang, "yaml.disagree", first+f.offset, second+f.offset, l1, f.indented(h1), l2, f.indented(h2)))
		return true
	}
	key := "yaml.indent"
	if p.Want == 0 {
		key = "yaml.left"
	}
	if p.Like > p.Line {
		key += "below"
	} else {
		key += "above"
	}
	if p.Want == 0 {
		f.errs.Add(at, "", member.Msg(f.lang, key, p.Label, f.indented(p.Have), p.LikeLabel))
	} else {
		f.errs.Add(at, "", member.Msg(f.lang, key, p.Label, f.indented(p.Have), f.spaces(p.Want), p.LikeLabel))
	}
	return true
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

// itemField explains a field of a list item indented unlike the item's
// first field ("  - member: lena" / "  note: Gut.", or "   label: …"),
// which YAML reports where the list begins. It reports whether it found
// one in the list that starts at or after line (1-based).
func (f *file) itemField(line int) bool {
	dash, first := -1, ""
	for l := max(line, 1); l <= len(f.lines); l++ {
		text := f.lines[l-1]
		t := strings.TrimLeft(text, " ")
		if t == "" || t[0] == '#' {
			continue
		}
		indent := len(text) - len(t)
		if item := keyColonRE.FindStringSubmatch(text + " "); item != nil && strings.HasPrefix(t, "- ") {
			if dash < 0 {
				dash = indent
			}
			if indent == dash {
				first = item[2]
			}
			continue
		}
		if dash < 0 {
			continue
		}
		if indent < dash {
			return false // past the list
		}
		m := keyColonRE.FindStringSubmatch(text + " ")
		if m == nil || indent == dash+2 {
			continue
		}
		f.errs.Add(member.Pos{Path: f.path, Line: l + f.offset, Col: indent + 1}, "", member.Msg(f.lang, "yaml.itemfield", m[2], first, dash+2))
		return true
	}
	return false
}

// outdentedItem explains a list item written at the left edge ("- id:
// recht" among "  - id: …"), where only fields stand: YAML reports it at
// the start of the text. It reports whether it found one.
func (f *file) outdentedItem() bool {
	want, prev := 2, ""
	for l, text := range f.lines {
		t := strings.TrimLeft(text, " ")
		if strings.HasPrefix(t, "- ") && len(text) > len(t) {
			want = len(text) - len(t) // as the items above
		}
		// "offerings:" / "- A" is a list YAML reads; an item at the edge
		// below indented lines is not.
		if strings.HasPrefix(text, "- ") && strings.HasPrefix(prev, " ") {
			f.errs.Add(member.Pos{Path: f.path, Line: l + 1 + f.offset, Col: 1}, "", member.Msg(f.lang, "yaml.itemleft", want))
			return true
		}
		if strings.TrimSpace(text) != "" && !strings.HasPrefix(t, "#") {
			prev = text
		}
	}
	return false
}

// unclosedQuote reports, and says whether it found, the nearest value at
// or above line (1-based) that opens a quote it never closes.
func (f *file) unclosedQuote(line int) bool {
	for l := line; l >= 1; l-- {
		m := valueRE.FindStringSubmatch(f.lines[l-1])
		if m == nil || !strings.ContainsAny(m[2][:1], `"'`) {
			continue
		}
		q, v := m[2][:1], m[2][1:]
		if q == `"` {
			v = strings.ReplaceAll(v, `\\`, "")
			v = strings.ReplaceAll(v, `\"`, "")
		}
		if strings.Count(v, q)%2 == 0 {
			f.errs.Add(member.Pos{Path: f.path, Line: l + f.offset, Col: len(m[1]) + 1}, "", member.Msg(f.lang, "yaml.quote", q))
			return true
		}
	}
	return false
}

// continuation explains a line without a colon where YAML expects a
// field (line, 1-based): "-Beratung" lacks the space after its dash, and
// other text most likely continues the field above it, whose next lines
// must be indented ("mission: Ich berate" / "kleine Firmen."). It reports
// whether it added an error.
func (f *file) continuation(line int) bool {
	if line < 2 || line > len(f.lines) {
		return false
	}
	text := f.lines[line-1]
	t := strings.TrimLeft(text, " ")
	if t == "" || strings.Contains(t, ":") {
		return false
	}
	at := member.Pos{Path: f.path, Line: line + f.offset, Col: len(text) - len(t) + 1}
	if len(t) > 1 && t[0] == '-' && t[1] != ' ' && t[1] != '-' {
		f.errs.Add(at, "", member.Msg(f.lang, "yaml.dashspace", strings.TrimSpace(t[1:])))
		return true
	}
	// What the line belongs to: the nearest line above it.
	for l := line - 1; l >= 1; l-- {
		above := f.lines[l-1]
		if strings.TrimSpace(above) == "" {
			continue
		}
		if m := keyColonRE.FindStringSubmatch(above + " "); m != nil {
			f.errs.Add(at, "", member.Msg(f.lang, "yaml.continue", m[2], len(m[1])+2))
			return true
		}
		if a := strings.TrimLeft(above, " "); strings.HasPrefix(a, "- ") {
			f.errs.Add(at, "", member.Msg(f.lang, "yaml.nextitem", above[:len(above)-len(a)]+"- "+strings.TrimSpace(t)))
			return true
		}
		return false
	}
	return false
}

// requote returns v quoted so that YAML reads it, when v is a value in
// quotes with the same quote inside ("Ich sage "Hallo"", 'Anna's
// Laden'), or "". The other kind of quote outside is the fix; with both
// kinds inside, „…“ replaces the inner double quotes.
func requote(v string) string {
	if len(v) < 3 || v[0] != '"' && v[0] != '\'' || v[len(v)-1] != v[0] {
		return ""
	}
	q := v[:1]
	inner := v[1 : len(v)-1]
	if q == "'" {
		inner = strings.ReplaceAll(inner, "''", "'") // YAML's own escape
	} else {
		inner = strings.ReplaceAll(inner, `\"`, `"`)
	}
	if !strings.Contains(inner, q) {
		return ""
	}
	switch {
	case q == `"` && !strings.Contains(inner, "'"):
		return "'" + inner + "'"
	case q == "'" && !strings.Contains(inner, `"`):
		return `"` + inner + `"`
	}
	return `"` + typographic(strings.ReplaceAll(inner, `"`, "\x00")) + `"`
}

// typographic turns the pairs of NUL that requote left for double quotes
// into German quotes „…“.
func typographic(s string) string {
	var b strings.Builder
	open := true
	for _, r := range s {
		if r == 0 {
			if open {
				b.WriteString("„")
			} else {
				b.WriteString("“")
			}
			open = !open
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var (
	valueRE  = regexp.MustCompile(`^(\s*(?:-\s+)?(?:[A-Za-z_][A-Za-z0-9_-]*:\s+)?)(\S.*)$`)
	anchorRE = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)
)

// syntaxHint explains the syntax errors that have one likely cause: a
// value starting with a character YAML reserves (owner: @anna, why: *Weil*
// ich …), a quote that is never closed, and nesting too deep. It reports
// whether it added an error.
func (f *file) syntaxHint(line int, msg string) bool {
	at := func(l, col int) member.Pos {
		return member.Pos{Path: f.path, Line: l + f.offset, Col: col}
	}
	if strings.HasPrefix(msg, "exceeded max depth") {
		f.errs.Add(at(max(line, 1), 1), "", member.Msg(f.lang, "yaml.toodeep"))
		return true
	}
	if msg == "found unexpected end of stream" {
		// The error points at the quote's opening line, or at the end of
		// the text when the quote opened on the first line.
		to := min(line, len(f.lines))
		if line == 0 {
			to = len(f.lines)
		}
		return f.unclosedQuote(to)
	}
	if line > 1 && line <= len(f.lines) && strings.ContainsAny(f.lines[line-1], `"'`) && f.unclosedQuote(line-1) {
		// 'name: "Anna' with a quoted value further down: YAML reads on
		// to that quote and stumbles there, lines below the mistake.
		return true
	}
	if msg == "did not find expected '-' indicator" && f.itemField(line) {
		return true
	}
	if msg == "did not find expected key" && f.outdentedItem() {
		return true
	}
	if msg == "mapping values are not allowed in this context" && f.indentHint(line) {
		return true
	}
	// An alias without its anchor has no line: search the whole text.
	from, to := max(line-1, 1), min(line+1, len(f.lines))
	if line == 0 || anchorRE.MatchString(msg) {
		from, to = 1, len(f.lines)
	}
	for l := from; l <= to; l++ {
		m := valueRE.FindStringSubmatch(f.lines[l-1])
		if m == nil {
			continue
		}
		if c := badStart(m[2]); c != "" {
			if c == "@" && strings.TrimSpace(m[1]) == "owner:" {
				// Quoting "@anna" would only lead to the next error.
				f.errs.Add(at(l, len(m[1])+1), "owner", member.Msg(f.lang, "yaml.ownerat", strings.TrimSpace(m[2][1:])))
				return true
			}
			if t := leadingStarRE.ReplaceAllString(strings.TrimSpace(m[2]), "$1"); c == "*" && t != strings.TrimSpace(m[2]) {
				// "why: *Weil* ich …": Markdown, which quoting would show.
				_, rest := markup(t)
				if rest == "" {
					rest = t
				}
				f.errs.Add(at(l, len(m[1])+1), "", member.Msg(f.lang, "text.emphasis", strings.TrimSpace(m[1]+rest)))
				return true
			}
			if c == "|" || c == ">" {
				// "why: > Weil …": the block indicator of the example,
				// with the text on its line. Quoting would publish the ">".
				rest := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(m[2])[1:], "+-0123456789"))
				f.errs.Add(at(l, len(m[1])+1), "", member.Msg(f.lang, "yaml.block", c, c, strings.TrimSpace(m[1])+" "+rest))
				return true
			}
			f.errs.Add(at(l, len(m[1])+1), "", member.Msg(f.lang, "yaml.reserved", c, strings.TrimSpace(m[2])))
			return true
		}
	}
	return false
}

// indentHint explains a field indented under one that has a value, as
// when the web editor lost a line's indentation:
//
//	contact:
//	email: anna@example.de     ← lost its two spaces
//	  phone: +49 221 1234567
//
// or gave one too many. line is where yaml.v3 stopped, at the deeper
// field. It reports whether it added an error.
func (f *file) indentHint(line int) bool {
	if line < 2 || line > len(f.lines) {
		return false
	}
	type field struct {
		l, indent int
		key       string
		value     bool
	}
	read := func(l int) (field, bool) {
		m := keyColonRE.FindStringSubmatch(f.lines[l-1])
		if m == nil {
			if t := strings.TrimRight(f.lines[l-1], " "); strings.HasSuffix(t, ":") && !strings.Contains(strings.TrimSpace(t), " ") {
				k := strings.TrimSpace(strings.TrimSuffix(t, ":"))
				return field{l, len(t) - len(strings.TrimLeft(t, " ")), k, false}, k != ""
			}
			return field{}, false
		}
		return field{l, len(m[1]), m[2], strings.TrimSpace(m[4]) != ""}, true
	}
	cur, ok := read(line)
	prevLine := line - 1
	for prevLine > 0 && strings.TrimSpace(f.lines[prevLine-1]) == "" {
		prevLine--
	}
	if !ok || prevLine == 0 {
		return false
	}
	prev, ok := read(prevLine)
	if !ok || !prev.value || prev.indent >= cur.indent {
		return false
	}
	at := func(l, col int) member.Pos { return member.Pos{Path: f.path, Line: l + f.offset, Col: col} }
	// The line before prev opens a map (contact:) at prev's indentation:
	// prev belongs inside it and lost its indentation.
	if prev.l > 1 {
		if parent, ok := read(prev.l - 1); ok && !parent.value && parent.indent == prev.indent {
			f.errs.Add(at(prev.l, 1), "", member.Msg(f.lang, "yaml.indentlost", prev.key, parent.key, cur.indent))
			return true
		}
	}
	if prev.indent == 0 {
		f.errs.Add(at(cur.l, 1), "", member.Msg(f.lang, "yaml.indentmore0", cur.key, prev.key))
	} else {
		f.errs.Add(at(cur.l, 1), "", member.Msg(f.lang, "yaml.indentmore", cur.key, prev.key, prev.indent))
	}
	return true
}

// badStart returns the first character of the plain value v when YAML
// reads it as syntax rather than text, as in "@anna", "*Weil* ich",
// "| Anna", "[Beta] Ich helfe" or "'Anna' Müller"; else "".
func badStart(v string) string {
	v = strings.TrimSpace(v)
	if v == "" {
		return ""
	}
	c := v[:1]
	switch c {
	case "@", "`", "%", ",", "*", "&", "!":
		return c
	case "|", ">":
		if rest := strings.TrimSpace(strings.TrimLeft(v[1:], "+-0123456789")); rest != "" && rest[0] != '#' {
			return c
		}
	case "[", "{":
		if !strings.HasSuffix(v, map[string]string{"[": "]", "{": "}"}[c]) {
			return c
		}
	case "'":
		if len(v) < 2 || !strings.HasSuffix(v, "'") {
			return c
		}
	case "-", "?":
		if strings.HasPrefix(v, c+" ") {
			return c
		}
	}
	return ""
}

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
	var out [][2]*yaml.Node
	seen := map[string]int{}
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
		s = strings.Join(strings.Fields(s), " ")
	}
	if q := smartQuoted(s); q != "" && n.Style == 0 {
		f.add(n, field, "field.smartquotes", q)
		return "", false
	}
	if f.members && fl.Format == member.FormatNone {
		if key, fix := markup(s); key != "" {
			f.add(n, field, key, fix)
			return "", false
		}
	}
	if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool {
		return member.Invisible(r) && r != '\n' && r != '\t'
	}) {
		f.add(n, field, "field.control")
		return "", false
	}
	if fl.Max > 0 && utf8.RuneCountInString(s) > fl.Max {
		f.add(n, field, "field.toolong", utf8.RuneCountInString(s), fl.Max)
		return "", false
	}
	return s, true
}

// markup returns a message key and the text without it when s holds
// Markdown emphasis or HTML character references, which the fields above
// the front matter's "---" show as they are: "Ich helfe **kleinen**
// Firmen" would show its stars, "Müller &amp; Söhne" its "&amp;". A single
// star is left alone, since German writes "Unternehmer*innen".
func markup(s string) (key, fix string) {
	t := s
	for range 8 { // "**a** **b**": the space between the two is one match's
		u := emphasisRE.ReplaceAllString(t, "$1$2$3")
		if u == t {
			break
		}
		t = u
	}
	if t != s {
		return "text.emphasis", t
	}
	if entityRE.MatchString(s) {
		if t := html.UnescapeString(s); t != s {
			return "text.entity", t
		}
	}
	return "", ""
}

var (
	// emphasisRE is bold as Markdown writes it, "**word**" between spaces
	// or punctuation: not "a**2 + b**2", nor "__init__" or "__main__",
	// which a member means as written.
	emphasisRE = regexp.MustCompile(`(^|[\s(„“"'])\*\*([^*\s](?:[^*]*[^*\s])?)\*\*($|[\s.,;:!?)“”"'])`)
	// leadingStarRE is emphasis at the start of a value, where YAML
	// reads a star as an alias: "*Weil* ich", "**Premium**".
	leadingStarRE = regexp.MustCompile(`^\*\*?([^*\s](?:[^*]*[^*\s])?)\*\*?`)
	entityRE      = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)
)

// smartQuoted returns the quotes when s is wrapped in typographic quotes,
// as word processors and phones write them.
func smartQuoted(s string) string {
	if utf8.RuneCountInString(s) < 2 {
		return ""
	}
	first, _ := utf8.DecodeRuneInString(s)
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
		if key, item := listSlip(f.line(n)); key != "" {
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

// oddSpace returns the column (in characters) and the character of a space
// other than the ASCII space or tab where YAML's syntax needs a space: in
// the indentation, after a list item's dash, or after a key's colon. Such
// spaces inside a value are text and fine. col is 0 when there is none.
func oddSpace(line string) (col int, r rune) {
	odd := func(r rune) bool { return r > unicode.MaxASCII && unicode.IsSpace(r) }
	if !strings.ContainsFunc(line, odd) {
		return 0, 0 // nearly every line: no need to look closer
	}
	rs := []rune(line)
	i := 0
	for i < len(rs) && (unicode.IsSpace(rs[i]) || rs[i] == '-' && i+1 < len(rs) && unicode.IsSpace(rs[i+1])) {
		if odd(rs[i]) {
			return i + 1, rs[i]
		}
		i++
	}
	j := i
	for j < len(rs) && (rs[j] == '_' || rs[j] == '-' || rs[j] < unicode.MaxASCII && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]))) {
		j++
	}
	if j > i && j+1 < len(rs) && rs[j] == ':' && odd(rs[j+1]) {
		return j + 2, rs[j+1]
	}
	return 0, 0
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

var (
	numberedRE = regexp.MustCompile(`^\s*\d{1,2}[.)]\s+(\S.*)$`)
	dashRE     = regexp.MustCompile(`^\s*-([^\s\-].*)$`)
	// "– Beratung": a word processor's dash or bullet for the hyphen.
	bulletRE = regexp.MustCompile(`^\s*[–—•·‣▪◦]\s*(\S.*)$`)
)

// listSlip recognises a list item written as in Markdown or Word where
// YAML needs "- item": numbered ("1. Beratung") or without the space after
// the dash ("-Beratung"). It returns the message key and the item's text,
// or "" when line is neither.
func listSlip(line string) (key, item string) {
	if m := numberedRE.FindStringSubmatch(line); m != nil {
		return "yaml.numbered", strings.TrimSpace(m[1])
	}
	if m := dashRE.FindStringSubmatch(line); m != nil {
		return "yaml.dashspace", strings.TrimSpace(m[1])
	}
	if m := bulletRE.FindStringSubmatch(line); m != nil {
		return "yaml.bullet", strings.TrimSpace(m[1])
	}
	return "", ""
}
