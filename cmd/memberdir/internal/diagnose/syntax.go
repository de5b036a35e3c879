package diagnose

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Problem is a mistake in a YAML text, at Line and Col (1-based, in the
// text; Col is 1 when the whole line is meant), with the key of its
// message (one of member.Msg) and the message's arguments. Field is the
// field the mistake is in, when it is known.
//
// Most arguments go into the message as they are; those of the types
// Line, Indented, Spaces and Complaint need the site's language or the
// line on which the text starts in its file.
type Problem struct {
	Line, Col int
	Field     string
	Key       string
	Args      []any
}

// Line is a line of the text, which the message names: the caller adds
// the line of its file on which the text starts.
type Line int

// Indented is how far a line is indented, in spaces, for a message to
// say as "is indented by 4 spaces", or "is not indented" for 0.
type Indented int

// Spaces is a number of spaces, for a message to say as "4 spaces" or
// "one space".
type Spaces int

// Complaint is yaml.v3's own words about a syntax error, in English,
// when nothing more helpful is known.
type Complaint string

// Parse parses text as YAML into a node tree, or finds the mistake that
// keeps it from being read as it was meant: the most likely web-editor
// slip on the line yaml.v3 stumbled on, or near it, rather than
// yaml.v3's own words. fields (for the indentation; nil: nothing known)
// and known (whether a key is a field of anything, for "email:anna@…")
// tell what the text may hold. A text with nothing in it is an empty
// mapping.
//
// Aliases are left as they are, never expanded: whoever walks the tree
// must refuse them, the defence against alias bombs ("billion laughs").
func Parse(text string, fields Fields, known func(key string) bool) (*yaml.Node, *Problem) {
	// The text is cut into lines only when a diagnosis needs them: most
	// texts have no tab, no odd space and no mistake.
	d := &doc{fields: fields, known: known}
	if strings.IndexByte(text, '\t') >= 0 || hasOddSpace(text) {
		d.split(text)
		if p, ok := d.spaces(); ok {
			return nil, &p
		}
	}
	var root yaml.Node
	err := yaml.Unmarshal([]byte(text), &root)
	if err != nil {
		d.split(text)
		p := d.syntax(err)
		return nil, &p
	}
	if len(root.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode}, nil
	}
	top := root.Content[0]
	if top.Kind == yaml.MappingNode && len(top.Content) > 0 && top.Content[0].Column > 1 && d.split(text).outdented(top.Content[0].Line) {
		// " name: Anna" above "mission: …": yaml.v3 reads the indented
		// first field and silently drops all the others.
		k := top.Content[0]
		return nil, &Problem{Line: k.Line, Col: 1, Key: "yaml.indentfirst", Args: []any{k.Value}}
	}
	return top, nil
}

// doc is a YAML text being diagnosed, as lines, with what is known of
// its fields.
type doc struct {
	lines  []string
	fields Fields
	known  func(key string) bool
}

// split cuts text into d's lines, unless it has them already.
func (d *doc) split(text string) *doc {
	if d.lines == nil {
		d.lines = strings.Split(text, "\n")
	}
	return d
}

// problem returns the problem key at line l, column col.
func problem(l, col int, field, key string, args ...any) (Problem, bool) {
	return Problem{Line: l, Col: col, Field: field, Key: key, Args: args}, true
}

// spaces finds the spaces yaml.v3 reports confusingly, before it parses:
// a tab in the indentation, the most common web-editor mistake, and a
// space other than the ASCII one where YAML needs a space. Only a text
// with a tab or a space other than ASCII's can have them.
func (d *doc) spaces() (Problem, bool) {
	for i, l := range d.lines {
		if strings.IndexByte(l, '\t') >= 0 && strings.Contains(l[:len(l)-len(strings.TrimLeft(l, " \t"))], "\t") {
			return problem(i+1, strings.IndexByte(l, '\t')+1, "", "yaml.tab")
		}
		if col, r := oddSpace(l); col > 0 {
			// A non-breaking space pasted from Word or a web page looks
			// like a space but is none to YAML, which then reports a
			// confusing error a line later.
			return problem(i+1, col, "", "yaml.space", fmt.Sprintf("U+%04X", r))
		}
	}
	return Problem{}, false
}

// outdented reports whether a line after line (1-based) starts a field
// at the left edge.
func (d *doc) outdented(line int) bool {
	for _, l := range d.lines[min(line, len(d.lines)):] {
		if l != "" && l[0] != ' ' && l[0] != '#' {
			return true
		}
	}
	return false
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntax explains err, yaml.v3's error for the text.
func (d *doc) syntax(err error) Problem {
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
	return d.syntaxError(line, strings.TrimPrefix(msg, "yaml: "))
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

var (
	keyColonRE = regexp.MustCompile(`^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_-]*):(\s+)(.*)$`)
	// NoSpace matches a field without the space after its colon
	// ("email:anna@example.de"): the indentation and dash before the
	// key, the key, and the value.
	NoSpace = regexp.MustCompile(`^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_]*):([^\s/].*)$`)
)

// syntaxError explains a YAML syntax error msg at line (1-based within
// the text; 0 when unknown). yaml.v3 reports an unquoted ": " in a value
// one line late or at the key, so the lines around it are searched too.
func (d *doc) syntaxError(line int, msg string) Problem {
	if p, ok := d.lineSlip(line); ok {
		return p
	}
	if p, ok := d.textAfterQuote(); ok {
		return p
	}
	if p, ok := d.firstUnclosedQuote(); ok {
		return p
	}
	if p, ok := d.syntaxHint(line, msg); ok {
		return p
	}
	if msg == "could not find expected ':'" {
		if p, ok := d.continuation(line); ok {
			return p
		}
	}
	if p, ok := d.indentation(); ok {
		return p
	}
	p, _ := problem(max(line, 1), 1, "", "yaml.syntax", Complaint(msg))
	return p
}

// lineSlip finds, on the lines around line (all lines when it is 0), a
// list written as in Markdown or Word, a value with a colon or with its
// own quotes inside, or a field without the space after its colon.
func (d *doc) lineSlip(line int) (Problem, bool) {
	from, to := max(line-2, 1), min(line+1, len(d.lines))
	if line == 0 {
		from, to = 1, len(d.lines)
	}
	for l := from; l <= to; l++ {
		text := d.lines[l-1]
		// "* Beratung": a list written with asterisks, as in Markdown.
		if t := strings.TrimLeft(text, " "); strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "• ") {
			return problem(l, len(text)-len(t)+1, "", "yaml.star", strings.TrimSpace(strings.TrimLeft(t, "*• ")))
		}
		// "1. Beratung": a numbered list, as in Markdown or Word.
		if key, item := ListSlip(text); key == "yaml.numbered" {
			t := strings.TrimLeft(text, " ")
			return problem(l, len(text)-len(t)+1, "", key, item)
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
				return problem(l, start+i+1, m[2], "yaml.colon", m[2])
			}
			if fix := requote(v); fix != "" {
				return problem(l, start+1, m[2], "yaml.innerquote", m[2]+": "+fix)
			}

		}
		if m := NoSpace.FindStringSubmatch(text); m != nil && d.known != nil && d.known(m[2]) {
			return problem(l, len(m[1])+len(m[2])+2, m[2], "yaml.nospace", m[2]+": "+m[3])
		}
	}
	return Problem{}, false
}

// indentation explains the first line whose indentation breaks the
// block structure, which yaml.v3 often reports lines away: at the first
// field of the mapping the line breaks, or at the top.
func (d *doc) indentation() (Problem, bool) {
	p, ok := Indentation(strings.Join(d.lines, "\n"), d.fields)
	if !ok {
		return Problem{}, false
	}
	if p.Unsure {
		first, second := p.Like, p.Line
		l1, h1, l2, h2 := p.LikeLabel, p.Want, p.Label, p.Have
		if first > second {
			first, second, l1, h1, l2, h2 = second, first, l2, h2, l1, h1
		}
		return problem(p.Line, 1, "", "yaml.disagree", Line(first), Line(second), l1, Indented(h1), l2, Indented(h2))
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
		return problem(p.Line, 1, "", key, p.Label, Indented(p.Have), p.LikeLabel)
	}
	return problem(p.Line, 1, "", key, p.Label, Indented(p.Have), Spaces(p.Want), p.LikeLabel)
}

// itemField explains a field of a list item indented unlike the item's
// first field ("  - member: lena" / "  note: Gut.", or "   label: …"),
// which YAML reports where the list begins. It looks in the list that
// starts at or after line (1-based).
func (d *doc) itemField(line int) (Problem, bool) {
	dash, first := -1, ""
	for l := max(line, 1); l <= len(d.lines); l++ {
		text := d.lines[l-1]
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
			return Problem{}, false // past the list
		}
		m := keyColonRE.FindStringSubmatch(text + " ")
		if m == nil || indent == dash+2 {
			continue
		}
		return problem(l, indent+1, "", "yaml.itemfield", m[2], first, dash+2)
	}
	return Problem{}, false
}

// outdentedItem explains a list item written at the left edge ("- id:
// recht" among "  - id: …"), where only fields stand: YAML reports it at
// the start of the text.
func (d *doc) outdentedItem() (Problem, bool) {
	want, prev := 2, ""
	for l, text := range d.lines {
		t := strings.TrimLeft(text, " ")
		if strings.HasPrefix(t, "- ") && len(text) > len(t) {
			want = len(text) - len(t) // as the items above
		}
		// "offerings:" / "- A" is a list YAML reads; an item at the edge
		// below indented lines is not.
		if strings.HasPrefix(text, "- ") && strings.HasPrefix(prev, " ") {
			return problem(l+1, 1, "", "yaml.itemleft", want)
		}
		if strings.TrimSpace(text) != "" && !strings.HasPrefix(t, "#") {
			prev = text
		}
	}
	return Problem{}, false
}

// unclosedQuote finds the nearest value at or above line (1-based) that
// opens a quote it never closes.
func (d *doc) unclosedQuote(line int) (Problem, bool) {
	for l := line; l >= 1; l-- {
		if p, ok := d.unclosedAt(l); ok {
			return p, true
		}
	}
	return Problem{}, false
}

// firstUnclosedQuote reports the first value in the text that opens a
// quote it does not close on its line. yaml.v3 reads such a value on to
// the next quote, often the opening quote of a value lines below, and
// reports where the mapping begins: 'role: "Inhaberin' in a profile of
// quoted values.
func (d *doc) firstUnclosedQuote() (Problem, bool) {
	for l := 1; l <= len(d.lines); l++ {
		if p, ok := d.unclosedAt(l); ok {
			return p, true
		}
	}
	return Problem{}, false
}

// unclosedAt reports line l when its value opens a quote it does not
// close.
func (d *doc) unclosedAt(l int) (Problem, bool) {
	m := valueRE.FindStringSubmatch(d.lines[l-1])
	if m == nil || !strings.ContainsAny(m[2][:1], `"'`) {
		return Problem{}, false
	}
	q, v := m[2][:1], m[2][1:]
	if q == `"` {
		v = strings.ReplaceAll(v, `\\`, "")
		v = strings.ReplaceAll(v, `\"`, "")
	}
	if strings.Count(v, q)%2 == 0 {
		return problem(l, len(m[1])+1, "", "yaml.quote", q)
	}
	return Problem{}, false
}

// continuation explains a line without a colon where YAML expects a
// field (line, 1-based): "-Beratung" lacks the space after its dash, and
// other text most likely continues the field above it, whose next lines
// must be indented ("mission: Ich berate" / "kleine Firmen.").
func (d *doc) continuation(line int) (Problem, bool) {
	if line < 2 || line > len(d.lines) {
		return Problem{}, false
	}
	text := d.lines[line-1]
	t := strings.TrimLeft(text, " ")
	if t == "" || strings.Contains(t, ":") {
		return Problem{}, false
	}
	col := len(text) - len(t) + 1
	if len(t) > 1 && t[0] == '-' && t[1] != ' ' && t[1] != '-' {
		return problem(line, col, "", "yaml.dashspace", strings.TrimSpace(t[1:]))
	}
	// What the line belongs to: the nearest line above it.
	for l := line - 1; l >= 1; l-- {
		above := d.lines[l-1]
		if strings.TrimSpace(above) == "" {
			continue
		}
		if m := keyColonRE.FindStringSubmatch(above + " "); m != nil {
			return problem(line, col, "", "yaml.continue", m[2], len(m[1])+2)
		}
		if a := strings.TrimLeft(above, " "); strings.HasPrefix(a, "- ") {
			return problem(line, col, "", "yaml.nextitem", above[:len(above)-len(a)]+"- "+strings.TrimSpace(t))
		}
		return Problem{}, false
	}
	return Problem{}, false
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

// textAfterQuote finds the first field or list item whose quoted value
// is followed by more text, which yaml.v3 reports where the mapping
// begins, lines above it.
func (d *doc) textAfterQuote() (Problem, bool) {
	block := -1 // the indentation of a field whose value is a block (| or >), whose lines are text
	for l, text := range d.lines {
		indent := len(text) - len(strings.TrimLeft(text, " "))
		if block >= 0 && (indent > block || strings.TrimSpace(text) == "") {
			continue
		}
		block = -1
		field, start, v := "", 0, ""
		if m := keyColonRE.FindStringSubmatch(text); m != nil {
			if strings.HasPrefix(m[4], "|") || strings.HasPrefix(m[4], ">") {
				block = indent
				continue
			}
			field, start, v = m[2], len(m[1])+len(m[2])+1+len(m[3]), m[4]
		} else if m := itemRE.FindStringSubmatch(text); m != nil {
			start, v = len(m[1]), m[2]
		} else {
			continue
		}
		i, fix := afterQuote(strings.TrimRight(v, " "))
		if fix == "" {
			continue
		}
		// Or the quotes are part of the text: the other kind around all.
		whole := strings.TrimRight(v, " ")
		other := `"` + whole + `"`
		if v[0] == '"' {
			other = "'" + whole + "'"
		}
		prefix := "- "
		if field != "" {
			prefix = field + ": "
		}
		return problem(l+1, utf8.RuneCountInString(text[:start+i])+1, field, "yaml.afterquote", strings.TrimSpace(v[i:]), prefix+fix, prefix+other)
	}
	return Problem{}, false
}

// itemRE matches a list item with a quoted value: the indentation and
// dash, and the value.
var itemRE = regexp.MustCompile(`^(\s*-\s+)(["'].*)$`)

// afterQuote finds text after the closing quote of a quoted value, as
// when a member adds a sentence at the end of the line ('why: "Weil …"
// Und mehr.'): it returns where that text starts in v and v with the
// text moved inside the quotes, or 0 and "". A comment after the quote
// is fine, and text holding the quote itself is left to the other hints.
func afterQuote(v string) (int, string) {
	if len(v) < 2 || v[0] != '"' && v[0] != '\'' {
		return 0, ""
	}
	q := v[0]
	end := -1
	for i := 1; i < len(v); i++ {
		switch {
		case q == '"' && v[i] == '\\':
			i++ // an escaped character
		case q == '\'' && v[i] == '\'' && i+1 < len(v) && v[i+1] == '\'':
			i++ // '' is a quote inside
		case v[i] == q:
			end = i
		}
		if end >= 0 {
			break
		}
	}
	if end < 0 {
		return 0, ""
	}
	rest := strings.TrimSpace(v[end+1:])
	if rest == "" || rest[0] == '#' || strings.IndexByte(rest, q) >= 0 {
		return 0, ""
	}
	i := end + 1 + strings.Index(v[end+1:], rest)
	return i, v[:end] + " " + rest + string(q)
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
// ich …), a quote that is never closed, and nesting too deep.
func (d *doc) syntaxHint(line int, msg string) (Problem, bool) {
	if strings.HasPrefix(msg, "exceeded max depth") {
		return problem(max(line, 1), 1, "", "yaml.toodeep")
	}
	if msg == "found unexpected end of stream" {
		// The error points at the quote's opening line, or at the end of
		// the text when the quote opened on the first line.
		to := min(line, len(d.lines))
		if line == 0 {
			to = len(d.lines)
		}
		return d.unclosedQuote(to)
	}
	if line > 1 && line <= len(d.lines) && strings.ContainsAny(d.lines[line-1], `"'`) {
		// 'name: "Anna' with a quoted value further down: YAML reads on
		// to that quote and stumbles there, lines below the mistake.
		if p, ok := d.unclosedQuote(line - 1); ok {
			return p, true
		}
	}
	var p Problem
	ok := false
	switch msg {
	case "did not find expected '-' indicator":
		p, ok = d.itemField(line)
	case "did not find expected key":
		p, ok = d.outdentedItem()
	case "mapping values are not allowed in this context":
		p, ok = d.indentHint(line)
	}
	if ok {
		return p, true
	}
	// An alias without its anchor has no line: search the whole text.
	from, to := max(line-1, 1), min(line+1, len(d.lines))
	if line == 0 || anchorRE.MatchString(msg) {
		from, to = 1, len(d.lines)
	}
	for l := from; l <= to; l++ {
		if p, ok := d.reserved(l); ok {
			return p, true
		}
	}
	return Problem{}, false
}

// reserved explains a value on line l (1-based) that starts with a
// character YAML reads as syntax rather than text.
func (d *doc) reserved(l int) (Problem, bool) {
	m := valueRE.FindStringSubmatch(d.lines[l-1])
	if m == nil {
		return Problem{}, false
	}
	c := badStart(m[2])
	if c == "" {
		return Problem{}, false
	}
	col := len(m[1]) + 1
	if c == "@" && strings.TrimSpace(m[1]) == "owner:" {
		// Quoting "@anna" would only lead to the next error.
		return problem(l, col, "owner", "yaml.ownerat", strings.TrimSpace(m[2][1:]))
	}
	if t := leadingStarRE.ReplaceAllString(strings.TrimSpace(m[2]), "$1"); c == "*" && t != strings.TrimSpace(m[2]) {
		// "why: *Weil* ich …": Markdown, which quoting would show.
		_, rest := Markup(t)
		if rest == "" {
			rest = t
		}
		return problem(l, col, "", "text.emphasis", strings.TrimSpace(m[1]+rest))
	}
	if c == "|" || c == ">" {
		// "why: > Weil …": the block indicator of the example,
		// with the text on its line. Quoting would publish the ">".
		rest := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(m[2])[1:], "+-0123456789"))
		return problem(l, col, "", "yaml.block", c, c, strings.TrimSpace(m[1])+" "+rest)
	}
	return problem(l, col, "", "yaml.reserved", c, strings.TrimSpace(m[2]))
}

// indentHint explains a field indented under one that has a value, as
// when the web editor lost a line's indentation:
//
//	contact:
//	email: anna@example.de     ← lost its two spaces
//	  phone: +49 221 1234567
//
// or gave one too many. line is where yaml.v3 stopped, at the deeper
// field.
func (d *doc) indentHint(line int) (Problem, bool) {
	if line < 2 || line > len(d.lines) {
		return Problem{}, false
	}
	type field struct {
		l, indent int
		key       string
		value     bool
	}
	read := func(l int) (field, bool) {
		m := keyColonRE.FindStringSubmatch(d.lines[l-1])
		if m == nil {
			if t := strings.TrimRight(d.lines[l-1], " "); strings.HasSuffix(t, ":") && !strings.Contains(strings.TrimSpace(t), " ") {
				k := strings.TrimSpace(strings.TrimSuffix(t, ":"))
				return field{l, len(t) - len(strings.TrimLeft(t, " ")), k, false}, k != ""
			}
			return field{}, false
		}
		return field{l, len(m[1]), m[2], strings.TrimSpace(m[4]) != ""}, true
	}
	cur, ok := read(line)
	prevLine := line - 1
	for prevLine > 0 && strings.TrimSpace(d.lines[prevLine-1]) == "" {
		prevLine--
	}
	if !ok || prevLine == 0 {
		return Problem{}, false
	}
	prev, ok := read(prevLine)
	if !ok || !prev.value || prev.indent >= cur.indent {
		return Problem{}, false
	}
	// The line before prev opens a map (contact:) at prev's indentation:
	// prev belongs inside it and lost its indentation.
	if prev.l > 1 {
		if parent, ok := read(prev.l - 1); ok && !parent.value && parent.indent == prev.indent {
			return problem(prev.l, 1, "", "yaml.indentlost", prev.key, parent.key, cur.indent)
		}
	}
	if prev.indent == 0 {
		return problem(cur.l, 1, "", "yaml.indentmore0", cur.key, prev.key)
	}
	return problem(cur.l, 1, "", "yaml.indentmore", cur.key, prev.key, prev.indent)
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

// oddSpace returns the column (in characters) and the character of a space
// other than the ASCII space or tab where YAML's syntax needs a space: in
// the indentation, after a list item's dash, or after a key's colon. Such
// spaces inside a value are text and fine. col is 0 when there is none.
func oddSpace(line string) (col int, r rune) {
	odd := func(r rune) bool { return r > unicode.MaxASCII && unicode.IsSpace(r) }
	if !hasOddSpace(line) {
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

// hasOddSpace reports whether s holds a space other than an ASCII one.
// It decodes only the bytes that are not ASCII, which every such space
// is made of: calling a function for each character of every line was a
// twentieth of parsing a profile's front matter.
func hasOddSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < utf8.RuneSelf {
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return true
		}
		i += n - 1
	}
	return false
}

var (
	numberedRE = regexp.MustCompile(`^\s*\d{1,2}[.)]\s+(\S.*)$`)
	dashRE     = regexp.MustCompile(`^\s*-([^\s\-].*)$`)
	// "– Beratung": a word processor's dash or bullet for the hyphen.
	bulletRE = regexp.MustCompile(`^\s*[–—•·‣▪◦]\s*(\S.*)$`)
)

// ListSlip recognises a list item written as in Markdown or Word where
// YAML needs "- item": numbered ("1. Beratung") or without the space after
// the dash ("-Beratung"). It returns the message key and the item's text,
// or "" when line is neither.
func ListSlip(line string) (key, item string) {
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
