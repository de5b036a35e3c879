package network

import (
	"slices"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// Sentences returns the network's figures in words, in the language of o:
// how many members it has, how many joined in the latest year anyone
// joined, how many recommendations the profiles carry, how many members
// said thank you in each year, and how many recommendations were answered
// with a thank-you. They read without the pictures and depend on the
// directory alone, not on today's date.
func Sentences(d *member.Directory, o Options) []string {
	var out []string
	n := len(d.Members)
	if n == 0 {
		return []string{o.pick("The network has no members yet.", "Das Netzwerk hat noch keine Mitglieder.")}
	}
	out = append(out, plural(o, n, "The network has %[1]s member.", "The network has %s members.",
		"Das Netzwerk hat %[1]s Mitglied.", "Das Netzwerk hat %s Mitglieder."))

	joined := map[int]int{}
	latest := 0
	for _, m := range d.Members {
		if y := m.MemberSince.Year; y > 0 {
			joined[y]++
			latest = max(latest, y)
		}
	}
	if latest > 0 {
		out = append(out, plural(o, joined[latest], "In %[2]d, %[1]s member joined.", "In %[2]d, %[1]s members joined.",
			"Im Jahr %[2]d ist %[1]s Mitglied dazugekommen.", "Im Jahr %[2]d sind %[1]s Mitglieder dazugekommen.", latest))
	}

	recs := 0
	thanked := map[[2]*member.Member]bool{}
	thankers := map[int]map[*member.Member]bool{}
	for _, m := range d.Members {
		recs += len(m.Recommends)
		for _, t := range m.Thanks {
			thanked[[2]*member.Member{t.To, m}] = true
			y := t.Date.Year
			if thankers[y] == nil {
				thankers[y] = map[*member.Member]bool{}
			}
			thankers[y][m] = true
		}
	}
	if recs == 0 {
		out = append(out, o.pick("The profiles carry no recommendations yet.", "Auf den Profilen steht noch keine Empfehlung."))
	} else {
		out = append(out, plural(o, recs, "The profiles carry %[1]s recommendation.", "The profiles carry %s recommendations.",
			"Auf den Profilen steht %[1]s Empfehlung.", "Auf den Profilen stehen %s Empfehlungen."))
	}

	var years []int
	for y := range thankers {
		years = append(years, y)
	}
	slices.Sort(years)
	for _, y := range years {
		out = append(out, plural(o, len(thankers[y]), "In %[2]d, %[1]s member said thank you for a referral.", "In %[2]d, %[1]s members said thank you for a referral.",
			"Im Jahr %[2]d hat sich %[1]s Mitglied für eine Empfehlung bedankt.", "Im Jahr %[2]d haben sich %[1]s Mitglieder für Empfehlungen bedankt.", y))
	}

	// The loop closed: A recommends B, and B thanks A for business.
	closed := 0
	for _, m := range d.Members {
		for _, r := range m.Recommends {
			if thanked[[2]*member.Member{m, r.To}] {
				closed++
			}
		}
	}
	if closed > 0 {
		out = append(out, plural(o, closed, "For %[1]s recommendation, the member recommended has said thank you for business.", "For %s recommendations, the member recommended has said thank you for business.",
			"Für %[1]s Empfehlung hat sich das empfohlene Mitglied für ein Geschäft bedankt.", "Für %s Empfehlungen hat sich das empfohlene Mitglied für ein Geschäft bedankt."))
	}
	return out
}
