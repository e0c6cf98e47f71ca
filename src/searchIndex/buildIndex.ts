/**
 * Builds SITE/pagefind/: the search index of a built site, one record per case-study section,
 * data point, chart, source and glossary term (see searchRecords.ts), indexed with the Pagefind
 * Node API, plus SITE/pagefind/facets.<lang>.json (facetsFile.ts) and SITE/pagefind/t2s.<lang>.json (`<lang>` the edition's Pagefind language):
 * the part of the Traditional → Simplified dictionaries that can matter for that index
 * (convertSubset.ts). scripts/buildSearchIndex.ts is its command line.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDataset, type IndexedDataset } from '../dataset/dataset.ts';
import { checkPagesRead, earlyPageRecords, keptPages, type PreviousBuild } from './builtPages.ts';
import { t2sSubset } from './convertSubset.ts';
import { CorpusStats } from './corpusStats.ts';
import { facetsFile } from './facetsFile.ts';
import { LanguageIndex } from './languageIndex.ts';
import { ENTRY_FILE, writeSharedFiles } from './pagefindFiles.ts';
import {
  BUNDLE_DISTRICTS,
  bundleCount,
  bundleFolder,
  bundleLanguage,
  bundleObservations,
  bundlesOf,
} from './bundles.ts';
import { type BundleRecord, bundleKey, linkBundle, readBundleRecord, writeBundleRecord } from './keptBundles.ts';
import type { FacetRecord } from './facetsFile.ts';
import type { IndexBundle } from '../searchCore/query.ts';
import type { WrittenIndex } from './workerProtocol.ts';
import { addRecords } from './recordPages.ts';
import { byTypeAndUrl, dataRecords } from './recordSets.ts';
import { edition, LANGS, pick, type Lang } from '../site/editions.ts';

/** A scratch folder for record pages: in memory (/dev/shm) where there is one, as they are many and short-lived. */
function scratchFolder(): string {
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  return mkdtempSync(join(base, 'search-records-'));
}

/**
 * The bundle record to write (keptBundles.ts), and the last build's index folder and bundle
 * record, whose bundles are kept where their records are unchanged.
 */
export interface BundleReuse {
  record: string;
  last?: { pagefind: string; record: string };
}

/**
 * Indexes the records of the built site in folder `site` into `site`/pagefind and writes the
 * facets and t2s files; returns the number of records per language. Records are made from the
 * dataset (the build starts this beside Astro) and cut from the case-study and chart pages as
 * Astro writes them; then each language's index is made and written in turn, and the pages are
 * checked once `siteReady` resolves. `log` gets a line per step with its time in seconds.
 * In an incremental build, `previous` names the last build, where the pages not rendered again are.
 * `perBundle` is the number of districts per bundle of the index (bundles.ts). With `reuse`, the
 * bundle record is written, and a bundle with the same records as in `reuse.last` is linked from there.
 */
export async function buildSearchIndex(
  site: string,
  log: (line: string) => void = () => {},
  siteReady: Promise<void> = Promise.resolve(),
  previous?: PreviousBuild,
  perBundle = BUNDLE_DISTRICTS,
  reuse?: BundleReuse,
): Promise<Record<Lang, number>> {
  let t0 = performance.now();
  const lap = (what: string) => {
    const now = performance.now();
    log(`search index: ${what} took ${((now - t0) / 1000).toFixed(2)} s`);
    t0 = now;
  };
  const scratch = scratchFolder();
  try {
    return await indexAll(site, getDataset(), scratch, log, lap, siteReady, previous, perBundle, reuse);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function indexAll(
  site: string,
  data: IndexedDataset,
  scratch: string,
  log: (line: string) => void,
  lap: (what: string) => void,
  siteReady: Promise<void>,
  previous: PreviousBuild | undefined,
  perBundle: number,
  reuse: BundleReuse | undefined,
): Promise<Record<Lang, number>> {
  let ready = false;
  void siteReady.then(() => {
    ready = true;
  });
  // Imported here, not at the top: the chart definitions bring Plot and the maps (0.4 s and
  // 40 MB), and the records cut from pages need only their ids.
  const { CHARTS } = await import('../charts/index.ts');
  const early = await earlyPageRecords(
    site,
    data,
    CHARTS.map((c) => c.id),
    () => ready,
    previous && (await keptPages(previous, () => ready)),
  );
  lap(
    `cutting ${early.records.length} records from ${early.pages.length} case-study and chart pages as they were written`,
  );
  // The index is written while Astro may still be writing data point pages. One bundle
  // (bundles.ts) and one language at a time, each in a Pagefind service that is stopped once its
  // files are written: a service holds its whole index in memory, and writing one language's
  // index of 3,000 districts took one service 7–10 GB; on two cores, with Astro on one, services
  // side by side would share one core anyway. A bundle's records made from the dataset are made
  // when its turn comes, and only what the facets file needs is kept of them afterwards: the
  // text of every record at once took this process to 1.9 GB at 3,000 districts.
  const out = join(site, 'pagefind');
  rmSync(out, { recursive: true, force: true });
  const stats = Object.fromEntries(LANGS.map((l) => [l, new CorpusStats()])) as Record<Lang, CorpusStats>;
  const pageBundle = bundlesOf(early.records, data, perBundle);
  const bundles = Array.from({ length: bundleCount(data.districts.length, perBundle) }, (_, k) => k);
  // Each bundle's page records by themselves, so that each set can go once indexed.
  const pagesBy = new Map(bundles.map((k) => [k, early.records.filter((_, i) => pageBundle[i] === k)]));
  early.records.length = 0;
  const kept: FacetRecord[] = [];
  const fragments = Object.fromEntries(
    LANGS.map((l) => [l, { names: [] as string[], urls: [] as string[] }]),
  ) as Record<Lang, { names: string[]; urls: string[] }>;
  const folders = Object.fromEntries(LANGS.map((l) => [l, [] as IndexBundle[]])) as Record<Lang, IndexBundle[]>;
  let fromDataCount = 0;
  const lastRecord = readBundleRecord(reuse?.last?.record);
  const lastBundles = lastRecord?.perBundle === perBundle ? lastRecord.bundles : [];
  const record: BundleRecord = { perBundle, bundles: [] };
  for (const k of bundles) {
    const folder = bundleFolder(k);
    const fromDataK = dataRecords(data, bundleObservations(data, k, perBundle), k === 0);
    if (bundlesOf(fromDataK, data, perBundle).some((b) => b !== k))
      throw new Error(`search index: a record made for bundle ${k} belongs to another`);
    fromDataCount += fromDataK.length;
    const pagesK = pagesBy.get(k)!;
    pagesBy.delete(k);
    lap(
      `making the ${fromDataK.length} data point, source and glossary records${bundles.length > 1 ? ` of bundle ${k}` : ''}`,
    );
    const recordsK = [...fromDataK, ...pagesK];
    const key = reuse ? bundleKey(recordsK, k, perBundle) : '';
    const last = lastBundles[k];
    const linked = reuse?.last && last?.key === key ? linkBundle(reuse.last.pagefind, out, k) : 0;
    if (linked > 0) {
      // The same records as last time: the same files, and the same fragments for the facets file.
      for (const r of recordsK) pick(stats, r.lang).add(r);
      for (const lang of LANGS) {
        const f = last!.fragments[lang];
        if (!f) continue;
        for (const [i, name] of f.names.entries()) {
          fragments[lang].names.push(name);
          fragments[lang].urls.push(f.urls[i]!);
        }
        if (k > 0) folders[lang].push({ path: folder, language: bundleLanguage(edition(lang).pagefind, k) });
      }
      record.bundles.push(last!);
      for (const { url, lang, filters } of recordsK) kept.push({ url, lang, filters });
      lap(`keeping bundle ${k} of the last build (${linked} files linked)`);
      continue;
    }
    const mine: BundleRecord['bundles'][number] = { key, fragments: {} };
    const written: [string, WrittenIndex][] = [];
    for (const lang of LANGS) {
      if (!recordsK.some((r) => r.lang === lang)) {
        // The first bundle is what the search page loads first: it must have every language.
        if (k === 0) throw new Error(`search index: no ${lang} record in the first bundle`);
        continue;
      }
      const index = new LanguageIndex(lang, undefined, k);
      try {
        await addRecords([index], stats, fromDataK, scratch, '1-from-data');
        await addRecords([index], stats, pagesK, scratch, '2-pages');
        const start = performance.now();
        const result = await index.write(join(out, folder), scratch, k === 0);
        written.push([index.pagefindLanguage, result]);
        fragments[lang].names.push(...result.names);
        fragments[lang].urls.push(...result.urls);
        mine.fragments[lang] = { names: result.names, urls: result.urls };
        if (k > 0) folders[lang].push({ path: folder, language: index.pagefindLanguage });
        const which = bundles.length > 1 ? ` of bundle ${k} (pagefind/${folder})` : '';
        log(
          `search index: the ${lang} index${which} was written in ${((performance.now() - start) / 1000).toFixed(2)} s ` +
            `(${(index.pageBytes / 1e6).toFixed(1)} MB of record pages; ` +
            `files handed over ${result.through === 'memory' ? 'in memory' : 'through a folder'})`,
        );
      } finally {
        await index.close();
      }
      lap(`indexing the ${lang} records${bundles.length > 1 ? ` of bundle ${k}` : ''}`);
    }
    writeSharedFiles(
      written,
      join(out, folder),
      // A merged bundle needs only its entry file: the search page runs the first bundle's
      // script and WebAssembly for all of them (Pagefind's mergeIndex loads no second copy).
      k === 0 ? undefined : (path) => path === ENTRY_FILE,
    );
    for (const { url, lang, filters } of recordsK) kept.push({ url, lang, filters });
    record.bundles.push(mine);
  }
  if (reuse) writeBundleRecord(reuse.record, record);
  log(`search index: ${fromDataCount} data point, source and glossary records made from the dataset`);
  // Facets keep one order over all records (type, then URL), whatever order Pagefind got them in.
  const urlToRecord = new Map(byTypeAndUrl(kept).map((r, order) => [r.url, { r, order }]));
  if (urlToRecord.size !== kept.length) throw new Error('search index: two records share a URL');
  const counts = {} as Record<Lang, number>;
  for (const lang of LANGS) {
    const t2s = t2sSubset(stats[lang].chars);
    const facets = facetsFile(lang, urlToRecord, fragments[lang], t2s, folders[lang]);
    counts[lang] = fragments[lang].names.length;
    const name = edition(lang).pagefind;
    writeFileSync(join(out, `t2s.${name}.json`), JSON.stringify(t2s));
    writeFileSync(join(out, `facets.${name}.json`), JSON.stringify(facets));
  }
  lap('writing the facets and t2s files');
  await siteReady;
  lap('waiting for the rest of the built site');
  checkPagesRead(site, data, early.pages);
  lap('checking the built pages against the index');
  return counts;
}
