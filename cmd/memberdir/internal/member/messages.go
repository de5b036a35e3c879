package member

import (
	"fmt"
	"strconv"
	"strings"
)

// messages holds every text a member or organiser may see about their
// content, in English and German. Each says what is wrong and how to fix it.
var messages = map[string][2]string{
	// File level.
	"file.toolarge":     {"the file is %s, larger than the limit of %s — shorten the text; long stories belong on your own website", "die Datei ist %s groß, erlaubt sind höchstens %s — kürze den Text; lange Geschichten gehören auf deine eigene Website"},
	"file.moreerrors":   {"and %d more problems in this file — fix the ones above first", "und %d weitere Probleme in dieser Datei — behebe zuerst die obigen"},
	"file.symlink":      {"is a symbolic link — profiles, pages and photos must be plain files", "ist eine symbolische Verknüpfung — Profile, Seiten und Fotos müssen normale Dateien sein"},
	"file.empty":        {"the file is empty — start it with a line \"---\", then name: …, mission: …, and close with \"---\"", "die Datei ist leer — beginne mit einer Zeile \"---\", dann name: …, mission: … und schließe mit \"---\""},
	"file.utf8":         {"the file is not valid UTF-8 text (here is the first character that is not) — save it again as UTF-8", "die Datei ist kein gültiger UTF-8-Text (hier steht das erste Zeichen, das keins ist) — speichere sie noch einmal als UTF-8"},
	"file.utf16":        {"the file is saved as UTF-16 (\"Unicode\") — save it again as UTF-8", "die Datei ist als UTF-16 (\"Unicode\") gespeichert — speichere sie noch einmal als UTF-8"},
	"file.binary":       {"the file is not text but a %s file — a profile is a text file that starts with a line \"---\"; a photo goes next to the profile as .jpg or .png and is named under photo:", "die Datei ist kein Text, sondern eine %s-Datei — ein Profil ist eine Textdatei, die mit einer Zeile \"---\" beginnt; ein Foto kommt als .jpg oder .png neben das Profil und wird unter photo: genannt"},
	"body.toolong":      {"the text below the front matter is %s, more than %s — shorten it; a long story belongs on your own website, linked from here", "der Text unter dem Kopfteil ist %s groß, erlaubt sind höchstens %s — kürze ihn; eine lange Geschichte gehört auf deine eigene Website, von hier verlinkt"},
	"body.nested":       {"quotes or lists are nested %d deep in this line, more than %d — remove most of the \">\" and list markers at its start", "Zitate oder Listen sind in dieser Zeile %d-fach verschachtelt, mehr als %d — entferne die meisten \">\" und Listenzeichen am Zeilenanfang"},
	"body.brackets":     {"the text has more than %d square brackets \"[\" — Markdown reads each as the start of a link; remove the ones that are not", "der Text hat mehr als %d eckige Klammern \"[\" — Markdown liest jede als Anfang eines Links; entferne die, die keiner sind"},
	"body.delims":       {"this paragraph has more than %d of the characters * _ ~ — Markdown reads each as the start or end of bold, italic or struck-out text; remove the ones that are not, or split the paragraph with empty lines", "dieser Absatz hat mehr als %d der Zeichen * _ ~ — Markdown liest jedes als Anfang oder Ende von fettem, kursivem oder durchgestrichenem Text; entferne die, die keins sind, oder teile den Absatz mit Leerzeilen"},
	"body.links":        {"the text has more than %d links — keep the ones that matter", "der Text hat mehr als %d Links — behalte die wichtigen"},
	"body.field":        {"%q looks like a field, but it stands below the line \"---\" on line %d that ends the front matter, so it is shown as text — move it above that line (if that \"---\" is a stray line in the middle of your fields, delete it)", "%q sieht aus wie ein Feld, steht aber unter der Zeile \"---\" in Zeile %d, die den Kopfbereich beendet, und wird deshalb als Text angezeigt — verschiebe es über diese Zeile (wenn dieses \"---\" versehentlich mitten zwischen deinen Feldern steht, lösche es)"},
	"body.fields":       {"%q and the lines below it up to line %d look like fields, but they stand below the line \"---\" on line %d that ends the front matter, so they are shown as text — move them above that line (if that \"---\" is a stray line in the middle of your fields, delete it)", "%q und die Zeilen darunter bis Zeile %d sehen aus wie Felder, stehen aber unter der Zeile \"---\" in Zeile %d, die den Kopfbereich beendet, und werden deshalb als Text angezeigt — verschiebe sie über diese Zeile (wenn dieses \"---\" versehentlich mitten zwischen deinen Feldern steht, lösche es)"},
	"body.stray":        {"this line \"---\" ends the front matter too early, so the fields from line %d on are shown as text — delete this line; the front matter then ends at the \"---\" on line %d", "diese Zeile \"---\" beendet den Kopfbereich zu früh, deshalb werden die Felder ab Zeile %d als Text angezeigt — lösche diese Zeile; der Kopfbereich endet dann mit dem \"---\" in Zeile %d"},
	"body.twice":        {"the front matter seems to be pasted twice: %q is already set on line %d — delete everything from line %d on that repeats it", "der Kopfbereich scheint doppelt eingefügt zu sein: %q steht schon in Zeile %d — lösche ab Zeile %d alles, was ihn wiederholt"},
	"body.html":         {"HTML is not shown on the page (%s) — write Markdown instead: **bold**, *italic*, [link](https://…), or plain text", "HTML wird auf der Seite nicht angezeigt (%s) — schreibe stattdessen Markdown: **fett**, *kursiv*, [Link](https://…) oder einfachen Text"},
	"body.htmlblock":    {"HTML is not shown on the page (%s), nor is the text from here to the next empty line — write Markdown instead: **bold**, *italic*, [link](https://…), or plain text", "HTML wird auf der Seite nicht angezeigt (%s), und auch der Text von hier bis zur nächsten Leerzeile fehlt — schreibe stattdessen Markdown: **fett**, *kursiv*, [Link](https://…) oder einfachen Text"},
	"body.link":         {"%q is not an address on the web, so the link leads nowhere — write the full address, starting with https://", "%q ist keine Adresse im Web, der Link führt also ins Leere — schreibe die vollständige Adresse, beginnend mit https://"},
	"body.linkpage":     {"%q is not an address on the web, so the link leads nowhere — write the full address, starting with https://, or for a page of this site its path, starting with \"/\", e.g. /about/", "%q ist keine Adresse im Web, der Link führt also ins Leere — schreibe die vollständige Adresse, beginnend mit https://, oder für eine Seite dieser Website ihren Pfad, beginnend mit \"/\", z. B. /impressum/"},
	"body.image":        {"images in the text are not shown, and %q is not an address on the web — remove the image; your photo goes under photo: in the front matter", "Bilder im Text werden nicht angezeigt, und %q ist keine Adresse im Web — entferne das Bild; dein Foto gehört unter photo: in den Kopfbereich"},
	"body.placeholder":  {"this is the sample text that memberdir new wrote, and it would go live as it is — replace it with your own story (how you work, what you have done, what makes you different), or delete it: the text below the front matter is optional", "das ist der Beispieltext, den memberdir new geschrieben hat, und er würde so veröffentlicht — ersetze ihn durch deine eigene Geschichte (wie du arbeitest, was du schon gemacht hast, was dich ausmacht) oder lösche ihn: der Text unter dem Kopfbereich ist freiwillig"},
	"value.placeholder": {"%q is the explanation of a field, not your own text — write what it asks for here, in your own words (or leave the value empty: \"\")", "%q ist die Erklärung eines Felds, nicht dein eigener Text — schreibe hier, wonach sie fragt, in deinen eigenen Worten (oder lass den Wert leer: \"\")"},
	"value.samplephone": {"%q is the sample number from the explanation, not yours — write your own number, e.g. +49 and your area code without its 0", "%q ist die Beispielnummer aus der Erklärung, nicht deine — schreibe deine eigene Nummer, z. B. +49 und deine Vorwahl ohne die 0"},
	"body.mailto":       {"%q is an e-mail address without mailto: — write mailto:%s", "%q ist eine E-Mail-Adresse ohne mailto: — schreibe mailto:%s"},
	"text.emphasis":     {"stars make bold or italic text only in the text below the front matter; here they would be shown as they are — write: %s", "Sterne machen nur im Text unter dem Kopfbereich fett oder kursiv; hier würden sie so angezeigt — schreibe: %s"},
	"text.entity":       {"this is HTML code (like &amp;), which would be shown as it is — write the characters themselves: %s", "das ist HTML-Code (wie &amp;), der so angezeigt würde — schreibe die Zeichen selbst: %s"},
	"text.hidden":       {"here is an invisible control character (%s) — delete the text around it and type it again", "hier steht ein unsichtbares Steuerzeichen (%s) — lösche den Text drumherum und tippe ihn neu"},
	"fm.missing":        {"the file does not start with front matter — the first line must be exactly \"---\"", "die Datei beginnt nicht mit dem Kopfbereich — die erste Zeile muss genau \"---\" lauten"},
	"fm.notfirst":       {"the front matter must start on the first line — remove the %d line(s) before \"---\"", "der Kopfbereich muss in der ersten Zeile beginnen — entferne die %d Zeile(n) vor \"---\""},
	"fm.unclosed":       {"the front matter is not closed — add a line \"---\" after the last field", "der Kopfbereich ist nicht abgeschlossen — füge nach dem letzten Feld eine Zeile \"---\" ein"},
	"fm.baddelim":       {"this line seems meant to start or end the front matter, which takes a line of exactly three plain dashes — write ---", "diese Zeile soll wohl den Kopfbereich beginnen oder beenden; dafür braucht es eine Zeile aus genau drei einfachen Bindestrichen — schreibe ---"},
	"fm.notmap":         {"the front matter must be a list of \"field: value\" lines", "der Kopfbereich muss aus Zeilen der Form \"feld: wert\" bestehen"},
	"slug.invalid":      {"the file name %q is not a valid address — rename it to %q (lowercase a-z, 0-9 and dashes)", "der Dateiname %q ist keine gültige Adresse — benenne die Datei in %q um (nur a-z, 0-9 und Bindestriche)"},
	"slug.invalidnone":  {"the file name %q is not a valid address — use lowercase a-z, 0-9 and dashes, e.g. anna-mueller.md", "der Dateiname %q ist keine gültige Adresse — verwende nur a-z, 0-9 und Bindestriche, z. B. anna-mueller.md"},
	"file.ext":          {"%q is not a profile — profiles are Markdown files; rename it to %q", "%q ist kein Profil — Profile sind Markdown-Dateien; benenne die Datei in %q um"},
	"file.doc":          {"%q is a document, not a profile — a profile is a text file; copy the text into a new file %q written like the other profiles", "%q ist ein Dokument, kein Profil — ein Profil ist eine Textdatei; kopiere den Text in eine neue Datei %q, aufgebaut wie die anderen Profile"},
	"file.nested":       {"profiles in a folder are not read — move the file to content/members/%s (to hide a profile, write draft: true in it; a folder whose name starts with _ is skipped)", "Profile in einem Unterordner werden nicht gelesen — verschiebe die Datei nach content/members/%s (um ein Profil zu verbergen, schreibe draft: true hinein; ein Ordner, dessen Name mit _ beginnt, wird übersprungen)"},
	"file.extpage":      {"%q is not read as a page — pages are Markdown files; rename it to %q", "%q wird nicht als Seite gelesen — Seiten sind Markdown-Dateien; benenne die Datei in %q um"},
	"file.nestedpage":   {"pages in a folder are not read — move the file to content/pages/%s", "Seiten in einem Unterordner werden nicht gelesen — verschiebe die Datei nach content/pages/%s"},
	"file.astray":       {"is not read: profiles go into content/members/ and pages into content/pages/ — move a profile to content/members/%s", "wird nicht gelesen: Profile gehören nach content/members/, Seiten nach content/pages/ — verschiebe ein Profil nach content/members/%s"},
	"file.noname":       {"the file has no name, only the extension .md — name it after the member, e.g. anna-mueller.md", "die Datei hat keinen Namen, nur die Endung .md — benenne sie nach dem Mitglied, z. B. anna-mueller.md"},
	"page.sample":       {"%q is still the sample text from memberdir init — write your network's details here, as the law requires of an imprint", "%q ist noch der Beispieltext aus memberdir init — schreibe hier die Angaben deines Netzwerks, wie das Gesetz es für ein Impressum verlangt"},
	"page.menu":         {"%q is not a menu — write header, footer or remove the line", "%q ist kein Menü — schreibe header, footer oder entferne die Zeile"},
	"page.weight":       {"%q is not a whole number — write e.g. weight: 10", "%q ist keine ganze Zahl — schreibe z. B. weight: 10"},
	"page.stub":         {"this page is still a stub from memberdir init and would go live as it is — replace the text below the front matter with your own, then delete this line", "diese Seite ist noch ein Entwurf aus memberdir init und würde so veröffentlicht — ersetze den Text unter dem Kopfbereich durch deinen eigenen und lösche dann diese Zeile"},
	"page.stubimprint":  {"this page is still a stub from memberdir init and would go live as it is — replace the text below the front matter with your legal notice (who runs the site: name, postal address, e-mail, who represents it, register entry; in Germany § 5 DDG), then delete this line", "diese Seite ist noch ein Entwurf aus memberdir init und würde so veröffentlicht — ersetze den Text unter dem Kopfbereich durch dein Impressum (wer die Website betreibt: Name, Anschrift, E-Mail, Vertretung, Registereintrag; § 5 DDG) und lösche dann diese Zeile"},
	"page.stubprivacy":  {"this page is still a stub from memberdir init and would go live as it is — replace the text below the front matter with your privacy policy (who is responsible, which host serves the site and what its server logs keep, the visitors' rights), then delete this line", "diese Seite ist noch ein Entwurf aus memberdir init und würde so veröffentlicht — ersetze den Text unter dem Kopfbereich durch deine Datenschutzerklärung (wer verantwortlich ist, welcher Hoster die Seite ausliefert und was seine Server-Protokolle speichern, welche Rechte die Besucher haben) und lösche dann diese Zeile"},
	"slug.case":         {"%q and %q differ only in upper and lower case — they would get the same address; keep one", "%q und %q unterscheiden sich nur in Groß- und Kleinschreibung — sie bekämen dieselbe Adresse; behalte nur eine"},

	// YAML syntax.
	"yaml.tab":         {"a tab is used for indentation — YAML needs spaces; replace the tab with two spaces", "ein Tabulator wird zum Einrücken verwendet — YAML braucht Leerzeichen; ersetze den Tabulator durch zwei Leerzeichen"},
	"yaml.space":       {"here is a special space (%s, e.g. a non-breaking space copied from Word or a web page) where YAML needs an ordinary one — delete it and type a normal space", "hier steht ein besonderes Leerzeichen (%s, z. B. ein geschütztes Leerzeichen aus Word oder einer Webseite), wo YAML ein normales braucht — lösche es und tippe ein normales Leerzeichen"},
	"yaml.afterquote":  {"the value ends at its closing quote, and %q after it cannot be read — put the whole value in the quotes: %s (or, if the quotes belong to the text: %s)", "der Wert endet mit seinem schließenden Anführungszeichen, und %q dahinter kann nicht gelesen werden — setze den ganzen Wert in die Anführungszeichen: %s (oder, wenn die Anführungszeichen zum Text gehören: %s)"},
	"yaml.colon":       {"the value contains \": \" — put the whole value in double quotes: %s: \"…\"", "der Wert enthält \": \" — setze den ganzen Wert in Anführungszeichen: %s: \"…\""},
	"yaml.itemfield":   {"%q belongs to the list item above — put it under %q, with %d spaces before it", "%q gehört zum Listenpunkt darüber — setze es unter %q, mit %d Leerzeichen davor"},
	"yaml.itemleft":    {"this list item stands at the left edge, where only fields stand — put %d spaces before its \"-\", as the items above", "dieser Listenpunkt steht am linken Rand, wo nur Felder stehen — setze %d Leerzeichen vor sein \"-\", wie bei den Punkten darüber"},
	"yaml.innerquote":  {"the value's quotes also stand inside it, so YAML sees it end early — write %s", "die Anführungszeichen des Werts stehen auch in ihm, deshalb sieht YAML ihn zu früh enden — schreibe %s"},
	"yaml.nospace":     {"a space is missing after the colon — write %q", "nach dem Doppelpunkt fehlt ein Leerzeichen — schreibe %q"},
	"yaml.syntax":      {"the line cannot be read (%s) — check indentation, colons and quotes", "die Zeile kann nicht gelesen werden (%s) — prüfe Einrückung, Doppelpunkte und Anführungszeichen"},
	"yaml.duplicate":   {"the field appears twice (first on line %d) — keep only one", "das Feld steht zweimal da (zuerst in Zeile %d) — behalte nur eines"},
	"yaml.star":        {"list items start with a dash, not a star — write \"- %s\"", "Listenpunkte beginnen mit einem Bindestrich, nicht mit einem Stern — schreibe \"- %s\""},
	"yaml.numbered":    {"list items start with a dash, not a number — write \"- %s\"", "Listenpunkte beginnen mit einem Bindestrich, nicht mit einer Zahl — schreibe \"- %s\""},
	"yaml.bullet":      {"list items start with the plain hyphen \"-\" of the keyboard, not a long dash or a bullet — write \"- %s\"", "Listenpunkte beginnen mit dem einfachen Bindestrich \"-\" der Tastatur, nicht mit einem langen Strich oder Aufzählungspunkt — schreibe \"- %s\""},
	"yaml.dashspace":   {"a space is missing after the dash — write \"- %s\"", "nach dem Bindestrich fehlt ein Leerzeichen — schreibe \"- %s\""},
	"yaml.block":       {"after %s the text must start on the next line, indented by two spaces — or leave out the %s: %s", "nach %s muss der Text in der nächsten Zeile beginnen, mit zwei Leerzeichen eingerückt — oder lass das %s weg: %s"},
	"yaml.reserved":    {"a value cannot start with %s — put the whole value in double quotes: \"%s\"", "ein Wert kann nicht mit %s beginnen — setze den ganzen Wert in Anführungszeichen: \"%s\""},
	"yaml.ownerat":     {"a GitHub user name is written without @ — write owner: %s", "ein GitHub-Benutzername steht ohne @ da — schreibe owner: %s"},
	"yaml.indentfirst": {"the first field %q is indented, unlike the fields below it, and then they are not read — remove the spaces before it", "das erste Feld %q ist eingerückt, anders als die Felder darunter, und dann werden diese nicht gelesen — entferne die Leerzeichen davor"},
	"yaml.continue":    {"this line has no field name with a colon, so it is not a field — if it continues the text of %s above, put %d spaces before it; if it is a field of its own, write its name and a colon first", "in dieser Zeile steht kein Feldname mit Doppelpunkt, deshalb ist sie kein Feld — gehört sie zum Text von %s darüber, setze %d Leerzeichen davor; ist sie ein eigenes Feld, schreibe zuerst seinen Namen und einen Doppelpunkt"},
	"yaml.nextitem":    {"this line has no field name with a colon, so it is not a field — if it is another item of the list above, write %q", "in dieser Zeile steht kein Feldname mit Doppelpunkt, deshalb ist sie kein Feld — ist sie ein weiterer Punkt der Liste darüber, schreibe %q"},
	"yaml.indentlost":  {"%q lost its indentation: it belongs under %q, like the lines below it — put %d spaces before it", "%q hat seine Einrückung verloren: es gehört unter %q, wie die Zeilen darunter — setze %d Leerzeichen davor"},
	"yaml.indentmore":  {"%q is indented more than %q in the line before — put %d spaces before it, as there", "%q ist weiter eingerückt als %q in der Zeile davor — setze %d Leerzeichen davor, wie dort"},
	"yaml.indentmore0": {"%q is indented, unlike %q in the line before — remove the spaces before it", "%q ist eingerückt, anders als %q in der Zeile davor — entferne die Leerzeichen davor"},
	"yaml.itemdeeper":  {"this item is indented more than the one above, so it is read as part of that one — put its \"-\" under the others", "dieser Punkt ist weiter eingerückt als der darüber und wird deshalb als Teil von ihm gelesen — setze sein \"-\" unter die der anderen"},
	"yaml.quote":       {"the quote %s is never closed — add it again at the end of the value", "das Anführungszeichen %s wird nicht geschlossen — setze es auch ans Ende des Werts"},
	"yaml.hashtag":     {"the text from %s on is read as a comment and left out — put the whole value in double quotes", "der Text ab %s wird als Kommentar gelesen und weggelassen — setze den ganzen Wert in Anführungszeichen"},
	"yaml.alias":       {"YAML anchors and aliases (& and *) are not allowed in profiles — write the value out", "YAML-Anker und -Aliase (& und *) sind in Profilen nicht erlaubt — schreibe den Wert aus"},
	"yaml.toodeep":     {"the value is nested too deeply — profiles use at most three levels", "der Wert ist zu tief verschachtelt — Profile haben höchstens drei Ebenen"},
	// The parts of an indentation message: how far a line is indented.
	"yaml.spaces":      {"%d spaces", "%d Leerzeichen"},
	"yaml.onespace":    {"1 space", "1 Leerzeichen"},
	"yaml.indented":    {"is indented by %s", "ist mit %s eingerückt"},
	"yaml.notindented": {"is not indented", "ist nicht eingerückt"},
	"yaml.indentabove": {"%q %s — indent it by exactly %s, like %q above it", "%q %s — rücke es mit genau %s ein, wie %q darüber"},
	"yaml.indentbelow": {"%q %s — indent it by exactly %s, like %q below it", "%q %s — rücke es mit genau %s ein, wie %q darunter"},
	"yaml.leftabove":   {"%q %s — remove the spaces before it, so that it starts at the left edge like %q above it", "%q %s — entferne die Leerzeichen davor, damit es wie %q darüber am linken Rand steht"},
	"yaml.leftbelow":   {"%q %s — remove the spaces before it, so that it starts at the left edge like %q below it", "%q %s — entferne die Leerzeichen davor, damit es wie %q darunter am linken Rand steht"},
	"yaml.disagree":    {"line %d and line %d disagree: %q %s, %q %s — find out which of the two is wrong and indent it like the lines it belongs with", "Zeile %d und Zeile %d passen nicht zusammen: %q %s, %q %s — prüfe, welche der beiden falsch ist, und rücke sie so weit ein wie die Zeilen, zu denen sie gehört"},

	// Fields.
	"field.indent":        {"belongs under \"%s:\" — indent it with two spaces", "gehört unter \"%s:\" — rücke die Zeile mit zwei Leerzeichen ein"},
	"field.outdent":       {"%q does not belong to %q: it is a field of its own — remove the %d spaces before it, so that it starts at the left edge", "%q gehört nicht zu %q, sondern ist ein eigenes Feld — entferne die %d Leerzeichen davor, damit es am linken Rand steht"},
	"field.subword":       {"is not a field of its own — write it as \"%s:\" under \"%s:\", indented by two spaces", "ist kein eigenes Feld — schreibe es als \"%s:\" unter \"%s:\", mit zwei Leerzeichen eingerückt"},
	"field.unknown":       {"is not a known field%s", "ist kein bekanntes Feld%s"},
	"field.unknownhint":   {" — remove it or check its spelling", " — entferne es oder prüfe die Schreibweise"},
	"field.required":      {"is missing — add a line \"%s: …\"", "fehlt — füge eine Zeile \"%s: …\" hinzu"},
	"field.requiredsub":   {"is missing — add \"%s: …\" indented under %s", "fehlt — füge \"%s: …\" eingerückt unter %s hinzu"},
	"field.empty":         {"is empty — write at least one character or remove the line", "ist leer — schreibe etwas hinein oder entferne die Zeile"},
	"field.emptyrequired": {"is empty — write it after \"%s: \"", "ist leer — schreibe den Wert hinter \"%s: \""},
	"field.string":        {"must be text, not a %s — write it on one line after the colon", "muss Text sein, keine %s — schreibe ihn in eine Zeile hinter den Doppelpunkt"},
	"field.list":          {"must be a list — write each item on its own line starting with \"  - \"", "muss eine Liste sein — schreibe jeden Punkt in eine eigene Zeile mit \"  - \" davor"},
	"field.commalist":     {"is written as one line with commas — write each item on its own line starting with \"  - \"", "ist als eine Zeile mit Kommas geschrieben — schreibe jeden Punkt in eine eigene Zeile mit \"  - \" davor"},
	"field.map":           {"must contain indented \"name: value\" lines below it, e.g. \"  email: anna@example.de\"", "muss darunter eingerückte Zeilen \"name: wert\" enthalten, z. B. \"  email: anna@example.de\""},
	"field.maplist":       {"must be a list of entries, each starting with \"  - %s: …\"", "muss eine Liste von Einträgen sein, jeder beginnend mit \"  - %s: …\""},
	"field.bool":          {"must be true or false, not %q", "muss true oder false sein, nicht %q"},
	"field.toolong":       {"is %d characters long, at most %d are allowed — shorten it", "ist %d Zeichen lang, erlaubt sind höchstens %d — kürze den Text"},
	"field.toomany":       {"has %d items, at most %d are allowed — keep the most important ones", "hat %d Einträge, erlaubt sind höchstens %d — behalte die wichtigsten"},
	"field.emptyitem":     {"has an empty item — write it after \"- \"", "hat einen leeren Punkt — schreibe ihn hinter \"- \""},
	"field.toofew":        {"needs at least %d item(s) — add a line \"  - …\"", "braucht mindestens %d Punkt(e) — füge eine Zeile \"  - …\" hinzu"},
	"field.itemtoolong":   {"item %d is %d characters long, at most %d are allowed — shorten it", "Eintrag %d ist %d Zeichen lang, erlaubt sind höchstens %d — kürze ihn"},
	"field.itemcolon":     {"item %d contains \": \" — put the whole item in double quotes: - \"…\"", "Eintrag %d enthält \": \" — setze den ganzen Eintrag in Anführungszeichen: - \"…\""},
	"field.itemstring":    {"item %d must be text — write it after \"- \" on one line", "Eintrag %d muss Text sein — schreibe ihn hinter \"- \" in eine Zeile"},
	"field.duplicateitem": {"%q is listed twice — keep it once", "%q steht zweimal in der Liste — behalte es einmal"},
	"field.smartquotes":   {"the value is wrapped in typographic quotes (%s) — use straight quotes \"…\" or none", "der Wert steht in typografischen Anführungszeichen (%s) — verwende gerade Anführungszeichen \"…\" oder keine"},
	"field.control":       {"contains an invisible control character — retype the text", "enthält ein unsichtbares Steuerzeichen — tippe den Text neu"},
	"contact.none":        {"needs at least one of email, phone or website", "braucht mindestens eines von email, phone oder website"},

	// Values.
	"email.at":           {"%q is not an e-mail address — write it as name@example.de", "%q ist keine E-Mail-Adresse — schreibe sie als name@example.de"},
	"email.idn":          {"%q has umlauts or other special letters in its domain, which e-mail links cannot carry — write it in its ASCII form: %s", "%q hat Umlaute oder andere Sonderzeichen in der Domain, die E-Mail-Links nicht tragen können — schreibe sie in ihrer ASCII-Form: %s"},
	"email.invalid":      {"%q is not an e-mail address — write it as name@example.de", "%q ist keine E-Mail-Adresse — schreibe sie als name@example.de"},
	"url.noscheme":       {"%q has no https:// — write https://%s", "bei %q fehlt https:// — schreibe https://%s"},
	"url.scheme":         {"%q is not a web address — only links starting with https:// or http:// are allowed", "%q ist keine Webadresse — erlaubt sind nur Links, die mit https:// oder http:// beginnen"},
	"footer.dead":        {"%q leads to no page of the site — create content/pages/%s.md, or correct the address", "%q führt zu keiner Seite der Website — lege content/pages/%s.md an oder korrigiere die Adresse"},
	"footer.case":        {"%q leads to no page of the site: addresses are lower case — write %s", "%q führt zu keiner Seite der Website: Adressen werden kleingeschrieben — schreibe %s"},
	"footer.base":        {"%q repeats the path of base_url, which every link on the site gets in front anyway — write %s", "%q wiederholt den Pfad der base_url, den jeder Link der Website ohnehin vorn bekommt — schreibe %s"},
	"footer.deadpath":    {"%q leads to no page of the site — correct the address", "%q führt zu keiner Seite der Website — korrigiere die Adresse"},
	"url.invalid":        {"%q is not a web address — write it as https://www.example.de/…", "%q ist keine Webadresse — schreibe sie als https://www.example.de/…"},
	"phone.fix":          {"%q holds more than the number — write only the number: %s", "%q enthält mehr als die Nummer — schreibe nur die Nummer: %s"},
	"email.fix":          {"%q holds more than the address — write only the address: %s", "%q enthält mehr als die Adresse — schreibe nur die Adresse: %s"},
	"phone.invalid":      {"%q is not a phone number — write it as +49 221 1234567", "%q ist keine Telefonnummer — schreibe sie als +49 221 1234567"},
	"lang.name":          {"%q is not a two-letter language code — write %s", "%q ist kein zweibuchstabiges Sprachkürzel — schreibe %s"},
	"lang.lower":         {"%q is written in capitals — language codes are lower case: write %s", "%q ist großgeschrieben — Sprachkürzel werden kleingeschrieben: schreibe %s"},
	"lang.invalid":       {"%q is not a two-letter language code — use de, en, fr, …", "%q ist kein zweibuchstabiges Sprachkürzel — verwende de, en, fr, …"},
	"github.invalid":     {"%q is not a GitHub user name — write only the name, e.g. anna-mueller, without @ or URL", "%q ist kein GitHub-Benutzername — schreibe nur den Namen, z. B. anna-mueller, ohne @ oder Link"},
	"photo.path":         {"%q must be a file name next to this profile, without folders", "%q muss ein Dateiname neben diesem Profil sein, ohne Ordner"},
	"photo.scans":        {"the photo %q is a JPEG of %d scans (passes), more than the %d allowed — save the photo again as an ordinary JPEG, e.g. export it from your photo app, or use PNG", "das Foto %q ist ein JPEG aus %d Scans (Durchgängen), erlaubt sind höchstens %d — speichere das Foto noch einmal als gewöhnliches JPEG, z. B. indem du es aus deiner Foto-App exportierst, oder verwende PNG"},
	"photo.type":         {"%q is not a .jpg or .png file — save the photo as JPEG or PNG", "%q ist keine .jpg- oder .png-Datei — speichere das Foto als JPEG oder PNG"},
	"photo.missing":      {"the photo %q is not next to the profile — upload it to %s", "das Foto %q liegt nicht neben dem Profil — lade es nach %s hoch"},
	"decode.short":       {"the file is incomplete", "die Datei ist unvollständig"},
	"decode.unknown":     {"it is not an image", "sie ist kein Bild"},
	"decode.unsupported": {"it is saved in a variant this program cannot read", "sie ist in einer Variante gespeichert, die dieses Programm nicht lesen kann"},
	"decode.damaged":     {"the file is damaged", "die Datei ist beschädigt"},
	"photo.bad":          {"the photo %q cannot be read as %s (%v) — save it again as JPEG or PNG", "das Foto %q kann nicht als %s gelesen werden (%v) — speichere es noch einmal als JPEG oder PNG"},
	"photo.broken":       {"the photo %q is incomplete or damaged (%s) — upload it again", "das Foto %q ist unvollständig oder beschädigt (%s) — lade es noch einmal hoch"},
	"photo.case":         {"the photo %q is not next to the profile, but %q is — write photo: %s (upper and lower case matter)", "das Foto %q liegt nicht neben dem Profil, aber %q — schreibe photo: %s (Groß- und Kleinschreibung zählen)"},
	"photo.format":       {"the photo %q is a %s file, not a %s — rename the file to %q and write photo: %s", "das Foto %q ist eine %s-Datei, keine %s-Datei — benenne die Datei in %q um und schreibe photo: %s"},
	"photo.toolarge":     {"the photo %q is %s, larger than the limit of %s — export it smaller, e.g. as a JPEG of at most 4000×4000 pixels", "das Foto %q ist %s groß, erlaubt sind höchstens %s — exportiere es kleiner, z. B. als JPEG mit höchstens 4000×4000 Pixeln"},
	"photo.pixels":       {"the photo %q has %d×%d pixels (%d megapixels), more than the %d megapixels allowed — export it smaller than 4000×4000 pixels", "das Foto %q hat %d×%d Pixel (%d Megapixel), erlaubt sind höchstens %d Megapixel — exportiere es kleiner als 4000×4000 Pixel"},
	"photo.shared":       {"the photo %q is already the photo of %s — upload your own photo under a name of its own, e.g. your file name with .jpg", "das Foto %q ist schon das Foto von %s — lade dein eigenes Foto unter eigenem Namen hoch, z. B. deinem Dateinamen mit .jpg"},
	"text.hiddenname":    {"contains an invisible character (%s), with which a name can look like another — delete the text and type it again", "enthält ein unsichtbares Zeichen (%s), mit dem ein Name wie ein anderer aussehen kann — lösche den Text und tippe ihn neu"},
	"text.compat":        {"%q is written with special forms of letters (from a fancy-font generator or a word processor) that look like ordinary ones — write %s", "%q ist mit besonderen Formen von Buchstaben geschrieben (aus einem Schriftgenerator oder einer Textverarbeitung), die wie gewöhnliche aussehen — schreibe %s"},
	"text.scripts":       {"%q mixes letters of different alphabets (%s) in one word, which makes it look like another name — type it again with one keyboard", "%q mischt Buchstaben verschiedener Alphabete (%s) in einem Wort, so dass es wie ein anderer Name aussieht — tippe es mit einer Tastatur neu"},
	"date.invalid":       {"%q is not a date — write it as YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2021-03-01", "%q ist kein Datum — schreibe es als JJJJ-MM-TT, JJJJ-MM oder JJJJ, z. B. 2021-03-01"},
	"url.lookalike":      {"%q is written in %s letters that look like Latin ones, as fake copies of well-known sites are — type the address again, or copy it from the browser's address bar", "%q ist mit %s Buchstaben geschrieben, die wie lateinische aussehen, wie bei gefälschten Kopien bekannter Seiten — tippe die Adresse neu oder kopiere sie aus der Adresszeile des Browsers"},
	"url.host":           {"%q is not an address on %s — copy your profile's address from the browser's address bar", "%q ist keine Adresse auf %s — kopiere die Adresse deines Profils aus der Adresszeile des Browsers"},
	"url.scripts":        {"%q mixes letters of different alphabets (%s) in its host name, as fake copies of well-known sites do — type the address again, or copy it from the browser's address bar", "%q mischt Buchstaben verschiedener Alphabete (%s) im Namen der Website, wie es Fälschungen bekannter Seiten tun — tippe die Adresse neu oder kopiere sie aus der Adresszeile des Browsers"},
	"date.future":        {"%q lies in the future — write the month you joined, e.g. 2021-03", "%q liegt in der Zukunft — schreibe den Monat, in dem du beigetreten bist, z. B. 2021-03"},
	"date.german":        {"%q is not a date in the expected form — write it as %s", "%q ist kein Datum in der erwarteten Form — schreibe es als %s"},
	"slug.target":        {"%q is not a member's file name — use lowercase a-z, 0-9 and dashes, as in the address /members/anna-mueller/", "%q ist kein Dateiname eines Mitglieds — verwende a-z, 0-9 und Bindestriche wie in der Adresse /members/anna-mueller/"},
	"slug.targetfix":     {"%q is not a member's file name — write the name of their file without .md, as in the address /members/…/; probably %q", "%q ist kein Dateiname eines Mitglieds — schreibe den Namen der Datei ohne .md wie in der Adresse /members/…/; vermutlich %q"},
	"tag.unknown":        {"%q is not a category of this site%s", "%q ist keine Kategorie dieser Website%s"},
	"tag.unknownlist":    {" — use one of: %s", " — verwende eine von: %s"},
	"tag.invalid":        {"%q cannot be used as a category — use letters, digits and dashes", "%q kann nicht als Kategorie verwendet werden — verwende Buchstaben, Ziffern und Bindestriche"},

	// Across files.
	"recommends.unknown": {"there is no member %q%s", "es gibt kein Mitglied %q%s"},
	"recommends.self":    {"you cannot recommend yourself — remove this entry", "du kannst dich nicht selbst empfehlen — entferne diesen Eintrag"},
	"recommends.twice":   {"%q is recommended twice — keep one entry", "%q wird zweimal empfohlen — behalte einen Eintrag"},
	"thanks.unknown":     {"there is no member %q%s", "es gibt kein Mitglied %q%s"},
	"thanks.self":        {"you cannot thank yourself — remove this entry; thank the member whose referral brought you the business", "du kannst dir nicht selbst danken — entferne diesen Eintrag; danke dem Mitglied, dessen Empfehlung dir das Geschäft gebracht hat"},
	"thanks.twice":       {"%q is thanked twice for %s — keep one entry, or write the date of the other referral", "%q steht zweimal mit dem Datum %s — behalte einen Eintrag oder schreibe das Datum der anderen Empfehlung"},
	"thanks.dateinvalid": {"%q is not a date — write the month the business came as YYYY-MM or YYYY-MM-DD, e.g. 2025-03", "%q ist kein Datum — schreibe den Monat, in dem das Geschäft kam, als JJJJ-MM oder JJJJ-MM-TT, z. B. 2025-03"},
	"thanks.year":        {"%q names the year only — add the month, as YYYY-MM, e.g. %s-03", "%q nennt nur das Jahr — ergänze den Monat, als JJJJ-MM, z. B. %s-03"},
	"thanks.future":      {"%q lies in the future — write the month the business came, e.g. 2025-03", "%q liegt in der Zukunft — schreibe den Monat, in dem das Geschäft kam, z. B. 2025-03"},
	"thanks.beforeself":  {"%s lies before you joined the network (member_since: %s) — check the date; thank for referrals you got as a member", "%s liegt vor deinem Beitritt (member_since: %s) — prüfe das Datum; danke für Empfehlungen, die du als Mitglied bekommen hast"},
	"thanks.beforeother": {"%s lies before %s joined the network (member_since: %s) — check the date and the member; a referral comes from a member", "%s liegt vor dem Beitritt von %s (member_since: %s) — prüfe das Datum und das Mitglied; eine Empfehlung kommt von einem Mitglied"},
	"thanks.private":     {"the note contains an e-mail address or phone number (%s) — your clients' details stay private: remove it and describe the business in words", "die Notiz enthält eine E-Mail-Adresse oder Telefonnummer (%s) — die Daten deiner Kundschaft bleiben privat: entferne sie und beschreibe das Geschäft in Worten"},
	"tags.exclusive":     {"the category %q already belongs to another member (%s:%d) — this network allows one member per category; choose another main category or talk to the organiser", "die Kategorie %q gehört schon einem anderen Mitglied (%s:%d) — in diesem Netzwerk gibt es nur ein Mitglied pro Kategorie; wähle eine andere Hauptkategorie oder sprich mit der Organisation"},
	"hint.member":        {" — write the file name of a member without .md", " — schreibe den Dateinamen eines Mitglieds ohne .md"},
	"hint.didyoumean":    {" — did you mean %q?", " — meintest du %q?"},

	// Config.
	"config.strayname":          {"is not read: the settings are read only from a file named exactly config.yaml, so the site is built without them (default title, no categories, …) — rename this file to config.yaml", "wird nicht gelesen: die Einstellungen werden nur aus einer Datei gelesen, die genau config.yaml heißt, deshalb wird die Website ohne sie gebaut (Standardtitel, keine Kategorien, …) — benenne diese Datei in config.yaml um"},
	"config.straycase":          {"is read on this computer, but not where the site is built for publishing, where upper and lower case matter: there the site is built without these settings — rename this file to config.yaml", "wird auf diesem Computer gelesen, aber nicht dort, wo die Website zum Veröffentlichen gebaut wird und Groß- und Kleinschreibung zählen: dort wird sie ohne diese Einstellungen gebaut — benenne diese Datei in config.yaml um"},
	"config.straymove":          {"is not read: the settings are read only from config.yaml in the site's main folder, next to content/, so the site is built without them (default title, no categories, …) — move this file there and name it config.yaml", "wird nicht gelesen: die Einstellungen werden nur aus config.yaml im Hauptordner der Website neben content/ gelesen, deshalb wird die Website ohne sie gebaut (Standardtitel, keine Kategorien, …) — verschiebe diese Datei dorthin und nenne sie config.yaml"},
	"config.strayboth":          {"is not read: the settings are read only from config.yaml in the site's main folder — copy what you need from this file into config.yaml, then delete this file", "wird nicht gelesen: die Einstellungen werden nur aus config.yaml im Hauptordner der Website gelesen — übernimm, was du aus dieser Datei brauchst, in config.yaml und lösche sie dann"},
	"config.editurlnone":        {"%q has no {path}, so the \"Edit this profile\" link of every profile would lead to the same place — add {path} where the profile's file belongs: %s", "in %q fehlt {path}, deshalb würde der Link \"Dieses Profil bearbeiten\" bei jedem Profil an dieselbe Stelle führen — setze {path} dort ein, wo die Profildatei hingehört: %s"},
	"config.editurlvariant":     {"%q has %s, which is not replaced with the profile's file and would stay in the link as it is — write {path} exactly like this, in lower case with single braces: %s", "%q enthält %s, das nicht durch die Profildatei ersetzt wird und so im Link stehen bliebe — schreibe {path} genau so, kleingeschrieben und mit einfachen geschweiften Klammern: %s"},
	"config.editurltwice":       {"%q has {path} %d times — keep only the one where the profile's file belongs, e.g. https://github.com/org/repo/edit/main/{path}", "%q enthält {path} %d-mal — behalte nur das eine, wo die Profildatei hingehört, z. B. https://github.com/org/repo/edit/main/{path}"},
	"config.baseurllocal":       {"%q is an address on your own computer, not the one the site is published at — referral e-mails, QR codes, vCards and the sitemap would point to your computer; write the published address, e.g. https://netzwerk.example/, or leave base_url out for a preview on your computer (memberdir serve works without it)", "%q ist eine Adresse auf deinem eigenen Computer, nicht die, unter der die Website veröffentlicht wird — Empfehlungs-E-Mails, QR-Codes, vCards und die Sitemap würden auf deinen Computer zeigen; schreibe die veröffentlichte Adresse, z. B. https://netzwerk.example/, oder lass base_url für eine Vorschau auf deinem Computer weg (memberdir serve braucht sie nicht)"},
	"config.baseurlquery":       {"%q has a part starting with ? or #, which cannot belong to the site's address — write the address without it: %s", "%q hat einen Teil mit ? oder #, der nicht zur Adresse der Website gehören kann — schreibe die Adresse ohne ihn: %s"},
	"config.baseurlfile":        {"%q is the address of a file, not of the site's folder: the pages and styles would be looked for below it (…/%s/assets/…) — write the folder: %s", "%q ist die Adresse einer Datei, nicht des Ordners der Website: Seiten und Gestaltung würden darunter gesucht (…/%s/assets/…) — schreibe den Ordner: %s"},
	"config.footerinvalid":      {"%q is not a link a footer can have — write a page of the site (/impressum/), a web address (https://…), mailto:name@example.de or tel:+49 221 1234567", "%q ist kein Link, den die Fußzeile haben kann — schreibe eine Seite der Website (/impressum/), eine Webadresse (https://…), mailto:name@example.de oder tel:+49 221 1234567"},
	"config.footerempty":        {"each footer link needs a label and a url, e.g. \"- label: Impressum\" and below it \"  url: /impressum/\"", "jeder Link in der Fußzeile braucht ein label und eine url, z. B. \"- label: Impressum\" und darunter \"  url: /impressum/\""},
	"config.footerlabel":        {"the link to %q has no label — add \"label: …\" with the text to show, indented like \"url:\", e.g. label: Datenschutz", "der Link zu %q hat kein label — füge \"label: …\" mit dem angezeigten Text hinzu, eingerückt wie \"url:\", z. B. label: Datenschutz"},
	"config.footerurl":          {"the link %q has no url — add \"url: …\" indented like \"label:\", e.g. url: /%s/ for the page content/pages/%s.md, or a full address starting with https://", "der Link %q hat keine url — füge \"url: …\" hinzu, eingerückt wie \"label:\", z. B. url: /%s/ für die Seite content/pages/%s.md oder eine vollständige Adresse mit https://"},
	"config.categorynoid":       {"the category %q has no id — add \"id: %s\" indented like \"label:\" (the id is the category's address: lowercase a-z, 0-9 and dashes)", "die Kategorie %q hat keine id — füge \"id: %s\" hinzu, eingerückt wie \"label:\" (die id ist die Adresse der Kategorie: a-z, 0-9 und Bindestriche)"},
	"config.categoryid":         {"%q cannot be an id: the id is the category's address, so only lowercase a-z, 0-9 and dashes — write id: %s, and the name with capitals, umlauts and spaces under label:", "%q kann keine id sein: die id ist die Adresse der Kategorie, deshalb nur a-z, 0-9 und Bindestriche — schreibe id: %s, und den Namen mit Großbuchstaben, Umlauten und Leerzeichen unter label:"},
	"config.categorytwice":      {"the id %q is already used by the category on line %d — give each category its own id, or remove one of the two", "die id %q hat schon die Kategorie in Zeile %d — gib jeder Kategorie eine eigene id oder entferne eine der beiden"},
	"config.categorylabel":      {"the category %q has no label — add \"label: …\" indented like \"id:\", with the name visitors see, e.g. label: Steuern & Finanzen", "die Kategorie %q hat kein label — füge \"label: …\" hinzu, eingerückt wie \"id:\", mit dem Namen, den Besucherinnen und Besucher sehen, z. B. label: Steuern & Finanzen"},
	"config.categorylabeltwice": {"the label %q is already used by the category on line %d, and visitors could not tell the two apart — give each category its own label, or merge the two", "das label %q hat schon die Kategorie in Zeile %d, und Besucherinnen und Besucher könnten die beiden nicht unterscheiden — gib jeder Kategorie ein eigenes label oder fasse die beiden zusammen"},
	"config.extratype":          {"%q is not a type of extra field — write type: string (text), url (a web address) or list (several items)", "%q ist kein Typ eines Zusatzfelds — schreibe type: string (Text), url (Webadresse) oder list (mehrere Einträge)"},
	"config.extratypefix":       {"%q is not a type of extra field — write type: %s (the types are string for text, url for a web address and list for several items)", "%q ist kein Typ eines Zusatzfelds — schreibe type: %s (die Typen sind string für Text, url für eine Webadresse und list für mehrere Einträge)"},
	"config.brace":              {"%q is in single braces, so it would appear as it is in the e-mail — a placeholder takes two braces and a dot: write %s", "%q steht in einfachen geschweiften Klammern und käme so in der E-Mail an — ein Platzhalter braucht zwei Klammern und einen Punkt: schreibe %s"},

	"config.notmap":        {"config.yaml must be a list of \"setting: value\" lines, e.g. title: Unser Netzwerk", "config.yaml muss aus Zeilen der Form \"einstellung: wert\" bestehen, z. B. title: Unser Netzwerk"},
	"config.string":        {"there is no UI string of that name (the names are in %s)%s", "einen Text dieses Namens gibt es nicht (die Namen stehen in %s)%s"},
	"config.unknown":       {"is not a known setting%s", "ist keine bekannte Einstellung%s"},
	"config.language":      {"%q is not a supported language — use de or en", "%q ist keine unterstützte Sprache — verwende de oder en"},
	"config.baseurl":       {"%q must be an absolute http(s) URL or a path starting with /, e.g. https://netzwerk.example/", "%q muss eine absolute http(s)-Adresse oder ein Pfad mit / am Anfang sein, z. B. https://netzwerk.example/"},
	"config.category":      {"each category needs an id (lowercase a-z, 0-9, dashes) and a label", "jede Kategorie braucht eine id (a-z, 0-9, Bindestriche) und ein label"},
	"config.pagesize":      {"must be a number between 10 and 100000", "muss eine Zahl zwischen 10 und 100000 sein"},
	"referral.field":       {"%s is not a placeholder — write %s", "%s ist kein Platzhalter — schreibe %s"},
	"referral.fields":      {"%s is not a placeholder — the placeholders are %s", "%s ist kein Platzhalter — die Platzhalter sind %s"},
	"referral.dot":         {"a placeholder starts with a dot: instead of %s write %s", "ein Platzhalter beginnt mit einem Punkt: statt %s schreibe %s"},
	"referral.close":       {"a placeholder is not closed with two braces — end it with }}, e.g. {{.Member.Name}}", "ein Platzhalter ist nicht mit zwei Klammern geschlossen — beende ihn mit }}, z. B. {{.Member.Name}}"},
	"referral.char":        {"%s (%s) cannot stand inside {{ }} — write the placeholder without it, e.g. {{.Member.Name}}", "%s (%s) kann nicht in {{ }} stehen — schreibe den Platzhalter ohne, z. B. {{.Member.Name}}"},
	"referral.braces":      {"a placeholder is opened with more than two braces — write it with two, e.g. {{.Member.Name}}", "ein Platzhalter ist mit mehr als zwei Klammern geöffnet — schreibe ihn mit zweien, z. B. {{.Member.Name}}"},
	"referral.end":         {"an {{if …}} or {{with …}} is not closed — add {{end}} where its text ends", "ein {{if …}} oder {{with …}} ist nicht geschlossen — setze {{end}} dahin, wo sein Text endet"},
	"config.template":      {"the template cannot be used (%v) — check the {{ }} placeholders", "die Vorlage kann nicht verwendet werden (%v) — prüfe die {{ }}-Platzhalter"},
	"config.extra":         {"extra field %q clashes with a built-in field or is not a valid name (a-z, 0-9, _)", "das Zusatzfeld %q kollidiert mit einem eingebauten Feld oder ist kein gültiger Name (a-z, 0-9, _)"},
	"config.color":         {"%q is not a colour — write it as a hex code in quotes, e.g. color: \"#0f5f8c\"", "%q ist keine Farbe — schreibe sie als Hex-Code in Anführungszeichen, z. B. color: \"#0f5f8c\""},
	"config.colorcontrast": {"%q is too light for text on white (contrast %s:1, WCAG AA needs 4.5:1) — use a darker shade such as \"%s\"", "%q ist zu hell für Text auf Weiß (Kontrast %s:1, WCAG AA verlangt 4,5:1) — nimm einen dunkleren Ton wie \"%s\""},
	"config.logotype":      {"%q is not an SVG, PNG, JPEG or WebP file — export the logo in one of these formats", "%q ist keine SVG-, PNG-, JPEG- oder WebP-Datei — exportiere das Logo in einem dieser Formate"},
	"config.logopath":      {"%q must be a file in the content/ folder — put the logo there and write e.g. content/logo.svg", "%q muss eine Datei im Ordner content/ sein — lege das Logo dort ab und schreibe z. B. content/logo.svg"},
	"config.logo":          {"the logo %q cannot be used: %v — %s", "das Logo %q kann nicht verwendet werden: %v — %s"},
	"logo.why.link":        {"it is a symbolic link", "es ist eine symbolische Verknüpfung"},
	"logo.why.missing":     {"there is no such file", "diese Datei gibt es nicht"},
	"logo.why.unreadable":  {"it cannot be read (%v)", "sie kann nicht gelesen werden (%v)"},
	"logo.why.large":       {"it is %s, larger than %s", "sie ist %s groß, mehr als %s"},
	"logo.why.notsvg":      {"it is not an SVG image", "es ist kein SVG-Bild"},
	"logo.why.active":      {"it contains %q, which a logo does not need and which could run code or load files from elsewhere", "es enthält %q, was ein Logo nicht braucht und womit Code laufen oder Dateien von anderswo geladen werden könnten"},
	"logo.why.unknown":     {"it is not an image a browser can show", "es ist kein Bild, das ein Browser anzeigen kann"},
	"logo.why.format":      {"it is a %s file, not a %s", "es ist eine %s-Datei, keine %s-Datei"},
	"logo.why.pixels":      {"it has %d×%d pixels", "es hat %d×%d Pixel"},
	"logo.why.broken":      {"it cannot be read: %s", "es kann nicht gelesen werden: %s"},
	"logo.why.animated":    {"it is an animated image", "es ist ein animiertes Bild"},
	"logo.fix.still":       {"export a still image as SVG, PNG, JPEG or WebP", "exportiere ein unbewegtes Bild als SVG, PNG, JPEG oder WebP"},
	"logo.fix.rename":      {"rename the file and write theme.logo: %s", "benenne die Datei um und schreibe theme.logo: %s"},
	"logo.fix.upload":      {"upload the file to content/ or correct theme.logo", "lade die Datei nach content/ hoch oder korrigiere theme.logo"},
	"logo.fix.smaller":     {"export it smaller (an SVG, or a PNG about 400 px wide)", "exportiere es kleiner (als SVG oder als PNG mit etwa 400 px Breite)"},
	"logo.fix.plain":       {"export it again as a plain SVG (e.g. \"Plain SVG\" in Inkscape) or as PNG", "exportiere es noch einmal als einfaches SVG (z. B. „Normales SVG“ in Inkscape) oder als PNG"},
	"logo.fix.export":      {"export it again as SVG, PNG, JPEG or WebP", "exportiere es noch einmal als SVG, PNG, JPEG oder WebP"},
	"config.params":        {"%q must be a query like ref=netzwerk", "%q muss eine Abfrage wie ref=netzwerk sein"},

	// memberdir check: summaries.
	"check.ok":           {"%d profiles OK", "%d Profile OK"},
	"check.okone":        {"1 profile OK", "1 Profil OK"},
	"cli.built":          {"built %s files into %s in %s (%s written, %s unchanged)", "%s Dateien nach %s gebaut in %s (%s geschrieben, %s unverändert)"},
	"cli.serving":        {"Serving at %s — press Ctrl-C to stop", "Vorschau unter %s — Strg-C beendet sie"},
	"cli.basepath":       {"base path changed: serving at %s", "Basispfad geändert: Vorschau jetzt unter %s"},
	"cli.firstbuilt":     {"built in %s", "gebaut in %s"},
	"cli.rebuilt":        {"rebuilt in %s", "neu gebaut in %s"},
	"cli.failed":         {"build failed: %d problem(s)", "Bauen fehlgeschlagen: %d Problem(e)"},
	"build.baseurl":      {"note: %s has no base_url with the site's published address, so the referral e-mails, QR codes and vCards carry no link to the profiles — add e.g. base_url: https://netzwerk.example/", "Hinweis: %s hat keine base_url mit der veröffentlichten Adresse der Seite, deshalb enthalten die Empfehlungs-E-Mails, QR-Codes und vCards keinen Link zu den Profilen — ergänze z. B. base_url: https://netzwerk.example/"},
	"check.problem":      {"1 problem found", "1 Problem gefunden"},
	"check.problems":     {"%d problems found", "%d Probleme gefunden"},
	"check.summary":      {"Profile check: %s", "Profilprüfung: %s"},
	"check.summaryhelp":  {"GitHub marks at most ten of them next to the lines of your file; this table lists all. Fix each line, save (commit) again, and the check runs again by itself.", "GitHub markiert höchstens zehn davon direkt an den Zeilen deiner Datei; diese Tabelle zeigt alle. Korrigiere jede Zeile, speichere (Commit) erneut, und die Prüfung läuft von selbst noch einmal."},
	"check.summaryhead":  {"| file | line | field | problem |", "| Datei | Zeile | Feld | Problem |"},
	"check.summarytitle": {"profile check", "Profilprüfung"},

	// memberdir check --author: who may change which profile.
	"owner.other":     {"this profile belongs to the GitHub user %s, not to you (%s) — change only your own profile, or ask %s or the organisers to make this change", "dieses Profil gehört dem GitHub-Konto %s, nicht dir (%s) — ändere nur dein eigenes Profil oder bitte %s oder die Organisation um diese Änderung"},
	"owner.delete":    {"only the owner %s or the organisers may delete this profile, not you (%s)", "nur die Inhaberin oder der Inhaber %s oder die Organisation dürfen dieses Profil löschen, nicht du (%s)"},
	"owner.none":      {"this profile names no owner, so only the organisers may change or delete it — if it is yours, ask them to add the line \"owner: %s\"", "dieses Profil nennt keine Inhaberin und keinen Inhaber, deshalb darf nur die Organisation es ändern oder löschen — wenn es deines ist, bitte sie, die Zeile \"owner: %s\" einzufügen"},
	"owner.new":       {"a new profile must name you as its owner — add the line \"owner: %s\"", "ein neues Profil muss dich als Inhaberin oder Inhaber nennen — füge die Zeile \"owner: %s\" ein"},
	"owner.newempty":  {"a new profile must name you as its owner — write owner: %s", "ein neues Profil muss dich als Inhaberin oder Inhaber nennen — schreibe owner: %s"},
	"owner.file":      {"only the organisers (%s) may change %s — leave this change out of your pull request, or ask them to make it", "nur die Organisatoren (%s) dürfen %s ändern — nimm diese Änderung aus deinem Pull Request heraus oder bitte sie darum"},
	"owner.filenone":  {"only the organisers may change %s, and config.yaml names none yet under organiser.github — leave this change out of your pull request", "nur die Organisatoren dürfen %s ändern, und config.yaml nennt unter organiser.github noch keine — nimm diese Änderung aus deinem Pull Request heraus"},
	"git.norepo":      {"%s is not in a git repository — check --author compares commits, so run it in a clone of the site's repository", "%s liegt in keinem git-Repository — check --author vergleicht Commits, führe es deshalb in einem Klon des Repositorys der Website aus"},
	"git.norev":       {"%q is not a revision of this repository — fetch it first; in GitHub Actions, check out with fetch-depth: 0", "%q ist keine Revision dieses Repositorys — hole sie zuerst (git fetch); in GitHub Actions mit fetch-depth: 0 auschecken"},
	"git.nomergebase": {"%s and HEAD have no common history — fetch the whole history (in GitHub Actions: fetch-depth: 0)", "%s und HEAD haben keine gemeinsame Geschichte — hole die ganze Geschichte (in GitHub Actions: fetch-depth: 0)"},
	"git.failed":      {"git %s failed: %s", "git %s ist fehlgeschlagen: %s"},
	"git.missing":     {"git cannot be run (%v) — check --author needs git installed", "git lässt sich nicht starten (%v) — check --author braucht ein installiertes git"},
	"git.short":       {"git cat-file stopped in the middle of its output — run the check again", "git cat-file hat mitten in der Ausgabe aufgehört — starte die Prüfung noch einmal"},
	"owner.newother":  {"the new profile names %s as its owner, but you (%s) are adding it — write \"owner: %s\", or let %s add the profile", "das neue Profil nennt %s als Inhaber:in, aber du (%s) legst es an — schreibe \"owner: %s\" oder lass %s das Profil anlegen"},
	"owner.photo":     {"this file belongs to the profile %s of the GitHub user %s, not to you (%s) — change only your own photo", "diese Datei gehört zum Profil %s des GitHub-Kontos %s, nicht dir (%s) — ändere nur dein eigenes Foto"},
	"owner.photonone": {"this file belongs to the profile %s, which names no owner, so only the organisers may change it", "diese Datei gehört zum Profil %s, das keine Inhaberin und keinen Inhaber nennt, deshalb darf nur die Organisation sie ändern"},

	// memberdir new.
	"new.created": {"created %s", "%s angelegt"},
	"new.next":    {"Next steps:\n  1. Fill in the empty \"\" fields; the lines starting with # explain each one.\n     Replace the sample text below the second --- with your story, or delete it.\n  2. Check the profile: %s\n  3. Preview the site: %s", "Nächste Schritte:\n  1. Fülle die leeren \"\"-Felder aus; die Zeilen mit # davor erklären jedes Feld.\n     Ersetze den Beispieltext unter dem zweiten --- durch deine Geschichte oder lösche ihn.\n  2. Prüfe das Profil: %s\n  3. Sieh dir die Website an: %s"},
	"new.exists":  {"%s already exists — edit that file, or give a different name (e.g. with a middle name)", "%s gibt es schon — bearbeite diese Datei oder wähle einen anderen Namen (z. B. mit zweitem Vornamen)"},
	"new.body":    {"Room for your longer story, in Markdown: how you work, what you have done, what makes you different. Replace this paragraph.", "Hier ist Platz für deine längere Geschichte, in Markdown: wie du arbeitest, was du schon gemacht hast, was dich ausmacht. Ersetze diesen Absatz."},
	"new.tags":    {"Categories of this site: %s", "Kategorien dieser Website: %s"},

	// memberdir init.
	"init.exists":  {"%s already has files that init would write, so init changes nothing — move them away, or run memberdir init in a new or empty folder:", "in %s gibt es schon Dateien, die init schreiben würde, deshalb ändert init nichts — verschiebe sie oder starte memberdir init in einem neuen oder leeren Ordner:"},
	"init.notdir":  {"%s is a file, not a folder — give the name of a new or empty folder", "%s ist eine Datei, kein Ordner — gib den Namen eines neuen oder leeren Ordners an"},
	"init.created": {"created a new site in %s:", "neue Website in %s angelegt:"},
	"init.next":    {"Next steps:", "Nächste Schritte:"},
	"init.cd":      {"Go to the site's folder: cd %s", "Wechsle in den Ordner der Website: cd %s"},
	"init.config":  {"Fill in config.yaml: title, description, organiser (with the organisers' GitHub names), and once you know where it is published, base_url and edit_url.", "Fülle config.yaml aus: title, description, organiser (mit den GitHub-Namen der Organisation) und, sobald du weißt, wo die Website erscheint, base_url und edit_url."},
	"init.pages":   {"Write your legal notice and privacy policy into %s and delete their \"stub:\" line; until then memberdir check reports them.", "Schreibe dein Impressum und deine Datenschutzerklärung in %s und lösche dort die Zeile \"stub:\"; bis dahin meldet memberdir check sie."},
	"init.new":     {"Create the profiles: memberdir new \"Anna Müller\"", "Lege die Profile an: memberdir new \"Anna Müller\""},
	"init.check":   {"Check and preview: memberdir check, then memberdir serve", "Prüfe und sieh dir die Website an: memberdir check, dann memberdir serve"},
	"init.publish": {"Publish: put the folder into a GitHub repository of its own and turn on Pages (Settings → Pages → Source: \"GitHub Actions\"); the README of memberdir, \"In a folder of its own\", goes through it step by step.", "Veröffentliche: lege den Ordner in ein eigenes GitHub-Repository und schalte Pages ein (Settings → Pages → Source: \"GitHub Actions\"); das README von memberdir, \"In a folder of its own\", führt Schritt für Schritt hindurch."},
	"init.devel":   {"memberdir init: this memberdir is a development build without a version, so the workflows install memberdir@latest — to fix a version, write it instead of latest in .github/workflows/check.yml and pages.yml (e.g. @v1.2.0)", "memberdir init: dieses memberdir ist ein Entwicklungsstand ohne Version, deshalb installieren die Workflows memberdir@latest — für eine feste Version schreibe sie statt latest in .github/workflows/check.yml und pages.yml (z. B. @v1.2.0)"},

	// memberdir schema.
	"schema.title":       {"memberdir profile", "memberdir-Profil"},
	"schema.description": {"The fields at the top of a member's profile, content/members/<name>.md, between the two --- lines.", "Die Felder oben im Profil eines Mitglieds, content/members/<name>.md, zwischen den beiden Zeilen mit ---."},
}

// Msg returns the message with the given key in lang ("de" or "en"),
// formatted with args. An unknown key returns the key itself, so a missing
// text shows up in tests instead of vanishing.
func Msg(lang, key string, args ...any) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	f := m[0]
	if lang == "de" {
		f = m[1]
	}
	if len(args) == 0 {
		return f
	}
	out := fmt.Sprintf(f, args...)
	if strings.ContainsFunc(f, Invisible) {
		return out // a text of several lines, such as new.next
	}
	return visible(out)
}

// DecodeReason says in the site's language why an image decoder refused
// a file, for the messages about photos and logos: the decoders' own
// words ("png: invalid format: …") are English and technical. Errors it
// does not know are given as they are.
func DecodeReason(lang string, err error) string {
	s := err.Error()
	switch {
	case strings.Contains(s, "unexpected EOF"), strings.Contains(s, "short Huffman data"):
		return Msg(lang, "decode.short")
	case strings.Contains(s, "unknown format"):
		return Msg(lang, "decode.unknown")
	case strings.Contains(s, "unsupported"):
		return Msg(lang, "decode.unsupported")
	case strings.Contains(s, "invalid format"), strings.Contains(s, "invalid JPEG format"):
		return Msg(lang, "decode.damaged")
	}
	return s
}

// visible returns s with each invisible character (see Invisible) written
// as its Go escape, such as \n or \u202e. Messages quote members' text,
// and every problem must stay on its one line: a line break from a value
// would start a line of its own in the CI log, which GitHub Actions reads
// as a workflow command ("::notice …", "::stop-commands::…").
func visible(s string) string {
	if !strings.ContainsFunc(s, Invisible) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if Invisible(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
