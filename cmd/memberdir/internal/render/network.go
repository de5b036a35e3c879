package render

import (
	"crypto/sha256"
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
	path := networkSlug + "/index.html"
	key, cached := s.networkKey(path)
	if cached != nil {
		return s.put(path, cached)
	}
	if s.keep(path, key) {
		return nil
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
	data, err := s.executeBytes("network.html", p)
	if err != nil {
		return err
	}
	s.cache.putList(path, key, data)
	return s.put(path, data)
}

// networkKey returns the cache key of the network page, and the cached
// page when it is current: the site (config, categories, theme) and, in
// the directory's order, what package network reads of each member: the
// slug, name, date of joining and categories, and whom the member
// recommends and thanks, when. Drawing the page anew cost a quarter of a
// serve rebuild at 10,000 members; most edits change none of this.
func (s *site) networkKey(path string) ([32]byte, []byte) {
	if s.cache == nil {
		return [32]byte{}, nil
	}
	b := make([]byte, 0, 64*len(s.dir.Members))
	b = append(b, s.siteKey[:]...)
	b = appendStr(b, s.data.BasePath)
	for _, m := range s.dir.Members {
		b = appendStr(b, m.Slug)
		b = appendStr(b, m.Name)
		b = appendStr(b, m.MemberSince.String())
		for _, c := range m.Categories {
			b = appendStr(b, c.ID)
		}
		b = append(b, 0xff)
		for _, r := range m.Recommends {
			b = appendStr(b, r.To.Slug)
		}
		b = append(b, 0xff)
		for _, t := range m.Thanks {
			b = appendStr(b, t.To.Slug)
			b = appendStr(b, t.Date.String())
		}
		b = append(b, 0xff)
	}
	key := sha256.Sum256(b)
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	if l, ok := s.cache.lists[path]; ok && l.key == key {
		return key, l.page
	}
	return key, nil
}
