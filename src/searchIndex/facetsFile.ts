/**
 * The content of SITE/pagefind/facets.<lang>.json, whose format src/searchCore/query.ts declares
 * (`Facets`): each indexed record's filter values by Pagefind result id, with the index's chunk
 * Traditional characters.
 */
import { FILTER_KEYS, type Facets, type FilterKey, type IndexBundle } from '../searchCore/query.ts';
import { encodeGaps } from '../searchCore/text.ts';
import { TRADITIONAL_GAPS } from '../searchCore/traditionalChars.ts';
import { RECORD_TYPES, type RecordFilters, type SearchRecord } from './searchRecords.ts';
import type { Lang } from '../site/editions.ts';

/** What the facets file needs of a search record. */
export type FacetRecord = Pick<SearchRecord, 'url' | 'lang' | 'filters'>;

/**
 * The facets file of language `lang`. `records` holds every record by URL, with its position
 * (`order`) in the records' stable order; `fragments` are the index's fragment file names and the
 * result URL of each (as `LanguageIndex.write` gives them, bundle after bundle); `t2s` the
 * index's reduced Traditional → Simplified dictionary (`t2sSubset`), whose changed characters
 * are listed; `bundles` the folder and Pagefind language of the index's other bundles
 * (bundles.ts), listed only when there are any. Filter values are listed by RECORD_TYPES for
 * `type`, by UTF-16 code units for the other keys. Throws if a fragment's URL is not a record's.
 */
export function facetsFile(
  lang: Lang,
  records: ReadonlyMap<string, { r: FacetRecord; order: number }>,
  fragments: { names: string[]; urls: string[] },
  t2s: string,
  bundles: IndexBundle[] = [],
): Facets {
  // Sets and index maps: with thousands of districts and sources, array lookups per record grew quadratically.
  const seen = Object.fromEntries(FILTER_KEYS.map((k) => [k, new Set<string>()])) as Record<FilterKey, Set<string>>;
  for (const { r } of records.values()) {
    if (r.lang !== lang) continue;
    for (const k of FILTER_KEYS) for (const v of r.filters[k as keyof RecordFilters]) seen[k].add(v);
  }
  const values = Object.fromEntries(FILTER_KEYS.map((k) => [k, [...seen[k]]])) as Facets['values'];
  for (const k of FILTER_KEYS)
    values[k].sort((a, b) =>
      k === 'type' ? RECORD_TYPES.indexOf(a as never) - RECORD_TYPES.indexOf(b as never) : a < b ? -1 : a > b ? 1 : 0,
    );
  const position = Object.fromEntries(FILTER_KEYS.map((k) => [k, new Map(values[k].map((v, i) => [v, i]))])) as Record<
    FilterKey,
    Map<string, number>
  >;
  const pages: Facets['pages'] = {};
  const { names, urls } = fragments;
  for (const [i, name] of names.entries()) {
    const url = urls[i]!;
    const hit = records.get(url);
    if (!hit) throw new Error(`pagefind: fragment ${name} has unknown url ${url}`);
    if (Object.hasOwn(pages, name.replace(/\.pf_fragment$/, '')))
      throw new Error(`pagefind: two bundles have fragment ${name}`);
    pages[name.replace(/\.pf_fragment$/, '')] = [
      hit.order,
      ...FILTER_KEYS.map((k) => hit.r.filters[k as keyof RecordFilters].map((v) => position[k].get(v)!)),
    ];
  }
  return { values, pages, traditional: traditionalIn(t2s), ...(bundles.length ? { bundles } : {}) };
}

/**
 * The characters of a t2s dictionary's Traditional side that conversion changes (as the full
 * TSCharacters dictionary lists them: `TRADITIONAL_GAPS`), gap-encoded: only a query with one of
 * them can convert to something the index holds, so only then does the page load the converter.
 */
export function traditionalIn(t2s: string): string {
  let cp = 0;
  const changed = new Set<number>();
  for (const g of TRADITIONAL_GAPS.split(',')) {
    cp += parseInt(g, 36);
    changed.add(cp);
  }
  const mine = new Set<number>();
  for (const entry of t2s.split('|'))
    for (const ch of entry.split(' ')[0] ?? '') if (changed.has(ch.codePointAt(0)!)) mine.add(ch.codePointAt(0)!);
  return encodeGaps(mine);
}
