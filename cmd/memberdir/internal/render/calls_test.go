package render

import (
	"errors"
	"html/template"
	"testing"
)

func TestExpandCalls(t *testing.T) {
	funcs := template.FuncMap{
		"url":      func(p string) string { return "/dir/" + p },
		"asset":    func(name string) (string, error) { return "", errors.New("no asset") },
		"hasAsset": func(name string) bool { return name == "site.css" },
		"langName": func(code string) string { return "?" }, // not in constFuncs
	}
	for _, c := range []struct{ src, want string }{
		{`<a href="{{url "print/"}}">`, `<a href="{{"/dir/print/"}}">`},
		{`<a href="{{ url "" }}">`, `<a href="{{"/dir/"}}">`},
		{`{{if hasAsset "site.css"}}x{{end}}{{if hasAsset "a.svg"}}y{{end}}`, `{{if true}}x{{end}}{{if false}}y{{end}}`},
		{`{{hasAsset "site.css"}}`, `{{true}}`},
		// A call that fails is left to fail on the page that makes it.
		{`{{asset "site.css"}}`, `{{asset "site.css"}}`},
		// Only a bool makes sense in an if; other functions are left.
		{`{{if url "x"}}{{end}} {{langName "de"}} {{url .}}`, `{{if url "x"}}{{end}} {{langName "de"}} {{url .}}`},
	} {
		if got := expandCalls(c.src, funcs); got != c.want {
			t.Errorf("expandCalls(%s):\n got %s\nwant %s", c.src, got, c.want)
		}
	}
	if got := expandCalls(`{{url "x"}}`, nil); got != `{{url "x"}}` {
		t.Errorf("without funcs: got %s", got)
	}
}
