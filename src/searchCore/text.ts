/**
 * Text rules shared by the index builder (Node) and the search page (browser), so that what is
 * indexed and what is searched are cut into words the same way.
 *
 * Chinese is indexed one character per word: Pagefind's own Chinese segmenter makes words such
 * as 大樱桃 that a query for 樱桃 cannot reach, and drops characters before punctuation. With one
 * character per word every one- or two-character query is a sequence of indexed words, and a
 * phrase is found by checking that its characters sit at consecutive word positions.
 */

// Character classes as regular-expression source, so that the patterns below can nest them.
/** Han ideographs and the CJK and full-width punctuation that sits between them without spaces. */
const CJK = '[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef]';
/** Punctuation both scripts use: dashes, curly quotes, ellipsis, middle dot, bullet. */
const SHARED = '[\\u2014\\u2018\\u2019\\u201c\\u201d\\u2026\\u00b7\\u2022]';
/**
 * Stands for a space of the original text next to Chinese, which `unspaceCjk` would otherwise
 * drop: a word of its own (Pagefind indexes nothing for it), shown as a space again. U+2060
 * (word joiner) is invisible should it ever be shown as it is.
 */
const KEPT = '\u2060';
const SKIP = `[\\u2014\\u2018\\u2019\\u201c\\u201d\\u2026\\u00b7\\u2022 ${KEPT}]*`;
/**
 * A tight character: an ideograph or CJK mark, or shared punctuation whose nearest other
 * character on either side (past spaces and more shared punctuation) is one. So Latin text keeps
 * its apostrophes and quotes: `district’s` stays one word, while `“党建”` is spaced.
 */
const TIGHT = `(?:${CJK}|(?<=${CJK}${SKIP})${SHARED}|${SHARED}(?=${SKIP}${CJK}))`;
const EVERY_TIGHT = new RegExp(TIGHT, 'gu');
const SPACE_BY_TIGHT = new RegExp(`(?<=${TIGHT}) | (?=${TIGHT})`, 'gu');
const SPACE_TO_DROP = new RegExp(`(?<=${TIGHT}|${KEPT}) | (?=${TIGHT}|${KEPT})`, 'gu');
const EVERY_KEPT = new RegExp(KEPT, 'g');
const HAN = /\p{Script=Han}/u;

/** Separates the extra, index-only text (translations, Simplified forms) from the page text. */
export const EXTRA_MARKER = '⁂';

/** True for a Han ideograph. */
export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

/** True when the text contains a Han ideograph. */
export function hasHan(s: string): boolean {
  return HAN.test(s);
}

/**
 * Puts a space on each side of every tight character (ideographs, CJK marks, shared punctuation
 * next to them) and collapses other whitespace: `党建工作区（75个）` → `党 建 工 作 区 （ 75 个 ）`.
 * Latin text is left as it is. A space the text had next to a tight character becomes a word of
 * its own (U+2060), so that `unspaceCjk` gives back exactly the text (whitespace collapsed).
 * Used on indexed text and on queries alike.
 */
export function spaceCjk(s: string): string {
  // Regular-expression passes, not a loop over characters: the index builder runs this on every
  // record (hundreds of thousands at 3,000 districts).
  return s
    .replace(EVERY_KEPT, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(SPACE_BY_TIGHT, ` ${KEPT} `)
    .replace(EVERY_TIGHT, ' $& ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * Undoes `spaceCjk` for display: drops every space next to a tight character or a kept-space
 * word, which then turns back into a space.
 */
export function unspaceCjk(s: string): string {
  return s.replace(SPACE_TO_DROP, '').replace(EVERY_KEPT, ' ');
}

/** Removes pinyin tone marks: `dǎngjiàn gōngzuòqū` → `dangjian gongzuoqu`. */
export function stripTones(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ü/g, 'u')
    .normalize('NFC');
}

/**
 * Folds text for matching: compatibility forms (full-width letters and digits) to plain, Latin
 * to lower case, hyphens and dashes between words to spaces, runs of whitespace to one space.
 */
export function foldForMatch(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(?<=\p{L})[-‐‑–](?=\p{L})/gu, ' ')
    .replace(/\s+/gu, ' ');
}

const gapSets = new Map<string, Set<number>>();

/** Code points as base-36 gaps from the previous one (`hasTraditional`'s list format). */
export function encodeGaps(codePoints: Iterable<number>): string {
  let prev = 0;
  return [...new Set(codePoints)]
    .sort((a, b) => a - b)
    .map((cp) => {
      const g = cp - prev;
      prev = cp;
      return g.toString(36);
    })
    .join(',');
}

/** True when the text has a character of `gaps` (code points as `encodeGaps` lists them). */
export function hasTraditional(s: string, gaps: string): boolean {
  let set = gapSets.get(gaps);
  if (!set) {
    set = new Set();
    let cp = 0;
    if (gaps)
      for (const g of gaps.split(',')) {
        cp += parseInt(g, 36);
        set.add(cp);
      }
    gapSets.set(gaps, set);
  }
  for (const ch of s) if (set.has(ch.codePointAt(0)!)) return true;
  return false;
}
