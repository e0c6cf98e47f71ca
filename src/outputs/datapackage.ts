/**
 * The dataset's tables as open data: one column list per file drives both the CSV download and
 * its Frictionless Table Schema, so the two cannot drift apart. Bilingual fields become `_zh` /
 * `_en` column pairs; lists become `;`-joined text.
 */
import type { Cell } from './csv.ts';
import type { IndexedDataset } from '../dataset/dataset.ts';
import { datasetFiles, type Bilingual, type District, type GlossaryTerm, type Indicator, type Observation, type Source } from '../dataset/schemas.ts';
import { DATASET_DATE, datasetVersion } from '../dataset/version.ts';

/** The downloadable tables, in the order the data page lists them. */
export const TABLE_NAMES = ['observations', 'districts', 'indicators', 'sources', 'glossary'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** A Table Schema field type this project uses. */
type FieldType = 'string' | 'number' | 'integer' | 'boolean';

/** One column: its Table Schema description and how to read it off a record. */
interface Column<T> {
  name: string;
  type: FieldType;
  description: string;
  required?: boolean;
  enum?: readonly string[];
  pattern?: string;
  get(r: T): Cell;
}

const DATE_PATTERN = '\\d{4}(-\\d{2}(-\\d{2})?)?';
const enumOf = (s: { options: readonly string[] }) => s.options;
const obsShape = datasetFiles.observations.shape;
const bi = <T>(name: string, what: string, get: (r: T) => Bilingual | undefined | null, required = true): Column<T>[] => [
  { name: `${name}_zh`, type: 'string', description: `${what}, Simplified Chinese`, required, get: (r) => get(r)?.zh },
  { name: `${name}_en`, type: 'string', description: `${what}, English`, required, get: (r) => get(r)?.en },
];

const observations: Column<Observation>[] = [
  { name: 'id', type: 'string', description: 'Observation id, also its page /data/<id>/', required: true, get: (o) => o.id },
  { name: 'district', type: 'string', description: 'District id (districts.id)', required: true, get: (o) => o.district },
  { name: 'indicator', type: 'string', description: 'Indicator id (indicators.id)', required: true, get: (o) => o.indicator },
  { name: 'value', type: 'number', description: 'Normalised figure in `unit` (万 and 亿 multiplied out); for a range, its lower bound', required: true, get: (o) => o.value },
  { name: 'high', type: 'number', description: 'Upper bound of a range; empty otherwise', get: (o) => o.high },
  { name: 'unit', type: 'string', description: 'Unit of value and high', required: true, enum: enumOf(obsShape.unit), get: (o) => o.unit },
  { name: 'qualifier', type: 'string', description: 'How the source qualifies the figure: more-than and at-least are lower bounds', required: true, enum: enumOf(obsShape.qualifier), get: (o) => o.qualifier },
  { name: 'kind', type: 'string', description: 'achieved (as claimed), target, plan or standard', required: true, enum: enumOf(obsShape.kind), get: (o) => o.kind },
  { name: 'period_start', type: 'string', description: 'Start of the period a flow covers (YYYY, YYYY-MM or YYYY-MM-DD)', pattern: DATE_PATTERN, get: (o) => o.periodStart },
  { name: 'as_of', type: 'string', description: 'Date the figure is as of, or end of its period', required: true, pattern: DATE_PATTERN, get: (o) => o.asOf },
  { name: 'as_of_precision', type: 'string', description: 'How exactly as_of is known', required: true, enum: enumOf(obsShape.asOfPrecision), get: (o) => o.asOfPrecision },
  { name: 'target_date', type: 'string', description: 'Date a target is to be met by', pattern: DATE_PATTERN, get: (o) => o.targetDate },
  { name: 'scope_level', type: 'string', description: 'Part of the district the figure describes', required: true, get: (o) => o.scope.level },
  ...bi<Observation>('scope_name', 'Name of the subdistrict, zone, village or organisation (empty for the whole district)', (o) => o.scope.name, false),
  { name: 'source', type: 'string', description: 'Source id (sources.id)', required: true, get: (o) => o.source },
  { name: 'locator', type: 'string', description: 'Short phrase around the figure, quoted exactly from the source (at most 30 characters)', required: true, get: (o) => o.locator },
  { name: 'figure', type: 'string', description: 'The figure as the source writes it, inside the locator', required: true, get: (o) => o.figure },
  ...bi<Observation>('label', 'What the figure counts, in our words', (o) => o.label),
  ...bi<Observation>('note', 'What a reader must know to read the figure right', (o) => o.note, false),
];

const districts: Column<District>[] = [
  { name: 'id', type: 'string', description: 'District id', required: true, get: (d) => d.id },
  { name: 'code', type: 'string', description: 'GB/T 2260 administrative division code', required: true, pattern: '\\d{6}', get: (d) => d.code },
  { name: 'name_zh_hans', type: 'string', description: 'Name, Simplified Chinese', required: true, get: (d) => d.name.zhHans },
  { name: 'name_zh_hant', type: 'string', description: 'Name, Traditional Chinese', required: true, get: (d) => d.name.zhHant },
  { name: 'name_pinyin', type: 'string', description: 'Name, pinyin', required: true, get: (d) => d.name.pinyin },
  { name: 'name_en', type: 'string', description: 'Name, English', required: true, get: (d) => d.name.en },
  ...bi<District>('prefecture', 'Prefecture-level city', (d) => d.prefecture),
  ...bi<District>('province', 'Province', (d) => d.province),
  ...bi<District>('setting', 'Urban, rural or mixed, as the sources describe it', (d) => d.setting),
  ...bi<District>('model_name', "The model's own name", (d) => d.model.name),
  { name: 'model_start_year', type: 'integer', description: 'Year the sources say the model began', required: true, get: (d) => d.model.startYear },
  { name: 'model_start_observation', type: 'string', description: 'Observation that dates the start (observations.id)', get: (d) => d.model.startObservation },
  ...bi<District>('model_unit', 'The unit the model builds above the village', (d) => d.model.unit),
];

const indicators: Column<Indicator>[] = [
  { name: 'id', type: 'string', description: 'Indicator id', required: true, get: (i) => i.id },
  ...bi<Indicator>('name', 'Name', (i) => i.name),
  ...bi<Indicator>('definition', 'What is counted, and what is not', (i) => i.definition),
  { name: 'unit', type: 'string', description: 'Unit of every observation of this indicator', required: true, enum: enumOf(obsShape.unit), get: (i) => i.unit },
  { name: 'dimension', type: 'string', description: 'One of the four dimensions of the comparison', required: true, enum: enumOf(datasetFiles.indicators.shape.dimension), get: (i) => i.dimension },
];

const sources: Column<Source>[] = [
  { name: 'id', type: 'string', description: 'Source id', required: true, get: (s) => s.id },
  { name: 'file', type: 'string', description: 'File name of the text in the sources folder', required: true, get: (s) => s.file },
  { name: 'district', type: 'string', description: 'District reported on (districts.id)', required: true, get: (s) => s.district },
  { name: 'title', type: 'string', description: 'Headline as printed, in the source script', required: true, get: (s) => s.title },
  { name: 'title_en', type: 'string', description: 'English rendering of the headline (ours)', required: true, get: (s) => s.titleEn },
  ...bi<Source>('outlet', 'Publishing outlet as the text shows it (empty when it does not say)', (s) => s.outlet, false),
  { name: 'byline', type: 'string', description: 'Authors as printed (empty when none)', get: (s) => s.byline },
  { name: 'date', type: 'string', description: 'Publication date, or the earliest it can be', required: true, pattern: DATE_PATTERN, get: (s) => s.date },
  { name: 'date_end', type: 'string', description: 'Latest the publication date can be, when only a range is known', pattern: DATE_PATTERN, get: (s) => s.dateEnd },
  { name: 'date_precision', type: 'string', description: 'How exactly the date is known', required: true, enum: enumOf(datasetFiles.sources.shape.datePrecision), get: (s) => s.datePrecision },
  { name: 'date_inferred', type: 'boolean', description: 'Whether the date is inferred rather than printed', required: true, get: (s) => s.dateInferred },
  { name: 'script', type: 'string', description: 'Writing system: Hans (Simplified) or Hant (Traditional)', required: true, enum: ['Hans', 'Hant'], get: (s) => s.script },
  { name: 'kind', type: 'string', description: 'News report, official case submission or unattributed text', required: true, enum: enumOf(datasetFiles.sources.shape.kind), get: (s) => s.kind },
  ...bi<Source>('reliability', 'How far the text can be trusted, and why', (s) => s.reliability),
  ...bi<Source>('summary', 'What the text says, in our words', (s) => s.summary),
];

const glossary: Column<GlossaryTerm>[] = [
  { name: 'id', type: 'string', description: 'Term id', required: true, get: (g) => g.id },
  { name: 'zh_hans', type: 'string', description: 'Term, Simplified Chinese', required: true, get: (g) => g.zhHans },
  { name: 'zh_hant', type: 'string', description: 'Term, Traditional Chinese', required: true, get: (g) => g.zhHant },
  { name: 'pinyin', type: 'string', description: 'Term, pinyin', required: true, get: (g) => g.pinyin },
  { name: 'en', type: 'string', description: 'The English rendering the site uses', required: true, get: (g) => g.en },
  ...bi<GlossaryTerm>('definition', 'Definition', (g) => g.definition),
  { name: 'dimension', type: 'string', description: 'Dimension the term belongs to, if one', enum: enumOf(datasetFiles.glossary.shape.dimension.unwrap()), get: (g) => g.dimension },
  { name: 'districts', type: 'string', description: 'Districts whose sources use the term: district ids joined by ";"', get: (g) => g.districts.join(';') },
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
    columns: observations, records: (d) => d.observations, title: 'Observations',
    description: 'One row per figure the sources claim, with its qualifier, kind, date, scope and the quoted locator that finds it in the source.',
    foreignKeys: [fk('district', 'districts'), fk('indicator', 'indicators'), fk('source', 'sources')],
  }),
  districts: table<District>({
    columns: districts, records: (d) => d.districts, title: 'Districts',
    description: 'The three districts and the model each describes.',
    foreignKeys: [fk('model_start_observation', 'observations')],
  }),
  indicators: table<Indicator>({ columns: indicators, records: (d) => d.indicators, title: 'Indicators', description: 'What each observation counts, with its unit and dimension.' }),
  sources: table<Source>({
    columns: sources, records: (d) => d.sources, title: 'Sources',
    description: 'The five primary texts (official publicity) the figures come from.',
    foreignKeys: [fk('district', 'districts')],
  }),
  glossary: table<GlossaryTerm>({ columns: glossary, records: (d) => d.glossary, title: 'Glossary', description: 'Terms of Party building, in Simplified and Traditional Chinese, pinyin and English.' }),
};

/** Header and rows of table `name`, ready for `toCsv`. */
export function tableRows(data: IndexedDataset, name: TableName): { header: string[]; rows: Cell[][] } {
  const def = TABLES[name];
  return { header: def.columns.map((c) => c.name), rows: def.records(data).map((r) => def.columns.map((c) => c.get(r))) };
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
      return { name: c.name, type: c.type, description: c.description, ...(Object.keys(constraints).length ? { constraints } : {}) };
    }),
    primaryKey: ['id'],
    missingValues: [''],
    ...(def.foreignKeys ? { foreignKeys: def.foreignKeys } : {}),
  };
}

/** The licence of the compilation (the sources' own texts are not redistributed). */
export const LICENSE = { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' } as const;

/** datapackage.json: a Frictionless Data Package (v1) of the five CSV tables; `site` is the origin. */
export function dataPackage(site: URL): Record<string, unknown> {
  const abs = (p: string) => new URL(p, site).href;
  return {
    profile: 'tabular-data-package',
    name: 'party-building-models',
    id: abs('/data/'),
    title: 'Party-Building Models Compared: Zhangqiu, Shizhong, Fushan (党建模式比较)',
    description: 'Figures that official publicity reports claim about grassroots Party building in three districts of Shandong, each with its qualifier, kind, date, scope and a quoted locator in its source. Claims as reported, not independently verified.',
    homepage: abs('/data/'),
    version: datasetVersion(),
    created: `${DATASET_DATE}T00:00:00Z`,
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
  };
}
