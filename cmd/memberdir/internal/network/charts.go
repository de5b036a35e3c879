package network

import (
	"fmt"
	"strconv"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// Joined returns the bar chart of the members who joined per year, by
// member_since, with every year from the first to the last, empty ones
// too. Members without member_since are left out and counted in the note.
func Joined(d *member.Directory, o Options) Figure {
	first, last, unknown := 0, 0, 0
	per := map[int]int{}
	for _, m := range d.Members {
		y := m.MemberSince.Year
		if y == 0 {
			unknown++
			continue
		}
		per[y]++
		if first == 0 || y < first {
			first = y
		}
		last = max(last, y)
	}
	f := Figure{ID: "joined", Title: o.pick("Members who joined per year", "Neue Mitglieder pro Jahr")}
	f.Table.Head = []string{o.pick("Year", "Jahr"), o.pick("New members", "Neue Mitglieder")}
	var bars []bar
	for y := first; first > 0 && y <= last; y++ {
		bars = append(bars, bar{label: strconv.Itoa(y), full: strconv.Itoa(y), values: []int{per[y]}})
		f.Table.Rows = append(f.Table.Rows, []string{strconv.Itoa(y), o.count(per[y])})
	}
	if unknown > 0 {
		f.Note = plural(o, unknown,
			"%[1]s member without member_since is not counted.", "%s members without member_since are not counted.",
			"%[1]s Mitglied ohne member_since ist nicht gezählt.", "%s Mitglieder ohne member_since sind nicht gezählt.")
	}
	desc := o.pick("Bar chart; the table beside it holds the same numbers.", "Balkendiagramm; die Tabelle daneben enthält dieselben Zahlen.")
	f.SVG = barChart(o, f.ID, f.Title, desc, bars, []series{{class: "bar-joined", name: f.Table.Head[1]}})
	return f
}

// Referrals returns the bar chart of recommendations and thanks per
// quarter, every quarter from the first to the last, or per year when
// they span more than maxQuarters quarters. A thanks counts in
// the quarter of its date. A recommendation carries no date: it counts in
// the quarter by which both members had joined, the earliest it can have
// been made, and is left out (and counted in the note) when one of them
// has no member_since.
func Referrals(d *member.Directory, o Options) Figure {
	type counts struct{ rec, thanks int }
	per := map[int]*counts{}
	first, last, undated := 0, 0, 0
	add := func(q int) *counts {
		if per[q] == nil {
			per[q] = &counts{}
		}
		if first == 0 || q < first {
			first = q
		}
		last = max(last, q)
		return per[q]
	}
	for _, m := range d.Members {
		for _, r := range m.Recommends {
			a, b := m.MemberSince, r.To.MemberSince
			if a.IsZero() || b.IsZero() {
				undated++
				continue
			}
			add(max(quarter(a), quarter(b))).rec++
		}
		for _, t := range m.Thanks {
			add(quarter(t.Date)).thanks++
		}
	}
	f := Figure{ID: "referrals", Title: o.pick("Recommendations and thanks per quarter", "Empfehlungen und Dank pro Quartal")}
	f.Table.Head = []string{o.pick("Quarter", "Quartal"), o.pick("Recommendations", "Empfehlungen"), o.pick("Thanks", "Dank")}
	perYear := first > 0 && last-first >= maxQuarters
	if perYear {
		// Years of quarters are too many bars to read: count per year.
		f.Title = o.pick("Recommendations and thanks per year", "Empfehlungen und Dank pro Jahr")
		f.Table.Head[0] = o.pick("Year", "Jahr")
		years := map[int]*counts{}
		for q, c := range per {
			y := years[q/4]
			if y == nil {
				y = &counts{}
				years[q/4] = y
			}
			y.rec += c.rec
			y.thanks += c.thanks
		}
		per, first, last = years, first/4, last/4
	}
	var bars []bar
	for q := first; first > 0 && q <= last; q++ {
		c := per[q]
		if c == nil {
			c = &counts{}
		}
		label, sub, full := strconv.Itoa(q), "", strconv.Itoa(q)
		if !perYear {
			label = fmt.Sprintf("Q%d", q%4+1)
			if q%4 == 0 || q == first {
				sub = strconv.Itoa(q / 4)
			}
			full = fmt.Sprintf("Q%d %d", q%4+1, q/4)
		}
		bars = append(bars, bar{label: label, sub: sub, full: full, values: []int{c.rec, c.thanks}})
		f.Table.Rows = append(f.Table.Rows, []string{full, o.count(c.rec), o.count(c.thanks)})
	}
	f.Note = o.pick("Recommendations carry no date: each counts in the quarter by which both members had joined.",
		"Empfehlungen tragen kein Datum: jede zählt im Quartal, in dem beide Mitglieder dabei waren.")
	if perYear {
		f.Note = o.pick("Recommendations carry no date: each counts in the year by which both members had joined.",
			"Empfehlungen tragen kein Datum: jede zählt im Jahr, in dem beide Mitglieder dabei waren.")
	}
	if undated > 0 {
		f.Note += " " + plural(o, undated,
			"%[1]s recommendation of a member without member_since is not counted.", "%s recommendations of members without member_since are not counted.",
			"%[1]s Empfehlung eines Mitglieds ohne member_since ist nicht gezählt.", "%s Empfehlungen von Mitgliedern ohne member_since sind nicht gezählt.")
	}
	desc := o.pick("Bar chart, solid bars for recommendations and hatched ones for thanks; the table beside it holds the same numbers.",
		"Balkendiagramm, volle Balken für Empfehlungen und schraffierte für Dank; die Tabelle daneben enthält dieselben Zahlen.")
	f.SVG = barChart(o, f.ID, f.Title, desc, bars, []series{
		{class: "bar-recommends", name: f.Table.Head[1]},
		{class: "bar-thanks", name: f.Table.Head[2], hatched: true},
	})
	return f
}

// maxQuarters is the most quarters the chart of recommendations and
// thanks shows as quarters; a longer history is shown per year.
const maxQuarters = 16

// quarter numbers the quarter of d from year 0 on: year*4 + quarter-1.
// A date without month counts in its first quarter.
func quarter(d member.Date) int {
	q := d.Year * 4
	if d.Month > 0 {
		q += (d.Month - 1) / 3
	}
	return q
}

// plural picks the singular or plural form for n in the language of o and
// fills in n as the first argument, then args: each form takes %[1]s for
// n, %[2]d for the first of args, and so on.
func plural(o Options, n int, en1, enN, de1, deN string, args ...any) string {
	f := enN
	switch {
	case o.de() && n == 1:
		f = de1
	case o.de():
		f = deN
	case n == 1:
		f = en1
	}
	return fmt.Sprintf(f, append([]any{o.count(n)}, args...)...)
}

// bar is one group of bars with its label under it (and sub under that,
// e.g. the year under the first quarter).
type bar struct {
	label, sub string
	full       string // the label in full, for the bars' tooltips
	values     []int
}

// series is one kind of bar: its class and its name in the legend.
type series struct {
	class, name string
	hatched     bool // drawn hatched, to tell it from the others without colour
}

// Sizes of a bar chart, in the viewBox's units (pixels at 100 %).
const (
	chartHeight = 240.0
	plotTop     = 28.0 // room for the legend
	plotBottom  = 196.0
	plotLeft    = 40.0
	slotMin     = 36.0 // width of one group of bars at least
	chartMin    = 560.0
)

// barChart draws grouped bars with a value axis, labels under the groups,
// each bar's number on top of it, and a legend when there is more than
// one series.
func barChart(o Options, id, title, desc string, bars []bar, ss []series) string {
	var w svg
	width := max(chartMin, plotLeft+float64(len(bars))*slotMin+8)
	slot := (width - plotLeft - 8) / float64(max(len(bars), 1))
	w.open("network-"+id, "network-chart", "img", 0, 0, width, chartHeight, title, desc)
	w.raw(`<defs><pattern id="network-`, id, `-hatch" class="hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">`,
		`<rect width="6" height="6" fill="currentColor" fill-opacity="0.15"/><line x1="0" y1="0" x2="0" y2="6" stroke="currentColor" stroke-width="3"/></pattern></defs>`, "\n")
	top := 0
	for _, b := range bars {
		for _, v := range b.values {
			top = max(top, v)
		}
	}
	if len(bars) == 0 {
		w.raw(`<text class="empty" x="`, num(width/2), `" y="`, num(chartHeight/2), `" text-anchor="middle" font-size="14">`)
		w.text(o.pick("No data yet", "Noch keine Daten"))
		w.raw("</text>\n</svg>\n")
		return w.String()
	}
	step := niceStep(top)
	axisTop := max(step, step*((top+step-1)/step))
	y := func(v int) float64 { return plotBottom - float64(v)/float64(axisTop)*(plotBottom-plotTop-12) }
	w.raw(`<g class="axis" font-size="11" stroke="currentColor" stroke-opacity="0.25">`, "\n")
	for v := 0; v <= axisTop; v += step {
		w.raw(`<line x1="`, num(plotLeft), `" x2="`, num(width-4), `" y1="`, num(y(v)), `" y2="`, num(y(v)), `"/>`)
		w.raw(`<text x="`, num(plotLeft-6), `" y="`, num(y(v)+4), `" text-anchor="end" stroke="none">`, o.count(v), "</text>\n")
	}
	w.raw("</g>\n")
	n := float64(len(ss))
	bw := min(28, (slot-8)/n)
	w.raw(`<g class="bars">`, "\n")
	for i, b := range bars {
		x0 := plotLeft + float64(i)*slot + (slot-bw*n)/2
		for j, v := range b.values {
			x := x0 + float64(j)*bw
			fill := `fill="currentColor" fill-opacity="0.7"`
			if ss[j].hatched {
				fill = `fill="url(#network-` + id + `-hatch)" stroke="currentColor"`
			}
			w.raw(`<rect class="bar `, ss[j].class, `" x="`, num(x+1), `" y="`, num(y(v)), `" width="`, num(bw-2), `" height="`, num(plotBottom-y(v)), `" `, fill, `><title>`)
			w.text(b.full + ": " + ss[j].name + " " + o.count(v))
			w.raw("</title></rect>")
			if v > 0 {
				w.raw(`<text class="value" x="`, num(x+bw/2), `" y="`, num(y(v)-4), `" text-anchor="middle" font-size="11">`, o.count(v), "</text>")
			}
			w.raw("\n")
		}
	}
	w.raw("</g>\n")
	w.raw(`<g class="labels" font-size="12" text-anchor="middle">`, "\n")
	for i, b := range bars {
		x := plotLeft + (float64(i)+0.5)*slot
		w.raw(`<text x="`, num(x), `" y="`, num(plotBottom+16), `">`)
		w.text(b.label)
		w.raw("</text>")
		if b.sub != "" {
			w.raw(`<text class="sub" x="`, num(x), `" y="`, num(plotBottom+32), `">`)
			w.text(b.sub)
			w.raw("</text>")
		}
		w.raw("\n")
	}
	w.raw("</g>\n")
	if len(ss) > 1 {
		w.raw(`<g class="legend" font-size="12">`, "\n")
		x := plotLeft
		for _, s := range ss {
			fill := `fill="currentColor" fill-opacity="0.7"`
			if s.hatched {
				fill = `fill="url(#network-` + id + `-hatch)" stroke="currentColor"`
			}
			w.raw(`<rect class="bar `, s.class, `" x="`, num(x), `" y="6" width="14" height="14" `, fill, `/>`)
			w.raw(`<text x="`, num(x+20), `" y="18">`)
			w.text(s.name)
			w.raw("</text>\n")
			x += 20 + 8*float64(len([]rune(s.name))) + 16
		}
		w.raw("</g>\n")
	}
	w.raw("</svg>\n")
	return w.String()
}

// niceStep returns a step of 1, 2 or 5 times a power of ten that divides
// 0..top into at most five lines.
func niceStep(top int) int {
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			if top <= 5*m*p {
				return m * p
			}
		}
	}
}
