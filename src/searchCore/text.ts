/**
 * Text rules shared by the index builder (Node) and the search page (browser), so that what is
 * indexed and what is searched are cut into words the same way.
 *
 * Chinese is indexed one character per word: Pagefind's own Chinese segmenter makes words such
 * as 大樱桃 that a query for 樱桃 cannot reach, and drops characters before punctuation. With one
 * character per word every one- or two-character query is a sequence of indexed words, and a
 * phrase is found by checking that its characters sit at consecutive word positions.
 */

/** Han ideographs, and the full-width punctuation that sits between them without spaces. */
const TIGHT =
  /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\u2022\u300a-\u300f]/u;
const EVERY_TIGHT = new RegExp(TIGHT.source, 'gu');
const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

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

/** True for a character that Chinese text sets without spaces (ideographs, full-width punctuation). */
export function isTight(ch: string): boolean {
  return TIGHT.test(ch);
}

/**
 * Puts a space on each side of every ideograph and full-width punctuation mark, and collapses
 * other whitespace: `党建工作区（75个）` → `党 建 工 作 区 （ 75 个 ）`. Used on indexed text and on
 * queries alike.
 */
export function spaceCjk(s: string): string {
  // One regular-expression pass, not a loop over characters: the index builder runs this on
  // every record (hundreds of thousands at 3,000 districts).
  return s.replace(/\s+/gu, ' ').replace(EVERY_TIGHT, ' $& ').replace(/ {2,}/g, ' ').trim();
}

/**
 * Undoes `spaceCjk` for display: drops a space next to an ideograph or full-width mark unless
 * the other side is a Latin letter (where Chinese typesetting keeps a gap).
 */
export function unspaceCjk(s: string): string {
  const chars = [...s];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === ' ' && i > 0 && i < chars.length - 1) {
      const a = chars[i - 1]!,
        b = chars[i + 1]!;
      // The middle dot joins blocks (` · `): its spaces stay.
      if (a !== '·' && b !== '·' && ((isTight(a) && !LATIN.test(b)) || (isTight(b) && !LATIN.test(a)))) continue;
    }
    out += ch;
  }
  return out;
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

let traditional: Set<number> | undefined;

/** True when the text has a character that Traditional → Simplified conversion would change. */
export function hasTraditional(s: string, gaps: string): boolean {
  if (!traditional) {
    traditional = new Set();
    let cp = 0;
    // biome-ignore lint/suspicious/noAssignInExpressions: a running sum; this form keeps the shipped search script as it was.
    for (const g of gaps.split(',')) traditional.add((cp += parseInt(g, 36)));
  }
  for (const ch of s) if (traditional.has(ch.codePointAt(0)!)) return true;
  return false;
}
