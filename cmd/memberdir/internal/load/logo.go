package load

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/png" // logos may be PNG
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
// scripts, event handlers, javascript: links, embedded HTML, and links to
// other files or hosts.
var activeSVG = regexp.MustCompile(`(?i)<script|<foreignobject|<iframe|<embed|<object|\son[a-z]+\s*=|javascript:|<!entity|(?:xlink:)?href\s*=\s*["']?\s*(?:https?:|//|data:text)`)

// logo reads the file config.yaml names as theme.logo and checks that a
// browser can show it. A problem is reported at the theme.logo line.
func logo(fsys fs.FS, cfg *member.Config) ([]byte, *member.Error) {
	p := cfg.Theme.Logo
	bad := func(err error, fix string) *member.Error {
		return &member.Error{Pos: cfg.Theme.LogoPos, Field: "theme.logo", Msg: member.Msg(cfg.Language, "config.logo", p, err, fix)}
	}
	uploadFix := member.Msg(cfg.Language, "logo.fix.upload")
	if st, err := fs.Lstat(fsys, p); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		// As with profiles: a link could publish any file of the machine.
		return nil, bad(errors.New("it is a symbolic link"), uploadFix)
	}
	data, err := readLimited(fsys, p, MaxLogoSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, bad(errors.New("no such file"), uploadFix)
	}
	if err != nil {
		return nil, bad(err, uploadFix)
	}
	if len(data) > MaxLogoSize {
		return nil, bad(fmt.Errorf("%s is larger than %s", size(len(data)), size(MaxLogoSize)), member.Msg(cfg.Language, "logo.fix.smaller"))
	}
	ext := strings.ToLower(path.Ext(p))
	if ext == ".svg" {
		head := data[:min(len(data), 4096)]
		if !utf8.Valid(data) || !bytes.Contains(head, []byte("<svg")) {
			return nil, bad(errors.New("it is not an SVG image"), member.Msg(cfg.Language, "logo.fix.export"))
		}
		// Shown with <img>, an SVG runs no script; but the file is also
		// published, and opened on its own it would run one with the
		// site's origin. A logo needs none of these.
		if m := activeSVG.Find(data); m != nil {
			return nil, bad(fmt.Errorf("it contains %q, which a logo does not need and which could run code or load files from elsewhere", m), member.Msg(cfg.Language, "logo.fix.plain"))
		}
		return data, nil
	}
	ic, format, err := image.DecodeConfig(bytes.NewReader(data))
	want := map[string]string{".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".webp": "webp"}[ext]
	if err == nil && format != want {
		err = fmt.Errorf("it is a %s file", format)
	}
	if err == nil && (ic.Width < 1 || ic.Height < 1 || ic.Width*ic.Height > 16_000_000) {
		err = fmt.Errorf("%d×%d pixels", ic.Width, ic.Height)
	}
	if err != nil {
		return nil, bad(err, member.Msg(cfg.Language, "logo.fix.export"))
	}
	return data, nil
}
