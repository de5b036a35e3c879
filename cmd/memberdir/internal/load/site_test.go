package load

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/photo/phototest"
)

// site returns a MapFS with an English config.yaml and the given files,
// whose names are relative to content/members unless they contain a slash.
func site(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{"config.yaml": {Data: []byte("language: en\n")}}
	for name, data := range files {
		if !strings.Contains(name, "/") && name != "config.yaml" {
			name = MembersDir + "/" + name
		}
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func encoded(t *testing.T, format string) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 4, 3))
	var b bytes.Buffer
	var err error
	if format == "png" {
		err = png.Encode(&b, img)
	} else {
		err = jpeg.Encode(&b, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func slugs(ms []*member.Member) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Slug)
	}
	return out
}

func TestSiteFileNames(t *testing.T) {
	valid := profile()
	cases := []struct {
		name  string
		files map[string]string
		want  []string
		slugs []string
	}{
		{name: "valid", files: map[string]string{"anna.md": valid, "bernd.md": valid}, slugs: []string{"anna", "bernd"}},
		{name: "upper case", files: map[string]string{"Anna.md": valid}, slugs: []string{"Anna"}, want: e(
			`content/members/Anna.md: the file name "Anna.md" is not a valid address — rename it to "anna.md" (lowercase a-z, 0-9 and dashes)`)},
		{name: "umlauts and spaces", files: map[string]string{"Jörg Weiß.md": valid}, slugs: []string{"Jörg Weiß"}, want: e(
			`content/members/Jörg Weiß.md: the file name "Jörg Weiß.md" is not a valid address — rename it to "joerg-weiss.md" (lowercase a-z, 0-9 and dashes)`)},
		{name: "no letters", files: map[string]string{"---.md": valid}, slugs: []string{"---"}, want: e(
			`content/members/---.md: the file name "---.md" is not a valid address — use lowercase a-z, 0-9 and dashes, e.g. anna-mueller.md`)},
		{name: "upper-case extension", files: map[string]string{"anna.MD": valid}, slugs: []string{"anna"}, want: e(
			`content/members/anna.MD: the file name "anna.MD" is not a valid address — rename it to "anna.md" (lowercase a-z, 0-9 and dashes)`)},
		{name: "case collision", files: map[string]string{"anna.md": valid, "Anna.md": valid}, slugs: []string{"anna"}, want: e(
			`content/members/Anna.md: "anna.md" and "Anna.md" differ only in upper and lower case — they would get the same address; keep one`,
			`content/members/Anna.md: the file name "Anna.md" is not a valid address — rename it to "anna.md" (lowercase a-z, 0-9 and dashes)`)},
		{name: "not Markdown", files: map[string]string{"anna.txt": valid}, want: e(
			`content/members/anna.txt: "anna.txt" is not a profile — profiles are Markdown files; rename it to "anna.md"`)},
		{name: "ignored", files: map[string]string{
			"_template.md": "x", "README.md": "x", "readme.md": "x", "LIESMICH.md": "x", "README.de.md": "x", ".hidden.md": "x", ".gitkeep": "",
			"anna.jpg": "x", "anna.PNG": "x", "_archiv/old.md": "x", "fotos/anna.jpg": "x", "anna.md": valid,
		}, slugs: []string{"anna"}},
		{name: "profiles in folders", files: map[string]string{
			"content/members/bernd-mueller/index.md": valid, "content/members/drafts/Old One.md": valid,
			"content/members/drafts/2024/_skip/x.md": valid, "content/members/drafts/README.md": "x",
			"content/members/anna.md": valid,
		}, slugs: []string{"anna"}, want: e(
			`content/members/bernd-mueller/index.md: profiles in a folder are not read — move the file to content/members/bernd-mueller.md (to hide a profile, write draft: true in it; a folder whose name starts with _ is skipped)`,
			`content/members/drafts/Old One.md: profiles in a folder are not read — move the file to content/members/old-one.md (to hide a profile, write draft: true in it; a folder whose name starts with _ is skipped)`)},
		{name: "profiles beside content/members/", files: map[string]string{
			"content/member/bernd-mueller.md": valid, "content/Clara Schulz.md": valid, "content/README.md": "x",
			"content/_drafts/x.md": valid, "content/.github/x.md": valid, "content/logo.svg": "<svg/>",
			"content/LIESMICH.md": "# Hinweise\n", "content/images/QUELLEN.md": "Fotos: eigene.\n",
			"content/pages/README.md": "# Seiten\n", "content/pages/archiv/2023.md": "---\ntitle: 2023\n---\n",
			"content/pages/mitmachen.txt": "---\ntitle: Mitmachen\n---\n", "content/pages/flyer.pdf": "%PDF",
			"content/members/anna.md": valid,
		}, slugs: []string{"anna"}, want: e(
			`content/Clara Schulz.md: is not read: profiles go into content/members/ and pages into content/pages/ — move a profile to content/members/clara-schulz.md`,
			`content/member/bernd-mueller.md: is not read: profiles go into content/members/ and pages into content/pages/ — move a profile to content/members/bernd-mueller.md`,
			`content/pages/archiv/2023.md: pages in a folder are not read — move the file to content/pages/2023.md`,
			`content/pages/mitmachen.txt: "mitmachen.txt" is not read as a page — pages are Markdown files; rename it to "mitmachen.md"`)},
		{name: "no name", files: map[string]string{".md": valid, "anna.md": valid}, slugs: []string{"anna"}, want: e(
			`content/members/.md: the file has no name, only the extension .md — name it after the member, e.g. anna-mueller.md`)},
		{name: "editor added .txt", files: map[string]string{"anna.md.txt": valid}, want: e(
			`content/members/anna.md.txt: "anna.md.txt" is not a profile — profiles are Markdown files; rename it to "anna.md"`)},
		{name: "Word document", files: map[string]string{"Anna Müller.docx": "PK\x03\x04"}, want: e(
			`content/members/Anna Müller.docx: "Anna Müller.docx" is a document, not a profile — a profile is a text file; copy the text into a new file "anna-mueller.md" written like the other profiles`)},
		{name: "line break in the file name", files: map[string]string{"a\n::warning::x.md": valid}, slugs: []string{"a\n::warning::x"}, want: e(
			`"content/members/a\n::warning::x.md": the file name "a\n::warning::x.md" is not a valid address — rename it to "a-warning-x.md" (lowercase a-z, 0-9 and dashes)`)},
		{name: "too large", files: map[string]string{"anna.md": valid + strings.Repeat("x", 3<<20-len(valid))}, slugs: []string{"anna"}, want: e(
			`content/members/anna.md: the file is 3.0 MiB, larger than the limit of 1.0 MiB — shorten the text; long stories belong on your own website`)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			content, errs, err := Site(site(c.files))
			if err != nil {
				t.Fatal(err)
			}
			diffLines(t, lines(errs), c.want)
			if got := slugs(content.Members); !slices.Equal(got, c.slugs) {
				t.Errorf("members %q, want %q", got, c.slugs)
			}
		})
	}
}

func TestSitePhotos(t *testing.T) {
	withPhoto := profile("photo: anna.jpg")
	cases := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{name: "JPEG", files: map[string]string{"anna.md": withPhoto, "anna.jpg": encoded(t, "jpeg")}},
		{name: "PNG", files: map[string]string{"anna.md": profile("photo: anna.png"), "anna.png": encoded(t, "png")}},
		{name: "missing", files: map[string]string{"anna.md": withPhoto}, want: e(
			`content/members/anna.md:11:8: photo: the photo "anna.jpg" is not next to the profile — upload it to content/members/`)},
		{name: "other case", files: map[string]string{"anna.md": withPhoto, "Anna.JPG": encoded(t, "jpeg")}, want: e(
			`content/members/anna.md:11:8: photo: the photo "anna.jpg" is not next to the profile, but "Anna.JPG" is — write photo: Anna.JPG (upper and lower case matter)`)},
		{name: "not a JPEG", files: map[string]string{"anna.md": withPhoto, "anna.jpg": "<html>not a photo</html>"}, want: e(
			`content/members/anna.md:11:8: photo: the photo "anna.jpg" cannot be read as JPEG (it is not an image) — save it again as JPEG or PNG`)},
		{name: "PNG named .jpg", files: map[string]string{"anna.md": withPhoto, "anna.jpg": encoded(t, "png")}, want: e(
			`content/members/anna.md:11:8: photo: the photo "anna.jpg" is a PNG file, not a JPEG — rename the file to "anna.png" and write photo: anna.png`)},
		{name: "JPEG named .png", files: map[string]string{"anna.md": profile("photo: anna.png"), "anna.png": encoded(t, "jpeg")}, want: e(
			`content/members/anna.md:11:8: photo: the photo "anna.png" is a JPEG file, not a PNG — rename the file to "anna.jpg" and write photo: anna.jpg`)},
		{name: "too large", files: map[string]string{"anna.md": withPhoto, "anna.jpg": encoded(t, "jpeg") + strings.Repeat("\x00", MaxPhotoSize)}, want: e(
			`content/members/anna.md:11:8: photo: the photo "anna.jpg" is 15.1 MiB, larger than the limit of 15.0 MiB — export it smaller, e.g. as a JPEG of at most 4000×4000 pixels`)},
		{name: "just small enough", files: map[string]string{"anna.md": withPhoto, "anna.jpg": encoded(t, "jpeg") + strings.Repeat("\x00", MaxPhotoSize-len(encoded(t, "jpeg")))}},
		{name: "too many pixels", files: map[string]string{"anna.md": profile("photo: anna.png"), "anna.png": string(phototest.PNGHeader(8000, 6000))}, want: e(
			`content/members/anna.md:11:8: photo: the photo "anna.png" has 8000×6000 pixels (48 megapixels), more than the 40 megapixels allowed — export it smaller than 4000×4000 pixels`)},
		{name: "many scans", files: map[string]string{"anna.md": withPhoto, "anna.jpg": string(phototest.ProgressiveJPEG(64, 64, 1500))}, want: e(
			`content/members/anna.md:11:8: photo: the photo "anna.jpg" is a JPEG of 1510 scans (passes), more than the 64 allowed — save the photo again as an ordinary JPEG, e.g. export it from your photo app, or use PNG`)},
		{name: "progressive", files: map[string]string{"anna.md": withPhoto, "anna.jpg": string(phototest.ProgressiveJPEG(64, 64, 0))}},
		{name: "too many pixels, in German", files: map[string]string{"config.yaml": "language: de\n", "anna.md": profile("photo: anna.png"), "anna.png": string(phototest.PNGHeader(40_000_001, 1))}, want: e(
			`content/members/anna.md:11:8: photo: das Foto "anna.png" hat 40000001×1 Pixel (41 Megapixel), erlaubt sind höchstens 40 Megapixel — exportiere es kleiner als 4000×4000 Pixel`)},
		{name: "too large, in German", files: map[string]string{"config.yaml": "language: de\n", "anna.md": withPhoto, "anna.jpg": strings.Repeat("x", 20<<20)}, want: e(
			`content/members/anna.md:11:8: photo: das Foto "anna.jpg" ist 20.0 MiB groß, erlaubt sind höchstens 15.0 MiB — exportiere es kleiner, z. B. als JPEG mit höchstens 4000×4000 Pixeln`)},
		{name: "no pixels", files: map[string]string{"anna.md": profile("photo: anna.png"), "anna.png": string(phototest.PNGHeader(0, 10))}, want: e(
			`content/members/anna.md:11:8: photo: the photo "anna.png" cannot be read as PNG (the file is damaged) — save it again as JPEG or PNG`)},
		{name: "truncated JPEG", files: map[string]string{"anna.md": withPhoto, "anna.jpg": encoded(t, "jpeg")[:20]}, want: e(
			`content/members/anna.md:11:8: photo: the photo "anna.jpg" cannot be read as JPEG (the file is incomplete) — save it again as JPEG or PNG`)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			content, errs, err := Site(site(c.files))
			if err != nil {
				t.Fatal(err)
			}
			diffLines(t, lines(errs), c.want)
			if _, ok := content.Photos["anna"]; ok != (len(c.want) == 0) {
				t.Errorf("Photos[anna] present = %v", ok)
			}
		})
	}
}

// TestSiteAllErrors checks that one run reports the problems of every file,
// sorted by path and line.
func TestSiteAllErrors(t *testing.T) {
	fsys := site(map[string]string{
		"config.yaml":              "language: en\ntitel: Netzwerk\n",
		"zoe.md":                   profile("-why", "contact:\n  email: zoe(at)example.de"),
		"anna.md":                  profile("offerings: Beratung, Coaching", "+hobbies: Segeln"),
		"bernd.md":                 "---\nname: Bernd\n",
		"carla.md":                 profile(),
		"Dora.md":                  profile(),
		"content/pages/about.md":   "---\ntitle: Über uns\nmenu: sidebar\n---\n",
		"content/pages/About.md":   "---\ntitle: Über uns\n---\n",
		"content/pages/members.md": "---\ntitle: Mitglieder\n---\n",
		"content/pages/network.md": "---\ntitle: Netzwerk\n---\n",
	})
	content, errs, err := Site(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range errs { // not re-sorted: Site must sort
		got = append(got, e.Error())
	}
	diffLines(t, got, e(
		`config.yaml:2:1: titel: is not a known setting — did you mean "title"?`,
		`content/members/Dora.md: the file name "Dora.md" is not a valid address — rename it to "dora.md" (lowercase a-z, 0-9 and dashes)`,
		`content/members/anna.md:5:12: offerings: is written as one line with commas — write each item on its own line starting with "  - "`,
		`content/members/anna.md:9:1: hobbies: is not a known field — remove it or check its spelling`,
		`content/members/bernd.md:3:1: the front matter is not closed — add a line "---" after the last field`,
		`content/members/zoe.md:1:1: why: is missing — add a line "why: …"`,
		`content/members/zoe.md:8:10: contact.email: "zoe(at)example.de" is not an e-mail address — write it as name@example.de`,
		`content/pages/About.md: the file name "About.md" is not a valid address — rename it to "about.md" (lowercase a-z, 0-9 and dashes)`,
		`content/pages/about.md:3:7: menu: "sidebar" is not a menu — write header, footer or remove the line`,
		`content/pages/members.md: the file name "members.md" is not a valid address — rename it to "members-page.md" (lowercase a-z, 0-9 and dashes)`,
		`content/pages/network.md: the file name "network.md" is not a valid address — rename it to "network-page.md" (lowercase a-z, 0-9 and dashes)`,
	))
	if content.Config.Language != "en" {
		t.Errorf("Language = %q", content.Config.Language)
	}
	if got := slugs(content.Members); !slices.Contains(got, "carla") {
		t.Errorf("valid member carla missing: %q", got)
	}
}

func TestSiteNoConfig(t *testing.T) {
	fsys := fstest.MapFS{MembersDir + "/anna.md": {Data: []byte(profile("-name"))}}
	content, errs, err := Site(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if content.Config.Language != "de" || content.Config.Path != "" {
		t.Errorf("config = %+v", content.Config)
	}
	diffLines(t, lines(errs), e(`content/members/anna.md:1:1: name: fehlt — füge eine Zeile "name: …" hinzu`))
}

// TestSiteBrokenConfig: when config.yaml cannot be read, its problem is
// the only one reported, in the language its "language:" line names. The
// profiles would otherwise be checked against the defaults, and their
// categories and extra fields reported as unknown, which they are not.
func TestSiteBrokenConfig(t *testing.T) {
	fsys := fstest.MapFS{
		"config.yaml":           {Data: []byte("language: en\nextra_fields:\n  - name: instagram\norganiser:\n\tname: Petra\n")},
		MembersDir + "/anna.md": {Data: []byte(profile("+instagram: anna"))},
	}
	content, errs, err := Site(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if content.Config.Language != "en" {
		t.Errorf("language = %q, want the en of the language: line", content.Config.Language)
	}
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "config.yaml:5:1: ") || !strings.Contains(errs[0].Error(), "tab") {
		t.Errorf("want only the tab in config.yaml, got:\n%s", lines(errs))
	}
}

// TestSiteNoMembers: without content/members/, a folder that is a site
// (config.yaml or content/) lacks its first profile; any other folder is
// most likely not the site's.
func TestSiteNoMembers(t *testing.T) {
	for _, c := range []struct {
		name string
		fsys fstest.MapFS
		want string
	}{
		{"config.yaml only", fstest.MapFS{"config.yaml": {Data: []byte("language: en\n")}}, "create the first profile with memberdir new"},
		{"content/ only", fstest.MapFS{"content/logo.svg": {Data: []byte("<svg/>")}}, "create the first profile with memberdir new"},
		{"no site", fstest.MapFS{"notes.txt": {Data: []byte("x")}}, "content/members: no such folder — run memberdir in the site's folder"},
	} {
		if _, _, err := Site(c.fsys); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
}

// TestRecommends links profiles with member.NewDirectory, which reports
// recommendations of members that do not exist.
func TestRecommends(t *testing.T) {
	anna := profile("recommends:" +
		"\n  - member: bernd-schmid" + //  12
		"\n  - member: zoe" + //           13
		"\n  - member: anna" + //          14
		"\n  - member: carla" + //         15 (a draft: not shown, not an error)
		"\n  - member: bernd-schmidt" + // 16
		"\n    note: Der beste Steuerberater.")
	files := map[string]string{
		"anna.md":          anna,
		"bernd-schmidt.md": profile("name: Bernd Schmidt"),
		"carla.md":         profile("name: Carla", "draft: true", "recommends:\n  - member: anna"),
	}
	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			fsys := site(files)
			fsys["config.yaml"] = &fstest.MapFile{Data: []byte("language: " + lang + "\n")}
			content, errs, err := Site(fsys)
			if err != nil || len(errs) > 0 {
				t.Fatal(err, errs)
			}
			dir, errs := member.NewDirectory(content.Config, content.Members, content.Pages, false)
			want := e(
				`content/members/anna.md:12:13: recommends.member: there is no member "bernd-schmid" — did you mean "bernd-schmidt"?`,
				`content/members/anna.md:13:13: recommends.member: there is no member "zoe" — write the file name of a member without .md`,
				`content/members/anna.md:14:13: recommends.member: you cannot recommend yourself — remove this entry`)
			if lang == "de" {
				want = e(
					`content/members/anna.md:12:13: recommends.member: es gibt kein Mitglied "bernd-schmid" — meintest du "bernd-schmidt"?`,
					`content/members/anna.md:13:13: recommends.member: es gibt kein Mitglied "zoe" — schreibe den Dateinamen eines Mitglieds ohne .md`,
					`content/members/anna.md:14:13: recommends.member: du kannst dich nicht selbst empfehlen — entferne diesen Eintrag`)
			}
			diffLines(t, lines(errs), want)
			if got := slugs(dir.Members); !slices.Equal(got, []string{"anna", "bernd-schmidt"}) {
				t.Fatalf("members %q", got)
			}
			a, b := dir.Members[0], dir.Members[1]
			if len(a.Recommends) != 1 || a.Recommends[0].To != b || a.Recommends[0].Note != "Der beste Steuerberater." {
				t.Errorf("anna recommends %+v", a.Recommends)
			}
			if len(b.RecommendedBy) != 1 || b.RecommendedBy[0].From != a {
				t.Errorf("bernd recommended by %+v", b.RecommendedBy)
			}
			if len(a.RecommendedBy) != 0 {
				t.Errorf("anna is recommended by the draft carla: %+v", a.RecommendedBy)
			}
		})
	}
}

// TestRecommendsBrokenTarget: a recommendation of a member whose file has
// errors is not reported as unknown too.
func TestRecommendsBrokenTarget(t *testing.T) {
	content, errs, err := Site(site(map[string]string{
		"anna.md":  profile("recommends:\n  - member: bernd"),
		"bernd.md": "---\nname: Bernd\n",
	}))
	if err != nil {
		t.Fatal(err)
	}
	_, derrs := member.NewDirectory(content.Config, content.Members, content.Pages, false)
	diffLines(t, append(lines(errs), lines(derrs)...), e(
		`content/members/bernd.md:3:1: the front matter is not closed — add a line "---" after the last field`))
}

// TestFooterLinks checks that a footer link into the site leads to a page
// the build writes; the imprint whose page is missing is the usual case.
func TestFooterLinks(t *testing.T) {
	page := "---\ntitle: Impressum\n---\nText.\n"
	cases := []struct {
		name  string
		base  string
		urls  string
		files map[string]string
		want  []string
	}{
		{name: "pages, members, tags and files", urls: "[/impressum/, /impressum, /impressum/#kontakt, /, /members/anna/, /members/anna.vcf, /tags/handwerk/, /members.json, /print/, https://example.org/impressum/, mailto:a@example.org]"},
		{name: "page missing", urls: "[/impressum/, /datenschutz/]", want: e(
			`config.yaml:5:21: footer: "/datenschutz/" leads to no page of the site — create content/pages/datenschutz.md, or correct the address`)},
		{name: "upper case", urls: "[/Impressum/]", want: e(
			`config.yaml:4:21: footer: "/Impressum/" leads to no page of the site: addresses are lower case — write /impressum/`)},
		{name: "the base path repeated", base: "https://example.org/verzeichnis/", urls: "[/verzeichnis/impressum/]", want: e(
			`config.yaml:4:21: footer: "/verzeichnis/impressum/" repeats the path of base_url, which every link on the site gets in front anyway — write /impressum/`)},
		{name: "a page with problems of its own", urls: "[/kontakt/]", files: map[string]string{"content/pages/kontakt.md": "---\ntitel: Kontakt\n---\n"}, want: e(
			`content/pages/kontakt.md:1:1: title: is missing — add a line "title: …"`,
			`content/pages/kontakt.md:2:1: titel: is not a known field — did you mean "title"?`)},
		{name: "unknown member and category", urls: "[/members/bernd/, /tags/recht/]", want: e(
			`config.yaml:4:21: footer: "/members/bernd/" leads to no page of the site — correct the address`,
			`config.yaml:5:21: footer: "/tags/recht/" leads to no page of the site — correct the address`)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var cfg strings.Builder
			cfg.WriteString("language: en\ncategories: [{id: handwerk, label: Handwerk}]\nfooter:\n")
			for _, u := range strings.Split(strings.Trim(c.urls, "[]"), ", ") {
				fmt.Fprintf(&cfg, "  - {label: L, url: %q}\n", u)
			}
			if c.base != "" {
				fmt.Fprintf(&cfg, "base_url: %s\n", c.base)
			}
			files := map[string]string{"anna.md": profile("tags: [handwerk]"), "content/pages/impressum.md": page}
			maps.Copy(files, c.files)
			fsys := site(files)
			fsys["config.yaml"].Data = []byte(cfg.String())
			_, errs, err := Site(fsys)
			if err != nil {
				t.Fatal(err)
			}
			diffLines(t, lines(errs), c.want)
		})
	}
}
