package photo

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
)

// Version names the way Process works. Change it whenever Process would
// give other bytes for the same photo (sizes, quality, scaling), so that
// no cache hands out what an older memberdir made.
const Version = "2"

// version is Version with what else shapes the bytes: the Go release,
// whose JPEG encoder writes them, and golang.org/x/image, which scales.
// Without it a cached photo could differ from a fresh one, and two
// builds of the same site would not give the same bytes.
var version = func() string {
	v := Version + " " + runtime.Version()
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "golang.org/x/image" {
				v += " " + d.Version
			}
		}
	}
	return v
}()

// Key returns the cache key of a photo's bytes: what Process makes of
// them depends on nothing else.
func Key(data []byte) [32]byte {
	h := sha256.New()
	h.Write([]byte(version))
	h.Write([]byte{0})
	h.Write(data)
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// Disk keeps processed photos in the folder Dir (none when it is ""), one file per photo
// named by its Key, so that the next build need not decode and scale them
// again. It is only a cache: a folder that cannot be made or written, and
// a file that is missing, short or damaged, only mean that the photo is
// processed again. Each file carries a checksum, so damaged bytes are
// never published.
type Disk struct {
	Dir string
}

// magic starts every cache file.
const magic = "memberdir photo\x00"

// Get returns the images stored under key, if a sound file holds them.
func (d Disk) Get(key [32]byte) ([]Image, bool) {
	if d.Dir == "" {
		return nil, false
	}
	data, err := os.ReadFile(filepath.Join(d.Dir, hex.EncodeToString(key[:])))
	if err != nil {
		return nil, false
	}
	return unpack(key, data)
}

// Put stores imgs under key. The file is written under a temporary name
// and renamed, so that a build running at the same time, or after a
// crash, never reads half of it.
func (d Disk) Put(key [32]byte, imgs []Image) (err error) {
	if d.Dir == "" {
		return errNoDir
	}
	if err := os.MkdirAll(d.Dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(d.Dir, ".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err := f.Write(pack(key, imgs)); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), filepath.Join(d.Dir, hex.EncodeToString(key[:])))
}

// pack lays imgs out as a cache file: magic, the number of images, each
// one's size and length, their bytes, and the SHA-256 of the key and all
// of that, so that a file copied to another key's name fails too.
func pack(key [32]byte, imgs []Image) []byte {
	var b bytes.Buffer
	b.WriteString(magic)
	b.WriteByte(byte(len(imgs)))
	for _, m := range imgs {
		b.Write(binary.BigEndian.AppendUint32(nil, uint32(m.Size)))
		b.Write(binary.BigEndian.AppendUint32(nil, uint32(len(m.Data))))
	}
	for _, m := range imgs {
		b.Write(m.Data)
	}
	sum := checksum(key, b.Bytes())
	b.Write(sum[:])
	return b.Bytes()
}

// unpack reads a file written by pack, checking every length.
func unpack(key [32]byte, data []byte) ([]Image, bool) {
	if len(data) < len(magic)+1+sha256.Size || string(data[:len(magic)]) != magic {
		return nil, false
	}
	body, sum := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if checksum(key, body) != [sha256.Size]byte(sum) {
		return nil, false
	}
	n := int(body[len(magic)])
	head := body[len(magic)+1:]
	if n < 1 || len(head) < 8*n {
		return nil, false
	}
	rest := head[8*n:]
	imgs := make([]Image, n)
	for i := range imgs {
		size := binary.BigEndian.Uint32(head[8*i:])
		l := binary.BigEndian.Uint32(head[8*i+4:])
		if size < 1 || size > Large || uint64(l) > uint64(len(rest)) {
			return nil, false
		}
		imgs[i] = Image{Size: int(size), Data: rest[:l:l]}
		rest = rest[l:]
	}
	return imgs, len(rest) == 0
}

func checksum(key [32]byte, body []byte) [sha256.Size]byte {
	h := sha256.New()
	h.Write(key[:])
	h.Write(body)
	var s [sha256.Size]byte
	h.Sum(s[:0])
	return s
}

// errNoDir is returned by Put when Disk has no folder.
var errNoDir = errors.New("photo: no cache folder")
