package referral

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxMailto is the longest mailto: link this package returns, in bytes
// (which are characters, since the link is ASCII). Outlook on Windows cuts
// longer links off, which can leave half a percent-escape or drop the body.
const MaxMailto = 1900

// message is one e-mail as a mailto: link carries it: plain text, before
// encoding. Empty fields are left out of the link.
type message struct {
	to, cc, subject, body string
}

// link encodes m as a mailto: URL per RFC 6068: the recipient as the path,
// then cc, subject and body as hfields. Everything but RFC 3986's
// unreserved characters is percent-encoded (and "@" in the address), so the
// link contains no quote, angle bracket, space, "+" or line break: a member's
// text can neither add a header or recipient nor end the HTML attribute the
// link is written into. Subjects are one line; the body's line breaks are
// CRLF, as RFC 6068 demands, encoded as %0D%0A.
func (m message) link() string { return m.encode().link() }

// encoded is a message as its link carries it (see parts), with the length
// of that link: fit measures a message and then builds the link of the
// same one, and cleaning the body once serves both.
type encoded struct {
	to      string
	hfields [3]hfield
	n       int // len(link())
}

// encode cleans the parts of m and measures its link.
func (m message) encode() encoded {
	to, hfields := m.parts()
	return encoded{to, hfields, linkLen(to, hfields)}
}

// link builds the mailto: URL of e, as message.link describes.
func (e encoded) link() string {
	var b strings.Builder
	b.Grow(e.n)
	b.WriteString("mailto:")
	writeEscaped(&b, e.to, true, false)
	sep := byte('?')
	for _, f := range e.hfields {
		if f.value == "" {
			continue
		}
		b.WriteByte(sep)
		b.WriteString(f.name)
		b.WriteByte('=')
		writeEscaped(&b, f.value, false, f.name == "body")
		sep = '&'
	}
	return b.String()
}

// hfield is one name=value pair of a mailto: link, before encoding.
type hfield struct{ name, value string }

// parts returns the recipient and the header fields of m as the link
// carries them: valid UTF-8, the subject one line, the body cleaned. The
// body's LFs stay LFs here; encoding writes each as CRLF.
func (m message) parts() (string, [3]hfield) {
	return valid(m.to), [3]hfield{
		{"cc", valid(m.cc)},
		{"subject", oneLine(m.subject)},
		{"body", cleanBody(m.body)},
	}
}

// linkLen is len(m.link()), counted without building the link: fit
// measures a link many times before it builds one.
func (m message) linkLen() int { return linkLen(m.parts()) }

func linkLen(to string, hfields [3]hfield) int {
	n := len("mailto:") + escapedLen(to, true, false)
	for _, f := range hfields {
		if f.value != "" {
			n += 1 + len(f.name) + 1 + escapedLen(f.value, false, f.name == "body")
		}
	}
	return n
}

// valid is s with invalid UTF-8 replaced by U+FFFD.
func valid(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// escape percent-encodes s as UTF-8, keeping only RFC 3986's unreserved
// characters (and "@" when at is true, for the address part of a mailto:).
// RFC 6068 would allow more of them raw, but "," separates recipients,
// "+" is read as a space by some mail clients and "'" ends an HTML
// attribute, so strict is safer, and every client decodes the escapes.
func escape(s string, at bool) string {
	s = valid(s)
	return string(appendEscaped(make([]byte, 0, escapedLen(s, at, false)), s, at, false))
}

// appendEscaped appends escape(s, at) to b for valid UTF-8 s; with crlf,
// each LF is written as CRLF, %0D%0A, as RFC 6068 asks of a body.
func appendEscaped(b []byte, s string, at, crlf bool) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case plain[c] || at && c == '@':
			b = append(b, c)
		case c == '\n' && crlf:
			b = append(b, "%0D%0A"...)
		default:
			b = append(b, '%', hexDigits[c>>4], hexDigits[c&15])
		}
	}
	return b
}

// writeEscaped writes what appendEscaped appends to b. It escapes into a
// buffer on the stack and copies that over in pieces, since most bodies
// are a space every few letters.
func writeEscaped(b *strings.Builder, s string, at, crlf bool) {
	var buf [256]byte
	n := 0
	for i := 0; i < len(s); i++ {
		if n > len(buf)-6 {
			b.Write(buf[:n])
			n = 0
		}
		switch c := s[i]; {
		case plain[c] || at && c == '@':
			buf[n] = c
			n++
		case c == '\n' && crlf:
			n += copy(buf[n:], "%0D%0A")
		default:
			buf[n], buf[n+1], buf[n+2] = '%', hexDigits[c>>4], hexDigits[c&15]
			n += 3
		}
	}
	b.Write(buf[:n])
}

const hexDigits = "0123456789ABCDEF"

// escapedLen is the length appendEscaped adds for s.
func escapedLen(s string, at, crlf bool) int {
	n := 3 * len(s)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case plain[c] || at && c == '@':
			n -= 2
		case c == '\n' && crlf:
			n += 3
		}
	}
	return n
}

// unreserved reports whether c is an unreserved character of RFC 3986:
// ALPHA, DIGIT, "-", ".", "_", "~".
func unreserved(c byte) bool { return plain[c] }

// plain is unreserved as a table: the encoders look up every byte of a
// link, about two kilobytes for an introduction.
var plain = func() (t [256]bool) {
	for c := range 256 {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == '~'
	}
	return t
}()

// oneLine makes s a single line: every run of white space, line breaks
// included, becomes one space, other control characters go. A subject must
// never contain a line break, which some mail clients turn into a new
// header.
func oneLine(s string) string {
	if isOneLine(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u2028' || r == '\u2029':
			space = true
		case unicode.IsControl(r):
		default:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isOneLine reports whether oneLine would return s as it is: valid UTF-8,
// single spaces only between words, no other white space or control
// characters. Most names and subjects are, and need no copy.
func isOneLine(s string) bool {
	space := true // at the start, a space would be dropped
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < utf8.RuneSelf {
			switch {
			case c == ' ':
				if space {
					return false
				}
				space = true
			case c < ' ' || c == 0x7f: // ASCII white space but " " and controls
				return false
			default:
				space = false
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unicode.IsSpace(r) || r == '\u2028' || r == '\u2029' || unicode.IsControl(r) {
			return false
		}
		space = false
		i += size - 1
	}
	return !space || s == ""
}

// cleanBody normalises the line breaks of s to LF (from CRLF, CR, and the
// Unicode line and paragraph separators), drops control characters other
// than LF and tab, which no e-mail body needs, and trailing white space,
// which templates leave behind.
func cleanBody(s string) string {
	if isClean(s) {
		return strings.TrimRightFunc(s, unicode.IsSpace)
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\r' || r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case unicode.IsControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimRightFunc(b.String(), unicode.IsSpace)
}

// isClean reports whether cleanBody has nothing to change in s but its
// trailing white space.
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < utf8.RuneSelf {
			if c < ' ' && c != '\n' && c != '\t' || c == 0x7f {
				return false
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' || unicode.IsControl(r) {
			return false
		}
		i += size - 1
	}
	return true
}

// fit renders the e-mail for d with render and shortens it until its link
// is at most MaxMailto long. It shortens the member's why first, then the
// mission, the ideal referral and the role, each at a word boundary with
// "…" and each only as far as needed; names, addresses and the profile URL
// are never cut. Shortening works on the text, before encoding, so it never
// cuts into a percent-escape or a UTF-8 sequence.
//
// Only when the site's own texts are too long by themselves does fit go
// further: it cuts the body's end, then the subject's, because a link that
// Outlook truncates is broken anyway.
//
// first is render(d), encoded: the callers have it already.
func (l *Links) fit(d Data, first encoded, render func(Data) message) string {
	fits := func(d Data) bool { return render(d).linkLen() <= MaxMailto }
	if first.n <= MaxMailto {
		return first.link()
	}
	for _, f := range []*string{&d.Member.Why, &d.Member.Mission, &d.Member.IdealReferral, &d.Member.Role} {
		full := *f
		*f = ""
		empty := render(d).linkLen()
		if empty > MaxMailto {
			continue // Even without this field it is too long: cut the next one too.
		}
		hint := guess(full, MaxMailto-empty)
		// Rendering the texts for every length tried was most of the
		// cost of the links at 10,000 members. So they are rendered once
		// with a placeholder in the field, and each try fills it in. A
		// site's text might treat the field in a way filling in cannot
		// follow (a length test, a function of it); then the real render
		// of the chosen text differs, and every try is rendered instead.
		*f = hole
		holed := render(d)
		*f = longest(full, hint, func(s string) bool { return holed.fill(s).linkLen() <= MaxMailto })
		if m := render(d); m == holed.fill(*f) {
			if e := m.encode(); e.n <= MaxMailto {
				return e.link()
			}
		}
		*f = full
		*f = longest(full, hint, func(s string) bool { *f = s; return fits(d) })
		return render(d).link()
	}
	m := render(d)
	m.body = longest(m.body, -1, func(s string) bool { return message{m.to, m.cc, m.subject, s}.linkLen() <= MaxMailto })
	if m.linkLen() > MaxMailto {
		m.subject = longest(m.subject, -1, func(s string) bool { return message{m.to, m.cc, s, m.body}.linkLen() <= MaxMailto })
	}
	return m.link()
}

// hole stands for the field being shortened while fit tries lengths; no
// member's text contains a NUL (YAML does not allow it).
const hole = "\x00memberdir-cut\x00"

// fill returns m with s in place of every hole.
func (m message) fill(s string) message {
	return message{
		to:      strings.ReplaceAll(m.to, hole, s),
		cc:      strings.ReplaceAll(m.cc, hole, s),
		subject: strings.ReplaceAll(m.subject, hole, s),
		body:    strings.ReplaceAll(m.body, hole, s),
	}
}

// guess estimates the index into wordEnds(s) of the longest cut of s whose
// encoding takes at most budget bytes, assuming the text appears once in
// the link; longest checks it, so a wrong guess costs only time. It saves
// most of the renders of the binary search, which matter at 10,000
// members.
func guess(s string, budget int) int {
	best, prev, size := -1, 0, len("%E2%80%A6")
	for i, n := range wordEnds(s) {
		size += escapedLen(s[prev:n], false, true)
		if size > budget {
			break
		}
		best, prev = i, n
	}
	return best
}

// longest returns the longest shortening of s (see cut) for which ok is
// true, or "" when none is; ok is last called with the result, so state
// that ok sets is left at it. ok must be monotone: when it is true for a
// text, it is true for every shorter one. It needs about log2(words) calls,
// or two when hint (an index into the word ends, -1 for none) is right.
func longest(s string, hint int, ok func(string) bool) string {
	ends := wordEnds(s)
	lo, hi := 0, len(ends) // ok(cut(s, ends[i])) for i < lo; !ok for i >= hi.
	if hint >= 0 && hint < len(ends) && ok(cut(s, ends[hint])) {
		lo = hint + 1
		if hint+1 >= len(ends) || !ok(cut(s, ends[hint+1])) {
			hi = hint + 1
		}
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if ok(cut(s, ends[mid])) {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		ok("")
		return ""
	}
	// A text that ends with a whole sentence reads better than one that
	// stops mid-sentence, so prefer the last sentence end that keeps at
	// least two thirds of what the word cut keeps.
	n := ends[lo-1]
	for i := lo - 1; i >= 0 && ends[i]*3 >= n*2; i-- {
		if t := s[:ends[i]]; strings.ContainsRune(".!?", rune(t[len(t)-1])) {
			if r := t + " …"; ok(r) {
				return r
			}
			break
		}
	}
	r := cut(s, n)
	ok(r) // Leave the caller's state at the chosen text.
	return r
}

// wordEnds returns the byte offsets in s at which a word ends and a
// shortened text may stop, ascending. Text without any space (a very long
// word) may stop after any character instead, so it can still be
// shortened.
func wordEnds(s string) []int {
	var ends []int
	prevSpace := true
	for i, r := range s {
		space := unicode.IsSpace(r)
		if space && !prevSpace {
			ends = append(ends, i)
		}
		prevSpace = space
	}
	if len(ends) == 0 {
		for i := range s {
			if i > 0 {
				ends = append(ends, i)
			}
		}
	}
	return ends
}

// cut returns s[:n] with trailing spaces and separating punctuation
// removed and "…" appended ("Ich helfe Betrieben, …" would read oddly), or
// "" when nothing is left. n must be a rune boundary.
func cut(s string, n int) string {
	t := strings.TrimRightFunc(s[:n], func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:.-–—…", r)
	})
	if t == "" {
		return ""
	}
	return t + "…"
}
