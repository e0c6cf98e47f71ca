/** Figures in dataset text: how a record's `figure` relates to its `locator`, and figures typed into summaries. Pure. */
import type { Observation } from './schemas.ts';

/** Marks words the source puts between a qualifier and its number: 至少…1名 for 至少确定1名. */
export const ELISION = '…';
/** At most this many characters may stand where a figure has `…`. */
const MAX_ELIDED = 4;

/** Whether `figure` stands in `locator`, its `…` standing for up to four characters. */
export function figureInLocator(figure: string, locator: string): boolean {
  const parts = figure.split(ELISION);
  if (parts.length === 1) return locator.includes(figure);
  const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(parts.map(esc).join(`.{1,${MAX_ELIDED}}`)).test(locator);
}

/** English month names, as a regular-expression alternation. */
export const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

/**
 * Digit runs in a dataset text field (a summary, a definition) that are figures rather than years,
 * dates or parts of a quoted name (“1226”, "1+N+X"). Figures belong in observations.
 */
export function handTypedFigures(text: string): string[] {
  const unquoted = text.replace(/“[^”]*”|"[^"]*"|「[^」]*」|‘[^’]*’/g, (m) => ' '.repeat(m.length));
  const found: string[] = [];
  for (const m of unquoted.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const run = m[0];
    const after = unquoted.slice(m.index + run.length, m.index + run.length + 1);
    const around = unquoted.slice(Math.max(0, m.index - 10), m.index + run.length + 10);
    const isYear = /^\d{4}$/.test(run) && Number(run) >= 1949 && Number(run) <= 2030;
    const isZhDate = /^\d{1,2}$/.test(run) && /[月日]/.test(after);
    const isEnDate =
      /^\d{1,2}$/.test(run) && new RegExp(String.raw`(?:${MONTHS}) ${run}\b|\b${run} (?:${MONTHS})`).test(around);
    if (!isYear && !isZhDate && !isEnDate) found.push(run);
  }
  return found;
}

// Measure words a source may write after a count, with the Traditional forms the Traditional source uses.
const MEASURE = /(场次|人次|個|个|項|项|家|條|条|類|类|种|種|级|級|件|次|名|人|户|戶|处|處|所|座|支|场|場)$/;
const TO_SIMPLIFIED: Record<string, string> = {
  個: '个',
  項: '项',
  條: '条',
  類: '类',
  種: '种',
  級: '级',
  戶: '户',
  處: '处',
  場: '场',
};
const COUNTED = new Set(['count', 'person', 'case', 'occurrence', 'household']);

/**
 * The measure word the source counts in, in Simplified script (`1.6万余条` → `条`, `890個` → `个`),
 * or undefined where the unit is not a count or the figure names none (`五种` → `种`).
 */
export function measureWord(o: Pick<Observation, 'figure' | 'unit'>): string | undefined {
  if (!COUNTED.has(o.unit)) return undefined;
  const bare = o.figure.replace(/(以上|以下|左右)$/, '');
  const m = MEASURE.exec(bare);
  if (!m) return undefined;
  return [...m[1]!].map((c) => TO_SIMPLIFIED[c] ?? c).join('');
}
