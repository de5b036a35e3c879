package diagnose

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// TestParse feeds Parse the web-editor slips that load's messages
// explain and expects each at its line and column, with its message key
// and arguments. Lines count within the YAML text.
func TestParse(t *testing.T) {
	known := func(k string) bool { return k == "name" || k == "email" }
	cases := []struct {
		name, text string
		want       *Problem // nil: the text reads
	}{
		{"fine", "name: Anna\nofferings:\n  - Beratung\n", nil},
		{"empty", "", nil},
		{"tab", "name: A\n\tmission: m\n", &Problem{Line: 2, Col: 1, Key: "yaml.tab"}},
		{"tab after spaces", "contact:\n  \temail: a\n", &Problem{Line: 2, Col: 3, Key: "yaml.tab"}},
		{"non-breaking space after a colon", "name:\u00a0Anna\n", &Problem{Line: 1, Col: 6, Key: "yaml.space", Args: []any{"U+00A0"}}},
		{"non-breaking space in a value", "name: Anna\u00a0Müller\n", nil},
		{"tab in a value", "name: Anna\tMüller\n", nil},
		{"tab in a later line", "name: A\nofferings:\n  - Beratung\n  - Coaching\tund mehr\n", nil},
		{"ideographic space after a colon", "name: A\nmission:\u3000m\n", &Problem{Line: 2, Col: 9, Key: "yaml.space", Args: []any{"U+3000"}}},
		{"tab and an odd space", "name:\u00a0A\n\tmission: m\n", &Problem{Line: 1, Col: 6, Key: "yaml.space", Args: []any{"U+00A0"}}},
		{"indented first field", " name: A\nmission: m\n", &Problem{Line: 1, Col: 1, Key: "yaml.indentfirst", Args: []any{"name"}}},
		{"list with stars", "name: A\nofferings:\n  * Beratung\ncontact: {email: a@example.org}\n",
			&Problem{Line: 3, Col: 3, Key: "yaml.star", Args: []any{"Beratung"}}},
		{"colon in a value", "name: A\nmission: Meine Themen: Geld\n",
			&Problem{Line: 2, Col: 22, Field: "mission", Key: "yaml.colon", Args: []any{"mission"}}},
		{"quotes inside quotes", "name: A\nwhy: \"Ich sage \"Hallo\"\"\n",
			&Problem{Line: 2, Col: 6, Field: "why", Key: "yaml.innerquote", Args: []any{`why: 'Ich sage "Hallo"'`}}},
		{"text after the closing quote", "name: A\nmission: m\nwhy: \"Weil ich es kann.\" Und will.\n",
			&Problem{Line: 3, Col: 26, Field: "why", Key: "yaml.afterquote", Args: []any{"Und will.", `why: "Weil ich es kann. Und will."`, `why: '"Weil ich es kann." Und will.'`}}},
		{"text after a quoted item", "offerings:\n  - \"Beratung\" für Ärzte\n",
			&Problem{Line: 2, Col: 16, Key: "yaml.afterquote", Args: []any{"für Ärzte", `- "Beratung für Ärzte"`, `- '"Beratung" für Ärzte'`}}},
		{"text after a single-quoted value, lines below the mapping's start", "name: A\nmission: m\nwhy: w\nofferings: [a]\nrole: 'Inhaberin' seit 2010\n",
			&Problem{Line: 5, Col: 19, Field: "role", Key: "yaml.afterquote", Args: []any{"seit 2010", `role: 'Inhaberin seit 2010'`, `role: "'Inhaberin' seit 2010"`}}},
		{"a quote in a block is text", "why: |\n  \"Zitat\" sagt er.\nmission: \"m\"\n", nil},
		{"comment after the closing quote", "name: A\nwhy: \"Weil ich es kann.\" # gut\n", nil},
		{"escaped quote inside", "name: A\nwhy: \"Sie sagt \\\"ja\\\"\"\n", nil},
		{"no space after the colon", "name: A\nemail:anna@example.de\n",
			&Problem{Line: 2, Col: 7, Field: "email", Key: "yaml.nospace", Args: []any{"email: anna@example.de"}}},
		{"unclosed quote", "name: \"Anna\nmission: m\n", &Problem{Line: 1, Col: 7, Key: "yaml.quote", Args: []any{`"`}}},
		{"unclosed quote among quoted values", "name: \"A\"\n# Rolle\nrole: \"Inhaberin\n# Ort\nlocation: \"Köln\"\nwhy: \"w\"\n",
			&Problem{Line: 3, Col: 7, Key: "yaml.quote", Args: []any{`"`}}},
		{"unclosed quote in a list among quoted items", "name: \"A\"\nofferings:\n  - \"Beratung\n  - \"Coaching\"\nwhy: \"w\"\n",
			&Problem{Line: 3, Col: 5, Key: "yaml.quote", Args: []any{`"`}}},
		{"owner with @", "name: A\nowner: @anna\n", &Problem{Line: 2, Col: 8, Field: "owner", Key: "yaml.ownerat", Args: []any{"anna"}}},
		{"emphasis at the start", "why: *Weil* ich\n", &Problem{Line: 1, Col: 6, Key: "text.emphasis", Args: []any{"why: Weil ich"}}},
		{"block indicator with text", "why: > Weil ich\n", &Problem{Line: 1, Col: 6, Key: "yaml.block", Args: []any{">", ">", "why: Weil ich"}}},
		{"reserved character", "name: A\nmission: `code`\n", &Problem{Line: 2, Col: 10, Key: "yaml.reserved", Args: []any{"`", "`code`"}}},
		{"alias without anchor", "a: *x\n", &Problem{Line: 1, Col: 4, Key: "yaml.reserved", Args: []any{"*", "*x"}}},
		{"text on the next line", "mission: Ich berate\nkleine Firmen.\nwhy: w\n",
			&Problem{Line: 2, Col: 1, Key: "yaml.continue", Args: []any{"mission", 2}}},
		{"item on the next line", "a:\n- b\nc\n", &Problem{Line: 3, Col: 1, Key: "yaml.nextitem", Args: []any{"- c"}}},
		{"no space after the dash", "offerings:\n  - Beratung\n  -Coaching\n", &Problem{Line: 3, Col: 3, Key: "yaml.dashspace", Args: []any{"Coaching"}}},
		{"item at the left edge", "categories:\n  - id: a\n    label: A\n- id: b\n", &Problem{Line: 4, Col: 1, Key: "yaml.itemleft", Args: []any{2}}},
		{"field of an item", "recommends:\n  - member: lena\n   note: Gut.\n",
			&Problem{Line: 3, Col: 4, Key: "yaml.itemfield", Args: []any{"note", "member", 4}}},
		{"field under a value", "name: A\n  mission: m\n", &Problem{Line: 2, Col: 1, Key: "yaml.indentmore0", Args: []any{"mission", "name"}}},
		{"field under an indented value", "a:\n  b: 1\n   c: 2\n", &Problem{Line: 3, Col: 1, Key: "yaml.indentmore", Args: []any{"c", "b", 2}}},
		{"field lost its indentation", "contact:\nemail: a@b.de\n  phone: 123\n",
			&Problem{Line: 2, Col: 1, Key: "yaml.indentlost", Args: []any{"email", "contact", 2}}},
		{"indented deeper than the field below", "contact:\n    email: a@b.de\n  phone: 1\n",
			&Problem{Line: 2, Col: 1, Key: "yaml.indentbelow", Args: []any{"email:", Indented(4), Spaces(2), "phone:"}}},
		{"between two levels", "a:\n  b:\n    c: 1\n   d: 2\n",
			&Problem{Line: 4, Col: 1, Key: "yaml.disagree", Args: []any{Line(3), Line(4), "c:", Indented(4), "d:", Indented(3)}}},
		{"too deep", "a: " + strings.Repeat("[", 10001), &Problem{Line: 1, Col: 1, Key: "yaml.toodeep"}},
		// yaml.v3's parser counts lines from 0: the complaint is about
		// line 2, not 1.
		{"nothing better known", "a: b\n]\n", &Problem{Line: 2, Col: 1, Key: "yaml.syntax", Args: []any{Complaint("did not find expected key")}}},
		{"a list, then a field", "- a\nb: c\n", &Problem{Line: 2, Col: 1, Key: "yaml.syntax", Args: []any{Complaint("did not find expected '-' indicator")}}},
	}
	for _, c := range cases {
		root, got := Parse(c.text, nil, known)
		if (root == nil) != (c.want != nil) {
			t.Errorf("%s: root %v with problem %+v", c.name, root, got)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", c.name, got, c.want)
		}
	}
}

// TestParseFields shows that Parse asks known before it takes
// "word:value" for a field that lost the space after its colon.
func TestParseFields(t *testing.T) {
	text := "name: A\nmotto:Mut\n"
	if _, p := Parse(text, nil, func(string) bool { return false }); p == nil || p.Key == "yaml.nospace" {
		t.Errorf("an unknown key: %+v", p)
	}
	if _, p := Parse(text, nil, func(k string) bool { return k == "motto" }); p == nil || p.Key != "yaml.nospace" {
		t.Errorf("a known key: %+v", p)
	}
}

// TestHasOddSpace holds hasOddSpace, which skips ASCII, to the check it
// replaced: a character above ASCII that is white space.
func TestHasOddSpace(t *testing.T) {
	texts := []string{
		"", "name: Anna", "name:\u00a0Anna", "a\u0085", "\u1680", "a\u2000b", "\u200a", "\u2028", "\u2029",
		"\u202f", "\u205f", "\u3000", "\u200b", "\ufeff", "Müller – „Zitat“", "\t\n\v\f\r ", "\xff\xc2", "\xc2\xa0",
		"\xe2\x80", "\xe3\x80\x80", "🙂 x",
	}
	odd := func(r rune) bool { return r > unicode.MaxASCII && unicode.IsSpace(r) }
	for _, s := range texts {
		if got, want := hasOddSpace(s), strings.ContainsFunc(s, odd); got != want {
			t.Errorf("hasOddSpace(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestMarkup(t *testing.T) {
	cases := []struct{ in, key, fix string }{
		{"Ich helfe **kleinen** Firmen", "text.emphasis", "Ich helfe kleinen Firmen"},
		{"**a** **b**", "text.emphasis", "a b"},
		{"Müller &amp; Söhne", "text.entity", "Müller & Söhne"},
		{"Unternehmer*innen", "", ""},
		{"a**2 + b**2", "", ""},
		{"__init__", "", ""},
		{"Fish & Chips", "", ""},
		// Markup runs its expressions only on text with "**" or "&";
		// these show that every such text still reaches them.
		{"**Premium**", "text.emphasis", "Premium"},
		{"(**neu**)", "text.emphasis", "(neu)"},
		{"„**neu**“ und **alt**.", "text.emphasis", "„neu“ und alt."},
		{"**a** **b** **c** **d**", "text.emphasis", "a b c d"},
		{"Ich\n**helfe**\nFirmen", "text.emphasis", "Ich\nhelfe\nFirmen"},
		{"***a***", "", ""},
		{"** a **", "", ""},
		{"Müller &amp Söhne", "", ""},
		{"&#228;rger", "text.entity", "ärger"},
		{"&#xE4; &AUML;", "text.entity", "ä &AUML;"},
		{"&Auml;", "text.entity", "Ä"},
		{"&unbekannt;", "", ""},
		{"**&amp;**", "text.emphasis", "&amp;"},
		{"", "", ""},
	}
	for _, c := range cases {
		if key, fix := Markup(c.in); key != c.key || fix != c.fix {
			t.Errorf("Markup(%q) = %q, %q; want %q, %q", c.in, key, fix, c.key, c.fix)
		}
	}
}

func TestListSlip(t *testing.T) {
	cases := []struct{ in, key, item string }{
		{"  1. Beratung", "yaml.numbered", "Beratung"},
		{"2) Coaching", "yaml.numbered", "Coaching"},
		{"  -Beratung", "yaml.dashspace", "Beratung"},
		{"– Beratung", "yaml.bullet", "Beratung"},
		{"• Beratung", "yaml.bullet", "Beratung"},
		{"  - Beratung", "", ""},
		{"---", "", ""},
		{"2024 Beratung", "", ""},
	}
	for _, c := range cases {
		if key, item := ListSlip(c.in); key != c.key || item != c.item {
			t.Errorf("ListSlip(%q) = %q, %q; want %q, %q", c.in, key, item, c.key, c.item)
		}
	}
}

func TestRequote(t *testing.T) {
	cases := []struct{ in, want string }{
		{`"Ich sage "Hallo""`, `'Ich sage "Hallo"'`},
		{`'Anna's Laden'`, `"Anna's Laden"`},
		{`"Sie sagt "Anna's" Laden"`, `"Sie sagt „Anna's“ Laden"`},
		{`"Anna"`, ""},
		{`"Ich sage \"Hallo\""`, `'Ich sage "Hallo"'`}, // \" stands for the quote
		{`Anna`, ""},
	}
	for _, c := range cases {
		if got := requote(c.in); got != c.want {
			t.Errorf("requote(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
