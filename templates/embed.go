// Package templates holds memberdir's default theme: the HTML templates,
// the UI strings of each language under i18n/, and the assets (CSS,
// scripts) under assets/. It is embedded into the binary, so memberdir
// works on a folder with only config.yaml and content/; a site's own
// templates/ folder replaces these files one by one.
package templates

import "embed"

// FS is the default theme.
//
//go:embed *.html partials i18n assets
var FS embed.FS
