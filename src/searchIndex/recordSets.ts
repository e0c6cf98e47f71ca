/**
 * The search records of the whole site as the index builder gathers them: those made from the
 * dataset alone, each record paired with its counterpart in the other language, in a stable order.
 */
import type { IndexedDataset } from '../dataset/dataset.ts';
import { toSimplified } from './convert.ts';
import { RECORD_TYPES, RecordBuilder, type SearchRecord } from './searchRecords.ts';

/** Sorts `records` in place into their stable order, type (as RECORD_TYPES lists them) then URL, and returns them. */
export function byTypeAndUrl(records: SearchRecord[]): SearchRecord[] {
  const typeRank = (r: SearchRecord) => RECORD_TYPES.indexOf(r.filters.type[0]);
  return records.sort((a, b) => typeRank(a) - typeRank(b) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/**
 * Lets each record be found by its counterpart's title in the other language (a data point's
 * English label on the Chinese page and so on), by adding it to `extra`. Case-study sections
 * pair by position when both languages have the same number of sections.
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

/**
 * The data point, source and glossary term records of both languages, made from the dataset
 * `data` alone (no built page needed, so they can be indexed while Astro still builds), paired
 * (`pairLanguages`), in their stable order (`byTypeAndUrl`).
 */
export function dataRecords(data: IndexedDataset): SearchRecord[] {
  const builder = new RecordBuilder(data, toSimplified);
  const records = [
    ...data.observations.flatMap((o) => [builder.observation('zh', o.id), builder.observation('en', o.id)]),
    ...data.sources.flatMap((s) => [builder.source('zh', s.id), builder.source('en', s.id)]),
    ...data.glossary.flatMap((g) => [builder.glossaryTerm('zh', g.id), builder.glossaryTerm('en', g.id)]),
  ];
  pairLanguages(records);
  return byTypeAndUrl(records);
}
