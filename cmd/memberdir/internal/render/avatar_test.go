package render

import (
	"strings"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/colour"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

func TestInitials(t *testing.T) {
	cases := []struct{ name, want string }{
		{"Anna Müller", "AM"},
		{"Özlem Arslan", "ÖA"},
		{"O\u0308zlem Arslan", "ÖA"}, // Ö typed as O and a combining diaeresis
		{"Dr. Katharina Weißenfels", "KW"},
		{"Prof. Dr. Jonas Berger", "JB"},
		{"Dr. med. Anna Schmidt", "AS"},
		{"Dipl.-Ing. Hans Peter Meier", "HM"},
		{"Siobhán Kelly, MBA", "SK"},
		{"anna von der Heide", "AH"},
		{"Ærøskøbing", "Æ"},
		{"李 小龙", "李小"},
		{"Σοφία Παπαδοπούλου", "ΣΠ"},
		{"ßandra Ü", "ßÜ"}, // ß has no single upper-case letter; it stays
		{"  Lena   Schäfer  ", "LS"},
		{"(Anna) 'Müller'", "AM"},
		{"Dr.", "D"},
		{"- –", ""},
		{"", ""},
	}
	for _, c := range cases {
		if got := Initials(c.name); got != c.want {
			t.Errorf("Initials(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestAvatarContrast measures every background of the palette against
// the avatar's white text with the WCAG relative-luminance formula.
func TestAvatarContrast(t *testing.T) {
	if len(avatarColours) < 6 {
		t.Errorf("only %d colours: neighbours in a list would look alike", len(avatarColours))
	}
	seen := map[string]bool{}
	for _, c := range avatarColours {
		bg, err := colour.Parse(c)
		if err != nil {
			t.Fatal(err)
		}
		if r := colour.Contrast(colour.White, bg); r < colour.AA {
			t.Errorf("white on %s has contrast %.2f:1, below %.1f:1", c, r, colour.AA)
		}
		if seen[c] {
			t.Errorf("%s is in the palette twice", c)
		}
		seen[c] = true
	}
}

func TestAvatar(t *testing.T) {
	v := &MemberView{M: &member.Member{Slug: "oezlem-arslan", Name: "Özlem Arslan"}}
	card := string(v.Avatar("card-photo", 64))
	for _, want := range []string{`<svg class="card-photo" width="64" height="64" `, `aria-hidden="true"`, `>ÖA</text>`, `fill="#fff"`} {
		if !strings.Contains(card, want) {
			t.Errorf("avatar lacks %s:\n%s", want, card)
		}
	}
	if strings.Contains(card, "style") {
		t.Errorf("avatar has a style attribute, which the Content-Security-Policy blocks:\n%s", card)
	}
	if profile := string(v.Avatar("profile-photo", 160)); !strings.Contains(profile, `<svg class="profile-photo" width="160" height="160" `) {
		t.Errorf("profile avatar:\n%s", profile)
	}
	if v.Avatar("card-photo", 64) != v.Avatar("card-photo", 64) {
		t.Error("the avatar changes between calls")
	}
	// The colour follows the slug, and the slugs of a directory get
	// several colours.
	colours := map[string]bool{}
	for _, slug := range []string{"anna", "ben", "cem", "dora", "emil", "fritz", "gabi", "hans"} {
		a := string((&MemberView{M: &member.Member{Slug: slug, Name: "X Y"}}).Avatar("c", 64))
		for _, c := range avatarColours {
			if strings.Contains(a, `fill="`+c+`"`) {
				colours[c] = true
			}
		}
	}
	if len(colours) < 3 {
		t.Errorf("8 members share %d colours", len(colours))
	}
	// The longest initials and class still make a small avatar.
	long := &MemberView{M: &member.Member{Slug: "x", Name: "O\u0308zlem Ǻrslan"}}
	if n := len(long.Avatar("profile-photo", 160)); n >= 300 {
		t.Errorf("avatar is %d bytes, want < 300", n)
	}
	// The class comes from a template, the name from a member: both are
	// escaped.
	evil := &MemberView{M: &member.Member{Slug: "x", Name: "<b>Evil</b> &amp"}}
	if a := string(evil.Avatar(`x"><script>`, 64)); strings.Contains(a, "<script>") || strings.Contains(a, "<b>") {
		t.Errorf("not escaped:\n%s", a)
	}
}
