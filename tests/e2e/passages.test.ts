// Passages as readers and researchers meet them in the built site: every text-fragment link the
// site writes quotes words its target passage holds (so a supporting browser finds them); a
// passage's "§" is reachable by Tab and visible when focused; opened by its link the passage is
// highlighted without script and only then offers its citation; the passages page cites it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { fileOf, listFiles } from '../../src/checks/builtSite.ts';
import { passageDocs, docPath } from '../../src/outputs/passages.ts';
import { LANGS, contentOf } from '../../src/site/editions.ts';
import { startHarness, type Harness } from '../../scripts/lib/browser.ts';

const DIST = process.env.DIST_DIR ?? 'dist';
let h: Harness;
before(async () => {
  h = await startHarness(DIST);
});
after(() => h?.close());

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

test('every text-fragment link quotes words its target passage holds', () => {
  const pages = listFiles(DIST).filter((f) => f.endsWith('.html'));
  const texts = new Map<string, Map<string, string>>();
  const passageText = (path: string, id: string) => {
    if (!texts.has(path)) {
      const file = fileOf(DIST, path);
      const { document } = parseHTML(file ? readFileSync(file, 'utf8') : '');
      texts.set(
        path,
        new Map([...document.querySelectorAll('.passage[id]')].map((e) => [e.id, squash(e.textContent!)])),
      );
    }
    return texts.get(path)!.get(id);
  };
  let links = 0;
  const bad: string[] = [];
  for (const f of pages) {
    const html = readFileSync(join(DIST, f), 'utf8');
    for (const m of html.matchAll(/href="([^"]*#(p-[0-9a-f]{8}):~:text=([^"]*))"/g)) {
      links++;
      const url = new URL(
        m[1]!
          .replace(/&amp;/g, '&')
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'"),
        'http://x/',
      );
      const text = passageText(url.pathname, m[2]!);
      if (text === undefined) {
        bad.push(`${f}: ${m[1]} (no passage ${m[2]})`);
        continue;
      }
      // prefix-,start,end,-suffix: every term must stand in the passage, in order.
      const terms = url.hash
        .split(':~:text=')[1]!
        .split(',')
        .map((x) => decodeURIComponent(x).replace(/^-|-$/g, ''));
      let at = 0;
      for (const term of terms) {
        const i = text.indexOf(term, at);
        if (i < 0) {
          bad.push(`${f}: "${term}" not in ${url.pathname}#${m[2]}`);
          break;
        }
        at = i + term.length;
      }
    }
  }
  assert.ok(links > 500, `${links} text-fragment links`);
  assert.deepEqual(bad.slice(0, 20), [], `${bad.length} of ${links}`);
});

test('every passage of every document is on its page with its id, in every edition', () => {
  for (const lang of LANGS)
    for (const doc of passageDocs().filter((d) => d.lang === contentOf(lang))) {
      const path = docPath(doc, lang);
      const html = readFileSync(fileOf(DIST, path)!, 'utf8');
      const ids = [...html.matchAll(/class="passage" ?[^>]*|id="(p-[0-9a-f]{8})" class="passage"/g)]
        .map((m) => m[1])
        .filter(Boolean);
      assert.deepEqual(
        ids,
        doc.passages.map((p) => p.id),
        path,
      );
    }
});

test('the § is a Tab stop that shows when focused; a targeted passage is highlighted and offers its citation', async () => {
  const page = await h.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const doc = passageDocs().find((d) => d.kind === 'case-study' && d.lang === 'en')!;
  const p = doc.passages[3]!;
  await page.goto(new URL(docPath(doc, 'en').slice(1), h.url).href);
  const pilcrow = page.locator(`#${p.id} > a.pilcrow`);
  assert.equal(await pilcrow.evaluate((e) => getComputedStyle(e).opacity), '0');
  // Cite links of passages that are not targeted are not rendered, so not Tab stops.
  assert.equal(await page.locator('a.passage-cite:visible').count(), 0);
  await pilcrow.focus();
  assert.equal(await pilcrow.evaluate((e) => getComputedStyle(e).opacity), '1');
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.querySelector(':target')?.id === id, p.id);
  const bg = await page.locator(`#${p.id}`).evaluate((e) => getComputedStyle(e).backgroundColor);
  const other = await page.locator(`#${doc.passages[4]!.id}`).evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.notEqual(bg, other, 'the targeted passage is highlighted');
  assert.equal(await page.locator('a.passage-cite:visible').count(), 1);
  // Focus starts again at the passage: its citation link is reached after the links inside it.
  let presses = 0;
  while (presses < 20 && (await page.evaluate(() => document.activeElement?.className)) !== 'passage-cite no-print') {
    await page.keyboard.press('Tab');
    presses++;
  }
  assert.ok(presses < 20, 'the citation link of the targeted passage is a Tab stop');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/passages\/#p-/);
  const entry = page.locator(`article#${p.id}`);
  assert.match(squash((await entry.textContent())!), new RegExp(`¶ ${p.n}`));
  assert.match(
    (await entry.locator('dd a').first().getAttribute('href'))!,
    new RegExp(`/en/case-studies/${doc.slug}/#${p.id}$`),
  );
  assert.equal(await page.locator('script').count(), 1, "the copy button script is the page's only one");
  await page.close();
});
