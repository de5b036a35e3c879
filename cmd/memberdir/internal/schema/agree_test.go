package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/load"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// checkOnly are the rules of `memberdir check` that the schema cannot
// express, by message key, each with why. TestAgree fails when check
// refuses a profile that the schema accepts for a reason not listed here,
// and when a rule listed here is not needed by any collected profile.
var checkOnly = []struct{ key, why string }{
	// The file around the front matter, which the schema never sees.
	{"file.empty", "the schema sees the front matter only, not the file around it"},
	{"file.binary", "the schema sees the front matter only, not the file around it"},
	{"file.utf16", "the schema sees the front matter only, not the file's encoding"},
	{"file.utf8", "the schema sees the front matter only, not the file's encoding"},
	{"fm.missing", "the schema sees the front matter only, not whether it is there"},
	{"fm.notfirst", "the schema sees the front matter only, not the lines before it"},
	{"fm.baddelim", "the schema sees the front matter only, not the lines around it"},
	{"fm.unclosed", "the schema sees the front matter only, not the lines around it"},
	{"body.twice", "the text below the front matter is not in the schema"},
	{"body.placeholder", "the text below the front matter is not in the schema"},
	// How a value is written in YAML, which the schema does not see.
	{"yaml.alias", "editors expand anchors and aliases before they apply the schema; check refuses them to keep profiles plain"},
	{"yaml.reserved", "editors read an unknown !tag as text before they apply the schema"},
	{"yaml.hashtag", "YAML drops a #comment before the schema sees the value"},
	{"yaml.itemdeeper", "YAML reads a list item indented too far as part of the one above, which is valid text to the schema"},
	{"field.smartquotes", "the schema sees the value, not whether it was quoted, and typographic quotes are valid text"},
	// Text that looks like something else: Unicode properties and
	// absences that JSON Schema patterns cannot say in a way Go and
	// JavaScript (without the u flag) read alike.
	{"text.hidden", "invisible control characters include ones beyond U+FFFF, which a JavaScript pattern without the u flag cannot put in a class"},
	{"field.control", "invisible control characters include ones beyond U+FFFF, which a JavaScript pattern without the u flag cannot put in a class"},
	{"text.hiddenname", "joiners are allowed after some scripts only, which takes Unicode script properties (\\p{Script=…}) that patterns without the u flag lack"},
	{"text.scripts", "mixed scripts in a word take Unicode script properties that patterns without the u flag lack"},
	{"text.compat", "styled letters (mathematical, circled, full-width outside CJK text) depend on the other letters of the name"},
	{"text.emphasis", "Markdown emphasis as check reads it (paired stars, a single star allowed) needs look-ahead, which Go's patterns lack"},
	{"text.entity", "an HTML character reference is refused only when it decodes to something else, which a pattern cannot decode"},
	{"value.placeholder", "the explanations are compared ignoring case and a final full stop, in every language"},
	{"value.samplephone", "the sample number is compared digit by digit, however it is spaced"},
	{"url.scripts", "mixed scripts in a host name, also written as xn--, take decoding and script properties"},
	{"url.lookalike", "a host wholly in Cyrillic or Greek letters that look Latin depends on its top-level domain and on decoding xn--"},
	{"url.host", "the hosts LinkedIn and XING links must lead to are load's table (profileHosts); a pattern could say it, but would copy that table"},
	// Rules about several values, or about the day check runs.
	{"date.future", "the schema is written once; today's date changes"},
	{"recommends.twice", "uniqueItems compares whole entries, so the same member with two notes, or with and without .md, passes"},
	{"field.duplicateitem", "a category's id and its label, or two spellings of a free tag, name the same tag; uniqueItems compares the texts"},
	{"tag.invalid", "a free tag must have a letter or digit that Slugify keeps, which takes its transliteration table"},
	{"thanks.future", "the schema is written once; today's date changes"},
	{"thanks.twice", "the same member and date twice is refused whatever the notes say; uniqueItems compares whole entries, so two notes, or bernd and bernd.md, pass"},
	{"thanks.private", "a client's e-mail address or phone number inside a note is found by member.PrivateDetail, which lets a German date (01.02.2025) through after matching it; saying that in one pattern takes look-ahead, which Go's patterns lack"},
}

// editorView reads a profile's front matter as an editor's YAML
// language server does before it applies the schema: YAML 1.2's core
// schema, so that 2021-03-01 and yes are text, 0x1F and 1e3 numbers,
// true and false booleans; anchors and aliases expanded. ok is false when
// there is no front matter to read (no --- lines, not UTF-8 text), yamlErr
// true when the editor would show a YAML error instead of the schema's.
func editorView(text string) (v any, ok, yamlErr bool) {
	text = strings.TrimPrefix(text, "\ufeff")
	if !utf8.ValidString(text) || strings.ContainsRune(text, 0) {
		return nil, false, false
	}
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(text, "\n")
	if strings.TrimRight(lines[0], " \t") != "---" {
		return nil, false, false
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i], " \t") == "---" {
			end = i
			break
		}
	}
	if end < 0 {
		return nil, false, false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(strings.Join(lines[1:end], "\n")), &doc); err != nil {
		return nil, true, true
	}
	if len(doc.Content) == 0 {
		return map[string]any{}, true, false
	}
	val, err := coreValue(doc.Content[0], 0)
	if err != nil {
		return nil, true, true
	}
	// Through JSON, as the validator expects its instances.
	data, err := json.Marshal(val)
	if err != nil {
		panic(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		panic(err)
	}
	return inst, true, false
}

// YAML 1.2 core schema: the plain scalars that are not text.
var (
	coreNull  = regexp.MustCompile(`^(?:~|null|Null|NULL|)$`)
	coreBool  = regexp.MustCompile(`^(?:true|True|TRUE|false|False|FALSE)$`)
	coreInt   = regexp.MustCompile(`^[-+]?[0-9]+$`)
	coreOct   = regexp.MustCompile(`^0o[0-7]+$`)
	coreHex   = regexp.MustCompile(`^0x[0-9a-fA-F]+$`)
	coreFloat = regexp.MustCompile(`^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$`)
	coreInf   = regexp.MustCompile(`^[-+]?\.(?:inf|Inf|INF)$`)
	coreNaN   = regexp.MustCompile(`^\.(?:nan|NaN|NAN)$`)
)

// coreValue returns n as a JSON value. Duplicate keys are an error, as in
// editors; aliases are expanded (to a limited depth, against alias bombs).
func coreValue(n *yaml.Node, depth int) (any, error) {
	if depth > 50 {
		return nil, fmt.Errorf("too deep")
	}
	switch n.Kind {
	case yaml.AliasNode:
		return coreValue(n.Alias, depth+10)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			if _, dup := m[k]; dup {
				return nil, fmt.Errorf("duplicate key %s", k)
			}
			v, err := coreValue(n.Content[i+1], depth+1)
			if err != nil {
				return nil, err
			}
			m[k] = v
		}
		return m, nil
	case yaml.SequenceNode:
		s := []any{}
		for _, c := range n.Content {
			v, err := coreValue(c, depth+1)
			if err != nil {
				return nil, err
			}
			s = append(s, v)
		}
		return s, nil
	case yaml.ScalarNode:
		v := n.Value
		if n.Style&yaml.TaggedStyle != 0 {
			switch n.Tag {
			case "!!str":
				return v, nil
			case "!!null":
				return nil, nil
			}
		}
		if n.Style&^yaml.TaggedStyle != 0 {
			return v, nil // quoted, literal or folded
		}
		switch {
		case coreNull.MatchString(v):
			return nil, nil
		case coreBool.MatchString(v):
			return v[0] == 't' || v[0] == 'T', nil
		case coreInt.MatchString(v):
			i, _ := new(big.Int).SetString(strings.TrimPrefix(v, "+"), 10)
			return json.Number(i.String()), nil
		case coreOct.MatchString(v):
			i, _ := new(big.Int).SetString(v[2:], 8)
			return json.Number(i.String()), nil
		case coreHex.MatchString(v):
			i, _ := new(big.Int).SetString(v[2:], 16)
			return json.Number(i.String()), nil
		case coreFloat.MatchString(v):
			f, _ := new(big.Float).SetString(v)
			return json.Number(f.Text('g', 20)), nil
		case coreInf.MatchString(v):
			// JSON has no infinity; the biggest number stands for it.
			return json.Number(strings.TrimSuffix(v[:len(v)-4], "+") + "1e308"), nil
		case coreNaN.MatchString(v):
			return json.Number("0"), nil
		}
		return v, nil
	}
	return nil, fmt.Errorf("YAML node kind %v", n.Kind)
}

// msgPattern matches the messages of key in both languages.
func msgPattern(key string) *regexp.Regexp {
	verb := regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z]`)
	var alts []string
	for _, lang := range []string{"en", "de"} {
		f := member.Msg(lang, key)
		if f == key {
			panic("no message " + key)
		}
		var b strings.Builder
		last := 0
		for _, m := range verb.FindAllStringIndex(f, -1) {
			b.WriteString(regexp.QuoteMeta(f[last:m[0]]))
			b.WriteString(`(?s:.*)`)
			last = m[1]
		}
		b.WriteString(regexp.QuoteMeta(f[last:]))
		alts = append(alts, b.String())
	}
	return regexp.MustCompile(`^(?:` + strings.Join(alts, "|") + `)$`)
}

// TestAgree validates every profile collected from the repository's
// tests and example site with the schema, as an editor does, and with
// load.Profile, as `memberdir check` does, and holds them to the same
// verdict: a profile one accepts the other accepts, except for the rules
// in checkOnly.
func TestAgree(t *testing.T) {
	example := exampleConfig(t)
	var inputs []input
	count := map[string]int{}
	add := func(source string, in []input) {
		if len(in) == 0 {
			t.Errorf("no profiles collected from %s", source)
		}
		count[source] = len(in)
		inputs = append(inputs, in...)
	}

	files, err := filepath.Glob(filepath.Join(repoRoot, load.MembersDir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	var examples []input
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		examples = append(examples, input{from: load.MembersDir + "/" + filepath.Base(f), text: string(data), cfg: example})
	}
	add("the example site", examples)

	var own []input
	for _, c := range agreeCases(t) {
		own = append(own, input{from: "agreeCases: " + c.name, text: c.profile, cfg: agreeConfig(example)})
	}
	add("agreeCases", own)
	loads, skipped := loadCases(t)
	add("load's tests", loads)
	if skipped > 10 {
		t.Errorf("%d rows of load's profile tables could not be evaluated", skipped)
	}
	add("load's fuzz corpus", fuzzCorpus(t))
	add("hostile_test.go", hostileProfiles(t, example))
	add("member/check_test.go", checkValues(t, example))

	schemas := map[string]*jsonschema.Schema{}
	compiled := func(cfg member.Config) *jsonschema.Schema {
		key := fmt.Sprint(cfg.Language, cfg.Categories, cfg.ExtraFields)
		if schemas[key] == nil {
			schemas[key] = compile(t, cfg)
		}
		return schemas[key]
	}
	patterns := make([]*regexp.Regexp, len(checkOnly))
	for i, r := range checkOnly {
		patterns[i] = msgPattern(r.key)
	}
	used := make([]int, len(checkOnly))
	verdicts := map[string]int{}
	for _, in := range inputs {
		path := "content/members/anna.md"
		if strings.HasPrefix(in.from, load.MembersDir) {
			path = in.from
		}
		_, errs := load.Profile(path, []byte(in.text), &in.cfg)
		view, ok, yamlErr := editorView(in.text)
		var schemaErr error
		switch {
		case yamlErr:
			verdicts["YAML error in the editor"]++
			if len(errs) == 0 {
				t.Errorf("%s: the editor shows a YAML error, check accepts it:\n%s", in.from, in.text)
			}
			continue
		case ok:
			schemaErr = compiled(in.cfg).Validate(view)
		default:
			verdicts["no front matter for the editor"]++
		}
		switch {
		case len(errs) == 0 && schemaErr == nil:
			verdicts["both accept"]++
		case len(errs) == 0:
			verdicts["schema refuses, check accepts"]++
			t.Errorf("%s: the schema refuses it, check accepts it:\n%v\n%s", in.from, schemaErr, in.text)
		case schemaErr != nil:
			verdicts["both refuse"]++
		default:
			verdicts["check refuses, schema accepts"]++
			for _, e := range errs {
				i := -1
				for j, p := range patterns {
					if p.MatchString(e.Msg) {
						i = j
						break
					}
				}
				if i < 0 {
					t.Errorf("%s: check refuses it, the schema accepts it:\n%v\n%s", in.from, e, in.text)
					continue
				}
				used[i]++
			}
		}
	}
	for i, r := range checkOnly {
		if used[i] == 0 {
			t.Errorf("check-only rule %s: no collected profile needs it — remove it, or add a profile to agreeCases that shows it", r.key)
		}
	}
	t.Logf("%d profiles: %v; verdicts: %v", len(inputs), count, verdicts)
}

// plainText reports whether YAML reads v written plain after "key: " as
// the text v on one line, so that a test may write it without quotes.
func plainText(v string) bool {
	if v == "" || strings.ContainsAny(v, "\n\r") {
		return false
	}
	var doc yaml.Node
	if yaml.Unmarshal([]byte("key: "+v), &doc) != nil || len(doc.Content) == 0 {
		return false
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode || len(m.Content) != 2 {
		return false
	}
	n := m.Content[1]
	return n.Kind == yaml.ScalarNode && n.Style == 0 && n.Value == v && n.LineComment == ""
}
