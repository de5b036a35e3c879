package render

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func TestMinified(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"a.js", "// Why this is so.\nfunction add(first, second) {\n  return first + second;\n}\nwindow.add = add;\n",
			"function add(e,t){return e+t}window.add=add"},
		{"a.css", "/* Why. */\nbody {\n  margin: 0px;\n  color: #ffffff;\n}\n", "body{margin:0;color:#fff}"},
		// Other kinds are published as they are.
		{"a.svg", "<svg>  <!-- c --> </svg>", "<svg>  <!-- c --> </svg>"},
		{"a.json", `{ "a": 1 }`, `{ "a": 1 }`},
		// A script that does not parse is published unchanged, for the
		// browser to report at the author's line. (CSS always parses: the
		// minifier recovers from errors as browsers do.)
		{"broken.js", "function (\n  // half written\n", "function (\n  // half written\n"},
	} {
		if got := string(minified(tc.name, []byte(tc.in))); got != tc.want {
			t.Errorf("minified(%s, %q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
}

// TestMinifiedTheme minifies the default theme's scripts and style
// sheets and wants them smaller, with no comment left, and the same
// bytes every time: file names carry a hash of them.
func TestMinifiedTheme(t *testing.T) {
	fsys := templatesFS(t)
	names, err := fs.Glob(fsys, "assets/*.[cj]s*")
	if err != nil || len(names) == 0 {
		t.Fatalf("no scripts or style sheets in the theme: %v", err)
	}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		min := minified(name, data)
		if len(min) >= len(data)*3/4 {
			t.Errorf("%s: minified to %d of %d bytes, want less than three quarters", name, len(min), len(data))
		}
		if bytes.Contains(min, []byte("/*")) || strings.HasSuffix(name, ".js") && bytes.Contains(min, []byte("\n//")) {
			t.Errorf("%s: a comment is left after minifying", name)
		}
		for range 5 {
			if again := minified(name, data); !bytes.Equal(again, min) {
				t.Fatalf("%s: minifies to different bytes each time", name)
			}
		}
	}
}

// TestAssetsMinified checks that the theme publishes its assets minified,
// named after the bytes published.
func TestAssetsMinified(t *testing.T) {
	th := NewTheme(fstest.MapFS{
		"assets/site.js":   {Data: []byte("// A comment.\nconst answer = 42;\n")},
		"assets/photo.svg": {Data: []byte("<svg/>")},
	}, nil)
	assets, err := th.assets()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range assets {
		if a.Name == "site.js" && string(a.Data) != "const answer=42" {
			t.Errorf("site.js published as %q", a.Data)
		}
		if want := newAsset(a.Name, a.Data).Path; a.Path != want {
			t.Errorf("%s published as %s, want %s", a.Name, a.Path, want)
		}
	}
}
