/**
 * The dataset's tables as open data: one column list per file drives both the CSV download and
 * its Frictionless Table Schema, so the two cannot drift apart. Bilingual fields become `_zh` /
 * `_en` column pairs; lists become `;`-joined text.
 */
import type { Cell } from './csv.ts';
import { districtsWithData, type IndexedDataset } from '../dataset/dataset.ts';
import type { z } from 'astro/zod';
import {
  districtSchema,
  glossarySchema,
  indicatorSchema,
  observationSchema,
  sourceSchema,
  type Bilingual,
  type District,
  type GlossaryTerm,
  type Indicator,
  type Observation,
  type Source,
} from '../dataset/schemas.ts';
import { currentRelease, type Release } from '../dataset/releases.ts';

/** The downloadable tables, in the order the data page lists them. */
export const TABLE_NAMES = ['observations', 'districts', 'indicators', 'sources', 'glossary'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** A Table Schema field type this project uses. */
type FieldType = 'string' | 'number' | 'integer' | 'boolean';

/** One column: the zod field it comes from (its description and constraints), its type and how to read it off a record. */
interface Column<T> {
  name: string;
  type: FieldType;
  description: string;
  required: boolean;
  enum?: readonly string[] | undefined;
  pattern?: string;
  get(r: T): Cell;
}

const DATE_PATTERN = '\\d{4}(-\\d{2}(-\\d{2})?)?';

/** A zod field and what it wraps (optional, nullable), outermost first. */
function layers(field: z.ZodType): z.ZodType[] {
  const out = [field];
  for (let s = field; 'unwrap' in s && typeof s.unwrap === 'function'; out.push(s)) s = s.unwrap() as z.ZodType;
  return out;
}

/** The description a field carries on itself or on what it wraps. */
const describedAs = (field: z.ZodType) => layers(field).find((s) => s.description)?.description;

/**
 * A column described by its zod field: the field's description (written once, in schemas.ts;
 * a field without one fails the build), required unless the field admits absence, and the enum
 * of an enum field. `required` overrides, for lists that may be empty.
 */
function col<T>(
  name: string,
  type: FieldType,
  field: z.ZodType,
  get: (r: T) => Cell,
  extra: { pattern?: string; required?: boolean } = {},
): Column<T> {
  const description = describedAs(field);
  if (!description)
    throw new Error(`datapackage: column ${name} has a field without a description in src/dataset/schemas.ts`);
  const inner = layers(field).at(-1)!;
  const options = 'options' in inner && Array.isArray(inner.options) ? (inner.options as string[]) : undefined;
  const admitsAbsence = field.safeParse(undefined).success || field.safeParse(null).success;
  return {
    name,
    type,
    description,
    required: extra.required ?? !admitsAbsence,
    enum: options,
    ...(extra.pattern ? { pattern: extra.pattern } : {}),
    get,
  };
}

/** The `_zh` and `_en` columns of a bilingual field. */
const bi = <T>(name: string, field: z.ZodType, get: (r: T) => Bilingual | undefined | null): Column<T>[] => [
  {
    ...col<T>(`${name}_zh`, 'string', field, (r) => get(r)?.zh),
    description: `${describedAs(field)}, Simplified Chinese`,
  },
  { ...col<T>(`${name}_en`, 'string', field, (r) => get(r)?.en), description: `${describedAs(field)}, English` },
];

const O = observationSchema.shape,
  D = districtSchema.shape,
  I = indicatorSchema.shape,
  S = sourceSchema.shape,
  G = glossarySchema.shape;

const observations: Column<Observation>[] = [
  col('id', 'string', O.id, (o) => o.id),
  col('district', 'string', O.district, (o) => o.district),
  col('indicator', 'string', O.indicator, (o) => o.indicator),
  col('value', 'number', O.value, (o) => o.value),
  col('high', 'number', O.high, (o) => o.high),
  col('unit', 'string', O.unit, (o) => o.unit),
  col('qualifier', 'string', O.qualifier, (o) => o.qualifier),
  col('kind', 'string', O.kind, (o) => o.kind),
  col('per', 'string', O.per, (o) => o.per),
  col('period_start', 'string', O.periodStart, (o) => o.periodStart, { pattern: DATE_PATTERN }),
  col('as_of', 'string', O.asOf, (o) => o.asOf, { pattern: DATE_PATTERN }),
  col('as_of_precision', 'string', O.asOfPrecision, (o) => o.asOfPrecision),
  col('target_date', 'string', O.targetDate, (o) => o.targetDate, { pattern: DATE_PATTERN }),
  col('date_basis', 'string', O.dateBasis, (o) => o.dateBasis),
  ...bi<Observation>('date_note', O.dateNote, (o) => o.dateNote),
  col('scope_level', 'string', O.scope.shape.level, (o) => o.scope.level),
  ...bi<Observation>('scope_name', O.scope.shape.name, (o) => o.scope.name),
  col('source', 'string', O.source, (o) => o.source),
  col('locator', 'string', O.locator, (o) => o.locator),
  col('figure', 'string', O.figure, (o) => o.figure),
  col('inverted', 'boolean', O.inverted, (o) => o.inverted),
  col('same_as', 'string', O.sameAs, (o) => o.sameAs),
  ...bi<Observation>('label', O.label, (o) => o.label),
  ...bi<Observation>('note', O.note, (o) => o.note),
];

const districts: Column<District>[] = [
  col('id', 'string', D.id, (d) => d.id),
  col('code', 'string', D.code, (d) => d.code, { pattern: '\\d{6}' }),
  col('name_zh_hans', 'string', D.name.shape.zhHans, (d) => d.name.zhHans),
  col('name_zh_hant', 'string', D.name.shape.zhHant, (d) => d.name.zhHant),
  col('name_pinyin', 'string', D.name.shape.pinyin, (d) => d.name.pinyin),
  col('name_en', 'string', D.name.shape.en, (d) => d.name.en),
  ...bi<District>('prefecture', D.prefecture, (d) => d.prefecture),
  ...bi<District>('province', D.province, (d) => d.province),
  ...bi<District>('setting', D.setting, (d) => d.setting),
  ...bi<District>('model_name', D.model.shape.name, (d) => d.model.name),
  col('model_start_year', 'integer', D.model.shape.startYear, (d) => d.model.startYear),
  col('model_start_year_estimated', 'boolean', D.model.shape.startYearEstimated, (d) => d.model.startYearEstimated),
  col('model_start_observation', 'string', D.model.shape.startObservation, (d) => d.model.startObservation),
  ...bi<District>('model_unit', D.model.shape.unit, (d) => d.model.unit),
];

const indicators: Column<Indicator>[] = [
  col('id', 'string', I.id, (i) => i.id),
  ...bi<Indicator>('name', I.name, (i) => i.name),
  ...bi<Indicator>('definition', I.definition, (i) => i.definition),
  ...bi<Indicator>('comparison_note', I.comparisonNote, (i) => i.comparisonNote),
  col('unit', 'string', I.unit, (i) => i.unit),
  col('dimension', 'string', I.dimension, (i) => i.dimension),
];

const sources: Column<Source>[] = [
  col('id', 'string', S.id, (s) => s.id),
  col('file', 'string', S.file, (s) => s.file),
  col('district', 'string', S.district, (s) => s.district),
  col('title', 'string', S.title, (s) => s.title),
  col('title_en', 'string', S.titleEn, (s) => s.titleEn),
  ...bi<Source>('outlet', S.outlet, (s) => s.outlet),
  col('byline', 'string', S.byline, (s) => s.byline),
  col('date', 'string', S.date, (s) => s.date, { pattern: DATE_PATTERN }),
  col('date_end', 'string', S.dateEnd, (s) => s.dateEnd, { pattern: DATE_PATTERN }),
  col('date_precision', 'string', S.datePrecision, (s) => s.datePrecision),
  col('date_inferred', 'boolean', S.dateInferred, (s) => s.dateInferred),
  col('script', 'string', S.script, (s) => s.script),
  col('kind', 'string', S.kind, (s) => s.kind),
  ...bi<Source>('reliability', S.reliability, (s) => s.reliability),
  ...bi<Source>('summary', S.summary, (s) => s.summary),
];

const glossary: Column<GlossaryTerm>[] = [
  col('id', 'string', G.id, (g) => g.id),
  col('zh_hans', 'string', G.zhHans, (g) => g.zhHans),
  col('zh_hant', 'string', G.zhHant, (g) => g.zhHant),
  col('pinyin', 'string', G.pinyin, (g) => g.pinyin),
  col('en', 'string', G.en, (g) => g.en),
  ...bi<GlossaryTerm>('definition', G.definition, (g) => g.definition),
  col('dimension', 'string', G.dimension, (g) => g.dimension),
  // A term no source district uses joins to an empty cell, which the package reads as missing.
  {
    ...col<GlossaryTerm>('districts', 'string', G.districts, (g) => g.districts.join(';'), { required: false }),
    description: `${G.districts.description}, joined by ";"`,
  },
];

interface TableDef<T> {
  columns: Column<T>[];
  records(d: IndexedDataset): T[];
  title: string;
  description: string;
  foreignKeys?: { fields: string; reference: { resource: TableName; fields: string } }[];
}

const fk = (fields: string, resource: TableName) => ({ fields, reference: { resource, fields: 'id' } });

// Each table is typed against its own record; the map of all five forgets the record type.
const table = <T>(def: TableDef<T>) => def as unknown as TableDef<unknown>;

/** Every table: columns, records, and the keys that tie the tables together. */
export const TABLES: Record<TableName, TableDef<unknown>> = {
  observations: table<Observation>({
    columns: observations,
    records: (d) => d.observations,
    title: 'Observations',
    description: observationSchema.description!,
    foreignKeys: [fk('district', 'districts'), fk('indicator', 'indicators'), fk('source', 'sources')],
  }),
  districts: table<District>({
    columns: districts,
    records: (d) => d.districts,
    title: 'Districts',
    description: districtSchema.description!,
    foreignKeys: [fk('model_start_observation', 'observations')],
  }),
  indicators: table<Indicator>({
    columns: indicators,
    records: (d) => d.indicators,
    title: 'Indicators',
    description: indicatorSchema.description!,
  }),
  sources: table<Source>({
    columns: sources,
    records: (d) => d.sources,
    title: 'Sources',
    description: sourceSchema.description!,
    foreignKeys: [fk('district', 'districts')],
  }),
  glossary: table<GlossaryTerm>({
    columns: glossary,
    records: (d) => d.glossary,
    title: 'Glossary',
    description: glossarySchema.description!,
  }),
};

/** Header and rows of table `name`, ready for `toCsv`. */
export function tableRows(data: IndexedDataset, name: TableName): { header: string[]; rows: Cell[][] } {
  const def = TABLES[name];
  return {
    header: def.columns.map((c) => c.name),
    rows: def.records(data).map((r) => def.columns.map((c) => c.get(r))),
  };
}

/** The Frictionless Table Schema of table `name`. */
export function tableSchema(name: TableName): Record<string, unknown> {
  const def = TABLES[name];
  return {
    fields: def.columns.map((c) => {
      const constraints: Record<string, unknown> = {};
      if (c.required) constraints.required = true;
      if (c.enum) constraints.enum = [...c.enum];
      if (c.pattern) constraints.pattern = c.pattern;
      if (c.name === 'id') constraints.unique = true;
      return {
        name: c.name,
        type: c.type,
        description: c.description,
        ...(Object.keys(constraints).length ? { constraints } : {}),
      };
    }),
    primaryKey: ['id'],
    missingValues: [''],
    ...(def.foreignKeys ? { foreignKeys: def.foreignKeys } : {}),
  };
}

/** The licence of the compilation (the sources' own texts are not redistributed). */
export const LICENSE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0',
} as const;

/**
 * datapackage.json: a Frictionless Data Package (v1) of the CSV tables; `site` is the origin.
 * With `pinned`, the package of `release` served from its pinned folder `/v/<version>/data/`.
 */
export function dataPackage(site: URL, release: Release = currentRelease(), pinned = false): Record<string, unknown> {
  const abs = (p: string) => new URL(p, site).href;
  // A pinned package's home is its version's page, which lists its files and what changed.
  const home = pinned ? `/releases/${release.version}/` : '/data/';
  return {
    profile: 'tabular-data-package',
    name: 'party-building-models',
    id: abs(home),
    title: 'Party-Building Models Compared: Zhangqiu, Shizhong, Fushan (党建模式比较)',
    description:
      'Figures that official publicity reports claim about grassroots Party building in districts of Shandong, each with its qualifier, kind, date, scope and a quoted locator in its source. Claims as reported, not independently verified.',
    homepage: abs(home),
    version: release.version,
    created: `${release.date}T00:00:00Z`,
    keywords: ['party building', '党建', 'Shandong', 'Zhangqiu', 'Shizhong', 'Fushan', 'grassroots governance'],
    licenses: [LICENSE],
    sources: [{ title: 'Chinese newspaper and party-media reports, listed in sources.csv', path: abs('/sources/') }],
    resources: TABLE_NAMES.map((name) => ({
      profile: 'tabular-data-resource',
      name,
      path: `${name}.csv`,
      title: TABLES[name].title,
      description: TABLES[name].description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
      schema: tableSchema(name),
    })),
    // The same rows by the piece (src/outputs/recordFiles.ts), relative to this package. Listed
    // here, not as resources: a resource per district, each with its schema, would make the
    // package megabytes at thousands of districts.
    pieces: {
      description:
        'observations.csv by the piece, with its columns: each district’s rows, and each data point alone ' +
        'as JSON (its record as observations.json has it) and CSV.',
      districts: districtsWithData(release.data).map((d) => ({ district: d.id, path: `districts/${d.id}.csv` })),
      dataPoint: { json: 'points/{id}.json', csv: 'points/{id}.csv' },
    },
  };
}
