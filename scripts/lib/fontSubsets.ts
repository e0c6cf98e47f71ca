/**
 * The characters the site's Latin faces keep (scripts/writeFonts.ts): each costs bytes on every
 * page (a case study carries its fonts within 80 KB), so the sets stay this small, and a unit test
 * holds the English interface and prose to them (tests/unit/fonts.test.ts). Everything else, CJK
 * above all, falls through to the system faces of the font stack (src/styles/global.css).
 */
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join('');

/** What headings set in Latin: ASCII, the no-break space, curly quotes, dashes and the ellipsis. */
export const HEADING = `${range(0x20, 0x7e)}\u00a0‘’“”–—…`;
/** What text sets in Latin: the heading set, and the signs and accented letters English text and its figures use. */
export const TEXT = `${HEADING}·×²°±→↑éüö`;
