package main

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/png"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// Tests of check, new, schema and lastUpdated, run through run() on sites
// written into temporary folders.

// deConfig is a German site with categories; enConfig the same in English.
const (
	deConfig = "language: de\ncategories:\n  - id: steuern\n    label: Steuern\n  - id: recht\n    label: Recht\n"
	enConfig = "language: en\ncategories:\n  - id: steuern\n    label: Steuern\n  - id: recht\n    label: Recht\n"
)

// anna is a valid profile; its line numbers are those the tests refer to.
var anna = lines(
	"---",                                // 1
	"name: Anna Müller",                  // 2
	"mission: Ich helfe kleinen Firmen.", // 3
	"why: Weil es mir Freude macht.",     // 4
	"offerings:",                         // 5
	"  - Beratung",                       // 6
	"contact:",                           // 7
	"  email: anna@example.de",           // 8
	"---",                                // 9
	"Ich bin Anna.",                      // 10
)

func lines(l ...string) string { return strings.Join(l, "\n") + "\n" }

// withLine returns anna with line n (1-based) replaced by repl, which may
// be several lines or "" to delete the line.
func withLine(n int, repl string) string {
	l := strings.Split(strings.TrimSuffix(anna, "\n"), "\n")
	if repl == "" {
		l = slices.Delete(l, n-1, n)
	} else {
		l[n-1] = repl
	}
	return lines(l...)
}

// writeSite writes files (slash path → content) into a new temporary
// folder and returns it.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content", "members"), 0o755); err != nil {
		t.Fatal(err)
	}
	for p, content := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// memberdir runs the command line args and returns its exit code and
// output.
func memberdir(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// noGitHubEnv clears the variables GitHub Actions sets, which change the
// output of check --format github.
func noGitHubEnv(t *testing.T) {
	t.Setenv("GITHUB_STEP_SUMMARY", "")
	t.Setenv("GITHUB_WORKSPACE", "")
}

// TestCheckMessages shows, for each mistake a member makes in the GitHub
// web editor, the exact output of check.
func TestCheckMessages(t *testing.T) {
	const p = "content/members/anna-mueller.md:"
	cases := []struct {
		name    string
		config  string
		profile string
		want    string // stdout
	}{
		{"tab indentation", deConfig, withLine(6, "\t- Beratung"), lines(
			p+"6:1: ein Tabulator wird zum Einrücken verwendet — YAML braucht Leerzeichen; ersetze den Tabulator durch zwei Leerzeichen",
			"1 Problem gefunden")},
		{"tab indentation, en", enConfig, withLine(8, "\temail: anna@example.de"), lines(
			p+"8:1: a tab is used for indentation — YAML needs spaces; replace the tab with two spaces",
			"1 problem found")},
		{"unquoted colon in a value", deConfig, withLine(3, "mission: Ich helfe: kleinen Firmen."), lines(
			p+`3:19: mission: der Wert enthält ": " — setze den ganzen Wert in Anführungszeichen: mission: "…"`,
			"1 Problem gefunden")},
		{"unquoted colon in a value, en", enConfig, withLine(3, "mission: I help: small firms."), lines(
			p+`3:16: mission: the value contains ": " — put the whole value in double quotes: mission: "…"`,
			"1 problem found")},
		{"unquoted colon in a list item", deConfig, withLine(6, "  - Beratung: Firmen"), lines(
			p+`6:5: offerings: Eintrag 1 enthält ": " — setze den ganzen Eintrag in Anführungszeichen: - "…"`,
			"1 Problem gefunden")},
		{"list as a comma-separated line", deConfig, strings.Replace(anna, "offerings:\n  - Beratung\n", "offerings: Beratung, Coaching\n", 1), lines(
			p+`5:12: offerings: ist als eine Zeile mit Kommas geschrieben — schreibe jeden Punkt in eine eigene Zeile mit "  - " davor`,
			"1 Problem gefunden")},
		{"smart quotes", deConfig, withLine(2, "name: „Anna Müller“"), lines(
			p+`2:7: name: der Wert steht in typografischen Anführungszeichen („…“) — verwende gerade Anführungszeichen "…" oder keine`,
			"1 Problem gefunden")},
		{"smart quotes, en", enConfig, withLine(4, "why: “Because I love it.”"), lines(
			p+`4:6: why: the value is wrapped in typographic quotes (“…”) — use straight quotes "…" or none`,
			"1 problem found")},
		{"missing space after the colon", deConfig, withLine(3, "mission:Ich helfe kleinen Firmen."), lines(
			p+`3:9: mission: nach dem Doppelpunkt fehlt ein Leerzeichen — schreibe "mission: Ich helfe kleinen Firmen."`,
			"1 Problem gefunden")},
		{"missing space after the colon, indented", deConfig, withLine(8, "  email:anna@example.de"), lines(
			p+`8:9: contact.email: nach dem Doppelpunkt fehlt ein Leerzeichen — schreibe "email: anna@example.de"`,
			"1 Problem gefunden")},
		{"website without https://", deConfig, withLine(8, "  website: www.anna-mueller.de"), lines(
			p+`8:12: contact.website: bei "www.anna-mueller.de" fehlt https:// — schreibe https://www.anna-mueller.de`,
			"1 Problem gefunden")},
		{"website without https://, en", enConfig, withLine(8, "  website: anna-mueller.de/kontakt"), lines(
			p+`8:12: contact.website: "anna-mueller.de/kontakt" has no https:// — write https://anna-mueller.de/kontakt`,
			"1 problem found")},
		{"date as 1.3.2021", deConfig, withLine(9, "member_since: 1.3.2021\n---"), lines(
			p+`9:15: member_since: "1.3.2021" ist kein Datum in der erwarteten Form — schreibe es als 2021-03-01`,
			"1 Problem gefunden")},
		{"date as 01.03.2021, en", enConfig, withLine(9, "member_since: 01.03.2021\n---"), lines(
			p+`9:15: member_since: "01.03.2021" is not a date in the expected form — write it as 2021-03-01`,
			"1 problem found")},
		{"front matter after empty lines", deConfig, "\n\n" + anna, lines(
			p+`1:1: der Kopfbereich muss in der ersten Zeile beginnen — entferne die 2 Zeile(n) vor "---"`,
			"1 Problem gefunden")},
		{"front matter after text", deConfig, "Mein Profil\n" + anna, lines(
			p+`1:1: der Kopfbereich muss in der ersten Zeile beginnen — entferne die 1 Zeile(n) vor "---"`,
			"1 Problem gefunden")},
		{"missing closing ---", deConfig, withLine(9, ""), lines(
			p+`9:1: der Kopfbereich ist nicht abgeschlossen — füge nach dem letzten Feld eine Zeile "---" ein`,
			"1 Problem gefunden")},
		{"missing closing ---, en, no body", enConfig, strings.TrimSuffix(withLine(9, ""), "Ich bin Anna.\n"), lines(
			p+`9:1: the front matter is not closed — add a line "---" after the last field`,
			"1 problem found")},
		{"misspelt field", deConfig, withLine(5, "offerrings:"), lines(
			p+`5:1: offerrings: ist kein bekanntes Feld — meintest du "offerings"?`,
			"1 Problem gefunden")},
		{"misspelt category", deConfig, withLine(9, "tags: [steuren]\n---"), lines(
			p+`9:8: tags: "steuren" ist keine Kategorie dieser Website — meintest du "steuern"?`,
			"1 Problem gefunden")},
		{"unknown category, en", enConfig, withLine(9, "tags:\n  - Gartenbau\n---"), lines(
			p+`10:5: tags: "Gartenbau" is not a category of this site — use one of: steuern, recht`,
			"1 problem found")},
		{"e-mail with (at)", deConfig, withLine(8, "  email: anna(at)example.de"), lines(
			p+`8:10: contact.email: "anna(at)example.de" ist keine E-Mail-Adresse — schreibe sie als name@example.de`,
			"1 Problem gefunden")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := writeSite(t, map[string]string{"config.yaml": c.config, "content/members/anna-mueller.md": c.profile})
			code, out, errOut := memberdir(t, "check", "--source", dir)
			if code != 1 || out != c.want || errOut != "" {
				t.Errorf("exit %d, stdout:\n%s\nstderr: %s\nwant exit 1, stdout:\n%s", code, out, errOut, c.want)
			}
		})
	}
}

// TestCheckAcrossFiles covers the rules that span files, and FILE
// arguments selecting what is reported.
func TestCheckAcrossFiles(t *testing.T) {
	bob := strings.NewReplacer("Anna Müller", "Bob Schmidt", "anna@", "bob@").Replace(anna)
	dir := writeSite(t, map[string]string{
		"config.yaml":                      deConfig + "exclusive_categories: true\n",
		"content/members/anna-mueller.md":  withLine(9, "tags: [steuern]\nrecommends:\n  - member: bob-schmit\n---"),
		"content/members/bob-schmidt.md":   strings.Replace(bob, "\n---\nIch", "\ntags: [steuern]\n---\nIch", 1),
		"content/members/Bob-Schmidt.md":   bob,
		"content/members/carla-wagner.md":  strings.Replace(anna, "Anna Müller", "Carla Wagner", 1),
		"content/pages/impressum.md":       "---\ntitle: Impressum\nmenu: kopf\n---\n",
		"content/members/dora-neumann.txt": "dora",
	})
	const (
		annaProblem = `content/members/anna-mueller.md:11:13: recommends.member: es gibt kein Mitglied "bob-schmit" — meintest du "bob-schmidt"?`
		bobCase     = `content/members/Bob-Schmidt.md: "bob-schmidt.md" und "Bob-Schmidt.md" unterscheiden sich nur in Groß- und Kleinschreibung — sie bekämen dieselbe Adresse; behalte nur eine`
		bobTags     = `content/members/bob-schmidt.md:9:1: tags: die Kategorie "steuern" gehört schon einem anderen Mitglied (content/members/anna-mueller.md:9) — in diesem Netzwerk gibt es nur ein Mitglied pro Kategorie; wähle eine andere Hauptkategorie oder sprich mit der Organisation`
		doraExt     = `content/members/dora-neumann.txt: "dora-neumann.txt" ist kein Profil — Profile sind Markdown-Dateien; benenne die Datei in "dora-neumann.md" um`
	)
	code, out, _ := memberdir(t, "check", "--source", dir)
	got := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	for _, want := range []string{annaProblem, bobCase, bobTags, doraExt} {
		if !slices.Contains(got, want) {
			t.Errorf("missing line\n%s\nin\n%s", want, out)
		}
	}
	if code != 1 || got[len(got)-1] != "6 Probleme gefunden" {
		t.Errorf("exit %d, last line %q", code, got[len(got)-1])
	}

	// FILEs: relative to the source folder, from the current folder,
	// absolute, or a folder; cross-file problems in them count.
	t.Chdir(filepath.Dir(dir))
	fromCwd := filepath.Join(filepath.Base(dir), "content", "members", "bob-schmidt.md")
	for _, args := range [][]string{
		{"content/members/bob-schmidt.md"},
		{fromCwd},
		{filepath.Join(dir, "content/members/bob-schmidt.md")},
	} {
		code, out, errOut := memberdir(t, append([]string{"check", "--source", dir}, args...)...)
		if want := lines(bobTags, "1 Problem gefunden"); code != 1 || out != want {
			t.Errorf("check %s: exit %d, stdout:\n%s\nstderr: %s\nwant:\n%s", args, code, out, errOut, want)
		}
	}
	code, out, _ = memberdir(t, "check", "--source", dir, "content/members/carla-wagner.md")
	if code != 0 || out != "1 Profil OK\n" {
		t.Errorf("clean file: exit %d, stdout %q", code, out)
	}
	code, out, _ = memberdir(t, "check", "--source", dir, "content/pages")
	if want := "content/pages/impressum.md:3:7: menu: \"kopf\" ist kein Menü — schreibe header, footer oder entferne die Zeile\n"; code != 1 || !strings.HasPrefix(out, want) {
		t.Errorf("folder: exit %d, stdout:\n%s\nwant first line:\n%s", code, out, want)
	}
	for _, c := range []struct{ arg, want string }{
		{"content/members/nobody.md", "memberdir: usage: content/members/nobody.md: no such file — give the path from the site folder, e.g. content/members/anna-mueller.md\n"},
		{"config.yaml", "memberdir: usage: config.yaml is not in the folder " + filepath.Join(dir, "content") + "/ — check checks profiles in content/members/ and pages in content/pages/\n"},
	} {
		code, out, errOut := memberdir(t, "check", "--source", dir, c.arg)
		if code != 2 || out != "" || errOut != c.want {
			t.Errorf("check %s: exit %d, stdout %q, stderr:\n%s\nwant:\n%s", c.arg, code, out, errOut, c.want)
		}
	}
}

func TestCheckOK(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"config.yaml":                     enConfig,
		"content/members/anna-mueller.md": anna,
		"content/members/bob-schmidt.md":  strings.Replace(anna, "Anna Müller", "Bob Schmidt", 1),
	})
	code, out, errOut := memberdir(t, "check", "--source", dir)
	if code != 0 || out != "2 profiles OK\n" || errOut != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	// The bundled example site.
	code, out, errOut = memberdir(t, "check", "--source", "../..")
	if code != 0 || !regexp.MustCompile(`^\d+ Profile OK\n$`).MatchString(out) {
		t.Errorf("example site: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestCheckUsage(t *testing.T) {
	dir := writeSite(t, map[string]string{"content/members/anna-mueller.md": anna})
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "xml"}, `--format must be text, github or json, not "xml"`},
		{[]string{"--author", "anna"}, "--author and --base go together"},
		{[]string{"--base", "main"}, "--author and --base go together"},
		{[]string{"--author", "anna", "--base", "--upload-pack=x"}, "is not a git revision"},
		{[]string{"--nope"}, "flag provided but not defined"},
	} {
		code, _, errOut := memberdir(t, append([]string{"check", "--source", dir}, c.args...)...)
		if code != 2 || !strings.Contains(errOut, c.want) {
			t.Errorf("check %s: exit %d, stderr:\n%s\nwant %q", c.args, code, errOut, c.want)
		}
	}
	code, _, errOut := memberdir(t, "check", "--source", t.TempDir())
	if code != 2 || !strings.Contains(errOut, "content/members: no such folder") {
		t.Errorf("no site: exit %d, stderr %q", code, errOut)
	}
}

// githubSite has problems whose messages need escaping in workflow
// commands: a "%", a ":" and a "," in the quoted value, a "," in a file
// name.
func githubSite(t *testing.T) string {
	return writeSite(t, map[string]string{
		"config.yaml":                     deConfig,
		"content/members/anna-mueller.md": withLine(8, "  website: 50%,x:y|*_"),
		"content/members/a,b.md":          anna,
	})
}

func TestCheckGitHub(t *testing.T) {
	noGitHubEnv(t)
	dir := githubSite(t)
	code, out, errOut := memberdir(t, "check", "--source", dir, "--format", "github")
	want := []string{
		`::error file=content/members/a%2Cb.md,title=Profilprüfung::der Dateiname "a,b.md" ist keine gültige Adresse — benenne die Datei in "a-b.md" um (nur a-z, 0-9 und Bindestriche)`,
		`::error file=content/members/anna-mueller.md,line=8,col=12,title=Profilprüfung%3A contact.website::"50%25,x:y|*_" ist keine Webadresse — schreibe sie als https://www.example.de/…`,
		"### Profilprüfung: 2 Probleme gefunden",
		"",
		"GitHub markiert höchstens zehn davon direkt an den Zeilen deiner Datei; diese Tabelle zeigt alle. Korrigiere jede Zeile, speichere (Commit) erneut, und die Prüfung läuft von selbst noch einmal.",
		"",
		"| Datei | Zeile | Feld | Problem |",
		"|---|---|---|---|",
		`| content/members/a,b.md |  |  | der Dateiname "a,b.md" ist keine gültige Adresse — benenne die Datei in "a-b.md" um (nur a-z, 0-9 und Bindestriche) |`,
		`| content/members/anna-mueller.md | 8 | ` + "`contact.website`" + ` | "50%,x:y\|\*\_" ist keine Webadresse — schreibe sie als https://www.example.de/… |`,
	}
	got := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 1 || errOut != "" {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	for i := range max(len(got), len(want)) {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, g, w)
		}
	}

	// With a step summary file (kept as it was, the table appended) and
	// the repository's root above the site folder.
	summary := filepath.Join(t.TempDir(), "summary.md")
	os.WriteFile(summary, []byte("# Earlier step\n"), 0o644)
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	t.Setenv("GITHUB_WORKSPACE", filepath.Dir(dir))
	code, out, _ = memberdir(t, "check", "--source", dir, "--format", "github")
	site := filepath.Base(dir)
	wantOut := lines(
		`::error file=`+site+`/content/members/a%2Cb.md,title=Profilprüfung::der Dateiname "a,b.md" ist keine gültige Adresse — benenne die Datei in "a-b.md" um (nur a-z, 0-9 und Bindestriche)`,
		`::error file=`+site+`/content/members/anna-mueller.md,line=8,col=12,title=Profilprüfung%3A contact.website::"50%25,x:y|*_" ist keine Webadresse — schreibe sie als https://www.example.de/…`,
		`content/members/a,b.md: der Dateiname "a,b.md" ist keine gültige Adresse — benenne die Datei in "a-b.md" um (nur a-z, 0-9 und Bindestriche)`,
		`content/members/anna-mueller.md:8:12: contact.website: "50%,x:y|*_" ist keine Webadresse — schreibe sie als https://www.example.de/…`,
		"2 Probleme gefunden",
	)
	if code != 1 || out != wantOut {
		t.Errorf("with summary file: exit %d, stdout:\n%s\nwant:\n%s", code, out, wantOut)
	}
	data, _ := os.ReadFile(summary)
	if s := string(data); !strings.HasPrefix(s, "# Earlier step\n### Profilprüfung: 2 Probleme gefunden\n") ||
		!strings.Contains(s, "| "+site+"/content/members/anna-mueller.md | 8 | `contact.website` |") {
		t.Errorf("summary file:\n%s", s)
	}

	// A clean run says so in the summary too.
	clean := writeSite(t, map[string]string{"config.yaml": enConfig, "content/members/anna-mueller.md": anna})
	os.Remove(summary)
	code, out, _ = memberdir(t, "check", "--source", clean, "--format", "github")
	data, _ = os.ReadFile(summary)
	if code != 0 || out != "1 profile OK\n" || string(data) != "### Profile check: 1 profile OK\n\n" {
		t.Errorf("clean: exit %d, stdout %q, summary %q", code, out, data)
	}
}

func TestEscapeWorkflowCommand(t *testing.T) {
	e := &member.Error{Pos: member.Pos{Path: "a:b,c%.md", Line: 3, Col: 4}, Field: "why", Msg: "100% sicher\r\nzweite Zeile: a, b"}
	want := "::error file=a%3Ab%2Cc%25.md,line=3,col=4,title=profile check%3A why::100%25 sicher%0D%0Azweite Zeile: a, b"
	if got := annotation(e.Pos.Path, e, "en"); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestCheckJSON(t *testing.T) {
	noGitHubEnv(t)
	dir := githubSite(t)
	code, out, _ := memberdir(t, "check", "--source", dir, "--format", "json")
	var got struct {
		Problems []map[string]any `json:"problems"`
		Count    int              `json:"count"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := map[string]any{"file": "content/members/anna-mueller.md", "line": 8.0, "column": 12.0, "field": "contact.website",
		"message": `"50%,x:y|*_" ist keine Webadresse — schreibe sie als https://www.example.de/…`}
	if code != 1 || got.Count != 2 || len(got.Problems) != 2 || !maps.Equal(got.Problems[1], want) || got.Problems[0]["line"] != 0.0 {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
	clean := writeSite(t, map[string]string{"content/members/anna-mueller.md": anna})
	code, out, _ = memberdir(t, "check", "--source", clean, "--format", "json")
	if code != 0 || out != "{\n  \"problems\": [],\n  \"count\": 0\n}\n" {
		t.Errorf("clean: exit %d, output %q", code, out)
	}
}

// gitRepo is a temporary git repository; it skips the test when git is
// missing, except on CI.
type gitRepo struct {
	t   *testing.T
	dir string
}

func newGitRepo(t *testing.T, files map[string]string) *gitRepo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("git is missing")
		}
		t.Skip("git is missing")
	}
	r := &gitRepo{t: t, dir: writeSite(t, nil)}
	r.git("orga", "init", "-q", "-b", "main")
	r.commit("orga", "start", files)
	return r
}

// git runs git as the user who, isolated from the tester's configuration.
func (r *gitRepo) git(who string, args ...string) {
	r.t.Helper()
	r.gitEnv(who, nil, args...)
}

func (r *gitRepo) gitEnv(who string, env []string, args ...string) {
	r.t.Helper()
	args = append([]string{"-c", "user.name=" + who, "-c", "user.email=" + who + "@example.de", "-c", "commit.gpgsign=false"}, args...)
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	cmd.Env = append(append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1"), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// commit writes files ("" deletes one) and commits them as who.
func (r *gitRepo) commit(who, msg string, files map[string]string, env ...string) {
	r.t.Helper()
	for p, content := range files {
		if content == "" {
			r.git(who, "rm", "-q", p)
			continue
		}
		full := filepath.Join(r.dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			r.t.Fatal(err)
		}
		r.git(who, "add", p)
	}
	r.gitEnv(who, env, "commit", "-q", "-m", msg)
}

func pngFile(t *testing.T) string {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 2, 2))); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// owned returns anna's profile for another person with an owner line.
func owned(name, email, owner string) string {
	p := strings.NewReplacer("Anna Müller", name, "anna@example.de", email).Replace(anna)
	if owner != "" {
		p = strings.Replace(p, "\n---\nIch", "\nowner: "+owner+"\n---\nIch", 1)
	}
	return p
}

// TestCheckOwnership runs check --author --base against a real git
// repository: pull requests by members, each on its own branch off main.
func TestCheckOwnership(t *testing.T) {
	noGitHubEnv(t)
	r := newGitRepo(t, map[string]string{
		"config.yaml":                      "language: en\norganiser:\n  github: [Orga-Admin]\n",
		"content/members/anna-mueller.md":  strings.Replace(owned("Anna Müller", "anna@example.de", "anna-m"), "owner:", "photo: anna-mueller.png\nowner:", 1),
		"content/members/anna-mueller.png": pngFile(t),
		"content/members/bob-schmidt.md":   owned("Bob Schmidt", "bob@example.de", "bob"),
		"content/members/carla-wagner.md":  owned("Carla Wagner", "carla@example.de", ""),
	})
	branch := func(name, who string, files map[string]string) {
		r.git(who, "checkout", "-q", "-b", name, "main")
		r.commit(who, name, files)
	}
	check := func(branchName, author string) (int, string) {
		t.Helper()
		r.git("orga", "checkout", "-q", branchName)
		code, out, errOut := memberdir(t, "check", "--source", r.dir, "--author", author, "--base", "main")
		if errOut != "" {
			t.Errorf("%s: stderr %s", branchName, errOut)
		}
		return code, out
	}

	branch("own-edit", "anna-m", map[string]string{
		"content/members/anna-mueller.md":  strings.Replace(owned("Anna Müller", "anna@example.de", "anna-m"), "Beratung", "Beratung und Coaching", 1),
		"content/members/anna-mueller.png": "",
	})
	branch("foreign-edit", "anna-m", map[string]string{
		"content/members/bob-schmidt.md":  owned("Bob Schmidt", "bob@example.com", "bob"),
		"content/members/carla-wagner.md": "",
		"content/members/dora-neumann.md": owned("Dora Neumann", "dora@example.de", ""),
		"content/members/erik-lang.md":    owned("Erik Lang", "erik@example.de", "erik"),
		// Naming oneself organiser in the same pull request does not help.
		"config.yaml": "language: en\norganiser:\n  github: [Orga-Admin, anna-m]\n",
	})
	r.git("orga", "checkout", "-q", "own-edit")
	branch("rename-own", "anna-m", map[string]string{
		"content/members/anna-mueller.md":      "",
		"content/members/anna-mueller-koch.md": owned("Anna Müller-Koch", "anna@example.de", "anna-m"),
	})
	branch("rename-foreign", "anna-m", map[string]string{
		"content/members/bob-schmidt.md":   "",
		"content/members/bob-schmitt.md":   owned("Bob Schmidt", "bob@example.de", "anna-m"),
		"content/members/anna-mueller.png": pngFile(t) + "x",
	})
	// main moves on after the branches: a new member, added by the
	// organiser, is not counted as deleted by the pull requests.
	r.git("orga", "checkout", "-q", "main")
	r.commit("orga", "welcome", map[string]string{"content/members/frank-berg.md": owned("Frank Berg", "frank@example.de", "frank")})

	if code, out := check("own-edit", "Anna-M"); code != 0 || out != "3 profiles OK\n" {
		t.Errorf("own-edit: exit %d, stdout:\n%s", code, out)
	}
	if code, out := check("rename-own", "anna-m"); code != 0 {
		t.Errorf("rename-own: exit %d, stdout:\n%s", code, out)
	}
	code, out := check("foreign-edit", "anna-m")
	want := lines(
		`config.yaml: only the organisers (Orga-Admin) may change config.yaml — leave this change out of your pull request, or ask them to make it`,
		`content/members/bob-schmidt.md: this profile belongs to the GitHub user bob, not to you (anna-m) — change only your own profile, or ask bob or the organisers to make this change`,
		`content/members/carla-wagner.md: this profile names no owner, so only the organisers may change or delete it — if it is yours, ask them to add the line "owner: anna-m"`,
		`content/members/dora-neumann.md:2: owner: a new profile must name you as its owner — add the line "owner: anna-m"`,
		`content/members/erik-lang.md:9: owner: the new profile names erik as its owner, but you (anna-m) are adding it — write "owner: anna-m", or let erik add the profile`,
		"5 problems found",
	)
	if code != 1 || out != want {
		t.Errorf("foreign-edit: exit %d, stdout:\n%s\nwant:\n%s", code, out, want)
	}
	// A rename is a delete and an add; anna's own photo is hers.
	code, out = check("rename-foreign", "anna-m")
	if want := lines(
		`content/members/bob-schmidt.md: only the owner bob or the organisers may delete this profile, not you (anna-m)`,
		"1 problem found",
	); code != 1 || out != want {
		t.Errorf("rename-foreign: exit %d, stdout:\n%s", code, out)
	}
	if code, out := check("rename-foreign", "bob"); code != 1 || !strings.Contains(out, "content/members/anna-mueller.png: this file belongs to the profile content/members/anna-mueller.md of the GitHub user anna-m, not to you (bob) — change only your own photo\n") {
		t.Errorf("rename-foreign by bob: exit %d, stdout:\n%s", code, out)
	}
	if code, out := check("foreign-edit", "orga-admin"); code != 0 {
		t.Errorf("organiser: exit %d, stdout:\n%s", code, out)
	}
	// The github format marks the files.
	r.git("orga", "checkout", "-q", "foreign-edit")
	_, out, _ = memberdir(t, "check", "--source", r.dir, "--author", "anna-m", "--base", "main", "--format", "github")
	if !strings.Contains(out, "\n::error file=content/members/bob-schmidt.md,title=profile check::this profile belongs to the GitHub user bob") {
		t.Errorf("github format:\n%s", out)
	}
	code, _, errOut := memberdir(t, "check", "--source", r.dir, "--author", "anna-m", "--base", "origin/main")
	if code != 2 || !strings.Contains(errOut, `"origin/main" is not a revision of this repository`) {
		t.Errorf("unknown base: exit %d, stderr %q", code, errOut)
	}
}

// TestNew creates a profile, refuses to overwrite it, and checks that it
// passes once its placeholders are filled.
func TestNew(t *testing.T) {
	dir := writeSite(t, map[string]string{"config.yaml": deConfig})
	code, out, errOut := memberdir(t, "new", "--source", dir, "Anna Müller")
	file := filepath.Join(dir, "content", "members", "anna-mueller.md")
	wantOut := lines(
		file+" angelegt",
		"Nächste Schritte:",
		`  1. Fülle die leeren ""-Felder aus; die Zeilen mit # davor erklären jedes Feld.`,
		"     Ersetze den Beispieltext unter dem zweiten --- durch deine Geschichte oder lösche ihn.",
		"  2. Prüfe das Profil: memberdir check --source "+dir+" content/members/anna-mueller.md",
		"  3. Sieh dir die Website an: memberdir serve --source "+dir,
	)
	if code != 0 || out != wantOut || errOut != "" {
		t.Fatalf("exit %d, stdout:\n%s\nstderr: %s\nwant:\n%s", code, out, errOut, wantOut)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if !strings.HasPrefix(text, "---\n# yaml-language-server: $schema=../../memberdir.schema.json\n# Dein Name, wie man dich kennt, z. B. Anna Müller.\nname: \"Anna Müller\"\n") {
		t.Errorf("profile starts:\n%.300s", text)
	}
	if !strings.Contains(text, "member_since: "+time.Now().Format("2006-01")+"\n") {
		t.Errorf("member_since is not this month:\n%s", text)
	}

	// Unfilled, it fails, and says where.
	code, out, _ = memberdir(t, "check", "--source", dir)
	line := func(field string) int {
		return slices.Index(strings.Split(text, "\n"), field) + 1
	}
	want := lines(
		"content/members/anna-mueller.md:"+strconv.Itoa(line(`mission: ""`))+":10: mission: ist leer — schreibe den Wert hinter \"mission: \"",
		"content/members/anna-mueller.md:"+strconv.Itoa(line(`why: ""`))+":6: why: ist leer — schreibe den Wert hinter \"why: \"",
		"content/members/anna-mueller.md:"+strconv.Itoa(line(`  - ""`))+":5: offerings: hat einen leeren Punkt — schreibe ihn hinter \"- \"",
		"content/members/anna-mueller.md:"+strconv.Itoa(line(`  email: ""`))+":3: contact: braucht mindestens eines von email, phone oder website",
		"content/members/anna-mueller.md:"+strconv.Itoa(line(member.Msg("de", "new.body")))+":1: "+member.Msg("de", "body.placeholder"),
		"5 Probleme gefunden",
	)
	if code != 1 || out != want {
		t.Errorf("unfilled: exit %d, stdout:\n%s\nwant:\n%s", code, out, want)
	}

	// Filled, it passes.
	filled := strings.NewReplacer(
		`mission: ""`, `mission: "Ich helfe kleinen Firmen, ihre Zahlen zu verstehen."`,
		`why: ""`, `why: "Weil mein Vater sein Geschäft verlor."`,
		`  - ""`, `  - "Beratung"`,
		`  email: ""`, `  email: "anna@example.de"`,
		`tags: []`, `tags: [steuern]`,
		member.Msg("de", "new.body"), "Seit 2010 erkläre ich Handwerksbetrieben ihre Zahlen.",
	).Replace(text)
	os.WriteFile(file, []byte(filled), 0o644)
	if code, out, _ := memberdir(t, "check", "--source", dir, "content/members/anna-mueller.md"); code != 0 || out != "1 Profil OK\n" {
		t.Errorf("filled: exit %d, stdout:\n%s", code, out)
	}

	// It never overwrites.
	code, out, errOut = memberdir(t, "new", "--source", dir, "Anna", "Müller")
	if want := "memberdir: " + file + " gibt es schon — bearbeite diese Datei oder wähle einen anderen Namen (z. B. mit zweitem Vornamen)\n"; code != 2 || out != "" || errOut != want {
		t.Errorf("overwrite: exit %d, stdout %q, stderr:\n%s\nwant:\n%s", code, out, errOut, want)
	}
	if now, _ := os.ReadFile(file); string(now) != filled {
		t.Error("the existing profile was changed")
	}

	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, `new needs the member's name, e.g. memberdir new "Anna Müller"`},
		{[]string{"  "}, `new needs the member's name`},
		{[]string{"!!!"}, `"!!!" gives no file name`},
		{[]string{"日本"}, `"日本" gives no file name`},
	} {
		code, _, errOut := memberdir(t, append([]string{"new", "--source", dir}, c.args...)...)
		if code != 2 || !strings.Contains(errOut, c.want) {
			t.Errorf("new %q: exit %d, stderr %q, want %q", c.args, code, errOut, c.want)
		}
	}
	if code, _, errOut := memberdir(t, "new", "--source", t.TempDir(), "Anna"); code != 2 || !strings.Contains(errOut, "run memberdir in the site's folder") {
		t.Errorf("no site: exit %d, stderr %q", code, errOut)
	}
}

func TestNewSlugs(t *testing.T) {
	dir := writeSite(t, map[string]string{"config.yaml": enConfig})
	for name, slug := range map[string]string{
		"Jürgen Weiß-Öztürk":        "juergen-weiss-oeztuerk",
		"José María García":         "jose-maria-garcia",
		"Dr. Änne O'Brien":          "dr-aenne-obrien",
		"  Zoë   Łukasz  ":          "zoe-lukasz",
		"Marie-Christine Straßburg": "marie-christine-strassburg",
	} {
		code, out, errOut := memberdir(t, "new", "--source", dir, name)
		file := filepath.Join(dir, "content", "members", slug+".md")
		if code != 0 || !strings.HasPrefix(out, "created "+file+"\nNext steps:\n") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want %s", name, code, out, errOut, file)
		}
	}
}

func TestSchemaCommand(t *testing.T) {
	dir := writeSite(t, map[string]string{"config.yaml": enConfig + "extra_fields:\n  - name: instagram\n    label: Instagram\n    type: url\n"})
	code, out, _ := memberdir(t, "schema", "--source", dir)
	var s struct {
		Schema     string `json:"$schema"`
		Properties map[string]struct {
			Description string
			// The category ids, for editors to offer; a label is
			// accepted too, by a pattern beside them.
			Items struct {
				AnyOf []struct{ Enum []string }
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil || code != 0 {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	nameField, _ := member.Lookup("name")
	if s.Schema != "https://json-schema.org/draft/2020-12/schema" || s.Properties["name"].Description != nameField.Doc["en"] ||
		len(s.Properties["tags"].Items.AnyOf) == 0 || !slices.Equal(s.Properties["tags"].Items.AnyOf[0].Enum, []string{"steuern", "recht"}) || s.Properties["instagram"].Description != "Instagram" {
		t.Errorf("schema:\n%s", out)
	}
	if code, _, errOut := memberdir(t, "schema", "x"); code != 2 || !strings.Contains(errOut, "schema takes no arguments") {
		t.Errorf("argument: exit %d, stderr %q", code, errOut)
	}
	bad := writeSite(t, map[string]string{"config.yaml": "language: fr\n"})
	if code, _, errOut := memberdir(t, "schema", "--source", bad); code != 1 || !strings.Contains(errOut, `config.yaml:1:11: language: "fr"`) {
		t.Errorf("bad config: exit %d, stderr %q", code, errOut)
	}
}

func TestLastUpdated(t *testing.T) {
	r := newGitRepo(t, map[string]string{
		"content/members/anna.md": "a1",
		"content/members/bob.md":  "b1",
	})
	// Commit dates are set explicitly; %cs is the committer's date.
	r.commit("anna", "anna again", map[string]string{"content/members/anna.md": "a2"},
		"GIT_COMMITTER_DATE=2024-05-06T12:00:00+02:00", "GIT_AUTHOR_DATE=2024-05-06T12:00:00+02:00")
	r.commit("bob", "bob", map[string]string{"content/members/bob.md": "b2"},
		"GIT_COMMITTER_DATE=2023-01-02T12:00:00+00:00")
	r.commit("orga", "other", map[string]string{"config.yaml": "title: x\n"},
		"GIT_COMMITTER_DATE=2025-01-01T12:00:00+00:00")
	// Not committed: the file's time.
	os.WriteFile(filepath.Join(r.dir, "content/members/carla.md"), []byte("c"), 0o644)
	mtime := time.Date(2022, 8, 9, 23, 30, 0, 0, time.FixedZone("", -5*3600)) // 2022-08-10 in UTC
	os.Chtimes(filepath.Join(r.dir, "content/members/carla.md"), mtime, mtime)

	got := lastUpdated(r.dir, []string{"content/members/anna.md", "content/members/bob.md", "content/members/carla.md", "content/members/nobody.md"})
	want := map[string]string{"content/members/anna.md": "2024-05-06", "content/members/bob.md": "2023-01-02", "content/members/carla.md": "2022-08-10"}
	if !maps.Equal(got, want) {
		t.Errorf("in git: got %v, want %v", got, want)
	}

	// A site in a subfolder of the repository.
	sub := newGitRepo(t, map[string]string{"site/content/members/anna.md": "a"})
	sub.commit("anna", "anna", map[string]string{"site/content/members/anna.md": "a2"}, "GIT_COMMITTER_DATE=2021-03-01T12:00:00+00:00")
	if got := lastUpdated(filepath.Join(sub.dir, "site"), []string{"content/members/anna.md"}); got["content/members/anna.md"] != "2021-03-01" {
		t.Errorf("subfolder: %v", got)
	}

	// Outside git: modification times.
	plain := writeSite(t, map[string]string{"content/members/anna.md": "a"})
	os.Chtimes(filepath.Join(plain, "content/members/anna.md"), mtime, mtime)
	if got := lastUpdated(plain, []string{"content/members/anna.md"}); !maps.Equal(got, map[string]string{"content/members/anna.md": "2022-08-10"}) {
		t.Errorf("outside git: %v", got)
	}
}

// TestWorkflows checks the GitHub workflows parse and run what the README
// and CONTRIBUTING.md promise.
func TestWorkflows(t *testing.T) {
	for file, wants := range map[string][]string{
		"check.yml": {"pull_request", "fetch-depth: 0", "go-version-file: go.mod",
			"go run ./cmd/memberdir check --format github --author \"$AUTHOR\" --base \"$BASE\"",
			"AUTHOR: ${{ github.event.pull_request.user.login }}", "BASE: origin/${{ github.base_ref }}"},
		"pages.yml": {"branches: [main]", "go run ./cmd/memberdir build", "actions/upload-pages-artifact", "path: public/",
			"actions/deploy-pages", "pages: write", "id-token: write", "concurrency:", "fetch-depth: 0"},
	} {
		data, err := os.ReadFile(filepath.Join("../../.github/workflows", file))
		if err != nil {
			t.Fatal(err)
		}
		var v map[string]any
		if err := yaml.Unmarshal(data, &v); err != nil {
			t.Errorf("%s: %v", file, err)
		}
		for _, w := range wants {
			if !strings.Contains(string(data), w) {
				t.Errorf("%s does not contain %q", file, w)
			}
		}
	}
}

// TestContributing checks that the members' guide names every field of
// the rule table, in both its German and its English part.
func TestContributing(t *testing.T) {
	data, err := os.ReadFile("../../CONTRIBUTING.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	i := strings.Index(text, "\n# English")
	if i < 0 {
		t.Fatal("CONTRIBUTING.md has no heading \"# English\"")
	}
	for part, s := range map[string]string{"German": text[:i], "English": text[i:]} {
		for _, f := range member.ProfileFields {
			names := []string{f.Name}
			for _, sub := range f.Sub {
				names = append(names, sub.Name)
			}
			for _, n := range names {
				if !strings.Contains(s, "`"+n+"`") {
					t.Errorf("%s part does not name the field `%s`", part, n)
				}
			}
			// The field's row in the table states its limits.
			row := regexp.MustCompile("(?m)^\\| (\\*\\*)?`" + f.Name + "`(\\*\\*)? \\|.*$").FindString(s)
			if row == "" {
				t.Errorf("%s part has no table row for `%s`", part, f.Name)
				continue
			}
			if f.Required != strings.HasPrefix(row, "| **") {
				t.Errorf("%s part: `%s` is required: %v, but its row is bold: %v", part, f.Name, f.Required, !f.Required)
			}
			for _, n := range []int{f.Max, f.ItemMax} {
				if n > 0 && !strings.Contains(row, " "+strconv.Itoa(n)) {
					t.Errorf("%s part: the row of `%s` does not say %d:\n%s", part, f.Name, n, row)
				}
			}
		}
	}
}

// TestHelp shows that every way of asking for help exits 0 and that
// "memberdir help COMMAND" gives the command's own options, as README.md
// and the usage text say.
func TestHelp(t *testing.T) {
	for _, c := range []struct {
		args       []string
		wantStdout string // in stdout
		wantStderr string // in stderr
	}{
		{[]string{"help"}, `Run "memberdir help COMMAND"`, ""},
		{[]string{"--help"}, "memberdir build   [--source DIR] [--out DIR] [--drafts]", ""},
		{[]string{"-h"}, "memberdir serve   [--addr 127.0.0.1:8080]", ""},
		{[]string{"help", "build"}, "usage: memberdir build [--source DIR] [--out DIR] [--drafts]\n", ""},
		{[]string{"help", "build"}, "-out folder\n    \toutput folder, replaced as a whole (default: public/ in the source folder)", ""},
		{[]string{"help", "serve"}, "usage: memberdir serve [--addr 127.0.0.1:8080] [--source DIR] [--drafts]\n", ""},
		{[]string{"help", "check"}, "usage: memberdir check [--source DIR] [--format text|github|json] [--author USER --base REV] [FILE…]\n", ""},
		{[]string{"help", "new"}, `usage: memberdir new [--source DIR] "Anna Müller"`, ""},
		{[]string{"help", "schema"}, "usage: memberdir schema [--source DIR] > memberdir.schema.json", ""},
		{[]string{"build", "-h"}, "usage: memberdir build", ""},
		{[]string{"serve", "--help"}, "usage: memberdir serve", ""},
		{[]string{"check", "-help"}, "usage: memberdir check", ""},
		{[]string{"help", "nonsense"}, "memberdir turns member profiles into a directory website.", ""},
	} {
		code, out, errOut := memberdir(t, c.args...)
		// Help is asked for, so it goes to stdout; stderr stays empty.
		if code != 0 || !strings.Contains(out, c.wantStdout) || !strings.Contains(errOut, c.wantStderr) || c.wantStderr == "" && errOut != "" {
			t.Errorf("memberdir %s: exit %d, stdout:\n%s\nstderr:\n%s\nwant exit 0, stdout with %q, stderr with %q", c.args, code, out, errOut, c.wantStdout, c.wantStderr)
		}
	}
}

// TestUsageError shows that a mistake in calling a command is no help:
// the error and the usage go to stderr, with exit 2, and stdout stays
// empty for what a script reads.
func TestUsageError(t *testing.T) {
	for _, args := range [][]string{
		{"build", "--nope"},
		{"check", "--format"},
		{"schema", "-x"},
	} {
		code, out, errOut := memberdir(t, args...)
		if code != 2 || out != "" || !strings.Contains(errOut, "usage: memberdir "+args[0]) || !strings.Contains(errOut, "memberdir: usage: ") {
			t.Errorf("memberdir %s: exit %d, stdout:\n%s\nstderr:\n%s", args, code, out, errOut)
		}
	}
}

// TestNewInNewSite shows where new starts the first profile of a new
// site: in a folder with config.yaml or content/ (config.yaml is
// optional), not in any other folder.
func TestNewInNewSite(t *testing.T) {
	for _, c := range []struct {
		name  string
		files []string // created empty, "/" at the end for a folder
		code  int
	}{
		{"config.yaml only", []string{"config.yaml"}, 0},
		{"content/ only", []string{"content/"}, 0},
		{"content/members/ only", []string{"content/members/"}, 0},
		{"an empty folder", nil, 2},
		{"another project", []string{"go.mod", "main.go"}, 2},
	} {
		dir := t.TempDir()
		for _, f := range c.files {
			full := filepath.Join(dir, filepath.FromSlash(f))
			if strings.HasSuffix(f, "/") {
				os.MkdirAll(full, 0o755)
			} else {
				os.WriteFile(full, nil, 0o644)
			}
		}
		code, out, errOut := memberdir(t, "new", "--source", dir, "Jörg Weiß")
		_, err := os.Stat(filepath.Join(dir, "content", "members", "joerg-weiss.md"))
		switch {
		case code != c.code:
			t.Errorf("%s: exit %d, want %d; stdout %q, stderr %q", c.name, code, c.code, out, errOut)
		case c.code == 0 && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.code != 0 && (err == nil || !strings.Contains(errOut, "has neither config.yaml nor content/ — run memberdir in the site's folder or pass --source DIR")):
			t.Errorf("%s: stderr %q, file: %v", c.name, errOut, err)
		}
	}
}
