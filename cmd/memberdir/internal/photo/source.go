package photo

import (
	"errors"
	"fmt"
)

// Source is a member's photo file as the loader found it: its Key, and
// how to read it again. A build holds the keys of all photos but the
// bytes of none: the processed photo usually comes from a cache, and
// holding 500 phone photos would take gigabytes. Read is called only when
// no cache has the key.
type Source struct {
	Key  [32]byte
	read func() ([]byte, error)
}

// NewSource returns the Source of a photo whose bytes had key when
// checked; read reads them again.
func NewSource(key [32]byte, read func() ([]byte, error)) Source {
	return Source{Key: key, read: read}
}

// FromBytes returns a Source of data held in memory.
func FromBytes(data []byte) Source {
	return Source{Key: Key(data), read: func() ([]byte, error) { return data, nil }}
}

// ErrChanged is returned by Read when the file no longer has the bytes
// it had when it was checked: it changed during the build, and the build
// that its change causes will read it anew.
var ErrChanged = errors.New("the file changed during the build")

// Read returns the photo's bytes, as they were when checked.
func (s Source) Read() ([]byte, error) {
	if s.read == nil {
		return nil, fmt.Errorf("photo: no file")
	}
	data, err := s.read()
	if err != nil {
		return nil, err
	}
	if Key(data) != s.Key {
		return nil, ErrChanged
	}
	return data, nil
}
