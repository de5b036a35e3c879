package render

import (
	"html/template"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/network"
)

// networkSlug is the folder of the network page, below the site root.
const networkSlug = "network"

// NetworkView is what the network page (network.html) shows: the
// network's figures in words, the bar charts and the graphs, each figure
// with its numbers as a table.
type NetworkView struct {
	Sentences []string
	Charts    []FigureView
	Graphs    []FigureView
}

// FigureView is a figure of package network for a template: its SVG is
// markup package network built and escaped, put into the page as it is.
type FigureView struct {
	ID    string
	Title string
	SVG   template.HTML
	Table network.Table
	Note  string
	// Wide is true for a chart of more rows than fit beside its table
	// on a desktop at the size it is drawn: the table then follows the
	// chart, which gets the page's width.
	Wide bool
}

// wideRows is the most rows of a chart that is not Wide: package network
// draws 36 px a row, and 18 rows fit two thirds of a 72rem page.
const wideRows = 18

func figureView(f network.Figure) FigureView {
	return FigureView{ID: f.ID, Title: f.Title, SVG: template.HTML(f.SVG), Table: f.Table, Note: f.Note, Wide: len(f.Table.Rows) > wideRows}
}

// networkPage renders network/, the network's story in figures: who
// joined when, the recommendations and thanks per quarter and the graph
// of who recommends and thanks whom, drawn at build time as inline SVG.
func (s *site) networkPage() error {
	for _, pg := range s.dir.Pages {
		if pg.Slug == networkSlug {
			msg := "the address " + networkSlug + "/ is the network page's: rename the file, e.g. to " + networkSlug + "-page.md"
			if s.dir.Config.Language == "de" {
				msg = "die Adresse " + networkSlug + "/ gehört der Netzwerkseite: benenne die Datei um, z. B. in " + networkSlug + "-page.md"
			}
			return member.ErrorList{&member.Error{Pos: member.Pos{Path: pg.Path}, Msg: msg}}
		}
	}
	o := network.Options{Lang: s.dir.Config.Language, BasePath: s.data.BasePath}
	v := &NetworkView{
		Sentences: network.Sentences(s.dir, o),
		Charts:    []FigureView{figureView(network.Joined(s.dir, o)), figureView(network.Referrals(s.dir, o))},
	}
	for _, f := range network.Graphs(s.dir, o) {
		v.Graphs = append(v.Graphs, figureView(f))
	}
	p := s.page("network", s.strings["network.title"], networkSlug+"/")
	p.Network = v
	return s.execute("network.html", p.Path+"index.html", p)
}
