/**
 * How the search index is split into bundles by district, so that no Pagefind service holds more
 * than a bounded share of the site: bundle 0 is the index at `pagefind/` (the search page loads
 * it first), bundle k > 0 is at `pagefind/b<k>/`, which the search page adds with Pagefind's
 * `mergeIndex`. A bundle holds every language's index of its districts, as `pagefind/` does.
 */
import { observationsOf, type IndexedDataset } from '../dataset/dataset.ts';
import type { Observation } from '../dataset/schemas.ts';
import { splitLocalePath } from '../site/paths.ts';
import type { SearchRecord } from './searchRecords.ts';

/**
 * Districts per bundle (in districts.json's order). One Pagefind service writing one language's
 * index of 3,000 districts took 7–10 GB; with 500 districts to a bundle it took 1.85 GB, beside
 * Astro's 4.9 GB, so a bundle holds fewer. Each bundle costs a search its own entry and metadata
 * requests (not their bytes, which split with the pages). The site has far fewer districts, so
 * its index is one bundle, `pagefind/`.
 */
export const BUNDLE_DISTRICTS = 300;

/** The folder of bundle `k` under the index folder: '' for the first, `b<k>/` for the others. */
export function bundleFolder(k: number): string {
  if (!Number.isInteger(k) || k < 0) throw new Error(`search index: no bundle ${k}`);
  return k === 0 ? '' : `b${k}/`;
}

/**
 * The language a bundle's index is filed under in Pagefind: the edition's Pagefind language
 * `pagefind` for the first bundle, `<pagefind>-x-b<k>` (a private-use subtag) for bundle k > 0.
 * Pagefind names every fragment `<language>_<hash>` with the hash cut to 7 digits unless that
 * clashes within its index; bundles are indexed apart, so without the suffix two bundles' pages
 * could share a name (one pair did at 3,000 districts), and the search page tells results apart
 * by name. Pagefind segments and stems by the first subtag, so the index is the same language.
 */
export function bundleLanguage(pagefind: string, k: number): string {
  return k === 0 ? pagefind : `${pagefind}-x-b${k}`;
}

/**
 * The bundle of each record, in `records`' order: a data point or a case-study section goes with
 * its district's bundle, the district's position in districts.json divided by `perBundle`; every
 * other record (charts, sources, glossary terms: a few per district, often about several) goes to
 * bundle 0. Throws on a district or data point the dataset does not have.
 */
export function bundlesOf(
  records: readonly Pick<SearchRecord, 'url'>[],
  data: IndexedDataset,
  perBundle: number,
): number[] {
  if (!Number.isInteger(perBundle) || perBundle < 1)
    throw new Error(`search index: districts per bundle must be a whole number ≥ 1, not ${perBundle}`);
  const rank = new Map(data.districts.map((d, i) => [d.id, i] as const));
  return records.map(({ url }) => {
    const district = districtOf(url, data);
    if (district === undefined) return 0;
    const at = rank.get(district);
    if (at === undefined)
      throw new Error(`search index: ${url} is about district ${district}, which districts.json lacks`);
    return Math.floor(at / perBundle);
  });
}

/** The district a record's URL is about, for a data point or a case-study section; otherwise undefined. */
function districtOf(url: string, data: IndexedDataset): string | undefined {
  const { path } = splitLocalePath(url.replace(/#.*$/, ''));
  const point = /^\/data\/([^/]+)\/$/.exec(path);
  if (point) {
    const o = data.observation.get(point[1]!);
    if (!o) throw new Error(`search index: ${url} is not a data point of the dataset`);
    return o.district;
  }
  return /^\/case-studies\/([^/]+)\/$/.exec(path)?.[1];
}

/** The data points of bundle `k`: those of its districts, `perBundle` to a bundle in districts.json's order. */
export function bundleObservations(data: IndexedDataset, k: number, perBundle: number): Observation[] {
  return data.districts.slice(k * perBundle, (k + 1) * perBundle).flatMap((d) => observationsOf(data, d.id));
}

/** The number of bundles for `districts` districts, `perBundle` to a bundle (at least one). */
export function bundleCount(districts: number, perBundle: number): number {
  return Math.max(1, Math.ceil(districts / perBundle));
}
