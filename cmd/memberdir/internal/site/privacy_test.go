package site

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/fstest"

	govcard "github.com/emersion/go-vcard"
)

func privacySite(cfg string) fstest.MapFS {
	return fstest.MapFS{
		"config.yaml":             {Data: []byte("title: T\nlanguage: de\nbase_url: https://n.example/\norganiser: {name: Olga, email: olga@orga.example}\n" + cfg)},
		"content/members/anna.md": {Data: []byte("---\nname: Anna\nmission: m\nwhy: w\nofferings: [a]\ncontact:\n  email: anna@anna.example\n  phone: +49 221 4710 555\n---\n")},
		"content/members/bea.md":  {Data: []byte("---\nname: Bea\nmission: m\nwhy: w\nofferings: [a]\ncontact:\n  email: bea@bea.example\n  phone: +49 221 7654321\n  public: false\n---\n")},
	}
}

// TestObfuscatedAddressesStayOutOfHTML: with privacy.obfuscate_email no
// page's source holds an e-mail address, while the buttons carry them
// encoded for the script, and the vCards keep them.
func TestObfuscatedAddressesStayOutOfHTML(t *testing.T) {
	files, err := Build(privacySite("privacy: {obfuscate_email: true}\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for p, data := range files {
		s := string(data)
		if !strings.HasSuffix(p, ".html") && p != "members.json" && !(strings.HasPrefix(p, "members/") && strings.HasSuffix(p, ".json")) {
			continue
		}
		for _, addr := range []string{"anna@anna.example", "bea@bea.example", "olga@orga.example", "anna%40anna.example", "bea%40bea.example"} {
			if strings.Contains(s, addr) {
				t.Errorf("%s contains %s", p, addr)
			}
		}
	}
	anna := string(files["members/anna/index.html"])
	if !strings.Contains(anna, "data-obf=") {
		t.Error("the buttons should carry the encoded links")
	}
	if !strings.Contains(string(files["members/anna.vcf"]), "anna@anna.example") {
		t.Error("the vCard should keep the address: saving it is its purpose")
	}
}

// TestPublicFalseHidesContact: a member with contact.public: false shows
// neither address nor number anywhere, on a site that does not
// obfuscate, but keeps the referral buttons.
func TestPublicFalseHidesContact(t *testing.T) {
	files, err := Build(privacySite(""), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for p, data := range files {
		s := string(data)
		for _, secret := range []string{"bea@bea.example", "bea%40bea.example", "7654321"} {
			if strings.Contains(s, secret) {
				t.Errorf("%s shows %s although Bea set public: false", p, secret)
			}
		}
	}
	bea := string(files["members/bea/index.html"])
	if !strings.Contains(bea, "Empfehlen") || !strings.Contains(bea, "Erst fragen") {
		t.Error("Bea's page should still have the referral buttons")
	}
	// Anna publishes hers: the site does not obfuscate, so it is there.
	if !strings.Contains(string(files["members/anna/index.html"]), "anna@anna.example") {
		t.Error("Anna's address should be on her page")
	}
}

// TestMembersVCF: members.vcf holds every published member's card, and
// a real vCard parser reads them back.
func TestMembersVCF(t *testing.T) {
	files, err := Build(privacySite(""), Options{})
	if err != nil {
		t.Fatal(err)
	}
	all := files["members.vcf"]
	if string(all) != string(files["members/anna.vcf"])+string(files["members/bea.vcf"]) {
		t.Error("members.vcf is not the members' cards one after the other")
	}
	dec := govcard.NewDecoder(bytes.NewReader(all))
	var names []string
	for {
		c, err := dec.Decode()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, c.Value(govcard.FieldFormattedName))
	}
	if strings.Join(names, ",") != "Anna,Bea" {
		t.Errorf("members.vcf holds %q", names)
	}
}

// TestNoIndex: privacy.noindex keeps search engines off every page and
// out of robots.txt and the sitemap; without it, pages are canonical and
// the sitemap is offered.
func TestNoIndex(t *testing.T) {
	hidden, err := Build(privacySite("privacy: {noindex: true}\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(hidden["robots.txt"]); got != "User-agent: *\nDisallow: /\n" {
		t.Errorf("robots.txt with noindex = %q", got)
	}
	if _, ok := hidden["sitemap.xml"]; ok {
		t.Error("no sitemap with noindex")
	}
	for p, data := range hidden {
		if strings.HasSuffix(p, ".html") && !strings.Contains(string(data), `<meta name="robots" content="noindex, nofollow">`) {
			t.Errorf("%s lacks the noindex meta tag", p)
		}
	}
	open, err := Build(privacySite(""), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(open["robots.txt"]); !strings.Contains(got, "Sitemap: https://n.example/sitemap.xml") || strings.Contains(got, "Disallow: /\n") {
		t.Errorf("robots.txt without noindex = %q", got)
	}
	if strings.Contains(string(open["members/anna/index.html"]), "noindex") {
		t.Error("a public profile must not say noindex")
	}
}
