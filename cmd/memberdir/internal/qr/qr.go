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
	"math/bits"
	"strconv"
	"strings"
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
	case only(text, digits):
		enc = coding.Num(text)
	case only(text, alphabet):
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

// The characters of the numeric and the alphanumeric encodings of QR
// codes, as rsc.io/qr/coding's Num and Alpha accept them.
const (
	digits   = "0123456789"
	alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
)

// only reports whether every byte of s is one of chars, which are ASCII.
// It is what the Check methods of coding.Num and coding.Alpha decide,
// without the error they build for the profile addresses they refuse.
func only(s, chars string) bool {
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(chars, s[i]) < 0 {
			return false
		}
	}
	return true
}

// svg draws code. Merging each row's dark modules into runs makes the path
// about a third as long as one square per module. The runs are found
// first, so that the element is written into one buffer of its size.
func svg(code *coding.Code, label string) string {
	n := strconv.Itoa(code.Size + 2*quiet)
	head := [...]string{`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `, n, " ", n,
		`" role="img" aria-label="`, template.HTMLEscapeString(label),
		`" shape-rendering="crispEdges"><path fill="currentColor" d="`}
	const tail = `"/></svg>`
	var stack [1024]run // a profile link's code has about 400
	rs := runs(code, stack[:0])
	size := len(tail)
	for _, s := range head {
		size += len(s)
	}
	for _, r := range rs {
		size += len("M hv1h-z") + intLen(int(r.x)+quiet) + intLen(int(r.y)+quiet) + 2*intLen(int(r.n))
	}
	var b strings.Builder
	b.Grow(size)
	for _, s := range head {
		b.WriteString(s)
	}
	// The runs are put together on the stack and copied over in pieces.
	var buf [512]byte
	c := buf[:0]
	for _, r := range rs {
		if len(c) > len(buf)-64 {
			b.Write(c)
			c = buf[:0]
		}
		c = append(c, 'M')
		c = appendInt(c, int(r.x)+quiet)
		c = append(c, ' ')
		c = appendInt(c, int(r.y)+quiet)
		c = append(c, 'h')
		c = appendInt(c, int(r.n))
		c = append(c, "v1h-"...)
		c = appendInt(c, int(r.n))
		c = append(c, 'z')
	}
	b.Write(c)
	b.WriteString(tail)
	return b.String()
}

// A run is a horizontal run of dark modules: it starts at x, y and is n
// modules long. A code is at most 177 modules wide.
type run struct{ x, y, n uint8 }

// runs appends the runs of c to rs, row by row from the top, left to
// right, and returns the result. It looks at the bitmap a byte at a time,
// skipping light bytes and counting dark bits with math/bits.
func runs(c *coding.Code, rs []run) []run {
	for y := 0; y < c.Size; y++ {
		row := c.Bitmap[y*c.Stride : (y+1)*c.Stride]
		for x := 0; x < c.Size; {
			// The bits of x's byte from x on, at the top.
			bits8 := row[x>>3] << (x & 7)
			if bits8 == 0 {
				x = x&^7 + 8
				continue
			}
			x += bits.LeadingZeros8(bits8)
			if x >= c.Size {
				break
			}
			start := x
			for x < c.Size {
				left := 8 - x&7 // bits of x's byte from x on
				ones := min(bits.LeadingZeros8(^(row[x>>3] << (x & 7))), left)
				x += ones
				if ones < left {
					break
				}
			}
			x = min(x, c.Size) // The bits past the code's edge are not modules.
			rs = append(rs, run{uint8(start), uint8(y), uint8(x - start)})
		}
	}
	return rs
}

// intLen is the number of digits of v ≥ 0.
func intLen(v int) int {
	n := 1
	for ; v >= 10; v /= 10 {
		n++
	}
	return n
}

// appendInt appends v ≥ 0 in decimal; a code's coordinates have at most
// three digits.
func appendInt(b []byte, v int) []byte {
	switch {
	case v < 10:
		return append(b, byte('0'+v))
	case v < 100:
		return append(b, byte('0'+v/10), byte('0'+v%10))
	case v < 1000:
		return append(b, byte('0'+v/100), byte('0'+v/10%10), byte('0'+v%10))
	}
	return strconv.AppendInt(b, int64(v), 10)
}
