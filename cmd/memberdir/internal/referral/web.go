package referral

import (
	"errors"
	"net/url"
	"strings"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// Tel returns the tel: URL (RFC 3966) of a phone number as a member writes
// it on a site in the language siteLang, or "" when it has no digits. The
// profile page's link and the vCard's TEL both come from here, so that a
// visitor who saves the card gets the number the page dials. The number is
// normalised to what a phone dials: only digits and a leading "+".
//
//   - "(0)", the German way of showing the trunk prefix inside an
//     international number, is dropped: "+49 (0)221 123-45" → "tel:+4922112345".
//   - "00" at the start is the international prefix: "0049 221 …" → "tel:+49221…".
//   - A "0" right after +49, +43 or +41 is a trunk prefix written by mistake
//     (no number there starts with 0) and is dropped.
//   - A national number (one leading "0") on a German site is taken as
//     German and gets +49: "0221 1234567" → "tel:+492211234567", which
//     works from a mobile abroad, too. On a site in any other language the
//     digits stay as they are ("tel:02079460000"), which the phone dials as
//     a national number; such sites ask members for numbers with "+".
//   - A number without any prefix (a local number without area code) is kept
//     as its digits.
func Tel(phone, siteLang string) string {
	return tel(phone, lang(siteLang) == "de")
}

// Tel is the package's Tel for this site's language.
func (l *Links) Tel(phone string) string {
	return tel(phone, l.lang == "de")
}

func tel(phone string, german bool) string {
	s := strings.ReplaceAll(phone, "(0)", "")
	var b strings.Builder
	for i, c := range strings.TrimSpace(s) {
		switch {
		case c == '+' && i == 0:
			b.WriteByte('+')
		case '0' <= c && c <= '9':
			b.WriteRune(c)
		}
	}
	n := b.String()
	switch {
	case len(strings.TrimPrefix(n, "+")) < 3:
		return "" // Not a phone number: nothing to dial.
	case strings.HasPrefix(n, "00"):
		n = "+" + n[2:]
	case strings.HasPrefix(n, "0") && german:
		n = "+49" + n[1:]
	}
	for _, cc := range []string{"+49", "+43", "+41"} {
		if strings.HasPrefix(n, cc+"0") {
			n = cc + n[len(cc)+1:]
		}
	}
	return "tel:" + n
}

// Web returns raw as a URL that is safe in an href: only absolute http and
// https URLs with a host and without user info (which can disguise the real
// host: https://bank.de@evil.example/), with every character outside RFC
// 3986's unreserved and reserved sets percent-encoded, so the result holds
// no quote, angle bracket or white space. Any other URL gives "".
func Web(raw string) string {
	u := webURL(raw)
	if u == nil {
		return ""
	}
	return cleanURL(u.String())
}

func webURL(raw string) *url.URL {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" || u.User != nil || u.Opaque != "" {
		return nil
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		u.Scheme = strings.ToLower(u.Scheme)
		return u
	}
	return nil
}

// WebsiteWithParams returns the member's own website as Web does, with the
// site's link_params (e.g. ref=netzwerk) added to its query, so the member
// sees in their statistics which visits the network brought. Parameters the
// member's URL already has are left alone; LinkedIn, XING and booking links
// never get them, as those are other people's sites. It returns "" when the
// member has no (valid) website.
func (l *Links) WebsiteWithParams(m *member.Member) string {
	u := webURL(m.Contact.Website)
	if u == nil {
		return ""
	}
	if len(l.params) > 0 {
		if u.Path == "" {
			u.Path = "/" // https://example.de?ref=x works, but looks broken.
		}
		have, _ := url.ParseQuery(u.RawQuery)
		q := u.RawQuery
		for _, p := range l.params {
			if _, ok := have[p.name]; ok {
				continue
			}
			if q != "" {
				q += "&"
			}
			q += escape(p.name, false) + "=" + escape(p.value, false)
		}
		u.RawQuery = q
		u.ForceQuery = false
	}
	return cleanURL(u.String())
}

// parseParams reads link_params: name=value pairs joined by "&", in the
// organiser's order, optionally with a leading "?".
func parseParams(s string) ([]param, error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "?")
	if s == "" {
		return nil, nil
	}
	var out []param
	for _, pair := range strings.Split(s, "&") {
		name, value, _ := strings.Cut(pair, "=")
		n, err1 := url.QueryUnescape(name)
		v, err2 := url.QueryUnescape(value)
		if err := errors.Join(err1, err2); err != nil || n == "" {
			return nil, errors.New("link_params")
		}
		out = append(out, param{n, v})
	}
	return out, nil
}

// cleanURL percent-encodes every byte of s that is neither unreserved nor
// reserved in RFC 3986, a "%" that starts no escape, and "'", which RFC 3986
// allows but which would end a single-quoted HTML attribute.
//
// Most URLs need none of that and are returned as they are.
func cleanURL(s string) string {
	i := 0
	for i < len(s) && (urlChar[s[i]] || s[i] == '%' && i+2 < len(s) && ishex(s[i+1]) && ishex(s[i+2])) {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case urlChar[c]:
			b.WriteByte(c)
		case c == '%' && i+2 < len(s) && ishex(s[i+1]) && ishex(s[i+2]):
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
		}
	}
	return b.String()
}

// urlChar marks the bytes cleanURL keeps: RFC 3986's unreserved and
// reserved characters but "'".
var urlChar = func() (t [256]bool) {
	for c := range 256 {
		t[c] = unreserved(byte(c)) || strings.IndexByte(":/?#[]@!$&()*+,;=", byte(c)) >= 0
	}
	return t
}()

func ishex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
