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
	"sync"

	"rsc.io/qr/coding"
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
	code, err := encode(text)
	if err != nil {
		return "", fmt.Errorf("qr: %w", err)
	}
	return template.HTML(svg(code, label)), nil
}

// plans caches the coding plan of each QR version at level M. qr.Encode
// builds the plan anew for every code, which was half the cost of a
// profile's QR code at 10,000 members; a plan is only read when encoding,
// so one can serve every goroutine.
var plans [coding.MaxVersion + 1]struct {
	once sync.Once
	plan *coding.Plan
	err  error
}

// encode is rsc.io/qr's Encode at level M with mask 0, the same choices,
// but with the cached plans: the smallest data encoding, the smallest
// version that holds it.
func encode(text string) (*coding.Code, error) {
	var enc coding.Encoding
	switch {
	case coding.Num(text).Check() == nil:
		enc = coding.Num(text)
	case coding.Alpha(text).Check() == nil:
		enc = coding.Alpha(text)
	default:
		enc = coding.String(text)
	}
	v := coding.Version(coding.MinVersion)
	for enc.Bits(v) > v.DataBytes(coding.M)*8 {
		if v++; v > coding.MaxVersion {
			return nil, errors.New("text too long to encode as QR")
		}
	}
	p := &plans[v]
	p.once.Do(func() { p.plan, p.err = coding.NewPlan(v, coding.M, 0) })
	if p.err != nil {
		return nil, p.err
	}
	return p.plan.Encode(enc)
}

// svg draws code. Merging each row's dark modules into runs makes the path
// about a third as long as one square per module.
func svg(code *coding.Code, label string) string {
	n := strconv.Itoa(code.Size + 2*quiet)
	b := make([]byte, 0, 4<<10) // a profile link's code is about 3 KB of path
	b = append(b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `+n+" "+n+
		`" role="img" aria-label="`+template.HTMLEscapeString(label)+
		`" shape-rendering="crispEdges"><path fill="currentColor" d="`...)
	for y := 0; y < code.Size; y++ {
		for x := 0; x < code.Size; {
			if !black(code, x, y) {
				x++
				continue
			}
			run := 1
			for black(code, x+run, y) {
				run++
			}
			b = append(b, 'M')
			b = strconv.AppendInt(b, int64(x+quiet), 10)
			b = append(b, ' ')
			b = strconv.AppendInt(b, int64(y+quiet), 10)
			b = append(b, 'h')
			b = strconv.AppendInt(b, int64(run), 10)
			b = append(b, "v1h-"...)
			b = strconv.AppendInt(b, int64(run), 10)
			b = append(b, 'z')
			x += run
		}
	}
	b = append(b, `"/></svg>`...)
	return string(b)
}

// black reports whether the module at x, y is dark; outside the code, in
// the quiet zone, none is.
func black(c *coding.Code, x, y int) bool {
	return 0 <= x && x < c.Size && 0 <= y && y < c.Size &&
		c.Bitmap[y*c.Stride+x/8]&(1<<uint(7-x&7)) != 0
}
