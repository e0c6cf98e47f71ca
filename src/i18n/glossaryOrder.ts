/**
 * The glossary's reading order per edition: English readers look a term up by its English
 * rendering, A–Z; Chinese readers (either script) by the pinyin of its headword, as a Chinese
 * dictionary orders, grouped under the pinyin's first letter. Pure.
 */
import type { GlossaryTerm } from '../dataset/schemas.ts';
import { pick, type Lang } from '../site/editions.ts';

/** The letters of the index, A–Z (the group of terms that start with a digit comes first). */
export const INDEX_LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'] as const;
/** The group key of terms that start with a digit ("1+N+X", "15-minute …"). */
export const DIGITS = '0-9';

export interface GlossaryGroup {
  /** An index letter (`A`–`Z`) or `DIGITS`. */
  key: string;
  /** The group's terms in reading order. */
  terms: GlossaryTerm[];
}

// Letters only: spaces, hyphens, quotation marks and tone marks do not order (dǎng gōngwěi before
// dǎngjiàn, as the letters run); accents break ties, then the headword does.
const byLetters = new Intl.Collator('en', { sensitivity: 'base', ignorePunctuation: true, numeric: true });
const byAccents = new Intl.Collator('en', { sensitivity: 'accent', ignorePunctuation: true, numeric: true });

/** The text a term is looked up by in edition `lang`: the English rendering without a leading article or quotation mark, or the pinyin. */
export function sortKey(term: GlossaryTerm, lang: Lang): string {
  return pick(
    {
      zh: term.pinyin,
      en: term.en.replace(/^[\s"'“‘(]+/u, '').replace(/^the\s+/iu, ''),
    },
    lang,
  );
}

/** The index letter (or `DIGITS`) a term is filed under in edition `lang`. */
export function indexKey(term: GlossaryTerm, lang: Lang): string {
  const first = sortKey(term, lang)
    .normalize('NFD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .charAt(0)
    .toUpperCase();
  return /\d/.test(first) ? DIGITS : first;
}

/** Compares two terms in edition `lang`'s reading order. */
export function compareTerms(a: GlossaryTerm, b: GlossaryTerm, lang: Lang): number {
  const ka = sortKey(a, lang);
  const kb = sortKey(b, lang);
  return byLetters.compare(ka, kb) || byAccents.compare(ka, kb) || a.zhHans.localeCompare(b.zhHans, 'zh');
}

/** The terms grouped under their index letters, digits first, then A–Z, each group in reading order. */
export function glossaryGroups(terms: readonly GlossaryTerm[], lang: Lang): GlossaryGroup[] {
  const groups = new Map<string, GlossaryTerm[]>();
  for (const term of [...terms].sort((a, b) => compareTerms(a, b, lang))) {
    const key = indexKey(term, lang);
    groups.set(key, [...(groups.get(key) ?? []), term]);
  }
  const order = [DIGITS, ...INDEX_LETTERS] as string[];
  return [...groups]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([key, grouped]) => ({ key, terms: grouped }));
}
