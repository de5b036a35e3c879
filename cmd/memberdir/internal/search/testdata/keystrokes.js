// keystrokes.js times the script's answer to each keystroke, for search's
// Go test TestKeystrokes:
//
//	node keystrokes.js SCRIPT DIR ENTRY QUERY...
//
// Each query is typed one character at a time into one Search, as in the
// browser, and a keystroke is timed from the query to the HTML of the
// first page of cards. Taking in a shard (here: read and parse) is timed
// apart: it happens once, when the shard arrives; its decoding is part of
// the first keystroke that needs it. The queries are
// typed four times: the first pass is cold (a fresh page: no compiled
// code, no decoded data), and for the warm figure each keystroke takes
// its fastest of the other three passes, with the term cache emptied, so
// that a busy machine's noise drops out. It prints a JSON summary in
// milliseconds.
"use strict";
const fs = require("fs");
const path = require("path");
const [script, dir, entry, ...queries] = process.argv.slice(2);
const { Search } = require(script);
const PAGE = 12;
const PASSES = 4;

const now = () => process.hrtime.bigint();
const since = (t) => Number(now() - t) / 1e6;

function summary(times) {
  const t = [...times].sort((a, b) => a - b);
  return { median: t[t.length >> 1], p95: t[Math.floor(t.length * 0.95)], max: t[t.length - 1] };
}

(async () => {
  const meta = JSON.parse(fs.readFileSync(path.join(dir, entry), "utf8"));
  let t = now();
  const s = new Search(meta, (f) => Promise.resolve(JSON.parse(fs.readFileSync(path.join(dir, "search", f), "utf8"))));
  const setup = since(t);
  const loads = [];
  const passes = [];
  const typed = queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
  for (let p = 0; p < PASSES; p++) {
    const times = [];
    for (const q of typed) {
      if (p > 0) s.cache.clear();
      const loaded = s.shards.filter(Boolean).length;
      t = now();
      await s.ready(s.terms(q), { tag: "", loc: "", lang: "" });
      if (s.shards.filter(Boolean).length > loaded) loads.push(since(t));
      t = now();
      const r = s.run(s.terms(q), { tag: "", loc: "", lang: "" });
      let d = since(t);
      const page = r.ids.slice(0, PAGE);
      await s.ensureCards(page);
      t = now();
      const html = page.map((id) => s.card(id, r.marks, "/")).join("");
      d += since(t);
      if (!html && r.ids.length) throw new Error("no cards for " + q);
      times.push(d);
    }
    passes.push(times);
  }
  const warm = typed.map((_, i) => Math.min(...passes.slice(1).map((times) => times[i])));
  const worst = (times) => {
    const i = times.indexOf(Math.max(...times));
    return typed[i];
  };
  process.stdout.write(JSON.stringify({
    keystrokes: typed.length,
    cold: { ...summary(passes[0]), worst: worst(passes[0]) },
    warm: { ...summary(warm), worst: worst(warm) },
    setup,
    shardLoadMax: Math.max(0, ...loads),
  }));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
