/**
 * How search records reach Pagefind: each as a small generated HTML page, written into a folder
 * that a language's index then reads with Pagefind's directory indexer.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { escapeMarkup } from '../i18n/markup.ts';
import { EXTRA_MARKER, spaceCjk } from '../searchCore/text.ts';
import type { CorpusStats } from './corpusStats.ts';
import type { LanguageIndex } from './languageIndex.ts';
import type { SearchRecord } from './searchRecords.ts';
import { pick, type Lang } from '../site/editions.ts';

/** The text Pagefind indexes for a record: page text, the marker, then the index-only text (Chinese spaced one character per word). */
export function indexedContent(r: SearchRecord): string {
  return `${spaceCjk(r.content)} ${EXTRA_MARKER} ${spaceCjk(r.extra)}`;
}

/**
 * One record as a small HTML page for Pagefind's directory indexer: the index's language
 * (`LanguageIndex.pagefindLanguage`) on `<html>`, title,
 * type and the record's meta as `data-pagefind-meta`, its type as `data-pagefind-filter`, the
 * indexed text as the body. Pagefind takes a page's URL from its path, so a record whose URL has
 * a `#fragment` gets a path of its own and its real URL as meta `url` (the search page links to
 * `meta.url` when there is one). Returns the page's path under the folder, and its HTML.
 */
function recordPage(r: SearchRecord, content: string, pagefindLanguage: string): [string, string] {
  const hash = r.url.indexOf('#');
  const path =
    hash < 0 ? `${r.url}index.html` : `/_r/${createHash('sha1').update(r.url).digest('hex').slice(0, 20)}/index.html`;
  const meta = { title: r.title, type: r.filters.type[0], ...r.meta, ...(hash < 0 ? {} : { url: r.url }) };
  const head = [
    ...Object.entries(meta).map(([k, v]) => `<meta data-pagefind-meta="${k}[content]" content="${escapeMarkup(v)}">`),
    // Only the type as a Pagefind filter: the search page filters and counts with the facets
    // file, and every filter value would be carried in each result's fragment, which a query loads.
    ...r.filters.type.map((v) => `<meta data-pagefind-filter="type[content]" content="${escapeMarkup(v)}">`),
  ].join('');
  return [
    path,
    `<!DOCTYPE html><html lang="${pagefindLanguage}"><head><meta charset="utf-8">${head}</head><body><p>${escapeMarkup(content)}</p></body></html>`,
  ];
}

/**
 * Adds records to the language indexes through Pagefind's directory indexer, and counts them
 * into their language's `stats`: each record is written as a page (`recordPage`) into a folder
 * per batch and language under `scratch` (`scratch`/`batch`/<lang>), which that language's index
 * then reads, and the folder is removed. Throws if Pagefind indexed fewer pages than it was given.
 * Why not `addCustomRecord`: Pagefind 1.6's service formats its whole list of pages
 * into a log line on every record it adds, so adding n records one by one costs time in n²,
 * which was most of the build at 3,000 districts; a directory is added in one step.
 */
export async function addRecords(
  indexes: LanguageIndex[],
  stats: Record<Lang, CorpusStats>,
  records: SearchRecord[],
  scratch: string,
  batch: string,
): Promise<void> {
  await Promise.all(
    indexes.map(async (index) => {
      const dir = join(scratch, batch, index.lang);
      let n = 0,
        bytes = 0;
      for (const r of records) {
        if (r.lang !== index.lang) continue;
        const content = indexedContent(r);
        pick(stats, index.lang).add(r, content);
        const [path, html] = recordPage(r, content, index.pagefindLanguage);
        const file = join(dir, path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, html);
        bytes += Buffer.byteLength(html);
        n++;
      }
      if (n === 0) return;
      const indexed = await index.add(dir, bytes);
      if (indexed !== n) throw new Error(`pagefind: indexed ${indexed} of ${n} records in ${dir}`);
      // Now, not with the rest of the scratch folder at the end, where it would add to the build's wall time.
      rmSync(dir, { recursive: true, force: true });
    }),
  );
}
