package render

import (
	"strings"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/colour"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// TestBrandPaletteContrast: whatever colour a network picks (the loader
// lets through only those that reach AA on white), every pair of colours
// the theme puts text on reaches WCAG AA in both schemes.
func TestBrandPaletteContrast(t *testing.T) {
	tried := 0
	for r := 0; r < 256; r += 17 {
		for g := 0; g < 256; g += 17 {
			for b := 0; b < 256; b += 17 {
				c := colour.RGB{R: uint8(r), G: uint8(g), B: uint8(b)}
				if min(colour.Contrast(c, colour.White), colour.Contrast(c, lightBgs[1])) < colour.AA {
					continue // refused by the loader
				}
				tried++
				p := brandPalette(c)
				pairs := []struct {
					what   string
					fg, bg colour.RGB
				}{
					{"link on page", p.accent, lightBgs[1]},
					{"link on card", p.accent, colour.White},
					{"button label", colour.White, p.accent},
					{"tag chip", p.accent, p.soft},
					{"dark link on page", p.dark, darkBgs[0]},
					{"dark link on card", p.dark, darkBgs[1]},
					{"dark button label", darkFg, p.dark},
					{"dark tag chip", p.dark, p.darkSoft},
				}
				for _, pr := range pairs {
					if got := colour.Contrast(pr.fg, pr.bg); got < colour.AA {
						t.Errorf("%s: %s: %s on %s has contrast %.2f", c, pr.what, pr.fg, pr.bg, got)
					}
				}
			}
		}
	}
	if tried < 500 {
		t.Fatalf("only %d colours tried", tried)
	}
}

func TestBrandCSS(t *testing.T) {
	if css := brandCSS(member.Theme{}); css != "" {
		t.Errorf("no colour configured, got %q", css)
	}
	css := brandCSS(member.Theme{Color: "#8a1c2b"})
	// Screen only: print keeps its black-on-white rules.
	for _, want := range []string{"@media screen { :root { --accent: #8a1c2b; --accent-fg: #ffffff;", "@media screen and (prefers-color-scheme: dark)"} {
		if !strings.Contains(css, want) {
			t.Errorf("brand CSS lacks %q:\n%s", want, css)
		}
	}
}
