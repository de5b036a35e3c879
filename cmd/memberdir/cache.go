package main

import (
	"os"
	"path/filepath"
)

// photoCache returns the folder where build and serve keep processed
// photos for the next run: photos/ in $MEMBERDIR_CACHE_DIR when it is
// set, else memberdir/photos in the user's cache folder (~/.cache on
// Linux). It returns "" when there is no such folder; the photos are then
// processed on every build, which is slower but gives the same bytes.
func photoCache() string {
	dir := os.Getenv("MEMBERDIR_CACHE_DIR")
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(base, "memberdir")
	}
	return filepath.Join(dir, "photos")
}
