// readability.js - Mozilla Readability (on jsdom) as the peer for
// `make bench-extract`. Installed into bench/node_modules by
// bench/extract.sh (npm install --prefix bench ...), never committed.
//
//   node bench/readability.js one FILE     print the article's textContent
//   node bench/readability.js batch DIR    pages/s in one process (all
//                                          *.html of DIR, one round)
'use strict';
const fs = require('fs');
const path = require('path');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

function extract(buf) {
  // jsdom sniffs the encoding from the bytes (BOM, <meta charset>), as a
  // browser would; scripts are not run, nothing is fetched.
  const vc = new VirtualConsole();
  const dom = new JSDOM(buf, { url: 'https://example.org/', virtualConsole: vc });
  const art = new Readability(dom.window.document).parse();
  const text = art && art.textContent ? art.textContent : '';
  dom.window.close();
  return text;
}

const [mode, arg] = process.argv.slice(2);
if (mode === 'one') {
  process.stdout.write(extract(fs.readFileSync(arg)) + '\n');
} else if (mode === 'batch') {
  (async () => {
    const files = fs.readdirSync(arg).filter((f) => f.endsWith('.html')).sort();
    const pages = files.map((f) => fs.readFileSync(path.join(arg, f)));
    let failed = 0;
    let busy = 0n;
    for (const p of pages) {
      // Time each page on its own, then yield to the event loop so jsdom
      // can release the closed window (a tight loop keeps them all alive).
      const t0 = process.hrtime.bigint();
      try { extract(p); } catch (e) { failed++; }
      busy += process.hrtime.bigint() - t0;
      await new Promise((r) => setImmediate(r));
    }
    const s = Number(busy) / 1e9;
    const bytes = pages.reduce((a, p) => a + p.length, 0);
    console.log(`readability batch: ${pages.length} pages, ${(bytes / 1e6).toFixed(1)} MB, ` +
                `${s.toFixed(2)} s: ${(pages.length / s).toFixed(1)} pages/s, ` +
                `${(s / pages.length * 1e6).toFixed(0)} us/page, failed ${failed}, ` +
                `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  })();
} else {
  console.error('usage: node readability.js one FILE | batch DIR');
  process.exit(2);
}
