package member

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var verbRE = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// TestMessages checks every message in both languages: present, on one
// line, and taking the same arguments in the same order.
func TestMessages(t *testing.T) {
	for key, m := range messages {
		en, de := m[0], m[1]
		if en == "" || de == "" {
			t.Errorf("%s: missing text: %q", key, m)
		}
		if en == de {
			t.Errorf("%s: not translated: %q", key, en)
		}
		// Diagnostics are printed one per line as path:line:col: field:
		// message; the texts of `memberdir new` and the check summary are not.
		diagnostic := !strings.HasPrefix(key, "new.") && !strings.HasPrefix(key, "check.")
		for _, s := range m {
			if diagnostic && strings.ContainsAny(s, "\n\r") {
				t.Errorf("%s: line break in %q — messages are printed one per line", key, s)
			}
		}
		if a, b := verbRE.FindAllString(en, -1), verbRE.FindAllString(de, -1); !slices.Equal(a, b) {
			t.Errorf("%s: verbs %q in English, %q in German", key, a, b)
		}
	}
}

func TestMsg(t *testing.T) {
	cases := []struct {
		lang, key string
		args      []any
		want      string
	}{
		{"en", "field.required", []any{"name"}, `is missing — add a line "name: …"`},
		{"de", "field.required", []any{"name"}, `fehlt — füge eine Zeile "name: …" hinzu`},
		{"fr", "field.required", []any{"name"}, `is missing — add a line "name: …"`},
		{"en", "recommends.self", nil, "you cannot recommend yourself — remove this entry"},
		{"de", "url.noscheme", []any{"www.x.de", "www.x.de"}, `bei "www.x.de" fehlt https:// — schreibe https://www.x.de`},
		{"en", "no.such.key", nil, "no.such.key"},
		// A member's value must not break the line: in a CI log the next
		// line would be read as a workflow command.
		{"en", "yaml.reserved", []any{"!", "!x ok\n::notice title=x::All OK\r\n\u202eevil"}, `a value cannot start with ! — put the whole value in double quotes: "!x ok\n::notice title=x::All OK\r\n\u202eevil"`},
		{"de", "photo.bad", []any{"a.jpg", "JPEG", errors.New("bad\n::error::x")}, `das Foto "a.jpg" kann nicht als JPEG gelesen werden (bad\n::error::x) — speichere es noch einmal als JPEG oder PNG`},
	}
	for _, c := range cases {
		if got := Msg(c.lang, c.key, c.args...); got != c.want {
			t.Errorf("Msg(%s, %s) = %q, want %q", c.lang, c.key, got, c.want)
		}
	}
}

// TestFieldDocs checks that every field of the profile format is
// documented in both languages, as `memberdir new` and the schema use it.
func TestFieldDocs(t *testing.T) {
	var check func(prefix string, fs []Field)
	check = func(prefix string, fs []Field) {
		seen := map[string]bool{}
		for _, f := range fs {
			if seen[f.Name] {
				t.Errorf("%s%s: twice", prefix, f.Name)
			}
			seen[f.Name] = true
			if f.Doc["en"] == "" || f.Doc["de"] == "" {
				t.Errorf("%s%s: Doc %q", prefix, f.Name, f.Doc)
			}
			if (f.Kind == Map || f.Kind == MapList) != (len(f.Sub) > 0) {
				t.Errorf("%s%s: kind %d with %d sub-fields", prefix, f.Name, f.Kind, len(f.Sub))
			}
			check(prefix+f.Name+".", f.Sub)
		}
	}
	check("", ProfileFields)
}

func TestDecodeReason(t *testing.T) {
	for err, want := range map[string]string{
		"png: invalid format: unexpected EOF":  "die Datei ist unvollständig",
		"image: unknown format":                "sie ist kein Bild",
		"unsupported JPEG feature: arithmetic": "sie ist in einer Variante gespeichert, die dieses Programm nicht lesen kann",
		"png: invalid format: bad checksum":    "die Datei ist beschädigt",
		"something else":                       "something else",
	} {
		if got := DecodeReason("de", errors.New(err)); got != want {
			t.Errorf("DecodeReason(%q) = %q, want %q", err, got, want)
		}
	}
}
