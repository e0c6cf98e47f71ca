/**
 * The search page against the built site: the query table (scripts/lib/searchQueries.ts),
 * URL state, filters, no-JS message, keyboard use, the live region and injection payloads.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from '../../scripts/lib/browser.ts';
import { runSearch as run } from '../lib/searchUi.ts';
import { PAYLOADS, QUERIES, type QueryCase } from '../../scripts/lib/searchQueries.ts';
import { axeViolations } from '../lib/axe.ts';
import { LANGS, type Lang } from '../../src/site/editions.ts';
import { localePath, splitLocalePath } from '../../src/site/paths.ts';
import { convertText } from '../../src/site/script.ts';

let h: Harness;
const pages: Partial<Record<Lang, Page>> = {};
const dialogs: string[] = [];

before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

const searchPath = (lang: Lang) => localePath(lang, '/search/').slice(1);

async function searchPage(lang: Lang): Promise<Page> {
  if (pages[lang]) return pages[lang];
  const page = await h.browser.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(new URL(searchPath(lang), h.url).href);
  pages[lang] = page;
  return page;
}

const has = (urls: string[], want: string) =>
  want.endsWith('*') ? urls.some((u) => u.startsWith(want.slice(0, -1))) : urls.includes(want);

test(`the query table (${QUERIES.length} queries) finds what must be found and nothing that must not`, async () => {
  assert.ok(QUERIES.length >= 40);
  const seen = new Map<string, string[]>();
  const failures: string[] = [];
  const ordered = [...QUERIES].sort((a, b) => Number(Boolean(a.sameAs)) - Number(Boolean(b.sameAs)));
  for (const c of ordered as QueryCase[]) {
    const page = await searchPage(c.lang);
    const urls = await run(page, c.q, c.filters);
    seen.set(`${c.lang} ${c.q} ${JSON.stringify(c.filters ?? {})}`, urls);
    const label = `[${c.lang}] ${c.q}${c.filters ? ` ${JSON.stringify(c.filters)}` : ''} (${c.why})`;
    if (c.none && urls.length) failures.push(`${label}: expected nothing, got ${urls.slice(0, 5).join(', ')}`);
    for (const m of c.must ?? []) if (!has(urls, m)) failures.push(`${label}: missing ${m} (got ${urls.length})`);
    for (const m of c.mustNot ?? []) if (has(urls, m)) failures.push(`${label}: must not find ${m}`);
    if (c.sameAs) {
      const other = seen.get(`${c.lang} ${c.sameAs} {}`);
      if (!other) failures.push(`${label}: ${c.sameAs} not run`);
      else if (JSON.stringify([...urls].sort()) !== JSON.stringify([...other].sort()))
        failures.push(`${label}: differs from ${c.sameAs} (${urls.length} vs ${other.length})`);
    }
    // Every result of a filtered search carries the chosen filter (URL shape says type and district).
    if (c.filters?.district)
      for (const u of urls)
        if (u.includes('/data/') && !u.includes(`/data/${c.filters.district}-`))
          failures.push(`${label}: ${u} is not in ${c.filters.district}`);
    if (c.filters?.type === 'glossary')
      for (const u of urls) if (!u.includes('/glossary/#')) failures.push(`${label}: ${u} is not a glossary term`);
  }
  assert.deepEqual(failures, []);
});

test("the Traditional edition: a query in Simplified and in Traditional characters finds the same results, the Simplified edition's", async () => {
  const pairs = [
    ['党建工作区', '黨建工作區'],
    ['第一书记', '第一書記'],
    ['红色物业', '紅色物業'],
    ['联合党委', '聯合黨委'],
    ['樱桃', '櫻桃'],
    ['网格', '網格'],
    ['集体经济', '集體經濟'],
  ];
  const hant = await searchPage('zh-Hant');
  const hans = await searchPage('zh');
  for (const [simplified, traditional] of pairs) {
    const a = await run(hant, simplified!);
    const b = await run(hant, traditional!);
    const base = await run(hans, simplified!);
    assert.ok(a.length > 0, `${simplified}: no results in the Traditional edition`);
    // The same results; their order may differ, as each spelling also matches the shown Traditional text.
    assert.deepEqual([...a].sort(), [...b].sort(), `${simplified} / ${traditional}`);
    assert.ok(
      a.every((u) => splitLocalePath(u).lang === 'zh-Hant'),
      `${simplified}: a result outside the edition`,
    );
    // The Simplified edition's results at the Traditional edition's addresses (its section headings converted).
    const asHant = (u: string) => {
      const [path, fragment] = u.split('#') as [string, string | undefined];
      const at = localePath('zh-Hant', splitLocalePath(path).path);
      return fragment === undefined
        ? at
        : `${at}#${encodeURIComponent(convertText('zh-Hant', decodeURIComponent(fragment)))}`;
    };
    assert.deepEqual([...a].sort(), base.map(asHant).sort(), `${simplified}: not what the Simplified edition finds`);
  }
});

test('results mark the matched text, announce their count politely and show value, district and source', async () => {
  const page = await searchPage('zh');
  await run(page, '1436');
  assert.equal(await page.getAttribute('#search-status', 'aria-live'), 'polite');
  assert.match((await page.textContent('#search-status')) ?? '', /\d+/);
  const first = page.locator('.search-result', { has: page.locator('a[href="/data/fushan-grids/"]') });
  assert.equal(await first.locator('mark').first().textContent(), '1436');
  const value = (await first.locator('.result-value').textContent()) ?? '';
  assert.match(value, /1436个/);
  assert.match(value, /四联共促/);
  assert.match((await first.locator('.result-kind').textContent()) ?? '', /数据点 · 福山区/);
  // Case-study results land on a section.
  const urls = await run(page, '红色物业');
  assert.ok(
    urls.some((u) => /^\/case-studies\/shizhong\/#.+/.test(u)),
    urls.join(' '),
  );
});

test('the URL carries the query and filters, and a shared link restores them', async () => {
  const page = await searchPage('zh');
  await run(page, '网格', { district: 'fushan' });
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('q'), '网格');
  assert.equal(url.searchParams.get('district'), 'fushan');
  const fresh = await h.browser.newPage();
  await fresh.goto(new URL(`${searchPath('en')}?q=cherry&type=observation`, h.url).href);
  await fresh.waitForFunction(
    () => document.querySelector<HTMLFormElement>('#search-form')!.dataset.doneKey === 'q=cherry&type=observation',
  );
  assert.equal(await fresh.inputValue('#search-q'), 'cherry');
  assert.equal(await fresh.inputValue('#search-f-type'), 'observation');
  const hrefs = await fresh
    .locator('.search-result .result-title a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 0 && hrefs.every((u) => u?.startsWith('/en/data/')), hrefs.join(' '));
  // Filter options show counts for the current query.
  assert.match((await fresh.locator('#search-f-district option[value="fushan"]').textContent()) ?? '', /\(\d+\)/);
  await fresh.close();
});

test('an empty result says so and suggests terms', async () => {
  const page = await searchPage('en');
  const urls = await run(page, 'xqzvbnk');
  assert.deepEqual(urls, []);
  assert.ok(await page.isVisible('#search-empty'));
  assert.ok((await page.locator('#search-empty ul a').count()) >= 3);
});

test('queries are data, never markup: typed and in ?q=', async () => {
  const page = await searchPage('zh');
  for (const p of PAYLOADS) {
    await run(page, p);
    assert.equal(
      await page
        .locator('#search-results img, #search-results script, #search-results svg, #pwn, #search-status *')
        .count(),
      0,
      p,
    );
    assert.equal(await page.inputValue('#search-q'), p);
  }
  for (const p of PAYLOADS) {
    const fresh = await h.browser.newPage();
    fresh.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await fresh.goto(new URL(`${searchPath('en')}?q=${encodeURIComponent(p)}`, h.url).href);
    await fresh.waitForFunction(
      () => document.querySelector<HTMLFormElement>('#search-form')!.dataset.doneKey !== undefined,
    );
    assert.equal(await fresh.locator('main img, main script:not([src]), #pwn').count(), 0, p);
    assert.equal(await fresh.inputValue('#search-q'), p);
    await fresh.close();
  }
  assert.deepEqual(dialogs, []);
});

test('keyboard only: type, tab to a filter, change it, reach the first result', async () => {
  const page = await searchPage('en');
  await run(page, '');
  await page.focus('#search-q');
  await page.keyboard.type('grid');
  await page.waitForFunction(
    () => document.querySelector<HTMLFormElement>('#search-form')!.dataset.doneKey === 'q=grid',
  );
  await page.keyboard.press('Tab'); // submit button
  await page.keyboard.press('Tab'); // the filters' summary (open on a wide screen)
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'SUMMARY');
  await page.keyboard.press('Tab'); // type filter
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-f-type');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-f-district');
  await page.keyboard.press('ArrowDown'); // Zhangqiu
  await page.waitForFunction(() =>
    document.querySelector<HTMLFormElement>('#search-form')!.dataset.doneKey?.includes('district='),
  );
  const district = new URL(page.url()).searchParams.get('district');
  assert.ok(district, 'the district filter follows the keyboard');
  await page.focus('#search-clear');
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => document.querySelector<HTMLFormElement>('#search-form')!.dataset.doneKey === 'q=grid',
  );
  await page.keyboard.press('Tab'); // first result link (the live region and list have no other stops)
  assert.equal(await page.evaluate(() => document.activeElement?.closest('.search-result') !== null), true);
});

test('the search page has exactly one search box, in every edition (the header leaves its own out)', async () => {
  for (const lang of LANGS) {
    const page = await h.browser.newPage();
    await page.goto(new URL(searchPath(lang), h.url).href);
    assert.equal(await page.locator('input[type="search"], input[name="q"]').count(), 1, lang);
    assert.equal(await page.locator('form[role="search"]').count(), 1, lang);
    assert.equal(await page.locator('header input').count(), 0, `${lang}: no field in the header`);
    await page.close();
  }
});

test('on a phone (375 × 812) the first result of a search lies within the first screen; the filters fold and open', async () => {
  const report: string[] = [];
  for (const [lang, q] of [
    ['zh', '网格'],
    ['en', 'cherry'],
    ['zh-Hant', '網格'],
    ['en', 'first secretary'],
  ] as const) {
    const page = await h.browser.newPage({ viewport: { width: 375, height: 812 } });
    await page.goto(new URL(`${searchPath(lang)}?q=${encodeURIComponent(q)}`, h.url).href);
    await page.waitForSelector('.search-result');
    const box = await page.locator('.search-result').first().boundingBox();
    assert.ok(box, `${lang} ${q}: a first result`);
    // Its kind, title and the start of its text are on the first screen.
    if (box.y + Math.min(box.height, 80) > 812) report.push(`${lang} "${q}": first result at ${Math.round(box.y)} px`);
    assert.equal(await page.isVisible('#search-f-type'), false, `${lang}: the filters are folded on a phone`);
    await page.click('#search-filters-box > summary');
    assert.equal(await page.isVisible('#search-f-type'), true, `${lang}: the summary opens the filters`);
    await page.close();
  }
  // A link that sets a filter shows it, folded or not.
  const page = await h.browser.newPage({ viewport: { width: 375, height: 812 } });
  await page.goto(new URL(`${searchPath('en')}?q=cherry&type=observation`, h.url).href);
  await page.waitForSelector('.search-result');
  assert.equal(await page.isVisible('#search-f-type'), true, 'a filter set by the link is shown');
  await page.close();
  assert.deepEqual(report, []);
});

test('without JavaScript the header field still reaches the search page, which says search needs JavaScript', async () => {
  const ctx = await h.browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(new URL('en/glossary/', h.url).href);
  await page.fill('#site-q', 'cherry');
  await page.press('#site-q', 'Enter');
  await page.waitForURL(/\/en\/search\/\?q=cherry/);
  const text = (await page.textContent('main')) ?? '';
  assert.match(text, /Search needs JavaScript/);
  assert.ok(await page.isVisible('.search-nojs a[href="/en/data/"]'));
  await ctx.close();
});

test('the search page runs under a strict Content-Security-Policy (wasm-unsafe-eval only)', async () => {
  const csp =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";
  const ctx = await h.browser.newContext();
  const page = await ctx.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused/i.test(m.text())) violations.push(m.text());
  });
  await page.route('**/search/**', async (route) => {
    const res = await route.fetch();
    const headers = { ...res.headers(), 'content-security-policy': csp };
    await route.fulfill({ response: res, headers });
  });
  await page.goto(new URL(`search/?q=${encodeURIComponent('黨建工作區')}`, h.url).href);
  await page.waitForFunction(() =>
    document.querySelector<HTMLFormElement>('#search-form')!.dataset.doneKey?.startsWith('q='),
  );
  assert.ok((await page.locator('.search-result').count()) > 0);
  assert.deepEqual(violations, []);
  await ctx.close();
});

test('the search page with results passes axe (WCAG 2.1 AA), both languages, light and dark', async () => {
  const violations: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    for (const [lang, q] of [
      ['zh', '网格'],
      ['en', 'cherry'],
    ] as const) {
      const page = await h.browser.newPage({
        colorScheme: scheme,
        viewport: { width: 1280, height: 900 },
        bypassCSP: true,
      }); // axe is injected as an inline script, which the page's CSP rightly blocks
      await page.goto(new URL(`${searchPath(lang)}?q=${encodeURIComponent(q)}`, h.url).href);
      await page.waitForFunction(() =>
        document.querySelector<HTMLFormElement>('#search-form')!.dataset.doneKey?.startsWith('q='),
      );
      const found = await axeViolations(page);
      violations.push(...found.map((v) => `${lang} ${scheme} ${v}`));
      await page.close();
    }
  }
  assert.deepEqual(violations, []);
});
