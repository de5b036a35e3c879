package member

import (
	"net/mail"
	"net/netip"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/idna"
)

// This file holds every rule about addresses a member or organiser
// writes: e-mail addresses, phone numbers and web links. The Check
// functions say whether a value is one; the others find what was meant
// when it is not, or why a link that is one may still mislead.

var (
	phoneRE = regexp.MustCompile(`^(\+|\(0)?[0-9][0-9 ()/.\-]{4,30}[0-9]$`)
	emailRE = regexp.MustCompile(`^[A-Za-z0-9.!#$%&'*+/=?^_{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$`)
)

// CheckEmail accepts a plain addr-spec (name@example.de): no display name,
// no comments, nothing a mail client could read as a second recipient.
func CheckEmail(s string) string {
	if strings.Contains(s, "(at)") || strings.Contains(s, "[at]") || strings.Contains(s, " at ") {
		return "email.at"
	}
	if !emailRE.MatchString(s) || len(s) > 254 {
		return "email.invalid"
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return "email.invalid"
	}
	return ""
}

// CheckURL accepts absolute http and https URLs with a host.
func CheckURL(s string) string {
	if strings.ContainsAny(s, " \t\r\n\"'<>`\\") {
		return "url.invalid"
	}
	u, err := url.Parse(s)
	if err != nil {
		return "url.invalid"
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	case "":
		if strings.HasPrefix(s, "www.") || strings.Contains(strings.SplitN(s, "/", 2)[0], ".") {
			return "url.noscheme"
		}
		return "url.invalid"
	default:
		return "url.scheme"
	}
	if u.Host == "" || u.User != nil || strings.HasPrefix(u.Host, ".") || !strings.Contains(u.Hostname(), ".") && u.Hostname() != "localhost" {
		return "url.invalid"
	}
	return ""
}

// CheckPhone accepts numbers like +49 221 1234567, 0221/123456 or
// +49 (0)221 123-45.
func CheckPhone(s string) string {
	if !phoneRE.MatchString(s) {
		return "phone.invalid"
	}
	return ""
}

// BareEmail returns the address in s when s holds more than it, as
// copies from a mail program or a website do: "mailto:anna@example.de",
// "Anna Müller <anna@example.de>", "anna@example.de." at the end of a
// sentence. It returns "" when there is no such address.
func BareEmail(s string) string {
	if a, err := mail.ParseAddress(s); err == nil && CheckEmail(a.Address) == "" {
		return a.Address
	}
	t := strings.TrimSpace(s)
	if len(t) >= 7 && strings.EqualFold(t[:7], "mailto:") {
		t = t[7:]
	}
	t, _, _ = strings.Cut(t, "?")
	t = strings.Trim(t, " <>.,;:")
	if t != s && CheckEmail(t) == "" {
		return t
	}
	return ""
}

// ASCIIDomain returns the address s with its domain in the ASCII form
// (anna@müller.de → anna@xn--mller-kva.de) when that makes it a valid
// address, else "". Links and vCards need that form; the member's mail
// provider shows it too.
func ASCIIDomain(s string) string {
	at := strings.LastIndexByte(s, '@')
	if at < 0 || !strings.ContainsFunc(s[at:], func(r rune) bool { return r > unicode.MaxASCII }) {
		return ""
	}
	domain, err := idna.Lookup.ToASCII(s[at+1:])
	if err != nil {
		return ""
	}
	if a := s[:at+1] + domain; CheckEmail(a) == "" {
		return a
	}
	return ""
}

// BarePhone returns the number in s when s also holds words, as in
// "0221 123456 (Büro)" or "Tel. +49 221 123456", or "" when it does not.
// Words between digits, as in "0221 123456 ab 9 Uhr" or "mobil 0171 …,
// Büro 0221 …", leave no single number to suggest.
func BarePhone(s string) string {
	if first, last := strings.IndexAny(s, "+0123456789"), strings.LastIndexAny(s, "0123456789"); first < 0 || strings.IndexFunc(s[first:max(last, first)], unicode.IsLetter) >= 0 {
		return ""
	}
	t := phoneNoteRE.ReplaceAllString(s, " ")
	t = strings.Trim(strings.Join(strings.Fields(t), " "), " :/-")
	if t != "" && t != s && CheckPhone(t) == "" {
		return t
	}
	return ""
}

// phoneNoteRE matches what people write around a phone number: a note in
// brackets and words (Tel., mobil, Büro:).
var phoneNoteRE = regexp.MustCompile(`\([^)0-9]*\)|[\pL][\pL.:]*`)

// MailOrPhone reports whether u is a mailto: link to an address (with a
// subject, say, and an address in Unicode or as xn--) or a tel: link.
func MailOrPhone(u string) bool {
	if addr, ok := strings.CutPrefix(u, "mailto:"); ok {
		addr, _, _ = strings.Cut(addr, "?")
		return CheckEmail(addr) == "" || ASCIIDomain(addr) != ""
	}
	if num, ok := strings.CutPrefix(u, "tel:"); ok {
		return CheckPhone(num) == ""
	}
	return false
}

// HostScripts returns the alphabets mixed in one part of the host of the
// URL s, written in Unicode or as xn--, as "Latin+Cyrillic", or "": a
// Cyrillic а in аpple.com makes a link that looks like another site's.
func HostScripts(s string) string {
	return CheckScripts(unicodeHost(s))
}

// unicodeHost returns the host of the URL s as a reader sees it: xn--
// parts in Unicode. It returns "" when s has none that can be read.
func unicodeHost(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	host, err := idna.ToUnicode(u.Hostname())
	if err != nil {
		return ""
	}
	return host
}

// LookalikeHost returns the script of a part of the host of the URL s
// that is written wholly in Cyrillic or Greek letters that look like
// Latin ones ("аррӏе.com"), or "". Such a part passes HostScripts, since
// it mixes nothing, but reads as a Latin name; browsers show it as xn--
// for the same reason. Under a Cyrillic or Greek top-level domain (.ru,
// .рф, .gr, …) it is taken as meant.
func LookalikeHost(s string) string {
	host := unicodeHost(s)
	if host == "" {
		return ""
	}
	labels := strings.Split(strings.TrimSuffix(host, "."), ".")
	if tld := labels[len(labels)-1]; ownScript[tld] || strings.ContainsFunc(tld, func(r rune) bool { return r > unicode.MaxASCII }) {
		// .рус, .онлайн, .ευ: a top-level domain in its own script.
		return ""
	}
	for _, l := range labels {
		for sc, set := range latinLookalikes {
			if l != "" && !strings.ContainsFunc(l, func(r rune) bool { return !strings.ContainsRune(set, r) && r != '-' && (r < '0' || r > '9') }) && strings.ContainsFunc(l, func(r rune) bool { return strings.ContainsRune(set, r) }) {
				return sc
			}
		}
	}
	return ""
}

// latinLookalikes are the Cyrillic and Greek letters that look like Latin
// ones in the fonts of address bars (after Chromium's list of
// whole-script confusables).
var latinLookalikes = map[string]string{
	"Cyrillic": "асԁеһіјӏорԛѕԝхуъьҽпгѵѡ",
	"Greek":    "αικνορτυχ",
}

// ownScript are the ASCII top-level domains of countries that write
// Cyrillic or Greek, under which such names are the norm; under those
// written in these scripts (.рф, .рус, .ευ) too.
var ownScript = map[string]bool{
	"ru": true, "su": true, "by": true, "ua": true, "bg": true, "kz": true, "kg": true, "mk": true, "rs": true, "me": true, "mn": true, "tj": true, "uz": true,
	"gr": true, "cy": true,
}

// OnHost reports whether the URL s is on host or one of its subdomains
// (de.linkedin.com).
func OnHost(s, host string) bool {
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	h := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	return h == host || strings.HasSuffix(h, "."+host)
}

// LocalHost reports whether host is the computer itself (localhost,
// 127.0.0.1, ::1, 0.0.0.0), which no visitor reaches.
func LocalHost(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && (ip.IsLoopback() || ip.IsUnspecified())
}
