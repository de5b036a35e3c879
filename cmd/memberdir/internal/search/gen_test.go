package search

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// synthetic returns a directory of n members whose text has the shape of
// a real network's, so that index sizes measured on it mean something:
// German and some English prose with a long tail of compounds and
// inflections (as German has), mission up to 300 characters, why up to
// 600, an ideal referral for most, 2–6 offerings, and a Markdown body for
// two members in three. It is a pure function of n and seed.
func synthetic(n int, seed uint64) *member.Directory {
	r := rand.New(rand.NewPCG(seed, 0x7365617263680a))
	g := &gen{r: r}
	g.common = rand.NewZipf(rand.New(rand.NewPCG(seed, 1)), 1.07, 8, uint64(len(commonWords)-1))
	g.compound = rand.NewZipf(rand.New(rand.NewPCG(seed, 2)), 1.01, 20, uint64(len(stemsA)*len(stemsB)-1))
	g.stopz = rand.NewZipf(rand.New(rand.NewPCG(seed, 3)), 1.2, 1, uint64(len(textStops)-1))
	g.cityz = rand.NewZipf(rand.New(rand.NewPCG(seed, 4)), 1.1, 2, uint64(len(cityNames)-1))

	cfg := member.DefaultConfig()
	for _, c := range categoryList {
		cfg.Categories = append(cfg.Categories, member.ConfigCategory{ID: member.Slugify(c), Label: c})
	}
	var ms []*member.Member
	used := map[string]int{}
	for i := 0; i < n; i++ {
		m := &member.Member{}
		first, last := pick(r, firstNames), pick(r, lastNames)
		if r.IntN(10) == 0 {
			last += "-" + pick(r, lastNames)
		}
		m.Name = first + " " + last
		if r.IntN(15) == 0 {
			m.Name = "Dr. " + m.Name
		}
		m.Slug = member.Slugify(first + " " + last)
		if used[m.Slug]++; used[m.Slug] > 1 {
			m.Slug = fmt.Sprintf("%s-%d", m.Slug, used[m.Slug])
		}
		switch r.IntN(5) {
		case 0:
		case 1:
			m.Company = last + " " + g.compoundWord()
		case 2:
			m.Company = g.compoundWord() + " " + pick(r, []string{"GmbH", "UG", "KG", "& Partner", "Studio", "Werkstatt"})
		default:
			m.Company = g.compoundWord() + " " + last
		}
		if r.IntN(10) < 7 {
			m.Role = pick(r, roles)
		}
		m.Location = cityNames[g.cityz.Uint64()]
		if r.IntN(6) == 0 {
			m.Location += "-" + pick(r, districts)
		}
		m.Mission = g.prose(15, 45, 300)
		m.Why = g.prose(30, 95, 600)
		if r.IntN(4) > 0 {
			m.IdealReferral = g.prose(10, 45, 300)
		}
		for k := 2 + r.IntN(5); k > 0; k-- {
			m.Offerings = append(m.Offerings, capitalise(g.phrase(1+r.IntN(4))))
		}
		for _, k := range r.Perm(len(cfg.Categories))[:1+r.IntN(3)] {
			m.Tags = append(m.Tags, cfg.Categories[k].ID)
		}
		if r.IntN(20) > 0 {
			m.Languages = append(m.Languages, "de")
		}
		if r.IntN(20) < 9 || len(m.Languages) == 0 {
			m.Languages = append(m.Languages, "en")
		}
		if r.IntN(8) == 0 {
			m.Languages = append(m.Languages, pick(r, []string{"fr", "tr", "pl", "it", "es", "ru", "ar", "nl"}))
		}
		if r.IntN(3) > 0 {
			m.Body = g.body()
		}
		ms = append(ms, m)
	}
	d, _ := member.NewDirectory(cfg, ms, nil, false)
	return d
}

type gen struct {
	r                              *rand.Rand
	common, compound, stopz, cityz *rand.Zipf
}

// word returns one word of running text: a stop word, a common word
// (often inflected) or a compound from the long tail.
func (g *gen) word() string {
	switch x := g.r.IntN(100); {
	case x < 42:
		return textStops[g.stopz.Uint64()]
	case x < 82:
		w := commonWords[g.common.Uint64()]
		if g.r.IntN(10) < 3 {
			w += pick(g.r, suffixes)
		}
		return w
	default:
		return g.compoundWord()
	}
}

func (g *gen) compoundWord() string {
	k := int(g.compound.Uint64())
	w := stemsA[k%len(stemsA)] + stemsB[k/len(stemsA)]
	if g.r.IntN(10) < 2 {
		w += pick(g.r, suffixes)
	}
	return capitalise(w)
}

func (g *gen) phrase(n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = g.word()
	}
	return strings.Join(ws, " ")
}

// prose returns sentences of min to max words, cut to limit characters.
func (g *gen) prose(min, max, limit int) string {
	n := min + g.r.IntN(max-min+1)
	var b strings.Builder
	for n > 0 {
		k := 5 + g.r.IntN(12)
		if k > n {
			k = n
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(capitalise(g.phrase(k)))
		b.WriteString(pick(g.r, []string{".", ".", ".", "!", ",", " –"}))
		n -= k
	}
	s := b.String()
	for len(s) > limit {
		s = s[:strings.LastIndexByte(s[:limit], ' ')]
	}
	return s
}

// body returns one to four paragraphs of Markdown: a heading, emphasis, a
// list, a link.
func (g *gen) body() string {
	var b strings.Builder
	for p := 1 + g.r.IntN(4); p > 0; p-- {
		switch g.r.IntN(5) {
		case 0:
			fmt.Fprintf(&b, "## %s\n\n", capitalise(g.phrase(2+g.r.IntN(3))))
		case 1:
			for k := 2 + g.r.IntN(3); k > 0; k-- {
				fmt.Fprintf(&b, "- **%s** %s\n", capitalise(g.phrase(2)), g.phrase(3+g.r.IntN(6)))
			}
			b.WriteByte('\n')
		}
		b.WriteString(g.prose(25, 80, 2000))
		if g.r.IntN(4) == 0 {
			fmt.Fprintf(&b, " Mehr auf [%s](https://www.%s.example/%s).", g.phrase(2), member.Slugify(g.compoundWord()), member.Slugify(g.word()))
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func capitalise(s string) string {
	for i, c := range s {
		return strings.ToUpper(string(c)) + s[i+len(string(c)):]
	}
	return s
}

var suffixes = []string{"e", "en", "er", "es", "s", "n", "ung", "ungen", "te", "ten", "lich", "heit", "keit", "ing", "ed"}

var firstNames = strings.Fields(`Jürgen Jörg Björn Sören Käthe Rüdiger Anne Bärbel Götz Maren Anja Katrin
Stefan Matthias Sabine Andrea Claudia Thomas Michael Ursula Monika Lena Lukas Leonie Maximilian Jonas
Hannah Sophie Felix Paul Emma Mia Ben Finn Laura Julia Tobias Sebastian Christina Daniel Nina Sarah
Florian Johannes Franziska Kerstin Birgit Heike Petra Frank Uwe Dirk Ralf Holger Susanne Nicole Tanja
Silke Émilie François Zoë Chloé Søren Åsa Małgorzata Łukasz Zoltán Miloš Tomáš Jiří Agnieszka Renée
Noël Ümit Özlem Gülşen Ayşe Mehmet Elif Can Luca Giulia Matteo Sofía Alejandro Inês João Niamh Seán
Ingrid Lars Mette Henrik Katarzyna Piotr Dorothée Jérôme Annika Friederike Wiebke Gesa Hauke Jannik
Merle Ole Fenja Leander Konstantin Vanessa Carolin Benedikt Theresa Quirin Änne Siobhan Aenne`)

var lastNames = strings.Fields(`Weiß Müller Mueller Schäfer Schröder Köhler Bäcker Groß Voß Strauß Jäger
Krüger Böhm Hübner Fuß Günther Möller Lüdtke Dörr Kößler Schmidt Schneider Fischer Weber Meyer Wagner
Becker Hoffmann Koch Richter Klein Wolf Neumann Schwarz Zimmermann Braun Hofmann Hartmann Lange
Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier Herrmann König Walter Mayer Huber
Kaiser Fuchs Peters Lang Scholz Jung Hahn Schubert Vogel Friedrich Keller Frank Berger Winkler Roth
Beck Lorenz Baumann Franke Albrecht Schuster Simon Ludwig Winter Kraus Martin Schumacher Krämer Vogt
Stein Otto Sommer Seidel Heinrich Brandt Haas Schreiber Graf Schulte Dietrich Ziegler Kuhn Kühn Pohl
Engel Horn Busch Bergmann Voigt Sauer Arnold Wolff Pfeiffer Nowak Kowalski Dubois Lefèvre Rossi
Bianchi García Fernández Novák Dvořák Horváth Nagy Jansen Nielsen Andersson Öztürk Yılmaz
Papadopoulos Łęcki Sørensen Thießen Nußbaum Rößler Grünewald Süßmuth Löffler Däubler Häußler Börner
Mählmann Hölscher Brückner Plaßmann Kleinschmidt Oberländer Terhörst Weissenfels Vossberg Okafor
Whitfield Görres Ostendorf Arslan Wüllenweber Kelly`)

var cityNames = strings.Fields(`Köln Bonn Düsseldorf Berlin Hamburg München Frankfurt Stuttgart Leipzig
Dortmund Essen Bremen Dresden Hannover Nürnberg Duisburg Bochum Wuppertal Bielefeld Münster Mannheim
Karlsruhe Augsburg Wiesbaden Mönchengladbach Braunschweig Kiel Aachen Lübeck Würzburg Saarbrücken
Osnabrück Göttingen Görlitz Fürth Tübingen Lüneburg Überlingen Gießen Jülich Regensburg Freiburg
Rostock Erfurt Siegburg Troisdorf Brühl Hürth Leverkusen Bergisch-Gladbach Königswinter Meckenheim
Rheinbach Euskirchen Wesseling Niederkassel Hennef Sankt-Augustin Pulheim Frechen Kerpen Wien Zürich`)

var districts = strings.Fields(`Ehrenfeld Nippes Deutz Beuel Sülz Lindenthal Mitte Nord Süd Altstadt
Bad-Godesberg Poppelsdorf Kalk Porz Rodenkirchen`)

var roles = []string{"Inhaberin", "Inhaber", "Geschäftsführerin", "Geschäftsführer", "Steuerberaterin",
	"Rechtsanwalt", "Fotografin", "Tischlermeister", "Beraterin", "Coach", "Designerin", "Entwickler",
	"Übersetzerin", "Physiotherapeutin", "Architekt", "Founder", "Managing Director", "Partnerin"}

var categoryList = []string{"Beratung & Coaching", "Gründung & Start-ups", "Steuern & Finanzen",
	"Recht", "Versicherungen & Vorsorge", "Immobilien", "Handwerk & Ausbau", "IT & Technik",
	"Web & Online", "Design & Marketing", "Fotografie & Film", "Sprache & Übersetzung", "Gesundheit",
	"Bildung & Training", "Events & Gastronomie", "Energie & Umwelt", "Personal & HR", "Handel",
	"Architektur", "Mobilität", "Pflege & Soziales", "Kunst & Kultur", "Sicherheit", "Logistik"}

var textStops = strings.Fields(`und die der ich in zu den das mit für sie ist von auf nicht ein eine
dass es sich wir auch im dem als an wie bei oder mich mir meine meinen aus sind so wenn nach
the and to of a in for with my i you that is our we on be are this your`)

var stemsA = strings.Fields(`steuer rechts finanz unternehmens marketing personal bau haus energie
immobilien versicherungs kunden gesundheits team projekt vertriebs web software daten netzwerk
familien gründungs nachfolge arbeits vertrags medien foto film text sprach übersetzungs design marken
kommunikations strategie prozess qualitäts sicherheits logistik handels hotel küchen garten holz
metall elektro sanitär heizungs dach fenster boden maler möbel licht klima wasser umwelt solar
wärme strom mobilitäts auto fahrrad reise event musik kunst kultur bildungs schul lern trainings
coaching führungs karriere lebens ernährungs sport physio pflege praxis zahn augen tier kinder
senioren frauen business online social digital print büro raum wohn miet kauf wert zukunfts
innovations wachstums kosten zeit wissens wirtschafts beratungs buchhaltungs lohn kanzlei verwaltungs
druck verpackungs produkt service`)

var stemsB = strings.Fields(`beratung planung berater beraterin management entwicklung analyse konzept
service technik lösung lösungen gestaltung begleitung betreuung training schulung workshop coaching
recht versicherung vorsorge optimierung sanierung bau ausbau installation wartung reparatur
fotografie fotograf fotografin design agentur studio werkstatt manufaktur kanzlei praxis büro
netzwerk strategie kommunikation prüfung bewertung vermittlung verwaltung buchhaltung abschluss
erklärung förderung finanzierung gründung nachfolge umsetzung digitalisierung automatisierung
sicherheit qualität marketing texte übersetzung moderation mediation therapie pflege`)

var commonWords = strings.Fields(`Kunden Unternehmen Menschen Arbeit Jahren Beratung Erfahrung helfe
begleite unterstütze gemeinsam Lösungen klar einfach persönlich Projekte Zusammenarbeit Vertrauen
Ziel Ziele Weg Fragen Antworten Zeit Qualität Team Netzwerk Empfehlung Empfehlungen Region Köln
Bonn Rhein Selbstständige Gründerinnen Gründer Betriebe Handwerk Familien Mittelstand GmbH
Steuer Steuern Recht Verträge Geld Zahlen Bilder Texte Website Marke Kommunikation digital Technik
Software Daten Sicherheit Gesundheit Energie Haus Wohnung Büro Praxis Kanzlei Werkstatt Studio
gute guten besten schnell zuverlässig ehrlich verständlich nachhaltig modern kreativ professionell
individuell langfristig regional international kleine kleinen mittlere große großen neue neuen
arbeite biete mache liebe glaube weiß sehe finde helfen beraten planen umsetzen entwickeln gestalten
erklären zuhören verstehen verbinden wachsen gründen bauen sanieren schreiben übersetzen fotografieren
Idee Ideen Zukunft Anfang Schritt Schritte Entscheidung Entscheidungen Mut Freude Leidenschaft
Motivation Vater Mutter Eltern Kindheit Studium Ausbildung Meister Meisterin Beruf Berufung Erfolg
Wachstum Veränderung Nachfolge Übergabe Strategie Plan Konzept Prozesse Abläufe Alltag Stress Ruhe
Klarheit Sicherheit Freiheit Verantwortung Qualität Handwerk Tradition Innovation Nachhaltigkeit
Umwelt Klima Mobilität Reisen Events Feiern Essen Küche Garten Holz Licht Farbe Raum Räume
Fotografie Fotografin Fotograf Film Video Design Grafik Logo Druck Text Lektorat Übersetzung
Sprache Sprachen Deutsch Englisch Türkisch Französisch Buchhaltung Jahresabschluss Lohn Versicherung
Vorsorge Rente Immobilie Immobilien Miete Kauf Verkauf Bewertung Finanzierung Förderung Bank
Coaching Training Workshop Seminar Vortrag Moderation Mediation Konflikt Konflikte Kommunikation
Führung Mitarbeitende Personal Recruiting Bewerbung Karriere Gesundheit Therapie Physiotherapie
Ernährung Sport Bewegung Pflege Senioren Kinder Jugendliche Schule Bildung Lernen Wissen
clients business people work years experience help together solutions clear simple personal
projects trust goals questions team network referral region small family growth strategy design
brand website photography translation coaching training health energy home office studio quality
honest reliable fast sustainable creative professional individual long international local`)
