package photo

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/photo/phototest"
)

// noise returns a w×h image of random pixels: any pixel out of place
// shows.
func noise(w, h int, seed uint64) *image.RGBA {
	r := rand.New(rand.NewPCG(seed, 1))
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range m.Pix {
		m.Pix[i] = byte(r.IntN(256))
		if i%4 == 3 {
			m.Pix[i] = 0xff
		}
	}
	return m
}

// stored returns the image a camera stores, with orientation o, for the
// upright image up.
func stored(up *image.RGBA, o int) *image.RGBA {
	w, h := up.Rect.Dx(), up.Rect.Dy()
	sw, sh := w, h
	if o >= 5 {
		sw, sh = h, w
	}
	s := image.NewRGBA(image.Rect(0, 0, sw, sh))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			sx, sy := source(o, x, y, sw, sh)
			s.Set(sx, sy, up.At(x, y))
		}
	}
	return s
}

// TestSquaresOrientation stores one upright image in each of the eight
// orientations and checks that the large square is exactly the centre of
// the upright image. The image is 483×480, so the large square is not
// scaled (pixels are compared exactly) and the crop is off-centre by half
// a pixel, which a crop made before turning would get wrong for the
// mirrored orientations.
func TestSquaresOrientation(t *testing.T) {
	up := noise(483, 480, 1)
	want := up.SubImage(image.Rect(1, 0, 481, 480)).(*image.RGBA)
	for o := 1; o <= 8; o++ {
		sq := squares(stored(up, o), o)
		if len(sq) != 2 || sq[0].Rect.Dx() != Small || sq[1].Rect.Dx() != Large {
			t.Fatalf("orientation %d: sizes %v", o, sq)
		}
		got := sq[1]
		diff := 0
		for y := 0; y < Large; y++ {
			for x := 0; x < Large; x++ {
				if got.RGBAAt(x, y) != want.RGBAAt(x+1, y) {
					diff++
				}
			}
		}
		if diff > 0 {
			t.Errorf("orientation %d: %d of %d pixels differ from the upright centre", o, diff, Large*Large)
		}
	}
}

// TestOrientationMeaning checks each orientation against the EXIF
// specification's words, independently of source: where the first and
// the last pixel of the stored first row appear upright.
func TestOrientationMeaning(t *testing.T) {
	const tl, tr, bl, br = "top left", "top right", "bottom left", "bottom right"
	cases := []struct {
		o           int
		first, last string
	}{
		{1, tl, tr},
		{2, tr, tl}, // mirrored
		{3, br, bl}, // upside down
		{4, bl, br},
		{5, tl, bl}, // the first row is the left side, the first column the top
		{6, tr, br}, // the first row is the right side: turn clockwise
		{7, br, tr},
		{8, bl, tl}, // the first row is the left side, seen from below
	}
	corner := func(m *image.RGBA, c color.RGBA) string {
		n := m.Rect.Dx()
		for _, p := range []struct {
			name string
			x, y int
		}{{tl, 5, 5}, {tr, n - 6, 5}, {bl, 5, n - 6}, {br, n - 6, n - 6}} {
			if m.RGBAAt(p.x, p.y) == c {
				return p.name
			}
		}
		return "nowhere"
	}
	red, green := color.RGBA{255, 0, 0, 255}, color.RGBA{0, 255, 0, 255}
	s := image.NewRGBA(image.Rect(0, 0, Large, Large))
	for y := 0; y < 20; y++ {
		for x := 0; x < 20; x++ {
			s.SetRGBA(x, y, red)
			s.SetRGBA(Large-1-x, y, green)
		}
	}
	for _, c := range cases {
		up := squares(s, c.o)[1]
		if got := corner(up, red); got != c.first {
			t.Errorf("orientation %d: the first stored pixel is %s, want %s", c.o, got, c.first)
		}
		if got := corner(up, green); got != c.last {
			t.Errorf("orientation %d: the end of the first row is %s, want %s", c.o, got, c.last)
		}
	}
}

// encodeJPEG returns m as a JPEG.
func encodeJPEG(t *testing.T, m image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encodePNG(t *testing.T, m image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// halves returns a w×h image, red on the left half and blue on the right.
func halves(w, h int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{200, 0, 0, 255}
			if x >= w/2 {
				c = color.RGBA{0, 0, 200, 255}
			}
			m.SetRGBA(x, y, c)
		}
	}
	return m
}

func decode(t *testing.T, data []byte) image.Image {
	t.Helper()
	m, format, err := image.Decode(bytes.NewReader(data))
	if err != nil || format != "jpeg" {
		t.Fatalf("output is not a JPEG: %v, %q", err, format)
	}
	return m
}

// near reports whether c is within 40 of want in every channel (JPEG
// blurs colours a little).
func near(c color.Color, want color.RGBA) bool {
	r, g, b, _ := c.RGBA()
	d := func(a uint32, b uint8) bool { return int(a>>8)-int(b) < 40 && int(b)-int(a>>8) < 40 }
	return d(r, want.R) && d(g, want.G) && d(b, want.B)
}

// TestProcessStripsEXIF feeds a phone photo with an EXIF segment holding
// a GPS position: the published images carry no EXIF segment and none of
// its bytes, and the photo is turned as its orientation (6) says.
func TestProcessStripsEXIF(t *testing.T) {
	body := tiff(binary.LittleEndian, 3, 6)
	in := withSegments(encodeJPEG(t, halves(800, 600)), exif(body))
	if Orientation(in) != 6 || !bytes.Contains(in, []byte(gpsMarker)) {
		t.Fatal("the test photo lacks its EXIF data")
	}
	imgs, err := Process(in)
	if err != nil {
		t.Fatal(err)
	}
	latitude := body[68:92] // the three RATIONALs
	for _, img := range imgs {
		for _, leak := range [][]byte{[]byte("Exif"), []byte(gpsMarker), []byte("GPS"), latitude, {0xff, 0xe1}} {
			if bytes.Contains(img.Data, leak) {
				t.Errorf("the %d px image contains %q", img.Size, leak)
			}
		}
		// Stored as left red, right blue; upright (turned clockwise) the
		// red half is on top.
		m := decode(t, img.Data)
		s := img.Size
		if !near(m.At(s/2, s/8), color.RGBA{200, 0, 0, 255}) || !near(m.At(s/2, s*7/8), color.RGBA{0, 0, 200, 255}) {
			t.Errorf("the %d px image is not turned upright: top %v, bottom %v", s, m.At(s/2, s/8), m.At(s/2, s*7/8))
		}
	}
}

func TestProcessSizes(t *testing.T) {
	cases := []struct {
		w, h int
		want []int
	}{
		{1200, 900, []int{160, 480}},
		{480, 700, []int{160, 480}},
		{400, 300, []int{160, 300}},
		{200, 161, []int{160, 161}},
		{160, 400, []int{160}},
		{90, 50, []int{50}},
		{1, 1, []int{1}},
	}
	for _, c := range cases {
		imgs, err := Process(encodeJPEG(t, noise(c.w, c.h, 2)))
		if err != nil {
			t.Fatal(err)
		}
		var got []int
		for _, img := range imgs {
			b := decode(t, img.Data).Bounds()
			if b.Dx() != img.Size || b.Dy() != img.Size {
				t.Errorf("%d×%d: image of size %d is %v", c.w, c.h, img.Size, b)
			}
			got = append(got, img.Size)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%d×%d: sizes %v, want %v", c.w, c.h, got, c.want)
		}
	}
}

// TestProcessTransparentIsWhite: a JPEG has no transparency, and a
// transparent PNG background must not turn black.
func TestProcessTransparentIsWhite(t *testing.T) {
	m := image.NewNRGBA(image.Rect(0, 0, 600, 600))
	for x := 250; x < 350; x++ {
		for y := 250; y < 350; y++ {
			m.SetNRGBA(x, y, color.NRGBA{0, 80, 0, 255})
		}
	}
	imgs, err := Process(encodePNG(t, m))
	if err != nil {
		t.Fatal(err)
	}
	out := decode(t, imgs[1].Data)
	if c := out.At(10, 10); !near(c, color.RGBA{255, 255, 255, 255}) {
		t.Errorf("transparent corner is %v, want white", c)
	}
	if c := out.At(240, 240); !near(c, color.RGBA{0, 80, 0, 255}) {
		t.Errorf("centre is %v, want green", c)
	}
}

func TestProcessDeterministic(t *testing.T) {
	in := encodePNG(t, noise(700, 500, 3))
	a, err := Process(in)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Process(in)
	for i := range a {
		if !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("image %d differs between two runs", i)
		}
	}
}

// TestProcessRefuses checks that what must not be decoded is refused from
// its header, before any memory is spent on its pixels.
func TestProcessRefuses(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"50 megapixels", phototest.PNGHeader(10000, 5000), "10000×5000 pixels"},
		{"one pixel too many", phototest.PNGHeader(MaxPixels+1, 1), "40000001×1 pixels"},
		{"no pixels", phototest.PNGHeader(0, 10), "png: invalid format: non-positive dimension"},
		{"not an image", []byte("<svg/>"), "image: unknown format"},
		{"40 megapixels in 1500 scans", phototest.ProgressiveJPEG(6324, 6324, 1490), "1500 scans, more than the 64 allowed"},
		{"one scan too many", phototest.ProgressiveJPEG(16, 16, MaxScans-9), "65 scans, more than the 64 allowed"},
		{"a baseline scan five times", repeatScan(t, encodeJPEG(t, noise(64, 48, 4)), 5), "5 scans, more than the 4 allowed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := Decodes()
			_, err := Process(c.data)
			if err == nil || err.Error() != c.want {
				t.Errorf("err = %v, want %s", err, c.want)
			}
			if Decodes() != before {
				t.Error("the image was decoded")
			}
		})
	}
}
