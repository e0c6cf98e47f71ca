/**
 * Reads and checks the dataset in `content/data/`: JSON syntax, each record against its zod
 * schema, then references between files. Every problem is collected, not just the first, each
 * naming file, record id, field and what was expected.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { handTypedFigures } from './figure.ts';
import { datasetFiles, type Bilingual, type Dataset, type DatasetName } from './schemas.ts';

/** One thing wrong with the data, in the words `check:data` prints. */
export interface DataProblem {
  /** File name relative to the data folder, e.g. `observations.json`. */
  file: string;
  /** Record id, or `#<index>` when the record has no usable id, or `-` for the whole file. */
  record: string;
  /** Dotted field path, or `-`. */
  field: string;
  /** What was expected. */
  expected: string;
}

/** Formats a problem as one line: `observations.json: zhangqiu-x: value: expected …`. */
export function formatProblem(p: DataProblem): string {
  return `${p.file}: ${p.record}: ${p.field}: expected ${p.expected}`;
}

/** The dataset, or the problems that keep it from loading. */
export type LoadResult = { ok: true; dataset: Dataset } | { ok: false; problems: DataProblem[] };

/** The count units that may stand for one another between an indicator and its observations. */
const COUNT_FAMILY = new Set(['count', 'case', 'occurrence']);

/** Reads `<dir>/<name>.json` for every dataset file and checks everything. */
export function loadDataset(dir: string): LoadResult {
  const raw: Partial<Record<DatasetName, unknown>> = {};
  const problems: DataProblem[] = [];
  for (const name of Object.keys(datasetFiles) as DatasetName[]) {
    const file = `${name}.json`;
    let text: string;
    try {
      text = readFileSync(join(dir, file), 'utf8');
    } catch {
      problems.push({ file, record: '-', field: '-', expected: 'the file to exist and be readable' });
      continue;
    }
    try {
      raw[name] = JSON.parse(text) as unknown;
    } catch (e) {
      problems.push({ file, record: '-', field: '-', expected: `valid JSON (${(e as Error).message})` });
    }
  }
  return checkDataset(raw, problems);
}

/** Checks already-parsed JSON values (`unknown`) against the schemas and against each other. */
export function checkDataset(raw: Partial<Record<DatasetName, unknown>>, problems: DataProblem[] = []): LoadResult {
  const parsed: Partial<Record<DatasetName, { id: string }[]>> = {};

  for (const name of Object.keys(datasetFiles) as DatasetName[]) {
    const file = `${name}.json`;
    const value = raw[name];
    if (value === undefined) continue;
    if (!Array.isArray(value)) {
      problems.push({ file, record: '-', field: '-', expected: 'a JSON array of records' });
      continue;
    }
    const schema = datasetFiles[name];
    const good: { id: string }[] = [];
    const seen = new Set<string>();
    value.forEach((item: unknown, i) => {
      const id =
        item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string'
          ? (item as { id: string }).id
          : `#${i}`;
      const result = schema.safeParse(item);
      if (!result.success) {
        for (const issue of result.error.issues)
          problems.push({ file, record: id, field: issue.path.join('.') || '-', expected: describeIssue(issue) });
        return;
      }
      if (seen.has(id)) {
        problems.push({ file, record: id, field: 'id', expected: 'an id used by no other record in the file' });
        return;
      }
      seen.add(id);
      good.push(result.data as { id: string });
    });
    parsed[name] = good;
  }

  const ids = (name: DatasetName) => new Set((parsed[name] ?? []).map((r) => r.id));
  const districts = ids('districts');
  const sources = ids('sources');
  const indicatorUnits = new Map(
    ((parsed.indicators ?? []) as Dataset['indicators']).map((ind) => [ind.id, ind.unit] as const),
  );
  const ref = (file: string, record: string, field: string, set: Set<string>, value: string, what: string) => {
    if (!set.has(value)) problems.push({ file, record, field, expected: `a known ${what} id (got "${value}")` });
  };

  const terms = ids('glossary');
  for (const s of (parsed.sources ?? []) as Dataset['sources']) {
    ref('sources.json', s.id, 'district', districts, s.district, 'district');
    if (s.programme) ref('sources.json', s.id, 'programme', terms, s.programme, 'glossary term');
    const expectedFile = `${s.id}.zh-${s.script}.txt`;
    if (s.file !== expectedFile)
      problems.push({ file: 'sources.json', record: s.id, field: 'file', expected: `"${expectedFile}" (id + script)` });
  }
  const observationIds = ids('observations');
  for (const d of (parsed.districts ?? []) as Dataset['districts']) {
    if (d.model.startObservation)
      ref('districts.json', d.id, 'model.startObservation', observationIds, d.model.startObservation, 'observation');
    if (d.model.startSource) ref('districts.json', d.id, 'model.startSource', sources, d.model.startSource, 'source');
  }
  for (const g of (parsed.glossary ?? []) as Dataset['glossary'])
    for (const [i, d] of g.districts.entries()) ref('glossary.json', g.id, `districts.${i}`, districts, d, 'district');
  const obsById = new Map(((parsed.observations ?? []) as Dataset['observations']).map((o) => [o.id, o] as const));
  for (const f of (parsed.frames ?? []) as Dataset['frames']) {
    ref('frames.json', f.id, 'district', districts, f.district, 'district');
    f.observations.forEach((id, i) => {
      const o = obsById.get(id);
      if (!o) ref('frames.json', f.id, `observations.${i}`, new Set(), id, 'observation');
      else if (o.district !== f.district)
        problems.push({
          file: 'frames.json',
          record: f.id,
          field: `observations.${i}`,
          expected: `an observation of ${f.district} (got ${id})`,
        });
    });
  }
  for (const o of (parsed.observations ?? []) as Dataset['observations']) {
    const file = 'observations.json';
    ref(file, o.id, 'district', districts, o.district, 'district');
    ref(file, o.id, 'source', sources, o.source, 'source');
    const unitOfIndicator = indicatorUnits.get(o.indicator);
    if (unitOfIndicator === undefined) ref(file, o.id, 'indicator', new Set(), o.indicator, 'indicator');
    else if (unitOfIndicator !== o.unit && !(COUNT_FAMILY.has(unitOfIndicator) && COUNT_FAMILY.has(o.unit)))
      problems.push({
        file,
        record: o.id,
        field: 'unit',
        expected: `the unit of indicator ${o.indicator}, "${unitOfIndicator}" (got "${o.unit}")`,
      });
    if (!o.id.startsWith(`${o.district}-`))
      problems.push({
        file,
        record: o.id,
        field: 'id',
        expected: `an id starting with the district, "${o.district}-"`,
      });
  }

  // Figures live in observations only: free text elsewhere may hold years, dates and quoted names.
  const noFigures = (file: string, record: string, field: string, text: Bilingual | undefined) => {
    for (const lang of ['zh', 'en'] as const) {
      const runs = text ? handTypedFigures(text[lang]) : [];
      if (runs.length)
        problems.push({
          file,
          record,
          field: `${field}.${lang}`,
          expected: `no hand-typed figure (found ${runs.join(', ')}); cite an observation instead`,
        });
    }
  };
  for (const d of (parsed.districts ?? []) as Dataset['districts']) {
    noFigures('districts.json', d.id, 'setting', d.setting);
    noFigures('districts.json', d.id, 'model.unit', d.model.unit);
  }
  for (const s of (parsed.sources ?? []) as Dataset['sources']) {
    noFigures('sources.json', s.id, 'summary', s.summary);
    noFigures('sources.json', s.id, 'reliability', s.reliability);
  }
  for (const g of (parsed.glossary ?? []) as Dataset['glossary']) {
    noFigures('glossary.json', g.id, 'definition', g.definition);
    if (g.short) noFigures('glossary.json', g.id, 'short', g.short);
  }
  for (const f of (parsed.frames ?? []) as Dataset['frames']) {
    noFigures('frames.json', f.id, 'summary', f.summary);
    noFigures('frames.json', f.id, 'headline', f.headline);
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, dataset: parsed as unknown as Dataset };
}

function describeIssue(issue: { code: string; message: string; path: PropertyKey[] }): string {
  const m = issue.message;
  // zod's own wording for a missing field is "Invalid input: expected string, received undefined".
  const missing = /expected (\w+), received undefined/.exec(m);
  if (missing) return `a ${missing[1]} (missing)`;
  return m.replace(/^Invalid input: expected /, '').replace(/^Invalid option: expected one of /, 'one of ');
}
