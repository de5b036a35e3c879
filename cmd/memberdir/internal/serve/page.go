package serve

import (
	"bytes"
	"errors"
	"html/template"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// injections are the snippets served pages get. The overlay's styles are
// inline, with high contrast and a system monospace font, so that it
// survives most of the site's CSS; it is fixed on top so that the last
// good version of the page stays readable below it. A page whose
// Content-Security-Policy forbids inline styles (the default theme's
// does) gets the same rules from _memberdir/overlay.css, which the
// policy's style-src 'self' allows.
var injections = template.Must(template.New("").Parse(`
{{- define "script" -}}
<script src="{{.Script}}" data-events="{{.Events}}" defer></script>
{{- end -}}

{{- define "overlay" -}}
<div role="alert" class="memberdir-problems" style="position:fixed;top:0;left:0;right:0;z-index:2147483647;box-sizing:border-box;max-height:50vh;overflow:auto;margin:0;padding:12px 16px;background:#fff4f4;color:#1a0000;border-bottom:4px solid #b00020;box-shadow:0 2px 12px rgba(0,0,0,.35);font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left"><link rel="stylesheet" href="{{.Style}}">
<p style="margin:0 0 8px;padding:0;font:inherit;font-weight:bold;color:#b00020">{{.Title}}</p>
<ul style="margin:0;padding:0 0 0 1.5em;list-style:disc">
{{- range .Problems}}
<li style="margin:0;padding:0;font:inherit;color:inherit;white-space:pre-wrap;overflow-wrap:anywhere">{{.}}</li>
{{- end}}
</ul>
</div>
{{- end -}}
`))

// overlayStyle repeats the overlay's inline styles as a stylesheet.
var overlayStyle = []byte(`.memberdir-problems{position:fixed;top:0;left:0;right:0;z-index:2147483647;box-sizing:border-box;max-height:50vh;overflow:auto;margin:0;padding:12px 16px;background:#fff4f4;color:#1a0000;border-bottom:4px solid #b00020;box-shadow:0 2px 12px rgba(0,0,0,.35);font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left}
.memberdir-problems p{margin:0 0 8px;padding:0;font:inherit;font-weight:bold;color:#b00020}
.memberdir-problems ul{margin:0;padding:0 0 0 1.5em;list-style:disc}
.memberdir-problems li{margin:0;padding:0;font:inherit;color:inherit;white-space:pre-wrap;overflow-wrap:anywhere}
`)

// brokenPage is the page served for every HTML request while no build has
// succeeded yet; the overlay and the reload script are added to it.
const brokenPage = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>memberdir: the site could not be built</title>
</head>
<body>
</body>
</html>
`

// decorate returns a copy of an HTML page with the reload script added
// before </body> and, while the last build failed, the problems right
// after <body>.
func (s *Server) decorate(page []byte, st *snapshot) []byte {
	base := s.basePath()
	var script bytes.Buffer
	injections.ExecuteTemplate(&script, "script", struct{ Script, Events string }{
		Script: base + scriptPath,
		Events: base + eventsPath + "?since=" + strconv.FormatUint(st.gen, 10),
	})

	var overlay bytes.Buffer
	if st.err != nil {
		title := s.Title
		if title == "" {
			title = DefaultTitle
		}
		injections.ExecuteTemplate(&overlay, "overlay", struct {
			Title, Style string
			Problems     []string
		}{title, base + stylePath, problems(st.err)})
	}

	end := bodyClose(page)
	open := bodyOpen(page)
	if open < 0 || open > end {
		// Without a <body> tag the overlay goes next to the script: it is
		// fixed on top, so where it sits in the document does not matter.
		open = end
	}
	out := make([]byte, 0, len(page)+script.Len()+overlay.Len())
	out = append(out, page[:open]...)
	out = append(out, overlay.Bytes()...)
	out = append(out, page[open:end]...)
	out = append(out, script.Bytes()...)
	out = append(out, page[end:]...)
	return out
}

// serveBroken answers any request while no build has succeeded: HTML
// requests (by their path) get a page listing the problems, others the
// problems as text, both with status 500.
func (s *Server) serveBroken(w http.ResponseWriter, r *http.Request, st *snapshot, rel string) {
	ext := strings.ToLower(path.Ext(rel))
	if ext == "" || ext == ".html" || ext == ".htm" {
		s.serveBytes(w, r, http.StatusInternalServerError, "text/html; charset=utf-8", s.decorate([]byte(brokenPage), st))
		return
	}
	text := strings.Join(problems(st.err), "\n") + "\n"
	s.serveBytes(w, r, http.StatusInternalServerError, "text/plain; charset=utf-8", []byte(text))
}

// problems returns the lines to show for a build error: one per problem of
// a member.ErrorList, else one per line of the error's text.
func problems(err error) []string {
	var list member.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		lines := make([]string, len(list))
		for i, e := range list {
			lines[i] = e.Error()
		}
		return lines
	}
	return strings.Split(strings.TrimRight(err.Error(), "\n"), "\n")
}

// bodyOpen returns the offset just after the page's opening <body…> tag,
// or -1 when it has none. Quoted attribute values may contain ">".
func bodyOpen(page []byte) int {
	for i := 0; ; {
		j := indexFold(page[i:], "<body")
		if j < 0 {
			return -1
		}
		i += j + len("<body")
		if i < len(page) && !isTagEnd(page[i]) {
			continue // "<bodyx": another tag
		}
		var quote byte
		for ; i < len(page); i++ {
			switch c := page[i]; {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '>':
				return i + 1
			}
		}
		return -1
	}
}

// bodyClose returns the offset of the page's last </body> tag, or the end
// of the page when it has none.
func bodyClose(page []byte) int {
	for end := len(page); end > 0; {
		i := lastIndexFold(page[:end], "</body")
		if i < 0 {
			break
		}
		if k := i + len("</body"); k == len(page) || isTagEnd(page[k]) {
			return i
		}
		end = i
	}
	return len(page)
}

// isTagEnd reports whether c may follow a tag name.
func isTagEnd(c byte) bool {
	return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// indexFold is bytes.Index for an ASCII lower-case needle, ignoring ASCII
// case; unlike bytes.ToLower it keeps offsets into the page valid.
func indexFold(s []byte, needle string) int {
	for i := 0; i+len(needle) <= len(s); i++ {
		if equalFold(s[i:i+len(needle)], needle) {
			return i
		}
	}
	return -1
}

// lastIndexFold is bytes.LastIndex ignoring ASCII case, like indexFold.
func lastIndexFold(s []byte, needle string) int {
	for i := len(s) - len(needle); i >= 0; i-- {
		if equalFold(s[i:i+len(needle)], needle) {
			return i
		}
	}
	return -1
}

// equalFold compares s with an ASCII lower-case needle of the same length.
func equalFold(s []byte, needle string) bool {
	for i := range len(needle) {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != needle[i] {
			return false
		}
	}
	return true
}
