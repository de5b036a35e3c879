package render

import (
	"bufio"
	"bytes"
	"html"
	"html/template"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/gfm"
)

// markdown converts members' and pages' Markdown to HTML. It is built once:
// GFM, no raw HTML (goldmark's default of omitting it), dangerous URLs
// dropped by goldmark, headings shifted one level down so that the page's
// own title stays its only h1, links marked as user content, and images
// turned into links so that no member text can make a visitor's browser
// fetch anything from another host.
var markdown = goldmark.New(
	goldmark.WithExtensions(gfm.Extension),
	goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(memberText{}, 100))),
)

// converter is what a call of Markdown needs besides goldmark: the
// source as bytes, the output, and the buffered writer goldmark renders
// through. They are pooled: goldmark makes a bufio.Writer of 4 KB for
// each call that passes it none, and with the copy of the source that
// was a third of the bytes Markdown allocated.
type converter struct {
	src []byte
	out bytes.Buffer
	w   *bufio.Writer
}

var converters = sync.Pool{New: func() any {
	c := &converter{}
	c.w = bufio.NewWriter(&c.out)
	return c
}}

// topLevel carries the level the text's first-rank headings get, and
// basePath the path of the site's root.
var topLevel, basePath = parser.NewContextKey(), parser.NewContextKey()

// Markdown renders src to HTML that is safe to put into a page whose
// headings above the text end at level top-1: a page's body sits under
// its h1 (top 2), a member's under the h2 "More about …" (top 3). base is
// the path of the site's root ("/" or "/verzeichnis/"), which links to a
// path on the site ("/mitmachen/") get in front, as the site's own links
// do: the site may be published below a path.
func Markdown(src string, top int, base string) template.HTML {
	c := converters.Get().(*converter)
	defer converters.Put(c)
	c.src = append(c.src[:0], src...)
	c.out.Reset()
	c.w.Reset(&c.out)
	ctx := parser.NewContext()
	ctx.Set(topLevel, top)
	ctx.Set(basePath, base)
	// goldmark renders into c.w and flushes it.
	if err := markdown.Convert(c.src, c.w, parser.WithContext(ctx)); err != nil {
		// goldmark only fails when the writer fails; a bytes.Buffer does not.
		return ""
	}
	return template.HTML(c.out.String())
}

// memberText is the AST transformer that applies the rules above.
type memberText struct{}

var ugcRel = []byte("nofollow ugc noopener")

func (memberText) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var images []*ast.Image
	var unsafe []ast.Node
	var headings []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			headings = append(headings, n)
		case *ast.Link:
			n.SetAttributeString("rel", ugcRel)
			n.Destination = onSite(n.Destination, pc)
			if !allowedURL(n.Destination) {
				unsafe = append(unsafe, n)
			}
		case *ast.AutoLink:
			n.SetAttributeString("rel", ugcRel)
			if !allowedURL(n.URL(reader.Source())) {
				unsafe = append(unsafe, n)
			}
		case *ast.Image:
			images = append(images, n)
		}
		return ast.WalkContinue, nil
	})
	top, _ := pc.Get(topLevel).(int)
	outline(headings, max(top, 2))
	for _, img := range images {
		link := ast.NewLink()
		link.Destination = onSite(img.Destination, pc)
		link.Title = img.Title
		link.SetAttributeString("rel", ugcRel)
		for c := img.FirstChild(); c != nil; {
			next := c.NextSibling()
			link.AppendChild(link, c)
			c = next
		}
		if link.ChildCount() == 0 {
			link.AppendChild(link, ast.NewString(img.Destination))
		}
		img.Parent().ReplaceChild(img.Parent(), img, link)
		if !allowedURL(link.Destination) {
			unsafe = append(unsafe, link)
		}
	}
	// A link to anything but the web, mail or phone keeps its text and
	// loses the link.
	for _, n := range unsafe {
		parent := n.Parent()
		if al, ok := n.(*ast.AutoLink); ok {
			parent.ReplaceChild(parent, n, ast.NewString(al.Label(reader.Source())))
			continue
		}
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	}
}

// onSite returns the link target dest with the site's base path in front
// when dest is a path on the site ("/mitmachen/", not "//host/…").
func onSite(dest []byte, pc parser.Context) []byte {
	base, _ := pc.Get(basePath).(string)
	if len(dest) == 0 || dest[0] != '/' || len(dest) > 1 && dest[1] == '/' || base == "" || base == "/" {
		return dest
	}
	return append([]byte(strings.TrimSuffix(base, "/")), dest...)
}

// allowedURL reports whether a link in members' text may stay a link:
// http(s), mailto and tel, or a relative reference without a scheme.
//
// Character references are decoded first, as the renderer decodes them
// when it writes the link: "&#106;avascript:" is "javascript:".
func allowedURL(u []byte) bool {
	s := strings.ToLower(strings.TrimSpace(html.UnescapeString(string(u))))
	for _, p := range []string{"http://", "https://", "mailto:", "tel:"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	colon := strings.IndexByte(s, ':')
	return colon < 0 || strings.ContainsAny(s[:colon], "/?#")
}

// outline renumbers headings so that the highest rank in the text becomes
// level top and no level is skipped on the way down: members write "###"
// as often as "#" for their first heading, and either must fit under the
// page's own headings (WCAG 1.3.1; validators flag skipped levels).
func outline(headings []*ast.Heading, top int) {
	if len(headings) == 0 {
		return
	}
	highest := 6
	for _, h := range headings {
		highest = min(highest, h.Level)
	}
	prev := top - 1
	for _, h := range headings {
		l := h.Level - highest + top
		l = min(l, prev+1, 6) // one level deeper than the last at most
		h.Level = l
		prev = l
	}
}
