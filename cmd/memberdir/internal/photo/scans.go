package photo

import (
	"bytes"
	"encoding/binary"
)

// MaxScans bounds the scans of a progressive JPEG. image/jpeg visits every
// block of the image in every scan, however few bytes the scan has: a scan
// of 55 bytes that only says "nothing here" for each of the 625,000 blocks
// of a 40 megapixel photo costs 40 ms, so a 99 KB file of 1,500 such scans
// keeps a build busy for a minute. Cameras, phones and photo apps write a
// few: libjpeg's default script, which most programs use, has 10 scans,
// Photoshop's 3 to 5, mozjpeg's optimised ones 10 to 20. 64 leaves room
// for unusual encoders and bounds the decoding of any photo at about twice
// that of an ordinary progressive one of the same size.
const MaxScans = 64

// maxSequentialScans bounds the scans of a sequential (baseline) JPEG,
// which codes each of its components, at most four, in exactly one scan.
// image/jpeg decodes a repeated scan again, and unlike a progressive one
// it also transforms every block: 250 ms a scan at 40 megapixels.
const maxSequentialScans = 4

// Scans returns how many scans (start of scan markers) a JPEG has, and
// how many it may have: 4 for a sequential JPEG, MaxScans for a
// progressive one. Decoding costs a pass over the image for each scan;
// Scans only reads the markers, so the checks can refuse a photo whose
// decoding would take minutes in the microseconds it takes to read them.
// It returns 0 and MaxScans for data that is not a JPEG.
//
// It walks the file as image/jpeg does, so that it counts every scan the
// decoder would decode: from one marker to the next by the length of its
// segment, and after the entropy-coded data of a scan to the next 0xff
// that is followed, after any fill bytes 0xff, by neither 0x00 (an 0xff
// in the data) nor a restart marker. Like the decoder it skips any other
// bytes between segments. It stops at the end of image, as the decoder
// does, and may count scans the decoder would refuse, never fewer.
//
// The bytes are a member's upload and untrusted: every offset is checked
// against the length before use and every loop advances, so hostile input
// can neither panic nor hang it (FuzzScans).
func Scans(jpeg []byte) (n, limit int) {
	limit = MaxScans
	if len(jpeg) < 2 || jpeg[0] != 0xff || jpeg[1] != 0xd8 {
		return 0, limit
	}
	frame := false
	for i := 2; i < len(jpeg); {
		k := bytes.IndexByte(jpeg[i:], 0xff)
		if k < 0 {
			break
		}
		i += k + 1
		for i < len(jpeg) && jpeg[i] == 0xff { // fill bytes
			i++
		}
		if i == len(jpeg) {
			break
		}
		marker := jpeg[i]
		i++
		switch {
		case marker == 0x00 || marker >= 0xd0 && marker <= 0xd7: // stuffed 0xff, restart
			continue
		case marker == 0xd9: // end of image
			return n, limit
		}
		if i+2 > len(jpeg) {
			break
		}
		size := int(binary.BigEndian.Uint16(jpeg[i:]))
		if size < 2 { // image/jpeg stops here: short segment length
			break
		}
		switch marker {
		case 0xc0, 0xc1, 0xc2: // start of frame: baseline, extended, progressive
			// image/jpeg refuses a second frame.
			if !frame && marker != 0xc2 {
				limit = maxSequentialScans
			}
			frame = true
		case 0xda: // start of scan
			n++
		}
		i += size
	}
	return n, limit
}
