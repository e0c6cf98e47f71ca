// Completeness: every observation appears on its data point page (both languages), in the CSV and
// JSON downloads, and in the search index (Pagefind filter type:observation, both languages);
// the counts must be equal and are printed on one line.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { getDataset } from '../../src/dataset/dataset.ts';
import { formatQuantity } from '../../src/i18n/format.ts';
import { mainDocument, RecordBuilder, type SearchRecord } from '../../src/searchIndex/searchRecords.ts';
import { toSimplified } from '../../src/searchIndex/convert.ts';
import { csvRecords } from '../lib/csv.ts';
import { startHarness, type Harness } from '../../scripts/lib/browser.ts';

const data = getDataset();
const ids = data.observations.map((o) => o.id).sort();
const counts: Record<string, number | string> = { observations: ids.length };

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
  const line = ['observations', 'pages', 'csv', 'json', 'search zh', 'search en']
    .map((k) => `${k} ${counts[k] ?? '–'}`)
    .join(' · ');
  console.log(`completeness: ${line}`);
});

/** Ids in `found` that are not observations, and observations missing from `found`. */
function diff(found: string[]): { missing: string[]; extra: string[]; duplicates: string[] } {
  const set = new Set(found);
  return {
    missing: ids.filter((id) => !set.has(id)),
    extra: [...set].filter((id) => !ids.includes(id)),
    duplicates: found.filter((id, i) => found.indexOf(id) !== i),
  };
}

test('every observation has its data point page in both languages showing label, value and locator', () => {
  const problems: string[] = [];
  let pages = 0;
  for (const o of data.observations) {
    let ok = true;
    for (const lang of ['zh', 'en'] as const) {
      const file = join('dist', lang === 'en' ? 'en' : '', 'data', o.id, 'index.html');
      if (!existsSync(file)) {
        problems.push(`${file} missing`);
        ok = false;
        continue;
      }
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      const text = (sel: string) => document.querySelector(sel)?.textContent?.trim() ?? '';
      const main = text('main');
      if (text('h1') !== o.label[lang]) {
        problems.push(`${file}: <h1> is not the label "${o.label[lang]}"`);
        ok = false;
      }
      if (!main.includes(formatQuantity(o, lang))) {
        problems.push(`${file}: value "${formatQuantity(o, lang)}" not shown`);
        ok = false;
      }
      if (!main.includes(String(o.value))) {
        problems.push(`${file}: normalised value ${o.value} not shown`);
        ok = false;
      }
      if (!main.includes(o.figure)) {
        problems.push(`${file}: figure as written "${o.figure}" not shown`);
        ok = false;
      }
      if (text('.locator') !== o.locator) {
        problems.push(`${file}: locator "${o.locator}" not shown`);
        ok = false;
      }
    }
    if (ok) pages++;
  }
  counts.pages = pages;
  assert.deepEqual(problems, []);
  assert.equal(pages, ids.length);
});

test("each data point's search record, made from the dataset, equals the one cut from its built page", () => {
  // The build makes data point records from the dataset (fast at 100,000s of pages); this holds
  // them to what each page shows, field by field, in both languages.
  const builder = new RecordBuilder(data, toSimplified);
  let compared = 0;
  const differ: string[] = [];
  for (const o of data.observations) {
    for (const lang of ['zh', 'en'] as const) {
      const url = `${lang === 'en' ? '/en' : ''}/data/${o.id}/`;
      const fromPage = builder.observationFromPage(
        lang,
        url,
        mainDocument(readFileSync(join('dist', url, 'index.html'), 'utf8')),
        o.id,
      );
      const fromData = builder.observation(lang, o.id);
      try {
        assert.deepEqual(fromData, fromPage);
        compared++;
      } catch (e) {
        differ.push(`${url}: ${(e as Error).message.slice(0, 600)}`);
      }
    }
  }
  assert.deepEqual(differ.slice(0, 5), []);
  assert.equal(compared, 2 * ids.length);
});

// Like the data points, the build makes source and glossary records from the dataset (the
// sources page is tens of MB at thousands of districts, the glossary is written last); these
// hold them to what the pages show, entry by entry, in both languages.
for (const { what, page, ids, cut, make } of [
  { what: 'source', page: '/sources/', ids: data.sources.map((s) => s.id), cut: 'sources', make: 'source' },
  {
    what: 'glossary term',
    page: '/glossary/',
    ids: data.glossary.map((g) => g.id),
    cut: 'glossary',
    make: 'glossaryTerm',
  },
] as const) {
  test(`each ${what}'s search record, made from the dataset, equals the one cut from ${page}`, () => {
    const builder = new RecordBuilder(data, toSimplified);
    const differ: string[] = [];
    let compared = 0;
    for (const lang of ['zh', 'en'] as const) {
      const url = `${lang === 'en' ? '/en' : ''}${page}`;
      const fromPage = builder[cut](lang, url, mainDocument(readFileSync(join('dist', url, 'index.html'), 'utf8')));
      // Each page orders its entries for its reader (the glossary by the edition's alphabet:
      // tests/e2e/glossary.test.ts), so entries are compared as a set, each once.
      assert.deepEqual(
        fromPage.map((r) => r.url).sort(),
        ids.map((id) => `${url}#${id}`).sort(),
        `${url}: one entry per ${what}, each once`,
      );
      for (const r of fromPage) {
        const fromData = builder[make](lang, r.url.slice(r.url.indexOf('#') + 1));
        try {
          assert.deepEqual(fromData, r);
          compared++;
        } catch (e) {
          differ.push(`${r.url}: ${(e as Error).message.slice(0, 600)}`);
        }
      }
    }
    assert.deepEqual(differ.slice(0, 5), []);
    assert.equal(compared, 2 * ids.length);
  });
}

test('every observation is a row of /data/observations.csv, once', () => {
  const file = 'dist/data/observations.csv';
  assert.ok(existsSync(file), 'missing /data/observations.csv');
  const rows = csvRecords(readFileSync(file, 'utf8'));
  assert.ok(rows.length === 0 || 'id' in rows[0]!, '/data/observations.csv has no id column');
  counts.csv = rows.length;
  assert.deepEqual(diff(rows.map((r) => r.id!)), { missing: [], extra: [], duplicates: [] });
  // Values travel intact: the normalised value of each row matches the dataset's.
  for (const r of rows)
    if ('value' in r) assert.equal(Number(r.value), data.observation.get(r.id!)?.value, `value of ${r.id}`);
});

test('every observation is a record of /data/observations.json, once', () => {
  const file = 'dist/data/observations.json';
  assert.ok(existsSync(file), 'missing /data/observations.json');
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const records = (Array.isArray(parsed) ? parsed : (parsed as { observations?: unknown }).observations) as
    | { id: string; value: number }[]
    | undefined;
  assert.ok(Array.isArray(records), '/data/observations.json is neither an array nor { observations: [...] }');
  counts.json = records.length;
  assert.deepEqual(diff(records.map((r) => r.id)), { missing: [], extra: [], duplicates: [] });
  for (const r of records) assert.equal(r.value, data.observation.get(r.id)?.value, `value of ${r.id}`);
});

for (const lang of ['zh', 'en'] as const) {
  test(`the ${lang} search index holds every data point page under the filter type:observation`, async () => {
    const page = await h.browser.newPage();
    // Pagefind picks the index of the page's <html lang>, so load it from a page in that language.
    await page.goto(new URL(lang === 'en' ? 'en/' : '', h.url).href);
    const urls = await page.evaluate(async () => {
      // A URL the browser resolves against the site, not a module TypeScript can see.
      const entry = '/pagefind/pagefind.js';
      const pagefind = await import(entry);
      await pagefind.init();
      const filters = await pagefind.filters();
      const r = await pagefind.search(null, { filters: { type: 'observation' } });
      const pages = await Promise.all(r.results.map((x: { data(): Promise<{ url: string }> }) => x.data()));
      return { filters: Object.keys(filters), urls: pages.map((p: { url: string }) => p.url) };
    });
    await page.close();
    assert.ok(
      urls.filters.includes('type'),
      `the ${lang} index has no "type" filter (filters: ${urls.filters.join(', ') || 'none'})`,
    );
    const prefix = lang === 'en' ? '/en/data/' : '/data/';
    const found = urls.urls
      .map((u: string) => new URL(u, h.url).pathname)
      .map((p: string) =>
        p.startsWith(prefix) ? p.slice(prefix.length).replace(/\/$/, '') : `not a data point page: ${p}`,
      );
    counts[`search ${lang}`] = found.length;
    assert.deepEqual(diff(found), { missing: [], extra: [], duplicates: [] });
  });
}

test('the counts are equal', () => {
  const want = ids.length;
  for (const k of ['pages', 'csv', 'json', 'search zh', 'search en'])
    assert.equal(counts[k], want, `${k}: ${counts[k] ?? 'not counted'} ≠ ${want} observations`);
});

test('every search result shows its record text exactly, in every edition, with no spacing artefacts', async () => {
  const { readdirSync } = await import('node:fs');
  const { gunzipSync } = await import('node:zlib');
  const { convertedRecords, dataRecords } = await import('../../src/searchIndex/recordSets.ts');
  const { shownText } = await import('../../src/searchCore/query.ts');
  const { CHARTS } = await import('../../src/charts/index.ts');
  // The records as the index builder makes them: from the dataset, and cut from the built pages.
  const builder = new RecordBuilder(data, toSimplified);
  const records = new Map(dataRecords(data).map((r) => [r.url, r]));
  const fromPages: SearchRecord[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const paths = [...data.districts.map((d) => `/case-studies/${d.id}/`), ...CHARTS.map((c) => `/charts/${c.id}/`)];
    for (const p of paths) {
      const file = join('dist', lang === 'en' ? 'en' : '', p, 'index.html');
      if (existsSync(file)) fromPages.push(...builder.forPage(lang, p, readFileSync(file, 'utf8')));
    }
  }
  // The Traditional edition's, made from the Simplified edition's as the index builder makes them.
  for (const r of [...fromPages, ...convertedRecords(fromPages)]) records.set(r.url, r);
  // What each result shows: its fragment's text as Pagefind's script hands it over (zero-width
  // spaces removed), before the index-only text.
  const dir = join('dist', 'pagefind', 'fragment');
  const differ: string[] = [];
  const artefacts: string[] = [];
  // A space that CJK spacing put inside Latin punctuation: "district ’ s", "Shizhong ’s", "“ red ”".
  const SPLIT = /\p{Script=Latin} [’'] ?\p{Script=Latin}|[“‘] \p{Script=Latin}|\p{Script=Latin} [”]/u;
  let seen = 0;
  for (const name of readdirSync(dir)) {
    const frag = JSON.parse(
      gunzipSync(readFileSync(join(dir, name)))
        .toString('utf8')
        .replace(/^pagefind_dcd/, ''),
    ) as { url: string; content: string; meta: Record<string, string> };
    const url = frag.meta.url ?? frag.url;
    const r = records.get(url);
    if (!r) {
      differ.push(`${url}: no record`);
      continue;
    }
    seen++;
    const shown = shownText(frag.content.replace(/\u200B/g, ''));
    if (shown !== r.content) {
      let i = 0;
      while (shown[i] === r.content[i]) i++;
      differ.push(
        `${url}: shows …${shown.slice(Math.max(0, i - 20), i + 20)}… for …${r.content.slice(Math.max(0, i - 20), i + 20)}…`,
      );
    }
    for (const [what, text] of [
      ['shown', shown],
      ['record', r.content],
      ['title', r.title],
    ] as const) {
      const m = SPLIT.exec(text);
      if (m) artefacts.push(`${url} ${what}: …${text.slice(Math.max(0, m.index - 20), m.index + 20)}…`);
    }
  }
  assert.deepEqual(differ.slice(0, 10), []);
  assert.deepEqual(artefacts.slice(0, 10), []);
  assert.equal(seen, records.size, 'every record has a fragment');
});
