/**
 * Writes SITE/pagefind/: the search index of a built site, one record per case-study section,
 * data point, chart, source and glossary term (see src/lib/searchRecords.ts), indexed with the
 * Pagefind Node API, plus SITE/pagefind/facets.<lang>.json: each indexed record's filter values
 * by Pagefind result id, so the search page can count and filter its own verified results.
 */
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { getDataset } from '../src/lib/dataset.ts';
import type { Lang } from '../src/lib/i18n.ts';
import { RECORD_TYPES, RecordBuilder, type RecordFilters, type SearchRecord } from '../src/lib/searchRecords.ts';
import { toSimplified } from '../src/search/convert.ts';
import { EXTRA_MARKER, spaceCjk } from '../src/search/text.ts';

/** The filter keys, in the order facets files list them. */
export const FACET_KEYS = ['type', 'district', 'dimension', 'source', 'year'] as const;

/** What the search page loads besides Pagefind: filter values per result id. */
export interface FacetsFile {
  /** The distinct values of each filter key. */
  values: Record<(typeof FACET_KEYS)[number], string[]>;
  /** Pagefind result id → [order, ...indexes into `values[key]` per key]. `order` breaks ties. */
  pages: Record<string, [number, ...number[][]]>;
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { if (name !== 'pagefind' && name !== '_astro') out.push(...htmlFiles(p)); }
    else if (name === 'index.html') out.push(p);
  }
  return out;
}

/** All records of a built site, in a stable order (type, then URL). */
export function siteRecords(site: string): SearchRecord[] {
  const builder = new RecordBuilder(getDataset(), toSimplified);
  const records: SearchRecord[] = [];
  for (const file of htmlFiles(site)) {
    const rel = '/' + relative(site, file).split(sep).join('/').replace(/index\.html$/, '');
    const lang: Lang = rel.startsWith('/en/') ? 'en' : 'zh';
    const path = lang === 'en' ? rel.slice(3) : rel;
    records.push(...builder.forPage(lang, path, readFileSync(file, 'utf8')));
  }
  pairLanguages(records);
  const typeRank = (r: SearchRecord) => RECORD_TYPES.indexOf(r.filters.type[0]);
  return records.sort((a, b) => typeRank(a) - typeRank(b) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/**
 * Lets each record be found by its counterpart's title in the other language (a data point's
 * English label on the Chinese page and so on). Case-study sections pair by position when both
 * languages have the same number of sections.
 */
export function pairLanguages(records: SearchRecord[]): void {
  const key = (r: SearchRecord) => (r.lang === 'en' ? r.url.slice(3) : r.url);
  const page = (r: SearchRecord) => key(r).replace(/#.*$/, '');
  const groups = new Map<string, { zh: SearchRecord[]; en: SearchRecord[] }>();
  for (const r of records) {
    const g = groups.get(page(r)) ?? { zh: [], en: [] };
    g[r.lang].push(r);
    groups.set(page(r), g);
  }
  for (const g of groups.values()) {
    if (g.zh.length !== g.en.length) continue;
    const byKey = new Map(g.en.map((r) => [key(r), r]));
    g.zh.forEach((zh, i) => {
      const en = byKey.get(key(zh)) ?? (zh.filters.type[0] === 'case-study' ? g.en[i] : undefined);
      if (!en) return;
      zh.extra = `${zh.extra} · ${en.title}`;
      en.extra = `${en.extra} · ${zh.title}`;
    });
  }
}

/** The text Pagefind indexes for a record: page text, the marker, then the index-only text. */
export function indexedContent(r: SearchRecord): string {
  return `${spaceCjk(r.content)} ${EXTRA_MARKER} ${spaceCjk(r.extra)}`;
}

/** Indexes the records into SITE/pagefind and writes the facets files; returns record counts. */
export async function buildSearchIndex(site: string): Promise<Record<Lang, number>> {
  const records = siteRecords(site);
  const out = join(site, 'pagefind');
  rmSync(out, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const urlToRecord = new Map<string, { r: SearchRecord; order: number }>();
  for (const [order, r] of records.entries()) {
    const res = await index.addCustomRecord({
      url: r.url,
      content: indexedContent(r),
      language: r.lang,
      meta: { title: r.title, type: r.filters.type[0], ...r.meta },
      filters: r.filters as unknown as Record<string, string[]>,
    });
    if (res.errors.length) throw new Error(`pagefind ${r.url}: ${res.errors.join('; ')}`);
    urlToRecord.set(r.url, { r, order });
  }
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  // The UI bundles are Pagefind's Default and Component UIs, which the site does not use (they
  // inject inline styles that the Content-Security-Policy forbids).
  for (const f of readdirSync(out)) if (/^pagefind-(component-ui|modular-ui|ui|highlight)\./.test(f)) rmSync(join(out, f));

  const counts: Record<Lang, number> = { zh: 0, en: 0 };
  for (const lang of ['zh', 'en'] as const) {
    const values = Object.fromEntries(FACET_KEYS.map((k) => [k, [] as string[]])) as FacetsFile['values'];
    for (const { r } of urlToRecord.values()) {
      if (r.lang !== lang) continue;
      for (const k of FACET_KEYS) for (const v of r.filters[k as keyof RecordFilters]) if (!values[k].includes(v)) values[k].push(v);
    }
    for (const k of FACET_KEYS) values[k].sort((a, b) => (k === 'type' ? RECORD_TYPES.indexOf(a as never) - RECORD_TYPES.indexOf(b as never) : a < b ? -1 : a > b ? 1 : 0));
    const pages: FacetsFile['pages'] = {};
    for (const name of readdirSync(join(out, 'fragment')).sort()) {
      if (!name.startsWith(`${lang}_`)) continue;
      const frag = JSON.parse(gunzipSync(readFileSync(join(out, 'fragment', name))).toString('utf8').replace(/^pagefind_dcd/, '')) as { url: string };
      const hit = urlToRecord.get(frag.url);
      if (!hit) throw new Error(`pagefind: fragment ${name} has unknown url ${frag.url}`);
      pages[name.replace(/\.pf_fragment$/, '')] = [hit.order, ...FACET_KEYS.map((k) => hit.r.filters[k as keyof RecordFilters].map((v) => values[k].indexOf(v)))];
      counts[lang]++;
    }
    writeFileSync(join(out, `facets.${lang}.json`), JSON.stringify({ values, pages } satisfies FacetsFile));
  }
  return counts;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { site: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(`Usage: node scripts/buildSearchIndex.ts --site DIR

Reads the built pages in DIR, writes DIR/pagefind/ (Pagefind index of case-study sections, data
points, charts, sources and glossary terms in both languages) and DIR/pagefind/facets.<lang>.json.`);
    process.exit(0);
  }
  if (!values.site) { console.error('buildSearchIndex: --site DIR is required'); process.exit(1); }
  const counts = await buildSearchIndex(values.site);
  console.log(`search index: ${counts.zh} zh and ${counts.en} en records`);
}
