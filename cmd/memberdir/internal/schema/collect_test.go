package schema

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/load"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/synth"
)

// This file collects the profiles that the tests of other packages feed
// to `memberdir check`, so that TestAgree can validate each of them with
// the schema too. Those tables live in test files of other packages,
// which cannot be imported; they are read as Go source instead, and the
// profile texts are evaluated from their expressions: string literals,
// +, the constants and variables of the file's package, the strings
// functions, member.Msg, and load's test helpers profile, withBody and e,
// rebuilt below. An expression that uses anything else is skipped and
// counted.

// input is one profile for TestAgree.
type input struct {
	from string // where it was collected, for messages
	text string
	cfg  member.Config
}

// goEnv evaluates the expressions of one package's files.
type goEnv struct {
	decls   map[string]ast.Expr // package-level constants and variables
	cache   map[string]any
	busy    map[string]bool
	skipped int
}

// parseDir reads the files of a package folder, test files included.
func parseDir(t *testing.T, dir string) (*goEnv, map[string]*ast.File) {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	env := &goEnv{decls: map[string]ast.Expr{}, cache: map[string]any{}, busy: map[string]bool{}}
	files := map[string]*ast.File{}
	fset := token.NewFileSet()
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(name)] = f
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || (g.Tok != token.CONST && g.Tok != token.VAR) {
				continue
			}
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				for i, n := range vs.Names {
					if i < len(vs.Values) {
						env.decls[n.Name] = vs.Values[i]
					}
				}
			}
		}
	}
	return env, files
}

// errNoEval is returned for expressions outside what eval understands.
var errNoEval = fmt.Errorf("not evaluable")

// eval returns the value of e: a string, an int, a []string or a
// []any of composite elements; errNoEval for anything else.
func (env *goEnv) eval(e ast.Expr) (any, error) {
	switch e := e.(type) {
	case *ast.BasicLit:
		switch e.Kind {
		case token.STRING, token.CHAR:
			s, err := strconv.Unquote(e.Value)
			if e.Kind == token.CHAR {
				r, _, _, err2 := strconv.UnquoteChar(e.Value[1:len(e.Value)-1], '\'')
				return string(r), err2
			}
			return s, err
		case token.INT:
			return strconv.Atoi(e.Value)
		}
	case *ast.ParenExpr:
		return env.eval(e.X)
	case *ast.Ident:
		if v, ok := env.cache[e.Name]; ok {
			return v, nil
		}
		d, ok := env.decls[e.Name]
		if !ok || env.busy[e.Name] {
			return nil, errNoEval
		}
		env.busy[e.Name] = true
		v, err := env.eval(d)
		env.busy[e.Name] = false
		if err == nil {
			env.cache[e.Name] = v
		}
		return v, err
	case *ast.BinaryExpr:
		x, err := env.eval(e.X)
		if err != nil {
			return nil, err
		}
		y, err := env.eval(e.Y)
		if err != nil {
			return nil, err
		}
		switch x := x.(type) {
		case string:
			if y, ok := y.(string); ok && e.Op == token.ADD {
				return x + y, nil
			}
		case int:
			if y, ok := y.(int); ok {
				switch e.Op {
				case token.ADD:
					return x + y, nil
				case token.SUB:
					return x - y, nil
				case token.MUL:
					return x * y, nil
				}
			}
		}
	case *ast.CompositeLit:
		if at, ok := e.Type.(*ast.ArrayType); ok {
			if id, ok := at.Elt.(*ast.Ident); ok && id.Name == "string" {
				var out []string
				for _, el := range e.Elts {
					s, err := env.str(el)
					if err != nil {
						return nil, err
					}
					out = append(out, s)
				}
				return out, nil
			}
		}
	case *ast.CallExpr:
		return env.call(e)
	}
	return nil, errNoEval
}

func (env *goEnv) str(e ast.Expr) (string, error) {
	v, err := env.eval(e)
	if err != nil {
		return "", err
	}
	s, ok := v.(string)
	if !ok {
		return "", errNoEval
	}
	return s, nil
}

// call evaluates the calls of the functions profile texts are built with.
func (env *goEnv) call(e *ast.CallExpr) (any, error) {
	var args []any
	for _, a := range e.Args {
		v, err := env.eval(a)
		if err != nil {
			return nil, err
		}
		args = append(args, v)
	}
	if e.Ellipsis.IsValid() && len(args) > 0 {
		rest, ok := args[len(args)-1].([]string)
		if !ok {
			return nil, errNoEval
		}
		args = args[:len(args)-1]
		for _, s := range rest {
			args = append(args, s)
		}
	}
	strs := func() ([]string, bool) {
		var out []string
		for _, a := range args {
			s, ok := a.(string)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	name := ""
	switch fn := e.Fun.(type) {
	case *ast.Ident:
		name = fn.Name
	case *ast.SelectorExpr:
		if x, ok := fn.X.(*ast.Ident); ok {
			name = x.Name + "." + fn.Sel.Name
		}
	case *ast.ArrayType: // []byte(s)
		name = "[]byte"
	}
	s, ok := strs()
	switch {
	case name == "e" || name == "lines" && ok:
		if name == "lines" {
			return strings.Join(s, "\n") + "\n", nil
		}
		return s, nil
	case (name == "string" || name == "[]byte") && len(args) == 1:
		if s, ok := args[0].(string); ok {
			return s, nil
		}
	case name == "profile" && ok:
		return env.profile(s...)
	case name == "withBody" && ok && len(s) >= 1:
		p, err := env.profile(s[1:]...)
		if err != nil {
			return nil, err
		}
		return strings.TrimSuffix(p, "Ich bin Anna.\n") + s[0], nil
	case name == "member.Msg" && ok && len(s) == 2:
		return member.Msg(s[0], s[1]), nil
	case name == "strings.Repeat" && len(args) == 2:
		s, ok1 := args[0].(string)
		n, ok2 := args[1].(int)
		if ok1 && ok2 && n >= 0 && n*len(s) <= load.MaxProfileSize*2 {
			return strings.Repeat(s, n), nil
		}
	case name == "strings.Replace" && len(args) == 4:
		s, ok1 := args[0].(string)
		o, ok2 := args[1].(string)
		n, ok3 := args[2].(string)
		c, ok4 := args[3].(int)
		if ok1 && ok2 && ok3 && ok4 {
			return strings.Replace(s, o, n, c), nil
		}
	case name == "strings.ReplaceAll" && ok && len(s) == 3:
		return strings.ReplaceAll(s[0], s[1], s[2]), nil
	case name == "strings.TrimSuffix" && ok && len(s) == 2:
		return strings.TrimSuffix(s[0], s[1]), nil
	case name == "strings.TrimPrefix" && ok && len(s) == 2:
		return strings.TrimPrefix(s[0], s[1]), nil
	}
	return nil, errNoEval
}

// profile is load's test helper of the same name (helper_test.go): its
// variable validProfile with edits applied by synth.Edit, as there.
func (env *goEnv) profile(edits ...string) (string, error) {
	v, err := env.eval(&ast.Ident{Name: "validProfile"})
	if err != nil {
		return "", err
	}
	return synth.Edit(v.([]string), edits...), nil
}

// loadConfig is load's test helper config with the cfg function of a
// profileCase (withCategories, withExtra) applied, as evaluated from
// their source.
func loadConfig(lang string, fn string) member.Config {
	if lang == "" {
		lang = "en"
	}
	cfg := member.DefaultConfig()
	cfg.Language = lang
	switch fn {
	case "withCategories":
		cfg.Categories = []member.ConfigCategory{{ID: "steuern", Label: "Steuerberatung"}, {ID: "recht", Label: "Rechtsberatung"}}
	case "withExtra":
		cfg.ExtraFields = []member.ExtraField{{Name: "termin", Label: "Termin", Type: "url"}, {Name: "branchen", Label: "Branchen", Type: "list"}}
	}
	return cfg
}

// loadCases collects the profileCase rows of package load's tables
// (profileCases, frontMatterCases, placeholderCases, …) and the other
// profile texts of its test files: strings that start a front matter.
func loadCases(t *testing.T) (out []input, skipped int) {
	dir := filepath.Join("..", "load")
	env, files := parseDir(t, dir)
	// withCategories and withExtra must still be what loadConfig
	// rebuilds.
	src, err := os.ReadFile(filepath.Join(dir, "profile_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`c.Categories = []member.ConfigCategory{{ID: "steuern", Label: "Steuerberatung"}, {ID: "recht", Label: "Rechtsberatung"}}`,
		`c.ExtraFields = []member.ExtraField{{Name: "termin", Label: "Termin", Type: "url"}, {Name: "branchen", Label: "Branchen", Type: "list"}}`,
	} {
		if !strings.Contains(string(src), want) {
			t.Fatalf("load's withCategories or withExtra changed; update loadConfig to: %s", want)
		}
	}
	seen := map[string]bool{}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if !strings.HasSuffix(name, "_test.go") || strings.HasPrefix(name, "config") || strings.HasPrefix(name, "pages") || strings.HasPrefix(name, "site") {
			// config.yaml and pages are not profiles; site_test.go's
			// sites are txtar archives of several files.
			continue
		}
		ast.Inspect(files[name], func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				if id, ok := n.Type.(*ast.Ident); ok && id.Name == "profileCase" || isProfileCaseRow(n) {
					in, ok := env.profileCase(name, n)
					if !ok {
						skipped++
					} else if !seen[in.text+in.cfg.Language+fmt.Sprint(in.cfg.Categories, in.cfg.ExtraFields)] {
						seen[in.text+in.cfg.Language+fmt.Sprint(in.cfg.Categories, in.cfg.ExtraFields)] = true
						out = append(out, in)
					}
					return false
				}
			case ast.Expr:
				if s, err := env.str(n); err == nil {
					if strings.HasPrefix(strings.TrimPrefix(s, "\ufeff"), "---") && !seen[s] {
						seen[s] = true
						out = append(out, input{from: name + ": " + firstLine(s), text: s, cfg: loadConfig("en", "")})
					}
					return false
				}
			}
			return true
		})
	}
	return out, skipped
}

// isProfileCaseRow reports whether n is an element of a []profileCase
// literal written without its type: {name: …, edits: …}.
func isProfileCaseRow(n *ast.CompositeLit) bool {
	if n.Type != nil || len(n.Elts) == 0 {
		return false
	}
	kv, ok := n.Elts[0].(*ast.KeyValueExpr)
	if !ok {
		return false
	}
	k, ok := kv.Key.(*ast.Ident)
	return ok && k.Name == "name" && slices.ContainsFunc(n.Elts, func(e ast.Expr) bool {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			return false
		}
		k, ok := kv.Key.(*ast.Ident)
		return ok && (k.Name == "edits" || k.Name == "text" || k.Name == "want")
	})
}

// profileCase evaluates one row of load's profile tables.
func (env *goEnv) profileCase(file string, n *ast.CompositeLit) (input, bool) {
	var name, lang, cfgFn string
	var edits []string
	text, hasText := "", false
	for _, el := range n.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return input{}, false
		}
		switch kv.Key.(*ast.Ident).Name {
		case "name":
			name, _ = env.str(kv.Value)
		case "lang":
			lang, _ = env.str(kv.Value)
		case "cfg":
			id, ok := kv.Value.(*ast.Ident)
			if !ok {
				return input{}, false
			}
			cfgFn = id.Name
		case "edits":
			v, err := env.eval(kv.Value)
			if err != nil {
				return input{}, false
			}
			if v != nil {
				edits = v.([]string)
			}
		case "text":
			s, err := env.str(kv.Value)
			if err != nil {
				return input{}, false
			}
			text, hasText = s, s != ""
		}
	}
	if !hasText {
		p, err := env.profile(edits...)
		if err != nil {
			return input{}, false
		}
		text = p
	}
	return input{from: file + ": " + name, text: text, cfg: loadConfig(lang, cfgFn)}, true
}

// fuzzCorpus returns the inputs of load's seed corpus of FuzzProfile.
func fuzzCorpus(t *testing.T) []input {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "load", "testdata", "fuzz", "FuzzProfile", "*"))
	if err != nil {
		t.Fatal(err)
	}
	var out []input
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")
		if len(lines) != 2 || lines[0] != "go test fuzz v1" || !strings.HasPrefix(lines[1], "string(") {
			t.Fatalf("%s: not a corpus entry of one string", f)
		}
		s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(lines[1], "string("), ")"))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, input{from: "fuzz corpus " + filepath.Base(f), text: s, cfg: loadConfig("en", "withCategories")})
	}
	return out
}

// hostileProfiles returns the profiles of cmd/memberdir's hostile tests.
func hostileProfiles(t *testing.T, cfg member.Config) []input {
	env, files := parseDir(t, filepath.Join("..", ".."))
	if _, ok := files["hostile_test.go"]; !ok {
		t.Fatal("no hostile_test.go")
	}
	var out []input
	ast.Inspect(files["hostile_test.go"], func(n ast.Node) bool {
		if e, ok := n.(ast.Expr); ok {
			if s, err := env.str(e); err == nil {
				if strings.HasPrefix(s, "---\n") {
					out = append(out, input{from: "hostile_test.go: " + firstLine(s), text: s, cfg: cfg})
				}
				return false
			}
		}
		return true
	})
	if len(out) == 0 {
		t.Fatal("no profile found in hostile_test.go")
	}
	return out
}

// checkValues returns profiles made from the values of the tables of
// package member's tests of single checks (check_test.go): each value
// put into the field that check applies to, quoted, and also as written
// when YAML reads it as the same plain text.
func checkValues(t *testing.T, cfg member.Config) []input {
	env, files := parseDir(t, filepath.Join("..", "member"))
	f := files["check_test.go"]
	if f == nil {
		t.Fatal("no check_test.go in package member")
	}
	// fields names the field each test's values belong in.
	fields := map[string]string{
		"TestCheckEmail":     "contact.email",
		"TestCheckURL":       "contact.website",
		"TestCheckPhone":     "contact.phone",
		"TestIsSlug":         "recommends.member",
		"TestParseDate":      "member_since",
		"TestCheckScripts":   "name",
		"TestLookalikeNames": "company",
	}
	// TestCheckSmall names its check per row.
	small := map[string]string{"CheckLang": "languages", "CheckGitHub": "owner", "CheckPhoto": "photo"}
	var out []input
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		field, ok := fields[fn.Name.Name]
		if !ok && fn.Name.Name != "TestCheckSmall" {
			continue
		}
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			cl, ok := n.(*ast.CompositeLit)
			if !ok || len(cl.Elts) == 0 {
				return true
			}
			if _, isRow := cl.Type.(*ast.StructType); isRow || cl.Type == nil {
				at := field
				var value ast.Expr
				for i, el := range cl.Elts {
					switch el := el.(type) {
					case *ast.KeyValueExpr:
						if id, ok := el.Value.(*ast.Ident); ok && small[id.Name] != "" {
							at = small[id.Name]
						}
						if k, ok := el.Key.(*ast.Ident); ok && k.Name == "in" {
							value = el.Value
						}
					case *ast.Ident:
						if small[el.Name] != "" {
							at = small[el.Name]
						}
					default:
						if value == nil && i <= 2 {
							if _, err := env.str(el); err == nil {
								value = el
							}
						}
					}
				}
				if value == nil || at == "" {
					return true
				}
				s, err := env.str(value)
				if err != nil {
					return false
				}
				for _, text := range withValue(at, s) {
					out = append(out, input{from: fmt.Sprintf("member/check_test.go %s: %s %q", fn.Name.Name, at, s), text: text, cfg: cfg})
				}
				return false
			}
			return true
		})
	}
	return out
}

// withValue returns the valid profile with v put into field: quoted in
// double quotes, and plain when YAML reads it plain as the same text.
func withValue(field, v string) []string {
	quoted := strconv.Quote(v) // Go's escapes are YAML's too
	forms := []string{quoted}
	if plainText(v) {
		forms = append(forms, v)
	}
	var out []string
	for _, f := range forms {
		var repl string
		switch field {
		case "contact.email", "contact.website", "contact.phone":
			repl = "contact:\n  email: anna@example.de\n  " + strings.TrimPrefix(field, "contact.") + ": " + f
			if field == "contact.email" {
				repl = "contact:\n  email: " + f
			}
		case "recommends.member":
			repl = "recommends:\n  - member: " + f
		case "languages":
			repl = "languages:\n  - " + f
		default:
			repl = field + ": " + f
		}
		out = append(out, replaceField(valid, repl))
	}
	return out
}

// replaceField replaces the top-level field of repl (with its indented
// lines) in profile, or adds repl as the last field.
func replaceField(profile, repl string) string {
	key, _, _ := strings.Cut(repl, ":")
	lines := strings.Split(profile, "\n")
	closing := slices.Index(lines[1:], "---") + 1
	for i := 1; i < closing; i++ {
		if strings.HasPrefix(lines[i], key+":") {
			j := i + 1
			for j < closing && strings.HasPrefix(lines[j], " ") {
				j++
			}
			lines = slices.Replace(lines, i, j, repl)
			return strings.Join(lines, "\n")
		}
	}
	lines = slices.Insert(lines, closing, repl)
	return strings.Join(lines, "\n")
}

func firstLine(s string) string {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "---"), "\n")
	l, _, _ := strings.Cut(s, "\n")
	if len(l) > 60 {
		l = l[:60] + "…"
	}
	return strconv.Quote(l)
}
