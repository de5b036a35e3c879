package member

import (
	"slices"
	"testing"
)

func mem(slug, name string) *Member {
	return &Member{Slug: slug, Name: name, Path: "content/members/" + slug + ".md"}
}

func recommend(from *Member, line int, to string) {
	from.Recommends = append(from.Recommends, &Recommendation{Slug: to, Pos: Pos{Path: from.Path, Line: line, Col: 13}})
}

func names(ms []*Member) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Name)
	}
	return out
}

func errLines(errs ErrorList) []string {
	errs.Sort()
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

func TestSortMembers(t *testing.T) {
	cases := []struct {
		lang  string
		in    []*Member
		want  []string
		slugs []string
	}{
		{lang: "de", in: []*Member{
			mem("bernd", "Bernd Bauer"), mem("oezlem", "Özlem Arslan"), mem("aenne", "Änne Bauer"),
			mem("anna", "Anna Zimmer"), mem("jonas-berger", "Dr. Jonas Berger"), mem("jonas-abel", "Jonas Abel"),
			mem("zoe", "Zoë Zander"), mem("otto", "Otto Ost"), mem("prof", "Prof. Dr. Anton Acker"),
		}, want: []string{"Anna Zimmer", "Änne Bauer", "Prof. Dr. Anton Acker", "Bernd Bauer", "Jonas Abel", "Dr. Jonas Berger", "Otto Ost", "Özlem Arslan", "Zoë Zander"}},
		{lang: "en", in: []*Member{mem("b", "bob"), mem("a", "Anna"), mem("c", "Ángel"), mem("d", "Anja")},
			want: []string{"Ángel", "Anja", "Anna", "bob"}},
		// Equal names, and names equal but for case and accents, are
		// ordered by slug.
		{lang: "de", in: []*Member{mem("anna-mueller-2", "Anna Müller"), mem("anna-mueller", "Anna Müller"), mem("anna-muller", "anna muller")},
			slugs: []string{"anna-mueller", "anna-mueller-2", "anna-muller"}},
	}
	for _, c := range cases {
		SortMembers(c.in, c.lang)
		if c.want != nil && !slices.Equal(names(c.in), c.want) {
			t.Errorf("%s: %q\nwant %q", c.lang, names(c.in), c.want)
		}
		if c.slugs != nil {
			var got []string
			for _, m := range c.in {
				got = append(got, m.Slug)
			}
			if !slices.Equal(got, c.slugs) {
				t.Errorf("%s: slugs %q, want %q", c.lang, got, c.slugs)
			}
		}
	}
}

func TestNewDirectoryDrafts(t *testing.T) {
	build := func(drafts bool) (*Directory, ErrorList, *Member, *Member, *Member) {
		anna, bernd, carla := mem("anna", "Anna"), mem("bernd", "Bernd"), mem("carla", "Carla")
		carla.Draft = true
		recommend(anna, 12, "carla") // a draft: no error, not shown
		recommend(anna, 13, "bernd")
		recommend(carla, 12, "anna") // from a draft: not shown
		d, errs := NewDirectory(Config{Language: "en"}, []*Member{carla, bernd, anna}, nil, drafts)
		return d, errs, anna, bernd, carla
	}

	d, errs, anna, bernd, _ := build(false)
	if len(errs) != 0 {
		t.Errorf("errors: %v", errs)
	}
	if got := names(d.Members); !slices.Equal(got, []string{"Anna", "Bernd"}) {
		t.Errorf("members %q", got)
	}
	if len(anna.Recommends) != 1 || anna.Recommends[0].To != bernd || anna.Recommends[0].From != anna {
		t.Errorf("anna recommends %+v", anna.Recommends)
	}
	if len(bernd.RecommendedBy) != 1 || bernd.RecommendedBy[0].From != anna || len(anna.RecommendedBy) != 0 {
		t.Errorf("recommended by: bernd %+v, anna %+v", bernd.RecommendedBy, anna.RecommendedBy)
	}

	d, errs, anna, _, carla := build(true)
	if len(errs) != 0 {
		t.Errorf("errors: %v", errs)
	}
	if got := names(d.Members); !slices.Equal(got, []string{"Anna", "Bernd", "Carla"}) {
		t.Errorf("members with drafts %q", got)
	}
	if len(anna.Recommends) != 2 || len(carla.RecommendedBy) != 1 || len(anna.RecommendedBy) != 1 {
		t.Errorf("with drafts: anna recommends %d, carla recommended by %d, anna by %d", len(anna.Recommends), len(carla.RecommendedBy), len(anna.RecommendedBy))
	}
}

func TestNewDirectoryRecommends(t *testing.T) {
	for _, c := range []struct {
		lang string
		want []string
	}{
		{"en", []string{
			`content/members/anna.md:12:13: recommends.member: there is no member "bernd-schmid" — did you mean "bernd-schmidt"?`,
			`content/members/anna.md:13:13: recommends.member: there is no member "zoe" — write the file name of a member without .md`,
			`content/members/anna.md:14:13: recommends.member: you cannot recommend yourself — remove this entry`,
			`content/members/carla.md:12:13: recommends.member: there is no member "dora" — write the file name of a member without .md`,
		}},
		{"de", []string{
			`content/members/anna.md:12:13: recommends.member: es gibt kein Mitglied "bernd-schmid" — meintest du "bernd-schmidt"?`,
			`content/members/anna.md:13:13: recommends.member: es gibt kein Mitglied "zoe" — schreibe den Dateinamen eines Mitglieds ohne .md`,
			`content/members/anna.md:14:13: recommends.member: du kannst dich nicht selbst empfehlen — entferne diesen Eintrag`,
			`content/members/carla.md:12:13: recommends.member: es gibt kein Mitglied "dora" — schreibe den Dateinamen eines Mitglieds ohne .md`,
		}},
	} {
		anna, bernd, carla := mem("anna", "Anna"), mem("bernd-schmidt", "Bernd"), mem("carla", "Carla")
		carla.Draft = true // a draft's own mistakes are reported too
		recommend(anna, 12, "bernd-schmid")
		recommend(anna, 13, "zoe")
		recommend(anna, 14, "anna")
		recommend(carla, 12, "dora")
		_, errs := NewDirectory(Config{Language: c.lang}, []*Member{anna, bernd, carla}, nil, false)
		if got := errLines(errs); !slices.Equal(got, c.want) {
			t.Errorf("%s:\n%s\nwant\n%s", c.lang, join(got), join(c.want))
		}
		if len(anna.Recommends) != 0 {
			t.Errorf("broken recommendations are shown: %+v", anna.Recommends)
		}
	}
}

func join(s []string) string {
	out := ""
	for _, l := range s {
		out += "  " + l + "\n"
	}
	return out
}

func TestNewDirectoryCategories(t *testing.T) {
	anna, bernd, carla := mem("anna", "Anna"), mem("bernd", "Bernd"), mem("carla", "Carla")
	anna.Tags, bernd.Tags, carla.Tags = []string{"steuern", "recht"}, []string{"recht"}, []string{"steuern"}
	anna.Pos.Set("tags", Pos{Path: anna.Path, Line: 11, Col: 1})
	carla.Pos.Set("tags", Pos{Path: carla.Path, Line: 9, Col: 1})

	// From the config, in its order; exclusive: one member per main category.
	cfg := Config{Language: "en", ExclusiveCategories: true, Categories: []ConfigCategory{{"steuern", "Steuern"}, {"recht", "Recht"}, {"bau", "Bau"}}}
	d, errs := NewDirectory(cfg, []*Member{carla, bernd, anna}, nil, false)
	want := []string{`content/members/carla.md:9:1: tags: the category "steuern" already belongs to another member (content/members/anna.md:11) — this network allows one member per category; choose another main category or talk to the organiser`}
	if got := errLines(errs); !slices.Equal(got, want) {
		t.Errorf("errors:\n%s", join(got))
	}
	var got []string
	for _, c := range d.Categories {
		got = append(got, c.ID+":"+join(names(c.Members)))
	}
	if !slices.Equal(got, []string{"steuern:  Anna\n  Carla\n", "recht:  Anna\n  Bernd\n", "bau:"}) {
		t.Errorf("categories %q", got)
	}
	if len(anna.Categories) != 2 || anna.Categories[0].Label != "Steuern" {
		t.Errorf("anna's categories %+v", anna.Categories)
	}

	// From the tags, sorted by label.
	anna, bernd = mem("anna", "Anna"), mem("bernd", "Bernd")
	anna.Tags, bernd.Tags = []string{"zahnarzt", "ärztin"}, []string{"berater"}
	d, _ = NewDirectory(Config{Language: "de"}, []*Member{anna, bernd}, nil, false)
	got = nil
	for _, c := range d.Categories {
		got = append(got, c.ID)
	}
	if !slices.Equal(got, []string{"ärztin", "berater", "zahnarzt"}) {
		t.Errorf("categories %q", got)
	}
}

func TestNewDirectoryPages(t *testing.T) {
	pages := []*Page{{Slug: "privacy", Weight: 20}, {Slug: "imprint", Weight: 20}, {Slug: "about", Weight: 10}, {Slug: "join"}}
	d, _ := NewDirectory(Config{Language: "de"}, nil, pages, false)
	var got []string
	for _, p := range d.Pages {
		got = append(got, p.Slug)
	}
	if !slices.Equal(got, []string{"join", "about", "imprint", "privacy"}) {
		t.Errorf("pages %q", got)
	}
}

// TestNewDirectorySharedPhoto: a profile may not show another member's
// photo. The file belongs to the member it is named after, else to the
// first profile (in file order) that names it.
func TestNewDirectorySharedPhoto(t *testing.T) {
	withPhoto := func(slug, photo string) *Member {
		m := mem(slug, slug)
		m.Photo = photo
		m.Pos.Set("photo", Pos{Path: m.Path, Line: 11, Col: 8})
		return m
	}
	cases := []struct {
		name    string
		lang    string
		members []*Member
		want    []string
	}{
		{"own photos", "en", []*Member{withPhoto("anna", "anna.jpg"), withPhoto("bernd", "bernd.jpg"), mem("carla", "Carla")}, nil},
		{"named after the other member", "en", []*Member{withPhoto("aaron", "bernd.jpg"), withPhoto("bernd", "bernd.jpg")}, []string{
			`content/members/aaron.md:11:8: photo: the photo "bernd.jpg" is already the photo of content/members/bernd.md — upload your own photo under a name of its own, e.g. your file name with .jpg`}},
		{"named after neither", "de", []*Member{withPhoto("anna", "team.jpg"), withPhoto("bernd", "team.jpg"), withPhoto("carla", "team.jpg")}, []string{
			`content/members/bernd.md:11:8: photo: das Foto "team.jpg" ist schon das Foto von content/members/anna.md — lade dein eigenes Foto unter eigenem Namen hoch, z. B. deinem Dateinamen mit .jpg`,
			`content/members/carla.md:11:8: photo: das Foto "team.jpg" ist schon das Foto von content/members/anna.md — lade dein eigenes Foto unter eigenem Namen hoch, z. B. deinem Dateinamen mit .jpg`}},
	}
	for _, c := range cases {
		_, errs := NewDirectory(Config{Language: c.lang}, c.members, nil, false)
		if got := errLines(errs); !slices.Equal(got, c.want) {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, join(got), join(c.want))
		}
	}
}

func TestPositions(t *testing.T) {
	var p Positions
	if got := p.Get("name"); got != (Pos{}) {
		t.Errorf("empty Positions: Get = %+v", got)
	}
	const path = "content/members/anna.md"
	p.Set("name", Pos{Path: path, Line: 2, Col: 1})
	p.Set("contact.email", Pos{Path: path, Line: 9, Col: 3})
	p.Set("name", Pos{Path: path, Line: 4, Col: 1}) // recorded again: the later one counts
	for field, want := range map[string]Pos{
		"name":          {Path: path, Line: 4, Col: 1},
		"contact.email": {Path: path, Line: 9, Col: 3},
		"photo":         {Path: path}, // not written: the file alone
	} {
		if got := p.Get(field); got != want {
			t.Errorf("Get(%q) = %+v, want %+v", field, got, want)
		}
	}
}

func TestBasePath(t *testing.T) {
	for base, want := range map[string]string{
		"": "/", "/": "/", "/verzeichnis/": "/verzeichnis/", "https://netzwerk.example/": "/",
		"https://netzwerk.example": "/", "https://org.github.io/verzeichnis/": "/verzeichnis/",
		"https://org.github.io/mit%20leer/": "/mit%20leer/",
	} {
		c := Config{BaseURL: base}
		if got := c.BasePath(); got != want {
			t.Errorf("BasePath of %q = %q, want %q", base, got, want)
		}
	}
}
