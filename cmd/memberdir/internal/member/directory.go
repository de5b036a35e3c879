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
	errs := linkRecommends(cfg.Language, members, bySlug)
	errs = append(errs, linkThanks(cfg.Language, members, bySlug)...)
	d.keepPublished()
	d.categorise()
	errs = append(errs, d.exclusive()...)
	errs = append(errs, sharedPhotos(cfg.Language, members)...)
	d.sortRelations()
	return d, errs
}

// linkRecommends points each recommendation of members to its target.
// Every target must exist, whether or not it is a draft, so that
// publishing a draft never breaks another file; links to unpublished
// members are dropped later (keepPublished).
func linkRecommends(lang string, members []*Member, bySlug map[string]*Member) ErrorList {
	var errs ErrorList
	for _, m := range members {
		for _, r := range m.Recommends {
			r.From = m
			t := bySlug[r.Slug]
			switch {
			case t == nil:
				errs.Add(r.Pos, "recommends.member", Msg(lang, "recommends.unknown", r.Slug, memberHint(lang, r.Slug, bySlug)))
			case t == m:
				errs.Add(r.Pos, "recommends.member", Msg(lang, "recommends.self"))
			default:
				r.To = t
			}
		}
	}
	return errs
}

// memberHint is the fix for a member slug that names no member: the
// member it most likely means, or how to name one.
func memberHint(lang, slug string, bySlug map[string]*Member) string {
	if s := Suggest(slug, keys(bySlug)); s != "" {
		return Msg(lang, "hint.didyoumean", s)
	}
	return Msg(lang, "hint.member")
}

// keepPublished keeps of the published members' recommendations and
// thanks those whose target is published too, and records them on the
// target (RecommendedBy, ThankedBy).
func (d *Directory) keepPublished() {
	published := make(map[*Member]bool, len(d.Members))
	for _, m := range d.Members {
		published[m] = true
	}
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
}

// categorise makes the directory's categories, from the config's list
// when it has one (in its order), otherwise from the tags members use
// (sorted by label), and files each published member under its tags.
func (d *Directory) categorise() {
	cats := map[string]*Category{}
	for _, c := range d.Config.Categories {
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
	if len(d.Config.Categories) == 0 {
		c := collator(d.Config.Language)
		sort.SliceStable(d.Categories, func(i, j int) bool {
			return c.CompareString(d.Categories[i].Label, d.Categories[j].Label) < 0
		})
	}
}

// exclusive reports, when the config asks for exclusive categories, each
// published member whose main category (first tag) another has already.
func (d *Directory) exclusive() ErrorList {
	if !d.Config.ExclusiveCategories {
		return nil
	}
	var errs ErrorList
	first := map[string]*Member{}
	for _, m := range d.Members {
		if len(m.Tags) == 0 {
			continue
		}
		p := m.Tags[0]
		if o := first[p]; o != nil {
			errs.Add(m.Pos.Get("tags"), "tags", Msg(d.Config.Language, "tags.exclusive", p, o.Path, o.Pos.Get("tags").Line))
			continue
		}
		first[p] = m
	}
	return errs
}

// sharedPhotos reports each profile that names another member's photo: a
// photo belongs to one member, and another profile naming the same file
// would show that member's face under a different name. The owner is the
// member whose slug the file is named after, else the first to name it.
func sharedPhotos(lang string, members []*Member) ErrorList {
	var errs ErrorList
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
			errs.Add(m.Pos.Get("photo"), "photo", Msg(lang, "photo.shared", m.Photo, o.Path))
		}
	}
	return errs
}

// sortRelations puts each member's RecommendedBy and ThankedBy into the
// directory's order (and thanks from one member by date), so that pages
// list them as the home page lists the members.
func (d *Directory) sortRelations() {
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
