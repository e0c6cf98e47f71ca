/**
 * How the search index is split into bundles by district, so that no Pagefind service holds more
 * than a bounded share of the site: bundle 0 is the index at `pagefind/` (the search page loads
 * it first), bundle k > 0 is at `pagefind/b<k>/`, which the search page adds with Pagefind's
 * `mergeIndex`. A bundle holds every language's index of its districts, as `pagefind/` does.
 */
import type { IndexedDataset } from '../dataset/dataset.ts';
import type { SearchRecord } from './searchRecords.ts';

/**
 * Districts per bundle (in districts.json's order). One Pagefind service writing one language's
 * index of 3,000 districts took 7–10 GB; a bundle of this many districts keeps it to about a
 * sixth of that. The site has far fewer districts, so its index is one bundle, `pagefind/`.
 */
export const BUNDLE_DISTRICTS = 500;

/** The folder of bundle `k` under the index folder: '' for the first, `b<k>/` for the others. */
export function bundleFolder(k: number): string {
  if (!Number.isInteger(k) || k < 0) throw new Error(`search index: no bundle ${k}`);
  return k === 0 ? '' : `b${k}/`;
}

/**
 * The bundle of each record, in `records`' order: a record about one district (a data point, a
 * case-study section, a source of one district) goes with that district's bundle, the
 * district's position in districts.json divided by `perBundle`; a record about none or several
 * (charts, glossary terms, sources of several districts) goes to bundle 0. Throws on a district
 * the dataset does not have.
 */
export function bundlesOf(records: readonly SearchRecord[], data: IndexedDataset, perBundle: number): number[] {
  if (!Number.isInteger(perBundle) || perBundle < 1)
    throw new Error(`search index: districts per bundle must be a whole number ≥ 1, not ${perBundle}`);
  const rank = new Map(data.districts.map((d, i) => [d.id, i] as const));
  return records.map((r) => {
    const ds = r.filters.district;
    if (ds.length !== 1) return 0;
    const at = rank.get(ds[0]!);
    if (at === undefined) throw new Error(`search index: ${r.url} names district ${ds[0]}, which districts.json lacks`);
    return Math.floor(at / perBundle);
  });
}

/** The number of bundles for `districts` districts, `perBundle` to a bundle (at least one). */
export function bundleCount(districts: number, perBundle: number): number {
  return Math.max(1, Math.ceil(districts / perBundle));
}
