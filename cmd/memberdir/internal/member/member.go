// Package member is the model of a directory: the site's Config, its Members
// with their validated fields, the Categories they belong to and the extra
// Pages. It imports no other project package and never touches the disk;
// package load fills it from files and package render turns it into a site.
package member

// Member is one validated profile. Text fields hold the member's own words,
// unescaped: they are untrusted and every consumer must escape them for its
// output format.
type Member struct {
	Slug string // the file name without .md: the member's permanent URL
	Path string // the file's path relative to the site root, with slashes

	Name          string
	Mission       string
	Why           string
	Offerings     []string
	Contact       Contact
	Company       string
	Role          string
	Location      string
	IdealReferral string
	Tags          []string // category IDs, in the member's order; the first is the primary one
	Languages     []string // ISO 639-1 codes
	Photo         string   // file name next to the profile, "" for none
	MemberSince   Date
	Recommends    []*Recommendation
	Thanks        []*Thanks // whose referrals brought this member business
	Owner         string
	Draft         bool
	Extra         map[string]any // fields declared in config.yaml under extra_fields

	// Body is the Markdown after the front matter and BodyLine the line of
	// the file on which it starts.
	Body     string
	BodyLine int

	// RecommendedBy lists the recommendations other members made of this
	// one, sorted like the members. It is filled by Directory.Link.
	RecommendedBy []*Recommendation

	// ThankedBy lists the thanks other members wrote to this one for a
	// referral, sorted like the members and then by date. It is filled by
	// NewDirectory.
	ThankedBy []*Thanks

	// Categories are the resolved Tags, in the same order.
	Categories []*Category

	// Pos records where each field was written, for errors found after
	// loading (e.g. two members in one exclusive category).
	Pos Positions

	// Updated is when the profile last changed (from git or the file's
	// modification time); zero when unknown.
	Updated string

	// Digest is a hash of the profile file, so that caches can tell
	// whether a member changed. It is set only when loading through a
	// load.Cache; zero means unknown, and nothing is cached by it.
	Digest [32]byte
}

// Clone returns a copy of m as it was loaded, without the links that
// NewDirectory adds, so that a cached member can be linked again into a
// new Directory without touching the one of the previous build.
func (m *Member) Clone() *Member {
	c := *m
	c.Recommends = make([]*Recommendation, len(m.Recommends))
	for i, r := range m.Recommends {
		rc := *r
		rc.From, rc.To = nil, nil
		c.Recommends[i] = &rc
	}
	c.RecommendedBy = nil
	c.Thanks = make([]*Thanks, len(m.Thanks))
	for i, t := range m.Thanks {
		tc := *t
		tc.From, tc.To = nil, nil
		c.Thanks[i] = &tc
	}
	c.ThankedBy = nil
	c.Categories = nil
	return &c
}

// Contact holds the ways to reach a member. Only absolute http(s) URLs pass
// validation for the web links.
type Contact struct {
	Email    string
	Phone    string
	Website  string
	LinkedIn string
	Xing     string
	Booking  string
	// Public is false when the member wants only the referral button shown,
	// not the address and number themselves.
	Public bool
}

// Recommendation is one member's statement about another, made in the
// recommender's own file so that it is authentic.
type Recommendation struct {
	From *Member
	To   *Member
	Slug string // the target as written
	Note string
	Pos  Pos
}

// Thanks is a member's thank-you to another for a referral that brought
// business: the close of the loop a recommendation starts. It is written in
// the file of the member who got the business (From), so only they can say
// it, as with a Recommendation.
type Thanks struct {
	From *Member
	To   *Member
	Slug string // the referrer as written
	Date Date   // when the business came: YYYY-MM or YYYY-MM-DD
	Note string // optional, plain text without contact details
	Pos  Pos    // where the member is written
	// DatePos is where the date is written, for a date that lies before
	// one of the two joined.
	DatePos Pos
}

// Pos is a position in a file: the file's path and a 1-based line and column.
// A zero Line means the whole file.
type Pos struct {
	Path string
	Line int
	Col  int
}

// Positions records where in one file each field was written. It is a
// short list rather than a map: a map per profile was a fifth of all the
// memory a build of 10,000 members kept. The zero value is empty.
type Positions struct {
	path string
	at   []fieldPos
}

type fieldPos struct {
	field     string
	line, col int32
}

// Set records that field is written at pos, replacing what was recorded.
// All positions of a Positions are in pos.Path, the first one's.
func (p *Positions) Set(field string, pos Pos) {
	if p.path == "" {
		p.path = pos.Path
	}
	for i := range p.at {
		if p.at[i].field == field {
			p.at[i].line, p.at[i].col = int32(pos.Line), int32(pos.Col)
			return
		}
	}
	p.at = append(p.at, fieldPos{field, int32(pos.Line), int32(pos.Col)})
}

// Get returns where field is written: a line and column in the file, or
// just the file when the field was not recorded.
func (p Positions) Get(field string) Pos {
	for _, f := range p.at {
		if f.field == field {
			return Pos{Path: p.path, Line: int(f.line), Col: int(f.col)}
		}
	}
	return Pos{Path: p.path}
}

// Category is a tag, with its label and the members carrying it, sorted.
type Category struct {
	ID      string
	Label   string
	Members []*Member
}

// Page is an extra page from content/pages: about, join, imprint, privacy.
type Page struct {
	Slug     string
	Path     string
	Title    string
	Menu     string // "header", "footer" or "" (not linked)
	Weight   int
	Body     string
	BodyLine int
}
