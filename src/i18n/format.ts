/**
 * Numbers as readers expect them in each language: 万 and 亿 in Chinese where natural, thousands
 * separators in English, always with the source's qualifier ("more than 1,200", "1200余"). Pure.
 */
import type { Kind, Qualifier, RatePeriod, Unit } from '../dataset/schemas.ts';
import { pick, type Lang, type ContentLang } from '../site/editions.ts';

const trim = (n: number, digits: number) => Number(n.toFixed(digits)).toString();
// One formatter for the build: toLocaleString() builds a new Intl formatter on every call, which
// was the largest single cost of rendering a data point page.
const EN_NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const EN_MONTHS = Array.from({ length: 12 }, (_, i) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, i, 1))),
);

/** A bare number in `lang`: `17000` → `1.7万` / `17,000`; `126000000000` → `1260亿` / `126 billion`. */
export function formatNumber(n: number, lang: Lang): string {
  const abs = Math.abs(n);
  if (pick({ zh: true, en: false }, lang)) {
    if (abs >= 1e8) return `${trim(n / 1e8, 2)}亿`;
    if (abs >= 1e4 && (abs >= 1e5 || n % 1000 === 0)) return `${trim(n / 1e4, 2)}万`;
    return trim(n, 2);
  }
  if (abs >= 1e9) return `${trim(n / 1e9, 2)} billion`;
  if (abs >= 1e6 && n % 1e4 === 0) return `${trim(n / 1e6, 2)} million`;
  return EN_NUMBER.format(n);
}

const UNIT_ZH: Record<Unit, string> = {
  count: '个',
  person: '人',
  'person-time': '人次',
  household: '户',
  case: '件',
  occurrence: '次',
  yuan: '元',
  percent: '%',
  mu: '亩',
  km: '公里',
  km2: '平方公里',
  m2: '平方米',
  'age-years': '岁',
  days: '天',
  minutes: '分钟',
};
const UNIT_EN: Record<Unit, [string, string]> = {
  count: ['', ''],
  person: ['person', 'people'],
  'person-time': ['person-time', 'person-times'],
  household: ['household', 'households'],
  case: ['case', 'cases'],
  occurrence: ['time', 'times'],
  yuan: ['yuan', 'yuan'],
  percent: ['%', '%'],
  mu: ['mu', 'mu'],
  km: ['km', 'km'],
  km2: ['km²', 'km²'],
  m2: ['m²', 'm²'],
  'age-years': ['years old', 'years old'],
  days: ['day', 'days'],
  minutes: ['minute', 'minutes'],
};

/** The unit as a word after a number; empty for plain counts in English. */
export function unitLabel(unit: Unit, lang: Lang, plural = true): string {
  return pick({ zh: UNIT_ZH[unit], en: UNIT_EN[unit][plural ? 1 : 0] }, lang);
}

// Measure words English names apart from the unit: 23场次 are sessions, not times.
const EN_MEASURE: Record<string, [string, string]> = { 场次: ['session', 'sessions'] };

function withUnit(num: string, unit: Unit, lang: Lang, plural: boolean, measure?: string): string {
  const en = measure ? EN_MEASURE[measure] : undefined;
  const u = (pick({ zh: true, en: false }, lang) && measure) || en?.[plural ? 1 : 0] || unitLabel(unit, lang, plural);
  if (!u) return num;
  if (unit === 'percent' || pick({ zh: true, en: false }, lang)) return `${num}${u}`;
  return `${num} ${u}`;
}

/** A quantity as `formatQuantity` reads it: value, qualifier and unit, and optionally the source's measure word and a rate's period. */
export interface Quantity {
  value: number;
  high?: number | undefined;
  qualifier: Qualifier;
  unit: Unit;
  /** The source's measure word (条, 项, 家, 名), used in Chinese instead of the unit's default (个, 人). */
  measure?: string | undefined;
  /** For a rate: the period it applies to ("once a month"). */
  per?: RatePeriod | undefined;
  /** A bound the source draws rather than a rough figure: `超过600平方米`, not `600余平方米`. */
  strict?: boolean | undefined;
}

const PER_ZH: Record<RatePeriod, string> = {
  day: '每天',
  week: '每周',
  fortnight: '每两周',
  month: '每月',
  quarter: '每季度',
  year: '每年',
};
const PER_EN: Record<RatePeriod, string> = {
  day: 'a day',
  week: 'a week',
  fortnight: 'every two weeks',
  month: 'a month',
  quarter: 'a quarter',
  year: 'a year',
};

/**
 * A value with its qualifier and unit, as prose shows it: `more than 1,200 people`,
 * `1200余人`, `2–4 km`, `不少于1人`; a rate with its period: `每月1次` / `once a month`.
 */
export function formatQuantity(q: Quantity, lang: Lang): string {
  const core = quantityCore(q, lang);
  if (!q.per) return core;
  return pick({ zh: `${PER_ZH[q.per]}${core}`, en: `${core} ${PER_EN[q.per]}` }, lang);
}

function quantityCore(q: Quantity, lang: Lang): string {
  const n = formatNumber(q.value, lang);
  // "at least 1 person", "more than 1,200 people"; only "more than one" is plural at 1.
  const plural = q.value !== 1 || q.qualifier === 'more-than';
  if (q.qualifier === 'range') {
    const h = formatNumber(q.high ?? q.value, lang);
    return withUnit(pick({ zh: `${n}—${h}`, en: `${n}–${h}` }, lang), q.unit, lang, true, q.measure);
  }
  if (q.unit === 'age-years') return formatAge(q.value, q.qualifier, lang);
  // "once" and "twice", as English says them; other counts of times take the unit.
  const times =
    !pick({ zh: true, en: false }, lang) && q.unit === 'occurrence' && !(q.measure && EN_MEASURE[q.measure])
      ? ({ 1: 'once', 2: 'twice' } as Record<number, string>)[q.value]
      : undefined;
  const core = times ?? withUnit(n, q.unit, lang, plural, q.measure);
  if (pick({ zh: true, en: false }, lang)) {
    switch (q.qualifier) {
      // 余 follows whole numbers only (1200余人); a percentage or a fraction reads 超过… (超过2.3人).
      case 'more-than': {
        if (q.strict || q.unit === 'percent' || !Number.isInteger(q.value)) return `超过${core}`;
        // 余 goes before 万/亿 after a whole number of ten or more (500余万元), after it otherwise (1.6万余条).
        const m = /^(\d+)([万亿])$/.exec(n);
        return withUnit(m && Number(m[1]) >= 10 ? `${m[1]}余${m[2]}` : `${n}余`, q.unit, lang, true, q.measure);
      }
      case 'at-least':
        return q.unit === 'percent' ? `${core}以上` : `不少于${core}`;
      case 'nearly':
        return `近${core}`;
      case 'about':
        return `约${core}`;
      case 'under':
        return `不足${core}`;
      case 'at-most':
        return `不超过${core}`;
      default:
        return core;
    }
  }
  switch (q.qualifier) {
    case 'more-than':
      return `more than ${core}`;
    case 'at-least':
      return `at least ${core}`;
    case 'nearly':
      return `nearly ${core}`;
    case 'about':
      return `about ${core}`;
    case 'under':
      return `under ${core}`;
    case 'at-most':
      return `at most ${core}`;
    default:
      return core;
  }
}

/** An age as people say it: `45岁以下` / `45 or younger`, `不满18岁` / `under 18`, `about 40 years old`. */
function formatAge(age: number, qualifier: Qualifier, lang: Lang): string {
  const n = formatNumber(age, lang);
  if (pick({ zh: true, en: false }, lang)) {
    const zh: Partial<Record<Qualifier, string>> = {
      'at-most': `${n}岁以下`,
      under: `不满${n}岁`,
      'at-least': `${n}岁以上`,
      'more-than': `超过${n}岁`,
      about: `约${n}岁`,
      nearly: `近${n}岁`,
    };
    return zh[qualifier] ?? `${n}岁`;
  }
  const en: Partial<Record<Qualifier, string>> = {
    'at-most': `${n} or younger`,
    under: `under ${n}`,
    'at-least': `${n} or older`,
    'more-than': `over ${n}`,
    about: `about ${n} years old`,
    nearly: `nearly ${n} years old`,
  };
  return en[qualifier] ?? `${n} years old`;
}

/** Short symbol of a qualifier for charts and tables: `>`, `≥`, `≈`, `<`, `≤`, or empty. */
export function qualifierSymbol(q: Qualifier): string {
  return {
    exact: '',
    'more-than': '>',
    'at-least': '≥',
    about: '≈',
    nearly: '<≈',
    under: '<',
    'at-most': '≤',
    range: '',
  }[q];
}

const KIND: Record<Kind, Record<ContentLang, string>> = {
  achieved: { zh: '已实现（据称）', en: 'achieved (as claimed)' },
  target: { zh: '目标', en: 'target' },
  plan: { zh: '计划', en: 'plan' },
  standard: { zh: '标准或规定', en: 'standard or rule' },
  projection: { zh: '预期效果（据称）', en: 'expected effect (as claimed)' },
};
/** The kind of a figure in words. */
export function kindLabel(kind: Kind, lang: Lang): string {
  return pick(KIND[kind], lang);
}

const QUALIFIER: Record<Qualifier, Record<ContentLang, string>> = {
  exact: { zh: '确数', en: 'exact as given' },
  'more-than': { zh: '多于（下限）', en: 'more than (lower bound)' },
  'at-least': { zh: '不少于（下限）', en: 'at least (lower bound)' },
  about: { zh: '约数', en: 'about' },
  nearly: { zh: '接近（略低于）', en: 'nearly (just under)' },
  under: { zh: '不足（上限）', en: 'under (upper bound)' },
  'at-most': { zh: '不超过（上限）', en: 'at most (upper bound)' },
  range: { zh: '区间', en: 'range' },
};
/** The qualifier in words. */
export function qualifierLabel(q: Qualifier, lang: Lang): string {
  return pick(QUALIFIER[q], lang);
}

/** A partial ISO date in words: `2023-12` → `2023年12月` / `December 2023`. */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (pick({ zh: true, en: false }, lang)) return `${y}年${m ? `${m}月` : ''}${d ? `${d}日` : ''}`;
  if (!m) return String(y);
  const month = EN_MONTHS[m - 1];
  return d ? `${d} ${month} ${y}` : `${month} ${y}`;
}

/**
 * A date, or the span between two dates when only a range is known, without repeating the year:
 * `2022年6月至10月` / `June–October 2022`, `2022年6月至2023年1月` / `June 2022–January 2023`.
 */
export function formatDateRange(from: string, to: string | undefined, lang: Lang): string {
  if (!to || to === from) return formatDate(from, lang);
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  if (pick({ zh: true, en: false }, lang))
    return `${formatDate(from, lang)}至${sameYear ? formatDate(to, lang).slice(5) : formatDate(to, lang)}`;
  if (sameYear && from.length === 7 && to.length === 7)
    return `${formatDate(from, lang).slice(0, -5)}–${formatDate(to, lang)}`;
  return `${formatDate(from, lang)}–${formatDate(to, lang)}`;
}

/**
 * The year a model began, as the sources give it, in the words of its `startNote` where the year
 * marks something else than the founding (`2023年起深化，…` / `deepened from 2023; …`), or that
 * they do not give it: `来源未写明` / `not stated in the sources`. Releases before data-3c674d232b
 * could carry the site's estimate, marked as such.
 */
export function formatStartYear(
  year: number | null,
  estimated: boolean | undefined,
  lang: Lang,
  /** What the year marks, as a phrase with `{year}`: `{year}年起深化` / `deepened from {year}`. */
  note?: string,
): string {
  if (year === null) return pick({ zh: '来源未写明', en: 'not stated in the sources' }, lang);
  if (note) return note.replace('{year}', String(year));
  const mark = estimated ? pick({ zh: '（本站估计）', en: " (site's estimate)" }, lang) : '';
  return pick({ zh: `${year}年${mark}`, en: `${year}${mark}` }, lang);
}
