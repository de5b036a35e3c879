// Package photo turns a member's uploaded photo into the square JPEGs the
// site publishes: turned upright by its EXIF orientation, cropped to a
// square around the centre, scaled to Small and Large pixels and encoded
// again, which leaves every piece of metadata (GPS position, camera, date)
// behind. The result depends only on the input bytes, so it can be cached
// by their hash (Key, Disk).
package photo

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	_ "image/png" // photos may be PNG
	"sync/atomic"

	"golang.org/x/image/draw"
)

// The sizes published, in pixels per side: Small for the 64 px cards and
// the 160 px profile at normal density, Large for the profile on screens
// of two and three times the density. A photo smaller than Large is not
// scaled up; it is published at its own size.
const (
	Small = 160
	Large = 480
)

// MaxPixels bounds the pixels of a photo, checked from its header before
// it is decoded: a 40 megapixel JPEG needs about 60 MB to decode.
const MaxPixels = 40_000_000

// Quality is the JPEG quality of the published images: at 480 px no
// artefacts show, and a photo weighs about 30 KB.
const Quality = 80

// Image is one published size of a photo.
type Image struct {
	Size int    // width and height in pixels
	Data []byte // the JPEG
}

// decodes counts the photos decoded, for the tests of the caches.
var decodes atomic.Int64

// Decodes returns how many photos Process has decoded since the program
// started. Tests use it to prove that a cached photo is not decoded again.
func Decodes() int64 { return decodes.Load() }

// Process decodes a JPEG or PNG and returns its published sizes, smallest
// first: Small and Large, or fewer when the photo is smaller than that.
// The same bytes in always give the same bytes out. A photo whose
// decoding would cost too much, by its pixels (MaxPixels) or its scans
// (Scans), is refused from its header and markers before it is decoded.
func Process(data []byte) ([]Image, error) {
	src, o, err := open(data)
	if err != nil {
		return nil, err
	}
	var out []Image
	for _, m := range squares(src, o) {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: Quality}); err != nil {
			return nil, err
		}
		out = append(out, Image{Size: m.Rect.Dx(), Data: buf.Bytes()})
	}
	return out, nil
}

// open checks a photo's header and markers against the limits and
// decodes all of it, so that a file cut short or damaged anywhere is
// refused. It returns the image and its EXIF orientation.
func open(data []byte) (image.Image, int, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, 0, err
	}
	if format != "jpeg" && format != "png" {
		return nil, 0, fmt.Errorf("it is a %s file", format)
	}
	if cfg.Width < 1 || cfg.Height < 1 || int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return nil, 0, fmt.Errorf("%d×%d pixels", cfg.Width, cfg.Height)
	}
	if n, limit := Scans(data); n > limit {
		return nil, 0, fmt.Errorf("%d scans, more than the %d allowed", n, limit)
	}
	decodes.Add(1)
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, 0, err
	}
	o := 1
	if format == "jpeg" {
		o = Orientation(data)
	}
	return src, o, nil
}

// Sizes returns the sizes published of a photo whose square has the given
// side: never larger than the photo itself.
func Sizes(side int) []int {
	switch {
	case side >= Large:
		return []int{Small, Large}
	case side > Small:
		return []int{Small, side}
	default:
		return []int{side}
	}
}

// squares returns the centred square of src as it is seen upright, at
// each of Sizes, smallest first.
//
// It crops and scales in the stored orientation and turns only the
// scaled squares, which are small, instead of turning the whole photo
// first: the crop is computed upright and mapped back (crop), so the
// pixels chosen are those of turning first, and a square scales the same
// turned or not (up to the rounding of the last bit).
func squares(src image.Image, o int) []*image.RGBA {
	r := crop(src.Bounds(), o)
	sizes := Sizes(r.Dx())
	out := make([]*image.RGBA, len(sizes))
	large := image.NewRGBA(image.Rect(0, 0, sizes[len(sizes)-1], sizes[len(sizes)-1]))
	// Transparent areas of a PNG become white, not black, in the JPEG.
	draw.Draw(large, large.Rect, image.White, image.Point{}, draw.Src)
	draw.CatmullRom.Scale(large, large.Rect, src, r, draw.Over, nil)
	out[len(out)-1] = large
	if len(sizes) > 1 {
		small := image.NewRGBA(image.Rect(0, 0, sizes[0], sizes[0]))
		draw.CatmullRom.Scale(small, small.Rect, large, large.Rect, draw.Src, nil)
		out[0] = small
	}
	for i, m := range out {
		out[i] = turn(m, o)
	}
	return out
}

// source maps the point (x, y) of the upright image to the stored image
// of w×h pixels with EXIF orientation o. The orientations name where the
// stored first row and column appear: 6, the usual portrait photo from a
// phone, shows the first row on the right.
func source(o, x, y, w, h int) (int, int) {
	switch o {
	case 2: // mirrored left to right
		return w - 1 - x, y
	case 3: // turned 180°
		return w - 1 - x, h - 1 - y
	case 4: // mirrored top to bottom
		return x, h - 1 - y
	case 5: // mirrored along the diagonal
		return y, x
	case 6: // stored turned 90° anticlockwise
		return y, h - 1 - x
	case 7: // mirrored along the other diagonal
		return w - 1 - y, h - 1 - x
	case 8: // stored turned 90° clockwise
		return w - 1 - y, x
	}
	return x, y
}

// crop returns the part of the stored image b that shows the centred
// square of the upright image.
func crop(b image.Rectangle, o int) image.Rectangle {
	w, h := b.Dx(), b.Dy()
	uw, uh := w, h // upright
	if o >= 5 && o <= 8 {
		uw, uh = h, w
	}
	side := min(w, h)
	x0, y0 := (uw-side)/2, (uh-side)/2
	ax, ay := source(o, x0, y0, w, h)
	bx, by := source(o, x0+side-1, y0+side-1, w, h)
	return image.Rect(min(ax, bx), min(ay, by), max(ax, bx)+1, max(ay, by)+1).Add(b.Min)
}

// turn returns the square m as seen upright.
func turn(m *image.RGBA, o int) *image.RGBA {
	if o < 2 || o > 8 {
		return m
	}
	n := m.Rect.Dx()
	out := image.NewRGBA(m.Rect)
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			sx, sy := source(o, x, y, n, n)
			copy(out.Pix[out.PixOffset(x, y):][:4], m.Pix[m.PixOffset(sx, sy):][:4])
		}
	}
	return out
}
