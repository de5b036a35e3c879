package main

import (
	"os"
	"path/filepath"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/load"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/serve"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/site"
)

// buildSite returns the builder that serve runs after every change: the
// whole site from the source folder, into memory, reusing what did not
// change since the last build.
func buildSite(source string, drafts bool) *site.Builder {
	return site.NewBuilder(os.DirFS(source), site.Options{Drafts: drafts, PhotoCache: photoCache()})
}

// serveTitle is the headline of serve's problem overlay, in the site's
// language.
func serveTitle(source string) string {
	data, err := os.ReadFile(source + "/" + load.ConfigFile)
	if err == nil {
		if cfg, _ := load.Config(load.ConfigFile, data); cfg.Language == "en" {
			return serve.DefaultTitle
		}
	}
	if err != nil && !os.IsNotExist(err) {
		return serve.DefaultTitle
	}
	return "Die Website konnte nicht neu gebaut werden – behebe diese Probleme; die Seite lädt sich danach von selbst neu"
}

// sitePath returns the path part of the site's base_url ("/" or e.g.
// "/directory/"), under which serve must answer so that the site's
// root-relative links work in the preview as they will when published.
func sitePath(source string) (string, error) {
	data, err := os.ReadFile(source + "/" + load.ConfigFile)
	if os.IsNotExist(err) {
		return "/", nil
	}
	if err != nil {
		return "", err
	}
	cfg, _ := load.Config(load.ConfigFile, data)
	return cfg.BasePath(), nil
}

// siteLanguage returns the language of the site's messages: that of its
// config.yaml, also when the file has problems (load then reads its
// "language:" line alone), else the default.
func siteLanguage(source string) string {
	data, err := os.ReadFile(filepath.Join(source, load.ConfigFile))
	if err != nil {
		return member.DefaultConfig().Language
	}
	cfg, _ := load.Config(load.ConfigFile, data)
	return cfg.Language
}
