package load

import (
	"strings"
	"testing"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// thanksCases are the rules of thanks that one file can break; the ones
// across files (the member exists, the dates against member_since) are
// package member's. In validProfile with a thanks entry added, the entry
// starts on line 12, its member's value at column 13, date and note at
// column 11 of lines 13 and 14.
var thanksCases = []profileCase{
	{name: "thanks", edits: e("thanks:\n  - member: bernd\n    date: 2025-03\n    note: Ein Jahresabschluss, seitdem jedes Jahr.\n  - member: carla.md\n    date: 2025-11-04"), check: func(t *testing.T, m *member.Member) {
		if len(m.Thanks) != 2 {
			t.Fatalf("Thanks = %+v", m.Thanks)
		}
		a, b := m.Thanks[0], m.Thanks[1]
		if a.Slug != "bernd" || a.Date != (member.Date{Year: 2025, Month: 3}) || a.Note != "Ein Jahresabschluss, seitdem jedes Jahr." ||
			a.Pos != (member.Pos{Path: P, Line: 12, Col: 13}) || a.DatePos != (member.Pos{Path: P, Line: 13, Col: 11}) {
			t.Errorf("first thanks = %+v", a)
		}
		if b.Slug != "carla" || b.Date != (member.Date{Year: 2025, Month: 11, Day: 4}) || b.Note != "" {
			t.Errorf("second thanks = %+v", b)
		}
	}},
	{name: "thanks empty", edits: e("thanks:"), check: func(t *testing.T, m *member.Member) {
		if len(m.Thanks) != 0 {
			t.Errorf("Thanks = %+v", m.Thanks)
		}
	}},
	{name: "thanks, same member in two months", edits: e("thanks:\n  - member: bernd\n    date: 2025-03\n  - member: bernd\n    date: 2025-04")},
	{name: "thanks twice", edits: e("thanks:\n  - member: bernd\n    date: 2025-03\n  - member: bernd\n    date: 2025-03\n    note: Noch einmal."),
		want: e(P + `:14:13: thanks.member: "bernd" is thanked twice for 2025-03 — keep one entry, or write the date of the other referral`)},
	{name: "de: thanks twice", lang: "de", edits: e("thanks:\n  - member: bernd\n    date: 2025-03\n  - member: bernd.md\n    date: 2025-03"),
		want: e(P + `:14:13: thanks.member: "bernd" steht zweimal mit dem Datum 2025-03 — behalte einen Eintrag oder schreibe das Datum der anderen Empfehlung`)},
	{name: "thanks as text", edits: e("thanks: bernd"), want: e(P + `:11:9: thanks: must be a list of entries, each starting with "  - member: …"`)},
	{name: "thanks without date", edits: e("thanks:\n  - member: bernd"), want: e(P + `:12:5: thanks.date: is missing — add "date: …" indented under thanks`)},
	{name: "thanks without member", edits: e("thanks:\n  - date: 2025-03"), want: e(P + `:12:5: thanks.member: is missing — add "member: …" indented under thanks`)},
	{name: "thanks with a name", edits: e("thanks:\n  - member: Bernd Schmidt\n    date: 2025-03"), want: e(P + `:12:13: thanks.member: "Bernd Schmidt" is not a member's file name — write the name of their file without .md, as in the address /members/…/; probably "bernd-schmidt"`)},
	{name: "thanks datum", edits: e("thanks:\n  - member: bernd\n    datum: 2025-03"), want: e(
		P+`:12:5: thanks.date: is missing — add "date: …" indented under thanks`,
		P+`:13:5: thanks.datum: is not a known field — did you mean "date"?`)},
	{name: "thanks year only", edits: e("thanks:\n  - member: bernd\n    date: 2025"), want: e(P + `:13:11: thanks.date: "2025" names the year only — add the month, as YYYY-MM, e.g. 2025-03`)},
	{name: "de: thanks year only", lang: "de", edits: e("thanks:\n  - member: bernd\n    date: 2025"), want: e(P + `:13:11: thanks.date: "2025" nennt nur das Jahr — ergänze den Monat, als JJJJ-MM, z. B. 2025-03`)},
	{name: "thanks in the future", edits: e("thanks:\n  - member: bernd\n    date: 2199-01"), want: e(P + `:13:11: thanks.date: "2199-01" lies in the future — write the month the business came, e.g. 2025-03`)},
	{name: "thanks German date", edits: e("thanks:\n  - member: bernd\n    date: 14.03.2025"), want: e(P + `:13:11: thanks.date: "14.03.2025" is not a date in the expected form — write it as 2025-03-14`)},
	{name: "de: thanks month name", lang: "de", edits: e("thanks:\n  - member: bernd\n    date: März 2025"), want: e(P + `:13:11: thanks.date: "März 2025" ist kein Datum in der erwarteten Form — schreibe es als 2025-03`)},
	{name: "thanks no date", edits: e("thanks:\n  - member: bernd\n    date: letztes Frühjahr"), want: e(P + `:13:11: thanks.date: "letztes Frühjahr" is not a date — write the month the business came as YYYY-MM or YYYY-MM-DD, e.g. 2025-03`)},
	{name: "thanks since year", edits: e("thanks:\n  - member: bernd\n    date: seit 2025"), want: e(P + `:13:11: thanks.date: "seit 2025" is not a date — write the month the business came as YYYY-MM or YYYY-MM-DD, e.g. 2025-03`)},
	{name: "thanks empty date", edits: e("thanks:\n  - member: bernd\n    date:"), want: e(P + `:13:10: thanks.date: is empty — write it after "date: "`)},
	{name: "thanks 13th month", edits: e("thanks:\n  - member: bernd\n    date: 2025-13"), want: e(P + `:13:11: thanks.date: "2025-13" is not a date — write the month the business came as YYYY-MM or YYYY-MM-DD, e.g. 2025-03`)},
	{name: "thanks note with e-mail", edits: e("thanks:\n  - member: bernd\n    date: 2025-03\n    note: Die Kundin (kundin@example.de) ist begeistert."),
		want: e(P + `:14:11: thanks.note: the note contains an e-mail address or phone number (kundin@example.de) — your clients' details stay private: remove it and describe the business in words`),
		check: func(t *testing.T, m *member.Member) {
			// Kept without the note, for the checks across files.
			if len(m.Thanks) != 1 || m.Thanks[0].Slug != "bernd" || m.Thanks[0].Note != "" {
				t.Errorf("Thanks = %+v", m.Thanks)
			}
		}},
	{name: "thanks note with (at)", edits: e("thanks:\n  - member: bernd\n    date: 2025-03\n    note: Schreib an kunde (at) example.de"),
		want: e(P + `:14:11: thanks.note: the note contains an e-mail address or phone number (kunde (at) example.de) — your clients' details stay private: remove it and describe the business in words`)},
	{name: "de: thanks note with phone", lang: "de", edits: e("thanks:\n  - member: bernd\n    date: 2025-03\n    note: Rückruf unter 0221 / 123 45 67 erbeten"),
		want: e(P + `:14:11: thanks.note: die Notiz enthält eine E-Mail-Adresse oder Telefonnummer (0221 / 123 45 67) — die Daten deiner Kundschaft bleiben privat: entferne sie und beschreibe das Geschäft in Worten`)},
	{name: "thanks note with international phone", edits: e("thanks:\n  - member: bernd\n    date: 2025-03\n    note: \"Herr K., +49 (0)171 2345678\""),
		want: e(P + `:14:11: thanks.note: the note contains an e-mail address or phone number (+49 (0)171 2345678) — your clients' details stay private: remove it and describe the business in words`)},
	{name: "thanks note with numbers that are none", edits: e("thanks:\n  - member: bernd\n    date: 2025-03\n    note: Auftrag über 12.000 Euro, Projekt 2019-2024, Start 2025-03-01, 100 % zufrieden")},
	{name: "thanks note with stars", edits: e("thanks:\n  - member: bernd\n    date: 2025-03\n    note: Ein **großer** Auftrag"),
		want: e(P + `:14:11: thanks.note: stars make bold or italic text only in the text below the front matter; here they would be shown as they are — write: Ein großer Auftrag`)},
	{name: "thanks note 201 characters", edits: e("thanks:\n  - member: bernd\n    date: 2025-03\n    note: " + strings.Repeat("ä", 201)),
		want: e(P + `:14:11: thanks.note: is 201 characters long, at most 200 are allowed — shorten it`)},
	{name: "thanks note 200 characters", edits: e("thanks:\n  - member: bernd\n    date: 2025-03\n    note: " + strings.Repeat("ä", 200))},
	{name: "thanks note with a control character", edits: e("thanks:\n  - member: bernd\n    date: 2025-03\n    note: \"Danke\\u202e!\""),
		want: e(P + `:14:11: thanks.note: contains an invisible control character — retype the text`)},
	{name: "danke for thanks", edits: e("danke:\n  - member: bernd\n    date: 2025-03"), want: e(P + `:11:1: danke: is not a known field — did you mean "thanks"?`)},
}

func TestThanks(t *testing.T) {
	for _, c := range thanksCases {
		t.Run(c.name, func(t *testing.T) {
			m, errs := Profile(P, c.data(), c.config())
			diffLines(t, lines(errs), c.want)
			if c.check != nil && m != nil {
				c.check(t, m)
			}
		})
	}
}
