package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/load"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// repoRoot is the bundled example site, four folders up.
const repoRoot = "../../../.."

// compile compiles the schema for cfg the way an editor would use it,
// with formats asserted (VS Code checks "email" and "uri").
func compile(t *testing.T, cfg member.Config) *jsonschema.Schema {
	t.Helper()
	data, err := Profile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	// "uri" as Ajv and VS Code check it: ASCII only, unlike Go's url.Parse,
	// so that a schema using it for addresses with umlauts fails here too.
	c.RegisterFormat(&jsonschema.Format{Name: "uri", Validate: func(v any) error {
		s, ok := v.(string)
		if !ok {
			return nil
		}
		if i := strings.IndexFunc(s, func(r rune) bool { return r > unicode.MaxASCII }); i >= 0 {
			return fmt.Errorf("%q is not ASCII", s[i:])
		}
		if u, err := url.Parse(s); err != nil || !u.IsAbs() {
			return fmt.Errorf("not an absolute URI")
		}
		return nil
	}})
	if err := c.AddResource("memberdir.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("memberdir.schema.json")
	if err != nil {
		t.Fatalf("schema does not compile: %v", err)
	}
	return sch
}

// frontMatter returns the YAML between the --- lines of a profile as the
// JSON value an editor's YAML reader sees: dates as the text written,
// numbers and booleans by their YAML tag.
func frontMatter(t *testing.T, profile string) any {
	t.Helper()
	lines := strings.Split(profile, "\n")
	end := -1
	for i := 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "---" {
			end = i
			break
		}
	}
	if lines[0] != "---" || end < 0 {
		t.Fatalf("no front matter in\n%s", profile)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(strings.Join(lines[1:end], "\n")), &doc); err != nil {
		t.Fatalf("YAML: %v", err)
	}
	if len(doc.Content) == 0 {
		return map[string]any{}
	}
	v := toJSON(t, doc.Content[0])
	// Through JSON, so that numbers are what jsonschema expects.
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

func toJSON(t *testing.T, n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = toJSON(t, n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		s := []any{}
		for _, c := range n.Content {
			s = append(s, toJSON(t, c))
		}
		return s
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return nil
		case "!!bool", "!!int", "!!float":
			var v any
			if err := n.Decode(&v); err != nil {
				t.Fatal(err)
			}
			return v
		}
		// Strings, and timestamps as written (yaml.v3 would make
		// 2021-03-01 a time.Time).
		return n.Value
	}
	t.Fatalf("unexpected YAML node kind %v", n.Kind)
	return nil
}

// goProblems returns what package load says about a profile.
func goProblems(profile string, cfg *member.Config) member.ErrorList {
	_, errs := load.Profile("content/members/anna-mueller.md", []byte(profile), cfg)
	return errs
}

func exampleConfig(t *testing.T) member.Config {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, load.ConfigFile))
	if err != nil {
		t.Fatal(err)
	}
	cfg, errs := load.Config(load.ConfigFile, data)
	if len(errs) > 0 {
		t.Fatalf("example config.yaml: %v", errs)
	}
	return cfg
}

func TestProfileDeterministic(t *testing.T) {
	cfg := exampleConfig(t)
	a, err := Profile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		b, _ := Profile(cfg)
		if !bytes.Equal(a, b) {
			t.Fatal("two runs give different schemas")
		}
	}
	if !json.Valid(a) || !bytes.HasPrefix(a, []byte("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n")) {
		t.Errorf("schema does not start as expected:\n%.200s", a)
	}
	// Fields in the order of the rule table.
	last := -1
	for _, f := range member.ProfileFields {
		i := bytes.Index(a, []byte("\n    \""+f.Name+"\": {"))
		if i < 0 || i < last {
			t.Errorf("field %s missing or out of order", f.Name)
		}
		last = i
	}
	if bytes.Contains(a, []byte(`\u003c`)) {
		t.Error("patterns are HTML-escaped; editors show them to people")
	}
}

func TestProfileContent(t *testing.T) {
	cfg := exampleConfig(t)
	cfg.ExtraFields = []member.ExtraField{{Name: "instagram", Label: "Instagram", Type: "url"}, {Name: "awards", Label: "Preise", Type: "list"}}
	data, err := Profile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Required   []string
		Properties map[string]struct {
			Description string
			Items       struct{ AnyOf []struct{ Enum []string } }
			AnyOf       []map[string]any
		}
		AdditionalProperties *bool
	}
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(s.Required, ","); got != "name,mission,why,offerings,contact" {
		t.Errorf("required = %s", got)
	}
	if s.AdditionalProperties == nil || *s.AdditionalProperties {
		t.Error("additionalProperties is not false")
	}
	nameField, _ := member.Lookup("name")
	if got := s.Properties["name"].Description; got != nameField.Doc["de"] {
		t.Errorf("name description = %q, want the German Doc", got)
	}
	if got := s.Properties["tags"].Items.AnyOf; len(got) == 0 || len(got[0].Enum) != len(cfg.Categories) || got[0].Enum[0] != cfg.Categories[0].ID {
		t.Errorf("tags enum = %v, want the category ids", got)
	}
	if len(s.Properties["contact"].AnyOf) != 3 {
		t.Errorf("contact anyOf = %v, want email, phone, website", s.Properties["contact"].AnyOf)
	}
	for _, x := range cfg.ExtraFields {
		if _, ok := s.Properties[x.Name]; !ok {
			t.Errorf("extra field %s missing", x.Name)
		}
	}
	cfg.Language = "en"
	en, _ := Profile(cfg)
	if !bytes.Contains(en, []byte(nameField.Doc["en"])) {
		t.Error("English site gets no English descriptions")
	}
	cfg.Categories = nil
	free, _ := Profile(cfg)
	if bytes.Contains(free, []byte(`"enum"`)) {
		t.Error("enum without categories in config.yaml")
	}
}

// TestExamples validates every profile of the bundled example site.
func TestExamples(t *testing.T) {
	cfg := exampleConfig(t)
	sch := compile(t, cfg)
	files, err := filepath.Glob(filepath.Join(repoRoot, load.MembersDir, "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no example profiles: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(frontMatter(t, string(data))); err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
		}
		if errs := goProblems(string(data), &cfg); len(errs) > 0 {
			t.Errorf("%s: load: %v", filepath.Base(f), errs)
		}
	}
}

// valid is a complete profile; edit replaces its lines to make others.
const valid = `---
name: Anna Müller
mission: Ich helfe kleinen Firmen, ihre Zahlen zu verstehen.
why: Weil mein Vater sein Geschäft verlor, ohne seine Zahlen zu kennen.
offerings:
  - Beratung
  - Coaching
contact:
  email: anna@example.de
  website: https://anna.example.de
---
Ich bin Anna.
`

// edit replaces the line starting with old (up to its colon) by repl,
// or adds repl as the last field when old is "".
func edit(t *testing.T, old, repl string) string {
	t.Helper()
	if old == "" {
		return strings.Replace(valid, "---\nIch bin", repl+"\n---\nIch bin", 1)
	}
	re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(old) + `.*\n`)
	if !re.MatchString(valid) {
		t.Fatalf("no line %q", old)
	}
	out := re.ReplaceAllLiteralString(valid, repl)
	return out
}

// agreeConfig is the example site's configuration with an extra field,
// the site agreeCases are written for.
func agreeConfig(cfg member.Config) member.Config {
	cfg.ExtraFields = []member.ExtraField{{Name: "instagram", Label: "Instagram", Type: "url"}}
	return cfg
}

// agreeCase is a profile that both the schema and check accept (ok) or
// refuse.
type agreeCase struct {
	name    string
	profile string
	ok      bool
}

// agreeCases are profiles with one thing each that a member may write,
// for TestCases and TestAgree.
func agreeCases(t *testing.T) []agreeCase {
	long := strings.Repeat("x", 101)
	bad := []struct{ name, profile string }{
		{"name missing", edit(t, "name:", "")},
		{"name too long", edit(t, "name:", "name: "+long+"\n")},
		{"name empty", edit(t, "name:", "name: \"\"\n")},
		{"name blank", edit(t, "name:", "name: \"   \"\n")},
		{"mission without value", edit(t, "mission:", "mission:\n")},
		{"misspelt field", edit(t, "offerings:", "offerrings:\n")},
		{"unknown field", edit(t, "", "hobby: Segeln")},
		{"offerings with commas", edit(t, "offerings:", "offerings: Beratung, Coaching\n")},
		{"offerings empty list", strings.Replace(edit(t, "offerings:", "offerings: []\n"), "  - Beratung\n  - Coaching\n", "", 1)},
		{"too many offerings", edit(t, "  - Coaching", strings.Repeat("  - x\n", 10))},
		{"offering too long", edit(t, "  - Coaching", "  - "+strings.Repeat("y", 81)+"\n")},
		{"offering twice", edit(t, "  - Coaching", "  - Beratung\n")},
		{"empty offering", edit(t, "  - Coaching", "  - \"\"\n")},
		{"contact without email, phone, website", strings.Replace(valid, "  email: anna@example.de\n  website: https://anna.example.de\n", "  linkedin: https://linkedin.com/in/anna\n", 1)},
		{"contact email empty and no other", strings.Replace(edit(t, "  website:", ""), "email: anna@example.de", "email:", 1)},
		{"contact as text", strings.Replace(strings.Replace(valid, "contact:\n", "contact: anna@example.de\n", 1), "  email: anna@example.de\n  website: https://anna.example.de\n", "", 1)},
		{"unknown contact field", edit(t, "  website:", "  mail: anna@example.de\n")},
		{"e-mail with (at)", edit(t, "  email:", "  email: anna(at)example.de\n")},
		{"e-mail with two dots", edit(t, "  email:", "  email: anna..m@example.de\n")},
		{"website without https://", edit(t, "  website:", "  website: www.anna.de\n")},
		{"website ftp", edit(t, "  website:", "  website: ftp://anna.de\n")},
		{"website with user", edit(t, "  website:", "  website: https://anna@anna.de\n")},
		{"website without dot", edit(t, "  website:", "  website: https://anna\n")},
		{"phone letters", edit(t, "  website:", "  phone: ruf mich an\n")},
		{"member_since German", edit(t, "", "member_since: 1.3.2021")},
		{"member_since month 13", edit(t, "", "member_since: 2021-13")},
		{"member_since 31 April", edit(t, "", "member_since: 2021-04-31")},
		{"member_since 1800", edit(t, "", "member_since: 1800")},
		{"member_since empty", edit(t, "", "member_since:")},
		{"language three letters", edit(t, "", "languages: [deu]")},
		{"language as text", edit(t, "", "languages: de")},
		{"unknown category", edit(t, "", "tags: [steuren]")},
		{"draft yes", edit(t, "", "draft: yes")},
		{"public as text", edit(t, "  website:", "  public: nein\n")},
		{"recommends without member", edit(t, "", "recommends:\n  - note: toll")},
		{"recommends name", edit(t, "", "recommends:\n  - member: Anna Müller")},
		{"recommends as text", edit(t, "", "recommends: anna")},
		{"recommends unknown key", edit(t, "", "recommends:\n  - member: bob\n    notiz: toll")},
		{"owner with @", edit(t, "", `owner: "@anna"`)},
		{"owner URL", edit(t, "", "owner: https://github.com/anna")},
		{"photo gif", edit(t, "", "photo: anna.gif")},
		{"photo in folder", edit(t, "", "photo: ../anna.jpg")},
		{"extra url without https", edit(t, "", "instagram: instagram.com/anna")},
		{"name as a blank in another script", edit(t, "name:", "name: \"\u3000\"\n")},
		{"phone as short number", edit(t, "  website:", "  phone: 12345\n")},
		{"phone as negative number", edit(t, "  website:", "  phone: -2211234567\n")},
		{"language as number", edit(t, "", "languages: [12]")},
		{"email as number", edit(t, "  email:", "  email: 4711\n")},
		{"member_since 29 February 2023", edit(t, "", "member_since: 2023-02-29")},
		{"member_since 29 February 2100", edit(t, "", "member_since: 2100-02-29")},
		{"tag as number", edit(t, "", "tags: [2024]")},
		{"website with a bad escape", edit(t, "  website:", "  website: https://anna.example.de/%zz\n")},
	}
	good := []struct{ name, profile string }{
		{"minimal", valid},
		{"optional fields empty", edit(t, "", "company: \"\"\nrole:\ntags: []\nlanguages:\nrecommends: []\nowner: \"\"\nphoto: \"\"\ninstagram: \"\"")},
		{"contact links empty", edit(t, "  website:", "  linkedin: \"\"\n  phone: \"\"\n")},
		{"member_since year as number", edit(t, "", "member_since: 2021")},
		{"member_since month", edit(t, "", "member_since: 2021-03")},
		{"member_since 29 February", edit(t, "", "member_since: 2020-02-29")},
		{"phone as number", edit(t, "  website:", "  phone: +4922112345\n")},
		{"phone as text", edit(t, "  website:", "  phone: +49 (0)221 123-45\n")},
		{"everything", edit(t, "", strings.Join([]string{
			"company: Müller & Co",
			"role: Steuerberaterin",
			"location: Köln",
			"ideal_referral: Eine Firma mit 5 bis 50 Leuten.",
			"tags: [steuern-finanzen, beratung-coaching]",
			"languages: [de, en]",
			"photo: anna-mueller.JPG",
			"member_since: 2019-03-01",
			"recommends:\n  - member: bob-schmidt.md\n    note: Der Beste.\n  - member: carla",
			"owner: Anna-M",
			"draft: True",
			"instagram: https://instagram.com/anna",
		}, "\n"))},
		{"website case and port", edit(t, "  website:", "  website: HTTPS://anna.example.de:8443/über?x=1#top\n")},
		// Issue #14: what check publishes as written, editors accept.
		{"name as number", edit(t, "name:", "name: 1848\n")},
		{"company as number", edit(t, "", "company: 4711")},
		{"offering as number", edit(t, "  - Coaching", "  - 2024\n")},
		{"mission as boolean", edit(t, "mission:", "mission: true\n")},
		{"website with umlauts", edit(t, "  website:", "  website: \"https://www.müller-söhne.example/?b=ä\"\n")},
		{"phone with 0 as number", edit(t, "  website:", "  phone: 0221123456\n")},
		{"phone with space", edit(t, "  website:", "  phone: 0221 123456\n")},
		{"owner as number", edit(t, "", "owner: 12345")},
		{"recommends number", edit(t, "", "recommends:\n  - member: 2024")},
		{"email with spaces around", edit(t, "  email:", "  email: \"  anna@example.de \"\n")},
		{"website with space after", edit(t, "  website:", "  website: \"https://anna.example.de \"\n")},
		{"member_since 29 February of a leap year", edit(t, "", "member_since: 2024-02-29")},
		{"tag by label in any case", edit(t, "", "tags: [steuern & finanzen]")},
		{"only phone, as number", strings.Replace(valid, "  email: anna@example.de\n  website: https://anna.example.de\n", "  phone: 0221123456\n", 1)},
	}
	var out []agreeCase
	for _, c := range bad {
		out = append(out, agreeCase{c.name, c.profile, false})
	}
	for _, c := range good {
		out = append(out, agreeCase{c.name, c.profile, true})
	}
	return out
}

// TestCases holds the schema and check to the verdicts of agreeCases.
func TestCases(t *testing.T) {
	cfg := agreeConfig(exampleConfig(t))
	sch := compile(t, cfg)
	for _, c := range agreeCases(t) {
		t.Run(c.name, func(t *testing.T) {
			errs := goProblems(c.profile, &cfg)
			err := sch.Validate(frontMatter(t, c.profile))
			if c.ok && len(errs) > 0 {
				t.Errorf("check: %v; profile:\n%s", errs, c.profile)
			}
			if c.ok && err != nil {
				t.Errorf("schema: %v; profile:\n%s", err, c.profile)
			}
			if !c.ok && len(errs) == 0 {
				t.Errorf("check accepts it; profile:\n%s", c.profile)
			}
			if !c.ok && err == nil {
				t.Errorf("schema accepts it (check: %v); profile:\n%s", errs, c.profile)
			}
		})
	}
}

// TestPatternsAgree holds the patterns to the checks of package member.
func TestPatternsAgree(t *testing.T) {
	cases := []struct {
		pattern string
		check   func(string) string
		values  []string
	}{
		{EmailPattern, member.CheckEmail, []string{
			"anna@example.de", "a.b+c@sub.example.co.uk", "x@y.z", "anna(at)example.de", "anna@example",
			"anna@@example.de", ".anna@example.de", "anna.@example.de", "an..na@example.de", "Anna <anna@example.de>",
			"anna@-example.de", "anna@example-.de", "anna@exa_mple.de", "anna example@x.de", "o'neil@example.ie",
		}},
		{URLPattern, member.CheckURL, []string{
			"https://example.de", "http://example.de/a?b=c#d", "HTTPS://EXAMPLE.DE", "https://localhost", "https://localhost:8080/x",
			"www.example.de", "example.de", "ftp://example.de", "javascript:alert(1)", "https://", "https:///path",
			"https://user@example.de", "https://user:pw@example.de", "https://.example.de", "https://example", "https://exa mple.de",
			"https://example.de/\"onmouseover", "https://example.de/<script>", "https://example.de:99999", "//example.de",
			"https://example.de./x", "https://münchen.de",
		}},
		{PhonePattern, member.CheckPhone, []string{
			"+49 221 1234567", "0221/123456", "+49 (0)221 123-45", "(0221) 123456", "(221) 123456", "(0)221 123456", "12345", "123456", "+49", "ruf an", "+49 221 1234567 (Büro)", "0221.12.34.56",
		}},
		{LangPattern, member.CheckLang, []string{"de", "en", "DE", "deu", "d", "d1"}},
		{GitHubPattern, member.CheckGitHub, []string{
			"anna", "Anna-M", "a", "anna--m", "-anna", "anna-", "@anna", strings.Repeat("a", 39), strings.Repeat("a", 40), "anna_m",
		}},
		{PhotoPattern, member.CheckPhoto, []string{
			"anna.jpg", "anna.JPEG", "anna.png", "anna mueller.jpg", "anna.gif", "../anna.jpg", "fotos/anna.jpg", `a\b.jpg`, ".jpg", ".anna.jpg", "anna.jpg.exe",
		}},
		{DatePattern, func(s string) string { _, k := member.ParseDate(s); return k }, []string{
			"2021", "2021-03", "2021-03-01", "1900", "2200", "1899", "2201", "2021-00", "2021-13", "2021-3", "2021-03-1",
			"2021-02-29", "2020-02-29", "2000-02-29", "1900-02-29", "2100-02-29", "2196-02-29", "2021-04-30", "2021-04-31", "2021-12-31", "2021-03-01-01", "21-03-01", "2021-+3",
		}},
		// The date of a thanks: a month at least, as load's thanksDate.
		{MonthPattern, func(s string) string {
			d, k := member.ParseDate(s)
			if k == "" && d.Month == 0 {
				return "thanks.year"
			}
			return k
		}, []string{
			"2021", "2021-03", "2021-03-01", "1900", "1900-01", "2200-12-31", "1899-12", "2201-01", "2021-00", "2021-13", "2021-3", "2021-03-1",
			"2021-02-29", "2020-02-29", "2000-02-29", "1900-02-29", "2100-02-29", "2196-02-29", "2021-04-30", "2021-04-31", "2021-12-31", "2021-03-01-01", "21-03-01", "2021-+3",
		}},
	}
	for _, c := range cases {
		re := regexp.MustCompile(c.pattern)
		for _, v := range c.values {
			goOK := c.check(v) == ""
			if re.MatchString(v) != goOK {
				t.Errorf("%q: pattern says %v, Go says %v (pattern %s)", v, re.MatchString(v), goOK, c.pattern)
			}
		}
	}
}

// TestTemplate checks that a new profile explains every field, fails
// while its placeholders are empty, and passes load and the schema once
// they are filled.
func TestTemplate(t *testing.T) {
	cfg := exampleConfig(t)
	cfg.ExtraFields = []member.ExtraField{{Name: "instagram", Label: "Instagram", Type: "url"}, {Name: "awards", Label: "Preise", Type: "list"}}
	sch := compile(t, cfg)
	for _, lang := range []string{"de", "en"} {
		cfg.Language = lang
		text := string(Template(cfg, `Anna "Nan" Müller`, "2026-07"))
		lines := strings.Split(text, "\n")
		if lines[0] != "---" || lines[1] != "# yaml-language-server: $schema=../../memberdir.schema.json" {
			t.Errorf("%s: starts with %q, %q", lang, lines[0], lines[1])
		}
		// Comments joined, so that wrapped lines read as one text.
		comments := regexp.MustCompile(`\n *# ?`).ReplaceAllString(text, " ")
		for _, f := range member.ProfileFields {
			for _, d := range append([]member.Field{f}, f.Sub...) {
				if !strings.Contains(comments, d.Doc[lang]) {
					t.Errorf("%s: no comment %q for %s", lang, d.Doc[lang], d.Name)
				}
			}
		}
		if !strings.Contains(text, `name: "Anna \"Nan\" Müller"`) || !strings.Contains(text, "member_since: 2026-07\n") {
			t.Errorf("%s: name or member_since not filled in:\n%s", lang, text)
		}
		if !strings.Contains(comments, "steuern-finanzen") {
			t.Errorf("%s: categories not listed", lang)
		}
		if len(goProblems(text, &cfg)) == 0 || sch.Validate(frontMatter(t, text)) == nil {
			t.Errorf("%s: the unfilled template passes", lang)
		}
		filled := strings.NewReplacer(
			`mission: ""`, `mission: "Ich helfe Firmen."`,
			`why: ""`, `why: "Weil es Freude macht."`,
			`  - ""`, `  - "Beratung"`,
			`  email: ""`, `  email: "anna@example.de"`,
		).Replace(text)
		// The sample paragraph below the front matter must not go live:
		// with every field filled in, it is the one problem left, at its
		// line.
		body := member.Msg(lang, "new.body")
		bodyLine := strings.Count(filled[:strings.Index(filled, body)], "\n") + 1
		errs := goProblems(filled, &cfg)
		if len(errs) != 1 || errs[0].Pos.Line != bodyLine || errs[0].Msg != member.Msg(lang, "body.placeholder") {
			t.Errorf("%s: filled template with the sample text: want only %d:1 %q, got %v", lang, bodyLine, member.Msg(lang, "body.placeholder"), errs)
		}
		filled = strings.Replace(filled, body, "Seit 2010 berate ich Familienbetriebe.", 1)
		if errs := goProblems(filled, &cfg); len(errs) > 0 {
			t.Errorf("%s: filled template: %v\n%s", lang, errs, filled)
		}
		if err := sch.Validate(frontMatter(t, filled)); err != nil {
			t.Errorf("%s: filled template: schema: %v", lang, err)
		}
	}
}

// TestSchemaFile holds the example site's memberdir.schema.json, which
// its profiles point editors to, to what `memberdir schema` writes.
func TestSchemaFile(t *testing.T) {
	want, err := Profile(exampleConfig(t))
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(repoRoot, File))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not what memberdir schema writes; run at the repository root: %s", File, Regenerate)
	}
}
