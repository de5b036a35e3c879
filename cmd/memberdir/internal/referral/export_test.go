package referral

import "github.com/memberdir/memberdir/cmd/memberdir/internal/member"

// Texts returns each text of l for m, filled in as Links does and
// executed as text/template does, for tests that need package load
// (which imports this package) to read members.
func (l *Links) Texts(m *member.Member, profileURL string, cc bool) (filled, executed [nslots]string) {
	d := l.data(m, profileURL, cc)
	for slot := range nslots {
		filled[slot], executed[slot] = l.execute(slot, d), l.slowText(slot, d)
	}
	return filled, executed
}
