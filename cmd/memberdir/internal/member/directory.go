package member

import (
	"bytes"
	"path"
	"slices"
	"sort"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Directory is the whole site as a model: the config, the published members
// sorted for a German (or English) reader, the categories and the pages.
type Directory struct {
	Config     Config
	Members    []*Member
	Categories []*Category
	Pages      []*Page
}

// NewDirectory links loaded members into a Directory: it drops drafts
// unless drafts is true, sorts members by name the way a reader of the
// site's language expects (Ä with A), resolves tags to categories and
// recommendations in both directions. Problems that span files (an unknown
// recommends target, two members in one exclusive category) are returned
// as errors; the Directory is usable either way.
func NewDirectory(cfg Config, members []*Member, pages []*Page, drafts bool) (*Directory, ErrorList) {
	var errs ErrorList
	d := &Directory{Config: cfg, Pages: pages}
	bySlug := make(map[string]*Member, len(members))
	for _, m := range members {
		bySlug[m.Slug] = m
	}
	for _, m := range members {
		if m.Draft && !drafts {
			continue
		}
		d.Members = append(d.Members, m)
	}
	SortMembers(d.Members, cfg.Language)
	sort.SliceStable(d.Pages, func(i, j int) bool {
		if d.Pages[i].Weight != d.Pages[j].Weight {
			return d.Pages[i].Weight < d.Pages[j].Weight
		}
		return d.Pages[i].Slug < d.Pages[j].Slug
	})

	// Recommendations: every target must exist, whether or not it is a
	// draft, so that publishing a draft never breaks another file; links
	// to unpublished members are simply not shown.
	published := make(map[*Member]bool, len(d.Members))
	for _, m := range d.Members {
		published[m] = true
	}
	for _, m := range members {
		for _, r := range m.Recommends {
			r.From = m
			t := bySlug[r.Slug]
			switch {
			case t == nil:
				hint := Msg(cfg.Language, "hint.member")
				if s := Suggest(r.Slug, keys(bySlug)); s != "" {
					hint = Msg(cfg.Language, "hint.didyoumean", s)
				}
				errs.Add(r.Pos, "recommends.member", Msg(cfg.Language, "recommends.unknown", r.Slug, hint))
			case t == m:
				errs.Add(r.Pos, "recommends.member", Msg(cfg.Language, "recommends.self"))
			default:
				r.To = t
			}
		}
	}
	errs = append(errs, linkThanks(cfg.Language, members, bySlug)...)
	for _, m := range d.Members {
		var kept []*Recommendation
		for _, r := range m.Recommends {
			if r.To != nil && published[r.To] {
				kept = append(kept, r)
				r.To.RecommendedBy = append(r.To.RecommendedBy, r)
			}
		}
		m.Recommends = kept
		var thanks []*Thanks
		for _, t := range m.Thanks {
			if t.To != nil && published[t.To] {
				thanks = append(thanks, t)
				t.To.ThankedBy = append(t.To.ThankedBy, t)
			}
		}
		m.Thanks = thanks
	}

	// Categories, from the config's list when it has one (in its order),
	// otherwise from the tags members use (sorted by label).
	cats := map[string]*Category{}
	for _, c := range cfg.Categories {
		cat := &Category{ID: c.ID, Label: c.Label}
		cats[c.ID] = cat
		d.Categories = append(d.Categories, cat)
	}
	for _, m := range d.Members {
		m.Categories = m.Categories[:0]
		for _, id := range m.Tags {
			cat := cats[id]
			if cat == nil {
				cat = &Category{ID: id, Label: id}
				cats[id] = cat
				d.Categories = append(d.Categories, cat)
			}
			cat.Members = append(cat.Members, m)
			m.Categories = append(m.Categories, cat)
		}
	}
	if len(cfg.Categories) == 0 {
		c := collator(cfg.Language)
		sort.SliceStable(d.Categories, func(i, j int) bool {
			return c.CompareString(d.Categories[i].Label, d.Categories[j].Label) < 0
		})
	}

	if cfg.ExclusiveCategories {
		first := map[string]*Member{}
		for _, m := range d.Members {
			if len(m.Tags) == 0 {
				continue
			}
			p := m.Tags[0]
			if o := first[p]; o != nil {
				errs.Add(m.Pos.Get("tags"), "tags", Msg(cfg.Language, "tags.exclusive", p, o.Path, o.Pos.Get("tags").Line))
				continue
			}
			first[p] = m
		}
	}
	// A photo belongs to one member: another profile naming the same file
	// would show that member's face under a different name.
	photoOwner := map[string]*Member{}
	for _, m := range members {
		if m.Photo == "" {
			continue
		}
		base := strings.TrimSuffix(m.Photo, path.Ext(m.Photo))
		if o := photoOwner[m.Photo]; o == nil || base == m.Slug && o.Slug != base {
			photoOwner[m.Photo] = m
		}
	}
	for _, m := range members {
		if o := photoOwner[m.Photo]; o != nil && o != m {
			errs.Add(m.Pos.Get("photo"), "photo", Msg(cfg.Language, "photo.shared", m.Photo, o.Path))
		}
	}

	order := make(map[*Member]int, len(d.Members))
	for i, m := range d.Members {
		order[m] = i
	}
	for _, m := range d.Members {
		sort.SliceStable(m.RecommendedBy, func(i, j int) bool {
			return order[m.RecommendedBy[i].From] < order[m.RecommendedBy[j].From]
		})
		slices.SortStableFunc(m.ThankedBy, func(a, b *Thanks) int {
			if c := order[a.From] - order[b.From]; c != 0 {
				return c
			}
			return compareDates(a.Date, b.Date)
		})
	}
	return d, errs
}

// SortMembers sorts members by name for a reader of lang, with the slug
// breaking ties so that the order is total and the output deterministic.
func SortMembers(ms []*Member, lang string) {
	c := collator(lang)
	var buf collate.Buffer
	type keyed struct {
		key []byte
		m   *Member
	}
	ks := make([]keyed, len(ms))
	for i, m := range ms {
		ks[i] = keyed{append([]byte(nil), c.KeyFromString(&buf, SortName(m.Name))...), m}
		buf.Reset()
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		if cmp := bytes.Compare(a.key, b.key); cmp != 0 {
			return cmp
		}
		return strings.Compare(a.m.Slug, b.m.Slug)
	})
	for i, k := range ks {
		ms[i] = k.m
	}
}

// SortName drops academic titles so that "Dr. Jonas Berger" sorts under J,
// next to the other Jonases, as a reader scanning first names expects.
func SortName(name string) string {
	for _, p := range []string{"Prof. Dr. ", "Prof. ", "Dr. med. ", "Dr. "} {
		if len(name) > len(p) && name[:len(p)] == p {
			return name[len(p):]
		}
	}
	return name
}

func collator(lang string) *collate.Collator {
	tag := language.German
	if lang == "en" {
		tag = language.English
	}
	return collate.New(tag, collate.Loose)
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
