package network

import (
	"slices"
	"strings"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// dir links members made from specs: "slug since" and then, per member,
// the links it writes as "rec:slug" or "thanks:slug:date".
func dir(t *testing.T, specs ...string) *member.Directory {
	var ms []*member.Member
	for _, s := range specs {
		f := strings.Fields(s)
		m := &member.Member{Slug: f[0], Name: strings.ToUpper(f[0][:1]) + f[0][1:], Path: "content/members/" + f[0] + ".md"}
		for _, x := range f[1:] {
			switch p := strings.Split(x, ":"); p[0] {
			case "since":
				m.MemberSince = date(p[1])
			case "rec":
				m.Recommends = append(m.Recommends, &member.Recommendation{Slug: p[1]})
			case "thanks":
				m.Thanks = append(m.Thanks, &member.Thanks{Slug: p[1], Date: date(p[2])})
			}
		}
		ms = append(ms, m)
	}
	d, errs := member.NewDirectory(member.Config{}, ms, nil, false)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return d
}

func TestSentences(t *testing.T) {
	for _, c := range []struct {
		name   string
		specs  []string
		de, en []string
	}{
		{"empty", nil, []string{"Das Netzwerk hat noch keine Mitglieder."}, []string{"The network has no members yet."}},
		{"one of each", []string{"anna since:2024-05 rec:bernd", "bernd thanks:anna:2026-02"},
			[]string{"Das Netzwerk hat 2 Mitglieder.", "Im Jahr 2024 ist 1 Mitglied dazugekommen.", "Auf den Profilen steht 1 Empfehlung.",
				"Im Jahr 2026 hat sich 1 Mitglied für eine Empfehlung bedankt.", "Für 1 Empfehlung hat sich das empfohlene Mitglied für ein Geschäft bedankt."},
			[]string{"The network has 2 members.", "In 2024, 1 member joined.", "The profiles carry 1 recommendation.",
				"In 2026, 1 member said thank you for a referral.", "For 1 recommendation, the member recommended has said thank you for business."}},
		{"a lone member", []string{"anna"},
			[]string{"Das Netzwerk hat 1 Mitglied.", "Auf den Profilen steht noch keine Empfehlung."},
			[]string{"The network has 1 member.", "The profiles carry no recommendations yet."}},
		// Two thanks of one member in a year count one member; the
		// latest year anyone joined counts, not today's.
		{"several", []string{
			"anna since:2019 rec:bernd rec:carla", "bernd since:2023-01 thanks:anna:2025-01 thanks:anna:2025-03 thanks:carla:2026-01",
			"carla since:2023-11-30 rec:anna thanks:anna:2025-07", "dora since:2021"},
			[]string{"Das Netzwerk hat 4 Mitglieder.", "Im Jahr 2023 sind 2 Mitglieder dazugekommen.", "Auf den Profilen stehen 3 Empfehlungen.",
				"Im Jahr 2025 haben sich 2 Mitglieder für Empfehlungen bedankt.", "Im Jahr 2026 hat sich 1 Mitglied für eine Empfehlung bedankt.",
				"Für 2 Empfehlungen hat sich das empfohlene Mitglied für ein Geschäft bedankt."},
			[]string{"The network has 4 members.", "In 2023, 2 members joined.", "The profiles carry 3 recommendations.",
				"In 2025, 2 members said thank you for a referral.", "In 2026, 1 member said thank you for a referral.",
				"For 2 recommendations, the member recommended has said thank you for business."}},
	} {
		for lang, want := range map[string][]string{"de": c.de, "en": c.en} {
			if got := Sentences(dir(t, c.specs...), Options{Lang: lang}); !slices.Equal(got, want) {
				t.Errorf("%s, %s:\n%s\nwant\n%s", c.name, lang, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		}
	}
}

func TestCount(t *testing.T) {
	for _, c := range []struct {
		n      int
		de, en string
	}{{0, "0", "0"}, {1, "1", "1"}, {9999, "9999", "9999"}, {10000, "10.000", "10,000"}, {1234567, "1.234.567", "1,234,567"}} {
		if got := (Options{Lang: "de"}).count(c.n); got != c.de {
			t.Errorf("de count(%d) = %q, want %q", c.n, got, c.de)
		}
		if got := (Options{Lang: "en"}).count(c.n); got != c.en {
			t.Errorf("en count(%d) = %q, want %q", c.n, got, c.en)
		}
	}
}
