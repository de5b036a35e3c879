// Package qr draws QR codes as inline SVG, so that a printed directory or a
// profile shown at a meeting can be opened on a phone. A code is the module
// grid of rsc.io/qr at error correction level M, drawn as one path of
// horizontal runs in a viewBox measured in modules, with the 4-module quiet
// zone the standard asks for.
package qr

import (
	"errors"
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"rsc.io/qr"
)

// quiet is the width of the light border around the code, in modules
// (ISO/IEC 18004 asks for at least 4); scanners need it to find the code.
const quiet = 4

// SVG returns an inline <svg> element showing text as a QR code with error
// correction level M, which survives a crease or a smudge on paper (15 %
// of the code) and keeps a profile URL small.
//
// The element has no XML declaration and no fixed size: its viewBox is the
// code plus the quiet zone in modules, and the page's CSS sets its width.
// role="img" and aria-label (label, escaped) tell a screen reader what it
// is. The dark modules are one <path> of rectangles, "M x y hNv1h-Nz", one
// per horizontal run, in fill="currentColor", so the code takes the text
// colour and follows a dark theme; shape-rendering="crispEdges" keeps the
// modules sharp when scaled.
func SVG(text, label string) (template.HTML, error) {
	if text == "" {
		return "", errors.New("qr: no text to encode")
	}
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		return "", fmt.Errorf("qr: %w", err)
	}
	return template.HTML(svg(code, label)), nil
}

// svg draws code. Merging each row's dark modules into runs makes the path
// about a third as long as one square per module.
func svg(code *qr.Code, label string) string {
	n := strconv.Itoa(code.Size + 2*quiet)
	var b strings.Builder
	b.Grow(4 << 10) // a profile link's code is about 3 KB of path
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + n + " " + n +
		`" role="img" aria-label="` + template.HTMLEscapeString(label) +
		`" shape-rendering="crispEdges"><path fill="currentColor" d="`)
	for y := 0; y < code.Size; y++ {
		for x := 0; x < code.Size; {
			if !code.Black(x, y) {
				x++
				continue
			}
			run := 1
			for code.Black(x+run, y) {
				run++
			}
			r := strconv.Itoa(run)
			b.WriteString("M" + strconv.Itoa(x+quiet) + " " + strconv.Itoa(y+quiet) + "h" + r + "v1h-" + r + "z")
			x += run
		}
	}
	b.WriteString(`"/></svg>`)
	return b.String()
}
