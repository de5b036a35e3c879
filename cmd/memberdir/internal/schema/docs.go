package schema

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// Docs are the hand-written documents that hold field tables generated
// from member.ProfileFields, each with the names of its tables: README.md
// the organisers' rules, CONTRIBUTING.md the members' guide in German and
// English. Each table stands between the lines
//
//	<!-- fields:start NAME -->
//	<!-- fields:end NAME -->
//
// and everything outside them is left as written. `go generate
// ./cmd/memberdir/internal/member` rewrites them (see gendocs).
var Docs = []struct {
	File   string
	Tables []string
}{
	{"README.md", []string{"rules"}},
	{"CONTRIBUTING.md", []string{"de", "en"}},
}

// Regenerate is the command that rewrites the generated parts of Docs and
// the example site's memberdir.schema.json, for the messages of the tests
// that find them stale.
const Regenerate = "go generate ./cmd/memberdir/internal/member"

// FieldTable returns the Markdown table called name: "rules" (README.md:
// field, required, rule, the required fields first) or a language of the
// members' guide, "de" or "en" (CONTRIBUTING.md: field, what goes in, a
// Map's fields in rows of their own, the required ones in bold).
func FieldTable(name string) (string, error) {
	var rows []row
	switch name {
	case "rules":
		for _, required := range []bool{true, false} {
			for _, f := range member.ProfileFields {
				if f.Required == required {
					rows = append(rows, row{name: "`" + f.Name + "`", cells: []string{yesNo(f.Required), limits(f.Rule, f)}})
				}
			}
		}
		return table([]string{"field", "required", "rule"}, rows), nil
	case "de", "en":
		lang := name
		for _, f := range member.ProfileFields {
			key := "`" + f.Name + "`"
			if f.Required {
				key = "**" + key + "**"
			}
			rows = append(rows, row{name: key, cells: []string{limits(f.Guide[lang], f)}})
			if f.Kind != member.Map {
				continue
			}
			for _, s := range f.Sub {
				rows = append(rows, row{lead: "`" + f.Name + "` → ", name: "`" + s.Name + "`", cells: []string{limits(s.Guide[lang], s)}})
			}
		}
		head := map[string][]string{"de": {"Feld", "was hinein gehört"}, "en": {"field", "what goes in"}}[lang]
		return table(head, rows), nil
	}
	return "", fmt.Errorf("schema: no field table called %q", name)
}

// row is a row of a field table: the field's name, after lead (its
// group's), and the other cells.
type row struct {
	lead, name string
	cells      []string
}

// table writes rows as a Markdown table under head. Rows next to each
// other with the same lead and cells become one that names all their
// fields: "`company`, `role`, `location`".
func table(head []string, rows []row) string {
	var b strings.Builder
	b.WriteString("| " + strings.Join(head, " | ") + " |\n|")
	b.WriteString(strings.Repeat("---|", len(head)))
	b.WriteString("\n")
	for i := 0; i < len(rows); {
		r, names := rows[i], []string{rows[i].name}
		j := i + 1
		for ; j < len(rows) && rows[j].lead == r.lead && slices.Equal(rows[j].cells, r.cells); j++ {
			names = append(names, rows[j].name)
		}
		b.WriteString("| " + r.lead + strings.Join(names, ", ") + " | " + strings.Join(r.cells, " | ") + " |\n")
		i = j
	}
	return b.String()
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// limits puts the field's limits into text for {min}, {max} and
// {itemmax}.
func limits(text string, f member.Field) string {
	return strings.NewReplacer("{min}", strconv.Itoa(f.Min), "{max}", strconv.Itoa(f.Max), "{itemmax}", strconv.Itoa(f.ItemMax)).Replace(text)
}

// Splice returns doc with the table called name, between its markers,
// replaced by table. It is an error when the markers are missing or out
// of order, so that a table cannot silently stop being generated.
func Splice(doc []byte, name, table string) ([]byte, error) {
	start := []byte("<!-- fields:start " + name + " -->\n")
	end := []byte("<!-- fields:end " + name + " -->")
	i, j := bytes.Index(doc, start), bytes.Index(doc, end)
	if i < 0 || j < i+len(start) || bytes.Count(doc, start) != 1 || bytes.Count(doc, end) != 1 {
		return nil, fmt.Errorf("the markers %q and %q are missing, twice, or out of order", strings.TrimSpace(string(start)), end)
	}
	var out bytes.Buffer
	out.Write(doc[:i+len(start)])
	out.WriteString(table)
	out.Write(doc[j:])
	return out.Bytes(), nil
}

// Generate returns doc, the text of the file Docs calls file, with its
// tables generated anew.
func Generate(file string, doc []byte) ([]byte, error) {
	for _, d := range Docs {
		if d.File != file {
			continue
		}
		for _, name := range d.Tables {
			t, err := FieldTable(name)
			if err != nil {
				return nil, err
			}
			if doc, err = Splice(doc, name, t); err != nil {
				return nil, fmt.Errorf("%s: %w", file, err)
			}
		}
		return doc, nil
	}
	return nil, fmt.Errorf("schema: %s has no generated tables", file)
}
