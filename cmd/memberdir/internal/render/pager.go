package render

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// Pager links the pages of a long member list. Each page is labelled by
// the first letters of its first and last member's name, as in a phone
// book ("A–Bä", "Be–Do"), so a visitor can jump to a name.
//
// A list of up to pagerAll pages links every page from each. A longer
// one links, from each page, the first and last page, the two on either
// side, the first page of each initial letter, and within the current
// page's letter the first page of each two-letter beginning: a visitor
// on "Ma–Me" of 1,000 pages finds "Mo" in one step, "T" in one and "Th"
// in two. Linking every page from every page made the lists grow with
// the square of the directory: at 100,000 members, two pagers of 31 KB on
// each of 820 home pages.
type Pager struct {
	Pages   []PagerLink // the pages linked, in order
	Current int         // the index in Pages of the page shown
}

// PagerLink is one page of a Pager.
type PagerLink struct {
	Label string
	URL   string
	Count int
	// Gap is whether pages were left out before this one.
	Gap bool
	// letters are the first two letters of the page's first member's
	// name, as the list is sorted, folded.
	letters string
}

// pagerAll is the most pages a Pager links in full.
const pagerAll = 30

// pagerNear is how many pages on either side of the current one a long
// pager links.
const pagerNear = 2

// at returns the pager of the i-th page of the list p links in full.
func (p *Pager) at(i int) *Pager {
	if len(p.Pages) <= pagerAll {
		return &Pager{Pages: p.Pages, Current: i}
	}
	current := firstLetter(p.Pages[i].letters)
	out := &Pager{}
	last := -1
	for j, l := range p.Pages {
		prev := p.Pages[max(j-1, 0)].letters
		switch {
		case j == 0, j == len(p.Pages)-1, j >= i-pagerNear && j <= i+pagerNear:
		case firstLetter(l.letters) != firstLetter(prev): // a letter's first page
		case firstLetter(l.letters) == current && l.letters != prev: // within the current letter, two letters' first page
		default:
			continue
		}
		if j == i {
			out.Current = len(out.Pages)
		}
		l.Gap = last >= 0 && j > last+1
		out.Pages = append(out.Pages, l)
		last = j
	}
	return out
}

// plainLetters returns s in lower case without its accents, as the
// list's collation compares letters first: Ä and A are one letter of the
// pager, as they are one in the order of the list.
func plainLetters(s string) string {
	out, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), strings.ToLower(s))
	if err != nil {
		return strings.ToLower(s)
	}
	return out
}

// firstLetter returns the first letter of s.
func firstLetter(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	return s[:n]
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
		p.Pages = append(p.Pages, PagerLink{Label: label, URL: url, Count: len(c), letters: plainLetters(prefix(first, 2))})
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
