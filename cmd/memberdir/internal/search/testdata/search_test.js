// search_test.js runs the pure part of templates/assets/search.js against
// an index on disk, for search's Go tests (TestScript):
//
//	node search_test.js SCRIPT DIR < request.json
//
// The request names the entry file, strings to fold and queries; the
// answer on stdout holds, for each query, the terms, the matching slugs
// best first, the non-zero filter counts, the number of results thanked
// for a referral and the HTML of the first 20 result cards. With "fresh", each query gets a new Search, remembering
// nothing of the queries before it.
"use strict";
const fs = require("fs");
const path = require("path");
const [script, dir] = process.argv.slice(2);
const { Search, fold, highlight, CARD } = require(script);

const req = JSON.parse(fs.readFileSync(0, "utf8"));
const read = (p) => JSON.parse(fs.readFileSync(path.join(dir, p), "utf8"));

(async () => {
  const meta = read(req.entry);
  const open = () => new Search(meta, (f) => Promise.resolve(read(path.join("search", f))));
  let s = open();
  const out = { folds: req.folds.map(fold), highlights: req.highlights.map(([t, q]) => highlight(t, s.marker(s.terms(q)))), results: [] };
  for (const q of req.queries) {
    if (req.fresh) s = open(); // no memory of earlier queries
    const terms = s.terms(q.q);
    await s.ready(terms, q, true);
    // How the results were counted by category (see Search.plan).
    const p = s.memberCats ? null : s.plan(terms, q);
    const counted = !terms.length ? "" : !p ? "column" : p.inPrefix ? "prefix" : p.given ? "summary" : p.cats.length > 1 ? "big" : "own";
    const r = s.run(terms, q);
    const ids = r.ids.slice(); // all, best first
    await s.ensureCards(ids);
    // The same query with all the members' categories loaded: the
    // counts and results must not depend on where the categories came
    // from (the shard's own, a summary's counts or the whole column).
    const all = open();
    await all.ready(terms, q, true);
    await all.ensureCats();
    const r2 = all.run(terms, q);
    // The results a page at a time, as the page shows them ("Show
    // more"), must be in the order of a plain sort by score, then
    // directory order: the first page is chosen without sorting them all.
    const paged = [];
    for (let from = 0; from < r2.ids.length; from += 12) paged.push(...r2.ids.slice(from, from + 12));
    const o = r2.ids, sorted = o.s ? Array.from(o.id, (id, i) => [o.s[i], id]).sort((a, b) => b[0] - a[0] || a[1] - b[1]).map((x) => x[1]) : Array.from(o.id);
    if (String(paged) !== String(sorted) || String(r2.ids.slice()) !== String(sorted)) throw new Error(`${JSON.stringify(q)}: the results a page at a time are not in the order of a sort`);
    // The counts by category must be those of a plain count: the
    // categories of each member the query finds under the other filters.
    const plain = new Array(meta.cat.length).fill(0);
    if (terms.length || q.tag || q.loc || q.lang || q.thanked) {
      for (const id of all.run(terms, { ...q, tag: "" }).ids.slice()) {
        for (let k = all.memberCats.off[id]; k < all.memberCats.off[id + 1]; k++) plain[all.memberCats.val[k]]++;
      }
      if (String(Array.from(r.counts.tag)) !== String(plain)) throw new Error(`${JSON.stringify(q)}: counts by category ${r.counts.tag}, a plain count ${plain}`);
    }
    const same = String(ids) === String(r2.ids.slice()) && String(r.counts.tag) === String(r2.counts.tag) && r.counts.thanked === r2.counts.thanked;
    const counts = { tag: {}, loc: {}, lang: {} };
    Array.from(r.counts.tag).forEach((n, i) => n && (counts.tag[meta.cat[i][0]] = n));
    Array.from(r.counts.loc).forEach((n, i) => n && (counts.loc[meta.loc[i]] = n));
    Array.from(r.counts.lang).forEach((n, i) => n && (counts.lang[meta.lang[i]] = n));
    out.results.push({
      terms,
      thanked: r.counts.thanked,
      slugs: ids.map((id) => s.cards[Math.floor(id / meta.ck)][(id % meta.ck) * CARD]),
      counts,
      same,
      counted,
      cards: ids.slice(0, 20).map((id) => s.card(id, r.marks, "/dir/")),
    });
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
