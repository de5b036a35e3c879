package referral_test

import (
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
	"github.com/memberdir/memberdir/cmd/memberdir/internal/referral"
)

// TestSkeletonsSynth compares the filled-in and the executed texts for
// 2,000 generated members, on the generated site and on an English one,
// with and without Cc, with their contact details shown and hidden.
func TestSkeletonsSynth(t *testing.T) {
	synthLinks, ms := synthMembers(t, 2000)
	cfg := member.DefaultConfig()
	cfg.Language, cfg.Title, cfg.BaseURL = "en", "Network", "https://network.example/"
	english, err := referral.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []*referral.Links{synthLinks, english} {
		for _, m := range ms {
			for _, public := range []bool{true, false} {
				c := *m
				c.Contact.Public = public
				for _, cc := range []bool{false, true} {
					filled, executed := l.Texts(&c, "https://netzwerk.example/members/"+c.Slug+"/", cc)
					if filled != executed {
						t.Fatalf("%s (public %v, cc %v):\nfilled   %q\nexecuted %q", c.Slug, public, cc, filled, executed)
					}
				}
			}
		}
	}
}
