package photo

import (
	"bytes"
	"encoding/binary"
	"testing"
)

// gpsMarker stands for the position a phone writes into a photo; the tests
// look for it in what is published.
const gpsMarker = "GPS 50.9375N 6.9603E Koeln"

// tiff returns the TIFF body of an EXIF segment as a phone writes it:
// IFD0 with the orientation (a SHORT of type typ) and a pointer to a GPS
// IFD holding a latitude and gpsMarker.
func tiff(order binary.AppendByteOrder, typ, orientation uint16) []byte {
	var b []byte
	u16 := func(v uint16) { b = order.AppendUint16(b, v) }
	u32 := func(v uint32) { b = order.AppendUint32(b, v) }
	entry := func(tag, typ uint16, count, value uint32) { u16(tag); u16(typ); u32(count); u32(value) }
	if order == binary.LittleEndian {
		b = append(b, "II"...)
	} else {
		b = append(b, "MM"...)
	}
	u16(42)
	u32(8)
	// IFD0 at 8: two entries, no next IFD; it ends at 8+2+24+4 = 38.
	u16(2)
	value := uint32(orientation) << 16 // a SHORT sits in the first two bytes
	if order == binary.LittleEndian {
		value = uint32(orientation)
	}
	entry(0x0112, typ, 1, value)
	entry(0x8825, 4, 1, 38) // GPSInfo
	u32(0)
	// The GPS IFD at 38: latitude (three RATIONALs at 68), map datum (at 92).
	u16(2)
	entry(0x0002, 5, 3, 68)
	entry(0x0012, 2, uint32(len(gpsMarker)+1), 92)
	u32(0)
	for _, v := range []uint32{50, 1, 56, 1, 1500, 100} {
		u32(v)
	}
	return append(b, gpsMarker+"\x00"...)
}

// segment returns a JPEG marker segment with its length.
func segment(marker byte, body []byte) []byte {
	return append([]byte{0xff, marker, byte((len(body) + 2) >> 8), byte(len(body) + 2)}, body...)
}

// withSegments returns a JPEG with segs inserted after its start marker.
func withSegments(jpeg []byte, segs ...[]byte) []byte {
	out := append([]byte(nil), jpeg[:2]...)
	for _, s := range segs {
		out = append(out, s...)
	}
	return append(out, jpeg[2:]...)
}

func exif(body []byte) []byte { return segment(0xe1, append([]byte("Exif\x00\x00"), body...)) }

func TestOrientation(t *testing.T) {
	soi := []byte{0xff, 0xd8}
	eoi := []byte{0xff, 0xd9}
	sos := segment(0xda, []byte{1, 2, 3})
	le, be := binary.LittleEndian, binary.BigEndian
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	cases := []struct {
		name string
		data []byte
		want int
	}{
		{"no EXIF", cat(soi, segment(0xe0, []byte("JFIF\x00\x01\x02")), sos, eoi), 1},
		{"Intel byte order", cat(soi, exif(tiff(le, 3, 6)), sos), 6},
		{"Motorola byte order", cat(soi, exif(tiff(be, 3, 8)), sos), 8},
		{"after JFIF and XMP", cat(soi, segment(0xe0, []byte("JFIF\x00")), segment(0xe1, []byte("http://ns.adobe.com/xap/1.0/\x00<x/>")), exif(tiff(le, 3, 3)), sos), 3},
		{"fill bytes between segments", cat(soi, []byte{0xff, 0xff}, exif(tiff(be, 3, 5)), sos), 5},
		{"each value", cat(soi, exif(tiff(le, 3, 2))), 2},
		{"out of range", cat(soi, exif(tiff(le, 3, 9)), sos), 1},
		{"zero", cat(soi, exif(tiff(be, 3, 0)), sos), 1},
		{"not a SHORT", cat(soi, exif(tiff(le, 4, 6)), sos), 1},
		{"EXIF after the image data", cat(soi, sos, exif(tiff(le, 3, 6))), 1},
		{"not a JPEG", cat([]byte("\x89PNG\r\n\x1a\n"), exif(tiff(le, 3, 6))), 1},
		{"truncated segment", cat(soi, exif(tiff(le, 3, 6)))[:40], 1},
		{"segment length below 2", cat(soi, []byte{0xff, 0xe1, 0, 1}, exif(tiff(le, 3, 6))), 1},
		{"bad byte order mark", cat(soi, exif(append([]byte("XX"), tiff(le, 3, 6)[2:]...))), 1},
		{"not 42", cat(soi, exif(append([]byte("II\x2b\x00"), tiff(le, 3, 6)[4:]...))), 1},
		{"IFD0 beyond the end", cat(soi, exif(append([]byte("II\x2a\x00\xff\xff\xff\xff"), tiff(le, 3, 6)[8:]...))), 1},
		{"entry count beyond the end", cat(soi, exif(append(tiff(le, 3, 6)[:8], 0xff, 0xff))), 1},
		{"empty", nil, 1},
		{"only SOI", soi, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Orientation(c.data); got != c.want {
				t.Errorf("Orientation = %d, want %d", got, c.want)
			}
		})
	}
}

// FuzzOrientation feeds Orientation hostile bytes: whatever they are, it
// must return 1 to 8 without panicking, and quickly (the fuzzer reports
// a hang).
func FuzzOrientation(f *testing.F) {
	f.Add(withSegments([]byte{0xff, 0xd8, 0xff, 0xd9}, exif(tiff(binary.LittleEndian, 3, 6))))
	f.Add(withSegments([]byte{0xff, 0xd8, 0xff, 0xd9}, exif(tiff(binary.BigEndian, 3, 8))))
	f.Add([]byte{0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8})
	f.Add([]byte{0xff, 0xd8, 0xff, 0xff, 0xff, 0xd0})
	f.Fuzz(func(t *testing.T, data []byte) {
		if o := Orientation(data); o < 1 || o > 8 {
			t.Errorf("Orientation = %d", o)
		}
	})
}
