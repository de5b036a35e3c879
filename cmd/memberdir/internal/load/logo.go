package load

import (
	"bytes"
	"errors"
	"image"
	_ "image/jpeg" // logos may be JPEG,
	_ "image/png"  // PNG
	"io/fs"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	_ "golang.org/x/image/webp" // or WebP

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// MaxLogoSize bounds the logo file: it is on every page, so anything
// near this limit would already be too heavy for visitors on a phone.
const MaxLogoSize = 1 << 20

// activeSVG finds what in an SVG can run code or fetch from elsewhere:
// scripts, event handlers, javascript: links, embedded HTML, links to
// other files or hosts, and entities that are files or other entities
// (what "billion laughs" is made of). A plain text entity, as Illustrator
// declares its namespaces with, is harmless.
var activeSVG = regexp.MustCompile(`(?i)<script|<foreignobject|<iframe|<embed|<object|\son[a-z]+\s*=|javascript:|<!entity\s+%|<!entity\s+\S+\s+(?:system|public)|<!entity\s+\S+\s+["'][^"']*&|(?:xlink:)?href\s*=\s*["']?\s*(?:https?:|//|data:text)`)

// logo reads the file config.yaml names as theme.logo and checks that a
// browser can show it. A problem is reported at the theme.logo line.
func logo(fsys fs.FS, cfg *member.Config) ([]byte, *member.Error) {
	p := cfg.Theme.Logo
	lang := cfg.Language
	// bad reports the logo unusable: why (a message key and its values),
	// and the fix.
	bad := func(fix string, why string, args ...any) *member.Error {
		return &member.Error{Pos: cfg.Theme.LogoPos, Field: "theme.logo", Msg: member.Msg(lang, "config.logo", p, member.Msg(lang, why, args...), fix)}
	}
	uploadFix := member.Msg(lang, "logo.fix.upload")
	if st, err := fs.Lstat(fsys, p); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		// As with profiles: a link could publish any file of the machine.
		return nil, bad(uploadFix, "logo.why.link")
	}
	data, err := readLimited(fsys, p, MaxLogoSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, bad(uploadFix, "logo.why.missing")
	}
	if err != nil {
		return nil, bad(uploadFix, "logo.why.unreadable", err)
	}
	if len(data) > MaxLogoSize {
		return nil, bad(member.Msg(lang, "logo.fix.smaller"), "logo.why.large", size(len(data)), size(MaxLogoSize))
	}
	exportFix := member.Msg(lang, "logo.fix.export")
	ext := strings.ToLower(path.Ext(p))
	if ext == ".svg" {
		head := data[:min(len(data), 4096)]
		if !utf8.Valid(data) || !bytes.Contains(head, []byte("<svg")) {
			return nil, bad(exportFix, "logo.why.notsvg")
		}
		// Shown with <img>, an SVG runs no script; but the file is also
		// published, and opened on its own it would run one with the
		// site's origin. A logo needs none of these.
		if m := activeSVG.Find(data); m != nil {
			return nil, bad(member.Msg(lang, "logo.fix.plain"), "logo.why.active", string(m))
		}
		return data, nil
	}
	ic, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, bad(exportFix, "logo.why.unknown")
	}
	if want := map[string]string{".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".webp": "webp"}[ext]; format != want {
		// A JPEG saved as logo.png: renaming it is the fix.
		named := strings.TrimSuffix(p, path.Ext(p)) + map[string]string{"png": ".png", "jpeg": ".jpg", "webp": ".webp"}[format]
		return nil, bad(member.Msg(lang, "logo.fix.rename", named), "logo.why.format", strings.ToUpper(format), strings.ToUpper(strings.TrimPrefix(ext, ".")))
	}
	if ic.Width < 1 || ic.Height < 1 || ic.Width*ic.Height > 16_000_000 {
		return nil, bad(exportFix, "logo.why.pixels", ic.Width, ic.Height)
	}
	if format == "webp" && bytes.Contains(data[:min(len(data), 256)], []byte("ANIM")) {
		return nil, bad(member.Msg(lang, "logo.fix.still"), "logo.why.animated")
	}
	// The header says nothing of the rest: a file cut short in the upload
	// would be published as a broken image on every page.
	if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
		return nil, bad(exportFix, "logo.why.broken", member.DecodeReason(lang, err))
	}
	return data, nil
}
