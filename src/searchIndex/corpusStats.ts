/** Counts over one language's search records, for its facets file (common words) and t2s file (characters). */
import { CHECK_ON_TEXT_UP_TO, recordWord } from '../searchCore/query.ts';
import { isHan, spaceCjk } from '../searchCore/text.ts';
import { indexedContent } from './recordPages.ts';
import type { SearchRecord } from './searchRecords.ts';

/**
 * A run of characters that `recordWord` can turn into a Han or number word: one with a digit or
 * anything outside ASCII. A run of ASCII letters and punctuation folds to Latin letters only.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range \x00-\x7f is all of ASCII, control characters included on purpose.
const MAY_BE_HAN_OR_NUMBER = /[^\x00-\x7f]|[0-9]/;

/**
 * What the facets and t2s files need to know of all records of one language, gathered one
 * record at a time: the characters that occur (`chars`), and in how many records each Han
 * character and number occurs (`df`: word → number of records, words as `recordWords` cuts them).
 */
export class CorpusStats {
  readonly chars = new Set<string>();
  readonly df = new Map<string, number>();

  /** Counts records; `content` is the record's `indexedContent` when the caller has it already. */
  add(r: SearchRecord, content = indexedContent(r)): this {
    for (const c of `${r.title} ${content}`) this.chars.add(c);
    const words = new Set<string>();
    for (const run of `${content} ${spaceCjk(r.title)}`.split(/\s+/u)) {
      if (!MAY_BE_HAN_OR_NUMBER.test(run)) continue;
      const w = recordWord(run);
      if (w && (isHan(w) || /^\p{N}+$/u.test(w))) words.add(w);
    }
    for (const w of words) this.df.set(w, (this.df.get(w) ?? 0) + 1);
    return this;
  }

  /** The Han characters and numbers in more than CHECK_ON_TEXT_UP_TO records, as `Facets.common` (src/searchCore/query.ts). */
  common(): string {
    const common = [...this.df]
      .filter(([, n]) => n > CHECK_ON_TEXT_UP_TO)
      .map(([w]) => w)
      .sort();
    return `${common.filter(isHan).join('')} ${common.filter((w) => !isHan(w)).join(' ')}`.trim();
  }
}
