package member

import "regexp"

// linkThanks resolves each thanks to the member thanked and returns the
// problems that span files: a member who does not exist, the author
// thanking themselves, a date before one of the two joined. Like
// recommendations, a thanks may name a draft without error.
func linkThanks(lang string, members []*Member, bySlug map[string]*Member) ErrorList {
	var errs ErrorList
	for _, m := range members {
		for _, t := range m.Thanks {
			t.From = m
			to := bySlug[t.Slug]
			switch {
			case to == nil:
				errs.Add(t.Pos, "thanks.member", Msg(lang, "thanks.unknown", t.Slug, memberHint(lang, t.Slug, bySlug)))
				continue
			case to == m:
				errs.Add(t.Pos, "thanks.member", Msg(lang, "thanks.self"))
				continue
			}
			// A referral is passed between members: the business cannot
			// have come before both had joined.
			if !m.MemberSince.IsZero() && earlier(t.Date, m.MemberSince) {
				errs.Add(t.DatePos, "thanks.date", Msg(lang, "thanks.beforeself", t.Date.String(), m.MemberSince.String()))
				continue
			}
			if !to.MemberSince.IsZero() && earlier(t.Date, to.MemberSince) {
				errs.Add(t.DatePos, "thanks.date", Msg(lang, "thanks.beforeother", t.Date.String(), to.Name, to.MemberSince.String()))
				continue
			}
			t.To = to
		}
	}
	return errs
}

// earlier reports whether d lies before t to the precision both have:
// 2024-05 is not earlier than 2024-05-20, nor 2024 than 2024-03.
func earlier(d, t Date) bool {
	a, b := [3]int{d.Year, d.Month, d.Day}, [3]int{t.Year, t.Month, t.Day}
	for i := range a {
		if a[i] == 0 || b[i] == 0 {
			return false
		}
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// compareDates orders dates by time, a date without month or day before
// the ones within it.
func compareDates(d, t Date) int {
	a, b := [3]int{d.Year, d.Month, d.Day}, [3]int{t.Year, t.Month, t.Day}
	for i := range a {
		if a[i] != b[i] {
			return a[i] - b[i]
		}
	}
	return 0
}

// privateRE finds what a note must not carry: an e-mail address, also
// written with (at), and a phone number, national (0221 …, (0221) …) or
// international (+49 …), of seven digits or more with up to three spaces,
// slashes, dots, dashes or brackets between two. Years, dates and amounts
// (2019-2024, 2025-03-01, 12.000) start with no 0 or + and do not match.
var privateRE = regexp.MustCompile(`[^\s@<>()\[\],;:"']+@[^\s@<>()\[\],;:"']+\.[A-Za-z]{2,}` +
	`|[^\s@<>()\[\],;:"']+ ?[(\[] ?(?:at|AT|At) ?[)\]] ?[^\s@<>()\[\],;:"']+\.[A-Za-z]{2,}` +
	`|(?:\+|\(0|\b0)[0-9](?:[ ()/.\-]{0,3}[0-9]){5,}`)

// PrivateDetail returns the first e-mail address or phone number in s, or
// "" when it has none. A thank-you note is public and about a client: the
// client's address or number must not appear in it, and neither belongs in
// a note when the member's own are on their profile.
func PrivateDetail(s string) string {
	for _, m := range privateRE.FindAllString(s, -1) {
		if !germanDateRE.MatchString(m) {
			return m
		}
	}
	return ""
}

// germanDateRE matches a date in German order (01.02.2025), which starts
// with a 0 as a phone number does.
var germanDateRE = regexp.MustCompile(`^[0-3]?[0-9]\.[01]?[0-9]\.(?:[0-9]{2}|[0-9]{4})$`)
