package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"sort"
)

// MembersJSON is the layout of members.json, the directory as data for
// the organiser's tools. The fields are documented in README.md; new ones
// may be added, existing ones keep their meaning.
type MembersJSON struct {
	Site    SiteJSON     `json:"site"`
	Members []MemberJSON `json:"members"`
}

// SiteJSON describes the site in members.json.
type SiteJSON struct {
	Title    string `json:"title"`
	BaseURL  string `json:"base_url"`
	Language string `json:"language"`
	Count    int    `json:"count"`
}

// MemberJSON is one member in members.json. Contact details a member chose
// not to publish (contact.public: false), and all e-mail addresses when
// the site obfuscates them, are left out.
type MemberJSON struct {
	Slug          string               `json:"slug"`
	URL           string               `json:"url"`
	Name          string               `json:"name"`
	Company       string               `json:"company,omitempty"`
	Role          string               `json:"role,omitempty"`
	Location      string               `json:"location,omitempty"`
	Mission       string               `json:"mission"`
	Why           string               `json:"why"`
	IdealReferral string               `json:"ideal_referral,omitempty"`
	Offerings     []string             `json:"offerings"`
	Tags          []string             `json:"tags"`
	Languages     []string             `json:"languages"`
	MemberSince   string               `json:"member_since,omitempty"`
	Contact       ContactJSON          `json:"contact"`
	Recommends    []RecommendationJSON `json:"recommends"`
	RecommendedBy []RecommendationJSON `json:"recommended_by"`
	Photo         string               `json:"photo,omitempty"`
}

// ContactJSON is a member's published contact details.
type ContactJSON struct {
	Email    string `json:"email,omitempty"`
	Phone    string `json:"phone,omitempty"`
	Website  string `json:"website,omitempty"`
	LinkedIn string `json:"linkedin,omitempty"`
	Xing     string `json:"xing,omitempty"`
	Booking  string `json:"booking,omitempty"`
}

// RecommendationJSON is one recommendation, by slug, with its note.
type RecommendationJSON struct {
	Member string `json:"member"`
	Note   string `json:"note,omitempty"`
}

func (s *site) dataFiles() error {
	cfg := &s.dir.Config
	doc := MembersJSON{
		Site:    SiteJSON{Title: cfg.Title, BaseURL: cfg.BaseURL, Language: cfg.Language, Count: len(s.dir.Members)},
		Members: make([]MemberJSON, 0, len(s.dir.Members)),
	}
	for _, m := range s.dir.Members {
		v := s.views[m]
		j := MemberJSON{
			Slug: m.Slug, URL: v.AbsURL, Name: m.Name, Company: m.Company, Role: m.Role,
			Location: m.Location, Mission: m.Mission, Why: m.Why, IdealReferral: m.IdealReferral,
			Offerings: nonNil(m.Offerings), Tags: nonNil(m.Tags), Languages: nonNil(m.Languages),
			MemberSince: m.MemberSince.String(),
			Contact: ContactJSON{
				Website: m.Contact.Website, LinkedIn: m.Contact.LinkedIn,
				Xing: m.Contact.Xing, Booking: m.Contact.Booking,
			},
			Recommends: []RecommendationJSON{}, RecommendedBy: []RecommendationJSON{},
		}
		if v.PhotoURL != "" {
			j.Photo = s.data.abs(s.photoPaths[m.Slug])
		}
		if m.Contact.Public {
			j.Contact.Phone = m.Contact.Phone
			if !cfg.Privacy.ObfuscateEmail {
				j.Contact.Email = m.Contact.Email
			}
		}
		for _, r := range m.Recommends {
			j.Recommends = append(j.Recommends, RecommendationJSON{Member: r.To.Slug, Note: r.Note})
		}
		for _, r := range m.RecommendedBy {
			j.RecommendedBy = append(j.RecommendedBy, RecommendationJSON{Member: r.From.Slug, Note: r.Note})
		}
		doc.Members = append(doc.Members, j)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", " ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if err := s.put("members.json", buf.Bytes()); err != nil {
		return err
	}

	robots := "User-agent: *\n"
	if cfg.Privacy.NoIndex {
		robots += "Disallow: /\n"
	} else {
		robots += "Disallow: " + s.data.BasePath + "print/\n"
		if s.data.Absolute {
			robots += "\nSitemap: " + s.data.abs("sitemap.xml") + "\n"
		}
	}
	if err := s.put("robots.txt", []byte(robots)); err != nil {
		return err
	}
	if s.data.Absolute && !cfg.Privacy.NoIndex {
		return s.put("sitemap.xml", s.sitemap())
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// sitemap lists every HTML page but the print view and 404, sorted by path.
func (s *site) sitemap() []byte {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	s.mu.Lock()
	paths := append([]string(nil), s.paths...)
	s.mu.Unlock()
	sort.Strings(paths)
	for _, p := range paths {
		if !bytes.HasSuffix([]byte(p), []byte("index.html")) || p == "print/index.html" {
			continue
		}
		loc := s.data.abs(p[:len(p)-len("index.html")])
		buf.WriteString("<url><loc>")
		xml.EscapeText(&buf, []byte(loc))
		buf.WriteString("</loc></url>\n")
	}
	buf.WriteString("</urlset>\n")
	return buf.Bytes()
}
