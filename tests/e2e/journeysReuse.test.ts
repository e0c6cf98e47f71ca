// The journalist's and researcher's journeys end to end in Chromium, both languages, on the site as
// npm start serves it (the build's own origin, no rewriting): a chart page's embed code copied
// with its button and pasted into a page on another origin, the PNG download and the address in
// its footer; search from the header, a shared filtered URL, a data point's source, locator and
// citation, the dataset download.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { getDataset } from '../../src/dataset/dataset.ts';
import { datasetVersion } from '../../src/dataset/version.ts';
import { t } from '../../src/i18n/strings.ts';
import { siteOrigin } from '../../src/checks/builtSite.ts';
import { startHarness, type Harness } from '../../scripts/lib/browser.ts';
import type { Lang } from '../../src/site/editions.ts';
import { localePath } from '../../src/site/paths.ts';

let h: Harness;
/** A second server on another port: another origin, standing in for a newsroom's article page. */
let host: { server: Server; url: string; html: string };
before(async () => {
  h = await startHarness('dist', { atBuiltOrigin: true });
  host = {
    server: createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(host.html);
    }),
    url: '',
    html: '',
  };
  await new Promise<void>((ok) => host.server.listen(0, '127.0.0.1', ok));
  const addr = host.server.address();
  host.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
});
after(async () => {
  await h?.close();
  await new Promise((ok) => host?.server.close(ok));
});

const CHART = 'services-output';
const at = (lang: Lang, p: string) => new URL(localePath(lang, p).slice(1), h.url).href;

/** Collects console errors, page errors and CSP violations of every frame of a page. */
function problemsOf(page: Page): string[] {
  const out: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') out.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => out.push(`uncaught: ${e.message}`));
  return out;
}

for (const lang of ['zh', 'en'] as Lang[]) {
  test(`journalist (${lang}): chart page → embed snippet → foreign host page → download PNG`, async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(h.url).origin });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    const problems = problemsOf(page);
    await page.goto(at(lang, `/charts/${CHART}/`));

    // The embed code is copied with its button, which says so to screen readers too.
    const button = page.locator('button[data-copy="embed-code"]');
    await button.click();
    // The live region is visually hidden: wait for its text, not for it to show.
    await page.waitForFunction(
      (s) => document.querySelector('p[role="status"]')?.textContent === s,
      t(lang, 'copy.done'),
    );
    assert.equal((await button.textContent())?.trim(), t(lang, 'copy.done'));
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(snippet, await page.locator('#embed-code').inputValue(), 'the clipboard holds the embed code');
    assert.ok(snippet.includes(`/embed/${CHART}/`) && snippet.includes('<iframe'), `not an embed code: ${snippet}`);
    assert.ok(!/\son[a-z]+=|javascript:/i.test(snippet), 'the snippet carries inline script');
    // The code offered first pins the current release; the "always the latest" code stands beside it.
    const pinnedPath = localePath(lang, `/v/${datasetVersion()}/embed/${CHART}/`);
    assert.ok(snippet.includes(pinnedPath), `the ${lang} snippet offered first does not pin ${pinnedPath}`);
    const latest = await page.locator('#embed-code-latest').inputValue();
    const embedPath = localePath(lang, `/embed/${CHART}/`);
    assert.ok(latest.includes(`${embedPath}"`), `the ${lang} "latest" snippet does not point at ${embedPath}`);

    // Pasted into an article on another origin, the chart shows and (with /embed.js) fits its height.
    host.html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host article</title></head><body><p>Article text.</p>${snippet}<p>More text.</p></body></html>`;
    const article = await h.browser.newPage({ viewport: { width: 800, height: 900 } });
    const articleProblems = problemsOf(article);
    await article.goto(host.url);
    const iframe = article.locator('iframe').first();
    await iframe.waitFor();
    const frame = article.frameLocator('iframe').first();
    await frame.locator('svg[role="group"]:visible').first().waitFor({ state: 'visible' });
    assert.ok(
      (await frame.locator('svg[role="group"]:visible > title').first().textContent())?.length,
      'the embedded chart has no title',
    );
    await article.waitForLoadState('networkidle');
    const fit = await article.evaluate(() => {
      const f = document.querySelector('iframe')!;
      const inner = f.contentDocument?.documentElement.scrollHeight; // null cross-origin; the helper must not need it
      return { height: f.getBoundingClientRect().height, inner };
    });
    assert.ok(fit.height > 200, `the embed is only ${fit.height} px tall: the resize helper did not size it`);
    assert.deepEqual(articleProblems, []);
    await article.close();

    // The PNG download from the chart page.
    const link = page.locator(`a[href$="/charts/${CHART}/chart.png"], a[href="chart.png"]`).first();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = await download.path();
    const png = readFileSync(file);
    assert.deepEqual(
      [...png.subarray(0, 8)],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      'chart.png is not a PNG',
    );
    assert.ok(png.readUInt32BE(16) >= 600, `chart.png is only ${png.readUInt32BE(16)} px wide`);
    // The address printed in the PNG's footer (the PNG is drawn from chart.svg) answers here.
    const svg = await (
      await fetch(new URL(`${localePath(lang, `/charts/${CHART}/`)}chart.svg`.slice(1), h.url))
    ).text();
    const footer = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
      .map((m) => m[1]!)
      .findLast((x) => /^https?:/.test(x));
    assert.ok(footer, 'chart.svg has no address in its footer');
    assert.ok(footer.startsWith(h.url), `the footer names ${footer}, not this server ${h.url}`);
    assert.equal((await fetch(footer)).status, 200, `the footer's address ${footer} does not answer`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`researcher (${lang}): search → filter → data point → source and locator → cite → download dataset`, async () => {
    const data = getDataset();
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(8000);
    const problems = problemsOf(page);
    // Search from the header box, as a reader would.
    await page.goto(at(lang, '/'));
    const query = lang === 'zh' ? '合作社' : 'cooperative';
    await page.locator('header form[role="search"] input[name="q"]').fill(query);
    await page.locator('header form[role="search"] button[type="submit"]').click();
    await page.waitForURL((u) => u.pathname === localePath(lang, '/search/') && u.searchParams.get('q') === query);
    const results = page.locator(`main a[href*="/data/"], main a[href*="/case-studies/"], main a[href*="/glossary/"]`);
    await results
      .first()
      .waitFor()
      .catch(() => assert.fail(`no search results for "${query}" on ${page.url()}`));
    const unfiltered = await results.count();
    assert.ok(unfiltered > 0, `no results for ${query}`);

    // Filter to one district's data points; the filter lives in the URL so the view can be shared.
    const url = new URL(page.url());
    url.searchParams.set('district', 'fushan');
    url.searchParams.set('type', 'observation');
    await page.goto(url.href);
    const dataLinks = page.locator(`main a[href^="${localePath(lang, '/data/')}"]`);
    await dataLinks
      .first()
      .waitFor()
      .catch(() => assert.fail(`no data point results on ${page.url()}`));
    const hrefs = await dataLinks.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const ids = hrefs.map((x) => x.replace(/^.*\/data\//, '').replace(/\/.*$/, '')).filter((x) => x);
    assert.ok(ids.length > 0, 'no data point results after filtering');
    for (const id of ids)
      assert.equal(data.observation.get(id)?.district, 'fushan', `filtered result ${id} is not a Fushan observation`);

    // Open a data point: its source and locator are there and lead to the source.
    await dataLinks.first().click();
    const id = new URL(page.url()).pathname.replace(/^.*\/data\//, '').replace(/\/$/, '');
    const o = data.observation.get(id)!;
    assert.ok(o, `landed on ${page.url()}, not a data point`);
    assert.equal((await page.locator('.locator').textContent())?.trim(), o.locator);
    const source = page.locator(`main a[href$="/sources/#${o.source}"]`).first();
    assert.ok(await source.isVisible(), 'no link to the source');

    // Cite: the citation names the data point, the dataset version and the page's public URL.
    const cite = (await page.locator('.cite').textContent()) ?? '';
    assert.ok(
      cite.includes(o.id) && cite.includes(t(lang, 'cite.dataset')),
      `citation lacks the id or dataset: ${cite}`,
    );
    assert.ok(
      cite.includes(`${siteOrigin('dist')}${localePath(lang, `/data/${o.id}/`)}`),
      'citation lacks the public URL',
    );

    await source.click();
    await page.waitForURL((u) => u.hash === `#${o.source}`);
    assert.ok(await page.locator(`[id="${o.source}"]`).isVisible(), 'the source entry is not on the sources page');

    // Download the dataset the figure belongs to (linked from the data pages, both languages).
    await page.goto(at(lang, '/data/'));
    const csv = page.locator('main a[href="/data/observations.csv"]').first();
    assert.ok(await csv.isVisible(), 'no link to /data/observations.csv on the data page');
    const [download] = await Promise.all([page.waitForEvent('download'), csv.click()]);
    const text = readFileSync(await download.path(), 'utf8');
    // Plain UTF-8, as datapackage.json declares: the first column reads as id, not \ufeffid.
    assert.equal(text.split(/\r?\n/)[0]!.split(',')[0], 'id', 'observations.csv does not start with the id column');
    assert.ok(text.includes(`${o.id},`), `observations.csv lacks ${o.id}`);
    // The spreadsheet copy beside it starts with the byte-order mark Excel needs for Chinese.
    const excel = page.locator('main a[href="/data/excel/observations.csv"]').first();
    assert.ok(await excel.isVisible(), 'no link to the spreadsheet copy /data/excel/observations.csv');
    const [sheet] = await Promise.all([page.waitForEvent('download'), excel.click()]);
    assert.ok(readFileSync(await sheet.path(), 'utf8').startsWith('\uFEFF'), 'the spreadsheet copy has no BOM');
    assert.deepEqual(problems, []);
    await page.close();
  });
}
