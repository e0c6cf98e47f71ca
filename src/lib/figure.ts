/** How a record's `figure` relates to its `locator`. Pure. */

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
