// Package gfm is GitHub Flavored Markdown as memberdir reads it: goldmark's
// extension.GFM, but with bare web addresses found in any script, and with
// footnotes, as GitHub shows them. Package
// render writes members' text with it, and package load reads it with it
// for the checks, so that both see the same links.
package gfm

import (
	"regexp"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// Extension is GFM: tables, strikethrough, task lists, bare links, and
// footnotes ("[^1]"), which GitHub shows too.
var Extension goldmark.Extender = gfm{}

type gfm struct{}

func (gfm) Extend(m goldmark.Markdown) {
	extension.NewLinkify(
		extension.WithLinkifyURLRegexp(urlRE),
		extension.WithLinkifyWWWRegexp(wwwRE),
	).Extend(m)
	extension.Table.Extend(m)
	extension.Strikethrough.Extend(m)
	extension.TaskList.Extend(m)
	extension.Footnote.Extend(m)
}

// urlRE and wwwRE are goldmark's own, with letters and digits of every
// script where it has only ASCII ones: its "https://www.müller.de/" was a
// link to https://www.m followed by the text "üller.de/".
var (
	urlRE = regexp.MustCompile(`^(?:http|https|ftp)://[-\pL\pN\pM@:%._\+~#=]{1,256}\.\pL[\pL\pM]*(?::\d+)?(?:[/#?][-\pL\pN\pM@:%_+.~#$!?&/=\(\);,'">\^{}\[\]` + "`" + `]*)?`)
	wwwRE = regexp.MustCompile(`^www\.[-\pL\pN\pM@:%._\+~#=]{1,256}\.\pL[\pL\pM]*(?:[/#?][-\pL\pN\pM@:%_\+.~#!?&/=\(\);,'">\^{}\[\]` + "`" + `]*)?`)
)
