package render

import (
	"fmt"
	"strings"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/parallel"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/photo"
)

// PhotoStore keeps processed photos from one build to the next, by
// photo.Key; photo.Disk is one, in a folder. render itself touches no
// disk: the caller chooses the store. A store is only a cache, so Put's
// errors are ignored.
type PhotoStore interface {
	Get(key [32]byte) ([]photo.Image, bool)
	Put(key [32]byte, imgs []photo.Image) error
}

// PhotoView is a member's photo as the templates use it: square JPEGs
// at photo.Small and photo.Large pixels (or the photo's own size when it
// is smaller), with content hashes in their names.
type PhotoView struct {
	Src    string // the small image's address, for src
	Srcset string // every size with its width ("….jpg 160w, ….jpg 480w"), for srcset
	Large  string // the largest image's address
	// large is the largest image's path below the site root, for the
	// absolute addresses of members.json and og:image.
	large string
}

// photos processes the photo of every member in the directory and
// publishes its sizes as members/<slug>/photo-<size>.<hash>.jpg. A photo
// is processed only when neither the render Cache (serve's rebuilds) nor
// the store (the next build) has it; both are keyed by the photo's
// bytes, and processing is deterministic, so the bytes published are the
// same either way. A draft's photo is published only with the draft.
func (s *site) photos(photos map[string]photo.Source, store PhotoStore) error {
	s.photoViews = map[string]*PhotoView{}
	var ms []*member.Member
	for _, m := range s.dir.Members {
		if _, ok := photos[m.Slug]; ok {
			ms = append(ms, m)
		}
	}
	keys := make([][32]byte, len(ms))
	done := make([][]photo.Image, len(ms))
	errs := make(member.ErrorList, len(ms))
	parallel.Each(len(ms), func(i int) error {
		src := photos[ms[i].Slug]
		keys[i] = src.Key
		if imgs, ok := s.cache.photo(keys[i]); ok {
			done[i] = imgs
			return nil
		}
		if store != nil {
			if imgs, ok := store.Get(keys[i]); ok {
				done[i] = imgs
				return nil
			}
		}
		// site's load step hands every photo processed in through the
		// store; only a caller without it, as render's tests, or a file
		// that changed since, gets here.
		data, err := src.Read()
		var imgs []photo.Image
		if err == nil {
			imgs, err = photo.Process(data)
		}
		if err != nil {
			m := ms[i]
			errs[i] = &member.Error{Pos: m.Pos.Get("photo"), Field: "photo", Msg: member.Msg(s.dir.Config.Language, "photo.broken", m.Photo, member.DecodeReason(s.dir.Config.Language, err))}
			return nil
		}
		if store != nil {
			store.Put(keys[i], imgs)
		}
		done[i] = imgs
		return nil
	})
	var bad member.ErrorList
	for _, e := range errs {
		if e != nil {
			bad = append(bad, e)
		}
	}
	if len(bad) > 0 {
		bad.Sort()
		return bad
	}
	kept := make(map[[32]byte][]photo.Image, len(ms))
	for i, m := range ms {
		v := &PhotoView{}
		var set []string
		for _, img := range done[i] {
			p := fmt.Sprintf("members/%s/photo-%d.%s.jpg", m.Slug, img.Size, hash(img.Data))
			if err := s.put(p, img.Data); err != nil {
				return err
			}
			u := s.data.BasePath + p
			if v.Src == "" {
				v.Src = u
			}
			v.Large, v.large = u, p
			set = append(set, fmt.Sprintf("%s %dw", u, img.Size))
		}
		v.Srcset = strings.Join(set, ", ")
		s.photoViews[m.Slug] = v
		kept[keys[i]] = done[i]
	}
	s.cache.keepPhotos(kept)
	return nil
}

// key is what of a member's photo their card and page show, for the
// render Cache's keys.
func (v *PhotoView) key() string {
	if v == nil {
		return ""
	}
	return v.Src + "\n" + v.Srcset + "\n" + v.Large
}
