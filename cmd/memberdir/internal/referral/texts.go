package referral

import "text/template"

// DefaultTexts returns the bundled texts for lang ("de" or "en"; any other
// value gets the German ones, German being a directory's default language).
// A site's config.yaml replaces them field by field.
func DefaultTexts(lang string) Texts {
	if lang == "en" {
		return english
	}
	return german
}

// bundled holds the default texts parsed once, by language. Parsing a
// constant cannot fail at run time; the tests execute every one.
var bundled = map[string][nslots]*template.Template{
	"de": parse(german),
	"en": parse(english),
}

func parse(t Texts) [nslots]*template.Template {
	var out [nslots]*template.Template
	for i, src := range t.slots() {
		out[i] = template.Must(template.New(slotKeys[i]).Parse(src))
	}
	return out
}

// who is the member's name followed by role and company in parentheses,
// as far as the member gave them: "Anna Müller (Steuerberaterin, Müller
// Steuerberatung)".
const who = `{{.Member.Name}}{{with .Member.Role}} ({{.}}{{with $.Member.Company}}, {{.}}{{end}}){{else}}{{with .Member.Company}} ({{.}}){{end}}{{end}}`

// german holds the German texts. The referrer writes to their client, whom
// they address with "Sie": the introduction is a business e-mail, often to
// someone the referrer works for, and "Sie" is never wrong there, while an
// unwanted "du" can be. A referrer on first-name terms changes the draft in
// their mail program. The "…" after "Hallo" and under the greeting are for
// the referrer to fill in.
var german = Texts{
	Subject: `Vorstellung: {{.Member.Name}}{{with .Member.Company}} ({{.}}){{end}}`,
	Body: `Hallo …,

ich möchte Sie gern mit ` + who + ` bekannt machen. Ich kenne {{.Member.Name}} aus meinem Netzwerk und glaube, dass Sie beide gut zusammenpassen.{{if .Cc}} {{.Member.Name}} liest in Kopie mit.{{end}}
{{with .Member.Mission}}
Was {{$.Member.Name}} macht:
{{.}}
{{end}}{{with .Member.Why}}
Was {{$.Member.Name}} antreibt:
{{.}}
{{end}}{{with .Member.IdealReferral}}
Eine gute Empfehlung für {{$.Member.Name}} ist:
{{.}}
{{end}}
So erreichen Sie {{.Member.Name}}:
{{with .Member.Email}}E-Mail: {{.}}
{{end}}{{with .Member.Phone}}Telefon: {{.}}
{{end}}{{with .Member.Website}}Website: {{.}}
{{end}}{{with .Member.ProfileURL}}Profil: {{.}}
{{end}}
Ich bin sicher, dass sich ein Gespräch für Sie beide lohnt.

Viele Grüße
…
`,
	CardBody: `Hallo …,

ich möchte Sie gern mit ` + who + ` bekannt machen.{{if .Cc}} {{.Member.Name}} liest in Kopie mit.{{end}}
{{with .Member.ProfileURL}}
Mehr über {{$.Member.Name}}: {{.}}
{{end}}
Viele Grüße
…
`,
	AskSubject: `Darf ich Sie mit {{.Member.Name}} bekannt machen?`,
	AskBody: `Hallo …,

ich kenne ` + who + ` aus meinem Netzwerk und glaube, dass ein Kontakt für Sie interessant sein könnte.
{{with .Member.Mission}}
Was {{$.Member.Name}} macht:
{{.}}
{{end}}{{with .Member.ProfileURL}}
Mehr steht im Profil: {{.}}
{{end}}
Darf ich Sie beide miteinander bekannt machen? Wenn Sie einverstanden sind, schreibe ich Ihnen und {{.Member.Name}} eine kurze gemeinsame E-Mail.

Viele Grüße
…
`,
	ContactSubject: `Kontakt über {{with .Site.Title}}{{.}}{{else}}das Mitgliederverzeichnis{{end}}`,
}

// english holds the English texts, with the same structure as the German
// ones.
var english = Texts{
	Subject: `Introduction: {{.Member.Name}}{{with .Member.Company}} ({{.}}){{end}}`,
	Body: `Hello …,

I would like to introduce you to ` + who + `. I know {{.Member.Name}} through my network and I think the two of you are a good fit.{{if .Cc}} {{.Member.Name}} is copied in on this e-mail.{{end}}
{{with .Member.Mission}}
What {{$.Member.Name}} does:
{{.}}
{{end}}{{with .Member.Why}}
What drives {{$.Member.Name}}:
{{.}}
{{end}}{{with .Member.IdealReferral}}
A good referral for {{$.Member.Name}} is:
{{.}}
{{end}}
How to reach {{.Member.Name}}:
{{with .Member.Email}}E-mail: {{.}}
{{end}}{{with .Member.Phone}}Phone: {{.}}
{{end}}{{with .Member.Website}}Website: {{.}}
{{end}}{{with .Member.ProfileURL}}Profile: {{.}}
{{end}}
I am sure a conversation will be worthwhile for both of you.

Best regards
…
`,
	CardBody: `Hello …,

I would like to introduce you to ` + who + `.{{if .Cc}} {{.Member.Name}} is copied in on this e-mail.{{end}}
{{with .Member.ProfileURL}}
More about {{$.Member.Name}}: {{.}}
{{end}}
Best regards
…
`,
	AskSubject: `May I introduce you to {{.Member.Name}}?`,
	AskBody: `Hello …,

I know ` + who + ` through my network and I think getting in touch could be worthwhile for you.
{{with .Member.Mission}}
What {{$.Member.Name}} does:
{{.}}
{{end}}{{with .Member.ProfileURL}}
There is more in the profile: {{.}}
{{end}}
May I introduce the two of you? If you agree, I will write a short e-mail to you and {{.Member.Name}}.

Best regards
…
`,
	ContactSubject: `Contact via {{with .Site.Title}}{{.}}{{else}}the member directory{{end}}`,
}
