package referral

import (
	"strconv"
	"strings"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

func TestTel(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"+49 (0)221 123-45", "tel:+4922112345"},
		{"0221 1234567", "tel:+492211234567"},
		{"0221/1234567", "tel:+492211234567"},
		{"(0221) 123 45 67", "tel:+492211234567"},
		{"+49 221 1234567", "tel:+492211234567"},
		{"+49 0221 1234567", "tel:+492211234567"},
		{"0049 221 1234567", "tel:+492211234567"},
		{"+43 (0)1 234 56 78", "tel:+4312345678"},
		{"+41 044 123 45 67", "tel:+41441234567"},
		{"+39 06 1234 5678", "tel:+390612345678"}, // Italy keeps its 0.
		{"+44 20 7946 0000", "tel:+442079460000"},
		{"0171.234.5678", "tel:+491712345678"},
		{"1234567", "tel:1234567"}, // No prefix: a local number stays as dialled.
		{"  +49 221 47 10 604  ", "tel:+492214710604"},
		{"+49 221 123\n<script>", "tel:+49221123"},
		{"12+34", "tel:1234"},
		{"0", ""},
		{"", ""},
		{"keine", ""},
	} {
		if got := Tel(tt.in, "de"); got != tt.want {
			t.Errorf("Tel(%q, de) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLinksTel(t *testing.T) {
	cfg := member.DefaultConfig()
	cfg.Language = "en"
	en := newLinks(t, cfg)
	if got, want := en.Tel("020 7946 0000"), "tel:02079460000"; got != want {
		t.Errorf("English site: Tel = %q, want %q (no +49 for a UK number)", got, want)
	}
	if got, want := en.Tel("+49 (0)221 123-45"), "tel:+4922112345"; got != want {
		t.Errorf("English site: Tel = %q, want %q", got, want)
	}
	if got, want := Tel("020 7946 0000", "en"), en.Tel("020 7946 0000"); got != want {
		t.Errorf("Tel(…, en) = %q, but the English site's links dial %q", got, want)
	}
	de := newLinks(t, member.DefaultConfig())
	if got, want := de.Tel("0221 1234567"), "tel:+492211234567"; got != want {
		t.Errorf("German site: Tel = %q, want %q", got, want)
	}
}

func TestWeb(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"https://www.example.de/", "https://www.example.de/"},
		{"HTTPS://www.example.de/a", "https://www.example.de/a"},
		{"http://example.de", "http://example.de"},
		{"https://example.de/ein pfad", "https://example.de/ein%20pfad"},
		{`https://example.de/?q="><script>'`, "https://example.de/?q=%22%3E%3Cscript%3E%27"},
		{"https://example.de/#a'b", "https://example.de/#a%27b"},
		{"https://example.de/über", "https://example.de/%C3%BCber"},
		{"https://example.de/?a=1&b=%20", "https://example.de/?a=1&b=%20"},
		{"https://example.de/?a=%zz", "https://example.de/?a=%25zz"},
		{"javascript:alert(1)", ""},
		{"JavaScript://example.de/%0Aalert(1)", ""},
		{"data:text/html,<b>", ""},
		{"mailto:a@example.de", ""},
		{"ftp://example.de", ""},
		{"//example.de/", ""},
		{"www.example.de", ""},
		{"https://bank.de@evil.example/", ""},
		{"https:///nohost", ""},
		{"https://example.de/\nx", ""},
		{"", ""},
	} {
		if got := Web(tt.in); got != tt.want {
			t.Errorf("Web(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWebsiteWithParams(t *testing.T) {
	for _, tt := range []struct{ params, website, want string }{
		{"ref=netzwerk", "https://example.de", "https://example.de/?ref=netzwerk"},
		{"ref=netzwerk", "https://example.de/", "https://example.de/?ref=netzwerk"},
		{"ref=netzwerk", "https://example.de/p?a=1#top", "https://example.de/p?a=1&ref=netzwerk#top"},
		{"ref=netzwerk", "https://example.de/?ref=eigen", "https://example.de/?ref=eigen"},
		{"?utm_source=rheinauen&utm_medium=verzeichnis", "https://example.de/", "https://example.de/?utm_source=rheinauen&utm_medium=verzeichnis"},
		{"ref=netz+werk", "https://example.de/", "https://example.de/?ref=netz%20werk"},
		{"ref=netzwerk", "javascript:alert(1)", ""},
		{"ref=netzwerk", "", ""},
		{"", "https://example.de/x", "https://example.de/x"},
	} {
		cfg := member.DefaultConfig()
		cfg.LinkParams = tt.params
		l := newLinks(t, cfg)
		m := &member.Member{Contact: member.Contact{Website: tt.website, LinkedIn: "https://www.linkedin.com/in/x"}}
		if got := l.WebsiteWithParams(m); got != tt.want {
			t.Errorf("params %q, website %q: got %q, want %q", tt.params, tt.website, got, tt.want)
		}
	}
}

// cleanURLSlow is cleanURL as it was before its shortcut for URLs that
// need no escaping.
func cleanURLSlow(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case unreserved(c) || strings.IndexByte(":/?#[]@!$&()*+,;=", c) >= 0:
			b.WriteByte(c)
		case c == '%' && i+2 < len(s) && ishex(s[i+1]) && ishex(s[i+2]):
			b.WriteByte(c)
		default:
			b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c)>>4, 16)+strconv.FormatUint(uint64(c)&15, 16)))
		}
	}
	return b.String()
}

// TestCleanURL compares cleanURL with cleanURLSlow for every byte, alone
// and around percent signs, and for the awkward values of the tests.
func TestCleanURL(t *testing.T) {
	var in []string
	for c := range 256 {
		b := string([]byte{byte(c)})
		in = append(in, b, "https://x.de/"+b, b+"%41", "%4"+b, "%"+b+"1", "a%"+b)
	}
	in = append(in, hostile...)
	in = append(in, "", "%", "%4", "%41", "%zz", "https://example.de/?ref=x&a='b'")
	for _, s := range in {
		if got, want := cleanURL(s), cleanURLSlow(s); got != want {
			t.Errorf("cleanURL(%q) = %q, want %q", s, got, want)
		}
	}
}
