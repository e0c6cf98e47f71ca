/**
 * The built pages the search index cuts records from: read as Astro writes them (the index
 * builder runs beside `astro build`), and checked once the site is built against the pages read.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexedDataset } from '../dataset/dataset.ts';
import { toSimplified } from './convert.ts';
import { filesUnder } from './filesUnder.ts';
import { byTypeAndUrl, convertedRecords, pairLanguages, WRITING_LANGS } from './recordSets.ts';
import { hasRecords, RecordBuilder, type SearchRecord } from './searchRecords.ts';
import type { Lang } from '../site/editions.ts';
import { editionPrefixes, localePath, splitLocalePath } from '../site/paths.ts';
import { converts } from '../site/script.ts';

/** A built page read while the build still runs: its file, size (bytes) and change time (ms since the epoch) when read. */
export interface EarlyPage {
  file: string;
  size: number;
  mtimeMs: number;
}

/**
 * Waits until `file` is completely written (it ends with `</html>`), checking every `ms`
 * milliseconds, and returns its text; false once `isSiteReady()` is true and the file is still
 * not there (the page is not built).
 */
async function whenWritten(file: string, isSiteReady: () => boolean, ms = 200): Promise<string | false> {
  for (;;) {
    const ready = isSiteReady();
    if (existsSync(file)) {
      const html = readFileSync(file, 'utf8');
      if (/<\/html>\s*$/.test(html)) return html;
    }
    if (ready) return false;
    await new Promise((ok) => setTimeout(ok, ms));
  }
}

/** The last build, for an incremental one: its folder, and the manifest of this build (src/build/pageKeys.ts), which Astro writes when it starts rendering. */
export interface PreviousBuild {
  dir: string;
  plan: string;
}

/** Pages an incremental build does not render again, and where they are: read once the plan is written. */
export interface KeptPages {
  dir: string;
  /** Whether the page at `pathname` is rendered in this build. */
  rendered: (pathname: string) => boolean;
}

/** Waits for the plan of `previous` (or the site to be ready without one, which fails) and returns the kept pages. */
export async function keptPages(previous: PreviousBuild, isSiteReady: () => boolean): Promise<KeptPages> {
  for (;;) {
    if (existsSync(previous.plan)) {
      const plan = JSON.parse(readFileSync(previous.plan, 'utf8')) as { rendered: string[] | null };
      const rendered = plan.rendered === null ? null : new Set(plan.rendered);
      return { dir: previous.dir, rendered: (p) => rendered === null || rendered.has(p) };
    }
    if (isSiteReady()) throw new Error(`search index: the build wrote no plan to ${previous.plan}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

/**
 * The records of the pages of `site` not made from the dataset (case studies and charts, the
 * charts given by id in their order), cut as Astro writes them (all before the first data point
 * page: astro.config.mjs orders them so), in a fixed order (language, case studies by district
 * id, charts in their order), so that Pagefind gets them in the same order however fast the
 * build runs. Pages not built (a district without a case study) are skipped once
 * `isSiteReady()` is true. Pages an incremental build keeps (`kept`) are read from the last build.
 * Returns the records, paired and in their stable order, and the pages read in `site`.
 */
export async function earlyPageRecords(
  site: string,
  data: IndexedDataset,
  chartIds: string[],
  isSiteReady: () => boolean,
  kept?: KeptPages,
): Promise<{ records: SearchRecord[]; pages: EarlyPage[] }> {
  const builder = new RecordBuilder(data, toSimplified);
  const paths = [
    ...data.districts.map((d) => `/case-studies/${d.id}/`).sort(),
    ...chartIds.map((id) => `/charts/${id}/`),
  ];
  const records: SearchRecord[] = [];
  const pages: EarlyPage[] = [];
  for (const lang of WRITING_LANGS) {
    for (const path of paths) {
      const pathname = localePath(lang, path);
      if (kept && !kept.rendered(pathname)) {
        const file = join(kept.dir, pathname, 'index.html');
        if (existsSync(file)) records.push(...builder.forPage(lang, path, readFileSync(file, 'utf8')));
        continue;
      }
      const file = join(site, pathname, 'index.html');
      const html = await whenWritten(file, isSiteReady);
      if (html === false) continue;
      const { size, mtimeMs } = statSync(file);
      pages.push({ file, size, mtimeMs });
      records.push(...builder.forPage(lang, path, html));
    }
  }
  pairLanguages(records);
  return { records: byTypeAndUrl([...records, ...convertedRecords(records)]), pages };
}

/**
 * Folders of a built site with no page to cut records from: Pagefind's and Astro's assets, and
 * the data point pages, whose records `dataRecords()` makes (at 3,000 districts, walking their
 * 270,000 folders took 15 s).
 */
const NO_RECORD_PAGES = new Set([
  'pagefind',
  '_astro',
  'data',
  ...editionPrefixes().map((e) => `${e.prefix.slice(1)}data`),
]);

/** Whether `path` (without language prefix) is a page whose records `dataRecords()` makes from the dataset. */
function isDataPath(path: string, data: IndexedDataset): boolean {
  return (
    path === '/sources/' ||
    path === '/glossary/' ||
    (/^\/data\/[a-z0-9-]+\/$/.test(path) && data.observation.has(path.slice(6, -1)))
  );
}

/**
 * The built pages whose records are cut from HTML, as [file, language, path without language
 * prefix], in file order: all pages with records but those whose records `dataRecords()` makes.
 */
function pagesWithRecords(site: string, data: IndexedDataset): [string, Lang, string][] {
  const pages: [string, Lang, string][] = [];
  for (const f of filesUnder(site, NO_RECORD_PAGES)) {
    if (!/(^|\/)index\.html$/.test(f)) continue;
    const rel = `/${f.replace(/index\.html$/, '')}`;
    const { lang, path } = splitLocalePath(rel);
    // A converting edition's records are made from the records of the edition it converts.
    if (converts(lang)) continue;
    if (hasRecords(path) && !isDataPath(path, data)) pages.push([join(site, f), lang, path]);
  }
  return pages;
}

/**
 * Checks the built `site` against the pages `earlyPageRecords` read while it was built: each is
 * unchanged since (same size and change time), and no other page has records cut from HTML.
 * Throws if not.
 */
export function checkPagesRead(site: string, data: IndexedDataset, pages: EarlyPage[]): void {
  for (const p of pages) {
    const now = statSync(p.file);
    if (now.size !== p.size || now.mtimeMs !== p.mtimeMs)
      throw new Error(`search index: ${p.file} changed after it was indexed`);
  }
  const read = new Set(pages.map((p) => p.file));
  const missed = pagesWithRecords(site, data)
    .filter(([file]) => !read.has(file))
    .map(([file]) => file);
  if (missed.length)
    throw new Error(`search index: pages with records that were not indexed: ${missed.slice(0, 5).join(', ')}`);
}
