// Package network draws a directory's story as pictures for /network/:
// members who joined per year, recommendations and thanks per quarter,
// and the graph of who recommends and thanks whom. It takes a linked
// member.Directory and returns figures, each an SVG with the same numbers
// as a table beside it, and a few sentences; it touches no file, and the
// same directory gives the same bytes.
//
// Members' text (names, category labels) is untrusted: everything written
// into an SVG is escaped as XML text, and bidirectional controls are
// dropped so that a name cannot turn the text around it. The SVGs draw
// with currentColor and carry classes, so that the site's style sheet
// decides the colours, dark mode and print included.
package network

import (
	"encoding/xml"
	"math"
	"strconv"
	"strings"
)

// Options say how to draw the figures of one site.
type Options struct {
	// Lang is the site's language, "de" or "en"; any other is English.
	Lang string
	// BasePath is the path the site lives under, "/" or "/verzeichnis/";
	// a member's node links to BasePath + "members/<slug>/".
	BasePath string
	// MaxGraph is the number of members above which the graph is drawn
	// once per main category instead of once for all; 0 means
	// DefaultMaxGraph.
	MaxGraph int
}

// DefaultMaxGraph is the largest network drawn as one graph: beyond it the
// initials on a circle of all members become too small to read.
const DefaultMaxGraph = 150

// Figure is one picture with the numbers behind it.
type Figure struct {
	// ID is stable and unique on the page, for anchors and the ids inside
	// the SVG: "joined", "referrals", "graph" or "graph-<category id>".
	ID    string
	Title string
	// SVG is a complete <svg> element, escaped, to be put into the page
	// as it is.
	SVG string
	// Table holds the figure's numbers for screen readers and copying.
	Table Table
	// Note says what the figure leaves out, or is "".
	Note string
}

// Table is a figure's data: a header row and rows of cells, as text.
type Table struct {
	Head []string
	Rows [][]string
}

func (o Options) de() bool { return o.Lang == "de" }

// pick returns de or en for the language of o.
func (o Options) pick(en, de string) string {
	if o.de() {
		return de
	}
	return en
}

// count formats n with the language's thousands separator.
func (o Options) count(n int) string {
	s := strconv.Itoa(n)
	if n < 10000 && n > -10000 { // 1000 to 9999 read fine without one
		return s
	}
	sep := ","
	if o.de() {
		sep = "."
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 && s[i-1] != '-' {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// svg builds an SVG document as text.
type svg struct{ strings.Builder }

// text writes s escaped as XML character data or attribute value, without
// bidirectional controls.
func (w *svg) text(s string) {
	s = strings.Map(func(r rune) rune {
		if bidi(r) {
			return -1
		}
		return r
	}, s)
	xml.EscapeText(w, []byte(s)) // a strings.Builder does not fail
}

// bidi reports whether r is a bidirectional control: embeddings,
// overrides, isolates and marks, which reorder the text that follows.
func bidi(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' || r == '\u200e' || r == '\u200f' || r == '\u061c'
}

// raw writes parts as they are: markup and numbers of our own.
func (w *svg) raw(parts ...string) {
	for _, p := range parts {
		w.WriteString(p)
	}
}

// num formats a coordinate with one decimal at most, the same on every
// platform: 12, 12.5, never -0.
func num(x float64) string {
	x = math.Round(x*10) / 10
	if x == 0 {
		return "0"
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// open writes the <svg> start tag with a title and description that
// name it for screen readers, its size in pixels as drawn (which a style
// sheet may change: the viewBox keeps it in proportion), and role: "img" for a picture, "group" for
// one whose links a screen reader must reach (an img's content is
// hidden from it, so links inside one are controls nested in a control).
func (w *svg) open(id, class, role string, minX, minY, width, height float64, title, desc string) {
	w.raw(`<svg xmlns="http://www.w3.org/2000/svg" class="`, class, `" viewBox="`, num(minX), " ", num(minY), " ", num(width), " ", num(height),
		`" width="`, num(width), `" height="`, num(height), `" role="`, role, `" aria-labelledby="`)
	w.text(id + "-title " + id + "-desc")
	w.raw(`" font-family="inherit" fill="currentColor">`, "\n", `<title id="`)
	w.text(id + "-title")
	w.raw(`">`)
	w.text(title)
	w.raw("</title>\n", `<desc id="`)
	w.text(id + "-desc")
	w.raw(`">`)
	w.text(desc)
	w.raw("</desc>\n")
}
