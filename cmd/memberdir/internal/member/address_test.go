package member

import "testing"

func TestBareEmail(t *testing.T) {
	cases := []struct{ in, want string }{
		{"mailto:anna@example.de", "anna@example.de"},
		{"MAILTO:anna@example.de?subject=Hallo", "anna@example.de"},
		{"Anna Müller <anna@example.de>", "anna@example.de"},
		{"anna@example.de.", "anna@example.de"},
		{"<anna@example.de>;", "anna@example.de"},
		{"Anna <anna>", ""},
		{"anna(at)example.de", ""},
		{"Anna Müller", ""},
	}
	for _, c := range cases {
		if got := BareEmail(c.in); got != c.want {
			t.Errorf("BareEmail(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestASCIIDomain(t *testing.T) {
	cases := []struct{ in, want string }{
		{"anna@müller.de", "anna@xn--mller-kva.de"},
		{"info@bücher.example", "info@xn--bcher-kva.example"},
		{"anna@example.de", ""}, // ASCII already
		{"anna", ""},
		{"änna@example.de", ""}, // the local part stays as it is
		{"anna@mü ller.de", ""},
	}
	for _, c := range cases {
		if got := ASCIIDomain(c.in); got != c.want {
			t.Errorf("ASCIIDomain(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestBarePhone(t *testing.T) {
	cases := []struct{ in, want string }{
		{"0221 123456 (Büro)", "0221 123456"},
		{"Tel. +49 221 123456", "+49 221 123456"},
		{"mobil: 0171 1234567", "0171 1234567"},
		{"0221 123456 ab 9 Uhr", ""}, // words between the digits
		{"mobil 0171 1234567, Büro 0221 123456", ""},
		{"0221 123456", ""}, // nothing to take away
		{"Büro", ""},
	}
	for _, c := range cases {
		if got := BarePhone(c.in); got != c.want {
			t.Errorf("BarePhone(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMailOrPhone(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"mailto:kontakt@example.de", true},
		{"mailto:kontakt@example.de?subject=Impressum", true},
		{"mailto:kontakt@müller.de", true},
		{"mailto:kontakt", false},
		{"tel:+492211234567", true},
		{"tel:Büro", false},
		{"https://example.de/", false},
		{"kontakt@example.de", false}, // no scheme: no link
	}
	for _, c := range cases {
		if got := MailOrPhone(c.in); got != c.want {
			t.Errorf("MailOrPhone(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestHostScripts(t *testing.T) {
	cases := []struct{ in, want string }{
		{"https://\u0430pple.com/", "Latin+Cyrillic"}, // Cyrillic а
		{"https://xn--pple-43d.com/", "Latin+Cyrillic"},
		{"https://müller.de/", ""},
		{"https://пример.рф/", ""},
		{"https://example.de/\u0430", ""}, // the path is no host
		{"https://xn--.com/", ""},         // no host to read
	}
	for _, c := range cases {
		if got := HostScripts(c.in); got != c.want {
			t.Errorf("HostScripts(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLookalikeHost(t *testing.T) {
	cases := []struct{ in, want string }{
		{"https://\u0430\u0440\u0440\u04cf\u0435.com/", "Cyrillic"},  // аррӏе.com
		{"https://www.\u03bf\u03c1\u03c4\u03bf.de/", "Greek"},        // ορτο
		{"https://\u0430\u0440\u0440\u04cf\u0435.ru/", ""},           // meant under .ru
		{"https://\u0430\u0440\u0440\u04cf\u0435.\u0440\u0444/", ""}, // and under .рф
		{"https://пример.com/", ""},                                  // м, и, б look like no Latin letters
		{"https://example.com/", ""},
		{"https://xn--.com/", ""},
	}
	for _, c := range cases {
		if got := LookalikeHost(c.in); got != c.want {
			t.Errorf("LookalikeHost(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestOnHost(t *testing.T) {
	cases := []struct {
		in, host string
		want     bool
	}{
		{"https://www.linkedin.com/in/anna", "linkedin.com", true},
		{"https://de.LinkedIn.com./in/anna", "linkedin.com", true},
		{"https://linkedin.com.example.de/in/anna", "linkedin.com", false},
		{"https://notlinkedin.com/in/anna", "linkedin.com", false},
		{"https://example.de/linkedin.com", "linkedin.com", false},
		{"%zz", "linkedin.com", false},
	}
	for _, c := range cases {
		if got := OnHost(c.in, c.host); got != c.want {
			t.Errorf("OnHost(%q, %q) = %v, want %v", c.in, c.host, got, c.want)
		}
	}
}

func TestLocalHost(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"localhost", true},
		{"LOCALHOST.", true},
		{"site.localhost", true},
		{"127.0.0.1", true},
		{"127.1.2.3", true},
		{"::1", true},
		{"0.0.0.0", true},
		{"192.168.1.10", false}, // reachable from the network
		{"example.de", false},
		{"localhost.example.de", false},
	}
	for _, c := range cases {
		if got := LocalHost(c.in); got != c.want {
			t.Errorf("LocalHost(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}
