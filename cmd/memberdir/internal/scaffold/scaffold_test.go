package scaffold

import (
	"regexp"
	"strings"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/load"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// site returns the files of a new site as path → text.
func site(t *testing.T, lang, version string) map[string]string {
	t.Helper()
	fs, err := Files(Options{Language: lang, Version: version})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range fs {
		out[f.Path] = string(f.Data)
	}
	return out
}

// TestFiles shows what a new site holds in each language, and that the
// workflows install the version asked for.
func TestFiles(t *testing.T) {
	common := []string{".github/workflows/check.yml", ".github/workflows/pages.yml", ".gitignore",
		"CONTRIBUTING.md", "config.yaml", "content/members/README.md", "memberdir.schema.json"}
	for lang, pages := range map[string][]string{
		"de": {"content/pages/datenschutz.md", "content/pages/impressum.md"},
		"en": {"content/pages/imprint.md", "content/pages/privacy.md"},
	} {
		got := site(t, lang, "v1.4.2")
		if len(got) != len(common)+len(pages) {
			t.Errorf("%s: %d files, want %d: %v", lang, len(got), len(common)+len(pages), got)
		}
		for _, p := range append(common, pages...) {
			s, ok := got[p]
			if !ok {
				t.Errorf("%s: no %s", lang, p)
				continue
			}
			if strings.Contains(s, "[[") || strings.Contains(s, "]]") || strings.Contains(s, "<no value>") {
				t.Errorf("%s: %s has template text left:\n%s", lang, p, s)
			}
		}
		for _, w := range []string{"check.yml", "pages.yml"} {
			s := got[".github/workflows/"+w]
			if !strings.Contains(s, "go install github.com/memberdir/memberdir/cmd/memberdir@v1.4.2\n") {
				t.Errorf("%s: %s does not install v1.4.2:\n%s", lang, w, s)
			}
			if strings.Contains(s, "go.mod") || strings.Contains(s, "./cmd/memberdir") {
				t.Errorf("%s: %s needs the memberdir repository:\n%s", lang, w, s)
			}
		}
		if !strings.Contains(got[".gitignore"], "\npublic/\n.public.previous/\n") {
			t.Errorf("%s: .gitignore:\n%s", lang, got[".gitignore"])
		}
		if !strings.Contains(got["config.yaml"], "\nlanguage: "+lang+"\n") {
			t.Errorf("%s: config.yaml does not say its language", lang)
		}
		// The guide leads with the site's language.
		first := map[string]string{"de": "# Dein Profil bearbeiten\n", "en": "# Edit your profile\n"}[lang]
		if !strings.HasPrefix(got["CONTRIBUTING.md"], first) {
			t.Errorf("%s: CONTRIBUTING.md starts %q", lang, got["CONTRIBUTING.md"][:40])
		}
	}
	latest := site(t, "de", "latest")[".github/workflows/check.yml"]
	if !strings.Contains(latest, "cmd/memberdir@latest\n") || !strings.Contains(latest, "neuesten Version") {
		t.Errorf("check.yml for latest:\n%s", latest)
	}
}

// TestFilesRefuses shows that Files takes only the languages it has and
// versions that are one word on the go install line.
func TestFilesRefuses(t *testing.T) {
	for _, o := range []Options{{"fr", "latest"}, {"de", ""}, {"de", "v1 && curl x"}, {"en", "$(id)"}} {
		if _, err := Files(o); err == nil {
			t.Errorf("Files(%+v) = nil error", o)
		}
	}
}

// TestConfigExamples shows that the commented examples of config.yaml,
// uncommented, are valid settings: an organiser who follows them gets no
// error but the logo file that the example names and a site lacks.
func TestConfigExamples(t *testing.T) {
	example := regexp.MustCompile(`^(\s*)# ((?:categories|footer|strings|contact|extra_fields|theme|subject):.*|  .*)$`)
	for _, lang := range Languages {
		src := site(t, lang, "latest")["config.yaml"]
		var out []string
		n := 0
		for _, l := range strings.Split(src, "\n") {
			if m := example.FindStringSubmatch(l); m != nil {
				l = m[1] + m[2]
				n++
			}
			out = append(out, l)
		}
		if n < 20 {
			t.Errorf("%s: only %d example lines found", lang, n)
		}
		cfg, errs := load.Config(load.ConfigFile, []byte(strings.Join(out, "\n")))
		if len(errs) > 0 {
			t.Errorf("%s: the examples uncommented:\n%v", lang, errs)
		}
		if len(cfg.Categories) != 2 || len(cfg.ExtraFields) != 1 || cfg.Theme.Logo != "content/logo.svg" || cfg.Referral.Subject == "" || cfg.ContactSubject == "" || len(cfg.Footer) != 1 || len(cfg.Strings) != 1 {
			t.Errorf("%s: not every example was read: %+v", lang, cfg)
		}
	}
}

// TestConfigNamesEveryKey shows that config.yaml explains every setting
// memberdir reads: the keys of load.ConfigKeys.
func TestConfigNamesEveryKey(t *testing.T) {
	keys := load.ConfigKeys()
	if len(keys) < 15 {
		t.Fatalf("found only %d keys in load.ConfigKeys: %q", len(keys), keys)
	}
	for _, lang := range Languages {
		src := site(t, lang, "latest")["config.yaml"]
		for _, k := range keys {
			if !regexp.MustCompile(`(?m)^(#\s*)?\s*` + regexp.QuoteMeta(k) + `:`).MatchString(src) {
				t.Errorf("%s: config.yaml does not name %q", lang, k)
			}
		}
	}
}

// TestGuide shows that the members' guide names every profile field in
// both of its parts, and that its sample profiles pass the check.
func TestGuide(t *testing.T) {
	for _, lang := range Languages {
		guide := site(t, lang, "latest")["CONTRIBUTING.md"]
		de, en := strings.Index(guide, "# Dein Profil bearbeiten\n"), strings.Index(guide, "# Edit your profile\n")
		if de < 0 || en < 0 {
			t.Fatalf("%s: the guide lacks a part", lang)
		}
		parts := map[string]string{"de": guide[de:], "en": guide[en:]}
		if de < en {
			parts["de"] = guide[de:en]
		} else {
			parts["en"] = guide[en:de]
		}
		for part, s := range parts {
			for _, f := range member.ProfileFields {
				if !strings.Contains(s, "`"+f.Name+"`") {
					t.Errorf("%s: the %s part does not name `%s` — add it to files/all/CONTRIBUTING.md as to the repository's CONTRIBUTING.md", lang, part, f.Name)
				}
			}
			samples := regexp.MustCompile("(?s)```\n(---\nname: .*?\n---\n.*?)```").FindAllStringSubmatch(s, -1)
			cfg := member.DefaultConfig()
			cfg.Language = part
			checked := 0
			for _, m := range samples {
				if strings.Contains(m[1], "\n…\n") {
					continue // a fragment, "…" standing for the other fields
				}
				if _, errs := load.Profile(load.MembersDir+"/anna-mueller.md", []byte(m[1]), &cfg); len(errs) > 0 {
					t.Errorf("%s: the %s part's sample profile:\n%s\n%v", lang, part, m[1], errs)
				}
				checked++
			}
			if checked == 0 {
				t.Errorf("%s: the %s part has no whole sample profile", lang, part)
			}
		}
	}
}
