package render

import (
	"encoding/gob"
	"html/template"
	"io"
)

// cardFields are the fields of a MemberView that renderCards computes
// for the member's card and keeps for the lists and the profile page:
// what a Cache keeps of a member's view, and what a build saved on disk
// hands on to the next (Save). The other fields of a view are made
// anew on every build (view, relate) or for the profile page alone
// (pageLinks); TestCardFields fails when a new field of MemberView is in
// neither list.
type cardFields struct {
	card, printCard cardText
	cardValues
}

// cardValues are the card fields beside the cards' texts, the same in
// memory and in a saved cache.
type cardValues struct {
	WhyShort                              string
	OfferingItems, TagItems               template.HTML
	Email, EmailObf, Phone, VCard         string
	Tel, Website, LinkedIn, Xing, Booking template.URL
	QR                                    template.HTML
}

func cardFieldsOf(v *MemberView) cardFields {
	return cardFields{card: v.card, printCard: v.printCard, cardValues: cardValues{
		WhyShort: v.WhyShort, OfferingItems: v.OfferingItems, TagItems: v.TagItems,
		Email: v.Email, EmailObf: v.EmailObf, Phone: v.Phone, VCard: v.VCard,
		Tel: v.Tel, Website: v.Website, LinkedIn: v.LinkedIn, Xing: v.Xing, Booking: v.Booking, QR: v.QR,
	}}
}

// restore puts the card's fields back into v.
func (c *cardFields) restore(v *MemberView) {
	v.WhyShort, v.card, v.printCard, v.OfferingItems, v.TagItems = c.WhyShort, c.card, c.printCard, c.OfferingItems, c.TagItems
	v.Email, v.EmailObf, v.Phone, v.VCard = c.Email, c.EmailObf, c.Phone, c.VCard
	v.Tel, v.Website, v.LinkedIn, v.Xing, v.Booking, v.QR = c.Tel, c.Website, c.LinkedIn, c.Xing, c.Booking, c.QR
}

// savedCard is cardFields as a saved cache holds them: the cards'
// texts themselves, wherever this build kept them.
type savedCard struct {
	Card, PrintCard template.HTML
	Values          cardValues // a named field: gob leaves out embedded ones of unexported types
}

// saved returns c as a saved cache holds it.
func (c *cardFields) saved() (savedCard, error) {
	card, err := c.card.html()
	if err == nil {
		var print template.HTML
		print, err = c.printCard.html()
		return savedCard{Card: card, PrintCard: print, Values: c.cardValues}, err
	}
	return savedCard{}, err
}

// fields returns the card fields of s, its cards kept in store.
func (s *savedCard) fields(store *cardStore) (cardFields, error) {
	card, err := store.text([]byte(s.Card))
	if err == nil {
		var print cardText
		print, err = store.text([]byte(s.PrintCard))
		return cardFields{card: card, printCard: print, cardValues: s.Values}, err
	}
	return cardFields{}, err
}

// savedVersion names the form of a saved cache; a cache of another
// form is not read.
const savedVersion = 1

// savedHead starts a saved cache.
type savedHead struct {
	Version int
	Program [32]byte
	Members int
}

// savedMember is a member's entry in a saved cache.
type savedMember struct {
	Slug string
	Key  [32]byte
	Card savedCard
}

// NewSavedCache returns an empty cache for a build whose files go to disk
// and whose cache is saved for the next build (Save, ReadCache).
// program identifies the program that renders (the hash of its
// executable, say): a cache saved by another is never used. The cards of
// the build, and those read from the last, are set aside in scratch
// while the build runs, when it is not nil.
func NewSavedCache(program [32]byte, scratch Scratch) *Cache {
	return &Cache{members: map[string]*cached{}, lists: map[string]list{}, program: program, store: newCardStore(scratch)}
}

// Save saves what the next build of the site into the same folder can
// use of the cache: each member's card fields, by the key they were made
// from. The pages are not saved: they are on disk, in the folder the
// next build writes into.
func (c *Cache) Save(w io.Writer) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	enc := gob.NewEncoder(w)
	if err := enc.Encode(savedHead{Version: savedVersion, Program: c.program, Members: len(c.members)}); err != nil {
		return err
	}
	for slug, e := range c.members {
		card, err := e.card.saved()
		if err != nil {
			return err
		}
		if err := enc.Encode(savedMember{Slug: slug, Key: e.key, Card: card}); err != nil {
			return err
		}
	}
	return nil
}

// ReadCache reads a cache that Save saved, for a build by program, and
// closes r. It reads in the background, while the caller loads the site
// (at 100,000 members it takes about a second); the cache's methods wait
// for it. A cache that cannot be read, is cut short, or was saved by
// another program or in another form reads as empty: it can only save
// work, and every entry is checked against its key before it is used.
func ReadCache(r io.ReadCloser, program [32]byte, scratch Scratch) *Cache {
	c := NewSavedCache(program, scratch)
	c.mu.Lock() // until read: every method of Cache takes mu
	go func() {
		defer c.mu.Unlock()
		defer r.Close()
		if !c.read(r) {
			clear(c.members)
		}
	}()
	return c
}

// read adds the entries that Save wrote to r, and reports whether it
// read them all.
func (c *Cache) read(r io.Reader) bool {
	dec := gob.NewDecoder(r)
	var head savedHead
	if dec.Decode(&head) != nil || head.Version != savedVersion || head.Program != c.program {
		return false
	}
	// The items of members of the same categories and offerings are the
	// same text: one copy each, as renderCards makes them (sharedItems).
	items := map[template.HTML]template.HTML{}
	share := func(h template.HTML) template.HTML {
		if s, ok := items[h]; ok {
			return s
		}
		items[h] = h
		return h
	}
	for range head.Members {
		var e savedMember
		if dec.Decode(&e) != nil {
			return false
		}
		e.Card.Values.OfferingItems, e.Card.Values.TagItems = share(e.Card.Values.OfferingItems), share(e.Card.Values.TagItems)
		card, err := e.Card.fields(c.store)
		if err != nil {
			return false
		}
		c.members[e.Slug] = &cached{key: e.Key, card: card}
	}
	return true
}
