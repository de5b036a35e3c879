package load

import (
	"slices"
	"strings"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/synth"
)

// validProfile is a complete, valid profile. Its line numbers are the
// ones the expected messages of the tables refer to:
//
//	1 ---            5 offerings:     9  email: …     12 body
//	2 name: …        6   - Beratung   10  website: …
//	3 mission: …     7   - Coaching   11 ---
//	4 why: …         8 contact:
var validProfile = []string{
	"---",
	"name: Anna Müller",
	"mission: Ich helfe kleinen Firmen, ihre Zahlen zu verstehen.",
	"why: Weil mein Vater sein Geschäft verlor, ohne seine Zahlen zu kennen.",
	"offerings:",
	"  - Beratung",
	"  - Coaching",
	"contact:",
	"  email: anna@example.de",
	"  website: https://anna.example.de",
	"---",
	"Ich bin Anna.",
}

// profile returns validProfile with edits applied in order (see
// synth.Edit): "key: …" replaces or adds a field, "-key" deletes it,
// "+text" adds text as the last field.
func profile(edits ...string) string { return synth.Edit(validProfile, edits...) }

func TestProfileHelper(t *testing.T) {
	got := profile("name: Bob", "-offerings", "member_since: 2021", "+name: Eve", "contact:\n  phone: 1")
	want := "---\nname: Bob\nmission: Ich helfe kleinen Firmen, ihre Zahlen zu verstehen.\n" +
		"why: Weil mein Vater sein Geschäft verlor, ohne seine Zahlen zu kennen.\n" +
		"contact:\n  phone: 1\nmember_since: 2021\nname: Eve\n---\nIch bin Anna.\n"
	if got != want {
		t.Errorf("profile() =\n%s\nwant\n%s", got, want)
	}
}

// config returns the default config in lang.
func config(lang string) *member.Config {
	cfg := member.DefaultConfig()
	cfg.Language = lang
	return &cfg
}

// lines returns the errors sorted, one string per error, as the command
// prints them.
func lines(errs member.ErrorList) []string {
	errs = slices.Clone(errs)
	errs.Sort()
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

// diffLines reports the difference between got and want errors.
func diffLines(t *testing.T, got, want []string) {
	t.Helper()
	if slices.Equal(got, want) {
		return
	}
	var b strings.Builder
	for _, w := range want {
		if !slices.Contains(got, w) {
			b.WriteString("\n  missing: " + w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			b.WriteString("\n  unexpected: " + g)
		}
	}
	if b.Len() == 0 {
		b.WriteString("\n  (order differs)")
	}
	t.Errorf("errors differ:%s\ngot:\n  %s", b.String(), strings.Join(got, "\n  "))
}
