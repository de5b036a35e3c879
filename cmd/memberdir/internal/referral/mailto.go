package referral

import (
	"strings"
	"unicode"
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
func (m message) link() string {
	var b strings.Builder
	b.WriteString("mailto:")
	b.WriteString(escape(m.to, true))
	sep := byte('?')
	field := func(name, value string) {
		if value == "" {
			return
		}
		b.WriteByte(sep)
		sep = '&'
		b.WriteString(name)
		b.WriteByte('=')
		b.WriteString(escape(value, false))
	}
	field("cc", m.cc)
	field("subject", oneLine(m.subject))
	field("body", strings.ReplaceAll(cleanBody(m.body), "\n", "\r\n"))
	return b.String()
}

// escape percent-encodes s as UTF-8, keeping only RFC 3986's unreserved
// characters (and "@" when at is true, for the address part of a mailto:).
// RFC 6068 would allow more of them raw, but "," separates recipients,
// "+" is read as a space by some mail clients and "'" ends an HTML
// attribute, so strict is safer, and every client decodes the escapes.
func escape(s string, at bool) string {
	const hex = "0123456789ABCDEF"
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved(c) || at && c == '@' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// unreserved reports whether c is an unreserved character of RFC 3986:
// ALPHA, DIGIT, "-", ".", "_", "~".
func unreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// oneLine makes s a single line: every run of white space, line breaks
// included, becomes one space, other control characters go. A subject must
// never contain a line break, which some mail clients turn into a new
// header.
func oneLine(s string) string {
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

// cleanBody normalises the line breaks of s to LF (from CRLF, CR, and the
// Unicode line and paragraph separators), drops control characters other
// than LF and tab, which no e-mail body needs, and trailing white space,
// which templates leave behind.
func cleanBody(s string) string {
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
func (l *Links) fit(d Data, render func(Data) message) string {
	fits := func(d Data) bool { return len(render(d).link()) <= MaxMailto }
	if link := render(d).link(); len(link) <= MaxMailto {
		return link
	}
	for _, f := range []*string{&d.Member.Why, &d.Member.Mission, &d.Member.IdealReferral, &d.Member.Role} {
		full := *f
		*f = ""
		empty := len(render(d).link())
		if empty > MaxMailto {
			continue // Even without this field it is too long: cut the next one too.
		}
		*f = full
		ok := func(s string) bool { *f = s; return fits(d) }
		*f = longest(full, guess(full, MaxMailto-empty), ok)
		return render(d).link()
	}
	m := render(d)
	m.body = longest(m.body, -1, func(s string) bool { return len(message{m.to, m.cc, m.subject, s}.link()) <= MaxMailto })
	if len(m.link()) > MaxMailto {
		m.subject = longest(m.subject, -1, func(s string) bool { return len(message{m.to, m.cc, s, m.body}.link()) <= MaxMailto })
	}
	return m.link()
}

// guess estimates the index into wordEnds(s) of the longest cut of s whose
// encoding takes at most budget bytes, assuming the text appears once in
// the link; longest checks it, so a wrong guess costs only time. It saves
// most of the renders of the binary search, which matter at 10,000
// members.
func guess(s string, budget int) int {
	ends := wordEnds(s)
	best := -1
	for i, n := range ends {
		if encodedLen(s[:n])+len("%E2%80%A6") > budget {
			break
		}
		best = i
	}
	return best
}

func encodedLen(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case unreserved(c):
			n++
		case c == '\n':
			n += 6 // CRLF
		default:
			n += 3
		}
	}
	return n
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
