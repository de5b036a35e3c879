// search.js answers the directory's search box as the visitor types, from
// the index that package search builds (see its package comment for the
// files). The pure part (folding, matching, ranking, card HTML) runs in
// Node too, for the tests; the page part runs only in a browser.
"use strict";
(function () {
  // Folding, exactly as Fold in search/fold.go: NFD, lower case, no
  // nonspacing marks, special letters spelled out, words of letters and
  // digits, and an e after a, o or u dropped (Müller = Mueller = muller).
  const SPECIAL = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ς": "σ" };
  const SPECIAL_RE = /[ßæœøłđðþıς]/g;
  const MARKS = /\p{Mn}/gu;
  const WORD = /[\p{L}\p{N}]+/gu;
  const RAW_WORD = /[\p{L}\p{N}\p{Mn}]+/gu; // a word as written, for highlighting
  const UMLAUT_E = /([aou])e/g;

  function words(s) {
    const w = s.normalize("NFD").toLowerCase().replace(MARKS, "").replace(SPECIAL_RE, (c) => SPECIAL[c]).match(WORD) || [];
    for (let i = 0; i < w.length; i++) w[i] = w[i].replace(UMLAUT_E, "$1");
    return w;
  }
  const fold = (s) => words(s).join(" ");
  const runes = (s) => { let n = 0; for (const _ of s) n++; return n; };

  // cmp orders strings by code point, as Go sorts them.
  function cmp(a, b) {
    for (let i = 0; i < a.length && i < b.length; i++) {
      const x = a.codePointAt(i), y = b.codePointAt(i);
      if (x !== y) return x - y;
      if (x > 0xffff) i++;
    }
    return a.length - b.length;
  }

  const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  const DIGIT = new Int8Array(128);
  for (let i = 0; i < 64; i++) DIGIT[DIGITS.charCodeAt(i)] = i;
  // keyOf tells apart the searches that may have different answers.
  const keyOf = (terms, sel) => JSON.stringify([terms, sel.tag, sel.loc, sel.lang, !!sel.thanked]);
  const has = (l, i, x) => { for (let k = l.off[i]; k < l.off[i + 1]; k++) if (l.val[k] === x) return true; return false; };

  // Ranking: the weight of a word's best field (name, offerings and
  // categories, company and location, mission and ideal referral, why,
  // body), times how the word matched.
  const WEIGHTS = [32, 16, 8, 4, 2, 1];
  const EXACT = 1, PREFIX = 0.75, TYPO = 0.5;
  const TYPO_MIN = 5; // words this long tolerate one typo
  const PREFETCH_BYTES = 64 << 10; // see prefetch
  const URL_DELAY = 300; // ms after the last keystroke, see writeURLSoon
  const CARD_DELAY = 150; // ms after the last keystroke, see update
  const idle = typeof requestIdleCallback === "function" ? (f) => requestIdleCallback(f, { timeout: 1000 }) : (f) => setTimeout(f, 0);

  // near reports whether some prefix of token b is at most one edit from
  // a (insertion, deletion, substitution or swap of neighbours).
  const ROW = 64, D = new Int32Array(3 * ROW);
  function near(a, b) {
    const m = a.length;
    if (m >= ROW || b.length < m - 1) return false;
    // Rows j-2, j-1 and j of the distance table live at D[r2], D[r1], D[r0].
    let r2 = 0, r1 = ROW, r0 = 2 * ROW;
    for (let i = 0; i <= m; i++) D[r1 + i] = i;
    for (let j = 1; j <= b.length && j <= m + 1; j++) {
      D[r0] = j;
      let low = j;
      const bj = b.charCodeAt(j - 1), bp = j > 1 ? b.charCodeAt(j - 2) : -1;
      for (let i = 1; i <= m; i++) {
        const ai = a.charCodeAt(i - 1);
        let v = Math.min(D[r1 + i] + 1, D[r0 + i - 1] + 1, D[r1 + i - 1] + (ai === bj ? 0 : 1));
        if (i > 1 && ai === bp && a.charCodeAt(i - 2) === bj && D[r2 + i - 2] + 1 < v) v = D[r2 + i - 2] + 1;
        D[r0 + i] = v;
        if (v < low) low = v;
      }
      if (D[r0 + m] <= 1) return true;
      if (low > 1) return false;
      const t = r2; r2 = r1; r1 = r0; r0 = t;
    }
    return false;
  }

  // Bits reads the bit strings of search/bits.go: six bits a digit, most
  // significant first, numbers in the gamma and Rice codes. It reads a
  // digit at a time into acc, which holds the next n bits, and counts a
  // code's run of zeros or ones with Math.clz32 rather than bit by bit:
  // decoding a shard is most of a keystroke that has to fetch one.
  class Bits {
    constructor(s) {
      this.s = s;
      this.i = 0; // the next digit
      this.acc = 0;
      this.n = 0;
    }
    // fill reads digits into acc until it holds more than 24 bits, or
    // all that are left.
    fill() {
      while (this.n <= 24 && this.i < this.s.length) {
        this.acc = (this.acc << 6) | DIGIT[this.s.charCodeAt(this.i++)];
        this.n += 6;
      }
    }
    bits(k) {
      if (k > 24) return this.bits(k - 24) * 2 ** 24 + this.bits(24);
      if (this.n < k) this.fill();
      if (this.n < k) throw new Error("search: index file cut short");
      this.n -= k;
      const v = this.acc >>> this.n;
      this.acc &= (1 << this.n) - 1;
      return v;
    }
    bit() {
      return this.bits(1);
    }
    // run reads bits equal to b up to the first other one, and returns
    // how many there were.
    run(b) {
      for (let q = 0; ; ) {
        this.fill();
        if (!this.n) throw new Error("search: index file cut short");
        const x = b ? ~this.acc & ((1 << this.n) - 1) : this.acc;
        if (x) {
          const k = Math.clz32(x) - (32 - this.n); // the bits equal to b
          this.n -= k + 1;
          this.acc &= (1 << this.n) - 1;
          return q + k;
        }
        q += this.n;
        this.acc = this.n = 0;
      }
    }
    gamma() {
      const n = this.run(0);
      return 2 ** n + this.bits(n);
    }
    rice(b) {
      return this.run(1) * 2 ** b + this.bits(b);
    }
    // set reads k sorted numbers below m into out from position at.
    set(k, m, out, at) {
      const b = riceParam(m, k);
      for (let i = 0, v = -1; i < k; i++) out[at + i] = v += this.rice(b) + 1;
    }
    // others reads the set of n - k of n members and writes the k others
    // into out from position at.
    others(k, n, out, at) {
      const o = new Int32Array(n - k);
      this.set(n - k, n, o, 0);
      for (let id = 0, x = 0; id < n; id++) if (x < n - k && o[x] === id) x++; else out[at++] = id;
    }
    // members reads what bitWriter.members writes.
    members(n) {
      const k = this.gamma() - 1, out = new Int32Array(k);
      if (2 * k <= n) this.set(k, n, out, 0); else this.others(k, n, out, 0);
      return out;
    }
  }
  // column decodes an entry file column of the members of count values:
  // member i has the values val[off[i]] to val[off[i+1]-1].
  // With one, a member has one value at most, and each value's members
  // are given by their positions among those of no value before it.
  function column(s, count, n, one) {
    const r = new Bits(s), sets = [], off = new Int32Array(n + 1);
    let rest = null;
    if (one) {
      rest = new Int32Array(n);
      for (let i = 0; i < n; i++) rest[i] = i;
    }
    for (let v = 0; v < count; v++) {
      let m = r.members(one ? rest.length : n);
      if (one) {
        m = m.map((i) => rest[i]);
        const mine = new Set(m);
        rest = rest.filter((id) => !mine.has(id));
      }
      sets.push(m);
      for (const id of m) off[id + 1]++;
    }
    for (let i = 0; i < n; i++) off[i + 1] += off[i];
    const val = new Int32Array(off[n]), at = off.slice(0, n);
    sets.forEach((m, v) => { for (const id of m) val[at[id]++] = v; });
    return { off, val };
  }
  // riceParam is the largest b with k·2^b ≤ m, or 0.
  function riceParam(m, k) {
    let b = 0;
    while (k > 0 && k * 2 ** (b + 1) <= m) b++;
    return b;
  }
  // seek returns the first place from i on in the sorted a whose value
  // is x or more (a.length if none): it looks 1, 2, 4… places ahead,
  // then halves, so that a walk over a in increasing x costs at most the
  // length of a, and much less when the x are few.
  function seek(a, i, x) {
    if (i >= a.length || a[i] >= x) return i;
    let lo = i, step = 1; // a[lo] < x
    while (lo + step < a.length && a[lo + step] < x) lo += step, step *= 2;
    let hi = Math.min(lo + step, a.length);
    lo++;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid] < x) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // Cats is the categories of members in the columns cols, each as
  // column decodes it for the members ids (sorted; undefined for all, by
  // member number): the first column that holds a member gives them, for
  // a member has the same categories in each. count counts an answer's
  // results by category; find, for a filter by category, looks members
  // up in increasing order (as answer goes through them) and leaves
  // their categories in val[from] to val[to-1]. Counting in the columns
  // as decoded, rather than copying them into one by member number,
  // keeps a keystroke's work to its results and those columns: the copy
  // took passes over the whole directory, 10 to 30 ms at 100,000
  // members, each time a keystroke matched other big words.
  class Cats {
    constructor(cols) {
      this.cols = cols;
      this.at = new Int32Array(cols.length); // where the last look-up stopped in each column
      this.val = null;
      this.from = this.to = 0;
    }
    find(id) {
      for (let k = 0; k < this.cols.length; k++) {
        const c = this.cols[k];
        let p = id;
        if (c.ids) {
          p = this.at[k] = seek(c.ids, this.at[k], id);
          if (p === c.ids.length || c.ids[p] !== id) continue;
        }
        this.val = c.val;
        this.from = c.off[p];
        this.to = c.off[p + 1];
        return;
      }
      this.from = this.to = 0;
    }
    // count adds to n[v] the number of the members ids (in order) in
    // category v, with mark all 0 (and left so) for scratch. A column
    // with many of them is gone through once, as mark says which ones to
    // count; one with few looks each one up.
    count(ids, n, mark) {
      for (const id of ids) mark[id] = 1; // 2: counted
      for (const c of this.cols) {
        if (!c.ids) {
          for (const id of ids) if (mark[id] === 1) for (let k = c.off[id]; k < c.off[id + 1]; k++) n[c.val[k]]++;
          break;
        }
        const a = c.ids;
        if (16 * ids.length < a.length) {
          for (let i = 0, p = 0; i < ids.length; i++) {
            const id = ids[i];
            if (mark[id] !== 1) continue;
            p = seek(a, p, id);
            if (p === a.length) break;
            if (a[p] !== id) continue;
            mark[id] = 2;
            for (let k = c.off[p]; k < c.off[p + 1]; k++) n[c.val[k]]++;
          }
        } else {
          for (let p = 0; p < a.length; p++) {
            if (mark[a[p]] !== 1) continue;
            mark[a[p]] = 2;
            for (let k = c.off[p]; k < c.off[p + 1]; k++) n[c.val[k]]++;
          }
        }
      }
      for (const id of ids) mark[id] = 0;
    }
    // has reports whether the member last found is in category v.
    has(v) {
      for (let k = this.from; k < this.to; k++) if (this.val[k] === v) return true;
      return false;
    }
  }

  const REF_MIN = 8; // refMin in search.go
  // shardFile and cardFile name the i-th shard and card chunk, as in search.go.
  const shardFile = (i) => "t." + i + ".json", cardFile = (i) => "c." + i + ".json", summaryFile = (i) => "s." + i + ".json";
  const CARD = 8; // values a member in a card chunk: cardFields in search.go
  // THANKED is the line a card shows about the thanks a member got for
  // referrals, as the static card says it (member.thanked in
  // templates/i18n); the page gives the site's own.
  const THANKED = { one: "%d referral thanked for", many: "%d referrals thanked for" };

  // Shard is one loaded token file of an index of n members: its sorted
  // tokens, and their postings, decoded at once (one tight loop, before
  // any keystroke needs them): token k has the members ids[off[k]] to
  // ids[off[k+1]-1] with the field classes cls[…].
  //
  // Its third part is, for a shard, its own categories column (see
  // cats), "" in a small directory, its fourth the counts by category of
  // its big prefixes and its fifth the number of its first big word (see
  // plan); for a summary, the third is the number of its members in each
  // category.
  class Shard {
    constructor([voc, post, extra, counts, first], n) {
      this.extra = extra;
      this.own = null; // its own categories column decoded, when cats needs it
      this.counts = counts || {};
      this.first = first || 0;
      const tokens = (this.tokens = []);
      let prev = "", start = -1, shared = 0;
      for (let i = 0; i <= voc.length; i++) {
        const c = i < voc.length ? voc.charCodeAt(i) : 65;
        if (c >= 65 && c <= 90) {
          if (start >= 0) tokens.push((prev = prev.slice(0, shared) + voc.slice(start, i)));
          shared = c - 65;
          start = i + 1;
        }
      }
      const r = new Bits(post), byRank = [];
      for (let i = 0; i < 6; i++) byRank.push(r.bits(3));
      const cls1 = () => {
        let k = 0;
        while (k < 5 && r.bit()) k++;
        return byRank[k];
      };
      let ids = new Int32Array(1024), cls = new Uint8Array(1024), tmp = new Int32Array(n);
      const off = (this.off = new Int32Array(tokens.length + 1)), refs = [];
      let j = 0; // postings so far
      for (let t = 0; t < tokens.length; t++) {
        const k = r.gamma();
        if (j + k > ids.length) {
          const size = Math.max(2 * ids.length, j + k), a = new Int32Array(size), c = new Uint8Array(size);
          a.set(ids);
          c.set(cls);
          ids = a;
          cls = c;
        }
        if (k >= REF_MIN && r.bit()) {
          // The members of an earlier token, with d of them added or taken away.
          const from = refs[refs.length - r.gamma()], d = r.gamma() - 1;
          r.set(d, n, tmp, 0);
          let a = off[from], x = 0, o = j;
          const end = off[from + 1];
          while (a < end || x < d) {
            if (x === d || (a < end && ids[a] < tmp[x])) ids[o++] = ids[a++];
            else if (a === end || tmp[x] < ids[a]) ids[o++] = tmp[x++];
            else a++, x++;
          }
        } else if (2 * k <= n) {
          r.set(k, n, ids, j);
        } else {
          r.others(k, n, ids, j);
        }
        if (k >= REF_MIN) refs.push(t);
        if (k === 1) cls[j] = cls1();
        else if (!r.bit()) for (let i = j; i < j + k; i++) cls[i] = cls1();
        else {
          // One class but for e exceptions.
          cls.fill(cls1(), j, j + k);
          const e = r.gamma() - 1, b = riceParam(k, e);
          for (let x = 0, i = j - 1; x < e; x++) cls[(i += r.rice(b) + 1)] = cls1();
        }
        off[t + 1] = j += k;
      }
      this.ids = ids.subarray(0, j);
      this.cls = cls.subarray(0, j);
    }
    // lower returns the index of the first token not before t.
    lower(t) {
      let lo = 0, hi = this.tokens.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cmp(this.tokens[mid], t) < 0) lo = mid + 1; else hi = mid;
      }
      return lo;
    }
  }

  // Order is the results of an answer best first: the best score
  // first, then directory order. It holds the hits id in directory order
  // with their scores times 4 s (whole numbers up to top), or null for
  // hits all in order already, and puts only what slice asks for in
  // order: a first page of 12 takes one pass over the hits, which stops
  // once the page is full, where sorting all of them (at 100,000 members,
  // a short term matches nearly everyone) took milliseconds of the
  // keystroke. A slice beyond the first one asked for ("Show more")
  // makes the whole order, a stable counting sort, once.
  class Order {
    constructor(id, s, top) {
      Object.assign(this, { id, s, top, length: id.length });
      this.head = s ? [] : null; // the first results in order, while the whole order is not made
      this.all = s ? null : id;
    }
    // slice returns the results from to to as an array, all of them
    // without arguments, as Array.prototype.slice does.
    slice(from = 0, to = this.length) {
      to = Math.min(to, this.length);
      if (this.all) return Array.from(this.all.subarray(from, Math.max(from, to)));
      if (to > this.head.length) {
        if (this.head.length) this.sort();
        else this.head = this.first(to);
        return this.slice(from, to);
      }
      return this.head.slice(from, to);
    }
    // first returns the first k results: the scores from the best down
    // to the lowest that reaches into them are placed at once where the
    // counting sort would place them, and lower ones skipped.
    first(k) {
      const { id, s, top, length: n } = this;
      const count = new Int32Array(top + 1), at = new Int32Array(top + 1);
      for (let i = 0; i < n; i++) count[s[i]]++;
      let low = top;
      for (let pos = 0; low > 0 && pos + count[low] < k; low--) {
        at[low] = pos;
        pos += count[low];
        at[low - 1] = pos;
      }
      const out = new Array(k);
      for (let i = 0, left = k; i < n && left > 0; i++) {
        const v = s[i];
        if (v < low) continue;
        const p = at[v]++;
        if (p < k) out[p] = id[i], left--;
      }
      return out;
    }
    // sort makes the whole order.
    sort() {
      const { id, s, top, length: n } = this;
      const at = new Int32Array(top + 1);
      for (let i = 0; i < n; i++) at[s[i]]++;
      for (let v = top, pos = 0; v >= 0; v--) {
        const c = at[v];
        at[v] = pos;
        pos += c;
      }
      const all = new Int32Array(n);
      for (let i = 0; i < n; i++) all[at[s[i]]++] = id[i];
      this.all = all;
      this.head = null;
    }
  }

  class Search {
    // meta is the parsed entry file; load(name) resolves to the parsed
    // JSON of a file named in it.
    constructor(meta, load) {
      if (meta.v !== 5) throw new Error("search: unknown index format " + meta.v);
      Object.assign(this, { meta, load, n: meta.n });
      this.stop = new Set(meta.stop.split(" "));
      this.summaries = new Map(meta.sp.map((q, i) => [q, meta.sk.length + i]));
      // The members' categories, and their locations, languages and
      // whether they were thanked for a referral, are loaded when an
      // answer first needs them (see ready).
      this.memberCats = this.memberLoc = this.memberLangs = this.memberThanked = null;
      this.columns = {};
      this.bigCols = new Map(); // file → column of a big word
      this.bigCats = new Map(); // file → that column decoded (see cats)
      this.shards = [];
      this.cards = [];
      this.everyone = null; // answer's every member, when asked
      this.cache = new Map();
      this.hitId = new Int32Array(this.n); // run's matches
      this.hitS = new Int32Array(this.n); // and their scores times 4
      this.counted = new Int32Array(this.n); // run's members to count by category
      this.mark = new Uint8Array(this.n); // all 0 but during Cats.count
    }

    // terms returns the query's words to match: folded, two letters or
    // more, without stop words unless there is nothing else.
    terms(q) {
      const all = [...new Set(words(q))].filter((w) => runes(w) >= 2);
      const some = all.filter((w) => !this.stop.has(w));
      return some.length ? some : all;
    }

    // ready loads what run needs to answer terms under the filters sel:
    // the terms' shards and, for a search or a filter, the members'
    // categories, which the category counts need. The locations,
    // languages and thanked members are needed for a filter by them, or
    // with places (the visitor turned to the filters) for their counts.
    ready(terms, sel, places) {
      const all = [this.ensure(terms)];
      if (places || sel.loc || sel.lang || sel.thanked) all.push(this.ensurePlaces());
      return Promise.all(all).then(() => {
        if (!terms.length && !sel.tag && !sel.loc && !sel.lang && !sel.thanked) return;
        const p = this.plan(terms, sel);
        if (!p) return this.ensureCats();
        if (p.need) return this.loadBig(p.need).then(() => this.ready(terms, sel, places));
      });
    }

    // plan returns how answer counts the results by category, or null
    // when it needs the whole column. With { cats }, from each result's
    // categories: the whole column's, or those of a shard's words that
    // answer a term (as cats gives them: the shard's own column, of its
    // words that are not big, and the columns of the big ones that the
    // term matches, each a file of its own), all the results being among
    // their members. With { given }, one term and no filter, from counts
    // given: a summary's, or those of a big prefix (Shard.counts) for the
    // members of the words it begins, with { cats, inPrefix } for the
    // others, those of words one typo away, which must not be big. With
    // { need }, the files of big words' columns that ready loads before
    // it asks again. Its shards must be loaded.
    //
    // ready and answer both ask for the plan of a keystroke, and its
    // inPrefix alone goes through all the members of the term's words:
    // the last plan is kept, unless it needs a column still to load.
    plan(terms, sel) {
      const key = keyOf(terms, sel);
      if (this.planned && this.planned.key === key) return this.planned.p;
      const p = this.planAnew(terms, sel);
      if (p && !p.need) this.planned = { key, p };
      return p;
    }

    // planAnew is plan without its memory of the last plan.
    planAnew(terms, sel) {
      if (this.memberCats) return { cats: [this.memberCats] };
      const k = this.meta.sk.length, big = this.meta.bg, n = this.n;
      const size = (sh, h) => sh.off[h + 1] - sh.off[h];
      let best = null; // the term whose big words have the fewest members
      for (const t of terms) {
        const i = this.shardOf(t);
        if (i >= k || !this.shard(i).extra) continue;
        const sh = this.shard(i), bigs = this.match(t).hit.filter((h) => size(sh, h) >= big).sort((a, b) => a - b);
        const cost = bigs.reduce((c, h) => c + size(sh, h), 0);
        if (!best || cost < best.cost) best = { i, sh, bigs, cost };
      }
      if (best && !best.bigs.length) return { cats: this.cats(best.i, []) };
      if (terms.length === 1 && !sel.tag && !sel.loc && !sel.lang && !sel.thanked) {
        const t = terms[0], i = this.shardOf(t);
        if (i >= k) return { given: this.shard(i).extra };
        const sh = this.shard(i), given = sh.extra ? sh.counts[t] : null;
        if (given) {
          const from = sh.lower(t);
          let to = from;
          while (to < sh.tokens.length && sh.tokens[to].startsWith(t)) to++;
          const inPrefix = new Uint8Array(n);
          let ok = true;
          for (const h of this.match(t).hit) {
            if (h >= from && h < to) for (let x = sh.off[h]; x < sh.off[h + 1]; x++) inPrefix[sh.ids[x]] = 1;
            else if (size(sh, h) >= big) ok = false;
          }
          if (ok) return { given, cats: this.cats(i, []), inPrefix };
        }
      }
      // Big words' columns, unless they hold half the members or more:
      // then the whole column, which any search can use, costs as much.
      if (!best || 2 * best.cost >= n) return null;
      const files = best.bigs.map((h) => this.bigFile(best.sh, h)), need = files.filter((f) => !this.bigCols.has(f));
      return need.length ? { need } : { cats: this.cats(best.i, best.bigs) };
    }

    // bigFile names the file of the categories column of the big word h
    // of shard sh: the shard's fifth part numbers its first big word.
    bigFile(sh, h) {
      let j = sh.first;
      for (let x = 0; x < h; x++) if (sh.off[x + 1] - sh.off[x] >= this.meta.bg) j++;
      return "b." + j + ".json";
    }

    // cats returns the columns, for Cats, of the categories of the
    // members of shard i's words that are not big, from its own column,
    // and of its big words bigs, from their loaded files. Each is decoded
    // once, when a keystroke first needs it, and kept.
    cats(i, bigs) {
      const sh = this.shard(i), big = this.meta.bg, m = this.meta.cat.length;
      if (!sh.own) {
        // The members of the words that are not big, in order.
        const n = this.n, mine = new Uint8Array(n);
        let count = 0;
        for (let h = 0; h < sh.tokens.length; h++) {
          if (sh.off[h + 1] - sh.off[h] >= big) continue;
          for (let x = sh.off[h]; x < sh.off[h + 1]; x++) if (!mine[sh.ids[x]]) mine[sh.ids[x]] = 1, count++;
        }
        const ids = new Int32Array(count);
        for (let id = 0, j = 0; id < n; id++) if (mine[id]) ids[j++] = id;
        sh.own = { ids, ...column(sh.extra, m, count) };
      }
      return [sh.own, ...bigs.map((h) => {
        const f = this.bigFile(sh, h);
        let c = this.bigCats.get(f);
        if (!c) {
          const ids = sh.ids.subarray(sh.off[h], sh.off[h + 1]);
          this.bigCats.set(f, (c = { ids, ...column(this.bigCols.get(f), m, ids.length) }));
        }
        return c;
      })];
    }

    // loadBig loads the columns of big words in the files fs.
    loadBig(fs) {
      return Promise.all(fs.map((f) => this.load(f).then((bits) => this.bigCols.set(f, bits))));
    }

    // ensureCats loads the categories column (fc.json in search.go).
    ensureCats() {
      return this.column("fc.json", (bits) => {
        this.memberCats = column(bits, this.meta.cat.length, this.n);
      });
    }

    // ensurePlaces loads the locations, languages and thanked columns
    // (fl.json).
    ensurePlaces() {
      return this.column("fl.json", ([locBits, langBits, thankedBits]) => {
        const loc = column(locBits, this.meta.loc.length, this.n, true), th = column(thankedBits, 1, this.n);
        this.memberLoc = Int32Array.from({ length: this.n }, (_, i) => (loc.off[i + 1] > loc.off[i] ? loc.val[loc.off[i]] : -1)); // -1: none
        this.memberLangs = column(langBits, this.meta.lang.length, this.n);
        this.memberThanked = Uint8Array.from({ length: this.n }, (_, i) => th.off[i + 1] - th.off[i]); // 1: thanked
      });
    }

    // column loads the file f once and hands its content to take.
    column(f, take) {
      if (!this.columns[f]) {
        this.columns[f] = this.load(f).then((d) => {
          take(d);
          this.last = null; // an answer without the column is out of date
        });
        this.columns[f].catch(() => { this.columns[f] = undefined; });
      }
      return this.columns[f];
    }

    // locate returns the last shard whose key is at or before t.
    locate(t) {
      const keys = this.meta.sk;
      let lo = 0, hi = keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cmp(keys[mid], t) <= 0) lo = mid + 1; else hi = mid;
      }
      return Math.max(0, lo - 1);
    }

    // shardOf returns the number of the file that answers term t: its
    // summary, when its words span shards (numbered after the shards),
    // else the one shard that holds them, which is the next one when its
    // key begins with t.
    shardOf(t) {
      const s = this.summaries.get(t);
      if (s !== undefined) return s;
      const keys = this.meta.sk;
      let i = this.locate(t);
      if (i + 1 < keys.length && keys[i + 1].startsWith(t)) i++;
      return i;
    }

    // file names shard or summary i.
    file(i) {
      const k = this.meta.sk.length;
      return i < k ? shardFile(i) : summaryFile(i - k);
    }

    // prefetch starts loading the shards of the words that begin with the
    // one letter l: the shard the next keystroke needs is among them, and
    // arrives while the visitor types it. Where several shards share the
    // letter, it loads them only while together they stay under
    // PREFETCH_BYTES, so as not to download much more than the search
    // will use; else the next keystroke fetches its one shard.
    prefetch(l) {
      const from = this.locate(l), to = this.locate(l + "\uffff"), sizes = this.meta.ss;
      if (from !== to) {
        if (!sizes) return;
        let bytes = 0;
        for (let i = from; i <= to; i++) bytes += sizes[i];
        if (bytes > PREFETCH_BYTES) return;
      }
      for (let i = from; i <= to; i++) {
        if (!this.shards[i]) this.get(i).catch(() => {});
      }
    }

    // shard returns shard i decoded; ensure must have loaded it.
    shard(i) {
      let sh = this.shards[i];
      if (sh.raw) sh = this.shards[i] = new Shard(sh.raw, this.n);
      return sh;
    }

    // ensure loads the shards the terms need.
    ensure(terms) {
      return Promise.all(terms.map((t) => this.get(this.shardOf(t))));
    }

    // get loads shard or summary i.
    get(i) {
      if (!this.shards[i]) {
        // Kept as it arrives and decoded when the browser is idle, or
        // at once when a term needs it first (shard): a prefetch of
        // several shards would otherwise decode them all on the main
        // thread while the visitor types.
        this.shards[i] = this.load(this.file(i)).then((d) => {
          this.shards[i] = { raw: d };
          idle(() => this.shard(i));
          return this.shards[i];
        });
        this.shards[i].catch(() => { this.shards[i] = undefined; });
      }
      return this.shards[i];
    }

    // match scores one term: each member's best weight over the tokens it
    // matches, and the members with a score. Its shard must be loaded.
    match(t) {
      let r = this.cache.get(t);
      if (r) return r;
      const at = this.shardOf(t), sh = this.shard(at), toks = sh.tokens;
      const from = sh.lower(t);
      let to = from;
      while (to < toks.length && toks[to].startsWith(t)) to++;
      const typo = runes(t) >= TYPO_MIN;
      // While a word is typed, each term is the last one and a letter:
      // every token it matches, the last one matched too (a prefix of a
      // prefix; one typo from a longer word is one typo or less from the
      // shorter), so only those are looked at again, not the whole shard.
      const was = this.cache.get(Array.from(t).slice(0, -1).join(""));
      const cands = was && was.typo === typo && was.at === at && runes(t) > 2 ? was.hit : null;
      // The tokens matched first, then their members, into an array as
      // long as their postings: growing an array a member at a time
      // took milliseconds where a short term matches most members.
      const hit = [], how = [];
      let most = 0;
      for (let c = 0, end = cands ? cands.length : typo ? toks.length : to - from; c < end; c++) {
        const k = cands ? cands[c] : typo ? c : from + c;
        const q = k >= from && k < to ? (toks[k] === t ? EXACT : PREFIX) : typo && near(t, toks[k]) ? TYPO : 0;
        if (!q) continue;
        hit.push(k);
        how.push(q);
        most += sh.off[k + 1] - sh.off[k];
      }
      const score = new Float32Array(this.n), all = new Int32Array(Math.min(most, this.n));
      let found = 0;
      for (let x = 0; x < hit.length; x++) {
        const k = hit[x], q = how[x];
        for (let i = sh.off[k]; i < sh.off[k + 1]; i++) {
          const s = WEIGHTS[sh.cls[i]] * q, id = sh.ids[i];
          if (s > score[id]) {
            if (!score[id]) all[found++] = id;
            score[id] = s;
          }
        }
      }
      const ids = all.subarray(0, found);
      if (this.cache.size > 32) this.cache.clear();
      this.cache.set(t, (r = { score, ids, hit, typo, at }));
      return r;
    }

    // run answers terms (shards loaded) under the filters sel ({tag: a
    // category ID, loc: a location, lang: a code; "" for any; thanked:
    // non-empty for only the members thanked for a referral}): the
    // matching members best first (an Order), the counts of each filter value under
    // the query and the other filters (thanked: the number of those
    // thanked), and which words to highlight.
    run(terms, sel) {
      // A keystroke that leaves the terms as they were (a space, a stop
      // word, the first letter of a word) gets the last answer again:
      // with no term, it counts all members.
      const key = keyOf(terms, sel);
      if (this.last && this.last.key === key) return this.last.r;
      const r = this.answer(terms, sel);
      this.last = { key, r };
      return r;
    }

    // answer is run without its memory of the last answer.
    // Without a term or a filter it is every member, in directory order,
    // counted by the entry's totals: no column is needed to show the
    // filters. Else the categories must be loaded (ready), and a filter by
    // location, language or thanks needs their columns; without them,
    // the counts of locations, languages and thanked members are null.
    answer(terms, sel) {
      const m = this.meta, n = this.n, langs = this.memberLangs, locs = this.memberLoc, thanked = this.memberThanked;
      const tag = m.cat.findIndex((c) => c[0] === sel.tag), loc = m.loc.indexOf(sel.loc), lang = m.lang.indexOf(sel.lang), th = !!sel.thanked;
      if (!terms.length && tag < 0 && loc < 0 && lang < 0 && !th) {
        if (!this.everyone) {
          // Every member, in order: made once, for it took milliseconds
          // at 100,000 members each time the box was emptied.
          const all = new Int32Array(n);
          for (let i = 0; i < n; i++) all[i] = i;
          this.everyone = new Order(all, null, 0);
        }
        return { ids: this.everyone, counts: { tag: Int32Array.from(m.cn), loc: Int32Array.from(m.ln), lang: Int32Array.from(m.gn), thanked: m.tn }, marks: this.marker(terms) };
      }
      // The categories, as plan says.
      const p = this.plan(terms, sel);
      if (!p || p.need || ((loc >= 0 || lang >= 0 || th) && !locs)) throw new Error("search: a column is not loaded");
      const cats = p.cats && new Cats(p.cats), given = p.given, inPrefix = p.inPrefix;
      const ms = terms.map((t) => this.match(t)), scores = ms.map((x) => x.score);
      const tagN = new Int32Array(m.cat.length), locN = locs && new Int32Array(m.loc.length), langN = locs && new Int32Array(m.lang.length);
      let thN = 0;
      // The members to look at, in directory order: those of the term
      // with the fewest, or all.
      const few = ms.reduce((a, x) => (a && a.ids.length <= x.ids.length ? a : x), null);
      const todo = few && few.ids.length < n / 4 ? few.ids.slice().sort() : null;
      const hitId = this.hitId, hitS = this.hitS, counted = this.counted;
      let found = 0, top = 0, nc = 0;
      next: for (let i = 0, end = todo ? todo.length : n; i < end; i++) {
        const id = todo ? todo[i] : i;
        let s = 0;
        for (let j = 0; j < scores.length; j++) {
          const v = scores[j][id];
          if (v === 0) continue next;
          s += v;
        }
        const l = locs ? locs[id] : -1, thanks = thanked ? thanked[id] : 0;
        // The members to count by category are noted, and counted after
        // (see Cats.count); a member's categories are looked up here only
        // for a filter by category.
        const okL = loc < 0 || l === loc, okG = lang < 0 || has(langs, id, lang), okH = !th || thanks;
        if (okL && okG && okH && cats && !(inPrefix && inPrefix[id])) counted[nc++] = id;
        if (tag >= 0) cats.find(id);
        const okT = tag < 0 || cats.has(tag);
        if (locs) {
          if (okT && okG && okH && l >= 0) locN[l]++;
          if (okT && okL && okH) for (let k = langs.off[id]; k < langs.off[id + 1]; k++) langN[langs.val[k]]++;
          if (okT && okL && okG && thanks) thN++;
        }
        if (okT && okL && okG && okH) {
          hitId[found] = id;
          hitS[found++] = s * 4; // scores are multiples of 1/4
          if (s * 4 > top) top = s * 4;
        }
      }
      const ids = new Order(hitId.slice(0, found), hitS.slice(0, found), top);
      if (cats) cats.count(counted.subarray(0, nc), tagN, this.mark);
      if (given) given.forEach((c, i) => (tagN[i] += c));
      return { ids, counts: { tag: tagN, loc: locN, lang: langN, thanked: locs ? thN : null }, marks: this.marker(terms) };
    }

    // marker returns whether a folded word is one the terms match, as
    // match does: by prefix, or with one typo in long terms.
    marker(terms) {
      return (w) => runes(w) >= 2 && !this.stop.has(w) && terms.some((t) => w.startsWith(t) || (runes(t) >= TYPO_MIN && near(t, w)));
    }

    // ensureCards loads the card chunks of the members ids.
    ensureCards(ids) {
      const k = this.meta.ck;
      return Promise.all([...new Set(ids.map((id) => Math.floor(id / k)))].map((c) => {
        if (!this.cards[c]) {
          this.cards[c] = this.load(cardFile(c)).then((d) => (this.cards[c] = d));
          this.cards[c].catch(() => { this.cards[c] = undefined; });
        }
        return this.cards[c];
      }));
    }

    // hasCard reports whether member id's card chunk is loaded.
    hasCard(id) {
      return Array.isArray(this.cards[Math.floor(id / this.meta.ck)]);
    }

    // card returns the HTML of member id's result card (its chunk
    // loaded), the words marks accepts highlighted; base is the site's path.
    // Its head, mission and line about thanks are those of the static
    // card (templates/partials/card.html): role, company and place in the
    // meta line, the member's own words marked with their language when
    // it is not the site's, and, for a member thanked for referrals, how
    // many, said with thankedText ({one, many}, %d for the number).
    card(id, marks, base, thankedText = THANKED) {
      const k = this.meta.ck, c = this.cards[Math.floor(id / k)], o = (id % k) * CARD;
      const [slug, name, role, company, location, mission, lang, thanks] = c.slice(o, o + CARD);
      const hl = (s) => highlight(s, marks), attr = lang ? ' lang="' + esc(lang) + '"' : "";
      const meta = [[role, attr], [company, ""], [location, ""]].filter(([s]) => s).map(([s, a]) => "<span" + a + ">" + hl(s) + "</span>").join("");
      return '<li class="card" data-slug="' + esc(slug) + '"><div class="card-head"><div><h2 class="card-name"><a href="' + esc(base + "members/" + slug + "/") + '">' + hl(name) + "</a></h2>" +
        (meta ? '<p class="card-meta">' + meta + "</p>" : "") + "</div></div>" +
        (mission ? '<p class="mission"' + attr + ">" + hl(mission) + "</p>" : "") +
        (thanks ? '<p class="thanked">' + esc((thanks === 1 ? thankedText.one : thankedText.many).replace("%d", thanks)) + "</p>" : "") + "</li>";
    }
  }

  const ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ESC[c]);

  // highlight escapes text for HTML and wraps the words whose fold marks
  // accepts in <mark>.
  function highlight(text, marks) {
    const raw = [...text.matchAll(RAW_WORD)];
    let folded = words(text);
    if (folded.length !== raw.length) folded = null; // a word of marks only: fold one by one
    let out = "", last = 0;
    raw.forEach((m, i) => {
      if (folded ? marks(folded[i]) : words(m[0]).some(marks)) {
        out += esc(text.slice(last, m.index)) + "<mark>" + esc(m[0]) + "</mark>";
        last = m.index + m[0].length;
      }
    });
    return out + esc(text.slice(last));
  }

  if (typeof module !== "undefined" && module.exports) module.exports = { fold, words, Search, highlight, near, CARD };
  if (typeof document !== "undefined") page();

  // page wires the search box of every page and, on the home page, the
  // filters, the live results and the URL.
  function page() {
    const form = document.querySelector("form.search[data-index]");
    const input = form && form.querySelector("input[name=q]");
    if (!input) return;
    let slash = false; // "/" just moved the focus: do not type it too
    document.addEventListener("keydown", (e) => {
      const t = e.target;
      slash = false;
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
      e.preventDefault();
      slash = true;
      input.focus();
      input.select();
    });
    input.addEventListener("beforeinput", (e) => {
      if (slash && e.data === "/") e.preventDefault();
      slash = false;
    });
    input.addEventListener("keydown", (e) => {
      if (e.key !== "Escape" || !input.value) return;
      e.preventDefault();
      input.value = "";
      input.dispatchEvent(new Event("input"));
    });

    const results = document.getElementById("results"), filters = document.getElementById("filters");
    const status = document.getElementById("search-status"), list = document.getElementById("members");
    if (!results || !filters || !status) return; // elsewhere the form goes to the home page

    const lang = document.documentElement.lang || "en";
    const FALLBACK = {
      allCategories: "All categories", allLocations: "All locations", allLanguages: "All languages",
      labelCategory: "Category", labelLocation: "Location", labelLanguage: "Language",
      resultsOne: "1 member found", resultsMany: "{n} members found", noResults: "No members found", more: "Show more",
      clear: "Clear filters", recommend: "Recommend", recommendNamed: "Recommend %s", cardProfile: "View profile",
      cardProfileNamed: "View profile: %s", labelThanked: "Thanked for referrals",
      thankedOne: THANKED.one, thankedMany: THANKED.many,
    };
    const text = (k) => filters.dataset[k] || FALLBACK[k];
    const num = new Intl.NumberFormat(lang);
    let names = null;
    try { names = new Intl.DisplayNames([lang], { type: "language" }); } catch (e) { /* codes it is */ }
    const langName = (c) => { try { return (names && names.of(c)) || c; } catch (e) { return c; } };

    const base = form.dataset.base || "/";
    const entry = new URL(form.dataset.index, document.baseURI);
    const get = (f, opts) => fetch(new URL(f, entry), opts).then((r) => {
      if (!r.ok) throw new Error(r.status + " " + r.url);
      return r.json();
    });
    const PAGE = 12;
    const PENDING = '<li class="card pending" aria-hidden="true"></li>';
    const KEYS = ["q", "tag", "loc", "lang", "thanked"];
    const state = { q: "", tag: "", loc: "", lang: "", thanked: "" };
    const thankedText = { one: text("thankedOne"), many: text("thankedMany") };
    let search, selects, seq = 0, shown = 0, last = null;
    // thankedBox is the filter by thanks, a checkbox: only the members
    // thanked for a referral, as "thanked=1" in the address. A directory
    // where nobody was thanked has none.
    let thankedBox = null;
    let places = false; // the visitor turned to the filters: count locations and languages too
    let rendered = null; // the HTML of the results as update last set it

    const button = (cls, label) => {
      const b = document.createElement("button");
      b.type = "button";
      b.className = cls;
      b.hidden = true;
      b.textContent = label;
      return b;
    };
    const more = button("more", ""), clear = button("clear", text("clear"));
    results.after(more);
    // The server's list and its pager make way for the results.
    const listed = [list, ...document.querySelectorAll(".pager")].filter(Boolean);
    // The category chips (links to the category pages, with their number
    // of members) follow the results while there are any: see showChips.
    const nav = document.querySelector(".category-nav");
    const chips = [...(nav ? nav.querySelectorAll("a[data-tag]") : [])].map((a) => {
      const n = a.querySelector(".n");
      return { a, li: a.closest("li") || a, n, href: a.getAttribute("href"), count: n ? n.textContent : "" };
    });
    let catIndex = new Map(); // category ID → its place in the index's cat

    function readURL() {
      const p = new URLSearchParams(location.search);
      for (const k of KEYS) state[k] = p.get(k) || "";
      input.value = state.q;
      for (const s of selects || []) {
        select(s, state[s.name]);
        state[s.name] = s.value;
      }
      if (selects) tick(state.thanked);
    }
    // tick sets the filter by thanks: on for any value but "", as far as
    // the directory has the filter.
    function tick(on) {
      if (thankedBox) thankedBox.checked = !!on;
      state.thanked = thankedBox && thankedBox.checked ? "1" : "";
    }
    function writeURL(push) {
      clearTimeout(urlTimer);
      urlTimer = 0;
      const p = new URLSearchParams(location.search);
      for (const k of KEYS) if (state[k]) p.set(k, state[k]); else p.delete(k);
      const qs = p.toString(), url = location.pathname + (qs ? "?" + qs : "") + location.hash;
      if (url !== location.pathname + location.search + location.hash) history[push ? "pushState" : "replaceState"](null, "", url);
    }

    // The address follows the box a moment after typing stops: replacing
    // the history entry on every keystroke cost Chromium 1–2 ms each, the
    // largest part of the script's time per keystroke. Leaving the page
    // writes it at once.
    let urlTimer = 0;
    function writeURLSoon() {
      clearTimeout(urlTimer);
      urlTimer = setTimeout(() => writeURL(false), URL_DELAY);
    }
    window.addEventListener("pagehide", () => {
      if (urlTimer) writeURL(false);
    });

    // select picks value in sel, or "any" when sel has no such value.
    function select(sel, value) {
      sel.value = value;
      if (sel.selectedIndex < 0) sel.selectedIndex = 0;
    }

    function makeFilters(m) {
      // The counts of locations, languages and thanks need their columns,
      // loaded only now: most searches never open these filters.
      const wants = () => {
        if (places) return;
        places = true;
        update();
      };
      const groups = [
        ["tag", "Category", "allCategories", m.cat.map((c) => [c[0], c[1]])],
        ["loc", "Location", "allLocations", m.loc.map((l) => [l, l])],
        ["lang", "Language", "allLanguages", m.lang.map((g) => [g, langName(g)])],
      ];
      selects = groups.map(([name, label, all, values]) => {
        const wrap = document.createElement("label"), span = document.createElement("span"), sel = document.createElement("select");
        wrap.className = "filter";
        span.className = "visually-hidden";
        span.textContent = text("label" + label);
        sel.name = name;
        sel.add(new Option(text(all), ""));
        for (const [value, shownAs] of values) {
          const o = new Option(shownAs, value);
          o.dataset.label = shownAs;
          sel.add(o);
        }
        select(sel, state[name]);
        state[name] = sel.value; // a value the address has but the directory not is no filter
        sel.addEventListener("pointerdown", wants);
        sel.addEventListener("focus", wants);
        sel.addEventListener("change", () => {
          state[name] = sel.value;
          writeURL(true);
          update();
        });
        wrap.append(span, sel);
        filters.append(wrap);
        return sel;
      });
      if (m.tn > 0) {
        // A real checkbox with its label, beside the selects: the label
        // says the filter and, as the options do, the number of results
        // it would leave (see showCounts).
        const wrap = document.createElement("label"), span = document.createElement("span");
        wrap.className = "filter filter-check";
        thankedBox = document.createElement("input");
        thankedBox.type = "checkbox";
        thankedBox.name = "thanked";
        thankedBox.value = "1";
        span.dataset.label = span.textContent = text("labelThanked");
        thankedBox.addEventListener("pointerdown", wants);
        thankedBox.addEventListener("focus", wants);
        thankedBox.addEventListener("change", () => {
          tick(thankedBox.checked);
          writeURL(true);
          update();
        });
        wrap.append(thankedBox, span);
        filters.append(wrap);
      }
      tick(state.thanked); // an address's thanked=1 is no filter where nobody was thanked
      catIndex = new Map(m.cat.map((c, i) => [c[0], i]));
      clear.addEventListener("click", () => {
        state.tag = state.loc = state.lang = "";
        for (const s of selects) select(s, "");
        tick(false);
        selects[0].focus();
        writeURL(true);
        update();
      });
      filters.append(clear);
      filters.hidden = false;
      writeURL(false);
    }

    function showCounts(counts) {
      for (const sel of selects) {
        const c = counts[sel.name];
        if (!c) {
          // Not known yet (see wants in makeFilters): the labels alone.
          for (let i = 1; i < sel.options.length; i++) {
            const o = sel.options[i];
            if (o.n !== undefined) {
              o.n = undefined;
              o.textContent = o.dataset.label;
            }
          }
          continue;
        }
        // Only the options whose count changed are touched: a big
        // directory has hundreds of places, and rewriting every option
        // on every keystroke cost more than the search itself.
        for (let i = 1; i < sel.options.length; i++) {
          const o = sel.options[i], v = c[i - 1], off = v === 0 && !o.selected;
          if (o.n !== v) {
            o.n = v;
            o.textContent = o.dataset.label + " (" + num.format(v) + ")";
          }
          if (o.disabled !== off) o.disabled = off;
        }
      }
      if (thankedBox) {
        const c = counts.thanked, span = thankedBox.nextElementSibling;
        const label = span.dataset.label + (c === null || c === undefined ? "" : " (" + num.format(c) + ")");
        if (span.textContent !== label) span.textContent = label;
        const off = c === 0 && !thankedBox.checked;
        if (thankedBox.disabled !== off) thankedBox.disabled = off;
      }
    }

    // showChips makes the category chips tell about the results, as the
    // category filter does, given the counts of each category under the
    // query and the other filters (by the index's cat): each chip counts
    // the results in its category and leads to them on this page (its
    // link keeps the query; a click filters in place), the chip of the
    // category filtered by is the current one, and the chips of
    // categories without results are hidden, all of them when nothing is
    // found. With null, the chips are the page's own again: every
    // member, and a link to the category's page.
    function showChips(counts) {
      if (!nav) return;
      let any = false;
      for (const c of chips) {
        const tag = c.a.dataset.tag, i = catIndex.get(tag);
        let href = c.href, n = c.count, hide = false;
        if (counts) {
          const p = new URLSearchParams(), count = i === undefined ? 0 : counts[i];
          for (const k of KEYS) {
            const v = k === "tag" ? tag : state[k];
            if (v) p.set(k, v);
          }
          href = location.pathname + "?" + p;
          n = num.format(count);
          hide = count === 0;
        }
        if (c.a.getAttribute("href") !== href) c.a.setAttribute("href", href);
        if (c.n && c.n.textContent !== n) c.n.textContent = n;
        if (c.li.hidden !== hide) c.li.hidden = hide;
        if (counts && state.tag === tag) c.a.setAttribute("aria-current", "true");
        else c.a.removeAttribute("aria-current");
        any = any || !hide;
      }
      nav.hidden = !any;
    }
    if (nav) {
      nav.addEventListener("click", (e) => {
        const a = e.target.closest("a[data-tag]");
        // Without results shown, a chip is a link to its category's page;
        // a click with a modifier opens its address elsewhere.
        if (!a || results.hidden || !selects || e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        state.tag = a.dataset.tag;
        for (const s of selects) if (s.name === "tag") select(s, state.tag);
        writeURL(true);
        update();
      });
    }

    async function update() {
      const my = ++seq;
      try {
        await ready;
        const typed = words(state.q), lastWord = typed[typed.length - 1];
        if (lastWord && runes(lastWord) === 1 && !/\s$/.test(state.q)) search.prefetch(lastWord);
        const terms = search.terms(state.q);
        await search.ready(terms, state, places);
        if (my !== seq) return;
        const r = search.run(terms, state);
        showCounts(r.counts);
        clear.hidden = !state.tag && !state.loc && !state.lang && !state.thanked;
        if (!terms.length && clear.hidden) {
          results.hidden = more.hidden = true;
          for (const e of listed) e.hidden = false;
          showChips(null);
          status.textContent = "";
          return;
        }
        const ids = r.ids.slice(0, PAGE);
        last = r;
        shown = ids.length;
        // The results show at once: the cards whose chunk is here, and a
        // placeholder for each one still on its way, filled in when it
        // arrives. Waiting for all would hold every keystroke that finds
        // someone new for a round trip.
        const show = () => {
          const html = ids.map((id) => (search.hasCard(id) ? search.card(id, r.marks, base, thankedText) : PENDING)).join("");
          // Most keystrokes within a word show the same cards with the
          // same marks; parsing them again and copying each one's photo
          // and buttons took a few milliseconds of every one.
          if (html === rendered) return;
          rendered = html;
          results.innerHTML = html;
          withActions();
        };
        show();
        results.hidden = false;
        for (const e of listed) e.hidden = true;
        showChips(r.counts.tag);
        const n = r.ids.length;
        status.textContent = n === 0 ? text("noResults") : n === 1 ? text("resultsOne") : text("resultsMany").replace("{n}", num.format(n));
        showMore();
        if (!ids.every((id) => search.hasCard(id))) {
          // The cards still missing are loaded once typing pauses: a
          // word typed letter by letter would otherwise fetch the cards
          // of every prefix on the way, most never seen.
          await new Promise((r) => setTimeout(r, CARD_DELAY));
          if (my !== seq) return;
          await search.ensureCards(ids);
          if (my === seq) show();
        }
      } catch (e) {
        console.error(e);
      }
    }
    // withActions gives each result the photo and buttons of the
    // member's card on this page (Recommend and the profile link), when
    // the page has it: the referral e-mail is built at build time, not in
    // the browser. A member listed on another page of the directory gets
    // the same two buttons, Recommend leading to the referral box of
    // their profile.
    function withActions() {
      for (const li of results.querySelectorAll("li.card[data-slug]:not([data-actions])")) {
        li.dataset.actions = "";
        const own = document.getElementById("m-" + li.dataset.slug);
        if (!own) {
          const link = li.querySelector(".card-name a"), name = link.textContent, href = link.getAttribute("href");
          const button = (cls, url, label, named) =>
            '<a class="' + cls + '" href="' + esc(url) + '" aria-label="' + esc(text(named).replace("%s", name)) + '">' + esc(text(label)) + "</a>";
          li.insertAdjacentHTML("beforeend", '<p class="card-actions">' + button("button", href + "#refer", "recommend", "recommendNamed") +
            button("button secondary", href, "cardProfile", "cardProfileNamed") + "</p>");
          continue;
        }
        const photo = own.querySelector(".card-photo"), actions = own.querySelector(".card-actions");
        if (photo) li.querySelector(".card-head").prepend(photo.cloneNode(true));
        if (actions) li.append(actions.cloneNode(true));
      }
    }
    function showMore() {
      const rest = last.ids.length - shown;
      more.hidden = rest <= 0;
      more.textContent = text("more") + " (" + num.format(rest) + ")";
    }
    more.addEventListener("click", async () => {
      const my = seq, ids = last.ids.slice(shown, shown + PAGE);
      more.disabled = true;
      try {
        await search.ensureCards(ids);
      } finally {
        more.disabled = false;
      }
      if (my !== seq) return;
      const before = results.children.length;
      results.insertAdjacentHTML("beforeend", ids.map((id) => search.card(id, last.marks, base, thankedText)).join(""));
      rendered = null;
      withActions();
      shown += ids.length;
      showMore();
      results.children[before].querySelector("a").focus(); // the first new result
    });

    input.addEventListener("input", () => {
      state.q = input.value;
      writeURLSoon();
      update();
    });
    // The results are already there. On a touch screen the keyboard's
    // Search key closes the keyboard, which covers them; elsewhere the
    // focus stays in the box.
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      if (matchMedia("(pointer: coarse)").matches) input.blur();
    });
    window.addEventListener("popstate", () => {
      clearTimeout(urlTimer);
      urlTimer = 0;
      readURL();
      update();
    });

    readURL();
    // The entry keeps its name from one build to the next, so that no page
    // changes when only the index does; it is revalidated with the server
    // on every load ("no-cache": a 304 when it did not change). The other
    // files are asked for with its version, so that a cached file of an
    // earlier build never answers.
    const ready = get(entry.href, { cache: "no-cache" }).then((m) => {
      search = new Search(m, (f) => get(f + "?v=" + encodeURIComponent(m.h)));
      makeFilters(m);
    });
    update();
  }
})();
