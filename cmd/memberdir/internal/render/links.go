package render

import (
	"encoding/base64"
	"html/template"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
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
	page := s.referral.Page(m, s.shared(v))
	if m.Contact.Email != "" {
		l.Recommend, l.RecommendObf = template.URL(page.Recommend), ""
		if obf {
			l.Recommend, l.RecommendObf = template.URL(v.URL+"#contact"), base64.StdEncoding.EncodeToString([]byte(page.Recommend))
		}
	}
	l.AskFirst = template.URL(page.AskFirst)
	if obf && m.Contact.Email != "" {
		l.TextObf = base64.StdEncoding.EncodeToString([]byte(page.Text))
	} else {
		l.RecommendText = page.Text
	}
	if m.Contact.Email != "" {
		u := page.Contact
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

// vcard publishes members/<slug>.vcf and returns it, for the vCards of
// everyone (members.vcf, see memberFiles).
func (s *site) vcard(m *member.Member) ([]byte, error) {
	e := s.cache.get(m.Slug, s.keys[m])
	var card []byte
	if e != nil && e.vcard != nil {
		card = e.vcard
	} else {
		card = vcard.Card(m, s.shared(s.views[m]), s.data.Lang)
		if e != nil && s.cache.whole {
			e.vcard = card
		}
	}
	path := "members/" + m.Slug + ".vcf"
	if s.keep(path, s.keys[m]) {
		return card, nil
	}
	return card, s.put(path, card)
}
