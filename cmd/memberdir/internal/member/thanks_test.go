package member

import (
	"slices"
	"testing"
)

func TestPrivateDetail(t *testing.T) {
	for s, want := range map[string]string{
		"Ein Jahresabschluss, seitdem jedes Jahr.":           "",
		"Auftrag über 12.000 Euro, 2019-2024, ab 2025-03-01": "",
		"Termin am 01.02.2025 um 09:30, 3 Tage, 0,5 Stellen": "",
		"Projektnummer 4711-0815":                            "",
		"Die Kundin (kundin@example.de) ist begeistert":      "kundin@example.de",
		"anna.mueller@büro-köln.de":                          "anna.mueller@büro-köln.de",
		"kunde [at] example.de":                              "kunde [at] example.de",
		"kunde(at)example.de":                                "kunde(at)example.de",
		"Tel. 0221 1234567":                                  "0221 1234567",
		"Tel. 0221/123 45 67":                                "0221/123 45 67",
		"(0221) 12 34 56":                                    "(0221) 12 34 56",
		"+49 (0)171 2345678, abends":                         "+49 (0)171 2345678",
		"+4922112345":                                        "+4922112345",
		"am 01.02.2025 unter 0171-2345678":                   "0171-2345678",
	} {
		if got := PrivateDetail(s); got != want {
			t.Errorf("PrivateDetail(%q) = %q, want %q", s, got, want)
		}
	}
}

func thank(from *Member, line int, to, date string) *Thanks {
	d, key := ParseDate(date)
	if key != "" {
		panic(date)
	}
	th := &Thanks{Slug: to, Date: d, Pos: Pos{Path: from.Path, Line: line, Col: 13}, DatePos: Pos{Path: from.Path, Line: line + 1, Col: 11}}
	from.Thanks = append(from.Thanks, th)
	return th
}

func TestNewDirectoryThanks(t *testing.T) {
	for _, c := range []struct {
		lang string
		want []string
	}{
		{"en", []string{
			`content/members/anna.md:12:13: thanks.member: there is no member "bernd-schmid" — did you mean "bernd-schmidt"?`,
			`content/members/anna.md:14:13: thanks.member: you cannot thank yourself — remove this entry; thank the member whose referral brought you the business`,
			`content/members/anna.md:17:11: thanks.date: 2020-12 lies before you joined the network (member_since: 2021-03) — check the date; thank for referrals you got as a member`,
			`content/members/anna.md:19:11: thanks.date: 2021-06-30 lies before Bernd Schmidt joined the network (member_since: 2021-07) — check the date and the member; a referral comes from a member`,
			`content/members/dora.md:12:13: thanks.member: there is no member "zoe" — write the file name of a member without .md`,
		}},
		{"de", []string{
			`content/members/anna.md:12:13: thanks.member: es gibt kein Mitglied "bernd-schmid" — meintest du "bernd-schmidt"?`,
			`content/members/anna.md:14:13: thanks.member: du kannst dir nicht selbst danken — entferne diesen Eintrag; danke dem Mitglied, dessen Empfehlung dir das Geschäft gebracht hat`,
			`content/members/anna.md:17:11: thanks.date: 2020-12 liegt vor deinem Beitritt (member_since: 2021-03) — prüfe das Datum; danke für Empfehlungen, die du als Mitglied bekommen hast`,
			`content/members/anna.md:19:11: thanks.date: 2021-06-30 liegt vor dem Beitritt von Bernd Schmidt (member_since: 2021-07) — prüfe das Datum und das Mitglied; eine Empfehlung kommt von einem Mitglied`,
			`content/members/dora.md:12:13: thanks.member: es gibt kein Mitglied "zoe" — schreibe den Dateinamen eines Mitglieds ohne .md`,
		}},
	} {
		anna, bernd, carla, dora := mem("anna", "Anna"), mem("bernd-schmidt", "Bernd Schmidt"), mem("carla", "Carla"), mem("dora", "Dora")
		anna.MemberSince = Date{Year: 2021, Month: 3}
		bernd.MemberSince = Date{Year: 2021, Month: 7}
		carla.Draft = true // a thanks to a draft is no error, but not shown
		dora.Draft = true  // a draft's own mistakes are reported too
		thank(anna, 12, "bernd-schmid", "2022-01")
		thank(anna, 14, "anna", "2022-01")
		thank(anna, 16, "carla", "2020-12")
		thank(anna, 18, "bernd-schmidt", "2021-06-30")
		month := thank(anna, 20, "bernd-schmidt", "2021-07") // the month Bernd joined: not before
		day := thank(anna, 22, "bernd-schmidt", "2021-07-01")
		early := thank(anna, 24, "bernd-schmidt", "2021") // a year alone is load's to refuse; here it is not before
		thank(dora, 12, "zoe", "2022-01")
		fromCarla := thank(carla, 12, "anna", "2023-05")
		d, errs := NewDirectory(Config{Language: c.lang}, []*Member{anna, bernd, carla, dora}, nil, false)
		if got := errLines(errs); !slices.Equal(got, c.want) {
			t.Errorf("%s:\n%s\nwant\n%s", c.lang, join(got), join(c.want))
		}
		if !slices.Equal(anna.Thanks, []*Thanks{month, day, early}) { // in the order written
			t.Errorf("anna's thanks shown: %+v", anna.Thanks)
		}
		if !slices.Equal(bernd.ThankedBy, []*Thanks{early, month, day}) || month.From != anna || month.To != bernd {
			t.Errorf("bernd thanked by %+v", bernd.ThankedBy)
		}
		if len(anna.ThankedBy) != 0 || fromCarla.To != anna {
			t.Errorf("a draft's thanks is shown: anna thanked by %+v", anna.ThankedBy)
		}
		if len(d.Members) != 2 {
			t.Errorf("members %q", names(d.Members))
		}
	}
}

// TestThanksClone: a cached member keeps its thanks as loaded, without the
// links of the previous build.
func TestThanksClone(t *testing.T) {
	anna, bernd := mem("anna", "Anna"), mem("bernd", "Bernd")
	th := thank(anna, 12, "bernd", "2024-02")
	NewDirectory(Config{Language: "en"}, []*Member{anna, bernd}, nil, false)
	if th.To != bernd || len(bernd.ThankedBy) != 1 {
		t.Fatalf("not linked: %+v", th)
	}
	a, b := anna.Clone(), bernd.Clone()
	if len(a.Thanks) != 1 || a.Thanks[0] == th || a.Thanks[0].To != nil || a.Thanks[0].From != nil || a.Thanks[0].Slug != "bernd" || b.ThankedBy != nil {
		t.Errorf("clone: %+v, %+v", a.Thanks, b.ThankedBy)
	}
	NewDirectory(Config{Language: "en"}, []*Member{a, b}, nil, false)
	if a.Thanks[0].To != b || th.To != bernd || len(bernd.ThankedBy) != 1 {
		t.Errorf("linking the clone changed the original")
	}
}
