package load

import (
	"bytes"
	"strings"
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
	for i := 1; i < len(lines); i++ {
		if isDelim(lines[i]) {
			fm = strings.Join(lines[1:i], "")
			body = strings.Join(lines[i+1:], "")
			return fm, 2, body, i + 2, "", 0
		}
	}
	// No closing line: point at the first line that cannot be front
	// matter, which is most likely where the body begins.
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
