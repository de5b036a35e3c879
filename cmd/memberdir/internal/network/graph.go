package network

import (
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// link is one edge of the graph: a recommendation, or a thanks from the
// member who got the business to the one who referred it.
type link struct {
	from, to *member.Member
	thanks   bool
}

// links returns the directory's recommendations and thanks in the order
// of the members, each member's recommendations before its thanks.
func links(d *member.Directory) []link {
	var out []link
	for _, m := range d.Members {
		for _, r := range m.Recommends {
			out = append(out, link{m, r.To, false})
		}
		for _, t := range m.Thanks {
			out = append(out, link{m, t.To, true})
		}
	}
	return out
}

// Graphs returns the graph of who recommends and thanks whom: one figure
// for the whole network, or, when it has more than MaxGraph members, one
// per main category (a member's first tag), each with the category's
// members and the members they are linked with. Members sit on a circle,
// grouped by main category in the directory's order of categories, each
// group's arc labelled; recommendations are solid arrows, thanks dashed
// ones. The layout is computed, not simulated, so it costs little and is
// the same for the same directory. A directory without members has no
// graph.
func Graphs(d *member.Directory, o Options) []Figure {
	if len(d.Members) == 0 {
		return nil
	}
	maxGraph := o.MaxGraph
	if maxGraph <= 0 {
		maxGraph = DefaultMaxGraph
	}
	rank := map[*member.Category]int{}
	for i, c := range d.Categories {
		rank[c] = i
	}
	rank[nil] = len(d.Categories)
	all := links(d)
	title := o.pick("Who recommends and thanks whom", "Wer wen empfiehlt und wem dankt")
	if len(d.Members) <= maxGraph {
		return []Figure{graph(o, "graph", title, d.Members, nil, all, all, rank)}
	}
	order := make(map[*member.Member]int, len(d.Members))
	for i, m := range d.Members {
		order[m] = i
	}
	degree := map[*member.Member]int{}
	for _, l := range all {
		degree[l.from]++
		degree[l.to]++
	}
	var out []Figure
	for _, g := range categoryGroups(d, maxGraphs) {
		nodes, in, ls, own, note := subgraph(o, d, g, all, order, degree, maxGraph)
		id, label := "graph-none", o.pick("Without category", "Ohne Kategorie")
		if g.cat != nil {
			id, label = "graph-"+g.cat.ID, g.cat.Label
		}
		f := graph(o, id, title+": "+label, nodes, in, ls, own, rank)
		f.Note = note
		out = append(out, f)
	}
	return out
}

// maxGraphs is the most category graphs one page shows: a directory
// whose members use hundreds of categories gets the graphs of its
// largest ones, so that the page stays a page.
const maxGraphs = 12

// catGroup is a main category and its members, in the directory's order.
type catGroup struct {
	cat *member.Category // nil: members without a category
	own []*member.Member
}

// categoryGroups returns the main categories that have members, in the
// directory's order of categories (members without one last); of more
// than max, the max with the most members.
func categoryGroups(d *member.Directory, max int) []catGroup {
	index := map[*member.Category]int{}
	var groups []catGroup
	for _, c := range append(slices.Clone(d.Categories), nil) {
		index[c] = len(groups)
		groups = append(groups, catGroup{cat: c})
	}
	for _, m := range d.Members {
		g := &groups[index[primary(m)]]
		g.own = append(g.own, m)
	}
	groups = slices.DeleteFunc(groups, func(g catGroup) bool { return len(g.own) == 0 })
	if len(groups) <= max {
		return groups
	}
	order := make(map[*member.Category]int, len(groups))
	for i, g := range groups {
		order[g.cat] = i
	}
	biggest := slices.Clone(groups)
	slices.SortStableFunc(biggest, func(a, b catGroup) int { return len(b.own) - len(a.own) })
	biggest = biggest[:max]
	slices.SortFunc(biggest, func(a, b catGroup) int { return order[a.cat] - order[b.cat] })
	return biggest
}

// subgraph returns what the graph of one category shows: its members and
// the members they are linked with (nodes, in the directory's order), the
// set of its own members shown, the links among the nodes, and all the
// links of the own members shown, for the table. Of more own
// members than two thirds of maxGraph it keeps those with the most
// recommendations and thanks, and of their partners as many more as fit
// into maxGraph nodes, again the most linked; note says so, or is "".
func subgraph(o Options, d *member.Directory, g catGroup, all []link, order, degree map[*member.Member]int, maxGraph int) (nodes []*member.Member, in map[*member.Member]bool, ls, owns []link, note string) {
	mostLinked := func(ms []*member.Member) {
		slices.SortStableFunc(ms, func(a, b *member.Member) int {
			if c := degree[b] - degree[a]; c != 0 {
				return c
			}
			return order[a] - order[b]
		})
	}
	own := g.own
	if ownCap := max(1, maxGraph*2/3); len(own) > ownCap {
		own = slices.Clone(own)
		mostLinked(own)
		own = own[:ownCap]
		note = plural(o, len(g.own), "", "Shown are the %[2]d of the %[1]s members of this category with the most recommendations and thanks; every member's links are on their profile.",
			"", "Gezeigt sind die %[2]d der %[1]s Mitglieder dieser Kategorie mit den meisten Empfehlungen und Dankesworten; die Verbindungen jedes Mitglieds stehen in seinem Profil.", len(own))
	}
	in = make(map[*member.Member]bool, len(own))
	for _, m := range own {
		in[m] = true
	}
	seen := map[*member.Member]bool{}
	var partners []*member.Member
	for _, l := range all {
		for _, m := range []*member.Member{l.from, l.to} {
			if !in[m] && !seen[m] && (in[l.from] || in[l.to]) {
				seen[m] = true
				partners = append(partners, m)
			}
		}
	}
	if room := maxGraph - len(own); len(partners) > room {
		mostLinked(partners)
		partners = partners[:max(0, room)]
		if note == "" {
			note = o.pick("Of the members linked with this category, those with the most links are shown; every member's links are on their profile.",
				"Von den Mitgliedern, die mit dieser Kategorie verbunden sind, sind die mit den meisten Verbindungen gezeigt; die Verbindungen jedes Mitglieds stehen in seinem Profil.")
		}
	}
	shown := maps.Clone(in)
	for _, m := range partners {
		shown[m] = true
	}
	for _, l := range all {
		if !in[l.from] && !in[l.to] {
			continue
		}
		owns = append(owns, l)
		if shown[l.from] && shown[l.to] {
			ls = append(ls, l)
		}
	}
	for _, m := range d.Members {
		if shown[m] {
			nodes = append(nodes, m)
		}
	}
	return nodes, in, ls, owns, note
}

// primary returns the member's main category, or nil.
func primary(m *member.Member) *member.Category {
	if len(m.Categories) == 0 {
		return nil
	}
	return m.Categories[0]
}

// placed is a member's node on the circle.
type placed struct {
	m     *member.Member
	x, y  float64
	angle float64
}

// group is the arc of one main category on the circle.
type group struct {
	cat        *member.Category
	start, end float64 // angles
}

// circle is a layout: the nodes in drawing order, the groups, the radius
// of the circle and of a node.
type circle struct {
	nodes  []placed
	index  map[*member.Member]int
	groups []group
	radius float64
	nodeR  float64
}

// layout places members on a circle, grouped by main category in the
// order of rank, each group after a gap, in the members' order within it.
// It starts at the top and goes clockwise.
func layout(ms []*member.Member, rank map[*member.Category]int) circle {
	ms = slices.Clone(ms)
	slices.SortStableFunc(ms, func(a, b *member.Member) int { return rank[primary(a)] - rank[primary(b)] })
	n := float64(len(ms))
	var c circle
	c.nodeR = 16
	if n > 24 {
		c.nodeR = max(7, 16*math.Sqrt(24/n))
	}
	groups := 0
	for i, m := range ms {
		if i == 0 || primary(m) != primary(ms[i-1]) {
			groups++
		}
	}
	gap := 0.0
	if groups > 1 {
		gap = 1.5
	}
	slots := n + float64(groups)*gap
	c.radius = max(110, slots*(2*c.nodeR+6)/(2*math.Pi))
	step := 2 * math.Pi / max(slots, 1)
	c.index = make(map[*member.Member]int, len(ms))
	k := 0.0
	for i, m := range ms {
		if i == 0 || primary(m) != primary(ms[i-1]) {
			k += gap
			c.groups = append(c.groups, group{cat: primary(m), start: -math.Pi/2 + k*step})
		}
		a := -math.Pi/2 + (k+0.5)*step
		c.index[m] = len(c.nodes)
		c.nodes = append(c.nodes, placed{m: m, x: c.radius * math.Cos(a), y: c.radius * math.Sin(a), angle: a})
		k++
		c.groups[len(c.groups)-1].end = -math.Pi/2 + k*step
	}
	return c
}

// graph draws one graph figure of the members ms and the links ls among
// them. own are the members the figure is about (nil: all); the others
// are drawn as partners, and the table lists the own members only, each
// with its links in table, which may hold links to members not drawn.
func graph(o Options, id, title string, ms []*member.Member, own map[*member.Member]bool, ls, table []link, rank map[*member.Category]int) Figure {
	f := Figure{ID: id, Title: title}
	f.Table.Head = []string{o.pick("Member", "Mitglied"), o.pick("Recommends", "Empfiehlt"), o.pick("Recommended by", "Empfohlen von"),
		o.pick("Thanks", "Dankt"), o.pick("Thanked by", "Dank von")}
	c := layout(ms, rank)
	// Each member's cells: recommends, recommended by, thanks, thanked by.
	cells := map[*member.Member]*[4][]string{}
	cell := func(m *member.Member) *[4][]string {
		if cells[m] == nil {
			cells[m] = new([4][]string)
		}
		return cells[m]
	}
	for _, l := range table {
		k := 0
		if l.thanks {
			k = 2
		}
		cell(l.from)[k] = append(cell(l.from)[k], l.to.Name)
		cell(l.to)[k+1] = append(cell(l.to)[k+1], l.from.Name)
	}
	for _, p := range c.nodes {
		if own != nil && !own[p.m] {
			continue
		}
		row := []string{p.m.Name}
		for _, names := range cell(p.m) {
			row = append(row, nameList(o, names))
		}
		f.Table.Rows = append(f.Table.Rows, row)
	}
	desc := o.pick("Members as circles with their initials, grouped by main category; solid arrows are recommendations, dashed arrows thanks for a referral. The table beside it lists the same links.",
		"Mitglieder als Kreise mit ihren Initialen, nach Hauptkategorie gruppiert; volle Pfeile sind Empfehlungen, gestrichelte Pfeile Dank für eine Empfehlung. Die Tabelle daneben nennt dieselben Verbindungen.")
	f.SVG = drawGraph(o, "network-"+id, title, desc, c, own, ls)
	return f
}

// maxNames is the most names a cell of a graph's table lists; a member
// recommended by hundreds would otherwise fill the page.
const maxNames = 10

// nameList returns names as a cell: "–" for none, the first maxNames
// joined by commas, and how many more there are.
func nameList(o Options, names []string) string {
	switch {
	case len(names) == 0:
		return "–"
	case len(names) <= maxNames:
		return strings.Join(names, ", ")
	}
	more := len(names) - maxNames
	return strings.Join(names[:maxNames], ", ") + " " + plural(o, more, "and %s more", "and %s more", "und %s weiteres", "und %s weitere")
}

// drawGraph writes the SVG of a laid out graph.
func drawGraph(o Options, id, title, desc string, c circle, own map[*member.Member]bool, ls []link) string {
	s := max(1, (c.radius+c.nodeR)/250) // text grows with the picture, to stay readable when it is scaled down
	font := 12 * s
	longest := 0
	for _, g := range c.groups {
		longest = max(longest, len([]rune(groupLabel(o, g.cat))))
	}
	half := c.radius + c.nodeR + 14*s + float64(longest)*0.62*font
	legend := 3.2 * font
	var w svg
	w.open(id, "network-graph", "group", -half, -half, 2*half, 2*half+legend, title, desc)
	w.raw(`<defs><marker id="`)
	w.text(id + "-arrow")
	w.raw(`" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="currentColor"/></marker></defs>`, "\n")
	arrow := `url(#` + id + `-arrow)`

	w.arcs(o, c, s, font)
	w.edges(o, c, s, ls, arrow)
	w.nodes(o, c, own)
	w.legend(o, s, font, half, arrow)
	w.raw("</svg>\n")
	return w.String()
}

// arcs draws the category arcs and their labels, written along the
// radius so that neighbouring labels never overlap.
func (w *svg) arcs(o Options, c circle, s, font float64) {
	w.raw(`<g class="groups" font-size="`, num(font), `">`, "\n")
	ar := c.radius + c.nodeR + 6*s
	for _, g := range c.groups {
		a0, a1 := g.start+0.02, g.end-0.02
		large := "0"
		if a1-a0 > math.Pi {
			large = "1"
		}
		w.raw(`<path class="arc" d="M`, num(ar*math.Cos(a0)), " ", num(ar*math.Sin(a0)), "A", num(ar), " ", num(ar), " 0 ", large, " 1 ", num(ar*math.Cos(a1)), " ", num(ar*math.Sin(a1)),
			`" fill="none" stroke="currentColor" stroke-width="`, num(2*s), `" stroke-opacity="0.5"/>`)
		mid := (g.start + g.end) / 2
		deg := mid * 180 / math.Pi
		anchor := "start"
		if math.Cos(mid) < 0 {
			deg += 180
			anchor = "end"
		}
		lr := ar + 8*s
		w.raw(`<text class="arc-label" x="`, num(lr*math.Cos(mid)), `" y="`, num(lr*math.Sin(mid)), `" text-anchor="`, anchor, `" dominant-baseline="middle" transform="rotate(`, num(deg), " ", num(lr*math.Cos(mid)), " ", num(lr*math.Sin(mid)), `)">`)
		w.text(groupLabel(o, g.cat))
		w.raw("</text>\n")
	}
	w.raw("</g>\n")
}

// edges draws the links: quadratic curves bent towards the centre,
// recommendations more than thanks, so that both between the same two
// members show.
func (w *svg) edges(o Options, c circle, s float64, ls []link, arrow string) {
	w.raw(`<g class="edges" fill="none" stroke="currentColor" stroke-opacity="0.6" stroke-width="`, num(1.5*s), `">`, "\n")
	for _, l := range ls {
		a, b := c.nodes[c.index[l.from]], c.nodes[c.index[l.to]]
		bend, class, dash := 0.5, "edge edge-recommends", ""
		verb := o.pick("recommends", "empfiehlt")
		if l.thanks {
			bend, class, dash = 0.15, "edge edge-thanks", ` stroke-dasharray="`+num(5*s)+" "+num(4*s)+`"`
			verb = o.pick("thanks", "dankt")
		}
		cx, cy := (a.x+b.x)/2*bend, (a.y+b.y)/2*bend
		x1, y1 := toward(a.x, a.y, cx, cy, c.nodeR+1)
		x2, y2 := toward(b.x, b.y, cx, cy, c.nodeR+1)
		w.raw(`<path class="`, class, `" d="M`, num(x1), " ", num(y1), "Q", num(cx), " ", num(cy), " ", num(x2), " ", num(y2), `"`, dash, ` marker-end="`)
		w.text(arrow)
		w.raw(`"><title>`)
		w.text(l.from.Name + " " + verb + " " + l.to.Name)
		w.raw("</title></path>\n")
	}
	w.raw("</g>\n")
}

// nodes draws the members, each a link to the member's page.
func (w *svg) nodes(o Options, c circle, own map[*member.Member]bool) {
	w.raw(`<g class="nodes" text-anchor="middle" font-size="`, num(c.nodeR*0.85), `">`, "\n")
	for _, p := range c.nodes {
		class := "node"
		fillOpacity := "0.12"
		if own != nil && !own[p.m] {
			class, fillOpacity = "node partner", "0.03"
		}
		w.raw(`<a class="`, class, `" href="`)
		w.text(o.BasePath + "members/" + p.m.Slug + "/")
		w.raw(`"><title>`)
		w.text(p.m.Name)
		w.raw(`</title><circle cx="`, num(p.x), `" cy="`, num(p.y), `" r="`, num(c.nodeR), `" fill-opacity="`, fillOpacity, `" stroke="currentColor"/><text x="`, num(p.x), `" y="`, num(p.y), `" dominant-baseline="central">`)
		w.text(initials(p.m.Name))
		w.raw("</text></a>\n")
	}
	w.raw("</g>\n")
}

// legend says which line is which, in words and by line style.
func (w *svg) legend(o Options, s, font, half float64, arrow string) {
	y := half + 1.2*font
	x := -half + font
	w.raw(`<g class="legend" font-size="`, num(font), `">`, "\n")
	for _, e := range []struct {
		class, dash, label string
	}{
		{"edge edge-recommends", "", o.pick("A recommends B", "A empfiehlt B")},
		{"edge edge-thanks", ` stroke-dasharray="` + num(5*s) + " " + num(4*s) + `"`, o.pick("A thanks B for a referral", "A dankt B für eine Empfehlung")},
	} {
		w.raw(`<text x="`, num(x), `" y="`, num(y), `" dominant-baseline="middle">A</text>`)
		w.raw(`<path class="`, e.class, `" d="M`, num(x+font), " ", num(y), "H", num(x+4*font), `" fill="none" stroke="currentColor" stroke-width="`, num(1.5*s), `"`, e.dash, ` marker-end="`)
		w.text(arrow)
		w.raw(`"/>`, `<text x="`, num(x+4.4*font), `" y="`, num(y), `" dominant-baseline="middle">B</text>`)
		w.raw(`<text x="`, num(x+6*font), `" y="`, num(y), `" dominant-baseline="middle">`)
		w.text(e.label)
		w.raw("</text>\n")
		y += 1.5 * font
	}
	w.raw("</g>\n")
}

// toward returns the point at distance d from (x, y) in the direction of
// (tx, ty): where an edge leaves a node's circle.
func toward(x, y, tx, ty, d float64) (float64, float64) {
	dx, dy := tx-x, ty-y
	l := math.Hypot(dx, dy)
	if l == 0 {
		return x, y
	}
	return x + dx/l*d, y + dy/l*d
}

// groupLabel names a main category, or its absence.
func groupLabel(o Options, c *member.Category) string {
	if c == nil {
		return o.pick("Without category", "Ohne Kategorie")
	}
	return c.Label
}

// initials returns the first letters of the first and last word of a
// name that have letters, without academic titles: "Dr. Jonas Berger" is
// JB, "Özlem Arslan" ÖA, "Cher" C.
func initials(name string) string {
	var firsts []rune
	for _, w := range strings.Fields(member.SortName(name)) {
		for _, r := range w {
			if unicode.IsLetter(r) {
				firsts = append(firsts, unicode.ToUpper(r))
				break
			}
		}
	}
	switch len(firsts) {
	case 0:
		return "?"
	case 1:
		return string(firsts)
	}
	return string([]rune{firsts[0], firsts[len(firsts)-1]})
}
