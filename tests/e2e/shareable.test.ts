// What a journalist or researcher takes away works where it is shown (issue: shareable as built):
// no made-up host anywhere in the build, every absolute address at the origin it was built for;
// copy buttons that copy, announce and cost under 1 KB of script (and nothing without JavaScript);
// citation metadata on every page type and RIS / CSL-JSON files a kept parser (citation-js) reads
// back to what the page says; the per-figure and per-district files equal the dataset's records.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { listFiles, siteOrigin, urlPathOf } from '../../src/checks/builtSite.ts';
import { getDataset } from '../../src/dataset/dataset.ts';
import { releases } from '../../src/dataset/releases.ts';
import { parseCsv } from '../../src/outputs/csv.ts';
import { t } from '../../src/i18n/strings.ts';
import { edition, LANGS } from '../../src/site/editions.ts';
import { districtFilePath, localePath, pointFilePath } from '../../src/site/paths.ts';
import { convertText } from '../../src/site/script.ts';
import { startHarness, type Harness } from '../../scripts/lib/browser.ts';

const DIST = 'dist';
const read = (p: string) => readFileSync(join(DIST, p), 'utf8');
const data = getDataset();
/** Text files of the build (not the precompressed copies). */
const TEXT = /\.(html|svg|xml|json|csv|ris|cff|txt|js|css|webmanifest)$/;
// Pagefind's own scripts parse relative result URLs against https://example.com and strip it
// again: a parsing base in the library's code, never an address shown, linked or requested.
const PAGEFIND_SCRIPT = /^pagefind\/pagefind(-worker)?\.js$/;
/** Host names reserved for examples and tests (RFC 2606, RFC 6761), which never answer. */
const RESERVED = /\b(?:[a-z0-9-]+\.)+(?:example|invalid|test)\b(?![\w(])|\bexample\.(?:com|net|org)\b/i;
/** Addresses the build may name that are not the site: licences, schemas and namespaces. */
const EXTERNAL = [
  'http://www.w3.org/',
  'https://creativecommons.org/',
  'https://json-schema.org/',
  'https://schema.org',
  'http://www.sitemaps.org/',
];

let h: Harness;
before(async () => {
  h = await startHarness(DIST, { atBuiltOrigin: true });
});
after(() => h?.close());

test('no file of the build names a reserved or made-up host; every absolute address is the built origin or a licence or schema', () => {
  const origin = `${siteOrigin(DIST)}/`;
  const files = listFiles(DIST).filter((f) => TEXT.test(f) && !f.startsWith('_host/'));
  assert.ok(files.length > 500, `only ${files.length} text files`);
  const reserved: string[] = [];
  const foreign = new Set<string>();
  let addresses = 0;
  for (const f of files) {
    const text = readFileSync(join(DIST, f), 'utf8');
    if (!PAGEFIND_SCRIPT.test(f) && RESERVED.test(text)) reserved.push(`${f}: ${RESERVED.exec(text)![0]}`);
    if (f.endsWith('.js')) continue;
    for (const m of text.matchAll(/https?:\/\/[^\s"'<>)\]\\]+/g)) {
      addresses++;
      if (!m[0].startsWith(origin) && !EXTERNAL.some((e) => m[0].startsWith(e))) foreign.add(`${f}: ${m[0]}`);
    }
  }
  assert.deepEqual(reserved, []);
  assert.deepEqual([...foreign].slice(0, 20), []);
  assert.ok(addresses > 1000, `only ${addresses} absolute addresses: the scan read nothing`);
});

/** Pages that carry copy buttons, one of each kind per edition. */
function copyPages(): string[] {
  const o = data.observations[0]!;
  const r = releases()[0]!;
  return LANGS.flatMap((l) =>
    [
      '/charts/unit-size/',
      '/data/',
      `/data/${o.id}/`,
      `/releases/${r.version}/`,
      `/case-studies/${data.districts[0]!.id}/`,
    ].map((p) => localePath(l, p)),
  );
}

test('copy buttons: under 1 KB of script (gzip) where they are, none on reading pages without them, hidden without JavaScript', async () => {
  for (const path of copyPages()) {
    const html = read(`${path.slice(1)}index.html`);
    assert.ok(/<button[^>]*data-copy=/.test(html), `${path} has no copy button`);
    const inline = [...html.matchAll(/<script(?![^>]*application\/ld\+json)([^>]*)>([\s\S]*?)<\/script>/g)];
    let bytes = 0;
    for (const [, attrs, body] of inline) {
      const src = /src="([^"]+)"/.exec(attrs!)?.[1];
      bytes += gzipSync(src ? read(src.slice(1)) : body!, { level: 9 }).length;
    }
    assert.ok(bytes > 0 && bytes <= 1024, `${path}: ${bytes} bytes of script (gzip)`);
  }
  for (const l of LANGS)
    for (const p of ['/', '/compare/', '/glossary/', '/sources/', '/methodology/', '/charts/']) {
      const html = read(`${localePath(l, p).slice(1)}index.html`);
      assert.doesNotMatch(
        html.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g, ''),
        /<script/,
        `${l} ${p}`,
      );
    }
  // Without JavaScript nothing is broken: no dead buttons, and the embed code is there to select.
  const ctx = await h.browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(new URL('en/charts/unit-size/', h.url).href);
  assert.equal(await page.locator('button[data-copy]:visible').count(), 0);
  assert.match(await page.locator('#embed-code').inputValue(), /<iframe/);
  await ctx.close();
});

test('copy buttons copy what they sit beside and announce it, in every edition', async () => {
  const context = await h.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(h.url).origin });
  const page = await context.newPage();
  for (const lang of LANGS) {
    await page.goto(new URL(localePath(lang, '/charts/unit-size/').slice(1), h.url).href);
    const buttons = page.locator('button[data-copy]');
    assert.equal(await buttons.count(), 4, `${lang}: embed codes (pinned, latest), reference and BibTeX`);
    for (const b of await buttons.all()) {
      const target = (await b.getAttribute('data-copy'))!;
      await b.focus();
      await page.keyboard.press('Enter');
      // The live region is visually hidden: wait for its text, not for it to show.
      const said = convertText(lang, t(edition(lang).content, 'copy.done'));
      await page.waitForFunction(
        ([id, s]) =>
          document.querySelector(`button[data-copy="${id}"]`)?.textContent === s &&
          document.querySelector('p[role="status"]')?.textContent === s,
        [target, said],
      );
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      const shown = await page
        .locator(`#${target}`)
        .evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : (el.textContent ?? '').trim()));
      assert.equal(copied, shown, `${lang} ${target}`);
      assert.ok(
        (await b.getAttribute('aria-label'))?.startsWith(convertText(lang, t(edition(lang).content, 'copy.button'))),
      );
    }
  }
  await context.close();
});

/** The `citation_*` meta tags of a built page, by name. */
function highwire(html: string): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const m of html.matchAll(/<meta name="(citation_[a-z_]+)" content="([^"]*)"/g)) {
    const v = m[2]!
      .replaceAll('&amp;', '&')
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>');
    tags.set(m[1]!, [...(tags.get(m[1]!) ?? []), v]);
  }
  return tags;
}

test('every case study, chart, data point, data and release page carries citation tags, and its RIS and CSL-JSON files say the same', () => {
  const pages = LANGS.flatMap((l) => [
    ...data.districts.map((d) => localePath(l, `/case-studies/${d.id}/`)),
    localePath(l, '/charts/unit-size/'),
    localePath(l, '/charts/map-jinan/'),
    ...data.observations.slice(0, 5).map((o) => localePath(l, `/data/${o.id}/`)),
    localePath(l, '/data/'),
    ...releases().map((r) => localePath(l, `/releases/${r.version}/`)),
  ]);
  for (const path of pages) {
    const html = read(`${path.slice(1)}index.html`);
    const tags = highwire(html);
    for (const k of [
      'citation_title',
      'citation_author',
      'citation_publisher',
      'citation_publication_date',
      'citation_version',
      'citation_language',
      'citation_public_url',
    ])
      assert.ok(tags.get(k)?.[0], `${path}: ${k}`);
    assert.equal(tags.get('citation_language')![0], /<html lang="([^"]+)"/.exec(html)![1], `${path}: language`);
    assert.ok(tags.get('citation_public_url')![0]!.startsWith(h.url), `${path}: URL at the built origin`);
    const files = [...html.matchAll(/href="([^"]+\/citation\.(ris|csl\.json))"/g)].map((m) => m[1]!);
    assert.equal(files.length, 2, `${path}: its RIS and CSL-JSON files`);
    for (const file of files) {
      const [item] = new Cite(read(file.slice(1))).data;
      assert.equal(item!.title, tags.get('citation_title')![0], `${file}: title`);
      assert.equal(item!.URL, tags.get('citation_public_url')![0], `${file}: URL`);
      assert.equal(
        item!.issued['date-parts'][0]!.join('/'),
        tags.get('citation_publication_date')![0]!.split('/').map(Number).join('/'),
        `${file}: date`,
      );
      if (!path.includes('/case-studies/') || file.endsWith('.json'))
        assert.equal(item!.version, tags.get('citation_version')![0], `${file}: version`);
      else assert.ok(String(item!.note).includes(tags.get('citation_version')![0]!), `${file}: version in the note`);
    }
  }
});

test('the sources page offers each report as COinS and as RIS and CSL-JSON files', () => {
  for (const l of LANGS) {
    const html = read(`${localePath(l, '/sources/').slice(1)}index.html`);
    const spans = [...html.matchAll(/<span class="Z3988" title="([^"]+)"/g)].map(
      (m) => new URLSearchParams(m[1]!.replaceAll('&amp;', '&')),
    );
    assert.equal(spans.length, data.sources.length, `${l}: one COinS per source`);
    for (const [i, s] of data.sources.entries()) {
      assert.equal(spans[i]!.get('rft.date'), s.date);
      // The page names the report in the site's words; its printed headline is only in the downloads.
      assert.ok(
        !(spans[i]!.get('rft.atitle') ?? spans[i]!.get('rft.title')!).includes(s.title),
        `${l}: ${s.id} COinS quotes the headline`,
      );
      const ris = read(`${localePath(l, `/sources/${s.id}/citation.ris`).slice(1)}`);
      const csl = JSON.parse(read(`${localePath(l, `/sources/${s.id}/citation.csl.json`).slice(1)}`))[0];
      assert.match(ris, /^TY {2}- (NEWS|UNPB)\r$/m);
      assert.equal(csl.issued['date-parts'][0].join('-'), s.date.split('-').map(Number).join('-'));
      assert.equal(Boolean(csl.issued.circa), s.dateInferred, s.id);
      assert.ok(
        html.includes(`href="${localePath(l, `/sources/${s.id}/citation.ris`)}"`),
        `${l}: ${s.id} links its RIS`,
      );
    }
  }
});

test('each data point alone (JSON, CSV) and each district (CSV) equal the dataset records, now and in every frozen release', () => {
  const versions: (string | undefined)[] = [undefined, ...releases().map((r) => r.version)];
  for (const v of versions) {
    const folder = v ? `v/${v}/data/` : 'data/';
    const records = JSON.parse(read(`${folder}observations.json`)) as { id: string; district: string }[];
    const table = parseCsv(read(`${folder}observations.csv`));
    const [header, ...rows] = table;
    const idAt = header!.indexOf('id'),
      districtAt = header!.indexOf('district');
    for (const r of records) {
      assert.deepEqual(JSON.parse(read(pointFilePath(r.id, 'json', v).slice(1))), r, `${v ?? 'current'} ${r.id}.json`);
      assert.deepEqual(
        parseCsv(read(pointFilePath(r.id, 'csv', v).slice(1))),
        [header, rows.find((row) => row[idAt] === r.id)],
        `${v ?? 'current'} ${r.id}.csv`,
      );
    }
    const districts = [...new Set(records.map((r) => r.district))];
    const pkg = JSON.parse(read(`${folder}datapackage.json`));
    assert.deepEqual(pkg.pieces.districts.map((d: { district: string }) => d.district).sort(), [...districts].sort());
    for (const d of districts)
      assert.deepEqual(
        parseCsv(read(districtFilePath(d, v).slice(1))),
        [header, ...rows.filter((row) => row[districtAt] === d)],
        `${v ?? 'current'} districts/${d}.csv`,
      );
  }
  // Listed where a researcher looks: the data page and each data point's page.
  const o = data.observations[0]!;
  for (const l of LANGS) {
    assert.ok(read(`${localePath(l, '/data/').slice(1)}index.html`).includes(`href="${districtFilePath(o.district)}"`));
    assert.ok(
      read(`${localePath(l, `/data/${o.id}/`).slice(1)}index.html`).includes(`href="${pointFilePath(o.id, 'csv')}"`),
    );
  }
  assert.ok(urlPathOf('data/points/x.json') === '/data/points/x.json');
});
