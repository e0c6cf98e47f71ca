/** Figures in dataset text: how a record's `figure` relates to its `locator`, and figures typed into summaries. Pure. */

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
