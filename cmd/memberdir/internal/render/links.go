package render

import (
	"encoding/base64"
	"fmt"
	"html/template"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/qr"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/referral"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/vcard"
)

// links computes the links every card and list needs; it runs once per
// member, in parallel. The large ones only the profile page shows are
// made by pageLinks, for that page alone, so that they need not all be
// held in memory at once.
func (s *site) links(v *MemberView) error {
	m := v.M
	l := v
	// A member who hides their contact details (public: false) gets the same
	// treatment as everyone on a site that obfuscates: the Cc address of
	// the referral e-mail must not stand in the page either.
	obf := s.dir.Config.Privacy.ObfuscateEmail || !m.Contact.Public
	hide := func(u, fallback string) (template.URL, string) {
		if u == "" {
			return "", ""
		}
		if obf {
			return template.URL(fallback), base64.StdEncoding.EncodeToString([]byte(u))
		}
		return template.URL(u), ""
	}
	contactAnchor := v.URL + "#contact"
	if m.Contact.Email != "" {
		l.Recommend, l.RecommendObf = hide(s.referral.RecommendShort(m, s.shared(v)), contactAnchor)
		if m.Contact.Public {
			if obf {
				l.EmailObf = base64.StdEncoding.EncodeToString([]byte(m.Contact.Email))
			} else {
				l.Email = m.Contact.Email
			}
		}
	}
	if m.Contact.Public && m.Contact.Phone != "" {
		l.Tel = template.URL(s.referral.Tel(m.Contact.Phone))
		l.Phone = m.Contact.Phone
	}
	l.Website = template.URL(s.referral.WebsiteWithParams(m))
	l.LinkedIn = template.URL(referral.Web(m.Contact.LinkedIn))
	l.Xing = template.URL(referral.Web(m.Contact.Xing))
	l.Booking = template.URL(referral.Web(m.Contact.Booking))
	l.VCard = s.data.BasePath + "members/" + m.Slug + ".vcf"
	// The QR code is kept for the print view only while that shows them;
	// past MaxPrintQR members the profile page makes its own.
	if len(s.dir.Members) <= MaxPrintQR && s.shared(v) != "" {
		code, err := qr.SVG(s.shared(v), s.strings["member.qr"])
		if err != nil {
			return err
		}
		l.QR = code
	}
	return nil
}

// shared is the profile's address for what leaves the site (e-mails, QR
// codes, vCards), or "" when base_url is not an absolute address: a path
// such as /members/anna/ opens nothing in a mail program or a phone, so
// those then carry no link to the profile at all. build says so.
func (s *site) shared(v *MemberView) string {
	if !s.data.Absolute {
		return ""
	}
	return v.AbsURL
}

// pageLinks returns a copy of v with the links only its profile page
// needs: the ask-first e-mail, the text to copy, the direct contact
// e-mail and the QR code.
func (s *site) pageLinks(v *MemberView) (*MemberView, error) {
	c := *v
	m, l := c.M, &c
	// A member who hides their contact details (public: false) gets the same
	// treatment as everyone on a site that obfuscates: the Cc address of
	// the referral e-mail must not stand in the page either.
	obf := s.dir.Config.Privacy.ObfuscateEmail || !m.Contact.Public
	recommend, text := s.referral.Introduction(m, s.shared(v))
	if m.Contact.Email != "" {
		l.Recommend, l.RecommendObf = template.URL(recommend), ""
		if obf {
			l.Recommend, l.RecommendObf = template.URL(v.URL+"#contact"), base64.StdEncoding.EncodeToString([]byte(recommend))
		}
	}
	l.AskFirst = template.URL(s.referral.AskFirst(m, s.shared(v)))
	if obf && m.Contact.Email != "" {
		l.TextObf = base64.StdEncoding.EncodeToString([]byte(text))
	} else {
		l.RecommendText = text
	}
	if m.Contact.Email != "" {
		u := s.referral.Contact(m, s.shared(v))
		if obf {
			l.ContactMail, l.ContactMailObf = template.URL(v.URL+"#contact"), base64.StdEncoding.EncodeToString([]byte(u))
		} else {
			l.ContactMail = template.URL(u)
		}
	}
	if l.QR == "" && s.shared(v) != "" {
		code, err := qr.SVG(s.shared(v), s.strings["member.qr"])
		if err != nil {
			return nil, err
		}
		l.QR = code
	}
	return &c, nil
}

// vcards publishes members/<slug>.vcf for each member and members.vcf
// with everyone, to import the whole network into a phone; past
// partBudget bytes, everyone is split into members-1.vcf, members-2.vcf,
// …, which members.json lists.
func (s *site) vcards() error {
	ms := s.dir.Members
	cards := make([][]byte, len(ms))
	if err := each(len(ms), func(i int) error {
		v := s.views[ms[i]]
		e := s.cache.get(ms[i].Slug, s.keys[ms[i]])
		if e != nil && e.vcard != nil {
			cards[i] = e.vcard
		} else {
			cards[i] = vcard.Card(ms[i], s.shared(v), s.data.Lang)
			if e != nil {
				e.vcard = cards[i]
			}
		}
		return s.put("members/"+ms[i].Slug+".vcf", cards[i])
	}); err != nil {
		return err
	}
	// The vCards of everyone are the cards one after the other.
	all := &parts{s: s, name: func(i int) string { return fmt.Sprintf("members-%d.vcf", i) }}
	for _, c := range cards {
		if err := all.add(c); err != nil {
			return err
		}
	}
	var err error
	s.vcardFiles, err = all.finish("members.vcf")
	return err
}
