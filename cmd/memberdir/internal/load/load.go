// Package load reads a site from an fs.FS into the model: config.yaml,
// the profiles in content/members and the pages in content/pages. It
// decodes strictly, walking yaml.v3 nodes so that every problem carries
// its file, line and column, and collects all problems of a run instead of
// stopping at the first. It never writes and never touches the network.
package load

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // photos are decoded to check them
	_ "image/png"
	"io"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/parallel"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/photo"
)

// Paths of a site's parts, relative to its root.
const (
	ConfigFile = "config.yaml"
	ContentDir = "content"
	MembersDir = "content/members"
	PagesDir   = "content/pages"
)

// MaxPhotoSize and MaxPhotoPixels bound what a photo may cost to read and
// decode. Phones usually save 2–8 MB and 12 megapixels; a member with a
// larger photo is asked to export it smaller.
const (
	MaxPhotoSize   = 15 << 20
	MaxPhotoPixels = photo.MaxPixels
)

// Content is everything read from a site, before linking into a
// member.Directory.
type Content struct {
	Config  member.Config
	Members []*member.Member // in file name order
	Pages   []*member.Page
	// Photos holds each member's photo file by slug: its key and how to
	// read it, not its bytes (see photo.Source).
	Photos map[string]photo.Source
	// Logo is the file config.yaml names as theme.logo, nil for none.
	Logo []byte
}

// Site reads the whole site from fsys. Problems in the content are
// returned as an ErrorList together with everything that could be read;
// err is for I/O failures only.
func Site(fsys fs.FS) (*Content, member.ErrorList, error) {
	return SiteCached(fsys, nil)
}

// SiteCached is Site reusing the profiles in cache that have not changed
// since they were read (same size and modification time, same config),
// and remembering the new ones. serve uses it so that an edit of one
// profile does not parse all 10,000 again.
func SiteCached(fsys fs.FS, cache *Cache) (*Content, member.ErrorList, error) {
	var errs member.ErrorList
	cfgData, err := fs.ReadFile(fsys, ConfigFile)
	if errors.Is(err, fs.ErrNotExist) {
		cfgData = nil
	} else if err != nil {
		return nil, nil, err
	}
	cfg, cerrs, read := readConfig(ConfigFile, cfgData)
	errs = append(errs, cerrs...)
	errs = append(errs, strayConfig(fsys, cfg.Language)...)
	c := &Content{Config: cfg, Photos: map[string]photo.Source{}}
	if !read {
		return c, errs, nil // config.yaml first: see readConfig
	}
	if cfg.Theme.Logo != "" {
		if data, lerr := logo(fsys, &cfg); lerr != nil {
			errs = append(errs, lerr)
		} else {
			c.Logo = data
		}
	}

	entries, err := fs.ReadDir(fsys, MembersDir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, NoMembers(fsys)
	}
	if err != nil {
		return nil, nil, err
	}
	paths, files, links, perrs := profilePaths(fsys, entries, cfg.Language)
	errs = append(errs, perrs...)

	r := cache.begin()
	members, merrs, err := profiles(fsys, paths, &cfg, cache, r)
	if err != nil {
		return nil, nil, err
	}
	cache.end(r)
	errs = append(errs, merrs...)
	errs = append(errs, c.addMembers(fsys, members, paths, &cfg, files, links, cache, r)...)

	pages, gerrs, err := loadPages(fsys, &cfg)
	if err != nil {
		return nil, nil, err
	}
	errs = append(errs, gerrs...)
	c.Pages = pages
	errs = append(errs, astray(fsys, cfg.Language)...)
	errs = append(errs, deadFooterLinks(fsys, c)...)
	errs.Sort()
	return c, errs, nil
}

// profilePaths returns the paths of the profiles among the entries of
// the members' folder, sorted, and reports every other file there that
// looks meant as one (a document, a misnamed or nested file, a link).
// files are the names of the folder's plain files, for photos; links
// the names that are symbolic links.
func profilePaths(fsys fs.FS, entries []fs.DirEntry, lang string) (paths []string, files, links map[string]bool, errs member.ErrorList) {
	lower := map[string]string{}
	files, links = map[string]bool{}, map[string]bool{}
	for _, e := range entries {
		files[e.Name()] = true
	}
	// Valid names first, so that of anna.md and Anna.md the valid one is
	// kept and the other reported. (A partition, not a sort: a sort would
	// test each name many times, which showed at 10,000 members.)
	var valid, invalid []fs.DirEntry
	for _, e := range entries {
		if path.Ext(e.Name()) == ".md" && member.IsSlug(slugOf(e.Name())) {
			valid = append(valid, e)
		} else {
			invalid = append(invalid, e)
		}
	}
	entries = append(valid, invalid...)
	for _, e := range entries {
		name := e.Name()
		p := MembersDir + "/" + name
		if strings.EqualFold(name, ".md") && !e.IsDir() {
			// Saved in the web editor before a name was typed: a
			// hidden file would be skipped, and the profile lost.
			errs.Add(member.Pos{Path: p}, "", member.Msg(lang, "file.noname"))
			continue
		}
		if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || isNote(name) {
			continue
		}
		if e.IsDir() {
			errs = append(errs, nested(fsys, p, lang, "file.nested")...)
			continue
		}
		if e.Type()&fs.ModeSymlink != 0 {
			// A link could make the build read, and publish, a file from
			// anywhere on the machine that builds the site.
			errs.Add(member.Pos{Path: p}, "", member.Msg(lang, "file.symlink"))
			delete(files, name)
			links[name] = true
			continue
		}
		ext := strings.ToLower(path.Ext(name))
		switch ext {
		case ".jpg", ".jpeg", ".png", ".webp", ".heic", ".gif", ".avif", ".svg":
			// Images sit next to the profiles; a profile's photo field is
			// checked where it is read (only JPEG and PNG are accepted).
			continue
		case ".md":
		case ".docx", ".doc", ".odt", ".pdf", ".rtf", ".pages":
			errs.Add(member.Pos{Path: p}, "", member.Msg(lang, "file.doc", name, mdName(name)))
			continue
		default:
			errs.Add(member.Pos{Path: p}, "", member.Msg(lang, "file.ext", name, mdName(name)))
			continue
		}
		slug := slugOf(p)
		if !member.IsSlug(slug) || path.Ext(name) != ".md" {
			if s := member.Slugify(slug); s != "" {
				errs.Add(member.Pos{Path: p}, "", member.Msg(lang, "slug.invalid", name, s+".md"))
			} else {
				errs.Add(member.Pos{Path: p}, "", member.Msg(lang, "slug.invalidnone", name))
			}
		}
		if other, dup := lower[strings.ToLower(name)]; dup {
			errs.Add(member.Pos{Path: p}, "", member.Msg(lang, "slug.case", other, name))
			continue
		}
		lower[strings.ToLower(name)] = name
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return paths, files, links, errs
}

// addMembers adds the decoded profiles to c, in the order of paths, with
// their photos; a file that could not be read as a profile still stands
// for its member, so that recommendations of it are not reported as
// unknown.
func (c *Content) addMembers(fsys fs.FS, members []*member.Member, paths []string, cfg *member.Config, files, links map[string]bool, cache *Cache, r round) member.ErrorList {
	var errs member.ErrorList
	for i, m := range members {
		if m == nil {
			// The file could not be read as a profile; it still exists,
			// so recommendations of it are not reported as unknown.
			m = &member.Member{Slug: slugOf(paths[i]), Path: paths[i]}
		}
		if m.Photo != "" && !links[m.Photo] {
			// A photo that is a link is reported as the file it is, not
			// also as missing.
			src, perr := photoFile(fsys, m, cfg.Language, files, cache, r)
			if perr != nil {
				errs = append(errs, perr)
			} else {
				c.Photos[m.Slug] = src
			}
		}
		c.Members = append(c.Members, m)
	}

	return errs
}

// profiles decodes the files on every core (package parallel) and
// returns them in the order of paths so the result is deterministic.
func profiles(fsys fs.FS, paths []string, cfg *member.Config, cache *Cache, r round) ([]*member.Member, member.ErrorList, error) {
	out := make([]*member.Member, len(paths))
	ckey := configKey(cfg)
	errLists := make([]member.ErrorList, len(paths))
	err := parallel.Each(len(paths), func(i int) error {
		var stamp fileStamp
		if cache != nil {
			m, errs, st, ok := cache.lookup(fsys, paths[i], ckey, r)
			if ok {
				out[i], errLists[i] = m, errs
				return nil
			}
			stamp = st
		}
		data, err := readLimited(fsys, paths[i], MaxProfileSize)
		if err != nil {
			return err
		}
		if len(data) > MaxProfileSize {
			errLists[i] = tooLarge(fsys, paths[i], len(data), cfg.Language)
			return nil
		}
		out[i], errLists[i] = Profile(paths[i], data, cfg)
		// The digest is what the render caches, serve's and the one a
		// build leaves beside its output, know the profile by.
		if out[i] != nil {
			out[i].Digest = sha256.Sum256(data)
		}
		if cache != nil {
			cache.store(paths[i], stamp, ckey, out[i], errLists[i])
			if out[i] != nil {
				out[i] = out[i].Clone()
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	var errs member.ErrorList
	for i := range paths {
		errs = append(errs, errLists[i]...)
	}
	return out, errs, nil
}

// tooLarge reports a file that readLimited cut off after n bytes, with
// its real size when the file system knows it.
func tooLarge(fsys fs.FS, name string, n int, lang string) member.ErrorList {
	if st, err := fs.Stat(fsys, name); err == nil && st.Size() > int64(n) {
		n = int(st.Size())
	}
	var errs member.ErrorList
	errs.Add(member.Pos{Path: name}, "", member.Msg(lang, "file.toolarge", size(n), size(MaxProfileSize)))
	return errs
}

// readLimited reads at most limit+1 bytes, enough to tell that a file is
// too large without reading all of a huge one.
func readLimited(fsys fs.FS, name string, limit int) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The size the file says it has, plus one byte to see that it ends
	// there: bytes.Buffer would take some 8 KB for a file of 2, which at
	// 10,000 profiles was 86 MB of garbage.
	var data []byte
	if st, err := f.Stat(); err == nil && st.Size() >= 0 && st.Size() <= int64(limit) {
		data = make([]byte, 0, st.Size()+1)
	}
	r := &limitReader{f: f, n: int64(limit) + 1}
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // a file larger than it said
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
	}
}

type limitReader struct {
	f fs.File
	n int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.f.Read(p)
	l.n -= int64(n)
	return n, err
}

// photoFile reads and checks a member's photo: it must exist next to the
// profile and be the image type its name says, within MaxPhotoSize and
// MaxPhotoPixels. Only its header is decoded here; render decodes the
// rest, reading the file again only when no cache has it processed. A
// cache remembers the key of a photo that passed, so that serve does not
// read every photo again on every rebuild.
func photoFile(fsys fs.FS, m *member.Member, lang string, files map[string]bool, cache *Cache, r round) (photo.Source, *member.Error) {
	pos := m.Pos.Get("photo")
	bad := func(key string, args ...any) *member.Error {
		return &member.Error{Pos: pos, Field: "photo", Msg: member.Msg(lang, key, args...)}
	}
	p := MembersDir + "/" + m.Photo
	read := func() ([]byte, error) {
		data, err := readLimited(fsys, p, MaxPhotoSize)
		if err == nil && len(data) > MaxPhotoSize {
			err = fmt.Errorf("larger than %s", size(MaxPhotoSize))
		}
		return data, err
	}
	if !files[m.Photo] {
		for _, name := range slices.Sorted(maps.Keys(files)) {
			if strings.EqualFold(name, m.Photo) {
				return photo.Source{}, bad("photo.case", m.Photo, name, name)
			}
		}
		return photo.Source{}, bad("photo.missing", m.Photo, MembersDir+"/")
	}
	key, stamp, ok := cache.photo(fsys, p, r)
	if ok {
		return photo.NewSource(key, read), nil
	}
	data, err := readLimited(fsys, p, MaxPhotoSize)
	if err != nil {
		return photo.Source{}, bad("photo.bad", m.Photo, "JPEG/PNG", member.DecodeReason(lang, err))
	}
	if len(data) > MaxPhotoSize {
		n := len(data)
		if st, err := fs.Stat(fsys, p); err == nil && st.Size() > int64(n) {
			n = int(st.Size())
		}
		return photo.Source{}, bad("photo.toolarge", m.Photo, size(n), size(MaxPhotoSize))
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	want := "jpeg"
	if strings.HasSuffix(strings.ToLower(m.Photo), ".png") {
		want = "png"
	}
	if err == nil && format != want {
		if format == "jpeg" || format == "png" {
			ext := map[string]string{"jpeg": ".jpg", "png": ".png"}[format]
			name := strings.TrimSuffix(m.Photo, path.Ext(m.Photo)) + ext
			return photo.Source{}, bad("photo.format", m.Photo, strings.ToUpper(format), strings.ToUpper(want), name, name)
		}
		err = fmt.Errorf("it is a %s file", format)
	}
	if err == nil && (cfg.Width < 1 || cfg.Height < 1) {
		err = fmt.Errorf("%d×%d pixels", cfg.Width, cfg.Height)
	}
	if err != nil {
		return photo.Source{}, bad("photo.bad", m.Photo, strings.ToUpper(want), member.DecodeReason(lang, err))
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > MaxPhotoPixels {
		return photo.Source{}, bad("photo.pixels", m.Photo, cfg.Width, cfg.Height, (px+999_999)/1_000_000, MaxPhotoPixels/1_000_000)
	}
	if n, limit := photo.Scans(data); n > limit {
		// Decoding would pass over the image once per scan: minutes.
		return photo.Source{}, bad("photo.scans", m.Photo, n, limit)
	}
	key = photo.Key(data)
	cache.storePhoto(p, stamp, key)
	return photo.NewSource(key, read), nil
}

func sortedStrings(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}

// deadFooterLinks reports footer links of config.yaml that point into
// the site (they start with /) where the build writes nothing: most often
// the imprint, whose page was never created or was renamed — a page a
// German site must have.
func deadFooterLinks(fsys fs.FS, c *Content) member.ErrorList {
	var errs member.ErrorList
	pages := map[string]bool{"": true, "print": true}
	for _, f := range []string{"members.json", "members.vcf", "sitemap.xml", "robots.txt", "404.html", "index.html"} {
		pages[f] = true
	}
	for _, p := range c.Pages {
		pages[p.Slug] = true
	}
	members := map[string]bool{}
	for _, m := range c.Members {
		members[m.Slug] = true
	}
	for _, l := range c.Config.Footer {
		if !strings.HasPrefix(l.URL, "/") {
			continue
		}
		p, _, _ := strings.Cut(l.URL, "#")
		p, _, _ = strings.Cut(p, "?")
		p = strings.Trim(p, "/")
		if pages[p] || fileExists(fsys, PagesDir+"/"+p+".md") {
			continue // a page with problems of its own has them reported
		}
		if lower := strings.ToLower(p); lower != p && (pages[lower] || fileExists(fsys, PagesDir+"/"+lower+".md")) {
			errs.Add(l.Pos, "footer", member.Msg(c.Config.Language, "footer.case", l.URL, "/"+lower+"/"))
			continue
		}
		if rest, ok := strings.CutPrefix("/"+p+"/", c.Config.BasePath()); ok && c.Config.BasePath() != "/" && (pages[strings.Trim(rest, "/")] || fileExists(fsys, PagesDir+"/"+strings.Trim(rest, "/")+".md")) {
			errs.Add(l.Pos, "footer", member.Msg(c.Config.Language, "footer.base", l.URL, "/"+rest))
			continue
		}
		if slug, ok := strings.CutPrefix(p, "members/"); ok && members[strings.TrimSuffix(slug, ".vcf")] {
			continue
		}
		if id, ok := strings.CutPrefix(p, "tags/"); ok && (len(c.Config.Categories) == 0 || c.Config.Category(id) != nil) {
			continue // without a category list, any tag a member uses has a page
		}
		if fix := member.Slugify(p); fix != "" && !strings.Contains(p, "/") {
			errs.Add(l.Pos, "footer", member.Msg(c.Config.Language, "footer.dead", l.URL, fix))
		} else {
			errs.Add(l.Pos, "footer", member.Msg(c.Config.Language, "footer.deadpath", l.URL))
		}
	}
	return errs
}

// isNote reports whether the file name is that of notes for whoever edits
// the folder, which are not profiles or pages: README.md, LIESMICH.md,
// README.de.md.
func isNote(name string) bool {
	return noteRE.MatchString(name)
}

var noteRE = regexp.MustCompile(`(?i)^(?:readme|liesmich)(?:[._-][^/]*)?\.md$`)

// fileExists reports whether p is a file in fsys.
func fileExists(fsys fs.FS, p string) bool {
	st, err := fs.Stat(fsys, p)
	return err == nil && !st.IsDir()
}

// nested reports the profiles in the folder dir below content/members/,
// which the build does not read: without a word, a member who made a
// folder (as Hugo's page bundles do: anna/index.md) would be left out.
// key is the message, which names the file to move them to.
func nested(fsys fs.FS, dir, lang, key string) member.ErrorList {
	var errs member.ErrorList
	fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := d.Name()
		if p != dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !strings.EqualFold(path.Ext(name), ".md") || isNote(name) {
			return nil
		}
		if base := strings.ToLower(strings.TrimSuffix(name, path.Ext(name))); base == "index" {
			name = path.Base(path.Dir(p)) + ".md" // anna/index.md is anna.md
		}
		errs.Add(member.Pos{Path: p}, "", member.Msg(lang, key, mdName(name)))
		return nil
	})
	return errs
}

// astray reports the profiles and pages in content/ outside members/ and
// pages/, which the build does not read either: a profile saved as
// content/member/anna.md or content/anna.md would be left out, and the
// pull-request check would pass. A Markdown file without front matter
// (LIESMICH.md, notes on the photos' sources) is the organiser's own and
// is left alone.
func astray(fsys fs.FS, lang string) member.ErrorList {
	entries, err := fs.ReadDir(fsys, ContentDir)
	if err != nil {
		return nil
	}
	var errs member.ErrorList
	for _, e := range entries {
		p := ContentDir + "/" + e.Name()
		if p == MembersDir || p == PagesDir || strings.HasPrefix(e.Name(), ".") || strings.HasPrefix(e.Name(), "_") {
			continue
		}
		for _, err := range nested(fsys, p, lang, "file.astray") {
			if hasFrontMatter(fsys, err.Pos.Path) {
				errs = append(errs, err)
			}
		}
	}
	return errs
}

// hasFrontMatter reports whether the file at p starts with a line "---".
func hasFrontMatter(fsys fs.FS, p string) bool {
	f, err := fsys.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 64)
	n, _ := io.ReadFull(f, head)
	t := strings.TrimLeft(strings.TrimPrefix(string(head[:n]), "\ufeff"), " \t\r\n")
	return strings.HasPrefix(t, "---")
}

// mdName returns the profile file name that a file of another type was
// meant to be: anna.txt and anna.md.txt (an editor that added its own
// extension) are anna.md, "Anna Müller.docx" is anna-mueller.md.
func mdName(name string) string {
	base := strings.TrimSuffix(name, path.Ext(name))
	if strings.EqualFold(path.Ext(base), ".md") {
		base = strings.TrimSuffix(base, path.Ext(base))
	}
	if s := member.Slugify(base); s != "" {
		return s + ".md"
	}
	return base + ".md"
}

// NoMembers explains why fsys has no profiles folder, or returns nil when
// it has one. In a folder that is a site (it has config.yaml or content/)
// the first profile is missing; anywhere else memberdir was most likely
// run in the wrong folder.
func NoMembers(fsys fs.FS) error {
	if _, err := fs.Stat(fsys, MembersDir); err == nil {
		return nil
	}
	_, cerr := fs.Stat(fsys, ConfigFile)
	_, derr := fs.Stat(fsys, "content")
	if cerr != nil && derr != nil {
		return fmt.Errorf("%s: no such folder — run memberdir in the site's folder or pass --source DIR", MembersDir)
	}
	return fmt.Errorf("%s/: no such folder yet — create the first profile with memberdir new \"Anna Müller\", or the folder itself", MembersDir)
}
