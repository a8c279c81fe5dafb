// Browser test of the web reader: a real `nutgraf serve` on loopback with a
// temporary SQLite file, driven in Debian's chromium through playwright-core
// (no browser download). Loads the home page, opens an article, presses
// "Get a summary" (revealed without a reload), goes to the next article,
// follows an article to its story page and a digest sentence back to its
// source, searches, and checks that stored <script> never runs. Saves
// screenshots to build/artifacts/reader-summary.png and reader-story.png.
//
//   node --test tests/browser/reader.test.mjs     (from the repository root)
//   NUTGRAF=path/to/nutgraf overrides the binary (default $NG_BUILD/nutgraf,
//   NG_BUILD defaulting to build/release).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const nutgraf = process.env.NUTGRAF ||
  join(root, process.env.NG_BUILD || 'build/release', 'nutgraf');
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';

function startServer(db) {
  return new Promise((ok, fail) => {
    const proc = spawn(nutgraf, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--threads', '2'],
      { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    const timer = setTimeout(() => { proc.kill('SIGKILL'); fail(new Error('server did not start: ' + log)); }, 10000);
    proc.stderr.on('data', (chunk) => {
      log += chunk;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(log);
      if (m) { clearTimeout(timer); ok({ proc, base: m[1] }); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); fail(new Error(`server exited ${code}: ${log}`)); });
  });
}

test('web reader: list, article, summary without reload, next, story, search', { timeout: 90000 }, async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'nutgraf-browser-'));
  const db = join(tmp, 'reader.db');
  const news = join(root, 'samples', 'news');
  execFileSync(nutgraf, ['ingest', '-q', '--db', db, news], { stdio: 'ignore' });
  const n = readdirSync(news).filter((f) => f.endsWith('.txt')).length;
  const { proc, base } = await startServer(db);
  let context;
  try {
    // One article whose text carries markup that must stay text.
    const res = await fetch(base + '/api/articles', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: 'Script <script>window.__pwned = 1</script> in a title',
        text: 'A page said <script>window.__pwned = 2</script> in its text. ' +
          'The reader shows it as text. <img src=x onerror="window.__pwned = 3"> stays inert too.',
      }),
    });
    assert.equal(res.status, 201);

    context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
      executablePath: browserPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      viewport: { width: 1000, height: 900 },
    });
    const page = context.pages()[0] || await context.newPage();
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));

    // Home: every article listed, newest first; the markup shows as text.
    await page.goto(base + '/');
    const items = page.locator('#articles li');
    assert.equal(await items.count(), n + 1);
    assert.match(await items.first().innerText(), /<script>window.__pwned = 1<\/script>/);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);

    // Open an article from the middle of the list.
    const link = page.locator('#articles li a.title').nth(2);
    const title = await link.innerText();
    await link.click();
    await page.waitForURL(/\/a\/\d+$/);
    assert.equal(await page.locator('article h1').innerText(), title);
    const articleUrl = page.url();

    // "No time to read? Get a summary": revealed in place, no navigation.
    const button = page.locator('#get-summary');
    assert.equal(await button.innerText(), 'No time to read? Get a summary');
    await page.evaluate(() => { window.__samePage = true; });
    await button.click();
    const summary = page.locator('#summary');
    await summary.waitFor({ state: 'visible' });
    const sentences = summary.locator('li');
    await sentences.first().waitFor();
    assert.ok(await sentences.count() >= 1);
    assert.equal(page.url(), articleUrl);
    assert.equal(await page.evaluate(() => window.__samePage), true, 'the page was reloaded');
    assert.equal(await button.isVisible(), false);
    // Every summary sentence is quoted from the article body.
    const body = await page.locator('.body').innerText();
    for (const s of await sentences.allInnerTexts()) assert.ok(body.includes(s), `not in body: ${s}`);
    mkdirSync(join(root, 'build', 'artifacts'), { recursive: true });
    await page.screenshot({ path: join(root, 'build', 'artifacts', 'reader-summary.png'), fullPage: false });

    // Next article.
    const id = Number(/\/a\/(\d+)$/.exec(articleUrl)[1]);
    await page.locator('#next').click();
    await page.waitForURL(new RegExp(`/a/${id + 1}$`));
    assert.notEqual(await page.locator('article h1').innerText(), title);

    // The article with markup: shown as text, never run.
    await page.goto(base + '/a/' + (n + 1));
    assert.match(await page.locator('.body').innerText(), /<script>window.__pwned = 2<\/script>/);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);

    // Stories (read from the store by a server thread: 503 until then).
    for (let i = 0; i < 200 && (await fetch(base + '/api/stories')).status !== 200; i++)
      await new Promise((ok) => setTimeout(ok, 50));
    // From the header to the list, from an article to its story
    // (the samples' Minsk visit, articles 2 and 4), whose digest quotes
    // its sources and links them, then back to a member article.
    await page.locator('header nav a', { hasText: 'Stories' }).click();
    await page.waitForURL(/\/stories$/);
    assert.equal(await page.locator('ul.stories li').count(), 1); // stories of several articles
    await page.locator('a', { hasText: 'Also single articles' }).click();
    await page.waitForURL(/\/stories\?all=1$/);
    assert.ok(await page.locator('ul.stories li').count() >= 4);
    await page.goto(base + '/a/2');
    const box = page.locator('aside.in-story');
    assert.match(await box.innerText(), /In this story/);
    await box.locator('a[href^="/s/"]').click();
    await page.waitForURL(/\/s\/2$/);
    const digest = page.locator('section.digest li');
    assert.ok(await digest.count() >= 2);
    assert.equal(await page.locator('section.timeline li').count(), 2);
    assert.match(await page.locator('section.entities').innerText(), /Alexander Lukashenko/);
    await page.screenshot({ path: join(root, 'build', 'artifacts', 'reader-story.png'), fullPage: false });
    const quoted = await digest.first().innerText();
    await digest.first().locator('a').click();
    await page.waitForURL(/\/a\/(2|4)$/);
    const sentence = quoted.replace(/\s*\([^()]*\)\s*$/, '');
    assert.ok((await page.locator('.body').innerText()).includes(sentence), `digest sentence not in its source: ${sentence}`);

    // Search from the header box.
    await page.fill('input[name=q]', 'Lukashenko');
    await page.press('input[name=q]', 'Enter');
    await page.waitForURL(/\?q=Lukashenko/);
    assert.ok(await page.locator('#articles li').count() >= 1);
    assert.ok(await page.locator('#articles mark').count() >= 1);

    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
  } finally {
    if (context) await context.close();
    proc.kill('SIGTERM');
    await new Promise((ok) => { if (proc.exitCode !== null) ok(); else proc.on('exit', ok); });
    rmSync(tmp, { recursive: true, force: true });
  }
});
