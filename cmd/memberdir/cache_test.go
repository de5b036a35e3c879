package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestMain points the photo cache at a temporary folder, so that the
// tests neither read nor fill the user's cache. The builds of a run
// share it, so TestBuildTwiceSameBytes compares a build that processed
// the photos with one that took them from the cache.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "memberdir-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Setenv("MEMBERDIR_CACHE_DIR", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func TestPhotoCache(t *testing.T) {
	own := t.TempDir()
	t.Setenv("MEMBERDIR_CACHE_DIR", own)
	if got := photoCache(); got != filepath.Join(own, "photos") {
		t.Errorf("with MEMBERDIR_CACHE_DIR: %q", got)
	}
	t.Setenv("MEMBERDIR_CACHE_DIR", "")
	t.Setenv("XDG_CACHE_HOME", filepath.Join(own, "xdg"))
	t.Setenv("HOME", filepath.Join(own, "home"))
	if base, err := os.UserCacheDir(); err == nil {
		if got := photoCache(); got != filepath.Join(base, "memberdir", "photos") {
			t.Errorf("without it: %q, want memberdir/photos in %s", got, base)
		}
	}
}
