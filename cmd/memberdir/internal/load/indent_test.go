package load

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/schema"
)

// newProfile returns, as lines, the profile `memberdir new` writes for a
// site in lang, filled in as a member would so that it has no problems.
func newProfile(t *testing.T, lang string) []string {
	t.Helper()
	cfg := member.DefaultConfig()
	cfg.Language = lang
	text := string(schema.Template(cfg, "Anna Müller", "2024-03"))
	for _, r := range [][2]string{
		{`mission: ""`, `mission: "Ich helfe kleinen Firmen, ihre Zahlen zu verstehen."`},
		{`why: ""`, `why: "Weil mein Vater sein Geschäft verlor."`},
		{`  - ""`, "  - \"Beratung\"\n  - \"Coaching\""},
		{`  email: ""`, `  email: "anna@mueller-beratung.de"`},
		{`  phone: ""`, `  phone: "+49 228 9876543"`},
		{`  website: ""`, `  website: "https://mueller-beratung.de"`},
	} {
		if !strings.Contains(text, r[0]+"\n") {
			t.Fatalf("the template has no line %q", r[0])
		}
		text = strings.Replace(text, r[0]+"\n", r[1]+"\n", 1)
	}
	ls := strings.Split(text, "\n")
	closing := slices.Index(ls[1:], "---") + 1
	ls = append(ls[:closing+1], "Ich bin Anna.", "")
	if _, errs := Profile(P, []byte(strings.Join(ls, "\n")), &cfg); len(errs) > 0 {
		t.Fatalf("the filled-in template has problems:\n%s", strings.Join(lines(errs), "\n"))
	}
	return ls
}

// layouts are the ways a member may leave the template's comments: as
// they are, deleted, or with blank lines between the fields.
var layouts = map[string]func([]string) []string{
	"comments": slices.Clone[[]string],
	"bare": func(l []string) []string {
		return slices.DeleteFunc(slices.Clone(l), func(s string) bool { return strings.HasPrefix(strings.TrimSpace(s), "#") })
	},
	"blank": func(l []string) []string {
		var out []string
		for i, s := range l {
			if t := strings.TrimSpace(s); i > 1 && t != "---" && t != "" && !strings.HasPrefix(t, "#") && !strings.HasPrefix(t, "- ") {
				out = append(out, "")
			}
			out = append(out, s)
		}
		return out
	},
}

// reindent indents the line that sel names by n spaces and returns its
// line number (1-based): sel is a field ("email") or "- " and an item's
// text ("- \"Coaching\"").
func reindent(t *testing.T, lines []string, sel string, n int) int {
	t.Helper()
	for i, s := range lines {
		if tr := strings.TrimLeft(s, " "); strings.HasPrefix(tr, sel+":") || strings.HasPrefix(sel, "- ") && tr == sel {
			lines[i] = strings.Repeat(" ", n) + tr
			return i + 1
		}
	}
	t.Fatalf("no line %q", sel)
	return 0
}

// TestIndentNew mis-indents one line of the profile `memberdir new`
// writes and expects the problem at that line, with the indentation that
// mends it. In want, {} stands for the mis-indented line's number.
func TestIndentNew(t *testing.T) {
	cases := []struct {
		lang string // "" means "en"
		sel  string
		n    int
		want string
	}{
		// A nested field: the first of contact, one in the middle, the last.
		{sel: "email", n: 4, want: `{}:1: "email:" is indented by 4 spaces — indent it by exactly 2 spaces, like "phone:" below it`},
		{sel: "email", n: 3, want: `{}:1: "email:" is indented by 3 spaces — indent it by exactly 2 spaces, like "phone:" below it`},
		{sel: "email", n: 1, want: `{}:1: "email:" is indented by 1 space — indent it by exactly 2 spaces, like "phone:" below it`},
		{sel: "email", n: 0, want: `{}:1: "email:" is not indented — indent it by exactly 2 spaces, like "phone:" below it`},
		{sel: "phone", n: 4, want: `{}:1: "phone:" is indented by 4 spaces — indent it by exactly 2 spaces, like "email:" above it`},
		{sel: "phone", n: 3, want: `{}:1: "phone:" is indented by 3 spaces — indent it by exactly 2 spaces, like "email:" above it`},
		{sel: "phone", n: 1, want: `{}:1: "phone:" is indented by 1 space — indent it by exactly 2 spaces, like "email:" above it`},
		{sel: "website", n: 4, want: `{}:1: "website:" is indented by 4 spaces — indent it by exactly 2 spaces, like "phone:" above it`},
		{sel: "website", n: 0, want: `{}:1: "website:" is not indented — indent it by exactly 2 spaces, like "linkedin:" below it`},
		{sel: "booking", n: 3, want: `{}:1: "booking:" is indented by 3 spaces — indent it by exactly 2 spaces, like "xing:" above it`},
		{sel: "public", n: 4, want: `{}:1: "public:" is indented by 4 spaces — indent it by exactly 2 spaces, like "booking:" above it`},
		{sel: "public", n: 3, want: `{}:1: "public:" is indented by 3 spaces — indent it by exactly 2 spaces, like "booking:" above it`},
		{sel: "public", n: 1, want: `{}:1: "public:" is indented by 1 space — indent it by exactly 2 spaces, like "booking:" above it`},
		// Valid YAML, which makes public a field of its own.
		{sel: "public", n: 0, want: `{}:1: public: belongs under "contact:" — indent it with two spaces`},

		// A top-level field: the first, one that opens a block, the last.
		{sel: "name", n: 2, want: `{}:1: the first field "name" is indented, unlike the fields below it, and then they are not read — remove the spaces before it`},
		{sel: "company", n: 2, want: `{}:1: "company:" is indented by 2 spaces — remove the spaces before it, so that it starts at the left edge like "name:" above it`},
		{sel: "tags", n: 2, want: `{}:1: "tags:" is indented by 2 spaces — remove the spaces before it, so that it starts at the left edge like "ideal_referral:" above it`},
		{sel: "offerings", n: 2, want: `{}:1: "offerings:" is indented by 2 spaces — remove the spaces before it, so that it starts at the left edge like "why:" above it`},
		{sel: "contact", n: 1, want: `{}:1: "contact:" is indented by 1 space — remove the spaces before it, so that it starts at the left edge like "languages:" above it`},
		{sel: "contact", n: 2, want: `{}:1: "contact:" is indented by 2 spaces — remove the spaces before it, so that it starts at the left edge like "languages:" above it`},
		// Valid YAML too: photo after contact's last line, indented like it.
		{sel: "photo", n: 2, want: `{}:3: contact.photo: "photo:" does not belong to "contact:": it is a field of its own — remove the 2 spaces before it, so that it starts at the left edge`},
		{sel: "photo", n: 1, want: `{}:1: "photo:" is indented by 1 space — remove the spaces before it, so that it starts at the left edge like "contact:" above it`},
		{sel: "ideal_referral", n: 2, want: `{}:1: "ideal_referral:" is indented by 2 spaces — remove the spaces before it, so that it starts at the left edge like "offerings:" above it`},
		{sel: "draft", n: 2, want: `{}:1: "draft:" is indented by 2 spaces — remove the spaces before it, so that it starts at the left edge like "owner:" above it`},
		{sel: "draft", n: 1, want: `{}:1: "draft:" is indented by 1 space — remove the spaces before it, so that it starts at the left edge like "owner:" above it`},

		// A list item: the first, the last.
		{sel: `- "Beratung"`, n: 4, want: `{}:1: "- \"Beratung\"" is indented by 4 spaces — indent it by exactly 2 spaces, like "- \"Coaching\"" below it`},
		{sel: `- "Beratung"`, n: 1, want: `{}:1: "- \"Beratung\"" is indented by 1 space — indent it by exactly 2 spaces, like "- \"Coaching\"" below it`},
		{sel: `- "Beratung"`, n: 0, want: `{}:1: "- \"Beratung\"" is not indented — indent it by exactly 2 spaces, like "- \"Coaching\"" below it`},
		{sel: `- "Coaching"`, n: 4, want: `{}:1: "- \"Coaching\"" is indented by 4 spaces — indent it by exactly 2 spaces, like "- \"Beratung\"" above it`},
		{sel: `- "Coaching"`, n: 3, want: `{}:1: "- \"Coaching\"" is indented by 3 spaces — indent it by exactly 2 spaces, like "- \"Beratung\"" above it`},
		{sel: `- "Coaching"`, n: 1, want: `{}:1: "- \"Coaching\"" is indented by 1 space — indent it by exactly 2 spaces, like "- \"Beratung\"" above it`},
		{sel: `- "Coaching"`, n: 0, want: `{}:1: this list item stands at the left edge, where only fields stand — put 2 spaces before its "-", as the items above`},

		// In German.
		{lang: "de", sel: "email", n: 4, want: `{}:1: "email:" ist mit 4 Leerzeichen eingerückt — rücke es mit genau 2 Leerzeichen ein, wie "phone:" darunter`},
		{lang: "de", sel: "email", n: 1, want: `{}:1: "email:" ist mit 1 Leerzeichen eingerückt — rücke es mit genau 2 Leerzeichen ein, wie "phone:" darunter`},
		{lang: "de", sel: "public", n: 4, want: `{}:1: "public:" ist mit 4 Leerzeichen eingerückt — rücke es mit genau 2 Leerzeichen ein, wie "booking:" darüber`},
		{lang: "de", sel: "draft", n: 2, want: `{}:1: "draft:" ist mit 2 Leerzeichen eingerückt — entferne die Leerzeichen davor, damit es wie "owner:" darüber am linken Rand steht`},
		{lang: "de", sel: `- "Coaching"`, n: 1, want: `{}:1: "- \"Coaching\"" ist mit 1 Leerzeichen eingerückt — rücke es mit genau 2 Leerzeichen ein, wie "- \"Beratung\"" darüber`},
	}
	for _, c := range cases {
		lang := c.lang
		if lang == "" {
			lang = "en"
		}
		base := newProfile(t, lang)
		for _, layout := range []string{"comments", "bare", "blank"} {
			t.Run(fmt.Sprintf("%s %s by %d %s", lang, c.sel, c.n, layout), func(t *testing.T) {
				ls := layouts[layout](base)
				line := reindent(t, ls, c.sel, c.n)
				text := strings.Join(ls, "\n")
				cfg := config(lang)
				_, errs := Profile(P, []byte(text), cfg)
				want := P + ":" + strings.Replace(c.want, "{}", fmt.Sprint(line), 1)
				diffLines(t, lines(errs), e(want))
			})
		}
	}
}

// TestIndentConfig: config.yaml is read by the same code, with the
// settings deciding where a line between two levels belongs.
func TestIndentConfig(t *testing.T) {
	const head = "# Einstellungen.\nlanguage: en\n\n# Wer das Verzeichnis betreut.\norganiser:\n"
	cases := []struct{ name, text, want string }{
		{"organiser email too deep", head + "  name: Eva\n  # Ihre Adresse.\n    email: eva@example.org\ntitle: T\n",
			C + `:8:1: "email:" is indented by 4 spaces — indent it by exactly 2 spaces, like "name:" above it`},
		{"organiser name first, too deep", head + "    name: Eva\n\n  email: eva@example.org\ntitle: T\n",
			C + `:6:1: "name:" is indented by 4 spaces — indent it by exactly 2 spaces, like "email:" below it`},
		{"last setting of a block by 1", head + "  name: Eva\n  email: eva@example.org\n github: [eva]\ntitle: T\n",
			C + `:8:1: "github:" is indented by 1 space — indent it by exactly 2 spaces, like "email:" above it`},
		{"top-level setting by 1 after a block", head + "  name: Eva\n title: T\ndescription: D\n",
			C + `:7:1: "title:" is indented by 1 space — remove the spaces before it, so that it starts at the left edge like "organiser:" above it`},
		{"category label too deep", "language: en\ncategories:\n  - id: a\n      label: A\n",
			C + `:4:1: "label" is indented more than "id" in the line before — put 4 spaces before it, as there`},
		{"category label too deep, a comment between", "language: en\ncategories:\n  - id: a\n    # Der Name.\n      label: A\n",
			C + `:5:1: "label:" is indented by 6 spaces — indent it by exactly 4 spaces, like "- id:" above it`},
		{"German", "organiser:\n  name: Eva\n  # Ihre Adresse.\n   email: eva@example.org\n",
			C + `:4:1: "email:" ist mit 3 Leerzeichen eingerückt — rücke es mit genau 2 Leerzeichen ein, wie "name:" darüber`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errs := Config(C, []byte(c.text))
			diffLines(t, lines(errs), e(c.want))
		})
	}
}
