package photo

import (
	"bytes"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
)

func sample(t *testing.T) ([]byte, []Image) {
	t.Helper()
	in := encodeJPEG(t, noise(640, 480, 4))
	imgs, err := Process(in)
	if err != nil {
		t.Fatal(err)
	}
	return in, imgs
}

func sameImages(a, b []Image) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Size != b[i].Size || !bytes.Equal(a[i].Data, b[i].Data) {
			return false
		}
	}
	return true
}

func TestDiskRoundTrip(t *testing.T) {
	in, imgs := sample(t)
	d := Disk{Dir: filepath.Join(t.TempDir(), "photos")} // made by Put
	key := Key(in)
	if _, ok := d.Get(key); ok {
		t.Fatal("an empty cache has the photo")
	}
	if err := d.Put(key, imgs); err != nil {
		t.Fatal(err)
	}
	got, ok := d.Get(key)
	if !ok || !sameImages(got, imgs) {
		t.Fatalf("Get = %v, %v; want what was put", got, ok)
	}
	entries, _ := os.ReadDir(d.Dir)
	if len(entries) != 1 || entries[0].Name() != hex.EncodeToString(key[:]) {
		t.Errorf("the cache folder holds %v, want one file named by the key (no temporary file left)", entries)
	}
	if Key(append(in, 0)) == key {
		t.Error("different bytes have the same key")
	}
}

// TestDiskDamaged damages a cache file in the ways a crash, a full disk
// or a stray copy would: Get must refuse each, so that the photo is
// processed again rather than published broken.
func TestDiskDamaged(t *testing.T) {
	in, imgs := sample(t)
	key := Key(in)
	good := pack(key, imgs)
	flip := func(i int) []byte {
		b := bytes.Clone(good)
		b[i] ^= 1
		return b
	}
	cases := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"cut short", good[:len(good)/2]},
		{"last byte missing", good[:len(good)-1]},
		{"a bit flipped in the image", flip(len(good) / 2)},
		{"a bit flipped in a length", flip(len(magic) + 5)},
		{"a bit flipped in the checksum", flip(len(good) - 1)},
		{"bytes appended", append(bytes.Clone(good), 0)},
		{"another photo's file", pack(Key([]byte("other")), imgs)},
		{"no magic", append([]byte("xx"), good[2:]...)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Disk{Dir: t.TempDir()}
			os.WriteFile(filepath.Join(d.Dir, hex.EncodeToString(key[:])), c.data, 0o644)
			if got, ok := d.Get(key); ok {
				t.Errorf("Get accepted a damaged file: %d images", len(got))
			}
		})
	}
}

// TestDiskUnusable: a cache that cannot be written is no error for the
// build (the caller ignores Put's error) and never claims to hold photos.
func TestDiskUnusable(t *testing.T) {
	in, imgs := sample(t)
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, []byte("x"), 0o644)
	for _, d := range []Disk{{Dir: ""}, {Dir: filepath.Join(file, "photos")}} {
		if err := d.Put(Key(in), imgs); err == nil {
			t.Errorf("%q: Put succeeded", d.Dir)
		}
		if _, ok := d.Get(Key(in)); ok {
			t.Errorf("%q: Get found a photo", d.Dir)
		}
	}
}
