package referral

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// slowText executes the text of slot on d, as execute did before the
// bundled texts were filled into skeletons.
func (l *Links) slowText(slot int, d Data) string {
	var b strings.Builder
	if err := l.tmpl[slot].Execute(&b, d); err != nil {
		return "error: " + err.Error()
	}
	return b.String()
}

// checkTexts compares every text of l for d, filled in and executed.
func checkTexts(t *testing.T, l *Links, d Data) {
	t.Helper()
	for slot := range nslots {
		if got, want := l.execute(slot, d), l.slowText(slot, d); got != want {
			t.Fatalf("%s for %+v:\nfilled   %q\nexecuted %q", slotKeys[slot], d, got, want)
		}
	}
}

// awkward are values for every field: empty and blank, line breaks of all
// kinds, invalid UTF-8, control characters, what a URL or a mailto: link
// treats specially, template syntax, and the markers and the hole that the
// package itself puts into texts.
var awkward = append([]string{
	"", " ", "Anna Müller", "a  b", " a", "a ", "a\tb", "a\nb\r\nc\rd", "x\u2028y\u2029",
	"bad \xff utf-8", "real \uFFFD replacement", "ctl\x00\x1b\u0085", "a@b.de", "Ä+Ö&ü=ß?#%",
	"trailing\n\n  ", "emoji 🙂 and 中文", "{{.Member.Name}}", "{{end}}", `\`, "%s %v",
	marker(0), marker(9), marker(0) + marker(4), "\x00", "\x00Z\x00", hole,
	strings.Repeat("Vertrauen wächst langsam, ", 200), strings.Repeat("ü😀", 500),
}, hostile...)

// TestSkeletons checks that filling in a skeleton gives exactly what
// executing the bundled text gives: for each language, site, every
// pattern of empty and filled fields with and without Cc, and each
// awkward value in each field.
func TestSkeletons(t *testing.T) {
	sites := []func(*member.Config){
		func(cfg *member.Config) {},
		func(cfg *member.Config) { cfg.Title, cfg.BaseURL, cfg.Organiser.Name = "", "", "" },
		func(cfg *member.Config) { cfg.Title, cfg.Organiser.Name = "Ärger & Öl\n\x00Kreis", "Bir\x00git" },
		func(cfg *member.Config) { cfg.Title = marker(1) + hole },
	}
	for _, lang := range []string{"de", "en", "fr"} {
		for _, site := range sites {
			cfg := germanConfig()
			cfg.Language = lang
			site(&cfg)
			l := newLinks(t, cfg)
			full := l.data(anna(), profile, true)
			for mask := range 1 << (npersonFields + 1) {
				d := full
				d.Cc = mask&(1<<npersonFields) != 0
				v := personFields(&d.Member)
				for i := range v {
					if mask&(1<<i) == 0 {
						v[i] = ""
					}
				}
				setPersonFields(&d.Member, v)
				checkTexts(t, l, d)
			}
			for i := range npersonFields {
				for _, s := range awkward {
					for _, cc := range []bool{false, true} {
						d := full
						d.Cc = cc
						v := personFields(&d.Member)
						v[i] = s
						setPersonFields(&d.Member, v)
						checkTexts(t, l, d)
						// Alone, too: the other fields empty.
						var w [npersonFields]string
						w[i] = s
						setPersonFields(&d.Member, w)
						checkTexts(t, l, d)
					}
				}
			}
		}
	}
}

// TestSkeletonsSiteTexts checks that a site's own texts are executed, not
// filled in, since they may do more with a value than print it.
func TestSkeletonsSiteTexts(t *testing.T) {
	cfg := germanConfig()
	cfg.Referral.Body = "{{.Member.Why}} has {{len .Member.Why}} bytes"
	l := newLinks(t, cfg)
	d := l.data(anna(), profile, true)
	if l.skeleton(slotBody, &d) != nil || l.skeleton(slotSubject, &d) == nil {
		t.Errorf("a skeleton is made for the site's body or none for the bundled subject")
	}
	for _, why := range []string{"", "kurz", "etwas länger"} {
		d.Member.Why = why
		checkTexts(t, l, d)
	}
}

// TestPersonFields checks that personFields and setPersonFields cover
// every field of Person, so that a field added later cannot be missed by
// the skeletons.
func TestPersonFields(t *testing.T) {
	var v [npersonFields]string
	for i := range v {
		v[i] = marker(i)
	}
	var p Person
	setPersonFields(&p, v)
	if personFields(&p) != v {
		t.Errorf("personFields does not return what setPersonFields set")
	}
	seen := map[string]bool{}
	for _, f := range reflect.VisibleFields(reflect.TypeFor[Person]()) {
		s := reflect.ValueOf(p).FieldByIndex(f.Index).String()
		if !slices.Contains(v[:], s) || seen[s] {
			t.Errorf("Person.%s is not one of personFields", f.Name)
		}
		seen[s] = true
	}
}
