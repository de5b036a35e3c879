package load

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLogo(t *testing.T) {
	var pngData bytes.Buffer
	png.Encode(&pngData, image.NewGray(image.Rect(0, 0, 40, 20)))
	svg := []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>`)
	cases := []struct {
		name  string
		logo  string // theme.logo
		files map[string][]byte
		link  bool // content/logo.svg is a link to a file outside content/
		want  string
	}{
		{name: "svg", logo: "content/logo.svg", files: map[string][]byte{"content/logo.svg": svg}},
		{name: "written with ./", logo: "./content/logo.svg", files: map[string][]byte{"content/logo.svg": svg}},
		{name: "png in a folder", logo: "content/images/logo.png", files: map[string][]byte{"content/images/logo.png": pngData.Bytes()}},
		{name: "missing", logo: "content/logo.svg", want: `config.yaml:3:9: theme.logo: the logo "content/logo.svg" cannot be used: there is no such file — upload the file to content/ or correct theme.logo`},
		{name: "not an svg", logo: "content/logo.svg", files: map[string][]byte{"content/logo.svg": []byte("<html>hello</html>")}, want: `config.yaml:3:9: theme.logo: the logo "content/logo.svg" cannot be used: it is not an SVG image — export it again as SVG, PNG, JPEG or WebP`},
		{name: "svg named png", logo: "content/logo.png", files: map[string][]byte{"content/logo.png": svg}, want: `config.yaml:3:9: theme.logo: the logo "content/logo.png" cannot be used: it is not an image a browser can show — export it again as SVG, PNG, JPEG or WebP`},
		{name: "png named jpg", logo: "content/logo.jpg", files: map[string][]byte{"content/logo.jpg": pngData.Bytes()}, want: `config.yaml:3:9: theme.logo: the logo "content/logo.jpg" cannot be used: it is a PNG file, not a JPG — rename the file and write theme.logo: content/logo.png`},
		{name: "too large", logo: "content/logo.svg", files: map[string][]byte{"content/logo.svg": append(svg, bytes.Repeat([]byte(" "), MaxLogoSize)...)}, want: `config.yaml:3:9: theme.logo: the logo "content/logo.svg" cannot be used: it is 1.1 MiB, larger than 1.0 MiB — export it smaller (an SVG, or a PNG about 400 px wide)`},
		{name: "svg with a script", logo: "content/logo.svg", files: map[string][]byte{"content/logo.svg": []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>`)}, want: `config.yaml:3:9: theme.logo: the logo "content/logo.svg" cannot be used: it contains "<script", which a logo does not need and which could run code or load files from elsewhere — export it again as a plain SVG (e.g. "Plain SVG" in Inkscape) or as PNG`},
		{name: "svg with an event handler", logo: "content/logo.svg", files: map[string][]byte{"content/logo.svg": []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`)}, want: `config.yaml:3:9: theme.logo: the logo "content/logo.svg" cannot be used: it contains " onload=", which a logo does not need and which could run code or load files from elsewhere — export it again as a plain SVG (e.g. "Plain SVG" in Inkscape) or as PNG`},
		{name: "svg linking another host", logo: "content/logo.svg", files: map[string][]byte{"content/logo.svg": []byte(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://tracker.example/p.png"/></svg>`)}, want: `config.yaml:3:9: theme.logo: the logo "content/logo.svg" cannot be used: it contains "xlink:href=\"https:", which a logo does not need and which could run code or load files from elsewhere — export it again as a plain SVG (e.g. "Plain SVG" in Inkscape) or as PNG`},
		{name: "cut short", logo: "content/logo.png", files: map[string][]byte{"content/logo.png": pngData.Bytes()[:60]}, want: `config.yaml:3:9: theme.logo: the logo "content/logo.png" cannot be used: it cannot be read: the file is incomplete — export it again as SVG, PNG, JPEG or WebP`},
		{name: "Illustrator's entities", logo: "content/logo.svg", files: map[string][]byte{"content/logo.svg": []byte(`<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [<!ENTITY ns_extend "http://ns.adobe.com/Extensibility/1.0/"><!ENTITY ns_ai "http://ns.adobe.com/AdobeIllustrator/10.0/">]><svg xmlns="http://www.w3.org/2000/svg" xmlns:x="&ns_extend;"/>`)}},
		{name: "an entity that is a file", logo: "content/logo.svg", files: map[string][]byte{"content/logo.svg": []byte(`<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>`)}, want: `config.yaml:3:9: theme.logo: the logo "content/logo.svg" cannot be used: it contains "<!ENTITY x SYSTEM", which a logo does not need and which could run code or load files from elsewhere — export it again as a plain SVG (e.g. "Plain SVG" in Inkscape) or as PNG`},
		{name: "entities of entities", logo: "content/logo.svg", files: map[string][]byte{"content/logo.svg": []byte(`<!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>`)}, want: `config.yaml:3:9: theme.logo: the logo "content/logo.svg" cannot be used: it contains "<!ENTITY b \"&a;&a;&", which a logo does not need and which could run code or load files from elsewhere — export it again as a plain SVG (e.g. "Plain SVG" in Inkscape) or as PNG`},
		{name: "animated WebP", logo: "content/logo.webp", files: map[string][]byte{"content/logo.webp": animatedWebP}, want: `config.yaml:3:9: theme.logo: the logo "content/logo.webp" cannot be used: it is an animated image — export a still image as SVG, PNG, JPEG or WebP`},
		{name: "symbolic link", logo: "content/logo.svg", link: true, want: `config.yaml:3:9: theme.logo: the logo "content/logo.svg" cannot be used: it is a symbolic link — upload the file to content/ or correct theme.logo`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string][]byte{
				"config.yaml":             []byte("language: en\ntheme:\n  logo: " + c.logo + "\n"),
				"content/members/anna.md": []byte(profile()),
				"outside/logo.svg":        svg,
			}
			for name, data := range c.files {
				files[name] = data
			}
			for name, data := range files {
				p := filepath.Join(dir, filepath.FromSlash(name))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if c.link {
				if err := os.Symlink(filepath.Join(dir, "outside/logo.svg"), filepath.Join(dir, "content/logo.svg")); err != nil {
					t.Skip("no symlinks here:", err)
				}
			}
			content, errs, err := Site(os.DirFS(dir))
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Join(lines(errs), "\n")
			if got != c.want {
				t.Fatalf("problems:\n got %s\nwant %s", got, c.want)
			}
			if want := c.files[strings.TrimPrefix(c.logo, "./")]; c.want == "" && !bytes.Equal(content.Logo, want) {
				t.Errorf("Logo = %d bytes, want the file's %d", len(content.Logo), len(want))
			}
			if c.want != "" && content.Logo != nil {
				t.Errorf("a refused logo must not be kept")
			}
		})
	}
}

// animatedWebP is the head of an animated WebP: a VP8X chunk with the
// animation flag, then ANIM. Its header is all DecodeConfig reads.
var animatedWebP = []byte("RIFF\x2e\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x02\x00\x00\x00\x09\x00\x00\x09\x00\x00ANIM\x06\x00\x00\x00\xff\xff\xff\xff\x00\x00")
