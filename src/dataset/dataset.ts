/**
 * The dataset as the site reads it: loaded and checked once per process, sorted in a stable
 * order (collections do not keep file order), with lookups by id.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatProblem, loadDataset } from './loadDataset.ts';
import {
  districtSchema,
  type Dataset,
  type District,
  type GlossaryTerm,
  type Indicator,
  type Observation,
  type Source,
} from './schemas.ts';

/**
 * Where editors keep case studies, pages, data and geometry, relative to the project root
 * (`CONTENT_DIR` overrides it: the scale benchmark builds generated content this way).
 */
export const CONTENT_DIR = process.env.CONTENT_DIR ?? 'content';

/** Where editors keep the data (`DATA_DIR` overrides it, for tests; else `<CONTENT_DIR>/data`). */
export const DATA_DIR = process.env.DATA_DIR ?? `${CONTENT_DIR}/data`;

/** The dataset with lookup maps by id. */
export interface IndexedDataset extends Dataset {
  source: Map<string, Source>;
  district: Map<string, District>;
  indicator: Map<string, Indicator>;
  observation: Map<string, Observation>;
  term: Map<string, GlossaryTerm>;
}

/**
 * Sorts records by district, in `order` (district id → rank; the site order is districts.json's
 * file order), then by id: the order every list on the site uses.
 */
export function byDistrictThenId(order: Map<string, number>) {
  // A rank map, not indexOf: sorting 100,000 observations over 3,000 districts must stay n log n.
  const rank = (d: string | undefined) => order.get(d ?? '') ?? -1;
  return <T extends { id: string; district?: string }>(a: T, b: T): number =>
    rank(a.district) - rank(b.district) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** How many districts the comparison page and charts that compare districts side by side show. */
export const FEATURED_MAX = 3;

/**
 * The districts compared side by side (comparison page, timeline, map colours): the first
 * `FEATURED_MAX` in site order. Every district still has its case study and data pages.
 */
export function featuredDistricts(data: Pick<Dataset, 'districts'>): District[] {
  return data.districts.slice(0, FEATURED_MAX);
}

/** The district `id`'s names; throws on an unknown id. */
/** The districts that have at least one observation, in dataset order. */
export function districtsWithData(data: Pick<Dataset, 'districts' | 'observations'>): District[] {
  // A set, not a search per district: thousands of districts × their observations added up.
  const reported = new Set(data.observations.map((o) => o.district));
  return data.districts.filter((d) => reported.has(d.id));
}

export function districtNames(data: Pick<IndexedDataset, 'district'>, id: string): { zh: string; en: string } {
  const d = data.district.get(id);
  if (!d) throw new Error(`unknown district "${id}"`);
  return { zh: d.name.zhHans, en: d.name.en };
}

/** Adds id lookups and the stable order to a checked dataset. */
export function indexDataset(d: Dataset): IndexedDataset {
  const order = new Map(d.districts.map((x, i) => [x.id, i] as const));
  const byDistrict = byDistrictThenId(order);
  const sorted: Dataset = {
    sources: [...d.sources].sort(byDistrict),
    districts: [...d.districts],
    indicators: [...d.indicators].sort(byDistrict),
    observations: [...d.observations].sort(byDistrict),
    glossary: [...d.glossary].sort((a, b) => a.pinyin.localeCompare(b.pinyin, 'en')),
    frames: [...d.frames].sort(byDistrict),
  };
  const map = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
  return {
    ...sorted,
    source: map(sorted.sources),
    district: map(sorted.districts),
    indicator: map(sorted.indicators),
    observation: map(sorted.observations),
    term: map(sorted.glossary),
  };
}

const named = new WeakMap<IndexedDataset, Map<string | undefined, Observation[]>>();

/**
 * The observations of `data` that name observation `id` as the same figure from another source
 * (`sameAs`), in the dataset's order: indexed once per dataset, as every data point page asks
 * (a scan per page made the build quadratic in the number of data points).
 */
export function namingAsSame(data: IndexedDataset, id: string): Observation[] {
  let index = named.get(data);
  if (!index) {
    index = Map.groupBy(
      data.observations.filter((o) => o.sameAs !== undefined),
      (o) => o.sameAs,
    );
    named.set(data, index);
  }
  return index.get(id) ?? [];
}

const ofDistrict = new WeakMap<IndexedDataset, Map<string, Observation[]>>();

/** The observations of district `id` in `data`, in the dataset's order: grouped once per dataset, as a page per district asks. */
export function observationsOf(data: IndexedDataset, id: string): Observation[] {
  let index = ofDistrict.get(data);
  if (!index) {
    index = Map.groupBy(data.observations, (o) => o.district);
    ofDistrict.set(data, index);
  }
  return index.get(id) ?? [];
}

/**
 * The district ids of `districts.json` in `dir`, read and checked alone: what the content config
 * checks a case study's `district` against. Astro syncs content in a module context of its own,
 * where `getDataset()` would load and keep a second copy of every observation (at 3,000
 * districts, seconds and hundreds of MB); the whole dataset is checked by check:data.
 */
export function districtIds(dir: string = resolve(DATA_DIR)): Set<string> {
  const file = join(dir, 'districts.json');
  const parsed = districtSchema.array().safeParse(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  if (!parsed.success) throw new Error(`${file}: not a list of districts (check:data says where)`);
  return new Set(parsed.data.map((d) => d.id));
}

let cached: IndexedDataset | undefined;

/** Loads `content/data/` once; throws with every problem listed when the data is invalid. */
export function getDataset(dir: string = resolve(DATA_DIR)): IndexedDataset {
  if (cached) return cached;
  const result = loadDataset(dir);
  if (!result.ok) throw new Error(`Invalid data in ${dir}:\n${result.problems.map(formatProblem).join('\n')}`);
  cached = indexDataset(result.dataset);
  return cached;
}
