/**
 * The search records of the whole site as the index builder gathers them: those made from the
 * dataset alone, each record paired with its counterpart in the other language, the converting editions' records made from them, in a stable order.
 */
import type { IndexedDataset } from '../dataset/dataset.ts';
import type { Observation } from '../dataset/schemas.ts';
import { toSimplified } from './convert.ts';
import { RECORD_TYPES, RecordBuilder, type SearchRecord } from './searchRecords.ts';
import { LANGS, writerOf, type Lang } from '../site/editions.ts';
import { localePath, splitLocalePath } from '../site/paths.ts';
import { converterOf, converts } from '../site/script.ts';

/** The editions whose records are made from their own text: those that convert none. */
export const WRITING_LANGS: Lang[] = LANGS.filter((l) => !converts(l));

/** Sorts `records` in place into their stable order, type (as RECORD_TYPES lists them) then URL, and returns them. */
export function byTypeAndUrl<R extends Pick<SearchRecord, 'url' | 'filters'>>(records: R[]): R[] {
  const typeRank = (r: R) => RECORD_TYPES.indexOf(r.filters.type[0]);
  return records.sort((a, b) => typeRank(a) - typeRank(b) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/**
 * Lets each record be found by its counterpart's title in the other language (a data point's
 * English label on the Chinese page and so on), by adding it to `extra`. Case-study sections
 * pair by position when both languages have the same number of sections.
 */
export function pairLanguages(records: SearchRecord[]): void {
  const key = (r: SearchRecord) => splitLocalePath(r.url).path;
  const page = (r: SearchRecord) => key(r).replace(/#.*$/, '');
  const [first, ...others] = WRITING_LANGS;
  const groups = new Map<string, Map<Lang, SearchRecord[]>>();
  for (const r of records) {
    const g = groups.get(page(r)) ?? new Map<Lang, SearchRecord[]>();
    g.set(r.lang, [...(g.get(r.lang) ?? []), r]);
    groups.set(page(r), g);
  }
  for (const g of groups.values()) {
    const a = g.get(first!) ?? [];
    for (const other of others) {
      const b = g.get(other) ?? [];
      if (a.length !== b.length) continue;
      const byKey = new Map(b.map((r) => [key(r), r]));
      a.forEach((x, i) => {
        const y = byKey.get(key(x)) ?? (x.filters.type[0] === 'case-study' ? b[i] : undefined);
        if (!y) return;
        x.extra = `${x.extra} · ${y.title}`;
        y.extra = `${y.extra} · ${x.title}`;
      });
    }
  }
}

/**
 * The records of every converting edition (the Traditional one), made from the records of the
 * edition whose text it converts: the same result at the edition's address, its shown text
 * converted but for `verbatim` (quoted locators, which keep their source's script), and as
 * index-only text the source record's whole text and the locators converted, so that a query in either script finds what
 * it finds in the Simplified edition (the search page converts a Traditional query to Simplified).
 */
export function convertedRecords(
  records: SearchRecord[],
  verbatim: (r: SearchRecord) => string[] = () => [],
): SearchRecord[] {
  const out: SearchRecord[] = [];
  for (const lang of LANGS) {
    if (!converts(lang)) continue;
    const convert = converterOf(lang);
    const from = writerOf(lang);
    for (const r of records) {
      if (r.lang !== from) continue;
      const keep = verbatim(r).filter((v) => v !== '');
      const text = (s: string) => convertExcept(s, keep, convert);
      // A case-study section's fragment is its heading, which the edition's page prints converted.
      const url = (u: string) => {
        const [path, fragment] = u.split('#') as [string, string | undefined];
        const at = localePath(lang, splitLocalePath(path).path);
        return fragment === undefined ? at : `${at}#${encodeURIComponent(convert(decodeURIComponent(fragment)))}`;
      };
      out.push({
        url: url(r.url),
        lang,
        title: text(r.title),
        content: text(r.content),
        // Index-only: the source record's text, and its quoted locators converted too, so that
        // either spelling of a query finds a locator (shown as the source prints it).
        extra: `${text(r.extra)} · ${r.content} · ${r.title}${keep.length ? ` · ${keep.map(convert).join(' · ')}` : ''}`,
        filters: r.filters,
        meta: Object.fromEntries(Object.entries(r.meta).map(([k, v]) => [k, k === 'url' ? url(v) : text(v)])),
      });
    }
  }
  return out;
}

/** `s` converted by `convert`, but for every occurrence of the strings `keep`, which stay as written. */
export function convertExcept(s: string, keep: string[], convert: (s: string) => string): string {
  if (keep.length === 0) return convert(s);
  const re = new RegExp(keep.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  let out = '';
  let at = 0;
  for (const m of s.matchAll(re)) {
    out += convert(s.slice(at, m.index)) + m[0];
    at = m.index + m[0].length;
  }
  return out + convert(s.slice(at));
}

/**
 * The data point, source and glossary term records of every edition, made from the dataset
 * `data` alone (no built page needed, so they can be indexed while Astro still builds), paired
 * (`pairLanguages`), in their stable order (`byTypeAndUrl`). Only the records of `observations`
 * (default: all), and the source and glossary records only when `withShared` (default: true):
 * an index in bundles (bundles.ts) makes each bundle's records in turn.
 */
export function dataRecords(
  data: IndexedDataset,
  observations: readonly Observation[] = data.observations,
  withShared = true,
): SearchRecord[] {
  const builder = new RecordBuilder(data, toSimplified);
  const records = [
    ...observations.flatMap((o) => WRITING_LANGS.map((l) => builder.observation(l, o.id))),
    ...(withShared ? data.sources : []).flatMap((s) => WRITING_LANGS.map((l) => builder.source(l, s.id))),
    ...(withShared ? data.glossary : []).flatMap((g) => WRITING_LANGS.map((l) => builder.glossaryTerm(l, g.id))),
  ];
  pairLanguages(records);
  return byTypeAndUrl([...records, ...convertedRecords(records, (r) => locatorsOf(data, r))]);
}

/** The quoted locators a record shows: a data point's, which keep their source's script in every edition. */
export function locatorsOf(data: IndexedDataset, r: SearchRecord): string[] {
  const m = /\/data\/([a-z0-9-]+)\/$/.exec(r.url);
  const o = m ? data.observation.get(m[1]!) : undefined;
  return o ? [o.locator] : [];
}
