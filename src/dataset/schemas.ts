/**
 * The dataset's schemas: the single source of the TypeScript types, of the checks that
 * `npm run check:data` runs and of the published JSON Schema.
 *
 * Raw JSON enters as `unknown` and is parsed once, in `loadDataset.ts`.
 */
import { z } from 'astro/zod';
import { figureInLocator } from './figure.ts';

/** A text in both site languages: Simplified Chinese first, English second. */
export const bilingual = z.object({
  /** Simplified Chinese. */
  zh: z.string().trim().min(1, 'a Simplified Chinese text'),
  /** English. */
  en: z.string().trim().min(1, 'an English text'),
});
export type Bilingual = z.infer<typeof bilingual>;
/** A site language, the keys of a bilingual text: `zh` is served at `/`, `en` at `/en/`. */
export type Lang = keyof Bilingual;

/** kebab-case identifier used in URLs and references. */
export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a kebab-case id (a-z, 0-9, -)');

/** An ISO 8601 calendar date of year, month or day precision: `2023`, `2023-12`, `2023-12-31`. */
export const isoPartialDate = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD');

/** How exactly a date is known. `approximate` marks dates the source only implies. */
export const precision = z.enum(['day', 'month', 'season', 'year']);

/** The four dimensions every comparison on the site uses (EDITORIAL.md). */
export const dimension = z.enum(['organisation', 'people', 'economy', 'services']);
export type Dimension = z.infer<typeof dimension>;

/**
 * Units of measure, normalised. Counts in 个/项/家/条 are `count`; 人/名 are `person`; 人次 is
 * `person-time` (attendances, not people); money is always plain yuan (万 and 亿 multiplied out).
 */
export const unit = z.enum([
  'count',
  'person',
  'person-time',
  'household',
  'case',
  'occurrence',
  'yuan',
  'percent',
  'mu',
  'km',
  'km2',
  'm2',
  'age-years',
  'days',
  'minutes',
]);
export type Unit = z.infer<typeof unit>;

/**
 * How the source qualifies a figure. Lower bounds: `more-than` (多, 余, 超过), `at-least`
 * (不少于, 至少, 以上). Upper bounds: `under` (不足, 低于), `at-most` (以下). `nearly` (近) is just
 * under; `about` (约, 左右) either side; `range` is a closed interval (value = low, high = high).
 */
export const qualifier = z.enum(['exact', 'more-than', 'at-least', 'about', 'nearly', 'under', 'at-most', 'range']);
export type Qualifier = z.infer<typeof qualifier>;

/** Whether the figure is a claimed result, an aim with a date, a plan, or a rule or norm. */
export const kind = z.enum(['achieved', 'target', 'plan', 'standard']);
export type Kind = z.infer<typeof kind>;

/** What part of the district a figure describes. */
export const scopeLevel = z.enum(['district', 'subdistrict', 'zone', 'village', 'community', 'organisation', 'per-unit']);

export const sourceSchema = z.object({
  /** The file name in shared/sources without `.zh-Hans.txt` / `.zh-Hant.txt`. */
  id: slug,
  /** The file name in shared/sources. */
  file: z.string().regex(/^[a-z0-9-]+\.zh-Han[st]\.txt$/, 'a file name ending .zh-Hans.txt or .zh-Hant.txt'),
  /** The district the source reports on. */
  district: slug,
  /** Headline as printed, in the source's script. */
  title: z.string().min(1),
  /** English rendering of the headline (ours). */
  titleEn: z.string().min(1),
  /** Publishing outlet as the text shows it; `null` when the text does not say. */
  outlet: bilingual.nullable(),
  /** Authors as printed; `null` when none are printed. */
  byline: z.string().nullable(),
  /** Publication date or the earliest date it can be. */
  date: isoPartialDate,
  /** The latest date it can be, when only a range is known. */
  dateEnd: isoPartialDate.optional(),
  /** How exactly the publication date is known. */
  datePrecision: precision,
  /** Whether the date is printed or inferred from the text. */
  dateInferred: z.boolean(),
  /** Writing system of the text. */
  script: z.enum(['Hans', 'Hant']),
  /** Newspaper report, or a case the district submitted itself. */
  kind: z.enum(['news-report', 'official-case-submission', 'unattributed-text']),
  /** How far the text can be trusted, and why. */
  reliability: bilingual,
  /** What the text says, in our words. */
  summary: bilingual,
});
export type Source = z.infer<typeof sourceSchema>;

export const districtSchema = z.object({
  /** URL slug. */
  id: slug,
  /** GB/T 2260 six-digit administrative division code. */
  code: z.string().regex(/^\d{6}$/, 'a six-digit GB/T 2260 code'),
  name: z.object({
    zhHans: z.string().min(1),
    zhHant: z.string().min(1),
    pinyin: z.string().min(1),
    en: z.string().min(1),
  }),
  prefecture: bilingual,
  province: bilingual,
  /** Urban, rural or mixed, as the sources describe the district. */
  setting: bilingual,
  model: z.object({
    /** The model's own name. */
    name: bilingual,
    /** Year the sources say the model began. */
    startYear: z.number().int().min(2000).max(2030),
    /** The observation that dates the start, when one does. */
    startObservation: slug.optional(),
    /** The organisational unit the model builds above the village. */
    unit: bilingual,
  }),
});
export type District = z.infer<typeof districtSchema>;

export const indicatorSchema = z.object({
  id: slug,
  name: bilingual,
  /** What is counted, and what is not. */
  definition: bilingual,
  /** Every observation of this indicator has this unit. */
  unit,
  dimension,
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const observationSchema = z
  .object({
    /** `<district>-<short-name>`, stable: it is the URL `/data/<id>/`. */
    id: slug,
    district: slug,
    indicator: slug,
    /** Normalised number in `unit` (万 and 亿 multiplied out). For a range, its lower bound. */
    value: z.number(),
    /** Upper bound, only for a range. */
    high: z.number().optional(),
    unit,
    qualifier,
    kind,
    /** Start of the period the figure covers (for flows such as "in the past year"). */
    periodStart: isoPartialDate.optional(),
    /** End of the period, or the date the figure is as of. */
    asOf: isoPartialDate,
    /** How exactly `asOf` is known; `inferred` when the source only implies it. */
    asOfPrecision: precision,
    /** The date a target is to be met by; required for targets. */
    targetDate: isoPartialDate.optional(),
    scope: z.object({
      level: scopeLevel,
      /** Name of the subdistrict, village, zone or organisation; absent for the whole district. */
      name: bilingual.optional(),
    }),
    source: slug,
    /** The phrase around the figure exactly as the source writes it, at most 30 characters. */
    locator: z.string().min(2).max(30, 'at most 30 characters'),
    /**
     * The figure inside the locator, exactly as written ("1200多人"), parsed by the provenance
     * check. `…` stands for up to four characters between a qualifier and its number (至少…1名).
     */
    figure: z.string().min(1),
    /** What the figure counts here, in our words. */
    label: bilingual,
    /** Anything a reader must know to read the figure right. */
    note: bilingual.optional(),
  })
  .superRefine((o, ctx) => {
    if (o.qualifier === 'range') {
      if (o.high === undefined) ctx.addIssue({ code: 'custom', path: ['high'], message: 'an upper bound for a range' });
      else if (o.value > o.high)
        ctx.addIssue({ code: 'custom', path: ['high'], message: `a range with low ≤ high (low ${o.value} > high ${o.high})` });
    } else if (o.high !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['high'], message: 'no upper bound unless qualifier is range' });
    }
    if (o.unit === 'percent' && (o.value < 0 || o.value > 100 || (o.high ?? 0) > 100))
      ctx.addIssue({ code: 'custom', path: ['value'], message: `a share between 0 and 100 percent (got ${o.value})` });
    if (o.unit !== 'percent' && o.value < 0)
      ctx.addIssue({ code: 'custom', path: ['value'], message: `a non-negative count or amount (got ${o.value})` });
    if (o.kind === 'target' && !o.targetDate)
      ctx.addIssue({ code: 'custom', path: ['targetDate'], message: 'a target date for a target' });
    if (!figureInLocator(o.figure, o.locator))
      ctx.addIssue({ code: 'custom', path: ['figure'], message: `a figure that occurs in the locator "${o.locator}"` });
  });
export type Observation = z.infer<typeof observationSchema>;

export const glossarySchema = z.object({
  id: slug,
  zhHans: z.string().min(1),
  zhHant: z.string().min(1),
  pinyin: z.string().min(1),
  /** The English rendering the site uses. */
  en: z.string().min(1),
  definition: bilingual,
  dimension: dimension.optional(),
  /** Districts whose sources use the term. */
  districts: z.array(slug),
});
export type GlossaryTerm = z.infer<typeof glossarySchema>;

/** How one district's model answers one of the four dimensions: the comparison matrix's cells. */
export const frameSchema = z.object({
  /** `<district>-<dimension>`. */
  id: slug,
  district: slug,
  dimension,
  /** The district's approach on this dimension, in our words, without figures. */
  summary: bilingual,
  /** Key observations shown in the cell, all of this district. */
  observations: z.array(slug).min(1),
});
export type Frame = z.infer<typeof frameSchema>;

/** Dataset files, each a JSON array of records of one schema. */
export const datasetFiles = {
  sources: sourceSchema,
  districts: districtSchema,
  indicators: indicatorSchema,
  observations: observationSchema,
  glossary: glossarySchema,
  frames: frameSchema,
} as const;
export type DatasetName = keyof typeof datasetFiles;

export interface Dataset {
  sources: Source[];
  districts: District[];
  indicators: Indicator[];
  observations: Observation[];
  glossary: GlossaryTerm[];
  frames: Frame[];
}
