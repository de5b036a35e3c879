package phototest

import (
	"encoding/binary"
	"math/bits"
)

// ProgressiveJPEG returns a grey w×h progressive JPEG (SOF2, YCbCr 4:2:0)
// that image/jpeg decodes: the ten scans of libjpeg's default progressive
// script, as cameras, phones and photo apps write them, followed by extra
// scans that each repeat the luma's AC band as one run of empty blocks,
// the way a file crafted to make decoding slow does. Every coefficient is
// zero, so a scan takes a few bytes however large the image.
func ProgressiveJPEG(w, h, extra int) []byte {
	out := []byte{0xff, 0xd8}
	// DQT: table 0, all ones.
	dqt := []byte{0}
	for range 64 {
		dqt = append(dqt, 1)
	}
	out = segment(out, 0xdb, dqt)
	// SOF2: 8 bits, h, w, three components; Y samples 2×2, Cb and Cr 1×1.
	sof := []byte{8, byte(h >> 8), byte(h), byte(w >> 8), byte(w), 3, 1, 0x22, 0, 2, 0x11, 0, 3, 0x11, 0}
	out = segment(out, 0xc2, sof)
	// DHT: DC table 0 with the one symbol 0 (code 0); AC table 0 with the
	// end-of-band runs EOB0 to EOB14 (symbols 0x00 to 0xe0), whose codes are
	// their numbers in four bits.
	dht := []byte{0x00, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00}
	dht = append(dht, 0x10, 0, 0, 0, 15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
	for n := range 15 {
		dht = append(dht, byte(n<<4))
	}
	out = segment(out, 0xc4, dht)

	mcus := ((w + 15) / 16) * ((h + 15) / 16)
	blocks := [3]int{((w + 7) / 8) * ((h + 7) / 8), mcus, mcus} // Y, Cb, Cr
	dc := func(ah, al byte) {
		var b bitWriter
		for range mcus * 6 { // 4 Y, 1 Cb, 1 Cr per MCU
			b.put(0, 1) // the DC difference 0, or a refinement bit 0
		}
		out = scan(out, []byte{3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 0, ah<<4 | al}, b.bytes())
	}
	ac := func(c int, ss, se, ah, al byte) {
		var b bitWriter
		for r := blocks[c]; r > 0; {
			run := min(r, 1<<15-1)
			n := bits.Len(uint(run)) - 1
			b.put(uint32(n), 4)              // EOBn
			b.put(uint32(run-1<<n), uint(n)) // the rest of the run
			r -= run
		}
		out = scan(out, []byte{1, byte(c + 1), 0x00, ss, se, ah<<4 | al}, b.bytes())
	}
	const y, cb, cr = 0, 1, 2
	dc(0, 1)
	ac(y, 1, 5, 0, 2)
	ac(cr, 1, 63, 0, 1)
	ac(cb, 1, 63, 0, 1)
	ac(y, 6, 63, 0, 2)
	ac(y, 1, 63, 2, 1)
	dc(1, 0)
	ac(cr, 1, 63, 1, 0)
	ac(cb, 1, 63, 1, 0)
	ac(y, 1, 63, 1, 0)
	for range extra {
		ac(y, 1, 63, 0, 0)
	}
	return append(out, 0xff, 0xd9)
}

// segment appends a marker segment: the marker, the length and body.
func segment(out []byte, marker byte, body []byte) []byte {
	out = append(out, 0xff, marker)
	out = binary.BigEndian.AppendUint16(out, uint16(2+len(body)))
	return append(out, body...)
}

// scan appends a start of scan segment with header hdr, then its
// entropy-coded data.
func scan(out, hdr, data []byte) []byte {
	return append(segment(out, 0xda, hdr), data...)
}

// bitWriter collects entropy-coded bits, most significant first.
type bitWriter struct {
	buf  []byte
	acc  uint32
	nacc uint
}

// put writes the low n bits of v.
func (b *bitWriter) put(v uint32, n uint) {
	for i := int(n) - 1; i >= 0; i-- {
		b.acc = b.acc<<1 | v>>uint(i)&1
		b.nacc++
		if b.nacc == 8 {
			b.emit(byte(b.acc))
			b.acc, b.nacc = 0, 0
		}
	}
}

// emit appends a byte, stuffing a 0 after 0xff as JPEG requires.
func (b *bitWriter) emit(c byte) {
	b.buf = append(b.buf, c)
	if c == 0xff {
		b.buf = append(b.buf, 0)
	}
}

// bytes returns the data, padded with one bits to a whole byte.
func (b *bitWriter) bytes() []byte {
	if b.nacc > 0 {
		b.put(1<<(8-b.nacc)-1, 8-b.nacc)
	}
	return b.buf
}
