// prefetch.js calls Search.prefetch for each letter given and reports
// which files each call loaded, for search's Go test TestScriptPrefetch:
//
//	node prefetch.js SCRIPT DIR ENTRY LETTERS
"use strict";
const fs = require("fs");
const path = require("path");
const [script, dir, entry, letters] = process.argv.slice(2);
const { Search, fold } = require(script);
const read = (p) => JSON.parse(fs.readFileSync(path.join(dir, p), "utf8"));
(async () => {
  const out = {};
  for (const l of Array.from(letters)) {
    const loaded = [];
    const s = new Search(read(entry), (f) => { loaded.push(f); return Promise.resolve(read(path.join("search", f))); });
    s.prefetch(fold(l)); // as the page does, with the folded word
    await new Promise((r) => setTimeout(r, 0));
    out[l] = loaded;
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
