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
/** A content language, a key of a bilingual text (the site's editions, `src/site/editions.ts`, each read one). */
export type ContentLanguage = keyof Bilingual;

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

/**
 * Whether the figure is a claimed result, an aim with a date, a plan, a rule or norm, or an effect
 * the source expects of something (可带动, 预计, a project's 增收): a projection, not a result.
 */
export const kind = z.enum(['achieved', 'target', 'plan', 'standard', 'projection']);
export type Kind = z.infer<typeof kind>;

/**
 * What part of the district a figure describes. Every level but `district` names its unit in
 * `scope.name`: the village, subdistrict or town, zone, community, organisation or project, or for
 * `per-unit` what the figure is per ("每个党建工作区", "村均").
 */
export const scopeLevel = z.enum([
  'district',
  'subdistrict',
  'zone',
  'village',
  'community',
  'organisation',
  'project',
  'per-unit',
]);
export type ScopeLevel = z.infer<typeof scopeLevel>;

/** How often a rule applies: the period of a rate ("once a month", "every two weeks", "3 days a week"). */
export const ratePeriod = z.enum(['day', 'week', 'fortnight', 'month', 'quarter', 'year']);
export type RatePeriod = z.infer<typeof ratePeriod>;

/**
 * Whose date a figure's dates are: `printed`, the source prints it (截至2023年底, 2021年); `report`,
 * the source prints none and the figure is taken as current when the report appeared (whose own
 * date may be the site's inference, see the source's dateInferred); `inferred`, the site infers it
 * from something else in the text, said in dateNote; `latest`, the source gives no date and the
 * site can say only the latest the figure can date from (asOf), said in dateNote (a count "before"
 * the mergers or the zones).
 */
export const dateBasis = z.enum(['printed', 'report', 'inferred', 'latest']);
export type DateBasis = z.infer<typeof dateBasis>;

export const sourceSchema = z
  .object({
    id: slug.describe('Source id: the file name in the sources folder without .zh-Hans.txt / .zh-Hant.txt'),
    file: z
      .string()
      .regex(/^[a-z0-9-]+\.zh-Han[st]\.txt$/, 'a file name ending .zh-Hans.txt or .zh-Hant.txt')
      .describe('File name of the text in the sources folder'),
    district: slug.describe('District the source reports on (districts.id)'),
    title: z.string().min(1).describe('Headline as printed, in the source script'),
    titleEn: z.string().min(1).describe('English rendering of the headline (ours)'),
    outlet: bilingual.nullable().describe('Publishing outlet as the text shows it (empty when it does not say)'),
    byline: z.string().nullable().describe('Authors as printed (empty when none are printed)'),
    date: isoPartialDate.describe('Publication date, or the earliest it can be'),
    dateEnd: isoPartialDate.optional().describe('Latest the publication date can be, when only a range is known'),
    datePrecision: precision.describe('How exactly the publication date is known'),
    dateInferred: z.boolean().describe('Whether the date is inferred from the text rather than printed'),
    script: z.enum(['Hans', 'Hant']).describe('Writing system: Hans (Simplified) or Hant (Traditional)'),
    kind: z
      .enum(['news-report', 'official-case-submission', 'unattributed-text'])
      .describe('News report, a case the district submitted itself, or a text with no named outlet'),
    reliability: bilingual.describe('How far the text can be trusted, and why'),
    summary: bilingual.describe('What the text says, in our words'),
    programme: slug
      .optional()
      .describe(
        "The programme the text is about, as a glossary term id, when it is not the district's model (an earlier or another programme); charts set such reports apart from the model's start",
      ),
  })
  .describe('The primary texts (official publicity) the figures come from, one row per text.');
export type Source = z.infer<typeof sourceSchema>;

export const districtSchema = z
  .object({
    id: slug.describe('District id, used in URLs'),
    code: z
      .string()
      .regex(/^\d{6}$/, 'a six-digit GB/T 2260 code')
      .describe('GB/T 2260 six-digit administrative division code'),
    name: z.object({
      zhHans: z.string().min(1).describe('Name, Simplified Chinese'),
      zhHant: z.string().min(1).describe('Name, Traditional Chinese'),
      pinyin: z.string().min(1).describe('Name, pinyin'),
      en: z.string().min(1).describe('Name, English'),
    }),
    prefecture: bilingual.describe('Prefecture-level city'),
    province: bilingual.describe('Province'),
    setting: bilingual.describe('Urban, rural or mixed, as the sources describe the district'),
    model: z.object({
      name: bilingual.describe("The model's own name"),
      startYear: z
        .number()
        .int()
        .min(2000)
        .max(2030)
        .nullable()
        .describe(
          'Year the model began, as the sources say; null when no source says (shown as not stated, never estimated)',
        ),
      startYearEstimated: z
        .boolean()
        .optional()
        .describe("True when no source dates the start and startYear is the site's estimate"),
      startObservation: slug.optional().describe('Observation that dates the start, when one does (observations.id)'),
      startSource: slug.optional().describe('Source that dates the start (sources.id), when startYear is given'),
      startNote: bilingual
        .optional()
        .describe(
          'What the start year marks when it is not the founding of the model as named, as a phrase holding {year} ("{year}年起深化" / "deepened from {year}")',
        ),
      unit: bilingual.describe('The organisational unit the model builds above the village'),
    }),
  })
  .describe('Every district the site covers, and the model each describes.');
export type District = z.infer<typeof districtSchema>;

export const indicatorSchema = z
  .object({
    id: slug.describe('Indicator id'),
    name: bilingual.describe('Name'),
    definition: bilingual.describe('What is counted, and what is not'),
    unit: unit.describe('Unit of every observation of this indicator'),
    dimension: dimension.describe('One of the four dimensions of the comparison'),
    comparisonNote: bilingual
      .optional()
      .describe(
        "What differs in definition between districts' figures of this indicator (what each counts, in which measure word), shown wherever they stand together",
      ),
  })
  .describe('What each observation counts, with its unit and dimension.');
export type Indicator = z.infer<typeof indicatorSchema>;

export const observationSchema = z
  .object({
    id: slug.describe('Observation id, <district>-<short-name>; stable, as it is the page /data/<id>/'),
    district: slug.describe('District id (districts.id)'),
    indicator: slug.describe('Indicator id (indicators.id)'),
    value: z.number().describe('Normalised figure in unit (万 and 亿 multiplied out); for a range, its lower bound'),
    high: z.number().optional().describe('Upper bound of a range; absent (an empty cell) otherwise'),
    unit: unit.describe('Unit of value and high'),
    qualifier: qualifier.describe('How the source qualifies the figure: more-than and at-least are lower bounds'),
    kind: kind.describe(
      'achieved (as claimed), target, plan, standard (a rule or norm) or projection (an expected effect)',
    ),
    per: ratePeriod
      .optional()
      .describe(
        'For a rule or rate: the period it applies to (once a *month*); required for rules counted in times or days',
      ),
    periodStart: isoPartialDate.optional().describe('Start of the period a flow covers (such as "in the past year")'),
    asOf: isoPartialDate.describe('Date the figure is as of, or the end of its period'),
    asOfPrecision: precision.describe('How exactly the as-of date is known'),
    targetDate: isoPartialDate.optional().describe('Date a target is to be met by; required for targets'),
    dateBasis: dateBasis
      .optional()
      .describe(
        "Whose date asOf, periodStart and targetDate are: printed in the source, the report's date, the site's inference, or only the latest it can be (required in current data)",
      ),
    dateNote: bilingual
      .optional()
      .describe('How the site infers the date, in our words; required when dateBasis is inferred'),
    scope: z.object({
      level: scopeLevel.describe('Part of the district the figure describes'),
      name: bilingual
        .optional()
        .describe(
          'Name of the subdistrict, zone, village, community, organisation or project, or what a per-unit figure is per (absent for the whole district; required otherwise in current data)',
        ),
    }),
    source: slug.describe('Source id (sources.id)'),
    locator: z
      .string()
      .min(2)
      .max(30, 'at most 30 characters')
      .describe('Short phrase around the figure, quoted exactly from the source (at most 30 characters)'),
    // `…` stands for up to four characters between a qualifier and its number (至少…1名).
    figure: z.string().min(1).describe('The figure as the source writes it, inside the locator ("1200多人")'),
    inverted: z
      .literal(true)
      .optional()
      .describe(
        'True when the source states the bound as what is to go (600平方米以下…清零): value and qualifier give the aim (more than 600 m²), figure keeps the words',
      ),
    sameAs: slug
      .optional()
      .describe(
        'The observation (observations.id) that is the same figure from another source: shown once, citing both',
      ),
    label: bilingual.describe('What the figure counts, in our words'),
    note: bilingual.optional().describe('What a reader must know to read the figure right'),
    phrase: bilingual
      .refine((b) => b.zh.split('{value}').length === 2 && b.en.split('{value}').length === 2, {
        message: 'a phrase holding {value} once in each language',
      })
      .optional()
      .describe(
        'The figure in a short phrase for running text, {value} standing for it ("{value} have fewer than 1,000 people")',
      ),
  })
  .superRefine((o, ctx) => {
    if (o.qualifier === 'range') {
      if (o.high === undefined) ctx.addIssue({ code: 'custom', path: ['high'], message: 'an upper bound for a range' });
      else if (o.value > o.high)
        ctx.addIssue({
          code: 'custom',
          path: ['high'],
          message: `a range with low ≤ high (low ${o.value} > high ${o.high})`,
        });
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
  })
  .describe(
    'One row per figure the sources claim, with its qualifier, kind, date, scope and the quoted locator that finds it in the source.',
  );
export type Observation = z.infer<typeof observationSchema>;

/** Longest one-line glossary meaning (`short`), in characters: one line or two on a phone. */
export const GLOSS_SHORT_MAX = { zh: 40, en: 110 } as const;

export const glossarySchema = z
  .object({
    id: slug.describe('Term id'),
    zhHans: z.string().min(1).describe('Term, Simplified Chinese'),
    zhHant: z.string().min(1).describe('Term, Traditional Chinese'),
    pinyin: z.string().min(1).describe('Term, pinyin'),
    en: z.string().min(1).describe('The English rendering the site uses'),
    short: z
      .object({
        zh: z
          .string()
          .trim()
          .min(1, 'a Simplified Chinese text')
          .max(GLOSS_SHORT_MAX.zh, `at most ${GLOSS_SHORT_MAX.zh} characters`),
        en: z
          .string()
          .trim()
          .min(1, 'an English text')
          .max(GLOSS_SHORT_MAX.en, `at most ${GLOSS_SHORT_MAX.en} characters`),
      })
      .optional()
      .describe(
        'What the term means, in one line of our own words, shown first (required in the current data; optional so releases frozen before it stay valid)',
      ),
    definition: bilingual.describe('Definition: the detail after the one-line meaning (how the districts use it)'),
    dimension: dimension.optional().describe('Dimension the term belongs to, if one'),
    districts: z.array(slug).describe('Districts whose sources use the term (districts.id)'),
  })
  .describe('Terms of Party building, in Simplified and Traditional Chinese, pinyin and English.');
export type GlossaryTerm = z.infer<typeof glossarySchema>;

/** Longest frame headline, in characters: a cell of the home page's comparison graphic, a line or two on a phone. */
export const HEADLINE_MAX = { zh: 16, en: 40 } as const;
/** A frame's headline: a short phrase per language (optional, so releases frozen before it stay valid). */
const frameHeadline = z.object({
  zh: z
    .string()
    .trim()
    .min(1, 'a Simplified Chinese text')
    .max(HEADLINE_MAX.zh, `at most ${HEADLINE_MAX.zh} characters`),
  en: z.string().trim().min(1, 'an English text').max(HEADLINE_MAX.en, `at most ${HEADLINE_MAX.en} characters`),
});

export const frameSchema = z
  .object({
    id: slug.describe('Cell id, <district>-<dimension>'),
    district: slug.describe('District id (districts.id)'),
    dimension: dimension.describe('One of the four dimensions of the comparison'),
    summary: bilingual.describe("The district's approach on this dimension, in our words, without figures"),
    headline: frameHeadline
      .optional()
      .describe(
        "The district's answer on this dimension in a few words of ours, without figures, saying claimed, pilot, plan or rule where the summary does (the home page's comparison graphic)",
      ),
    observations: z
      .array(slug)
      .min(1)
      .describe('Key observations shown in the cell, all of this district (observations.id)'),
  })
  .describe("How one district's model answers one of the four dimensions: the comparison matrix's cells.");
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
