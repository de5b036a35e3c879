package site

import (
	"github.com/memberdir/memberdir/cmd/memberdir/internal/load"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/parallel"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/photo"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/render"
)

// processed is the photos of one build by photo.Key, processed by the
// load step (see decodePhotos) for render to publish: in memory, or, with
// a store (the disk cache Options chooses), in the store. It is the
// render.PhotoStore of the build, so that render finds every photo
// processed and decodes none again.
type processed struct {
	imgs  map[[32]byte][]photo.Image
	store render.PhotoStore // nil for none
}

func (p *processed) Get(key [32]byte) ([]photo.Image, bool) {
	if imgs, ok := p.imgs[key]; ok {
		return imgs, true
	}
	if p.store != nil {
		return p.store.Get(key) // what decodePhotos kept on disk only
	}
	return nil, false
}

// Put passes on what render processed itself, which it does only for a
// photo the load step did not see.
func (p *processed) Put(key [32]byte, imgs []photo.Image) error {
	if p.store == nil {
		return nil
	}
	return p.store.Put(key, imgs)
}

// decodePhotos processes every photo of c (photo.Process) and returns
// by key those that store (when there is one) does not hold, for check
// and build alike: load reads only their headers,
// and a file cut short in the upload has a sound header. Each photo that
// cannot be decoded is a problem at its profile's photo: line, in the
// site's language. A photo that prev (the last build's) or store already
// holds is neither read nor decoded: it was processed before, and its
// key is that of its bytes.
//
// Photos are decoded one per core at a time, as render did, which bounds
// memory by photo.MaxPixels per core. A photo that two profiles share is
// decoded once. Errors other than problems are I/O failures.
func decodePhotos(c *load.Content, prev map[[32]byte][]photo.Image, store render.PhotoStore) (map[[32]byte][]photo.Image, member.ErrorList, error) {
	type job struct {
		src photo.Source
		ms  []*member.Member // the profiles that name it
	}
	var jobs []*job
	byKey := map[[32]byte]*job{}
	for _, m := range c.Members {
		src, ok := c.Photos[m.Slug]
		if !ok {
			continue
		}
		j := byKey[src.Key]
		if j == nil {
			j = &job{src: src}
			byKey[src.Key] = j
			jobs = append(jobs, j)
		}
		j.ms = append(j.ms, m)
	}
	out := make([][]photo.Image, len(jobs))
	bad := make([]error, len(jobs)) // the photo's decoding error
	err := parallel.Each(len(jobs), func(i int) error {
		key := jobs[i].src.Key
		if imgs, ok := prev[key]; ok {
			out[i] = imgs
			return nil
		}
		if store != nil {
			if _, ok := store.Get(key); ok {
				return nil // decoded before; render reads it from the store
			}
		}
		data, err := jobs[i].src.Read()
		if err != nil {
			return err
		}
		out[i], bad[i] = photo.Process(data)
		if bad[i] == nil && store != nil && store.Put(key, out[i]) == nil {
			// Kept on disk, not in memory: a site of 10,000 photos
			// would otherwise hold all of them until render is done.
			out[i] = nil
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	var errs member.ErrorList
	imgs := make(map[[32]byte][]photo.Image, len(jobs))
	lang := c.Config.Language
	for i, j := range jobs {
		if bad[i] != nil {
			for _, m := range j.ms {
				errs = append(errs, &member.Error{Pos: m.Pos.Get("photo"), Field: "photo", Msg: member.Msg(lang, "photo.broken", m.Photo, member.DecodeReason(lang, bad[i]))})
			}
			continue
		}
		if out[i] != nil {
			imgs[j.src.Key] = out[i]
		}
	}
	return imgs, errs, nil
}
