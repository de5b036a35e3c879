// Package synth generates synthetic but realistic sites for benchmarks and
// load tests: N members with German and English text, umlauts, 150–400
// word Markdown bodies, categories, languages and recommendations. The
// output depends only on N and the seed.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"
	"time"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

var (
	firstNames = []string{"Anna", "Jonas", "Özlem", "Lukas", "Änne", "Mia", "Jürgen", "Sophie", "Ben", "Lea", "Paul", "Marie", "Felix", "Emma", "Leon", "Hannah", "Tim", "Laura", "Jan", "Sarah", "Björn", "Zoë", "René", "Chloé", "Mehmet", "Aylin", "Piotr", "Agnieszka", "Liam", "Olivia", "Noah", "Grace", "Ingrid", "Søren", "Małgorzata", "Ömer", "Ünal", "Ella", "Karl", "Greta"}
	lastNames  = []string{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Weiß", "Yılmaz", "Kowalski", "O'Brien", "Smith", "Jensen", "García", "Öztürk", "Nguyen", "Dubois", "Rossi", "Groß", "Ebert", "Vogel", "Jäger"}
	cities     = []string{"Köln", "Bonn", "Düsseldorf", "Leverkusen", "Bergisch Gladbach", "Troisdorf", "Siegburg", "Brühl", "Hürth", "Frechen", "Pulheim", "Kerpen", "Neuss", "Dormagen", "Königswinter"}
	categories = []struct{ id, label, de, en string }{
		{"steuern", "Steuern & Finanzen", "Steuerberatung", "tax advice"},
		{"recht", "Recht", "Rechtsberatung", "legal advice"},
		{"coaching", "Coaching", "Business-Coaching", "business coaching"},
		{"foto", "Fotografie", "Fotografie", "photography"},
		{"web", "Web & IT", "Webentwicklung", "web development"},
		{"handwerk", "Handwerk", "Tischlerei", "carpentry"},
		{"immobilien", "Immobilien", "Immobilienvermittlung", "real estate"},
		{"versicherung", "Versicherungen", "Versicherungsberatung", "insurance"},
		{"marketing", "Marketing", "Marketingberatung", "marketing"},
		{"gesundheit", "Gesundheit", "Physiotherapie", "physiotherapy"},
		{"sprache", "Übersetzung", "Übersetzung", "translation"},
		{"design", "Design", "Grafikdesign", "graphic design"},
	}
	offerWords  = []string{"Beratung", "Workshop", "Erstgespräch", "Begleitung", "Analyse", "Umsetzung", "Schulung", "Betreuung", "Audit", "Konzept", "Strategy session", "Review", "Coaching package", "Health check"}
	sentencesDE = []string{
		"Viele meiner Kundinnen und Kunden kommen über Empfehlungen zu mir.",
		"Vertrauen ist die Grundlage jeder guten Zusammenarbeit.",
		"Ich arbeite gern mit Unternehmen, die langfristig denken und offen für Neues sind.",
		"Transparenz bei Kosten und Zeitplänen ist mir wichtig.",
		"Ein typisches Projekt beginnt mit einer kurzen Bestandsaufnahme.",
		"Danach erstellen wir gemeinsam einen Plan mit klaren Meilensteinen.",
		"Neben meiner Arbeit engagiere ich mich ehrenamtlich für junge Gründerinnen und Gründer.",
		"Ob kleines Einzelprojekt oder laufende Betreuung: Ich passe mein Angebot an Ihre Situation an.",
		"Für Erstgespräche nehme ich mir immer mindestens eine Stunde Zeit.",
		"Größere Vorhaben begleite ich über Monate, vom ersten Entwurf bis zur Übergabe.",
		"Qualität statt Masse – das war schon immer mein Grundsatz.",
	}
	sentencesEN = []string{
		"Most of my clients find me through referrals, which is why I joined this network.",
		"Trust is the currency of small business.",
		"I enjoy working with teams that think long term and try new things.",
		"I am transparent about costs and timelines from day one.",
		"A typical project starts with a short assessment.",
		"We then agree on a plan with clear milestones.",
		"Outside of work I mentor young founders and speak at local meetups.",
		"Whether it is a one-off project or ongoing support, I adapt to your situation.",
		"First meetings take about an hour, in person or on a video call.",
	}
)

// Member is the generated profile text of one member.
type Member struct {
	Slug string
	Text string
}

// Members returns n profiles, deterministically from seed.
func Members(n int, seed uint64) []Member {
	r := rand.New(rand.NewPCG(seed, 0x6d656d626572))
	type person struct{ name, slug string }
	people := make([]person, n)
	used := map[string]int{}
	for i := range people {
		name := pick(r, firstNames) + " " + pick(r, lastNames)
		if r.IntN(100) < 6 {
			name = "Dr. " + name
		}
		slug := member.Slugify(strings.TrimPrefix(name, "Dr. "))
		used[slug]++
		if used[slug] > 1 {
			slug = fmt.Sprintf("%s-%d", slug, used[slug])
		}
		people[i] = person{name, slug}
	}
	out := make([]Member, n)
	var b strings.Builder
	for i, p := range people {
		b.Reset()
		en := r.IntN(100) < 30
		c := categories[r.IntN(len(categories))]
		city := pick(r, cities)
		year := 2010 + r.IntN(16)
		q := func(s string) string { return fmt.Sprintf("%q", s) }
		var mission, why string
		if en {
			mission = fmt.Sprintf("I offer %s for small businesses and founders in %s.", c.en, city)
			why = "I grew up in a family business and know what is at stake for my clients. " + pick(r, sentencesEN) + " " + pick(r, sentencesEN)
		} else {
			mission = fmt.Sprintf("Ich biete %s für kleine Unternehmen und Selbstständige in %s.", c.de, city)
			why = "Ich habe selbst erlebt, wie viel Energie verloren geht, wenn " + c.de + " nebenbei laufen muss. " + pick(r, sentencesDE) + " " + pick(r, sentencesDE)
		}
		fmt.Fprintf(&b, "---\nname: %s\ncompany: %s\nrole: %s\nlocation: %s\nmission: %s\nwhy: %s\n",
			q(p.name), q(strings.Fields(strings.TrimPrefix(p.name, "Dr. "))[1]+" "+c.label), q(c.de), q(city), q(mission), q(why))
		b.WriteString("offerings:\n")
		for k := 0; k < 2+r.IntN(4); k++ {
			fmt.Fprintf(&b, "  - %s %s\n", c.de, offerWords[(k+i)%len(offerWords)])
		}
		fmt.Fprintf(&b, "ideal_referral: %s\n", q("Kleine Betriebe in "+city+", die "+c.de+" suchen."))
		tags := []string{c.id}
		if o := categories[r.IntN(len(categories))]; o.id != c.id && r.IntN(2) == 0 {
			tags = append(tags, o.id)
		}
		fmt.Fprintf(&b, "tags: [%s]\n", strings.Join(tags, ", "))
		// The first language is the one the profile is written in.
		langs := "[de]"
		if en {
			langs = "[en, de]"
		} else if r.IntN(2) == 0 {
			langs = "[de, en]"
		}
		fmt.Fprintf(&b, "languages: %s\n", langs)
		domain := p.slug + ".example"
		fmt.Fprintf(&b, "contact:\n  email: %s\n  phone: \"+49 221 %d\"\n  website: https://www.%s\n  linkedin: https://www.linkedin.com/in/%s\n",
			"info@"+domain, 1000000+r.IntN(8999999), domain, p.slug)
		fmt.Fprintf(&b, "member_since: %04d-%02d\n", year, 1+r.IntN(12))
		if n > 1 && r.IntN(3) > 0 {
			b.WriteString("recommends:\n")
			seen := map[int]bool{i: true}
			for k := 0; k < 1+r.IntN(3); k++ {
				j := r.IntN(n)
				if seen[j] {
					continue
				}
				seen[j] = true
				fmt.Fprintf(&b, "  - member: %s\n    note: %s\n", people[j].slug, q(pick(r, sentencesDE)))
			}
		}
		b.WriteString("---\n\n")
		pool := sentencesDE
		if en {
			pool = sentencesEN
		}
		words := 0
		target := 150 + r.IntN(251)
		for para := 0; words < target; para++ {
			if para == 1 {
				b.WriteString("## " + c.label + "\n\n- **" + c.de + "** für " + city + "\n- " + pick(r, offerWords) + "\n\n")
			}
			for k := 0; k < 4 && words < target; k++ {
				s := pick(r, pool)
				b.WriteString(s + " ")
				words += len(strings.Fields(s))
			}
			b.WriteString("\n\n")
		}
		out[i] = Member{Slug: p.slug, Text: b.String()}
	}
	return out
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// Config is the config.yaml of a generated site, with its categories.
func Config() string {
	var b strings.Builder
	b.WriteString("title: Synthetisches Netzwerk\nbase_url: https://netzwerk.example/\nlanguage: de\ncategories:\n")
	for _, c := range categories {
		fmt.Fprintf(&b, "  - id: %s\n    label: %q\n", c.id, c.label)
	}
	return b.String()
}

// Site returns a whole in-memory site with n members.
func Site(n int, seed uint64) fstest.MapFS {
	fsys := fstest.MapFS{"config.yaml": {Data: []byte(Config())}}
	for _, m := range Members(n, seed) {
		fsys["content/members/"+m.Slug+".md"] = &fstest.MapFile{Data: []byte(m.Text)}
	}
	return fsys
}

// Write puts a generated site of n members into the folder dir, every file
// dated an hour back, as files are when someone starts to edit a site.
func Write(dir string, n int, seed uint64) error {
	old := time.Now().Add(-time.Hour)
	for p, f := range Site(n, seed) {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			return err
		}
		if err := os.Chtimes(full, old, old); err != nil {
			return err
		}
	}
	return nil
}
