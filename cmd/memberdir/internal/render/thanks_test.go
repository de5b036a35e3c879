package render

import (
	"strings"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// thanksSite renders an English directory in which Ben and Cem thank
// Anna for referrals and Cem thanks Ben, with the given pages.
func thanksSite(t *testing.T, pages []*member.Page) (Files, error) {
	t.Helper()
	mk := func(name string, thanks ...*member.Thanks) *member.Member {
		return &member.Member{Slug: strings.ToLower(name), Name: name, Mission: "m", Why: "w", Offerings: []string{"o"},
			Contact: member.Contact{Email: strings.ToLower(name) + "@example.org", Public: true}, Thanks: thanks}
	}
	ms := []*member.Member{
		mk("Anna"),
		mk("Ben", &member.Thanks{Slug: "anna", Date: member.Date{Year: 2024, Month: 3}, Note: "A kitchen for a baker."}),
		mk("Cem",
			&member.Thanks{Slug: "ben", Date: member.Date{Year: 2023, Month: 11}},
			&member.Thanks{Slug: "anna", Date: member.Date{Year: 2025, Month: 1, Day: 15}, Note: "<b>Taxes</b> & more"}),
	}
	cfg := member.DefaultConfig()
	cfg.Language = "en"
	cfg.BaseURL = "https://example.org/dir/"
	dir, errs := member.NewDirectory(cfg, ms, pages, false)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return Site(dir, NewTheme(templatesFS(t), nil), Options{})
}

// TestThanks renders the thanks on the pages of both members, on the
// cards, in members.json and on the network page.
func TestThanks(t *testing.T) {
	files, err := thanksSite(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	in := func(path string, want ...string) {
		t.Helper()
		page := string(files[path])
		last := -1
		for _, w := range want {
			i := strings.Index(page, w)
			if i < 0 {
				t.Errorf("%s: no %q", path, w)
				continue
			}
			if i < last {
				t.Errorf("%s: %q comes before what the list puts first", path, w)
			}
			last = i
		}
	}
	out := func(path string, reject ...string) {
		t.Helper()
		for _, r := range reject {
			if strings.Contains(string(files[path]), r) {
				t.Errorf("%s: must not have %q", path, r)
			}
		}
	}
	// Anna gave both referrals: the newest thanks comes first, each
	// with its date in words and its note escaped.
	in("members/anna/index.html", `<a href="#thanked">2 referrals thanked for</a>`, "Referrals that worked",
		`<a href="/dir/members/cem/">Cem</a>, <time datetime="2025-01-15">January 2025</time>: <q>&lt;b&gt;Taxes&lt;/b&gt; &amp; more</q>`,
		`<a href="/dir/members/ben/">Ben</a>, <time datetime="2024-03">March 2024</time>: <q>A kitchen for a baker.</q>`)
	out("members/anna/index.html", "Thanks for referrals")
	// Ben was thanked once and thanked Anna.
	in("members/ben/index.html", "1 referral thanked for", "Referrals that worked", "Thanks for referrals",
		`<a href="/dir/members/anna/">Anna</a>, <time datetime="2024-03">March 2024</time>`)
	// Cem thanked two members, newest first, and was thanked by none.
	in("members/cem/index.html", "Thanks for referrals", `<a href="/dir/members/anna/">Anna</a>`, `<a href="/dir/members/ben/">Ben</a>, <time datetime="2023-11">November 2023</time></li>`)
	out("members/cem/index.html", "Referrals that worked", "thanked for")
	// The cards say it in one line.
	in("index.html", `<p class="thanked">2 referrals thanked for</p>`, `<p class="thanked">1 referral thanked for</p>`)
	if n := strings.Count(string(files["index.html"]), `class="thanked"`); n != 2 {
		t.Errorf("index.html: %d cards with a thanks line, want 2 (Anna's, Ben's)", n)
	}

	byslug := map[string]MemberJSON{}
	for _, m := range membersOf(t, files) {
		byslug[m.Slug] = m
	}
	if got := byslug["anna"].ThankedBy; len(got) != 2 || got[0] != (ThanksJSON{"ben", "2024-03", "A kitchen for a baker."}) || got[1] != (ThanksJSON{"cem", "2025-01-15", "<b>Taxes</b> & more"}) {
		t.Errorf("members.json: anna's thanked_by = %+v", got)
	}
	if got := byslug["cem"].Thanks; len(got) != 2 || got[0] != (ThanksJSON{"ben", "2023-11", ""}) || got[1].Member != "anna" {
		t.Errorf("members.json: cem's thanks = %+v, want them as written", got)
	}
	if a := byslug["anna"]; a.Thanks == nil || len(a.Thanks) != 0 {
		t.Errorf("members.json: anna's thanks = %#v, want an empty list", a.Thanks)
	}

	// The network page: in the navigation of every page, current on its
	// own, with the figures' tables.
	in("index.html", `<a href="/dir/network/">Network</a>`)
	in("network/index.html", `<a href="/dir/network/" aria-current="page">Network</a>`, "<h1>The network</h1>",
		"The network has 3 members.", `<svg xmlns="http://www.w3.org/2000/svg" class="network-chart"`,
		`<caption id="joined-caption">`, `<caption id="referrals-caption">`, `<th scope="row">Q4 2023</th><td>0</td><td>1</td>`,
		`class="network-graph"`, `href="/dir/members/anna/"`)
	out("network/index.html", "&lt;svg")
}

// TestNetworkPageTaken: a page of the site's own at network/ would be
// replaced by the network page; the build says so, naming the file.
func TestNetworkPageTaken(t *testing.T) {
	_, err := thanksSite(t, []*member.Page{{Slug: "network", Path: "content/pages/network.md", Title: "Our network"}})
	if err == nil || !strings.HasPrefix(err.Error(), "content/pages/network.md") || !strings.Contains(err.Error(), "network-page.md") {
		t.Errorf("err = %v, want one naming content/pages/network.md and a new name", err)
	}
}
