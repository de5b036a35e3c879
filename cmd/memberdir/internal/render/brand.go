package render

import (
	"fmt"
	"path"
	"strings"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/colour"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// The default theme's backgrounds (see site.css), against which a brand
// colour's shades are measured.
var (
	lightBgs = []colour.RGB{colour.White, colour.MustParse("#fbfaf7")}
	darkBgs  = []colour.RGB{colour.MustParse("#15181c"), colour.MustParse("#1d2127")}
	darkFg   = colour.MustParse("#0c1a24")
)

// brandCSS returns the rules that give the default theme the network's
// own colour, appended to site.css so that no inline style is needed (the
// pages' CSP allows none). Each shade is measured, not guessed: the
// colour as configured for links and buttons on light backgrounds (the
// loader refused it unless it reaches WCAG AA there), a lighter shade of
// it for dark mode, and a pale tint for tag chips that still carries
// accent-coloured text at AA.
func brandCSS(theme member.Theme) string {
	c, err := colour.Parse(theme.Color)
	if theme.Color == "" || err != nil {
		return ""
	}
	p := brandPalette(c)
	var b strings.Builder
	b.WriteString("\n/* theme.color from config.yaml */\n")
	fmt.Fprintf(&b, "@media screen { :root { --accent: %s; --accent-fg: %s; --soft: %s; } }\n", p.accent, colour.White, p.soft)
	fmt.Fprintf(&b, "@media screen and (prefers-color-scheme: dark) { :root { --accent: %s; --accent-fg: %s; --soft: %s; } }\n", p.dark, darkFg, p.darkSoft)
	return b.String()
}

// palette is a brand colour's shades for the light and dark schemes.
type palette struct{ accent, soft, dark, darkSoft colour.RGB }

func brandPalette(c colour.RGB) palette {
	// In dark mode the accent is text on dark backgrounds and the
	// background of buttons with dark text, so it must clear both.
	dark, _ := colour.Towards(c, colour.White, colour.AA+0.1, append(darkBgs, darkFg)...)
	return palette{accent: c, soft: tint(c, colour.White), dark: dark, darkSoft: tint(dark, darkBgs[0])}
}

// tint returns the strongest tint of c towards the background bg that
// still leaves text in c readable on it (WCAG AA): the chips' background.
func tint(c, bg colour.RGB) colour.RGB {
	for i := 85; i < 100; i++ {
		if t := colour.Mix(c, bg, float64(i)/100); colour.Contrast(c, t) >= colour.AA {
			return t
		}
	}
	return bg
}

// logoAsset is the published name of the site's logo, fingerprinted like
// every asset.
func logoAsset(name string, data []byte) Asset {
	ext := strings.ToLower(path.Ext(name))
	if ext == ".jpeg" {
		ext = ".jpg"
	}
	return newAsset("logo"+ext, data)
}
