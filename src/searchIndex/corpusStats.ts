/** Counts over one language's search records, for its t2s file and the facets file's Traditional characters. */
import { indexedContent } from './recordPages.ts';
import type { SearchRecord } from './searchRecords.ts';

/** What the t2s file needs to know of all records of one language, gathered one record at a time: the characters that occur. */
export class CorpusStats {
  readonly chars = new Set<string>();

  /** Counts records; `content` is the record's `indexedContent` when the caller has it already. */
  add(r: SearchRecord, content = indexedContent(r)): this {
    for (const c of `${r.title} ${content}`) this.chars.add(c);
    return this;
  }
}
