package qr

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"rsc.io/qr"
)

const url = "https://netzwerk.example/members/anna-mueller/"

var (
	viewBoxRE = regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`)
	pathRE    = regexp.MustCompile(`<path fill="currentColor" d="([^"]*)"/>`)
	runRE     = regexp.MustCompile(`^M(\d+) (\d+)h(\d+)v1h-(\d+)z`)
)

// grid reads an SVG from SVG back into its modules: grid[y][x] is true for
// a dark module, in viewBox coordinates (quiet zone included). It fails the
// test on any path command other than the documented runs, and on runs
// that touch, which should have been merged.
func grid(t *testing.T, svg string) [][]bool {
	t.Helper()
	vb := viewBoxRE.FindStringSubmatch(svg)
	if vb == nil || vb[1] != vb[2] {
		t.Fatalf("no square viewBox in %.200s", svg)
	}
	var n int
	fmt.Sscan(vb[1], &n)
	g := make([][]bool, n)
	for i := range g {
		g[i] = make([]bool, n)
	}
	m := pathRE.FindStringSubmatch(svg)
	if m == nil {
		t.Fatalf("no path in %.200s", svg)
	}
	d := m[1]
	for d != "" {
		r := runRE.FindStringSubmatch(d)
		if r == nil {
			t.Fatalf("unexpected path data at %.40q", d)
		}
		var x, y, w, w2 int
		fmt.Sscan(r[1]+" "+r[2]+" "+r[3]+" "+r[4], &x, &y, &w, &w2)
		if w != w2 || w < 1 {
			t.Fatalf("run %q does not close", r[0])
		}
		if x > 0 && g[y][x-1] {
			t.Errorf("run %q touches the run before it; they should be one", r[0])
		}
		for i := x; i < x+w; i++ {
			if g[y][i] {
				t.Errorf("module %d,%d drawn twice", i, y)
			}
			g[y][i] = true
		}
		d = d[len(r[0]):]
	}
	return g
}

func TestSVG(t *testing.T) {
	out, err := SVG(url, "QR-Code: Profil von Anna Müller")
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 41 41" role="img" aria-label="QR-Code: Profil von Anna Müller" shape-rendering="crispEdges">`,
		`<path fill="currentColor" d="M4 4h7v1h-7z`, // The top row of the top-left finder pattern.
	} {
		if !strings.Contains(s, want) {
			t.Errorf("SVG lacks %q:\n%.300s", want, s)
		}
	}
	if strings.HasPrefix(s, "<?xml") || strings.Count(s, "<path") != 1 || !strings.HasSuffix(s, `"/></svg>`) {
		t.Errorf("SVG is not one inline element with one path:\n%.300s", s)
	}
	// 46 bytes need version 4 at level M (version 3 holds 42): 33 modules
	// plus twice the quiet zone.
	g := grid(t, s)
	if len(g) != 33+2*quiet {
		t.Errorf("code is %d modules with quiet zone, want 41 (version 4)", len(g))
	}
	again, _ := SVG(url, "QR-Code: Profil von Anna Müller")
	if again != out {
		t.Errorf("two SVGs of the same text differ")
	}
}

// TestStructure reads the drawn code back and checks what a scanner looks
// for: the quiet zone, three finder patterns (not four), the timing
// patterns, and the format information saying level M.
func TestStructure(t *testing.T) {
	for _, text := range []string{"https://n.example/", url, strings.Repeat("https://netzwerk.example/members/", 10)} {
		out, err := SVG(text, "QR")
		if err != nil {
			t.Fatal(err)
		}
		g := grid(t, string(out))
		size := len(g) - 2*quiet
		at := func(x, y int) bool { return g[y+quiet][x+quiet] }
		for y := range g {
			for x := range g {
				inside := x >= quiet && y >= quiet && x < quiet+size && y < quiet+size
				if g[y][x] && !inside {
					t.Fatalf("%q: dark module %d,%d in the quiet zone", text, x, y)
				}
			}
		}
		finder := func(x0, y0 int) bool {
			for y := -1; y <= 7; y++ {
				for x := -1; x <= 7; x++ {
					if x0+x < 0 || y0+y < 0 || x0+x >= size || y0+y >= size {
						continue
					}
					ring := max(abs(x-3), abs(y-3)) // 0..3 inside the pattern, 4 for the separator.
					want := ring == 3 || ring <= 1
					if at(x0+x, y0+y) != want {
						return false
					}
				}
			}
			return true
		}
		if !finder(0, 0) || !finder(size-7, 0) || !finder(0, size-7) {
			t.Errorf("%q: a finder pattern is missing", text)
		}
		if finder(size-7, size-7) {
			t.Errorf("%q: a fourth finder pattern at the bottom right", text)
		}
		for i := 8; i < size-8; i++ {
			if at(i, 6) != (i%2 == 0) || at(6, i) != (i%2 == 0) {
				t.Errorf("%q: timing pattern broken at %d", text, i)
				break
			}
		}
		// The format information, read as ZXing reads it: both copies
		// must hold the same one of the eight valid words for level M
		// (one per mask pattern, already XORed with 0x5412).
		bit := func(b, x, y int) int {
			b <<= 1
			if at(x, y) {
				b |= 1
			}
			return b
		}
		f1 := 0
		for x := 0; x < 6; x++ {
			f1 = bit(f1, x, 8)
		}
		f1 = bit(f1, 7, 8)
		f1 = bit(f1, 8, 8)
		f1 = bit(f1, 8, 7)
		for y := 5; y >= 0; y-- {
			f1 = bit(f1, 8, y)
		}
		f2 := 0
		for y := size - 1; y >= size-7; y-- {
			f2 = bit(f2, 8, y)
		}
		for x := size - 8; x < size; x++ {
			f2 = bit(f2, x, 8)
		}
		levelM := map[int]bool{0x5412: true, 0x5125: true, 0x5E7C: true, 0x5B4B: true, 0x45F9: true, 0x40CE: true, 0x4F97: true, 0x4AA0: true}
		if f1 != f2 || !levelM[f1] {
			t.Errorf("%q: format information %#x / %#x is not level M", text, f1, f2)
		}
		if !at(8, size-8) {
			t.Errorf("%q: the dark module next to the bottom-left finder is light", text)
		}
	}
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

func TestLabelEscaped(t *testing.T) {
	out, err := SVG(url, `Anna "Nina" <Müller> & 'Co'`)
	if err != nil {
		t.Fatal(err)
	}
	want := `aria-label="Anna &#34;Nina&#34; &lt;Müller&gt; &amp; &#39;Co&#39;"`
	if !strings.Contains(string(out), want) {
		t.Errorf("label not escaped, want %s in\n%.300s", want, out)
	}
}

func TestErrors(t *testing.T) {
	if _, err := SVG("", "x"); err == nil {
		t.Errorf("empty text: no error")
	}
	// Version 40 at level M holds 2331 bytes.
	if _, err := SVG(strings.Repeat("a", 2332), "x"); err == nil {
		t.Errorf("text too long for any QR code: no error")
	}
	if _, err := SVG(strings.Repeat("a", 2331), "x"); err != nil {
		t.Errorf("2331 bytes fit version 40-M, got %v", err)
	}
}

// TestSameAsLibrary checks that encode, with its cached plans, draws the
// very modules rsc.io/qr's own Encode draws, across the versions a profile
// address needs, including from many goroutines at once.
func TestSameAsLibrary(t *testing.T) {
	var texts []string
	for n := 1; n < 400; n += 7 {
		texts = append(texts, "https://netzwerk.example/members/"+strings.Repeat("a", n)+"/", strings.Repeat("7", n), strings.ToUpper(strings.Repeat("ab-", n)))
	}
	errs := make(chan error, len(texts))
	for _, text := range texts {
		go func() {
			want, err := qr.Encode(text, qr.M)
			if err != nil {
				errs <- err
				return
			}
			got, err := encode(text)
			switch {
			case err != nil:
				errs <- err
			case got.Size != want.Size || string(got.Bitmap) != string(want.Bitmap):
				errs <- fmt.Errorf("%q: the code differs from rsc.io/qr's", text)
			default:
				errs <- nil
			}
		}()
	}
	for range texts {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
