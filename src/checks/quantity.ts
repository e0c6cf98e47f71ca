/**
 * Parses a Chinese quantity as the sources write it ("1200多人", "近50万元", "1.7萬戶", "2—4公里")
 * into a normalised value, its qualifier and its unit. Pure; no I/O.
 */
import type { Qualifier, Unit } from '../dataset/schemas.ts';

/** A parsed quantity: `value` in `unit` (万/亿 multiplied out); `high` only for ranges. */
export interface Quantity {
  value: number;
  high?: number;
  qualifier: Qualifier;
  unit: Unit;
}

// Only the Traditional forms that occur in quantities; whole-text conversion is not this module's job.
const HANT_TO_HANS: Record<string, string> = {
  萬: '万',
  億: '亿',
  餘: '余',
  戶: '户',
  個: '个',
  項: '项',
  畝: '亩',
  場: '场',
  條: '条',
  歲: '岁',
  種: '种',
  類: '类',
  級: '级',
  鐘: '钟',
  兩: '两',
  處: '处',
  約: '约',
  過: '过',
  於: '于',
  達: '达',
};

const UNITS: [string, Unit][] = [
  // Longest first: 人次 before 人, 平方公里 before 公里, 场次 before 场.
  ['平方公里', 'km2'],
  ['平方米', 'm2'],
  ['平米', 'm2'],
  ['公里', 'km'],
  ['人次', 'person-time'],
  ['场次', 'occurrence'],
  ['人', 'person'],
  ['名', 'person'],
  ['户', 'household'],
  ['件', 'case'],
  ['次', 'occurrence'],
  ['场', 'occurrence'],
  ['元', 'yuan'],
  ['%', 'percent'],
  ['亩', 'mu'],
  ['岁', 'age-years'],
  ['天', 'days'],
  ['个', 'count'],
  ['项', 'count'],
  ['家', 'count'],
  ['条', 'count'],
  ['所', 'count'],
  ['处', 'count'],
  ['座', 'count'],
  ['支', 'count'],
  ['村', 'count'],
  ['种', 'count'],
  ['类', 'count'],
  ['级', 'count'],
  ['分钟', 'minutes'],
];

const PREFIXES: [string, Qualifier][] = [
  ['不少于', 'at-least'],
  ['不低于', 'at-least'],
  ['至少', 'at-least'],
  ['超过', 'more-than'],
  ['突破', 'more-than'],
  ['多于', 'more-than'],
  ['逾', 'more-than'],
  ['不足', 'under'],
  ['不到', 'under'],
  ['低于', 'under'],
  ['近', 'nearly'],
  ['约', 'about'],
];

const SUFFIXES: [string, Qualifier][] = [
  ['以上', 'at-least'],
  ['以下', 'at-most'],
  ['左右', 'about'],
];

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Reads a Chinese numeral below 10,000 ("百", "一百二十", "十五"); NaN when it is not one. */
export function parseChineseNumeral(s: string): number {
  if (!s || !/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return NaN;
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else {
      total += (digit ?? 1) * SMALL_UNITS[ch]!;
      digit = null;
    }
  }
  return total + (digit ?? 0);
}

/** Folds full-width digits and punctuation, Traditional quantity characters and dash variants. */
export function normaliseQuantityText(s: string): string {
  let out = s.normalize('NFKC').replace(/\s+/g, '');
  for (const [t, h] of Object.entries(HANT_TO_HANS)) out = out.split(t).join(h);
  // 至/到 are range separators only between numerals: 至少 ("at least") must survive.
  return out
    .replace(/[—–－～~〜‒―-]+/g, '—')
    .replace(/([\d零一二两三四五六七八九十百千万])(?:至|到)(?=[\d零一二两三四五六七八九十])/g, '$1—');
}

function scale(n: number, multiplier: number): number {
  // Round away binary noise (1.7 × 10000 must be exactly 17000).
  return Math.round(n * multiplier * 1e6) / 1e6;
}

const NUM = String.raw`(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)`;
const BODY = new RegExp(String.raw`^${NUM}(?:—${NUM})?(多|余)?(万|亿)?(多|余)?(.*)$`);

/**
 * Parses one quantity. Throws an Error naming the input when it is not a quantity this parser
 * knows, so a provenance mismatch says what could not be read.
 */
export function parseQuantity(input: string): Quantity {
  let s = normaliseQuantityText(input);
  if (s === '一半' || s === '一半以上')
    return { value: 50, qualifier: s === '一半' ? 'exact' : 'at-least', unit: 'percent' };

  let qualifier: Qualifier = 'exact';
  const prefix = PREFIXES.find(([p]) => s.startsWith(p));
  if (prefix) {
    qualifier = prefix[1];
    s = s.slice(prefix[0].length);
  }
  const suffix = SUFFIXES.find(([p]) => s.endsWith(p));
  if (suffix) {
    if (qualifier !== 'exact') throw new Error(`"${input}": two qualifiers`);
    qualifier = suffix[1];
    s = s.slice(0, -suffix[0].length);
  }

  const m = BODY.exec(s);
  if (!m) throw new Error(`"${input}": no number found`);
  const [, a, b, approxBefore, mult, approxAfter, rest] = m;
  const read = (t: string) => (/^\d/.test(t) ? Number(t) : parseChineseNumeral(t));
  const multiplier = mult === '亿' ? 1e8 : mult === '万' ? 1e4 : 1;
  const value = scale(read(a!), multiplier);
  const high = b === undefined ? undefined : scale(read(b), multiplier);
  if (Number.isNaN(value) || (high !== undefined && Number.isNaN(high)))
    throw new Error(`"${input}": unreadable number`);

  if (approxBefore || approxAfter) {
    if (qualifier !== 'exact') throw new Error(`"${input}": two qualifiers`);
    qualifier = 'more-than';
  }
  if (high !== undefined) {
    if (qualifier !== 'exact') throw new Error(`"${input}": a range with a qualifier`);
    qualifier = 'range';
  }

  const unitEntry = UNITS.find(([u]) => rest === u);
  if (!unitEntry) throw new Error(`"${input}": unknown unit "${rest}"`);
  return high === undefined ? { value, qualifier, unit: unitEntry[1] } : { value, high, qualifier, unit: unitEntry[1] };
}
