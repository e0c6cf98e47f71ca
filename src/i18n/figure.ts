/**
 * The one formatter from a figure to words: an observation (or a derived figure) becomes its value
 * with qualifier, measure word and rate, its kind, its scope and its period, with the date marked
 * where it is the site's inference. Every view that prints a figure takes its words from here, so
 * none can drop what a figure is (EDITORIAL.md fairness rules). Pure.
 */
import { districtNames, type IndexedDataset } from '../dataset/dataset.ts';
import type { DerivedFigure } from '../dataset/derived.ts';
import { measureWord } from '../dataset/figure.ts';
import type { Kind, Observation, ScopeLevel, Source } from '../dataset/schemas.ts';
import { formatDate, formatDateRange, formatQuantity, kindLabel } from './format.ts';
import { t } from './strings.ts';
import { pick, type Lang, type ContentLang } from '../site/editions.ts';

/** The district's name in edition `lang`: `章丘区` or `Zhangqiu District`; throws on an unknown id. */
export function districtName(data: Pick<IndexedDataset, 'district'>, id: string, lang: Lang): string {
  return pick(districtNames(data, id), lang);
}

export { measureWord };

/** What the formatter needs of the source: when it appeared, and whether that date is printed. */
export type FigureSource = Pick<Source, 'date' | 'dateEnd' | 'dateInferred'>;

/** A figure in words, part by part, in one language. */
export interface FigureWords {
  /** Value with qualifier, the source's measure word and a rate's period: `1.6万余条`, `once a month`. */
  value: string;
  /** Kind: `已实现（据称）`, `target`, `expected effect (as claimed)`; for derived figures `派生` / `derived`. */
  kind: string;
  /** True for a claimed result; other kinds must be said wherever the figure stands. */
  achieved: boolean;
  /** Scope in words: `全区` / `whole district`, `仅三涧溪村` / `Sanjianxi Village only`, `每个党建工作区` / `each work zone`. */
  scope: string;
  /** True when the figure covers less than the whole district or is per unit: the scope must be shown. */
  narrow: boolean;
  /** Period or date in words, marked where the date is the site's inference. */
  period: string;
  /** True when any date in `period` is the site's inference (the report's undated appearance included). */
  inferred: boolean;
}

const SCOPE_LEVEL: Record<ScopeLevel, Record<ContentLang, string>> = {
  district: { zh: '全区', en: 'whole district' },
  subdistrict: { zh: '一个街道或镇', en: 'one subdistrict or town' },
  zone: { zh: '一个片区或工作区', en: 'one zone' },
  village: { zh: '一个村', en: 'one village' },
  community: { zh: '一个社区', en: 'one community' },
  organisation: { zh: '一个组织', en: 'one organisation' },
  project: { zh: '一个项目', en: 'one project' },
  'per-unit': { zh: '每个单位', en: 'per unit' },
};

/** The scope in words: the district, the one unit the figure covers, or what it is per. */
export function scopeWords(scope: Observation['scope'], lang: Lang): string {
  if (scope.level === 'district') return pick(SCOPE_LEVEL.district, lang);
  const name = pick(scope.name, lang);
  if (!name) return pick(SCOPE_LEVEL[scope.level], lang);
  if (scope.level === 'per-unit') return name;
  return pick({ zh: `仅${name}`, en: `${name} only` }, lang);
}

const INFERRED = { zh: '本站推断', en: "site's inference" } as const;
const UNDATED = { zh: '原文未写日期', en: 'undated in the source' } as const;

/** The report's date in words: `2024年5月至7月` / `May–July 2024`, or the printed day. */
function reportDate(src: FigureSource, lang: Lang): string {
  return formatDateRange(src.date, src.dateEnd, lang);
}

/** A bracket after a date: `（2024年5月至7月，本站推断）` / ` (May–July 2024, site's inference)`. */
function bracket(parts: string[], lang: Lang): string {
  const inner = parts.filter(Boolean).join(pick({ zh: '，', en: ', ' }, lang));
  if (!inner) return '';
  return pick({ zh: `（${inner}）`, en: ` (${inner})` }, lang);
}

/**
 * The time a figure refers to, in words, and whether it is the site's inference. A printed date
 * reads as the source gives it; a figure dated by its report says so (`截至报道时（2024年5月至7月，
 * 本站推断）` / `as of the report (May–July 2024, site's inference)`); an inferred date is marked.
 * A figure the source leaves undated reads `不晚于2022年（原文未写日期，本站推断）` / `no later than 2022
 * (undated in the source, site's inference)`. Rules, plans and projections are dated by the report
 * that states them; targets by their deadline.
 */
export function periodWords(
  o: Pick<Observation, 'kind' | 'periodStart' | 'asOf' | 'targetDate' | 'dateBasis'>,
  src: FigureSource,
  lang: Lang,
): { text: string; inferred: boolean } {
  const zh = pick({ zh: true, en: false }, lang);
  const basis = o.dateBasis ?? 'printed';
  const reportInferred = src.dateInferred;
  if (o.kind === 'target' && o.targetDate) {
    const inferred = basis === 'inferred';
    const d = formatDate(o.targetDate, lang);
    return { text: (zh ? `${d}前` : `by ${d}`) + bracket([inferred ? pick(INFERRED, lang) : ''], lang), inferred };
  }
  if (basis === 'report') {
    const when = bracket([reportDate(src, lang), reportInferred ? pick(INFERRED, lang) : ''], lang);
    if (o.periodStart) {
      const start = formatDate(o.periodStart, lang);
      return {
        text: zh ? `${start}以来，至报道时${when}` : `since ${start}, to the report${when}`,
        inferred: reportInferred,
      };
    }
    if (o.kind !== 'achieved') return { text: zh ? `见于报道${when}` : `as reported${when}`, inferred: reportInferred };
    return { text: zh ? `截至报道时${when}` : `as of the report${when}`, inferred: reportInferred };
  }
  const end = formatDate(o.asOf, lang);
  // A flow whose start the site infers and which runs to the report: the end is the report's date.
  const toReport = src.date.startsWith(o.asOf) || o.asOf.startsWith(src.date);
  if (basis === 'inferred' && o.periodStart && o.periodStart !== o.asOf && toReport) {
    const start = formatDate(o.periodStart, lang);
    const ends = reportInferred
      ? { zh: '起止均为本站推断', en: "both ends the site's inference" }
      : { zh: '起点为本站推断', en: "the start is the site's inference" };
    const when = `${reportDate(src, lang)}${zh ? '；' : '; '}${pick(ends, lang)}`;
    return {
      text: zh ? `${start}以来，至报道时（${when}）` : `since ${start}, to the report (${when})`,
      inferred: true,
    };
  }
  if (basis === 'latest')
    return {
      text: (zh ? `不晚于${end}` : `no later than ${end}`) + bracket([pick(UNDATED, lang), pick(INFERRED, lang)], lang),
      inferred: true,
    };
  const inferred = basis === 'inferred';
  const flag = bracket([inferred ? pick(INFERRED, lang) : ''], lang);
  if (!o.periodStart) return { text: (zh ? `截至${end}` : `as of ${end}`) + flag, inferred };
  // One day reads "on 12 April 2022"; a month or a year "in 2021".
  if (o.periodStart === o.asOf)
    return { text: (zh ? end : `${o.asOf.length > 7 ? 'on' : 'in'} ${end}`) + flag, inferred };
  const start = formatDate(o.periodStart, lang);
  return { text: (zh ? `${start}至${end}` : `from ${start} to ${end}`) + flag, inferred };
}

/** An observation's value in words: qualifier, the source's measure word, a rate's period. */
export function valueWords(o: Observation, lang: Lang): string {
  return formatQuantity({ ...o, measure: measureWord(o), per: o.per, strict: o.inverted }, lang);
}

/** An observation in words, part by part. `src` is its source (for a figure dated by its report). */
export function describeFigure(o: Observation, src: FigureSource, lang: Lang): FigureWords {
  const period = periodWords(o, src, lang);
  return {
    value: valueWords(o, lang),
    kind: kindLabel(o.kind, lang),
    achieved: o.kind === 'achieved',
    scope: scopeWords(o.scope, lang),
    narrow: o.scope.level !== 'district',
    period: period.text,
    inferred: period.inferred,
  };
}

const DERIVED_KIND = { zh: '派生', en: 'derived' } as const;

/**
 * A derived figure in words: its value, `derived` with the kinds of its inputs where they are not
 * claimed results, its formula as scope, and the period of its first input.
 */
export function describeDerived(
  d: DerivedFigure,
  inputs: { a: Observation; b: Observation },
  src: FigureSource,
  lang: Lang,
): FigureWords {
  const kinds = [...new Set<Kind>([inputs.a.kind, inputs.b.kind])].filter((k) => k !== 'achieved');
  const period = periodWords(inputs.a, src, lang);
  const from = kinds.map((k) => kindLabel(k, lang));
  return {
    value: formatQuantity(d, lang),
    kind:
      from.length === 0
        ? pick(DERIVED_KIND, lang)
        : pick({ zh: `派生（输入含${from.join('、')}）`, en: `derived (from a ${from.join(' and a ')})` }, lang),
    achieved: kinds.length === 0,
    scope: pick({ zh: `派生：${d.formula.zh}`, en: `derived: ${d.formula.en}` }, lang),
    narrow: true,
    period: period.text,
    inferred: period.inferred,
  };
}

/** Which parts a view states once for all its figures, and so leaves out of each line. */
export interface Omit {
  /** Leave the kind out: the view says it once. Without it, only a claimed result's kind is left out. */
  kind?: boolean;
  scope?: boolean;
  period?: boolean;
}

/**
 * A figure in one line: the value, then what it is, kind where it is not a claimed result, scope
 * where narrower than the district, and period: `145名 · 仅三涧溪村 · 截至报道时（2022年6月至10月，
 * 本站推断）`, `6000余人 · 预期效果（据称） · 仅泉城百花园田园综合体 · 见于报道（…）`. Parts the view
 * states once for all its figures are left out with `omit`.
 */
export function figureLine(w: FigureWords, omit: Omit = {}): string {
  return [w.value, ...aboutParts(w, omit)].join(' · ');
}

/** What a figure is, without its value, for a view that shows the value apart: `仅三涧溪村 · 截至报道时（…）`. */
export function figureAbout(w: FigureWords, omit: Omit = {}): string {
  return aboutParts(w, omit).join(' · ');
}

function aboutParts(w: FigureWords, omit: Omit): string[] {
  return [
    omit.kind || w.achieved ? '' : w.kind,
    omit.scope || !w.narrow ? '' : w.scope,
    omit.period ? '' : w.period,
  ].filter(Boolean);
}

/** An observation in words, its source looked up in `data`. Throws on an unknown source. */
export function describeObservation(
  data: { source: Map<string, FigureSource> },
  o: Observation,
  lang: Lang,
): FigureWords {
  const src = data.source.get(o.source);
  if (!src) throw new Error(`figure: unknown source ${o.source} of ${o.id}`);
  return describeFigure(o, src, lang);
}

/**
 * A data point page's dates: for a target its deadline (`target`, marked where inferred) and when
 * the report set it (`period`); for every other figure only its period.
 */
export function dataPointDates(o: Observation, src: FigureSource, lang: Lang): { target?: string; period: string } {
  if (o.kind !== 'target' || !o.targetDate) return { period: periodWords(o, src, lang).text };
  const set = periodWords({ ...o, kind: 'plan', targetDate: undefined, dateBasis: 'report' }, src, lang).text;
  return { target: periodWords(o, src, lang).text, period: set };
}

/**
 * How the site names source `id`, in its own words: outlet, district and year, as
 * `齐鲁晚报（章丘区，2024年，本站推断）` / `Qilu Evening News (Zhangqiu District, 2024, site's inference)`.
 * Never the headline the source prints: the site does not reproduce the sources' sentences, and
 * outlet, district and year tell the five sources apart. Throws on an unknown id.
 */
export function sourceName(data: Pick<IndexedDataset, 'source' | 'district'>, id: string, lang: Lang): string {
  const s = data.source.get(id);
  if (!s) throw new Error(`unknown source "${id}"`);
  const outlet = s.outlet ? pick(s.outlet, lang) : t(lang, 'source.unattributed');
  const where = districtName(data, s.district, lang);
  return `${outlet}${t(lang, 'punct.lparen')}${where}${t(lang, 'punct.comma')}${sourceYear(s, lang)}${t(lang, 'punct.rparen')}`;
}

/** The year a source appeared, marked where it is the site's inference: `2024年（本站推断）` / `2024 (site's inference)`. */
export function sourceYear(src: FigureSource, lang: Lang): string {
  const year = src.date.slice(0, 4);
  if (pick({ zh: true, en: false }, lang)) return `${year}年${src.dateInferred ? '，本站推断' : ''}`;
  return `${year}${src.dateInferred ? ", site's inference" : ''}`;
}
