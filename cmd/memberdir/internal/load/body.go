package load

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"gopkg.in/yaml.v3"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/gfm"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// Limits on the Markdown below the front matter. The Markdown parser takes
// time that grows with the square of some shapes of text: a hundred
// thousand ">" in a row, or "![a](" repeated, kept a build of one such
// profile busy for minutes. No real text has these shapes, so they are
// refused before anything parses them.
const (
	// MaxBody is the longest body of a profile: some 10,000 words, where
	// a profile's story has a few hundred.
	MaxBody = 64 << 10
	// MaxPageBody is the longest body of a page (content/pages/), which
	// may be a privacy policy.
	MaxPageBody = 512 << 10
	// maxNesting is the deepest nesting of quotes and lists in one line.
	maxNesting = 16
	// maxLinks is the most links (and images) a body may have; it may
	// have twice as many "[", which Markdown reads as the start of one.
	maxLinks = 500
	// maxDelims is the most "*", "_" and "~" a paragraph may have:
	// Markdown pairs them as emphasis within a paragraph, in time that
	// grows with the square of their number. 2,000 take some 8 ms; the
	// 21,000 of 64 KB of "*a_" took 8 s. A page of events, each a
	// paragraph with its date in bold, has many more in all.
	maxDelims = 2000
)

// bodyProblem reports the first problem of body, or "" for none: the
// message key, the line (1-based, within body) and the message's values.
func bodyProblem(body string, max int) (key string, line int, args []any) {
	if len(body) > max {
		return "body.toolong", 1, []any{size(len(body)), size(max)}
	}
	links, brackets, delims, n := 0, 0, 0, -1
	for l := range strings.SplitSeq(body, "\n") {
		n++
		if d := nesting(l); d > maxNesting {
			return "body.nested", n + 1, []any{d, maxNesting}
		}
		if links += strings.Count(l, "]("); links > maxLinks {
			return "body.links", n + 1, []any{maxLinks}
		}
		if brackets += strings.Count(l, "["); brackets > 2*maxLinks {
			return "body.brackets", n + 1, []any{2 * maxLinks}
		}
		if strings.TrimSpace(l) == "" {
			delims = 0 // a new paragraph
		}
		if delims += strings.Count(l, "*") + strings.Count(l, "_") + strings.Count(l, "~"); delims > maxDelims {
			return "body.delims", n + 1, []any{maxDelims}
		}
	}
	return "", 0, nil
}

// nesting counts the quote markers (">") and list markers ("-", "*", "+",
// "1." or "1)", each followed by a space) that open line l, as Markdown
// nests them.
func nesting(l string) int {
	d := 0
	for {
		l = strings.TrimLeft(l, " \t")
		switch {
		case strings.HasPrefix(l, ">"):
			l = l[1:]
		case len(l) >= 2 && strings.ContainsRune("-*+", rune(l[0])) && (l[1] == ' ' || l[1] == '\t'):
			l = l[2:]
		default:
			i := 0
			for i < len(l) && i < 9 && l[i] >= '0' && l[i] <= '9' {
				i++
			}
			if i == 0 || i+1 >= len(l) || l[i] != '.' && l[i] != ')' || l[i+1] != ' ' && l[i+1] != '\t' {
				return d
			}
			l = l[i+2:]
		}
		d++
	}
}

// checkBody records the body's problems and returns the body to keep. A
// body over one of the limits above is dropped, so that nothing after
// load parses the text, and is checked no further. Otherwise the body is
// kept and checked for what the page would lose without a word: fields
// written below the front matter, HTML, and links to addresses that are
// not on the web. root is the front matter, whose fields the first check
// compares with the body's lines.
func (f *file) checkBody(body string, bodyLine int, root *yaml.Node, kind bodyKind) string {
	if key, line, args := bodyProblem(body, kind.max); key != "" {
		f.errs.Add(member.Pos{Path: f.path, Line: bodyLine + line - 1, Col: 1}, "", member.Msg(f.lang, key, args...))
		return ""
	}
	set := func(name string) int {
		for i := 0; i+1 < len(root.Content); i += 2 {
			if k := root.Content[i]; k.Value == name {
				return f.pos(k).Line
			}
		}
		return 0
	}
	found := bodyFields(body, bodyLine, kind.fields, set)
	found = append(found, markdownProblems(body, bodyLine, kind.page)...)
	slices.SortStableFunc(found, func(a, b finding) int {
		return cmp.Or(cmp.Compare(a.line, b.line), cmp.Compare(a.off, b.off))
	})
	for i, p := range found {
		col := 1
		if p.off >= 0 {
			col = utf8.RuneCountInString(body[strings.LastIndexByte(body[:p.off], '\n')+1:p.off]) + 1
		}
		pos := member.Pos{Path: f.path, Line: p.line, Col: col}
		if i == maxFindings {
			f.errs.Add(pos, "", member.Msg(f.lang, "file.moreerrors", len(found)-i))
			break
		}
		f.errs.Add(pos, "", member.Msg(f.lang, p.key, p.args...))
	}
	return body
}

// maxFindings is the most problems of the kinds checkBody finds in a
// kept body that one file reports; a pasted web page would otherwise
// bury the rest under one message per tag.
const maxFindings = 10

// bodyKind is what checkBody needs to know of the file a body is in.
type bodyKind struct {
	max    int      // the longest body allowed
	fields []string // the names of the file's top-level fields
	page   bool     // a page of the site (content/pages/), not a profile
}

// profileNames are the names of the top-level fields of every profile.
var profileNames = member.FieldNames(member.ProfileFields)

// profileBody is the bodyKind of the profiles of a site with config cfg,
// whose extra fields are fields too.
func profileBody(cfg *member.Config) bodyKind {
	names := profileNames
	if len(cfg.ExtraFields) > 0 {
		names = slices.Clone(names)
		for _, x := range cfg.ExtraFields {
			names = append(names, x.Name)
		}
	}
	return bodyKind{max: MaxBody, fields: names}
}

// pageBody is the bodyKind of pages; its fields are the ones Page reads.
var pageBody = bodyKind{max: MaxPageBody, fields: pageFields, page: true}

// finding is one problem of a kept body: its line in the file, its byte
// offset in the body (-1 for the line's first column), and its message.
type finding struct {
	line, off int
	key       string
	args      []any
}

// bodyFields finds the lines of body (which starts on line first of the
// file) that are fields of the front matter, named in names, written
// below it: added after the closing "---", cut off by a stray "---"
// among the fields, or pasted a second time. Markdown shows them as
// text and the fields are lost. Each run of such lines, with the lines
// that belong to them (indented, list items, other "key:" lines), is one
// problem; set returns the line on which the front matter sets a field,
// or 0. Lines in fenced code blocks are text on purpose and skipped.
func bodyFields(body string, first int, names []string, set func(string) int) []finding {
	if !anyField(body, names) {
		return nil
	}
	var found []finding
	lines := strings.Split(body, "\n")
	fence := "" // the fence of the code block the scan is in, or ""
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if fence != "" {
			if closesFence(l, fence) {
				fence = ""
			}
			continue
		}
		if fence = openFence(l); fence != "" {
			continue
		}
		name := fieldName(l, names)
		if name == "" {
			continue
		}
		run, end, next := []string{name}, i, i+1
		for ; next < len(lines); next++ {
			l := lines[next]
			if strings.TrimSpace(l) == "" {
				continue
			}
			if openFence(l) != "" || !(l[0] == ' ' || l[0] == '\t' || l == "-" || strings.HasPrefix(l, "- ") || keyLine(l)) {
				break
			}
			if n := fieldName(l, names); n != "" {
				run = append(run, n)
			}
			end = next
		}
		// "why: because …" in the middle of the text is prose: fields
		// that are also words of prose are taken for fields only where
		// the front matter ended, at the top of the body or after a "---".
		top := strings.TrimSpace(strings.Join(lines[:i], "")) == ""
		if !slices.ContainsFunc(run, func(n string) bool { return !proseWords[n] }) && !top && !afterDelim(lines, i) {
			i = end
			continue
		}
		twice, at := "", 0
		for _, n := range run {
			if at = set(n); at > 0 {
				twice = n
				break
			}
		}
		closing := first - 1 // the line "---" that ends the front matter
		switch {
		case twice != "":
			// The repeat begins at its own "---", when it has one.
			from := i
			for from > 0 && strings.TrimSpace(lines[from-1]) == "" {
				from--
			}
			if from > 0 && isDelim(lines[from-1]) {
				from--
			} else {
				from = i
			}
			found = append(found, finding{first + i, -1, "body.twice", []any{twice, at, first + from}})
		case next < len(lines) && isDelim(lines[next]) && strings.TrimSpace(strings.Join(lines[:i], "")) == "":
			// The fields follow the front matter's "---" and end with
			// another: the first one is stray.
			found = append(found, finding{closing, -1, "body.stray", []any{first + i, first + next}})
		case end == i:
			found = append(found, finding{first + i, -1, "body.field", []any{name, closing}})
		default:
			found = append(found, finding{first + i, -1, "body.fields", []any{name, first + end, closing}})
		}
		i = end
	}
	return found
}

// proseWords are the field names that also start lines of prose.
var proseWords = map[string]bool{"name": true, "mission": true, "why": true, "role": true, "company": true, "location": true, "languages": true, "offerings": true, "title": true}

// afterDelim reports whether the last line before line i that is not
// empty is a delimiter "---".
func afterDelim(lines []string, i int) bool {
	for i--; i >= 0; i-- {
		if strings.TrimSpace(lines[i]) != "" {
			return isDelim(lines[i])
		}
	}
	return false
}

// anyField reports whether a line of body starts with a field named in
// names, so that bodyFields splits only the few bodies that have one.
func anyField(body string, names []string) bool {
	for body != "" {
		l := body
		if i := strings.IndexByte(body, '\n'); i >= 0 {
			l, body = body[:i], body[i+1:]
		} else {
			body = ""
		}
		if fieldName(l, names) != "" {
			return true
		}
	}
	return false
}

// fieldName returns the field that line l sets, "key:" or "key: value"
// at its start with key one of names, or "".
func fieldName(l string, names []string) string {
	if l == "" || l[0] < 'a' || l[0] > 'z' {
		return ""
	}
	i := strings.IndexByte(l[:min(len(l), 42)], ':')
	if i < 0 || i+1 < len(l) && l[i+1] != ' ' && l[i+1] != '\t' || !slices.Contains(names, l[:i]) {
		return ""
	}
	return l[:i]
}

// openFence returns the fence that opens a fenced code block on line l:
// three or more "`" or "~" after at most three spaces. It returns "" when
// l opens none.
func openFence(l string) string {
	t := strings.TrimLeft(l, " ")
	if len(l)-len(t) > 3 || len(t) < 3 || t[0] != '`' && t[0] != '~' {
		return ""
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 || t[0] == '`' && strings.ContainsRune(t[n:], '`') {
		return ""
	}
	return t[:n]
}

// closesFence reports whether line l closes the code block opened by fence.
func closesFence(l, fence string) bool {
	t := strings.TrimLeft(l, " ")
	if len(l)-len(t) > 3 {
		return false
	}
	n := 0
	for n < len(t) && t[n] == fence[0] {
		n++
	}
	return n >= len(fence) && strings.TrimSpace(t[n:]) == ""
}

// bodyParser reads bodies as render reads them (GFM), for the few that
// need it: parsing every body would slow the build of a large site.
var bodyParser = goldmark.New(goldmark.WithExtensions(gfm.Extension)).Parser()

// markdownProblems finds what the page leaves out of body (which starts
// on line first of the file) or links to nowhere: HTML, once per line or
// block, and links, images and link reference definitions whose target
// is not an address on the web. A link that uses a reference definition
// is not reported itself: the definition is. HTML comments are allowed:
// they are left out on purpose, as notes to whoever edits the file next.
// The body is parsed only when a quick look finds either in it.
func markdownProblems(body string, first int, page bool) []finding {
	if !mayHaveHTML(body) && !mayHaveLocalLink(body) {
		return nil
	}
	src := []byte(body)
	var starts []int // the offset at which each line of body starts
	for i := 0; i >= 0; {
		starts = append(starts, i)
		if j := strings.IndexByte(body[i:], '\n'); j >= 0 {
			i += j + 1
		} else {
			i = -1
		}
	}
	lineOf := func(off int) int { return first + sort.SearchInts(starts, off+1) - 1 }
	var found []finding
	htmlLine := 0 // the line of the last HTML reported
	link := func(off int, dest []byte, image bool) {
		if key, args := linkProblem(string(dest), image, page); key != "" {
			found = append(found, finding{lineOf(off), off, key, args})
		}
	}
	_ = ast.Walk(bodyParser.Parse(text.NewReader(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			if n.HTMLBlockType == ast.HTMLBlockType2 || n.Lines().Len() == 0 {
				return ast.WalkSkipChildren, nil
			}
			off := n.Lines().At(0).Start
			off += len(body[off:]) - len(strings.TrimLeft(body[off:], " \t"))
			htmlLine = lineOf(off)
			found = append(found, finding{htmlLine, off, "body.htmlblock", []any{tag(body[off:])}})
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			if n.Segments.Len() == 0 {
				break
			}
			off := n.Segments.At(0).Start
			if strings.HasPrefix(body[off:], "<!--") || lineOf(off) == htmlLine {
				break
			}
			htmlLine = lineOf(off)
			found = append(found, finding{htmlLine, off, "body.html", []any{tag(body[off:])}})
		case *ast.Link:
			if n.Reference == nil && n.Pos() >= 0 {
				link(n.Pos(), n.Destination, false)
			}
		case *ast.Image:
			if n.Reference == nil && n.Pos() >= 0 {
				link(n.Pos(), n.Destination, true)
			}
		case *ast.LinkReferenceDefinition:
			if n.Pos() >= 0 {
				link(n.Pos(), n.Destination, false)
			}
		}
		return ast.WalkContinue, nil
	})
	return found
}

// mayHaveHTML reports whether body has a "<" followed by a letter, "/",
// "!" or "?", as every piece of HTML starts.
func mayHaveHTML(body string) bool {
	for i := strings.IndexByte(body, '<'); i >= 0 && i+1 < len(body); {
		if c := body[i+1]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '!' || c == '?' {
			return true
		}
		j := strings.IndexByte(body[i+1:], '<')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// mayHaveLocalLink reports whether body has a "](" or "]:", as every
// link, image and link reference definition has before its target, with
// a target that does not start as an address on the web, of mail or of
// phone, or on this site.
func mayHaveLocalLink(body string) bool {
	for s := body; ; {
		i := strings.IndexByte(s, ']')
		if i < 0 || i+1 == len(s) {
			return false
		}
		s = s[i+1:]
		if s[0] != '(' && s[0] != ':' {
			continue
		}
		t := strings.TrimPrefix(strings.TrimLeft(s[1:], " \t\n"), "<")
		if t == "" || t[0] != '/' && t[0] != '#' && !hasPrefixFold(t, "https://") && !hasPrefixFold(t, "http://") &&
			!hasPrefixFold(t, "mailto:") && !hasPrefixFold(t, "tel:") {
			return true
		}
	}
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// tag returns the HTML tag at the start of s, as a message shows it: up
// to its ">" on its line, and at most 40 characters.
func tag(s string) string {
	if i := strings.IndexAny(s, ">\n"); i >= 0 {
		s = s[:i+1]
	}
	s = strings.TrimSuffix(s, "\n")
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return member.Printable(s)
}

// linkProblem returns the message key and values for a link or image
// (image true) whose target is dest when that leads nowhere, or "" when
// it leads somewhere: to an address with a scheme (render drops the
// link when that is not the web, mail or phone), to a path on the site
// ("/join/"), or to a place on the page ("#…", "?…"). A page may link to
// the site's other pages; a profile should not need to.
func linkProblem(dest string, image, page bool) (string, []any) {
	d := strings.TrimSpace(dest)
	if d == "" || strings.ContainsAny(d[:1], "/#?") || strings.HasPrefix(d, "./") || strings.HasPrefix(d, "../") || hasScheme(d) {
		return "", nil
	}
	p := member.Printable(d)
	switch {
	case member.CheckEmail(d) == "":
		return "body.mailto", []any{d, p}
	case domainLike(d):
		return "url.noscheme", []any{d, p}
	case page:
		return "body.linkpage", []any{d}
	case image:
		return "body.image", []any{d}
	}
	return "body.link", []any{d}
}

// hasScheme reports whether s starts with a URL scheme: a letter, then
// letters, digits, "+", "-" or ".", then ":".
func hasScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}

// domainLike reports whether d starts like an address on the web written
// without its https://: "www.", or a host name before any "/", "?" or "#"
// whose last part looks like a top-level domain, not like a file's
// extension (team.jpg, flyer.pdf).
func domainLike(d string) bool {
	if hasPrefixFold(d, "www.") {
		return true
	}
	host := d
	if i := strings.IndexAny(d, "/?#"); i >= 0 {
		host = d[:i]
	}
	dot := strings.LastIndexByte(host, '.')
	if dot <= 0 || strings.ContainsFunc(host, func(r rune) bool {
		return r != '.' && r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		return false
	}
	tld := strings.ToLower(host[dot+1:])
	return len(tld) >= 2 && !fileExt[tld] && !strings.ContainsFunc(tld, func(r rune) bool { return r < 'a' || r > 'z' })
}

// fileExt are extensions of files members link to that are also, or
// look like, top-level domains.
var fileExt = map[string]bool{
	"jpg": true, "jpeg": true, "png": true, "gif": true, "webp": true, "svg": true, "heic": true,
	"pdf": true, "doc": true, "docx": true, "odt": true, "xls": true, "xlsx": true, "ppt": true, "pptx": true,
	"htm": true, "html": true, "md": true, "txt": true, "vcf": true, "zip": true, "mp3": true, "mp4": true, "mov": true,
}
