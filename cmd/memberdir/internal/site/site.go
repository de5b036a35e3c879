// Package site is the build pipeline shared by build, check and serve:
// load the content from an fs.FS, link it into the model, render it with
// the theme. It returns the site's files as bytes; writing them is the
// caller's business.
package site

import (
	"errors"
	"io"
	"io/fs"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/load"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/photo"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/referral"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/render"
	"github.com/memberdir/memberdir/templates"
)

// Options select what a build includes.
type Options struct {
	Drafts bool // include profiles marked draft: true
	// Updated, when set, returns for the given profile paths when each
	// last changed (YYYY-MM-DD), shown as "last updated" on profiles. It
	// is the caller's, since finding out needs git or the disk.
	Updated func(paths []string) map[string]string
	// PhotoCache is the folder where processed photos are kept for the
	// next build (see photo.Disk); "" keeps them only in memory. main
	// chooses it, in the user's cache folder.
	PhotoCache string
	// Cache, when set, holds what the last build into the same folder
	// rendered (render.ReadCache), and receives this build's for the
	// next: with a sink that keeps unchanged files (render.Keeper), a
	// rebuild renders only what changed. main reads and saves it beside
	// the output (see package write's notes).
	Cache *render.Cache
	// once is whether the build renders the directory once and drops
	// it, as BuildTo's does, and may let go of what it has used: at
	// 100,000 members the profiles' texts and the positions of their
	// fields are a quarter of what the build holds (see render.Options.Done).
	once bool
}

// photoStore returns the store of processed photos opts asks for.
func (opts Options) photoStore() render.PhotoStore {
	if opts.PhotoCache == "" {
		return nil
	}
	return photo.Disk{Dir: opts.PhotoCache}
}

// Notes are what a build leaves beside its output for the next build
// into the same folder, as package write's Writer keeps them.
type Notes interface {
	Note(name string) (io.ReadCloser, bool)
	Leave(name string, write func(io.Writer) error)
}

// renderNote is the name of the note that holds the rendered cards.
const renderNote = "render"

// SavedCache returns the cache of what the last build into the folder of
// notes rendered, and asks notes to keep this build's for the next.
// program identifies the program that renders (see render.ReadCache);
// scratch, when not nil, is where the build sets its cards aside (see
// render.Scratch). Together with the pages the writer keeps
// (render.Keeper), a rebuild after one edit renders that member's card
// and pages and the lists they are on, not 10,000 others.
func SavedCache(notes Notes, program [32]byte, scratch render.Scratch) *render.Cache {
	c := render.NewSavedCache(program, scratch)
	if r, ok := notes.Note(renderNote); ok {
		c = render.ReadCache(r, program, scratch) // closes r
	}
	notes.Leave(renderNote, c.Save)
	return c
}

// Files is a built site: slash paths relative to the site root mapped to
// their content.
type Files = render.Files

// Load reads and links the site in fsys and builds it without writing a
// file, so that everything that can fail a build fails Load: check calls
// it, and passes exactly when a build of the same site succeeds
// (TestVerdict). Content problems come back as a member.ErrorList (all
// of them, sorted): those of the content, and each photo that cannot be
// decoded. Other errors are I/O failures, or the theme failing to render
// the site, which only a site's own templates/ can make it do.
func Load(fsys fs.FS, opts Options) (*member.Directory, *load.Content, error) {
	return build(fsys, opts, nowhere{})
}

// nowhere is the Sink of Load: it drops every file.
type nowhere struct{}

func (nowhere) Put(string, []byte) error { return nil }
func (nowhere) Streams() bool            { return true }

// build is the one path of check and build: load, then render into sink.
func build(fsys fs.FS, opts Options, sink render.Sink) (*member.Directory, *load.Content, error) {
	theme, err := Theme(fsys)
	if err != nil {
		return nil, nil, err
	}
	dir, c, imgs, err := loadCached(fsys, opts, theme, nil, nil)
	if err != nil {
		return dir, c, err
	}
	photos := &processed{imgs: imgs, store: opts.photoStore()}
	ropts := render.Options{Photos: c.Photos, Logo: c.Logo, PhotoStore: photos, Cache: opts.Cache}
	if opts.once {
		for _, m := range dir.Members {
			m.Pos = member.Positions{} // for errors, and the site has none
		}
		ropts.Done = func(m *member.Member) { m.Body = "" }
	}
	return dir, c, render.SiteTo(dir, theme, ropts, sink)
}

// loadCached reads and links the site, reusing the profiles in cache, and
// runs what of it only other packages can check: the theme's strings,
// the referral texts and the photos, which it returns processed, by key,
// for render to publish; prev are the last build's (see decodePhotos).
// theme is the one the site is built with, read once per build.
func loadCached(fsys fs.FS, opts Options, theme *render.Theme, cache *load.Cache, prev map[[32]byte][]photo.Image) (*member.Directory, *load.Content, map[[32]byte][]photo.Image, error) {
	c, errs, err := load.SiteCached(fsys, cache)
	if err != nil {
		return nil, nil, nil, err
	}
	if opts.Updated != nil {
		paths := make([]string, len(c.Members))
		for i, m := range c.Members {
			paths[i] = m.Path
		}
		dates := opts.Updated(paths)
		for _, m := range c.Members {
			m.Updated = dates[m.Path]
		}
	}
	dir, lerrs := member.NewDirectory(c.Config, c.Members, c.Pages, opts.Drafts)
	errs = append(errs, lerrs...)
	// The config's strings: must name strings of the theme, which only
	// the theme knows; checked here, check reports them as build does.
	if len(c.Config.Strings) > 0 {
		var serrs member.ErrorList
		if _, err := theme.Strings(&c.Config); errors.As(err, &serrs) {
			errs = append(errs, serrs...)
		} else if err != nil {
			return nil, nil, nil, err
		}
	}
	// The referral texts are templates, which only package referral
	// reads; checked here too, a typo in one fails the pull request that
	// makes it rather than the publishing after it.
	var rerrs member.ErrorList
	if _, err := referral.New(c.Config); errors.As(err, &rerrs) {
		errs = append(errs, rerrs...)
	} else if err != nil {
		return nil, nil, nil, err
	}
	imgs, perrs, err := decodePhotos(c, prev, opts.photoStore())
	if err != nil {
		return nil, nil, nil, err
	}
	errs = append(errs, perrs...)
	errs.Sort()
	if len(errs) > 0 {
		return dir, c, imgs, errs
	}
	return dir, c, imgs, nil
}

// Build loads the site in fsys and renders it with the embedded theme,
// replaced file by file by the site's own templates/ folder, and returns
// all of its files.
func Build(fsys fs.FS, opts Options) (Files, error) {
	m := render.NewMemory()
	if err := BuildTo(fsys, opts, m); err != nil {
		return nil, err
	}
	return m.Files(), nil
}

// BuildTo is Build streaming each file into sink as it is rendered, so
// that memory stays small when the files go to disk anyway. The
// directory is built once and dropped: what each member's page and the
// search index have read is let go as the build goes on (see once).
func BuildTo(fsys fs.FS, opts Options, sink render.Sink) error {
	opts.once = true
	_, _, err := build(fsys, opts, sink)
	return err
}

// Theme returns the default theme merged with the site's templates/,
// which it reads.
func Theme(fsys fs.FS) (*render.Theme, error) {
	sub, err := fs.Sub(fsys, "templates")
	if err != nil {
		return nil, err
	}
	// A file named templates, not a folder, is ignored like a missing one.
	if st, err := fs.Stat(fsys, "templates"); errors.Is(err, fs.ErrNotExist) || err == nil && !st.IsDir() {
		sub = nil
	} else if err != nil {
		return nil, err
	}
	return render.ReadTheme(templates.FS, sub)
}

// Builder builds one site again and again, as serve does after every
// change, reusing the profiles that did not change (load.Cache) and the
// cards, pages, vCards and photos whose inputs did not change
// (render.Cache). Its output is the same as Build's;
// TestBuilderMatchesBuild checks that after edits, additions, renames and
// deletions, and TestBuilderPhotos after photo changes.
type Builder struct {
	fsys    fs.FS
	opts    Options
	loads   *load.Cache
	renders *render.Cache
	photos  map[[32]byte][]photo.Image // the last build's, processed
	files   int                        // how many files the last build had
}

// NewBuilder returns a Builder of the site in fsys.
func NewBuilder(fsys fs.FS, opts Options) *Builder {
	return &Builder{fsys: fsys, opts: opts, loads: load.NewCache(), renders: render.NewCache()}
}

// Changed tells the Builder that the file at path (a slash path in the
// site) changed, or with "" that any may have; see load.Cache.Changed.
// serve's watcher calls it, so that a rebuild need not check all 10,000
// profiles for changes. It is safe to call while a build runs.
func (b *Builder) Changed(path string) { b.loads.Changed(path) }

// Build builds the site into memory. Calls must not overlap.
func (b *Builder) Build() (Files, error) {
	theme, err := Theme(b.fsys)
	if err != nil {
		return nil, err
	}
	dir, c, imgs, err := loadCached(b.fsys, b.opts, theme, b.loads, b.photos)
	if imgs != nil {
		b.photos = imgs // the photos that failed are decoded again next time
	}
	if err != nil {
		return nil, err
	}
	m := render.NewMemorySized(b.files)
	photos := &processed{imgs: b.photos, store: b.opts.photoStore()}
	if err := render.SiteTo(dir, theme, render.Options{Photos: c.Photos, Logo: c.Logo, Cache: b.renders, PhotoStore: photos}, m); err != nil {
		return nil, err
	}
	b.files = len(m.Files())
	return m.Files(), nil
}
