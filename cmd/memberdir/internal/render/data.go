package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// MembersJSON is the layout of members.json, the index of the directory
// as data for the organiser's tools: the site, and the files that hold
// the members (Parts) and their vCards (VCards), as paths below the
// site's address. Each part is a JSON array of MemberJSON, one member per
// line, in the order of the site; a small directory has one part. The
// fields are documented in README.md; new ones may be added, existing
// ones keep their meaning.
//
// members.json used to hold the members themselves; at 100,000 members
// that was a file of 126 MB, which no browser tab, phone or script
// fetches happily. Parts of at most partBudget bytes are read the same
// way at any size, so a tool that reads one small site reads all.
type MembersJSON struct {
	// Version is 2 since the members moved into Parts.
	Version int      `json:"version"`
	Site    SiteJSON `json:"site"`
	Parts   []string `json:"parts"`
	VCards  []string `json:"vcards"`
}

// membersVersion is MembersJSON.Version.
const membersVersion = 2

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
	Thanks        []ThanksJSON         `json:"thanks"`
	ThankedBy     []ThanksJSON         `json:"thanked_by"`
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

// ThanksJSON is one thank-you for a referral: the other member by slug,
// the date as written (YYYY-MM or YYYY-MM-DD) and the note.
type ThanksJSON struct {
	Member string `json:"member"`
	Date   string `json:"date"`
	Note   string `json:"note,omitempty"`
}

// memberEntry returns m's entry in members.json's list.
func (s *site) memberEntry(m *member.Member) ([]byte, error) {
	// Each entry can come from the cache: encoding 10,000 members anew
	// on every preview rebuild is most of a rebuild's time.
	e := s.cache.get(m.Slug, s.keys[m])
	if e != nil && e.json != nil {
		return e.json, nil
	}
	data, err := json.Marshal(s.memberJSON(m))
	if err != nil {
		return nil, err
	}
	if data, err = withFields(data, m); err != nil {
		return nil, err
	}
	if e != nil && s.cache.whole {
		e.json = data
	}
	return data, nil
}

// dataFiles writes members.json, the index of the parts memberFiles
// wrote, robots.txt and the sitemap.
func (s *site) dataFiles() error {
	cfg := &s.dir.Config
	index, err := json.MarshalIndent(MembersJSON{
		Version: membersVersion,
		Site:    SiteJSON{Title: cfg.Title, BaseURL: cfg.BaseURL, Language: cfg.Language, Count: len(s.dir.Members)},
		Parts:   s.memberParts, VCards: s.vcardFiles,
	}, "", "  ")
	if err != nil {
		return err
	}
	if err := s.put("members.json", append(index, '\n')); err != nil {
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
		return s.sitemap()
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
		Thanks: []ThanksJSON{}, ThankedBy: []ThanksJSON{},
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
	for _, t := range m.Thanks {
		j.Thanks = append(j.Thanks, ThanksJSON{Member: t.To.Slug, Date: t.Date.String(), Note: t.Note})
	}
	for _, t := range m.ThankedBy {
		j.ThankedBy = append(j.ThankedBy, ThanksJSON{Member: t.From.Slug, Date: t.Date.String(), Note: t.Note})
	}
	return j
}

// jsonFields are the fields of member.ProfileFields with a key in
// members.json that MemberJSON does not have: fields added to the table
// since, which each entry holds after MemberJSON's own, as their values.
var jsonFields = func() []member.Field {
	have := map[string]bool{}
	t := reflect.TypeFor[MemberJSON]()
	for i := range t.NumField() {
		key, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		have[key] = true
	}
	var out []member.Field
	for _, f := range member.ProfileFields {
		if f.JSON != "" && !have[f.JSON] {
			out = append(out, f)
		}
	}
	return out
}()

// withFields appends the values of jsonFields that m has to entry, a
// member's JSON object, in the order of the table; a field m leaves
// empty is left out, as MemberJSON leaves out an empty company.
func withFields(entry []byte, m *member.Member) ([]byte, error) {
	if len(jsonFields) == 0 {
		return entry, nil
	}
	out := entry[: len(entry)-1 : len(entry)-1] // without the closing brace
	for _, f := range jsonFields {
		var v any
		switch x := f.Get(m).(type) {
		case string:
			if x != "" {
				v = x
			}
		case []string:
			if len(x) > 0 {
				v = x
			}
		case bool:
			if x {
				v = x
			}
		case member.Date:
			if !x.IsZero() {
				v = x.String()
			}
		default:
			return nil, fmt.Errorf("members.json: the field %s holds a %T, which only MemberJSON knows how to write: add it there", f.Name, x)
		}
		if v == nil {
			continue
		}
		key, _ := json.Marshal(f.JSON)
		val, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		out = append(append(append(append(out, ','), key...), ':'), val...)
	}
	return append(out, '}'), nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// sitemap lists every HTML page but the print view and 404, sorted by
// path, in sitemap.xml; past partBudget bytes, in parts (sitemap-1.xml,
// …) that sitemap.xml then lists as a sitemap index. sitemaps.org allows
// 50,000 addresses and 50 MB a file; a part stays far below both.
func (s *site) sitemap() error {
	s.mu.Lock()
	paths := append([]string(nil), s.pages...)
	s.mu.Unlock()
	sort.Strings(paths)
	urls := &parts{s: s, head: xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n", sep: "\n", tail: "\n</urlset>\n",
		name: func(i int) string { return fmt.Sprintf("sitemap-%d.xml", i) }}
	var buf bytes.Buffer
	for _, p := range paths {
		if !strings.HasSuffix(p, "index.html") || strings.HasPrefix(p, "print/") {
			continue
		}
		buf.Reset()
		buf.WriteString("<url><loc>")
		xml.EscapeText(&buf, []byte(s.data.abs(p[:len(p)-len("index.html")])))
		buf.WriteString("</loc></url>")
		if err := urls.add(buf.Bytes()); err != nil {
			return err
		}
	}
	names, err := urls.finish("sitemap.xml")
	if err != nil || len(names) == 1 {
		return err
	}
	buf.Reset()
	buf.WriteString(xml.Header)
	buf.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, n := range names {
		buf.WriteString("<sitemap><loc>")
		xml.EscapeText(&buf, []byte(s.data.abs(n)))
		buf.WriteString("</loc></sitemap>\n")
	}
	buf.WriteString("</sitemapindex>\n")
	return s.put("sitemap.xml", buf.Bytes())
}

// partBudget is the most bytes one part of a split data file holds:
// a part of members.json's list, of the vCards of everyone, of the
// sitemap. No output file is to weigh more than 2 MB at any size of
// directory; parts of 1 MiB leave room for a member's entry beyond.
const partBudget = 1 << 20

// parts writes a sequence of entries as files of at most partBudget
// bytes each (one entry alone may weigh more), each the entries between
// head and tail with sep between them. The first part is held back until
// a second begins, so that a list that fits in one file can be written
// under a name of its own (see finish). Entries are added in order, from
// one goroutine.
type parts struct {
	s               *site
	head, sep, tail string
	name            func(i int) string // the path of part i, counted from 1
	buf             bytes.Buffer       // the open part
	n               int                // entries in buf
	held            []byte             // part 1, while it may be the only one
	names           []string           // the parts written
}

// add appends one entry, starting a new part when the open one is full.
func (p *parts) add(e []byte) error {
	if p.n > 0 && p.buf.Len()+len(p.sep)+len(e)+len(p.tail) > partBudget {
		if err := p.cut(); err != nil {
			return err
		}
	}
	if p.n == 0 {
		if p.buf.Cap() == 0 && (p.held != nil || len(p.names) > 0) {
			p.buf.Grow(partBudget) // the second part on: the size they all come to
		}
		p.buf.WriteString(p.head)
	} else {
		p.buf.WriteString(p.sep)
	}
	p.buf.Write(e)
	p.n++
	return nil
}

// cut closes the open part.
func (p *parts) cut() error {
	if p.n == 0 {
		p.buf.WriteString(p.head)
	}
	p.buf.WriteString(p.tail)
	// The bytes go to the sink, which may keep them: the next part gets
	// a buffer of its own.
	data := p.buf.Bytes()
	p.buf = bytes.Buffer{}
	p.n = 0
	if p.held == nil && len(p.names) == 0 {
		p.held = data
		return nil
	}
	if p.held != nil {
		if err := p.put(p.held); err != nil {
			return err
		}
		p.held = nil
	}
	return p.put(data)
}

func (p *parts) put(data []byte) error {
	name := p.name(len(p.names) + 1)
	p.names = append(p.names, name)
	return p.s.put(name, data)
}

// finish writes what is left and returns the paths of all parts. A list
// that fits in one part is written under one, when one is not "": the
// name the file had before it could be split.
func (p *parts) finish(one string) ([]string, error) {
	if p.n > 0 || (p.held == nil && len(p.names) == 0) {
		if err := p.cut(); err != nil {
			return nil, err
		}
	}
	if p.held != nil {
		if one == "" {
			one = p.name(1)
		}
		p.names = append(p.names, one)
		if err := p.s.put(one, p.held); err != nil {
			return nil, err
		}
		p.held = nil
	}
	return p.names, nil
}
