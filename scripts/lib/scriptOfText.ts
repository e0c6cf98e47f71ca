/**
 * The script a Chinese text is printed in, read from the text itself: `Hant` when at least 2% of
 * its Han characters are ones that Traditional → Simplified conversion changes (OpenCC's
 * TSCharacters, as src/searchCore/traditionalChars.ts lists them), else `Hans`. A Simplified text
 * has almost none (a name or a quotation at most); a Traditional one has a quarter or more.
 */
import { TRADITIONAL_GAPS } from '../../src/searchCore/traditionalChars.ts';

let traditional: Set<number> | undefined;

/** `Hans` or `Hant` for `text`. */
export function scriptOfText(text: string): 'Hans' | 'Hant' {
  if (!traditional) {
    traditional = new Set();
    let cp = 0;
    for (const g of TRADITIONAL_GAPS.split(',')) {
      cp += Number.parseInt(g, 36);
      traditional.add(cp);
    }
  }
  let han = 0;
  let trad = 0;
  for (const c of text) {
    if (!/\p{Script=Han}/u.test(c)) continue;
    han++;
    if (traditional.has(c.codePointAt(0)!)) trad++;
  }
  return han > 0 && trad / han >= 0.02 ? 'Hant' : 'Hans';
}
