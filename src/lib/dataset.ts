/**
 * The dataset as the site reads it: loaded and checked once per process, sorted in a stable
 * order (collections do not keep file order), with lookups by id.
 */
import { join } from 'node:path';
import { formatProblem, loadDataset } from './loadDataset.ts';
import type { Dataset, District, GlossaryTerm, Indicator, Observation, Source } from './schemas.ts';

/** Where editors keep the data, relative to the project root (`DATA_DIR` overrides it, for tests). */
export const DATA_DIR = process.env.DATA_DIR ?? 'content/data';

/** The dataset with lookup maps by id. */
export interface IndexedDataset extends Dataset {
  source: Map<string, Source>;
  district: Map<string, District>;
  indicator: Map<string, Indicator>;
  observation: Map<string, Observation>;
  term: Map<string, GlossaryTerm>;
}

const DISTRICT_ORDER = ['zhangqiu', 'shizhong', 'fushan'];

/** Sorts records by district (site order), then by id: the order every list on the site uses. */
export function byDistrictThenId<T extends { id: string; district?: string }>(a: T, b: T): number {
  const da = DISTRICT_ORDER.indexOf(a.district ?? ''), db = DISTRICT_ORDER.indexOf(b.district ?? '');
  return da - db || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Adds id lookups and the stable order to a checked dataset. */
export function indexDataset(d: Dataset): IndexedDataset {
  const sorted: Dataset = {
    sources: [...d.sources].sort(byDistrictThenId),
    districts: [...d.districts].sort((a, b) => DISTRICT_ORDER.indexOf(a.id) - DISTRICT_ORDER.indexOf(b.id)),
    indicators: [...d.indicators].sort(byDistrictThenId),
    observations: [...d.observations].sort(byDistrictThenId),
    glossary: [...d.glossary].sort((a, b) => a.pinyin.localeCompare(b.pinyin, 'en')),
    frames: [...d.frames].sort(byDistrictThenId),
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

let cached: IndexedDataset | undefined;

/** Loads `content/data/` once; throws with every problem listed when the data is invalid. */
export function getDataset(dir: string = join(process.cwd(), DATA_DIR)): IndexedDataset {
  if (cached) return cached;
  const result = loadDataset(dir);
  if (!result.ok) throw new Error(`Invalid data in ${dir}:\n` + result.problems.map(formatProblem).join('\n'));
  cached = indexDataset(result.dataset);
  return cached;
}
