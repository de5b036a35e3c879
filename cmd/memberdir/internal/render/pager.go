package render

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// Pager links the pages of a long member list. Each page is labelled by
// the first letters of its first and last member's name, as in a phone
// book ("A–Bä", "Be–Do"), so a visitor can jump to a name.
type Pager struct {
	Pages   []PagerLink
	Current int
}

// PagerLink is one page of a Pager.
type PagerLink struct {
	Label string
	URL   string
	Count int
}

// Prev and Next return the neighbouring pages, or nil.
func (p *Pager) Prev() *PagerLink {
	if p.Current > 0 {
		return &p.Pages[p.Current-1]
	}
	return nil
}

func (p *Pager) Next() *PagerLink {
	if p.Current+1 < len(p.Pages) {
		return &p.Pages[p.Current+1]
	}
	return nil
}

// paginate splits ms into chunks of at most size members whose cards
// (size(m) bytes each) add up to at most budget bytes; a chunk holds at
// least one member, whatever its card weighs.
func paginate(ms []*member.Member, size, budget int, card func(*member.Member) int) [][]*member.Member {
	var out [][]*member.Member
	for len(ms) > 0 {
		n, bytes := 0, 0
		for n < len(ms) && (size <= 0 || n < size) {
			bytes += card(ms[n])
			if n > 0 && budget > 0 && bytes > budget {
				break
			}
			n++
		}
		out = append(out, ms[:n])
		ms = ms[n:]
	}
	if len(out) == 0 {
		out = append(out, ms) // an empty list is one empty page
	}
	return out
}

func newPager(base string, chunks [][]*member.Member) *Pager {
	p := &Pager{}
	for i, c := range chunks {
		if len(c) == 0 {
			continue // an empty directory: one page, no pager
		}
		first, last := c[0].Name, c[len(c)-1].Name
		label := prefix(first, 2) + "–" + prefix(last, 2)
		url := base
		if i > 0 {
			url = base + "page/" + strconv.Itoa(i+1) + "/"
		}
		p.Pages = append(p.Pages, PagerLink{Label: label, URL: url, Count: len(c)})
	}
	return p
}

// prefix returns the first n letters of a name as the list is sorted by
// (without academic titles), with the first in upper case.
func prefix(name string, n int) string {
	r := []rune(member.SortName(name))
	if len(r) > n {
		r = r[:n]
	}
	s := strings.ToLower(string(r))
	if len(s) == 0 {
		return ""
	}
	first := []rune(s)
	first[0] = unicode.ToUpper(first[0])
	return string(first)
}
