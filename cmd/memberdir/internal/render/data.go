package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
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
	// members.json is written one member at a time, so that each
	// member's entry can come from the cache: encoding 10,000 members
	// anew on every preview rebuild is most of a rebuild's time.
	head, err := json.Marshal(SiteJSON{Title: cfg.Title, BaseURL: cfg.BaseURL, Language: cfg.Language, Count: len(s.dir.Members)})
	if err != nil {
		return err
	}
	entries := make([][]byte, len(s.dir.Members))
	if err := each(len(s.dir.Members), func(i int) error {
		m := s.dir.Members[i]
		e := s.cache.get(m.Slug, s.keys[m])
		if e != nil && e.json != nil {
			entries[i] = e.json
			return nil
		}
		data, err := json.Marshal(s.memberJSON(m))
		if err != nil {
			return err
		}
		entries[i] = data
		if e != nil {
			e.json = data
		}
		return nil
	}); err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.WriteString(`{"site":`)
	buf.Write(head)
	buf.WriteString(`,"members":[`)
	for i, e := range entries {
		if i > 0 {
			buf.WriteString(",\n")
		} else {
			buf.WriteByte('\n')
		}
		buf.Write(e)
	}
	buf.WriteString("\n]}\n")
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

// memberJSON is m as members.json describes it.
func (s *site) memberJSON(m *member.Member) MemberJSON {
	cfg := &s.dir.Config
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
	if v.Photo != nil {
		j.Photo = s.data.abs(v.Photo.large)
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
	return j
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
