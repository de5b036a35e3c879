package load

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// split separates a Markdown file into its YAML front matter and body.
// It accepts a UTF-8 byte order mark and CRLF line endings (both common
// from Windows editors) and returns the front matter with LF endings, the
// line of the file on which the YAML starts, and the body with the line on
// which it starts, so that positions stay those of the file.
//
// The problem key is "" on success, else a key of member.Msg; n carries
// its argument (lines before "---" for fm.notfirst).
func split(data []byte) (fm string, fmLine int, body string, bodyLine int, problem string, n int) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	if strings.TrimSpace(text) == "" {
		return "", 0, "", 0, "file.empty", 0
	}
	lines := strings.SplitAfter(text, "\n")
	start := 0
	for start < len(lines) && strings.TrimSpace(lines[start]) == "" {
		start++
	}
	if !isDelim(lines[start]) && nearDelim(lines[start]) {
		return "", 0, "", 0, "fm.baddelim", start + 1
	}
	if !isDelim(lines[start]) {
		// Text typed above the front matter ("Mein Profil", a stray
		// heading) pushes "---" down; say so rather than that it is missing.
		for i := start + 1; i < len(lines) && i < 10; i++ {
			if isDelim(lines[i]) {
				for j := i + 1; j < len(lines); j++ {
					if isDelim(lines[j]) {
						return "", 0, "", 0, "fm.notfirst", i
					}
				}
				break
			}
		}
		return "", 0, "", 0, "fm.missing", 0
	}
	if start > 0 {
		return "", 0, "", 0, "fm.notfirst", start
	}
	// The lines are text cut after each "\n": the front matter and the
	// body are the text between them, with no need to join them again.
	// The body is copied, so that a member's body does not keep the
	// whole file in memory.
	off := len(lines[0])
	for i := 1; i < len(lines); i++ {
		if isDelim(lines[i]) {
			return text[len(lines[0]):off], 2, strings.Clone(text[off+len(lines[i]):]), i + 2, "", 0
		}
		off += len(lines[i])
	}
	// No closing line: point at one that was meant to be it, else at the
	// first line that cannot be front matter, which is most likely where
	// the body begins.
	for i := 1; i < len(lines); i++ {
		if nearDelim(lines[i]) {
			return "", 0, "", 0, "fm.baddelim", i + 1
		}
	}
	for i := 1; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimSpace(l)
		if t == "" || l[0] == ' ' || l[0] == '\t' || t[0] == '-' || t[0] == '#' || keyLine(t) {
			continue
		}
		return "", 0, "", 0, "fm.unclosed", i + 1
	}
	// Everything looks like front matter: point at the line after the
	// last one, where the "---" belongs. SplitAfter leaves an empty last
	// element when the text ends in a newline; it is not a line.
	n = len(lines)
	if lines[n-1] == "" {
		n--
	}
	return "", 0, "", 0, "fm.unclosed", n + 1
}

// keyLine reports whether t starts like a YAML mapping entry "key:".
func keyLine(t string) bool {
	i := strings.IndexByte(t, ':')
	if i <= 0 {
		return false
	}
	for _, c := range t[:i] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// isDelim reports whether line is a front matter delimiter: "---" with
// nothing but trailing spaces.
func isDelim(line string) bool {
	return strings.TrimRight(line, " \t\n") == "---"
}

// nearDelim reports whether line was most likely meant as a delimiter
// "---": a run of two or more dashes of another length ("----"), or dashes
// a word processor or phone made long ("—", "–––"), or three dots.
func nearDelim(line string) bool {
	t := strings.TrimSpace(line)
	if t == "---" || t == "" {
		return false
	}
	if t == "..." || t == "…" {
		return true
	}
	n := utf8.RuneCountInString(t)
	return strings.Trim(t, "-–—") == "" && (n >= 2 || t != "-") && (n <= 6)
}

// binaryKind names the kind of file data is when it is plainly not text:
// a photo or a document uploaded under a profile's name, or text saved as
// UTF-16 (which Windows editors call "Unicode"). It returns "" for text.
func binaryKind(data []byte) string {
	magic := []struct{ prefix, kind string }{
		{"\x89PNG", "PNG"}, {"\xff\xd8\xff", "JPEG"}, {"GIF8", "GIF"}, {"%PDF", "PDF"},
		{"PK\x03\x04", "Word/ZIP"}, {"\xd0\xcf\x11\xe0", "Word"}, {"{\\rtf", "RTF"},
		{"\xff\xfe", "UTF-16"}, {"\xfe\xff", "UTF-16"},
	}
	for _, m := range magic {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return m.kind
		}
	}
	if len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP" {
		return "WebP"
	}
	if len(data) >= 12 && string(data[4:8]) == "ftyp" {
		return "HEIC/MP4"
	}
	if len(data) >= 2 && (data[0] == 0 || data[1] == 0) {
		// UTF-16 without a byte order mark: every other byte of "---" is 0.
		return "UTF-16"
	}
	return ""
}

// notUTF8 returns the line and column (counted in characters, as editors
// and yaml.v3 count them) of the first byte of data that is not UTF-8.
// Lines are counted as split counts them: after a byte order mark, with
// CRLF and CR as line ends.
func notUTF8(data []byte) (line, col int, bad bool) {
	if utf8.Valid(data) {
		return 0, 0, false
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	line, col = 1, 1
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return line, col, true
		}
		switch {
		case r == '\n', r == '\r' && (i+1 == len(data) || data[i+1] != '\n'):
			line, col = line+1, 1
		case r == '\r':
		default:
			col++
		}
		i += n
	}
	return line, col, true
}

// yamlBreaks are the characters the front matter may not contain:
// control characters other than tab and line feed, which yaml.v3 refuses,
// and the line ends other than line feed, which it counts as lines.
var yamlBreaks = newRuneSet(func(r rune) bool {
	return unicode.IsControl(r) && r != '\t' && r != '\n' || r == '\u2028' || r == '\u2029'
})

// bodyHidden are the characters the Markdown body may not contain:
// control characters other than tab and line feed, and the bidirectional
// embeddings, overrides and isolates that make text display in another
// order than it is written ("Trojan Source"). Zero-width spaces and the
// left-to-right and right-to-left marks stay allowed in the body, where
// they have honest uses (a break opportunity in a long compound word, a
// Hebrew or Arabic quotation).
var bodyHidden = newRuneSet(func(r rune) bool {
	return unicode.IsControl(r) && r != '\t' && r != '\n' || member.BidiControl(r)
})

// hidden finds the first character in text that is in bad and returns
// its line and column (1-based, in characters within text) and its code
// point as U+XXXX.
func hidden(text string, bad *runeSet) (line, col int, code string, found bool) {
	i := bad.index(text)
	if i < 0 {
		return 0, 0, "", false
	}
	before := text[:i]
	line = strings.Count(before, "\n") + 1
	col = utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
	r, _ := utf8.DecodeRuneInString(text[i:])
	return line, col, fmt.Sprintf("U+%04X", r), true
}

// runeSet is a set of characters, given by the function in, with a table
// of its ASCII characters: most text is ASCII, and calling in for each
// character of every profile took a twentieth of loading 10,000.
type runeSet struct {
	ascii [utf8.RuneSelf]bool
	in    func(rune) bool
}

func newRuneSet(in func(rune) bool) *runeSet {
	s := &runeSet{in: in}
	for c := range s.ascii {
		s.ascii[c] = in(rune(c))
	}
	return s
}

// index returns the index of the first character of text in the set, or
// -1, as strings.IndexFunc(text, s.in) does: a byte that is not UTF-8 is
// utf8.RuneError.
func (s *runeSet) index(text string) int {
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if s.ascii[c] {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if s.in(r) {
			return i
		}
		i += n
	}
	return -1
}
