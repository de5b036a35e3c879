// Package diagnose explains YAML that people typed in a web editor and
// that does not hold together. Parse reads a text with yaml.v3 and, when
// it cannot be read as meant, returns the likely slip as a Problem with a
// position and a message key, not yaml.v3's words. Indentation, which
// Parse asks too, reads the text line by line, not as YAML, so it still
// works where yaml.v3 gives up: it finds the first line whose
// indentation differs from what the mapping or list above it expects,
// and the indentation that mends it.
package diagnose

import (
	"strings"
	"unicode/utf8"
)

// Fields reports whether key is a field of the mapping that parent opens
// ("" for the top level). Indentation asks it when two indentations mend
// the structure equally well; nil means nothing is known of the fields.
type Fields func(parent, key string) bool

// Misindent is a line whose indentation breaks the block structure, as
// Indentation finds it.
type Misindent struct {
	Line  int    // 1-based line of the text whose indentation to change
	Label string // how that line starts: "email:" or "- Beratung"
	Have  int    // its indentation now, in spaces
	Want  int    // the indentation that mends the structure

	// Like is a line that has the indentation Want already, above or
	// below Line, for the message to point to.
	Like      int
	LikeLabel string

	// Unsure is true when Line and Like disagree but either of them may
	// be the wrong one; Want is then Like's indentation, a guess.
	Unsure bool
}

// Indentation finds the first line of text that breaks the block
// structure: a field or list item indented unlike its neighbours, deeper
// than a field with a value, or between two levels. Comment lines, blank
// lines and the lines of multi-line values are skipped. It tries the
// indentations that could mend the line (those of the open levels above
// it, or the line's own for the line above it) and keeps the one after
// which the structure holds furthest; fields breaks ties, then the
// indentation step the rest of the text uses. ok is false when the
// structure holds, or when no change of indentation mends it.
func Indentation(text string, fields Fields) (p Misindent, ok bool) {
	lines := classify(text)
	first := scan(lines)
	if first.problem < 0 {
		return Misindent{}, false
	}
	b := first.problem
	var cands []candidate
	for _, lv := range first.levels {
		if lv.indent == lines[b].indent {
			continue
		}
		c := candidate{line: b, to: lv.indent, like: lv.last}
		if n := len(cands); n > 0 && cands[n-1].to == lv.indent {
			// A list at its key's indentation: point to an item for an
			// item, to a field for a field.
			if lv.seq == lines[b].marks[0].item {
				cands[n-1] = c
			}
			continue
		}
		cands = append(cands, c)
	}
	if first.prev >= 0 && lines[first.prev].indent != lines[b].indent {
		cands = append(cands, candidate{line: first.prev, to: lines[b].indent, like: b})
	}
	// The step of each block counts once, however many of the changes
	// leave it as it is.
	steps := map[block]bool{}
	for i := range cands {
		for _, b := range cands[i].rate(lines, fields) {
			steps[b] = true
		}
	}
	step := mode(steps)
	for i := range cands {
		cands[i].odd = cands[i].count(step)
	}
	best := -1
	for i := range cands {
		if best < 0 || cands[i].better(cands[best]) {
			best = i
		}
	}
	if best < 0 || cands[best].score <= b {
		return Misindent{}, false // no indentation gets past the line
	}
	c := cands[best]
	unsure := false
	for i := range cands {
		if i != best && !c.better(cands[i]) {
			unsure = true
		}
	}
	if unsure && first.prev >= 0 {
		return Misindent{
			Line: b + 1, Label: lines[b].label, Have: lines[b].indent, Want: lines[first.prev].indent,
			Like: first.prev + 1, LikeLabel: lines[first.prev].label, Unsure: true,
		}, true
	}
	return Misindent{
		Line: c.line + 1, Label: lines[c.line].label, Have: lines[c.line].indent, Want: c.to,
		Like: c.like + 1, LikeLabel: lines[c.like].label,
	}, true
}

// candidate is one way to mend the structure: line indented by to.
type candidate struct {
	line, to int
	like     int // a line with that indentation

	score int  // the first line that breaks after the change, or len(lines)
	fits  bool // fields knows the line's key where the change puts it
	odd   int  // blocks indented by another step than most, and the top
	steps []block
	top   int // the indentation of the top level
	have  int // the line's indentation before the change
}

// rate reads the text with the change and returns the steps of its
// blocks.
func (c *candidate) rate(lines []line, fields Fields) []block {
	c.have = lines[c.line].indent
	moved := make([]line, len(lines))
	copy(moved, lines)
	moved[c.line] = lines[c.line].shift(c.to - lines[c.line].indent)
	s := scan(moved)
	c.score = s.problem
	if c.score < 0 {
		c.score = len(lines)
	}
	l := lines[c.line]
	if parent, ok := s.parent[c.line]; ok && fields != nil && len(l.marks) > 0 && !l.marks[0].item {
		c.fits = fields(parent, l.marks[0].key)
	}
	c.steps, c.top = s.steps, s.top
	return s.steps
}

// count returns how many of c's blocks are indented by another step than
// step, and 1 more when the top level is indented, as it need not be.
func (c candidate) count(step int) int {
	n := 0
	for _, b := range c.steps {
		if b.step != step {
			n++
		}
	}
	if c.top > 0 {
		n++
	}
	return n
}

// better reports whether c mends the structure better than d.
func (c candidate) better(d candidate) bool {
	if c.score != d.score {
		return c.score > d.score
	}
	if c.fits != d.fits {
		return c.fits
	}
	if c.odd != d.odd {
		return c.odd < d.odd
	}
	return c.moves() < d.moves()
}

// moves is how many columns c moves its line.
func (c candidate) moves() int {
	if c.to > c.have {
		return c.to - c.have
	}
	return c.have - c.to
}

// mark is a field ("key:") or a list item ("- ") on a line, at column
// col (0-based); a line holds more than one in "- member: anna".
type mark struct {
	col  int
	item bool
	key  string
}

// tail is what follows a line's last mark.
type tail int

const (
	closed  tail = iota // a value that ends on the line: "a", [a], "a b"
	opens               // nothing: a block follows on deeper lines
	plain               // a plain value, which may go on on deeper lines
	literal             // | or >: the deeper lines below are text
	quote               // a quoted value whose quote closes on a later line
	flow                // [ or { closed on a later line
)

// line is one line of the text as far as the block structure goes.
type line struct {
	indent int
	skip   bool   // blank, or only a comment
	marks  []mark // none: text, as of a value over several lines
	tail   tail
	quote  byte // the open quote, for tail quote
	depth  int  // brackets left open, for tail flow
	text   string
	label  string
}

func (l line) shift(d int) line {
	l.indent += d
	l.marks = append([]mark(nil), l.marks...)
	for i := range l.marks {
		l.marks[i].col += d
	}
	return l
}

// classify splits text into lines and reads their marks.
func classify(text string) []line {
	raw := strings.Split(text, "\n")
	out := make([]line, len(raw))
	for i, s := range raw {
		out[i] = read(s)
	}
	return out
}

func read(s string) line {
	t := strings.TrimLeft(s, " ")
	l := line{indent: len(s) - len(t), text: s}
	if strings.TrimSpace(t) == "" || t[0] == '#' || l.indent == 0 && (t == "---" || t == "..." || t[0] == '%') {
		l.skip = true
		return l
	}
	col := l.indent
	for {
		if t == "-" || strings.HasPrefix(t, "- ") {
			l.marks = append(l.marks, mark{col: col, item: true})
			r := strings.TrimLeft(t[1:], " ")
			col += len(t) - len(r)
			t = r
			if t == "" || t[0] == '#' {
				l.tail = opens
				break
			}
			continue
		}
		if key, rest, ok := cutKey(t); ok {
			l.marks = append(l.marks, mark{col: col, key: key})
			l.tail, l.quote, l.depth = value(strings.TrimLeft(rest, " "))
			break
		}
		l.tail, l.quote, l.depth = value(t)
		break
	}
	if len(l.marks) > 0 {
		if l.marks[0].item {
			l.label = short(strings.TrimSpace(t))
			l.label = strings.TrimSpace("- " + l.label)
			if len(l.marks) > 1 && !l.marks[1].item {
				l.label = "- " + l.marks[1].key + ":"
			}
		} else {
			l.label = l.marks[0].key + ":"
		}
	}
	return l
}

// short shortens s to 30 characters for a message.
func short(s string) string {
	if utf8.RuneCountInString(s) <= 30 {
		return s
	}
	return string([]rune(s)[:29]) + "…"
}

// cutKey reads "key:" at the start of t, the key plain or quoted, and
// returns the key and what follows the colon.
func cutKey(t string) (key, rest string, ok bool) {
	if t == "" || strings.ContainsRune("[]{},&*!|>%@`#?", rune(t[0])) {
		return "", "", false
	}
	end := 0
	if t[0] == '"' || t[0] == '\'' {
		n := closing(t[1:], t[0])
		if n < 0 {
			return "", "", false
		}
		end = n + 2
		key = t[1 : n+1]
	} else {
		i := strings.Index(t, ":")
		for i >= 0 && i+1 < len(t) && t[i+1] != ' ' {
			j := strings.Index(t[i+1:], ":")
			if j < 0 {
				i = -1
				break
			}
			i += 1 + j
		}
		if i <= 0 || strings.Contains(t[:i], " #") {
			return "", "", false
		}
		end = i
		key = strings.TrimRight(t[:i], " ")
	}
	if end >= len(t) || t[end] != ':' || end+1 < len(t) && t[end+1] != ' ' {
		return "", "", false
	}
	return key, t[end+1:], true
}

// closing returns the index in s of the quote q that closes a value
// opened by q just before s, or -1. "" escapes in single quotes, \ in
// double quotes.
func closing(s string, q byte) int {
	for i := 0; i < len(s); i++ {
		switch {
		case q == '"' && s[i] == '\\':
			i++
		case s[i] == q && q == '\'' && i+1 < len(s) && s[i+1] == '\'':
			i++
		case s[i] == q:
			return i
		}
	}
	return -1
}

// value reads the value v after a colon or dash.
func value(v string) (tail, byte, int) {
	switch {
	case v == "" || v[0] == '#':
		return opens, 0, 0
	case v[0] == '|' || v[0] == '>':
		r := strings.TrimLeft(v[1:], "+-0123456789")
		if r = strings.TrimLeft(r, " "); r == "" || r[0] == '#' {
			return literal, 0, 0
		}
		return plain, 0, 0
	case v[0] == '"' || v[0] == '\'':
		if closing(v[1:], v[0]) < 0 {
			return quote, v[0], 0
		}
		return closed, 0, 0
	case v[0] == '[' || v[0] == '{':
		if d := brackets(v, 0); d > 0 {
			return flow, 0, d
		}
		return closed, 0, 0
	}
	return plain, 0, 0
}

// brackets returns depth after the brackets of s, outside quotes.
func brackets(s string, depth int) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[', '{':
			depth++
		case ']', '}':
			depth--
		case '"', '\'':
			n := closing(s[i+1:], s[i])
			if n < 0 {
				return depth
			}
			i += n + 1
		}
	}
	return depth
}

// frame is a mapping or list being read: the column of its entries.
type frame struct {
	indent int  // -1 until the first entry
	seq    bool // a list, else a mapping
	atKey  bool // a list at its key's indentation, as YAML allows
	parent string
	last   int // the line of its last entry
	step   int // how much deeper than the line that opened it, or 0
}

// level is an open block at the line that breaks: its indentation and
// its last line.
type level struct {
	indent, last int
	seq          bool
}

// result is what scan found.
type result struct {
	problem int            // the first line that breaks the structure, or -1
	levels  []level        // the blocks open there
	prev    int            // the line with marks above it, or -1
	parent  map[int]string // line → the key of the mapping it is a field of
	steps   []block        // the blocks opened on a line of their own
	top     int            // the indentation of the top level
}

// block is a block opened on a line of its own: its first line, and how
// much deeper than the line that opened it it is (0 for a list at its
// key's indentation).
type block struct{ line, step int }

// mode returns the most common of steps; 2, as memberdir writes, when
// there is no single most common one.
func mode(steps map[block]bool) int {
	count := map[int]int{}
	for b := range steps {
		count[b.step]++
	}
	most := 2
	for s, n := range count {
		if n > count[most] || n == count[most] && s < most && most != 2 {
			most = s
		}
	}
	return most
}

// scan follows the block structure of lines and stops at the first line
// that breaks it.
func scan(lines []line) result {
	r := result{problem: -1, prev: -1, parent: map[int]string{}}
	stack := []frame{{indent: -1, last: -1}}
	type opener struct {
		indent int
		key    bool
		parent string
	}
	var pending *opener
	cont := -1 // the column of the value that lower lines may continue
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l.skip {
			if strings.TrimSpace(l.text) != "" {
				cont = -1 // a comment ends a plain value
			}
			continue
		}
		if len(l.marks) == 0 || cont >= 0 && l.indent > cont && l.marks[0].item {
			// Text: a value going on, or something only YAML can explain.
			if pending != nil && l.indent > pending.indent {
				cont, pending = pending.indent, nil
			}
			continue
		}
		first := l.marks[0]
		pushed := false
		if pending != nil {
			if l.indent > pending.indent || first.item && pending.key && l.indent == pending.indent {
				stack = append(stack, frame{indent: l.indent, seq: first.item, atKey: l.indent == pending.indent, parent: pending.parent, step: l.indent - pending.indent})
				r.steps = append(r.steps, block{i, l.indent - pending.indent})
				pushed = true
			}
			pending = nil
		}
		if !pushed {
			levels := make([]level, 0, len(stack))
			for _, f := range stack {
				if f.indent >= 0 {
					levels = append(levels, level{f.indent, f.last, f.seq})
				}
			}
			for len(stack) > 1 && (stack[len(stack)-1].indent > l.indent || stack[len(stack)-1].atKey && stack[len(stack)-1].indent == l.indent && !first.item) {
				stack = stack[:len(stack)-1]
			}
			top := &stack[len(stack)-1]
			if top.indent < 0 {
				top.indent, top.seq = l.indent, first.item
				r.top = l.indent
			}
			if top.indent != l.indent || top.seq != first.item {
				r.problem, r.levels = i, levels
				return r
			}
		}
		top := &stack[len(stack)-1]
		top.last = i
		r.parent[i] = top.parent
		r.prev = i
		// The marks after the first open blocks of their own: "- member:".
		parent := top.parent
		for j := 1; j < len(l.marks); j++ {
			if !l.marks[j-1].item {
				parent = l.marks[j-1].key
			}
			stack = append(stack, frame{indent: l.marks[j].col, seq: l.marks[j].item, parent: parent, last: i})
		}
		last := l.marks[len(l.marks)-1]
		if !last.item {
			parent = last.key
		}
		cont = -1
		switch l.tail {
		case opens:
			pending = &opener{indent: last.col, key: !last.item, parent: parent}
		case plain:
			cont = last.col
		case literal:
			for i+1 < len(lines) && (lines[i+1].skip || lines[i+1].indent > last.col) {
				i++
			}
		case quote:
			for i+1 < len(lines) {
				i++
				if closing(lines[i].text, l.quote) >= 0 {
					break
				}
			}
		case flow:
			for d := l.depth; d > 0 && i+1 < len(lines); {
				i++
				d = brackets(lines[i].text, d)
			}
		}
	}
	return r
}
