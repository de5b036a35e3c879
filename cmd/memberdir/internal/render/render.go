// Package render turns a member.Directory into the files of the website:
// HTML pages from the theme's templates, the data files (members.json,
// sitemap.xml, robots.txt), fingerprinted assets and resized photos. It
// returns every file as bytes keyed by its slash path and touches no disk,
// so the same input always gives the same bytes.
package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/parallel"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/photo"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/referral"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/search"
)

// Files is a rendered site: slash paths relative to the site root
// ("index.html", "members/anna/index.html") mapped to their content.
type Files map[string][]byte

// Sink receives the files of a render as they are produced. Put is called
// from several goroutines at once. Streaming into a Sink lets a build write
// each page to disk and forget it, so memory stays flat at any size.
type Sink interface {
	Put(path string, data []byte) error
}

// Streamer is a Sink that is done with data when Put returns: it writes
// it out and keeps no reference, so the renderer may reuse the buffer
// for the next page. At 10,000 members the page buffers were an eighth
// of all the bytes a build allocated.
type Streamer interface {
	Sink
	Streams() bool
}

// streams reports whether sink is a Streamer that streams.
func streams(sink Sink) bool {
	st, ok := sink.(Streamer)
	return ok && st.Streams()
}

// A Keeper is a Sink that can leave a file of the last build as it
// stands when the key the file is made from, a hash of everything its
// bytes depend on, is the one the last build gave it; the renderer then
// need not make the file at all. Keep also notes the key for the next
// build; when it returns false, the file must be Put. package write's
// Writer is one, with the keys a build notes beside the output.
type Keeper interface {
	Sink
	Keep(path string, key [32]byte) bool
}

// Memory is the Sink that keeps every file, for serve and tests.
type Memory struct {
	mu    sync.Mutex
	files Files
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return NewMemorySized(0) }

// NewMemorySized returns an empty Memory with room for n files: a rebuild
// knows how many the last build had, and growing a map of 30,000 files
// step by step shows in serve's rebuild time.
func NewMemorySized(n int) *Memory { return &Memory{files: make(Files, n)} }

// Put keeps one file.
func (m *Memory) Put(p string, data []byte) error {
	m.mu.Lock()
	m.files[p] = data
	m.mu.Unlock()
	return nil
}

// Files returns what was put.
func (m *Memory) Files() Files { return m.files }

// Options are the inputs of a render beyond the directory itself.
type Options struct {
	// Photos holds each member's photo file by slug, as loaded: its key,
	// and its bytes only when no cache has the processed photo.
	Photos map[string]photo.Source
	// Logo is the file config.yaml names as theme.logo, nil for none.
	Logo []byte
	// Cache, when set, carries each member's rendered card, page and
	// vCard, and the processed photos, from one build to the next (see
	// Cache).
	Cache *Cache
	// PhotoStore, when set, keeps processed photos between builds, e.g.
	// photo.Disk for a folder in the user's cache.
	PhotoStore PhotoStore
	// Done, when set, is called with each member whose profile page is
	// made, once nothing of the render reads the member's text (Body)
	// any more: the search index is then built first, before the pages,
	// rather than beside them. A build that renders the directory once
	// drops each body there, so that at 100,000 members the 200 MB of
	// them are not all held until the end.
	Done func(m *member.Member)
	// noChrome renders each page's header and footer anew (see chrome),
	// for the test that shows the two ways give the same bytes.
	noChrome bool
}

// site is the state of one render: the directory, the theme and the
// values every template needs.
type site struct {
	dir     *member.Directory
	strings map[string]string
	tpl     map[string]*template.Template
	theme   *Theme // for where a template error is
	data    *SiteData
	assets  map[string]string // asset name → published path
	views   map[*member.Member]*MemberView
	sink    Sink
	// referral builds the mailto:, tel: and web links.
	referral *referral.Links
	pages    []string // the path of every page written, for the sitemap
	// photoViews maps a slug to the member's published photo.
	photoViews map[string]*PhotoView
	cache      *Cache
	keys       map[*member.Member][32]byte // cache keys, when caching
	// memberParts and vcardFiles are the parts of the members' list
	// and of everyone's vCards, for members.json.
	memberParts, vcardFiles []string
	siteKey                 [32]byte
	noChrome                bool                 // Options.noChrome
	done                    func(*member.Member) // Options.Done
	mu                      sync.Mutex
	// items are the members' offering and tag items by their text, so
	// that members with the same share one copy (see sharedItems).
	items   map[string]template.HTML
	itemsMu sync.Mutex
}

// Site renders the whole directory with theme and returns its files.
func Site(dir *member.Directory, theme *Theme, opts Options) (Files, error) {
	m := NewMemory()
	if err := SiteTo(dir, theme, opts, m); err != nil {
		return nil, err
	}
	return m.Files(), nil
}

// SiteTo renders the whole directory with theme into sink.
func SiteTo(dir *member.Directory, theme *Theme, opts Options, sink Sink) error {
	cfg := &dir.Config
	strs, err := theme.Strings(cfg)
	if err != nil {
		return err
	}
	s := &site{dir: dir, strings: strs, sink: sink, assets: map[string]string{}, views: map[*member.Member]*MemberView{}, theme: theme, cache: opts.Cache, noChrome: opts.noChrome}
	assets, err := theme.assets()
	if err != nil {
		return err
	}
	for _, a := range assets {
		if a.Name == "site.css" {
			if css := brandCSS(cfg.Theme); css != "" {
				a = newAsset(a.Name, append(a.Data[:len(a.Data):len(a.Data)], css...))
			}
		}
		if err := s.put(a.Path, a.Data); err != nil {
			return err
		}
		s.assets[a.Name] = a.Path
	}
	// The logo is published like an asset but kept apart from the theme's
	// names, so that it can never replace one.
	var logo string
	if opts.Logo != nil {
		l := logoAsset(cfg.Theme.Logo, opts.Logo)
		if err := s.put(l.Path, l.Data); err != nil {
			return err
		}
		logo = l.Path
	}
	s.data = s.siteData()
	if logo != "" {
		s.data.Logo = s.data.BasePath + logo
		// Link previews show PNG and JPEG, not SVG or, everywhere, WebP.
		if s.data.Absolute && (strings.HasSuffix(logo, ".png") || strings.HasSuffix(logo, ".jpg") || strings.HasSuffix(logo, ".jpeg")) {
			s.data.shareImage = s.data.abs(logo)
		}
	}
	searchStep := s.searchIndex(opts.Cache)
	if s.referral, err = referral.New(*cfg); err != nil {
		return err
	}
	if s.tpl, err = theme.templates(s.funcs(), strs); err != nil {
		return err
	}
	if err := s.photos(opts.Photos, opts.PhotoStore); err != nil {
		return err
	}
	// One block for all views: 10,000 allocations of their own were a
	// twentieth of serve's rebuild.
	views := make([]MemberView, len(dir.Members))
	for i, m := range dir.Members {
		s.fillView(&views[i], m)
		s.views[m] = &views[i]
	}
	s.relate()
	if opts.Cache != nil {
		if err := s.cacheKeys(theme); err != nil {
			return err
		}
	}
	members := []func() error{s.renderCards, s.memberFiles, searchStep}
	if s.done = opts.Done; s.done != nil {
		// The index first, alone: built beside the cards, at 100,000
		// members, it made the highest point of the build's memory.
		members = []func() error{searchStep, s.renderCards, s.memberFiles}
	}
	steps := append(members, s.homePages, s.categoryPages, s.extraPages, s.networkPage, s.printPages, s.notFound, s.dataFiles)
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// searchIndex starts building the search index, which needs only the
// directory, on the side, and returns the step that joins it and writes
// its files: before the home page, the only page that names it.
func (s *site) searchIndex(cache *Cache) func() error {
	type built struct {
		idx *search.Index
		err error
	}
	indexed := make(chan built, 1)
	go func() {
		idx, err := search.BuildCached(s.dir, cache.searchCache())
		indexed <- built{idx, err}
	}()
	return func() error {
		b := <-indexed
		if b.err != nil {
			return b.err
		}
		for _, p := range sortedPaths(b.idx.Files) {
			if err := s.put(p, b.idx.Files[p]); err != nil {
				return err
			}
		}
		s.data.SearchIndex = b.idx.Entry
		return nil
	}
}

// put hands one file to the sink and remembers the path of a page.
func (s *site) put(p string, data []byte) error {
	if strings.HasSuffix(p, "index.html") {
		s.mu.Lock()
		s.pages = append(s.pages, p)
		s.mu.Unlock()
	}
	return s.sink.Put(p, data)
}

// cacheKeys sets the keys of the site and of each member, which the
// cache and a Keeper sink know the files by, and drops from the cache
// the members who are gone.
func (s *site) cacheKeys(theme *Theme) error {
	ms := s.dir.Members
	sk, err := siteKey(s.dir, theme, s.data.Logo, s.cache.program)
	if err != nil {
		return err
	}
	s.siteKey = sk
	// Hashed on every core: at 10,000 members one core took 9 ms of each
	// of serve's rebuilds.
	keys := make([][32]byte, len(ms))
	_ = parallel.Each(len(keys), func(i int) error { // never fails
		keys[i] = memberKey(sk, ms[i], s.photoViews[ms[i].Slug].key())
		return nil
	})
	s.keys = make(map[*member.Member][32]byte, len(ms))
	for i, m := range ms {
		s.keys[m] = keys[i]
	}
	s.cache.prune(ms)
	return nil
}

// keep asks a Keeper sink to leave the file at path as the last build
// made it from key (see Keeper), and reports whether it does. Without a
// cache there are no keys, and every file is made.
func (s *site) keep(path string, key [32]byte) bool {
	k, ok := s.sink.(Keeper)
	if !ok || s.cache == nil || !k.Keep(path, key) {
		return false
	}
	if strings.HasSuffix(path, "index.html") { // for the sitemap, as put does
		s.mu.Lock()
		s.pages = append(s.pages, path)
		s.mu.Unlock()
	}
	return true
}

// SiteData is what every template knows about the site.
type SiteData struct {
	Title       string
	Description string
	Lang        string
	BaseURL     string // as configured, ending in "/"
	BasePath    string // the path part of BaseURL: "/" or "/directory/"
	Absolute    bool   // whether BaseURL has a scheme and host
	Config      *member.Config
	Header      []NavLink
	Footer      []NavLink
	Categories  []*member.Category
	MemberCount int
	Organiser   member.Organiser
	// SearchIndex is the path of the search index's entry file below the
	// site root, "" when the site has no search.
	SearchIndex string
	// Logo is the address of the network's logo (theme.logo), "" for none.
	Logo       string
	shareImage string // the logo's absolute address when previews can show it
}

// NavLink is a link in the header or footer.
type NavLink struct {
	Label string
	URL   string
}

func (s *site) siteData() *SiteData {
	cfg := &s.dir.Config
	d := &SiteData{
		Title: cfg.Title, Description: cfg.Description, Lang: cfg.Language,
		BaseURL: cfg.BaseURL, BasePath: cfg.BasePath(), Config: cfg,
		Categories: s.dir.Categories, MemberCount: len(s.dir.Members), Organiser: cfg.Organiser,
	}
	if u, err := url.Parse(cfg.BaseURL); err == nil && u.Host != "" {
		d.Absolute = true
	}
	for _, p := range s.dir.Pages {
		link := NavLink{Label: p.Title, URL: d.BasePath + p.Slug + "/"}
		switch p.Menu {
		case "header":
			d.Header = append(d.Header, link)
		case "footer":
			d.Footer = append(d.Footer, link)
		}
	}
	// Config footer links come after the pages; one that points where a
	// page's link already does is left out.
	for _, l := range cfg.Footer {
		u := l.URL
		if strings.HasPrefix(u, "/") {
			u = d.BasePath + strings.TrimPrefix(u, "/")
		}
		dup := false
		for _, f := range append(d.Header, d.Footer...) {
			dup = dup || f.URL == u
		}
		if !dup {
			d.Footer = append(d.Footer, NavLink{Label: l.Label, URL: u})
		}
	}
	return d
}

// PageData is what a page template receives.
type PageData struct {
	Site        *SiteData
	Kind        string // "home", "member", "category", "page", "network", "404", "print"
	Title       string
	Description string
	Path        string // the page's path below the site root, e.g. "members/anna/"
	// URL is the page's own address, absolute when the site's is. It is a
	// field rather than a method, which templates call through reflect.
	URL     string
	Member  *MemberView
	Members []*MemberView
	// Search is true on the page that runs the search: the first page of
	// the home page's list. Other pages send their search box there, so
	// that they do not change whenever the search index does.
	Search bool
	// Cards is the cards of Members one after the other: what a list
	// page shows, put together in Go because ranging over 10,000 cards
	// in a template costs a call per card.
	Cards    template.HTML
	Category *member.Category
	Page     *member.Page
	Network  *NetworkView // on the network page
	Body     template.HTML
	Pager    *Pager
	NoIndex  bool
	// Image is the absolute address of the picture a shared link to the
	// page shows (og:image): the member's photo, else the logo.
	Image   string
	EditURL string // the "edit this profile" link, "" when not configured
	// Chrome, when set, is the page's header and footer, rendered once
	// for all pages of a kind (see chrome).
	Chrome *Chrome
}

// Chrome is the header and footer shared by all pages of one kind, and
// the style sheets and scripts their head links (Assets, from
// "site-assets", "" for a base.html without it).
type Chrome struct {
	Header, Footer, Assets template.HTML
}

// MaxPrintQR is the largest directory whose print view carries a QR code
// per member; beyond it the page would weigh megabytes for a list nobody
// prints whole, and each profile page still has its code.
const MaxPrintQR = 1000

func (d *SiteData) abs(p string) string {
	if d.Absolute {
		return d.BaseURL + p
	}
	return d.BasePath + p
}

// MemberView is a member with the values templates need precomputed.
//
// Templates reach the profile's fields through M ({{.M.Name}}); the
// other fields are computed for the page. M is a named field rather than
// an embedded one because text/template looks promoted fields up by a
// slow search on every use, which cost a fifth of the build at 10,000
// members.
//
// Its fields fall in three groups by which pages need them, and each
// group is made at its own time: what every page that links the member
// needs (view, relate: on every build), what the cards and lists need
// (renderCards, kept in a Cache and saved with a build as cardFields),
// and what only the profile page needs (pageLinks, on a copy made for
// that page and dropped with it). Themes see one flat type all the same:
// splitting it into embedded parts made every field of a part a promoted
// one (BenchmarkProfileTemplate +38 % allocations), and named parts
// would change what every site's own templates write. TestCardFields
// keeps each field in its group.
type MemberView struct {
	// For every page that links the member (view, relate).

	M      *member.Member
	URL    string // the profile's address from the site root, e.g. /members/anna/
	AbsURL string // the profile's absolute address when base_url is absolute
	// Photo is the member's photo; nil when there is none, and the
	// templates show Avatar instead.
	Photo *PhotoView
	// Lang is ` lang="en"` for a profile written in another language than
	// the site's, to put on the elements holding the member's own text.
	Lang template.HTMLAttr
	// Tags are the member's categories (M.Categories) as links to their
	// pages, and RecommendedBy and Recommends the member's
	// recommendations (M.RecommendedBy, M.Recommends) with the views of
	// the members they link, whose URL and Lang are ready: the templates
	// need not build each address with url and print on every page.
	Tags          []NavLink
	RecommendedBy []RecView
	Recommends    []RecView
	// ThankedBy are the thanks other members wrote to this one for a
	// referral (M.ThankedBy), and Thanks the ones this member wrote
	// (M.Thanks), each newest first, with the views of both members.
	ThankedBy []ThanksView
	Thanks    []ThanksView

	// For the cards and lists, and the profile page (renderCards,
	// cardFields).

	WhyShort string // the why, shortened for cards
	// card is the member's card, rendered once from partials/card.html
	// and reused on the home and category pages; printCard is its entry
	// in the print view ("print-card" in print.html). A build on disk
	// sets them aside in its scratch file (see Scratch).
	card, printCard cardText
	// OfferingItems and TagItems are the <li> items of the member's
	// offerings and categories, which the card and the profile page
	// both list: rendered once by html/template ("offering-items",
	// "tag-items" in partials/items.html), in the text context both
	// lists put them in.
	OfferingItems template.HTML
	TagItems      template.HTML
	// The links below are the member's ready-made links. Each is built and
	// encoded by package referral; html/template sees them as template.URL
	// because it would otherwise refuse tel: and re-encode the careful
	// mailto: ones.
	//
	// With privacy.obfuscate_email, links and texts that contain an e-mail
	// address are not written into the HTML: the href points to the
	// profile's contact section and the real value sits base64-encoded in
	// a data-obf attribute, which site.js decodes when the page loads.
	// Harvesters that scan HTML for addresses find none; visitors without
	// JavaScript see the buttons but must use the vCard or copy the
	// address from it.
	Email    string // shown as text; "" when hidden or obfuscated
	EmailObf string
	Tel      template.URL
	Phone    string // shown as text; "" when the member hides it
	Website  template.URL
	LinkedIn template.URL
	Xing     template.URL
	Booking  template.URL
	VCard    string // the address of the member's .vcf
	// QR is the code of the profile's address: here for the print view
	// while it shows codes (MaxPrintQR), else made by pageLinks.
	QR template.HTML

	// For the profile page alone (pageLinks), and Recommend for the card
	// while it is rendered.

	// Recommend is the card's short referral link while the card is
	// rendered, then "" (renderCards); the profile page's view has the
	// long one.
	Recommend      template.URL
	RecommendObf   string
	AskFirst       template.URL
	RecommendText  string
	TextObf        string
	ContactMail    template.URL
	ContactMailObf string

	// For the list pages alone (listCards): Card on the home and
	// category pages and PrintCard in the print view are the member's
	// card and entry there, on the copies of the views a list page's
	// template gets in .Members.

	Card      template.HTML
	PrintCard template.HTML
}

// RecView is a recommendation with the views of both members.
type RecView struct {
	From, To *MemberView
	Note     string
}

// ThanksView is a thank-you for a referral with the views of both
// members: From got the business and thanks To, who referred it.
type ThanksView struct {
	From, To *MemberView
	Date     member.Date
	Note     string
}

func (s *site) view(m *member.Member) *MemberView {
	v := &MemberView{}
	s.fillView(v, m)
	return v
}

// fillView sets the fields of v that every page linking m needs.
func (s *site) fillView(v *MemberView, m *member.Member) {
	p := "members/" + m.Slug + "/"
	*v = MemberView{M: m, URL: s.data.BasePath + p, AbsURL: s.data.abs(p)}
	// A profile is written in the first language its member lists; where
	// that is not the site's, screen readers must switch voices for the
	// member's own words (WCAG 3.1.2), while the UI around stays as is.
	v.Lang = s.langAttr(m)
	v.Photo = s.photoViews[m.Slug]
}

// relate sets the fields of each view that link other members' views:
// Tags, RecommendedBy, Recommends, ThankedBy and Thanks. They are made
// anew on every build, never taken from the Cache.
func (s *site) relate() {
	tags := make(map[*member.Category]NavLink, len(s.dir.Categories))
	for _, m := range s.dir.Members {
		v := s.views[m]
		v.Tags = nil
		if len(m.Categories) > 0 {
			v.Tags = make([]NavLink, len(m.Categories))
		}
		for i, c := range m.Categories {
			l, ok := tags[c]
			if !ok {
				l = NavLink{Label: c.Label, URL: s.data.BasePath + "tags/" + c.ID + "/"}
				tags[c] = l
			}
			v.Tags[i] = l
		}
		v.RecommendedBy = s.recViews(m.RecommendedBy)
		v.Recommends = s.recViews(m.Recommends)
		v.ThankedBy = s.thanksViews(m.ThankedBy)
		v.Thanks = s.thanksViews(m.Thanks)
	}
}

// thanksViews returns ts as views, newest first; thanks of the same date
// keep their order (the members' for ThankedBy, as written for Thanks).
func (s *site) thanksViews(ts []*member.Thanks) []ThanksView {
	if len(ts) == 0 {
		return nil
	}
	out := make([]ThanksView, len(ts))
	for i, t := range ts {
		out[i] = ThanksView{From: s.viewOf(t.From), To: s.viewOf(t.To), Date: t.Date, Note: t.Note}
	}
	slices.SortStableFunc(out, func(a, b ThanksView) int { return newer(a.Date, b.Date) })
	return out
}

// newer orders dates newest first; a date without day counts as the
// month's first, so that it follows the days written in full.
func newer(a, b member.Date) int {
	x, y := [3]int{a.Year, a.Month, a.Day}, [3]int{b.Year, b.Month, b.Day}
	for i := range x {
		if x[i] != y[i] {
			return y[i] - x[i]
		}
	}
	return 0
}

func (s *site) recViews(rs []*member.Recommendation) []RecView {
	if len(rs) == 0 {
		return nil
	}
	out := make([]RecView, len(rs))
	for i, r := range rs {
		out[i] = RecView{From: s.viewOf(r.From), To: s.viewOf(r.To), Note: r.Note}
	}
	return out
}

// viewOf returns the view of m, which links only to published members; a
// view is made for any other.
func (s *site) viewOf(m *member.Member) *MemberView {
	if v := s.views[m]; v != nil {
		return v
	}
	return s.view(m)
}

// langAttr is ` lang="en"` for the texts of a member who writes in
// another language than the site's (the first of their languages), else
// "". The language codes were checked to be two letters a-z.
func (s *site) langAttr(m *member.Member) template.HTMLAttr {
	if len(m.Languages) > 0 && m.Languages[0] != s.data.Lang {
		return template.HTMLAttr(` lang="` + m.Languages[0] + `"`)
	}
	return ""
}

// shorten cuts s at a word boundary to at most n characters, with "…".
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	cut := len(r)
	for i := len(r) - 1; i > n*2/3; i-- {
		if unicode.IsSpace(r[i]) {
			cut = i
			break
		}
	}
	return strings.TrimRightFunc(string(r[:cut]), func(c rune) bool { return unicode.IsSpace(c) || unicode.IsPunct(c) }) + "…"
}

// execute runs the named page template into the file at path.
func (s *site) execute(name, path string, data *PageData) error {
	out, err := s.executeBytes(name, data)
	if err != nil {
		return err
	}
	return s.put(path, out)
}

func (s *site) executeBytes(name string, data *PageData) ([]byte, error) {
	var buf bytes.Buffer
	// A profile page is 15–20 KB; a list page its cards and a little
	// more. Growing the buffer step by step was a sixth of all the bytes
	// a 10,000-member build allocated.
	buf.Grow(20<<10 + len(data.Cards))
	if err := s.executeInto(&buf, name, data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// executeInto renders the page template name into buf.
func (s *site) executeInto(buf *bytes.Buffer, name string, data *PageData) error {
	if err := s.tpl[name].ExecuteTemplate(buf, "base.html", data); err != nil {
		return s.theme.templateError(err, name)
	}
	return nil
}

func (s *site) page(kind, title, path string) *PageData {
	return &PageData{Site: s.data, Kind: kind, Title: title, Path: path, URL: s.data.abs(path), Description: s.data.Description, NoIndex: s.dir.Config.Privacy.NoIndex, Image: s.data.shareImage}
}

// chrome renders the "site-header", "site-footer" and "site-assets"
// templates once for the pages of a kind, so that each of 10,000 member
// pages need not run them again. It renders them for the first and the
// last page (sample(0), sample(1)) and uses the result only when both
// agree: a theme whose header shows something of the page itself simply
// gets no cache.
func (s *site) chrome(tpl string, sample func(i int) *PageData, n int) (*Chrome, error) {
	if s.noChrome || n < 2 || s.tpl[tpl].Lookup("site-header") == nil || s.tpl[tpl].Lookup("site-footer") == nil {
		return nil, nil
	}
	var out [2]Chrome
	for i := range out {
		var h, f, a bytes.Buffer
		p := sample(i)
		if err := s.tpl[tpl].ExecuteTemplate(&h, "site-header", p); err != nil {
			return nil, s.theme.templateError(err, "base.html")
		}
		if err := s.tpl[tpl].ExecuteTemplate(&f, "site-footer", p); err != nil {
			return nil, s.theme.templateError(err, "base.html")
		}
		if s.tpl[tpl].Lookup("site-assets") != nil {
			if err := s.tpl[tpl].ExecuteTemplate(&a, "site-assets", p); err != nil {
				return nil, s.theme.templateError(err, "base.html")
			}
		}
		out[i] = Chrome{Header: template.HTML(h.String()), Footer: template.HTML(f.String()), Assets: template.HTML(a.String())}
	}
	if out[0] != out[1] {
		return nil, nil
	}
	return &out[0], nil
}

// bufPool holds the buffers cards are rendered into.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// renderCards renders every member's card once; the lists then only
// concatenate them, which keeps category and home pages cheap at 10,000
// members.
func (s *site) renderCards() error {
	ms := s.dir.Members
	tpl := s.tpl["home.html"]
	return parallel.Each(len(ms), func(i int) error {
		v := s.views[ms[i]]
		if e := s.cache.get(ms[i].Slug, s.keys[ms[i]]); e != nil {
			e.card.restore(v)
			return nil
		}
		// Made here rather than in view: a cached card brings its own.
		v.WhyShort = shorten(v.M.Why, 220)
		err := s.links(v)
		if err != nil {
			return err
		}
		// A pooled buffer: grown step by step anew for each card, the
		// buffers left some 5 KB of garbage per member.
		buf := bufPool.Get().(*bytes.Buffer)
		defer bufPool.Put(buf)
		buf.Reset()
		if err := tpl.ExecuteTemplate(buf, "offering-items", v); err != nil {
			return s.theme.templateError(err, "partials/items.html")
		}
		v.OfferingItems = s.sharedItems(buf.Bytes())
		buf.Reset()
		if err := tpl.ExecuteTemplate(buf, "tag-items", v); err != nil {
			return s.theme.templateError(err, "partials/items.html")
		}
		v.TagItems = s.sharedItems(buf.Bytes())
		buf.Reset()
		if err := tpl.ExecuteTemplate(buf, "card", v); err != nil {
			return s.theme.templateError(err, "partials/card.html")
		}
		if v.card, err = s.cache.cards().text(buf.Bytes()); err != nil {
			return err
		}
		buf.Reset()
		if err := s.tpl["print.html"].ExecuteTemplate(buf, "print-card", v); err != nil {
			return s.theme.templateError(err, "print.html")
		}
		if v.printCard, err = s.cache.cards().text(buf.Bytes()); err != nil {
			return err
		}
		// The card's referral link, a long mailto: with the whole
		// e-mail, is in the card now; the profile page makes its own
		// (pageLinks). The view keeps only what other pages use.
		v.Recommend, v.RecommendObf = "", ""
		if s.cache != nil {
			s.cache.put(ms[i].Slug, &cached{key: s.keys[ms[i]], card: cardFieldsOf(v)})
		}
		return nil
	})
}

// sharedItems returns the rendered items b as a string, the same string
// for the same bytes throughout the render: members of the same
// categories have the same tag items, and many members the same
// offerings. The 10,000 generated members have 144 different tag items
// and 672 different offerings; a copy for each member held 1.8 MB, and
// 18 MB at 100,000 members, for the whole build.
func (s *site) sharedItems(b []byte) template.HTML {
	s.itemsMu.Lock()
	defer s.itemsMu.Unlock()
	if h, ok := s.items[string(b)]; ok {
		return h
	}
	if s.items == nil {
		s.items = map[string]template.HTML{}
	}
	h := template.HTML(b)
	s.items[string(h)] = h
	return h
}

// memberFiles writes each member's own files, on every core: the
// profile page (most of the build's work), the vCard, and the member's
// entries in the vCards of everyone and in members.json's list, which
// are written in parts as they fill. Members are taken in batches, whose
// entries are added to the parts in the site's order, so that the
// result does not depend on the order the workers finish in; a page or
// an entry is dropped once written, and what a build holds at once does
// not grow with the directory's size.
func (s *site) memberFiles() error {
	ms := s.dir.Members
	chrome, err := s.memberChrome()
	if err != nil {
		return err
	}
	list := &parts{s: s, head: "[\n", sep: ",\n", tail: "\n]\n", name: func(i int) string { return fmt.Sprintf("members/%d.json", i) }}
	all := &parts{s: s, name: func(i int) string { return fmt.Sprintf("members-%d.vcf", i) }}
	var vcards, entries [memberBatch][]byte
	for lo := 0; lo < len(ms); lo += memberBatch {
		batch := ms[lo:min(lo+memberBatch, len(ms))]
		if err := parallel.Each(len(batch), func(i int) error {
			var err error
			if err = s.memberPage(batch[i], chrome); err == nil {
				vcards[i], err = s.vcard(batch[i])
			}
			if err == nil {
				entries[i], err = s.memberEntry(batch[i])
			}
			return err
		}); err != nil {
			return err
		}
		for i := range batch {
			if s.done != nil {
				s.done(batch[i])
			}
			if err := all.add(vcards[i]); err != nil {
				return err
			}
			if err := list.add(entries[i]); err != nil {
				return err
			}
		}
	}
	if s.vcardFiles, err = all.finish("members.vcf"); err != nil {
		return err
	}
	s.memberParts, err = list.finish("")
	return err
}

// memberChrome returns the header and footer of the profile pages, when
// the first and the last member's are the same (see chrome).
func (s *site) memberChrome() (*Chrome, error) {
	ms := s.dir.Members
	return s.chrome("member.html", func(i int) *PageData {
		m := ms[i*(len(ms)-1)]
		p := s.page("member", m.Name, "members/"+m.Slug+"/")
		p.Member = s.views[m]
		return p
	}, len(ms))
}

// memberBatch is how many members memberFiles renders before it adds
// their entries to the parts.
const memberBatch = 256

// memberPage renders and writes m's profile page.
func (s *site) memberPage(m *member.Member, chrome *Chrome) error {
	path := "members/" + m.Slug + "/index.html"
	e := s.cache.get(m.Slug, s.keys[m])
	if e != nil && e.page != nil {
		return s.put(path, e.page)
	}
	if s.keep(path, s.keys[m]) {
		return nil
	}
	p := s.page("member", m.Name, "members/"+m.Slug+"/")
	p.Chrome = chrome
	v, err := s.pageLinks(s.views[m])
	if err != nil {
		return err
	}
	p.Member = v
	p.Description = m.Mission
	if v.Photo != nil && s.data.Absolute {
		p.Image = s.data.abs(v.Photo.large)
	}
	p.Body = Markdown(m.Body, 3, s.data.BasePath)
	if e := s.dir.Config.EditURL; e != "" {
		p.EditURL = strings.ReplaceAll(e, "{path}", m.Path)
	}
	keepPage := e != nil && s.cache.whole
	if !keepPage && streams(s.sink) {
		buf := pagePool.Get().(*bytes.Buffer)
		defer pagePool.Put(buf)
		buf.Reset()
		if err := s.executeInto(buf, "member.html", p); err != nil {
			return err
		}
		return s.put(path, buf.Bytes())
	}
	data, err := s.executeBytes("member.html", p)
	if err != nil {
		return err
	}
	if keepPage {
		e.page = data // the entry is this build's: only this worker writes it
	}
	return s.put(path, data)
}

// pagePool holds the buffers of member pages for a Sink that streams.
var pagePool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// listCards returns the cards of a list page's members one after the
// other, the print view's entries when print is set, and copies of the
// members' views that carry each one's in Card (PrintCard): a slice of
// the page's cards, for a site's own list template that shows them one
// by one. The cards are read into *buf, grown as needed, whose bytes
// the returned text is (without a copy of some 250 KB for every page):
// the caller must not reuse *buf until the page is rendered.
func (s *site) listCards(buf *[]byte, chunk []*member.Member, print bool) ([]*MemberView, template.HTML, error) {
	n := 0
	for _, m := range chunk {
		n += s.views[m].cardOn(print).len()
	}
	b, ends := slices.Grow((*buf)[:0], n), make([]int, len(chunk))
	defer func() { *buf = b[:0] }()
	for i, m := range chunk {
		var err error
		if b, err = s.views[m].cardOn(print).appendTo(b); err != nil {
			return nil, "", err
		}
		ends[i] = len(b)
	}
	all := template.HTML(unsafe.String(unsafe.SliceData(b), len(b)))
	views, out := make([]MemberView, len(chunk)), make([]*MemberView, len(chunk))
	from := 0
	for i, m := range chunk {
		views[i] = *s.views[m]
		if print {
			views[i].PrintCard = all[from:ends[i]]
		} else {
			views[i].Card = all[from:ends[i]]
		}
		from = ends[i]
		out[i] = &views[i]
	}
	return out, all, nil
}

// cardOn returns the card of the view, or its print entry.
func (v *MemberView) cardOn(print bool) cardText {
	if print {
		return v.printCard
	}
	return v.card
}

// homePages renders the home page; beyond the configured page size it
// pages, phone-book style, so that each page stays light.
func (s *site) homePages() error {
	return s.paged("home", "home.html", s.dir.Config.Title, "", s.dir.Members, nil)
}

func (s *site) categoryPages() error {
	for _, c := range s.dir.Categories {
		if len(c.Members) == 0 {
			continue
		}
		if err := s.paged("category", "category.html", c.Label, "tags/"+c.ID+"/", c.Members, c); err != nil {
			return err
		}
	}
	return nil
}

// paged renders a list of members as one page, or as several of at most
// the configured size: base, base/page/2/, base/page/3/, ….
func (s *site) paged(kind, tpl, title, base string, ms []*member.Member, c *member.Category) error {
	size, budget := perPage(len(ms), s.dir.Config.PageSize)
	chunks := paginate(ms, size, budget, func(m *member.Member) int { return s.views[m].card.len() })
	return s.listPages(kind, tpl, title, base, c, chunks)
}

// listPages renders the pages of a member list cut into chunks, each
// page the chunk's cards (the print view's entries in the print view)
// with the pager, or the page cached from the last build when its key
// (listKey) is the same. The first page of the home page runs the
// search; the print view is kept out of search engines.
func (s *site) listPages(kind, tpl, title, base string, c *member.Category, chunks [][]*member.Member) error {
	pager := newPager(s.data.BasePath+base, chunks)
	return parallel.Each(len(chunks), func(i int) error {
		chunk := chunks[i]
		path := pagePath(base, i) + "index.html"
		search := kind == "home" && i == 0
		key, cached := s.listKey(path, title, chunk, pager.at(i), i, search)
		if cached != nil {
			return s.put(path, cached)
		}
		if s.keep(path, key) {
			return nil
		}
		p := s.page(kind, title, pagePath(base, i))
		cards := cardsPool.Get().(*[]byte)
		defer cardsPool.Put(cards)
		var err error
		if p.Members, p.Cards, err = s.listCards(cards, chunk, kind == "print"); err != nil {
			return err
		}
		p.Category = c
		p.Search = search
		if kind == "print" {
			p.NoIndex = true
		}
		if len(chunks) > 1 {
			p.Pager = pager.at(i)
		}
		if streams(s.sink) && (s.cache == nil || !s.cache.whole) {
			// The page is written and forgotten: a pooled buffer. At
			// 100,000 members the list pages are some 600 MB, and
			// allocated anew they kept the collector behind them.
			buf := pagePool.Get().(*bytes.Buffer)
			defer pagePool.Put(buf)
			buf.Reset()
			if err := s.executeInto(buf, tpl, p); err != nil {
				return err
			}
			return s.put(path, buf.Bytes())
		}
		data, err := s.executeBytes(tpl, p)
		if err != nil {
			return err
		}
		s.cache.putList(path, key, data)
		return s.put(path, data)
	})
}

// cardsPool holds the buffers of the cards of list pages.
var cardsPool = sync.Pool{New: func() any { return new([]byte) }}

// perPage returns how many cards a page of a list of n holds, and how
// many bytes of cards: all of them up to the configured page size, in
// one page; beyond it, at most half the page size and pageBudget bytes.
func perPage(n, size int) (int, int) {
	if n <= size {
		return n, 0
	}
	return max(size/2, 10), pageBudget
}

// pageBudget is the weight of the cards on one page of a paged list. With
// the page's header, the filters and a pager of a few hundred pages it
// stays under 300 KB, the most a phone on a slow connection should have to
// load (a card with its referral link weighs 1.7–2.5 KB).
const pageBudget = 250_000

func pagePath(base string, i int) string {
	if i == 0 {
		return base
	}
	return fmt.Sprintf("%spage/%d/", base, i+1)
}

func (s *site) extraPages() error {
	for _, pg := range s.dir.Pages {
		p := s.page("page", pg.Title, pg.Slug+"/")
		p.Page = pg
		p.Body = Markdown(pg.Body, 2, s.data.BasePath)
		if err := s.execute("page.html", p.Path+"index.html", p); err != nil {
			return err
		}
	}
	return nil
}

// printPages renders the print view: print/, all members on one page
// while their entries fit printBudget, else paged by name as the home
// page is (print/page/2/, …), with one more view per category
// (print/tags/<id>/, paged the same way), so that an organiser can print
// the part of a large network a meeting needs.
func (s *site) printPages() error {
	paged, err := s.printList("print/", nil, s.dir.Members)
	if err != nil || !paged {
		return err
	}
	for _, c := range s.dir.Categories {
		if len(c.Members) == 0 {
			continue
		}
		if _, err := s.printList("print/tags/"+c.ID+"/", c, c.Members); err != nil {
			return err
		}
	}
	return nil
}

// printBudget is the weight of the entries on one page of the print
// view: some 1,200 members without QR codes, or 150 with.
const printBudget = 1 << 20

// printList renders the print view of ms at base, paged when its entries
// weigh more than printBudget, and reports whether it paged.
func (s *site) printList(base string, c *member.Category, ms []*member.Member) (bool, error) {
	chunks := paginate(ms, 0, printBudget, func(m *member.Member) int { return s.views[m].printCard.len() })
	title := s.strings["nav.print"]
	if c != nil {
		title += " · " + c.Label
	}
	err := s.listPages("print", "print.html", title, base, c, chunks)
	return len(chunks) > 1, err
}

func (s *site) notFound() error {
	p := s.page("404", s.strings["notfound.title"], "404.html")
	p.NoIndex = true
	return s.execute("404.html", "404.html", p)
}

// hash is the short content hash used in asset file names.
func hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:4])
}

func sortedPaths(files map[string][]byte) []string {
	out := make([]string, 0, len(files))
	for p := range files {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
