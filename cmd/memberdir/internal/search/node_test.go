package search

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tdewolff/minify/v2/js"

	"github.com/memberdir/memberdir/cmd/memberdir/internal/member"
)

// minifiedSource returns the script minified as render publishes it (see
// minified in render/minify.go, which this package cannot import: render
// imports it).
func minifiedSource(t *testing.T) []byte {
	t.Helper()
	src, err := os.ReadFile(scriptPath(t))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := (&js.Minifier{Version: 2020}).Minify(nil, &b, bytes.NewReader(src), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// minifiedScript returns the path of a file of minifiedSource.
func minifiedScript(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "search.min.js")
	if err := os.WriteFile(p, minifiedSource(t), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// node returns the path of node, or skips the test when there is none,
// except in CI, where the script's tests must run.
func node(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node is not on PATH: the search script's tests need Node.js 20 or newer")
		}
		t.Skip("node is not on PATH")
	}
	return p
}

// writeIndex writes the files of x under a temporary directory.
func writeIndex(t *testing.T, x *Index) string {
	t.Helper()
	dir := t.TempDir()
	for p, b := range x.Files {
		f := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// runNode runs a script of testdata with args and stdin, and returns its
// standard output.
func runNode(t *testing.T, stdin []byte, script string, args ...string) []byte {
	t.Helper()
	runner := filepath.Join("testdata", script)
	// Read the scripts here, so that go test's cache notices their changes:
	// it sees the files the test process opens, not those node opens.
	for _, f := range []string{runner, scriptPath(t)} {
		if _, err := os.ReadFile(f); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(node(t), append([]string{runner}, args...)...)
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node %s: %v\n%s", script, err, stderr.Bytes())
	}
	return out
}

// query is a search as the page makes it: the box and the four filters.
type query struct {
	Q       string `json:"q"`
	Tag     string `json:"tag"`
	Loc     string `json:"loc"`
	Lang    string `json:"lang"`
	Thanked string `json:"thanked"` // "1": only members thanked for a referral
}

// answer is what search_test.js reports of a query.
type answer struct {
	Terms  []string                  `json:"terms"`
	Slugs  []string                  `json:"slugs"`
	Counts map[string]map[string]int `json:"counts"`
	// Thanked is the number of results thanked for a referral.
	Thanked int `json:"thanked"`
	// Same is whether the answer was the same with the categories of
	// all members loaded.
	Same bool `json:"same"`
	// Counted says how the script counted the results by category:
	// "column", "own", "big", "prefix" or "summary" (see Search.plan).
	Counted string   `json:"counted"`
	Cards   []string `json:"cards"`
}

func ptr[T any](v T) *T { return &v }

// TestScript runs the script's matching, ranking, filters and cards on
// the fixture in Node.
func TestScript(t *testing.T) {
	x, err := Build(fixture())
	if err != nil {
		t.Fatal(err)
	}
	dir := writeIndex(t, x)

	cases := []struct {
		name  string
		query query
		want  []string // slugs, best first
		terms []string
		card  string                    // a substring of one of the result cards
		count map[string]map[string]int // facet → value → count, the non-zero ones
		// thanked is the number of results thanked for a referral, when
		// not nil.
		thanked *int
	}{
		{name: "umlaut", query: query{Q: "Müller"}, want: []string{"anna-mueller", "jonas-mueller"}},
		{name: "umlaut as ue", query: query{Q: "Mueller"}, want: []string{"anna-mueller", "jonas-mueller"}},
		{name: "plain vowel", query: query{Q: "muller"}, want: []string{"anna-mueller", "jonas-mueller"}},
		{name: "capitals", query: query{Q: "MÜLLER"}, want: []string{"anna-mueller", "jonas-mueller"},
			card: `<a href="/dir/members/jonas-mueller/">Jonas <mark>Mueller</mark></a></h2><p class="card-meta"><span>Tischlermeister</span><span><mark>Mueller</mark> Holzwerkstatt</span><span>Bonn</span></p>`},
		{name: "sharp s", query: query{Q: "Weiß"}, want: []string{"petra-weiss", "tom-weiss"}},
		{name: "sharp s as ss", query: query{Q: "weiss"}, want: []string{"petra-weiss", "tom-weiss"}},
		{name: "prefix", query: query{Q: "steuer"}, want: []string{"bjoern-steuerwald", "petra-weiss"}, // name first
			card: `<p class="card-meta"><span><mark>Steuerberaterin</mark></span><span>Weiß <mark>Steuerberatung</mark></span><span>Bonn-Beuel</span></p>`},
		{name: "typo", query: query{Q: "fotogarfie"}, want: []string{"anna-mueller", "ines-berg"},
			card: `Lichtblick <mark>Fotografie</mark>`},
		{name: "typo in the last letter", query: query{Q: "fotografun"}, want: []string{"anna-mueller", "ines-berg"}},
		{name: "no typo in short words", query: query{Q: "bnon"}},
		{name: "case", query: query{Q: "fotografin"}, want: []string{"anna-mueller", "ines-berg"}},
		{name: "and", query: query{Q: "köln fotografin"}, want: []string{"anna-mueller"}},
		{name: "and, other order", query: query{Q: "Fotografin Köln"}, want: []string{"anna-mueller"}},
		{name: "stop word dropped", query: query{Q: "Steuerberatung in Bonn"}, want: []string{"petra-weiss"},
			terms: []string{"steurberatung", "bonn"}},
		{name: "name beats why", query: query{Q: "weber"}, want: []string{"klaus-weber", "sara-lind"}},
		{name: "two letters", query: query{Q: "IT"}, want: []string{"tom-weiss"}},
		{name: "no result", query: query{Q: "xylophon"}},
		{name: "link target not indexed", query: query{Q: "geheimwort"}},
		{name: "html escaped", query: query{Q: "grenzüberschreitend"}, want: []string{"claire-dubois"},
			card: `Ich berate &lt;b&gt;<mark>grenzüberschreitend</mark>&lt;/b&gt; &amp; fair.`},
		{name: "card", query: query{Q: "ines"}, want: []string{"ines-berg"},
			card: `<li class="card" data-slug="ines-berg"><div class="card-head"><div><h2 class="card-name"><a href="/dir/members/ines-berg/"><mark>Ines</mark> Berg</a></h2><p class="card-meta"><span>Fotografin</span><span>Berg Bild</span><span>Bonn</span></p></div></div><p class="mission">Porträts mit Ruhe.</p></li>`},
		// The meta line of the static card: role, company and place, each
		// there or not.
		{name: "card without role", query: query{Q: "backup"}, want: []string{"tom-weiss"},
			card: `<p class="card-meta"><span>Weiss IT</span><span>Köln</span></p>`},
		// A member who writes in another language than the site's: role
		// and mission carry it, as on the static card; company, place and
		// name are names, in no language.
		{name: "card in another language", query: query{Q: "rechtsanwaltin"}, want: []string{"claire-dubois"},
			card: `<a href="/dir/members/claire-dubois/">Claire Dubois</a></h2><p class="card-meta"><span lang="fr"><mark>Rechtsanwältin</mark></span><span>Dubois Avocats</span><span>Koeln</span></p></div></div><p class="mission" lang="fr">Ich berate`},
		{name: "browse by category", query: query{Tag: "foto-video"}, want: []string{"anna-mueller", "ines-berg"},
			count: map[string]map[string]int{
				"tag":  {"foto-video": 2, "handwerk": 2, "it-technik": 1, "recht": 3, "sprache-text": 1, "steuern-finanzen": 1},
				"loc":  {"Bonn": 1, "Köln": 1},
				"lang": {"de": 2, "en": 1, "fr": 1},
			}},
		{name: "browse by place", query: query{Loc: "Köln"}, want: []string{"anna-mueller", "claire-dubois", "oemer-yilmaz", "tom-weiss"},
			card: `<p class="card-meta"><span lang="tr">Übersetzer</span><span>Yılmaz Übersetzungen</span><span>Köln-Ehrenfeld</span></p>`},
		{name: "query and all filters", query: query{Q: "recht", Loc: "Köln", Lang: "fr"}, want: []string{"claire-dubois"},
			count: map[string]map[string]int{
				"tag":  {"recht": 1},                // under the query, place and language
				"loc":  {"Köln": 1},                 // under the query, category and language
				"lang": {"de": 2, "fr": 1, "tr": 1}, // under the query, category and place
			}},
		// The filter by thanks: Jonas was thanked twice, Anna and Claire
		// once (see fixture); the others' cards have no line about it.
		{name: "thanked alone", query: query{Thanked: "1"}, want: []string{"anna-mueller", "claire-dubois", "jonas-mueller"}, thanked: ptr(3),
			card: `<p class="mission">Ich baue Möbel, die bleiben.</p><p class="thanked">2 referrals thanked for</p></li>`,
			count: map[string]map[string]int{
				"tag":  {"foto-video": 1, "handwerk": 1, "recht": 1},
				"loc":  {"Bonn": 1, "Köln": 2},
				"lang": {"de": 3, "en": 1, "fr": 1},
			}},
		{name: "thanked, one", query: query{Q: "anna", Thanked: "1"}, want: []string{"anna-mueller"}, thanked: ptr(1),
			card: `<p class="thanked">1 referral thanked for</p></li>`},
		// Counted without the filter, as a category's count is.
		{name: "thanked counted", query: query{Q: "fotografin"}, want: []string{"anna-mueller", "ines-berg"}, thanked: ptr(1)},
		{name: "thanked and query", query: query{Q: "köln", Thanked: "1"}, want: []string{"anna-mueller", "claire-dubois"}, thanked: ptr(2),
			count: map[string]map[string]int{
				"tag":  {"foto-video": 1, "recht": 1},
				"loc":  {"Köln": 2},
				"lang": {"de": 2, "en": 1, "fr": 1},
			}},
		{name: "thanked and category", query: query{Tag: "handwerk", Thanked: "1"}, want: []string{"jonas-mueller"}, thanked: ptr(1),
			count: map[string]map[string]int{
				"tag": {"foto-video": 1, "handwerk": 1, "recht": 1}, // under the filter by thanks, not by category
				"loc": {"Bonn": 1},
			}},
		{name: "thanked, none", query: query{Q: "steuer", Thanked: "1"}, thanked: ptr(0)},
	}
	var queries []query
	for _, tc := range cases {
		queries = append(queries, tc.query)
	}
	folds := []string{"Müller", "Mueller", "Weiß", "Mu\u0308ller", "Öztürk-Oeztuerk", "İstanbul", "ΣΟΦΟΣ", "Łukasz Æsop Søren",
		"Steuerberatung", "uee aeoeue", "anna@example.de: 50% für B2B (2024)!", "ǅemal Ǆ ﬁx", "日本語 テキスト", "𝐁old 𝟙", "Œuvre Þór Ðiðrik ıi đ ẞ"}
	highlights := [][]string{ // text, query
		{"<b>Müller</b> & Mueller's Muster", "muller"},
		{"Weiß, weiss; WEISSE Weste", "Weiss"},
		{"Die Fotografie, der Fotograf und die Fotografin", "fotogarf die"},
	}
	req, _ := json.Marshal(map[string]any{"entry": x.Entry, "folds": folds, "highlights": highlights, "queries": queries})
	// The script runs as written and as the site publishes it, minified.
	for _, script := range []struct{ name, path string }{{"source", scriptPath(t)}, {"minified", minifiedScript(t)}} {
		t.Run(script.name, func(t *testing.T) {
			var out struct {
				Folds      []string
				Highlights []string
				Results    []answer
			}
			if err := json.Unmarshal(runNode(t, req, "search_test.js", script.path, dir), &out); err != nil {
				t.Fatal(err)
			}

			for i, s := range folds {
				if want := Fold(s); out.Folds[i] != want {
					t.Errorf("script folds %q to %q, Go to %q", s, out.Folds[i], want)
				}
			}
			for i, want := range []string{
				"&lt;b&gt;<mark>Müller</mark>&lt;/b&gt; &amp; <mark>Mueller</mark>&#39;s Muster",
				"<mark>Weiß</mark>, <mark>weiss</mark>; <mark>WEISSE</mark> Weste",
				"Die <mark>Fotografie</mark>, der <mark>Fotograf</mark> und die <mark>Fotografin</mark>", // a stop word is no mark
			} {
				if out.Highlights[i] != want {
					t.Errorf("highlight %q = %q, want %q", highlights[i][0], out.Highlights[i], want)
				}
			}
			for i, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					a := out.Results[i]
					if !slices.Equal(a.Slugs, tc.want) {
						t.Errorf("%+v: got %q, want %q", tc.query, a.Slugs, tc.want)
					}
					if tc.terms != nil && !slices.Equal(a.Terms, tc.terms) {
						t.Errorf("%+v: terms %q, want %q", tc.query, a.Terms, tc.terms)
					}
					if tc.thanked != nil && a.Thanked != *tc.thanked {
						t.Errorf("%+v: %d results thanked, want %d", tc.query, a.Thanked, *tc.thanked)
					}
					if !a.Same {
						t.Errorf("%+v: the answer differs with the categories of all members loaded", tc.query)
					}
					if tc.card != "" && !strings.Contains(strings.Join(a.Cards, "\n"), tc.card) {
						t.Errorf("%+v: no card has %s; cards:\n%s", tc.query, tc.card, strings.Join(a.Cards, "\n"))
					}
					for facet, want := range tc.count {
						if got := a.Counts[facet]; !maps.Equal(got, want) {
							t.Errorf("%+v: %s counts %v, want %v", tc.query, facet, got, want)
						}
					}
				})
			}
		})
	}
}

// TestKeystrokes logs the script's time per keystroke at 1,000 and 10,000
// members in Node; it asserts nothing about time, which depends on the
// machine.
func TestKeystrokes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 10,000 members")
	}
	node(t)
	queries := []string{"steuerberatung köln", "fotogarfie", "müller", "kunden beratung bonn", "ve", "weiss schmidt", "xylophon"}
	for _, n := range []int{1000, 10000} {
		x, err := Build(synthetic(n, 1))
		if err != nil {
			t.Fatal(err)
		}
		dir := writeIndex(t, x)
		out := runNode(t, nil, "keystrokes.js", append([]string{scriptPath(t), dir, x.Entry}, queries...)...)
		type times struct {
			Median, P95, Max float64
			Worst            string
		}
		var r struct {
			Keystrokes          int
			Cold, Warm          times
			Setup, ShardLoadMax float64
		}
		if err := json.Unmarshal(out, &r); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		t.Logf("%d members, %d keystrokes, ms: cold %.1f median, %.1f p95, %.1f max (%q); warm %.1f median, %.1f p95, %.1f max (%q); entry taken in %.1f, a shard in at most %.1f",
			n, r.Keystrokes, r.Cold.Median, r.Cold.P95, r.Cold.Max, r.Cold.Worst, r.Warm.Median, r.Warm.P95, r.Warm.Max, r.Warm.Worst, r.Setup, r.ShardLoadMax)
	}
}

// TestEmpty checks that a directory without members gives an index the
// script can load and search.
func TestEmpty(t *testing.T) {
	d, _ := member.NewDirectory(member.DefaultConfig(), nil, nil, false)
	x, err := Build(d)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(x.Files[x.Entry], []byte("null")) {
		t.Errorf("entry has null, the script wants arrays: %s", x.Files[x.Entry])
	}
	req, _ := json.Marshal(map[string]any{"entry": x.Entry, "folds": []string{}, "highlights": []any{},
		"queries": []query{{Q: "müller"}, {}}})
	var out struct{ Results []answer }
	if err := json.Unmarshal(runNode(t, req, "search_test.js", scriptPath(t), writeIndex(t, x)), &out); err != nil {
		t.Fatal(err)
	}
	for _, a := range out.Results {
		if len(a.Slugs) > 0 {
			t.Errorf("results %q in an empty directory", a.Slugs)
		}
	}
}

// TestScriptShards checks the script's shard routing and decoding on an
// index of many shards: a prefix of two to four letters must find exactly
// the members having a word that starts with it.
func TestScriptShards(t *testing.T) {
	for _, n := range []int{1500, 10000} {
		if n > 1500 && testing.Short() {
			continue
		}
		t.Run(strconv.Itoa(n), func(t *testing.T) { testScriptShards(t, n) })
	}
}

// testScriptShards checks that the script finds, for prefixes of two to
// four letters, every member the index has a word with the prefix of: at
// 10,000 members, some groups are cut between shards, and prefixes that
// span shards are answered by their summaries.
func testScriptShards(t *testing.T, n int) {
	d := synthetic(n, 7)
	x, err := Build(d)
	if err != nil {
		t.Fatal(err)
	}
	p := invert(d, nil)
	var queries []query
	var want [][]string
	for i := 0; i < len(p.vocab); i += len(p.vocab) / 60 {
		r := []rune(p.vocab[i])
		q := string(r[:min(len(r), 2+i%3)])
		if stop[q] {
			continue
		}
		set := map[string]bool{}
		for k, t := range p.vocab {
			if strings.HasPrefix(t, q) {
				for _, ps := range p.lists[k] {
					set[d.Members[ps.id()].Slug] = true
				}
			}
		}
		queries = append(queries, query{Q: q})
		want = append(want, slices.Sorted(maps.Keys(set)))
	}
	// Two of them together find the members both find.
	for i := 1; i < len(queries); i += 2 {
		queries = append(queries, query{Q: queries[i-1].Q + " " + queries[i].Q})
		want = append(want, intersect(want[i-1], want[i]))
	}
	req, _ := json.Marshal(map[string]any{"entry": x.Entry, "folds": []string{}, "highlights": []any{}, "queries": queries})
	var out struct{ Results []answer }
	if err := json.Unmarshal(runNode(t, req, "search_test.js", scriptPath(t), writeIndex(t, x)), &out); err != nil {
		t.Fatal(err)
	}
	for i, q := range queries {
		if got := slices.Sorted(slices.Values(out.Results[i].Slugs)); !slices.Equal(got, want[i]) {
			t.Errorf("%q: script finds %d members, the index has %d", q.Q, len(got), len(want[i]))
		}
		if !out.Results[i].Same {
			t.Errorf("%q: the answer differs with the categories of all members loaded", q.Q)
		}
	}
	if len(queries) < 50 {
		t.Errorf("only %d queries", len(queries))
	}
	if m := decodedMeta(t, x); n > 1500 && len(m.Summaries) == 0 {
		t.Errorf("%d members: no summary; the test needs some", n)
	}
	// At 10,000 members, every way of counting must have been checked
	// against the whole column (Same).
	counted := map[string]int{}
	for _, r := range out.Results {
		counted[r.Counted]++
	}
	if n > 1500 && (counted["own"] == 0 || counted["big"] == 0 || counted["prefix"] == 0 || counted["summary"] == 0) {
		t.Errorf("%d members: counted %v; the test needs each of own, big, prefix and summary", n, counted)
	}
}

// TestScriptTyping types words letter by letter, as a visitor does, and
// checks that each answer is the one a fresh search gives: the script
// narrows each letter's search to what the one before matched.
func TestScriptTyping(t *testing.T) {
	d := synthetic(1500, 9)
	x, err := Build(d)
	if err != nil {
		t.Fatal(err)
	}
	dir := writeIndex(t, x)
	var queries []query
	for _, w := range []string{"steuerberatung", "fotogarfie", "müller", "weiss", "beratung köln", "kundn", "xylophon", "ver"} {
		for i := range []rune(w) {
			queries = append(queries, query{Q: string([]rune(w)[:i+1])})
		}
	}
	answers := func(fresh bool) []answer {
		req, _ := json.Marshal(map[string]any{"entry": x.Entry, "folds": []string{}, "highlights": []any{}, "queries": queries, "fresh": fresh})
		var out struct{ Results []answer }
		if err := json.Unmarshal(runNode(t, req, "search_test.js", scriptPath(t), dir), &out); err != nil {
			t.Fatal(err)
		}
		return out.Results
	}
	typed, fresh := answers(false), answers(true)
	found := 0
	for i, q := range queries {
		if !slices.Equal(typed[i].Slugs, fresh[i].Slugs) {
			t.Errorf("%q typed: %d members, fresh: %d", q.Q, len(typed[i].Slugs), len(fresh[i].Slugs))
		}
		found += len(fresh[i].Slugs)
	}
	if found == 0 {
		t.Fatal("no query found anyone; the test proves nothing")
	}
}

// TestScriptPrefetch: the first letter of a word loads the shards of the
// words beginning with it, among them the one the second letter will
// need: when one shard holds them all, or several of no more than
// prefetchBytes together, and nothing else (it would cost more download
// than the search uses).
// prefetchBytes is PREFETCH_BYTES in search.js; TestPrefetchBytes
// checks that the two agree.
const prefetchBytes = 64 << 10

func TestPrefetchBytes(t *testing.T) {
	src, err := os.ReadFile(scriptPath(t))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`const PREFETCH_BYTES = (\d+) << 10;`).FindSubmatch(src)
	if m == nil || string(m[1]) != strconv.Itoa(prefetchBytes>>10) {
		t.Errorf("search.js sets PREFETCH_BYTES to %q << 10, the test assumes %d << 10", m, prefetchBytes>>10)
	}
}

// TestCardFields checks that the script reads card chunks with the
// layout Build writes: CARD in search.js is cardFields.
func TestCardFields(t *testing.T) {
	src, err := os.ReadFile(scriptPath(t))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`const CARD = (\d+);`).FindSubmatch(src)
	if m == nil || string(m[1]) != strconv.Itoa(cardFields) {
		t.Errorf("search.js sets CARD to %q, search.go's cardFields is %d", m, cardFields)
	}
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

func TestScriptPrefetch(t *testing.T) {
	for _, n := range []int{300, 3000, 10000} {
		if n > 3000 && testing.Short() {
			continue
		}
		x, err := Build(synthetic(n, 3))
		if err != nil {
			t.Fatal(err)
		}
		m := decodedMeta(t, x)
		var got map[string][]string
		if err := json.Unmarshal(runNode(t, nil, "prefetch.js", scriptPath(t), writeIndex(t, x), x.Entry, prefetchLetters), &got); err != nil {
			t.Fatal(err)
		}
		single := 0
		for _, r := range prefetchLetters {
			first, last, ok := prefetched(m, Fold(string(r)))
			var want []string
			if ok {
				for i := first; i <= last; i++ {
					want = append(want, shardFile(i))
				}
				single++
			}
			if !slices.Equal(got[string(r)], want) {
				t.Errorf("%d members, %q (shards %d–%d): loaded %q, want %q", n, r, first, last, got[string(r)], want)
			}
		}
		t.Logf("%d members, %d shards: %d of %d letters prefetch", n, len(m.Shards), single, len([]rune(prefetchLetters)))
		for i := range m.Shards {
			if f := shardFile(i); m.Sizes[i] != len(x.Files["search/"+f]) {
				t.Errorf("ss[%d] = %d, but %s has %d bytes", i, m.Sizes[i], f, len(x.Files["search/"+f]))
			}
		}
	}
}

// intersect returns the strings in both sorted a and b.
func intersect(a, b []string) []string {
	var out []string
	for _, s := range a {
		if _, ok := slices.BinarySearch(b, s); ok {
			out = append(out, s)
		}
	}
	return out
}
