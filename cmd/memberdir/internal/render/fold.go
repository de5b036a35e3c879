package render

import (
	"bytes"
	"html/template"
	"io"
	"strings"
	"text/template/parse"
)

// fold replaces, in the escaped templates of tpl, every action whose
// value is the same on every page by the text it writes: {{"Profil"}}
// (what expand makes of {{t "key"}}), {{url ""}}, {{asset "site.css"}}.
// html/template calls one or more escaping functions for each action,
// through reflection, on every execution; a member page has some 25
// such actions, and there are 10,000 member pages. Folded, they cost
// nothing and write the same bytes: the text is what the action wrote,
// escapers and all, computed once here by running the action alone.
//
// entries are the templates the renderer executes by name in tpl.
// Executing one makes html/template escape it and every template it
// calls; fold runs them first, with no data, which stops at the first
// field. Only actions html/template has escaped are folded, and one that
// fails (say, asset of a missing file) is left to fail where it always
// did.
func fold(tpl *template.Template, entries ...string) {
	f := folder{}
	for _, name := range entries {
		t := tpl.Lookup(name)
		if t == nil {
			continue
		}
		tpl.ExecuteTemplate(io.Discard, name, nil)
		// A template that failed to escape has no tree any more; one
		// that escaped may be executed again without escaping anew.
		if f.run == nil && t.Tree != nil {
			f.run = t
		}
	}
	if f.run == nil {
		return
	}
	for _, t := range tpl.Templates() {
		if t.Tree != nil && t.Tree.Root != nil {
			f.list(t.Tree.Root)
		}
	}
}

// useFold switches fold; tests turn it off to prove that it changes no
// byte.
var useFold = true

type folder struct {
	// run is an escaped template, whose root evaluates one action at a time.
	run *template.Template
}

// list folds the actions of l and of the lists below it, and joins
// neighbouring texts into one.
func (f *folder) list(l *parse.ListNode) {
	if l == nil {
		return
	}
	out := l.Nodes[:0]
	for _, n := range l.Nodes {
		switch x := n.(type) {
		case *parse.ActionNode:
			if text, ok := f.eval(x); ok {
				n = &parse.TextNode{NodeType: parse.NodeText, Pos: x.Pos, Text: text}
			}
		case *parse.IfNode:
			f.list(x.List)
			f.list(x.ElseList)
		case *parse.WithNode:
			f.list(x.List)
			f.list(x.ElseList)
		case *parse.RangeNode:
			f.list(x.List)
			f.list(x.ElseList)
		case *parse.ListNode:
			f.list(x)
		}
		if t, ok := n.(*parse.TextNode); ok && len(out) > 0 {
			if prev, ok := out[len(out)-1].(*parse.TextNode); ok {
				text := make([]byte, 0, len(prev.Text)+len(t.Text))
				text = append(append(text, prev.Text...), t.Text...)
				out[len(out)-1] = &parse.TextNode{NodeType: parse.NodeText, Pos: prev.Pos, Text: text}
				continue
			}
		}
		out = append(out, n)
	}
	clear(l.Nodes[len(out):])
	l.Nodes = out
}

// eval returns what the escaped action a writes, when that is the same on
// every execution.
func (f *folder) eval(a *parse.ActionNode) ([]byte, bool) {
	p := a.Pipe
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) < 2 {
		return nil, false
	}
	if id, ok := p.Cmds[len(p.Cmds)-1].Args[0].(*parse.IdentifierNode); !ok || !strings.HasPrefix(id.Ident, escaperPrefix) {
		return nil, false // not escaped by html/template
	}
	if !constPipe(p) {
		return nil, false
	}
	root := f.run.Tree.Root
	saved := root.Nodes
	root.Nodes = []parse.Node{a}
	var buf bytes.Buffer
	err := f.run.Execute(&buf, nil)
	root.Nodes = saved
	if err != nil {
		return nil, false
	}
	return buf.Bytes(), true
}

// escaperPrefix starts the names of the functions html/template adds to
// actions.
const escaperPrefix = "_html_template_"

// pureFuncs are the functions whose result depends on their arguments
// and the site alone; html/template's escapers are too.
var pureFuncs = map[string]bool{
	"t": true, "url": true, "abs": true, "asset": true, "hasAsset": true, "langName": true, "obf": true, "day": true,
	"print": true, "printf": true, "println": true, "html": true, "js": true, "urlquery": true, "len": true,
	"eq": true, "ne": true, "lt": true, "le": true, "gt": true, "ge": true, "not": true, "and": true, "or": true,
}

// constPipe reports whether p's value is the same on every execution: a
// constant, or pure functions of constants.
func constPipe(p *parse.PipeNode) bool {
	if len(p.Decl) > 0 {
		return false
	}
	for i, c := range p.Cmds {
		switch x := c.Args[0].(type) {
		case *parse.IdentifierNode:
			if !pureFuncs[x.Ident] && !strings.HasPrefix(x.Ident, escaperPrefix) {
				return false
			}
		case *parse.StringNode, *parse.NumberNode, *parse.BoolNode:
			if i > 0 || len(c.Args) > 1 {
				return false
			}
			continue
		default:
			return false
		}
		for _, arg := range c.Args[1:] {
			switch x := arg.(type) {
			case *parse.StringNode, *parse.NumberNode, *parse.BoolNode:
			case *parse.PipeNode:
				if !constPipe(x) {
					return false
				}
			default:
				return false
			}
		}
	}
	return true
}
