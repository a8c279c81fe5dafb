// bench/lexrank.js - the npm LexRank peer (package "lexrank", linanqiu) on
// cnndm dev articles, for bench/summarize.sh: articles/s in one Node.js
// process (one core), and its summaries as JSON Lines for
// `nutgraf eval rouge`.
//   node bench/lexrank.js DEV.jsonl.gz N_SENTENCES [LIMIT (0: all)] [OUT.jsonl]
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const path = require('path');
const lexrank = require(path.join(__dirname, 'node_modules', 'lexrank'));

const [dev, nArg, limitArg, out] = process.argv.slice(2);
if (!dev || !nArg) {
  console.error('usage: node bench/lexrank.js DEV.jsonl.gz N [LIMIT] [OUT.jsonl]');
  process.exit(2);
}
const n = Number(nArg);
const limit = Number(limitArg) > 0 ? Number(limitArg) : Infinity;
let raw = fs.readFileSync(dev);
if (dev.endsWith('.gz')) raw = zlib.gunzipSync(raw);
const items = [];
for (const line of raw.toString('utf8').split('\n')) {
  if (!line) continue;
  if (items.length >= limit) break;
  const o = JSON.parse(line);
  items.push({ id: o.id, article: o.article });
}

const lines = [];
let failed = 0;
const t0 = process.hrtime.bigint();
for (const it of items) {
  // The package calls back synchronously; it throws on some inputs.
  try {
    lexrank.summarize(it.article, n, (err, top) => {
      if (err || !top) { failed++; lines.push({ id: it.id, summary: '' }); return; }
      lines.push({ id: it.id, summary: top.map((s) => s.text.trim()).join('\n') });
    });
  } catch (e) {
    failed++;
    lines.push({ id: it.id, summary: '' });
  }
}
const sec = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`npm lexrank ${require(path.join(__dirname, 'node_modules', 'lexrank', 'package.json')).version}: ` +
  `${items.length} articles in ${sec.toFixed(2)} s: ${(items.length / sec).toFixed(1)} articles/s` +
  (failed ? ` (${failed} failed)` : ''));
if (out) fs.writeFileSync(out, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
