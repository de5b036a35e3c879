package schema

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDocsGenerated holds the field tables of README.md and
// CONTRIBUTING.md to what member.ProfileFields says now.
func TestDocsGenerated(t *testing.T) {
	for _, d := range Docs {
		got, err := os.ReadFile(filepath.Join(repoRoot, d.File))
		if err != nil {
			t.Fatal(err)
		}
		want, err := Generate(d.File, got)
		if err != nil {
			t.Fatalf("%v; put the markers back around the table", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the field tables are not what member.ProfileFields says; run at the repository root: %s", d.File, Regenerate)
		}
	}
}

// TestFieldTable checks the shape of the generated tables: a row for each
// field, merged rows for fields of one text, limits put in, and the
// required fields first in the rules, bold in the guide.
func TestFieldTable(t *testing.T) {
	rules, err := FieldTable("rules")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(rules, "\n"), "\n")
	if lines[0] != "| field | required | rule |" || lines[1] != "|---|---|---|" || !strings.HasPrefix(lines[2], "| `name` | yes | your name, 1–100 characters |") {
		t.Errorf("rules table begins:\n%s", strings.Join(lines[:3], "\n"))
	}
	if !strings.Contains(rules, "\n| `company`, `role`, `location` | no | short text (≤ 100 each) |\n") {
		t.Errorf("company, role and location, of one text, are not one row:\n%s", rules)
	}
	de, err := FieldTable("de")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| **`mission`** |", "| `contact` → `linkedin`, `xing` | Adressen deiner Profile dort", "| `contact` → `public` |"} {
		if !strings.Contains(de, want) {
			t.Errorf("German table lacks %q:\n%s", want, de)
		}
	}
	if strings.Contains(de+rules, "{") {
		t.Errorf("a placeholder is left:\n%s%s", de, rules)
	}
	if _, err := FieldTable("fr"); err == nil {
		t.Error("a table in French")
	}
}

func TestSplice(t *testing.T) {
	doc := []byte("intro\n<!-- fields:start en -->\nold\n<!-- fields:end en -->\noutro\n")
	got, err := Splice(doc, "en", "new\n")
	if err != nil || string(got) != "intro\n<!-- fields:start en -->\nnew\n<!-- fields:end en -->\noutro\n" {
		t.Errorf("Splice = %q, %v", got, err)
	}
	for _, bad := range []string{
		"no markers\n",
		"<!-- fields:end en -->\n<!-- fields:start en -->\n",
		"<!-- fields:start en -->\n<!-- fields:end en -->\n<!-- fields:start en -->\n<!-- fields:end en -->\n",
	} {
		if _, err := Splice([]byte(bad), "en", "x\n"); err == nil {
			t.Errorf("Splice(%q) gives no error", bad)
		}
	}
}
