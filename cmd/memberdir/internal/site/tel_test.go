package site

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"testing"
	"testing/fstest"

	govcard "github.com/emersion/go-vcard"
)

// telPhones are numbers as members write them: international, national,
// with the German "(0)", with "00", local, and from other countries.
var telPhones = []string{
	"+49 (0)221 123-45",
	"0221 1234567",
	"0221/1234567",
	"+49 0221 1234567",
	"0049 221 1234567",
	"+43 (0)1 234 56 78",
	"+41 044 123 45 67",
	"+39 06 1234 5678",
	"+44 20 7946 0000",
	"020 7946 0000",
	"0171.234.5678",
	"1234567",
}

var pageTel = regexp.MustCompile(`href="(tel:[^"]*)"`)

// TestVCardDialsThePagesNumber: on a German and on an English site, the
// number a member's vCard stores is the number the profile page's link
// dials, for every way of writing it. A visitor who saves the card must
// not get a number with another country code.
func TestVCardDialsThePagesNumber(t *testing.T) {
	for _, lang := range []string{"de", "en"} {
		fsys := fstest.MapFS{
			"config.yaml": {Data: []byte("title: T\nlanguage: " + lang + "\nbase_url: https://n.example/\n")},
		}
		for i, p := range telPhones {
			fsys[fmt.Sprintf("content/members/m%02d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
				"---\nname: Member %d\nmission: m\nwhy: w\nofferings: [a]\ncontact:\n  phone: %q\n---\n", i, p))}
		}
		files, err := Build(fsys, Options{})
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		for i, p := range telPhones {
			slug := fmt.Sprintf("m%02d", i)
			links := pageTel.FindAllSubmatch(files["members/"+slug+"/index.html"], -1)
			if len(links) == 0 {
				t.Errorf("%s: %q: the profile page has no tel: link", lang, p)
				continue
			}
			card, err := govcard.NewDecoder(bytes.NewReader(files["members/"+slug+".vcf"])).Decode()
			if err != nil {
				t.Fatalf("%s: %q: %v", lang, p, err)
			}
			got := card.Value(govcard.FieldTelephone)
			for _, l := range links {
				if want := html.UnescapeString(string(l[1])); got != want {
					t.Errorf("%s site: %q: the vCard stores %q, the page dials %q", lang, p, got, want)
				}
			}
		}
	}
}
