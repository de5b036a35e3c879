package photo

import (
	"bytes"
	"encoding/binary"
	"image/jpeg"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/photo/phototest"
)

// cat joins the parts of a hand-made JPEG.
func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// seg returns a marker segment: 0xff, the marker, the length and body.
func seg(marker byte, body ...byte) []byte {
	return cat([]byte{0xff, marker}, binary.BigEndian.AppendUint16(nil, uint16(2+len(body))), body)
}

// repeatScan returns a JPEG from image/jpeg, which has one scan, with that
// scan n times; image/jpeg decodes each of them.
func repeatScan(t *testing.T, data []byte, n int) []byte {
	t.Helper()
	i := bytes.Index(data, []byte{0xff, 0xda})
	if i < 0 || !bytes.HasSuffix(data, []byte{0xff, 0xd9}) {
		t.Fatal("no scan, or no end of image")
	}
	out := slices.Clone(data[:i])
	for range n {
		out = append(out, data[i:len(data)-2]...)
	}
	return append(out, 0xff, 0xd9)
}

// libjpeg reads testdata/progressive.jpg, a 48×32 photo that libjpeg-turbo's
// cjpeg saved with -progressive: its default script of ten scans, as most
// photo apps write them. (image/jpeg refuses the progressive JPEGs that
// cjpeg writes with restart markers, so those are tested by hand-made bytes.)
func libjpeg(t testing.TB) []byte {
	data, err := os.ReadFile("testdata/progressive.jpg")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestScans(t *testing.T) {
	var (
		soi  = []byte{0xff, 0xd8}
		eoi  = []byte{0xff, 0xd9}
		sof0 = seg(0xc0, 8, 0, 16, 0, 16, 1, 1, 0x11, 0)
		sof1 = seg(0xc1, 8, 0, 16, 0, 16, 1, 1, 0x11, 0)
		sof2 = seg(0xc2, 8, 0, 16, 0, 16, 1, 1, 0x11, 0)
		sos  = seg(0xda, 1, 1, 0x00, 1, 63, 0)
		prog = phototest.ProgressiveJPEG(16, 16, 0)
	)
	cases := []struct {
		name     string
		data     []byte
		n, limit int
		decodes  bool // image/jpeg decodes it: its scans are real work
	}{
		{"not a JPEG", phototest.PNGHeader(10, 10), 0, MaxScans, false},
		{"empty", nil, 0, MaxScans, false},
		{"baseline, from image/jpeg", encodeJPEG(t, noise(64, 48, 4)), 1, 4, true},
		{"baseline, its scan four times", repeatScan(t, encodeJPEG(t, noise(64, 48, 4)), 4), 4, 4, true},
		{"baseline, its scan five times", repeatScan(t, encodeJPEG(t, noise(64, 48, 4)), 5), 5, 4, true},
		{"progressive, from libjpeg-turbo's cjpeg", libjpeg(t), 10, MaxScans, true},
		{"progressive, libjpeg's script", prog, 10, MaxScans, true},
		{"progressive, 64 scans", phototest.ProgressiveJPEG(16, 16, 54), 64, MaxScans, true},
		{"progressive, 65 scans", phototest.ProgressiveJPEG(16, 16, 55), 65, MaxScans, true},
		{"the audit's 40 megapixels in 1500 scans", phototest.ProgressiveJPEG(6324, 6324, 1490), 1500, MaxScans, false},
		{"a scan inside a comment is none", cat(soi, seg(0xfe, sos...), prog[2:]), 10, MaxScans, true},
		{"extended sequential", cat(soi, sof1, sos, sos, sos, sos, sos, eoi), 5, 4, false},
		{"stuffed 0xff, restarts and fill bytes in the data", cat(soi, sof2, sos, []byte("\x12\xff\x00\x34\xff\xd0\x56\xff\xff\xd7\x78"), sos, []byte("\x9a\xff\xff\xff"), sos, eoi), 3, MaxScans, false},
		{"junk between segments is skipped", cat(soi, []byte("junk"), sof2, []byte{0, 1}, sos, eoi), 1, MaxScans, false},
		{"the first frame counts", cat(soi, sof0, sof2, sos, eoi), 1, 4, false},
		{"nothing after the end of image", cat(soi, sof2, sos, eoi, sos, sos), 1, MaxScans, false},
		{"short segment length", cat(soi, sof2, []byte{0xff, 0xe0, 0, 1}, sos, eoi), 0, MaxScans, false},
		{"segment longer than the file", cat(soi, sof2, []byte{0xff, 0xe1, 0xff, 0xff}, sos, eoi), 0, MaxScans, false},
		{"cut in a length", cat(soi, sof2, sos[:3]), 0, MaxScans, false},
		{"cut after a marker", cat(soi, sof2, sos, []byte{0xff, 0xff}), 1, MaxScans, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n, limit := Scans(c.data)
			if n != c.n || limit != c.limit {
				t.Errorf("Scans = %d, %d; want %d, %d", n, limit, c.n, c.limit)
			}
			if c.decodes {
				if _, err := jpeg.Decode(bytes.NewReader(c.data)); err != nil {
					t.Errorf("image/jpeg: %v", err)
				}
			}
		})
	}
}

// TestScansPrefixes cuts JPEGs after every byte: Scans neither panics nor
// counts a scan of the cut file that the whole file lacks.
func TestScansPrefixes(t *testing.T) {
	for _, data := range [][]byte{libjpeg(t), phototest.ProgressiveJPEG(40, 24, 3)} {
		last := 0
		for i := range len(data) + 1 {
			n, _ := Scans(data[:i])
			if n < last {
				t.Fatalf("%d scans in the first %d bytes, %d in fewer", n, i, last)
			}
			last = n
		}
		if whole, _ := Scans(data); last != whole {
			t.Errorf("%d scans, want %d", last, whole)
		}
	}
}

// TestProcessProgressive: ordinary progressive photos, and one with as
// many scans as allowed, are published.
func TestProcessProgressive(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want int // images
	}{
		{"libjpeg-turbo's cjpeg, 48×32", libjpeg(t), 1},
		{"libjpeg's script, 600×500", phototest.ProgressiveJPEG(600, 500, 0), 2},
		{"64 scans, 600×500", phototest.ProgressiveJPEG(600, 500, MaxScans-10), 2},
	}
	for _, c := range cases {
		imgs, err := Process(c.data)
		if err != nil || len(imgs) != c.want {
			t.Errorf("%s: %d images, %v; want %d", c.name, len(imgs), err, c.want)
		}
	}
}

// TestScansFast checks that counting the scans of a photo costs nothing
// next to decoding it.
func TestScansFast(t *testing.T) {
	data := encodeJPEG(t, noise(1500, 1120, 6)) // about 2 MB
	start := time.Now()
	for range 10 {
		Scans(data)
	}
	scans := time.Since(start) / 10
	start = time.Now()
	if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	decode := time.Since(start)
	t.Logf("%d bytes: Scans %v, decoding %v", len(data), scans, decode)
	if scans > decode/10 {
		t.Errorf("Scans takes %v, decoding %v", scans, decode)
	}
}

func BenchmarkScans(b *testing.B) {
	data, err := os.ReadFile("testdata/progressive.jpg")
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, noise(1500, 1120, 6), &jpeg.Options{Quality: 95}); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		data []byte
	}{{"libjpeg-1KB", data}, {"baseline-2MB", buf.Bytes()}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.data)))
			for b.Loop() {
				Scans(bc.data)
			}
		})
	}
}

// FuzzScans feeds Scans hostile bytes: it must return, without panic, a
// count of scans that each start with the bytes of a start of scan
// marker, and never count more in a part of the file than in the whole.
func FuzzScans(f *testing.F) {
	f.Add(libjpeg(f))
	f.Add(phototest.ProgressiveJPEG(16, 16, 2))
	f.Add([]byte("\xff\xd8\xff\xc0\x00\x0b\x08\x00\x10\x00\x10\x01\x01\x11\x00\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00\x12\xff\x00\xff\xd0\xff\xff\xda\x00\x02\xff\xd9"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, limit := Scans(data)
		if limit != MaxScans && limit != maxSequentialScans {
			t.Fatalf("limit %d", limit)
		}
		if m := bytes.Count(data, []byte{0xff, 0xda}); n > m {
			t.Fatalf("%d scans, but only %d start of scan markers", n, m)
		}
		if half, _ := Scans(data[:len(data)/2]); half > n {
			t.Fatalf("%d scans in the first half, %d in the whole", half, n)
		}
	})
}
