// Package colour does the little colour arithmetic the theme needs: parse
// a configured "#rrggbb", measure WCAG 2.x contrast, and find the nearest
// darker or lighter shade that reaches a contrast target. It exists so that
// a network's brand colour can never make the site's text unreadable.
package colour

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// RGB is a colour with 8-bit sRGB channels.
type RGB struct{ R, G, B uint8 }

// White and the theme's light and dark page backgrounds, against which
// accent colours are measured.
var (
	White = RGB{0xff, 0xff, 0xff}
	Black = RGB{0, 0, 0}
)

// AA is the WCAG 2.x level AA contrast minimum for normal-size text.
const AA = 4.5

// Parse reads "#rrggbb" or "#rgb" (case-insensitive).
func Parse(s string) (RGB, error) {
	h, ok := strings.CutPrefix(strings.TrimSpace(s), "#")
	if ok && len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if !ok || len(h) != 6 {
		return RGB{}, fmt.Errorf("%q is not a colour like #0f5f8c", s)
	}
	n, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return RGB{}, fmt.Errorf("%q is not a colour like #0f5f8c", s)
	}
	return RGB{uint8(n >> 16), uint8(n >> 8), uint8(n)}, nil
}

// MustParse is Parse for constants.
func MustParse(s string) RGB {
	c, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return c
}

// String returns "#rrggbb".
func (c RGB) String() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Luminance is the WCAG relative luminance, 0 (black) to 1 (white).
func (c RGB) Luminance() float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// Contrast is the WCAG contrast ratio of a and b, from 1 to 21.
func Contrast(a, b RGB) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Mix returns a moved the fraction t (0…1) of the way towards b.
func Mix(a, b RGB, t float64) RGB {
	m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return RGB{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B)}
}

// Towards returns the colour closest to c, moving it step by step towards
// to (black to darken, white to lighten), that has at least min contrast
// against every colour of against. ok is false when even to itself does
// not reach it.
func Towards(c, to RGB, min float64, against ...RGB) (RGB, bool) {
	for i := 0; i <= 100; i++ {
		m := Mix(c, to, float64(i)/100)
		if minContrast(m, against) >= min {
			return m, true
		}
	}
	return to, false
}

func minContrast(c RGB, against []RGB) float64 {
	least := 21.0
	for _, a := range against {
		least = min(least, Contrast(c, a))
	}
	return least
}
