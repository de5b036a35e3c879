package render

import (
	"fmt"
	"html/template"
	"io"
	"slices"
	"sync"
)

// Scratch is where a build on disk sets its members' cards aside between
// rendering them and putting them on the list pages, instead of holding
// them in memory: at 100,000 members the cards and print entries are
// 300 MB, the largest part of what a build would otherwise keep for its
// whole length. An *os.File opened for reading and writing is one; the
// caller removes it after the build.
type Scratch interface {
	io.ReaderAt
	io.WriterAt
}

// cardStore appends cards to a Scratch. A nil *cardStore keeps them in
// memory, as serve does: its cache holds them from one rebuild to the
// next, and a scratch file would grow with every edit.
type cardStore struct {
	f   Scratch
	mu  sync.Mutex
	end int64
}

// newCardStore returns a store on f, or nil (memory) when f is nil.
func newCardStore(f Scratch) *cardStore {
	if f == nil {
		return nil
	}
	return &cardStore{f: f}
}

// cardText is a rendered card or print entry: its HTML in memory, or
// where it stands in a cardStore's scratch file.
type cardText struct {
	mem   template.HTML // when in memory
	store *cardStore    // when set aside
	off   int64
	n     int
}

// text keeps b, which the caller may reuse afterwards. It is safe to call
// from several goroutines: each card gets its own range of the file.
func (st *cardStore) text(b []byte) (cardText, error) {
	if st == nil {
		return cardText{mem: template.HTML(b)}, nil
	}
	st.mu.Lock()
	off := st.end
	st.end += int64(len(b))
	st.mu.Unlock()
	if _, err := st.f.WriteAt(b, off); err != nil {
		return cardText{}, fmt.Errorf("setting the cards aside: %w", err)
	}
	return cardText{store: st, off: off, n: len(b)}, nil
}

// len is the length of the text in bytes.
func (t cardText) len() int {
	if t.store == nil {
		return len(t.mem)
	}
	return t.n
}

// appendTo appends the text to b.
func (t cardText) appendTo(b []byte) ([]byte, error) {
	if t.store == nil {
		return append(b, t.mem...), nil
	}
	b = slices.Grow(b, t.n)[:len(b)+t.n]
	if _, err := t.store.f.ReadAt(b[len(b)-t.n:], t.off); err != nil {
		return nil, fmt.Errorf("reading the cards set aside: %w", err)
	}
	return b, nil
}

// html returns the text, read back when set aside.
func (t cardText) html() (template.HTML, error) {
	if t.store == nil {
		return t.mem, nil
	}
	b, err := t.appendTo(make([]byte, 0, t.n))
	return template.HTML(b), err
}
