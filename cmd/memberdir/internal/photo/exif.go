package photo

import (
	"bytes"
	"encoding/binary"
)

// Orientation returns the EXIF orientation of a JPEG, 1 to 8 as the TIFF
// specification numbers them, or 1 (upright) when the file has none or it
// cannot be read. Phones store photos as the sensor saw them and say in
// this tag how to turn them; a photo must be turned before it is cropped.
//
// The bytes are a member's upload and untrusted: every offset is checked
// against the length before use, and every loop advances, so hostile
// input can neither panic nor hang it (FuzzOrientation).
func Orientation(jpeg []byte) int {
	if len(jpeg) < 4 || jpeg[0] != 0xff || jpeg[1] != 0xd8 {
		return 1
	}
	// Walk the segments from the start of image to the start of scan;
	// the APP1 segment with the EXIF data comes before it.
	for i := 2; i+4 <= len(jpeg); {
		if jpeg[i] != 0xff {
			return 1
		}
		marker := jpeg[i+1]
		switch {
		case marker == 0xff: // a fill byte
			i++
			continue
		case marker == 0xd8 || marker == 0x01 || marker >= 0xd0 && marker <= 0xd7: // no length
			i += 2
			continue
		case marker == 0xda || marker == 0xd9: // start of scan, end of image
			return 1
		}
		n := int(binary.BigEndian.Uint16(jpeg[i+2:]))
		if n < 2 || i+2+n > len(jpeg) {
			return 1
		}
		if seg := jpeg[i+4 : i+2+n]; marker == 0xe1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
			return tiffOrientation(seg[6:])
		}
		i += 2 + n
	}
	return 1
}

// tiffOrientation reads tag 0x0112 from IFD0 of a TIFF structure, the
// body of an EXIF segment: a byte order mark (II or MM), the number 42,
// the offset of IFD0, and there a count of 12-byte entries.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 1
	}
	var order binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		order = binary.LittleEndian
	case "MM":
		order = binary.BigEndian
	default:
		return 1
	}
	if order.Uint16(t[2:]) != 42 {
		return 1
	}
	// uint64 so that no offset overflows, whatever the file says.
	ifd := uint64(order.Uint32(t[4:]))
	if ifd+2 > uint64(len(t)) {
		return 1
	}
	count := uint64(order.Uint16(t[ifd:]))
	for k := uint64(0); k < count; k++ {
		e := ifd + 2 + 12*k
		if e+12 > uint64(len(t)) {
			return 1
		}
		if order.Uint16(t[e:]) != 0x0112 {
			continue
		}
		// A SHORT (type 3), one value, stored in the entry itself.
		if order.Uint16(t[e+2:]) != 3 || order.Uint32(t[e+4:]) != 1 {
			return 1
		}
		if o := int(order.Uint16(t[e+8:])); o >= 1 && o <= 8 {
			return o
		}
		return 1
	}
	return 1
}
