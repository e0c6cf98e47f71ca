// Every figure the built site lists says what it is (issue #25): wherever a table row or a list
// item links to a data point (the comparison page, chart and map tables, case studies' tables,
// the home page, the data index), that row names the figure's scope when it covers less than the
// district, its kind when it is not a claimed result, and marks a date the site infers. Data
// point pages say all of it. Read from the built HTML in both languages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { fileOf, htmlPages } from '../../src/checks/builtSite.ts';
import { getDataset } from '../../src/dataset/dataset.ts';
import { describeObservation } from '../../src/i18n/figure.ts';
import { formatStartYear } from '../../src/i18n/format.ts';
import { pick, type Lang } from '../../src/site/editions.ts';

const DIST = process.env.DIST_DIR ?? 'dist';
const data = getDataset();
const INFERRED = { zh: '本站推断', en: "site's inference" };
const DATA_POINT = /^(?:\/en)?\/data\/([a-z0-9-]+)\/$/;

/** What a row about observation `id` must say in `lang`, and which of it `text` leaves out. */
function missing(id: string, text: string, lang: Lang): string[] {
  const o = data.observation.get(id)!;
  const w = describeObservation(data, o, lang);
  const out: string[] = [];
  if (w.narrow && !text.includes(w.scope)) out.push(`scope "${w.scope}"`);
  if (!w.achieved && !text.includes(w.kind)) out.push(`kind "${w.kind}"`);
  if (w.inferred && !text.includes(pick(INFERRED, lang))) out.push(`the inferred-date mark "${pick(INFERRED, lang)}"`);
  if (!text.includes(w.value)) out.push(`value "${w.value}"`);
  return out;
}

// URL paths of the pages that list figures: all but frozen releases, data point pages and search.
const pages = htmlPages(DIST).filter((p) => !/^(?:\/en)?\/(?:releases|v|data\/[a-z0-9-]+|search)\//.test(p));

test('the pages checked include the comparison, chart, case-study and home pages in both languages', () => {
  for (const p of ['/compare/', '/en/compare/', '/', '/en/', '/charts/services-output/', '/en/case-studies/shizhong/'])
    assert.ok(pages.includes(p), `${p} not among ${pages.length} pages`);
});

test('every row or item that lists a figure says its scope, its kind and whose date it is', () => {
  const found: string[] = [];
  let rows = 0;
  for (const page of pages) {
    const html = readFileSync(fileOf(DIST, page)!, 'utf8');
    const lang: Lang = /<html lang="en"/.test(html) ? 'en' : 'zh';
    const { document } = parseHTML(html);
    for (const a of document.querySelectorAll('main a[href]')) {
      const id = DATA_POINT.exec(a.getAttribute('href') ?? '')?.[1];
      // Prose figures (<Fact>) stand in sentences an editor writes around them; marks in SVG carry tooltips.
      if (!id || !data.observation.has(id) || a.classList.contains('fact') || a.closest('svg')) continue;
      const row = a.closest('tr, li');
      if (!row) continue;
      rows++;
      const gaps = missing(id, row.textContent ?? '', lang);
      if (gaps.length) found.push(`${page} ${id}: lacks ${gaps.join(', ')}`);
    }
  }
  assert.ok(rows > 500, `only ${rows} rows listing a figure were found`);
  assert.deepEqual(found.slice(0, 40), [], `${found.length} rows`);
});

test("every data point page says the figure's scope, kind and whose date it is", () => {
  const found: string[] = [];
  for (const o of data.observations)
    for (const lang of ['zh', 'en'] as const) {
      const path = `${lang === 'en' ? 'en/' : ''}data/${o.id}/index.html`;
      const { document } = parseHTML(readFileSync(join(DIST, path), 'utf8'));
      const text = `${document.querySelector('.big-value')?.textContent ?? ''} ${document.querySelector('dl.facts')?.textContent ?? ''}`;
      const gaps = missing(o.id, text, lang);
      const w = describeObservation(data, o, lang);
      if (!text.includes(w.scope)) gaps.push(`scope "${w.scope}"`);
      if (o.dateNote && !text.includes(o.dateNote[lang])) gaps.push('its date note');
      if (gaps.length) found.push(`${path}: lacks ${gaps.join(', ')}`);
    }
  assert.deepEqual(found.slice(0, 40), [], `${found.length} pages`);
});

test('no map or timeline puts a start year in a district mouth that no source prints', () => {
  for (const lang of ['zh', 'en'] as const)
    for (const d of data.districts) {
      const html = readFileSync(join(DIST, lang === 'en' ? 'en/' : '', 'charts/map-shandong/index.html'), 'utf8');
      const { document } = parseHTML(html);
      const row = [...document.querySelectorAll('.chart-table tr')].find((tr) =>
        tr.textContent?.includes(lang === 'zh' ? d.name.zhHans : d.name.en),
      );
      if (!row) continue;
      assert.ok(
        row.textContent?.includes(
          formatStartYear(d.model.startYear, d.model.startYearEstimated, lang, pick(d.model.startNote, lang)),
        ),
        `${lang} ${d.id}: ${row.textContent}`,
      );
    }
});
