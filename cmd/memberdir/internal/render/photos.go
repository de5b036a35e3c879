package render

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	_ "image/png" // photos may be PNG
	"runtime"
	"sort"
	"sync"

	"golang.org/x/image/draw"
)

// PhotoWidth is the width photos are scaled down to: sharp on a phone at
// twice its pixel density, small to download.
const PhotoWidth = 480

// photos scales every member's photo to PhotoWidth and publishes it as a
// JPEG with a content hash in its name. Decoding and scaling are
// deterministic, so the bytes are the same on every build.
func (s *site) photos(photos map[string][]byte) error {
	s.photoPaths = map[string]string{}
	slugs := make([]string, 0, len(photos))
	for slug := range photos {
		slugs = append(slugs, slug)
	}
	sort.Strings(slugs)
	out := make([][]byte, len(slugs))
	errs := make([]error, len(slugs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, slug := range slugs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			out[i], errs[i] = scale(photos[slug])
		}()
	}
	wg.Wait()
	for i, slug := range slugs {
		if errs[i] != nil {
			return fmt.Errorf("content/members: photo of %s: %v", slug, errs[i])
		}
		p := "members/" + slug + "/photo." + hash(out[i]) + ".jpg"
		if err := s.put(p, out[i]); err != nil {
			return err
		}
		s.photoPaths[slug] = p
	}
	return nil
}

func scale(data []byte) ([]byte, error) {
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	if w > PhotoWidth {
		h = h * PhotoWidth / w
		w = PhotoWidth
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, max(h, 1)))
	// Transparent PNG areas become white, not black, in the JPEG.
	draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src)
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Over, nil)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 82}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
