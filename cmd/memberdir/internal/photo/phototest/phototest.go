// Package phototest makes image files for the tests of the packages that
// check and process photos.
package phototest

import (
	"encoding/binary"
	"hash/crc32"
)

// PNGHeader returns the start of a PNG that claims w×h pixels: enough for
// image.DecodeConfig, far too little to decode. The checks must refuse
// an oversized photo from this alone, before spending memory on pixels.
func PNGHeader(w, h uint32) []byte {
	ihdr := []byte("IHDR")
	ihdr = binary.BigEndian.AppendUint32(ihdr, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 6, 0, 0, 0)
	out := []byte("\x89PNG\r\n\x1a\n")
	out = binary.BigEndian.AppendUint32(out, 13)
	out = append(out, ihdr...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(ihdr))
}
