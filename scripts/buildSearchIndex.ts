/**
 * Writes SITE/pagefind/: the search index of a built site, one record per case-study section,
 * data point, chart, source and glossary term (see src/searchIndex/searchRecords.ts), indexed with the
 * Pagefind Node API, plus SITE/pagefind/facets.<lang>.json: each indexed record's filter values
 * by Pagefind result id, so the search page can count and filter its own verified results, plus
 * the index's chunk table and common words, and SITE/pagefind/t2s.<lang>.json: the part of the
 * Traditional → Simplified dictionaries that can matter for that index (src/searchIndex/convertSubset.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { getDataset } from '../src/dataset/dataset.ts';
import type { Lang } from '../src/i18n/strings.ts';
import { escapeMarkup } from '../src/i18n/markup.ts';
import { hasRecords, RECORD_TYPES, RecordBuilder, type RecordFilters, type SearchRecord } from '../src/searchIndex/searchRecords.ts';
import { toSimplified } from '../src/searchIndex/convert.ts';
import { t2sSubset } from '../src/searchIndex/convertSubset.ts';
import { EXTRA_MARKER, isHan, spaceCjk } from '../src/searchCore/text.ts';
import { CHECK_ON_TEXT_UP_TO, recordWord } from '../src/searchCore/query.ts';

/** The filter keys, in the order facets files list them. */
export const FACET_KEYS = ['type', 'district', 'dimension', 'source', 'year'] as const;

/** What the search page loads besides Pagefind: filter values per result id. */
export interface FacetsFile {
  /** The distinct values of each filter key. */
  values: Record<(typeof FACET_KEYS)[number], string[]>;
  /** Pagefind result id → [order, ...indexes into `values[key]` per key]. `order` breaks ties. */
  pages: Record<string, [number, ...number[][]]>;
  /** The first word (or prefix) of each index chunk, in Pagefind's order: which words share a download. */
  chunks: string[];
  /** Han characters, a space, then numbers (space-separated) found in more than CHECK_ON_TEXT_UP_TO records. */
  common: string;
}

/**
 * A run of characters that `recordWord` can turn into a Han or number word: one with a digit or
 * anything outside ASCII. A run of ASCII letters and punctuation folds to Latin letters only.
 */
const MAY_BE_HAN_OR_NUMBER = /[^\x00-\x7f]|[0-9]/;

/**
 * What the facets and t2s files need to know of all records of one language, gathered one
 * record at a time: the characters that occur, and in how many records each Han character and
 * number occurs (as words of `recordWords`).
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

  /** The Han characters and numbers in more than CHECK_ON_TEXT_UP_TO records, as `FacetsFile.common`. */
  common(): string {
    const common = [...this.df].filter(([, n]) => n > CHECK_ON_TEXT_UP_TO).map(([w]) => w).sort();
    return `${common.filter(isHan).join('')} ${common.filter((w) => !isHan(w)).join(' ')}`.trim();
  }
}

/** Decodes the CBOR subset Pagefind's metadata uses (integers, strings, arrays, maps). */
export function decodeCbor(buf: Uint8Array): unknown {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let i = 0;
  const item = (): unknown => {
    const b = buf[i++]!;
    const major = b >> 5, info = b & 31;
    let n: number;
    if (info < 24) n = info;
    else if (info === 24) n = buf[i++]!;
    else if (info === 25) { n = view.getUint16(i); i += 2; }
    else if (info === 26) { n = view.getUint32(i); i += 4; }
    else if (info === 27) { n = Number(view.getBigUint64(i)); i += 8; }
    else if (info === 31 && (major === 4 || major === 5)) n = -1;
    else throw new Error(`cbor: unsupported item ${b} at ${i - 1}`);
    const count = (read: () => void) => { if (n >= 0) for (let k = 0; k < n; k++) read(); else { while (buf[i] !== 0xff) read(); i++; } };
    switch (major) {
      case 0: return n;
      case 1: return -1 - n;
      case 2: { const v = buf.slice(i, i + n); i += n; return v; }
      case 3: { const v = new TextDecoder().decode(buf.subarray(i, i + n)); i += n; return v; }
      case 4: { const a: unknown[] = []; count(() => a.push(item())); return a; }
      case 5: { const m = new Map<unknown, unknown>(); count(() => { const k = item(); m.set(k, item()); }); return m; }
      case 7: if (info === 20) return false; if (info === 21) return true; if (info === 22) return null; break;
    }
    throw new Error(`cbor: unsupported major type ${major}`);
  };
  return item();
}

/** The first word of each index chunk of one language, from SITE/pagefind/pagefind.<lang>_*.pf_meta. */
export function chunkStarts(out: string, lang: Lang): string[] {
  const name = readdirSync(out).find((f) => f.startsWith(`pagefind.${lang}_`) && f.endsWith('.pf_meta'));
  if (!name) throw new Error(`pagefind: no ${lang} metadata in ${out}`);
  const raw = gunzipSync(readFileSync(join(out, name)));
  const magic = 'pagefind_dcd';
  const body = raw.subarray(raw.subarray(0, magic.length).toString() === magic ? magic.length : 0);
  const meta = decodeCbor(body) as unknown[];
  const chunks = meta[2] as [string, string, string][] | undefined;
  if (!Array.isArray(chunks) || chunks.some((c) => typeof c[0] !== 'string' || typeof c[2] !== 'string' || !existsSync(join(out, 'index', `${c[2]}.pf_index`)))) {
    throw new Error(`pagefind: ${name} does not list index chunks as [from, to, hash] (Pagefind version changed?)`);
  }
  return chunks.map((c) => c[0]);
}

/**
 * The files below `dir` as `/`-separated paths relative to it, in name order, but none below
 * the folders `skip` names (relative paths too).
 */
// One list passed down, not out.push(...sub): spreading a folder of 100,000s of pages overflows the stack.
function filesUnder(dir: string, skip: ReadonlySet<string> = new Set(), rel = '', out: string[] = []): string[] {
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) { if (!skip.has(r)) filesUnder(dir, skip, r, out); }
    else out.push(r);
  }
  return out;
}

/**
 * Folders of a built site with no page to cut records from: Pagefind's and Astro's assets, and
 * the data point pages, whose records `dataRecords()` makes (at 3,000 districts, walking their
 * 270,000 folders took 15 s).
 */
const NO_RECORD_PAGES = new Set(['pagefind', '_astro', 'data', 'en/data']);

/**
 * The built pages whose records are cut from HTML, as [file, language, path without language
 * prefix], in file order: all pages with records but those whose records `dataRecords()` makes.
 */
function recordPages(site: string): [string, Lang, string][] {
  const pages: [string, Lang, string][] = [];
  for (const f of filesUnder(site, NO_RECORD_PAGES)) {
    if (!/(^|\/)index\.html$/.test(f)) continue;
    const rel = `/${f.replace(/index\.html$/, '')}`;
    const lang: Lang = rel.startsWith('/en/') ? 'en' : 'zh';
    const path = lang === 'en' ? rel.slice(3) : rel;
    if (hasRecords(path) && !isDataPath(path)) pages.push([join(site, f), lang, path]);
  }
  return pages;
}

/** The result URL of a fragment file's bytes (its meta `url` where it has one). */
function fragmentUrl(bytes: Uint8Array): string {
  const frag = JSON.parse(gunzipSync(bytes).toString('utf8').replace(/^pagefind_dcd/, '')) as { url: string; meta: Record<string, string> };
  return frag.meta.url ?? frag.url;
}

const isDataPointPath = (path: string): boolean => /^\/data\/[a-z0-9-]+\/$/.test(path) && getDataset().observation.has(path.slice(6, -1));
/** Whether `path` (without language prefix) is a page whose records `dataRecords()` makes from the dataset. */
const isDataPath = (path: string): boolean => path === '/sources/' || path === '/glossary/' || isDataPointPath(path);

/** Records in their stable order: type, then URL. */
function byTypeAndUrl(records: SearchRecord[]): SearchRecord[] {
  const typeRank = (r: SearchRecord) => RECORD_TYPES.indexOf(r.filters.type[0]);
  return records.sort((a, b) => typeRank(a) - typeRank(b) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/**
 * The data point, source and glossary term records of both languages, made from the dataset
 * alone (no built page needed, so they can be indexed while Astro still builds), in their
 * stable order.
 */
export function dataRecords(): SearchRecord[] {
  const data = getDataset();
  const builder = new RecordBuilder(data, toSimplified);
  const records = [
    ...data.observations.flatMap((o) => [builder.observation('zh', o.id), builder.observation('en', o.id)]),
    ...data.sources.flatMap((s) => [builder.source('zh', s.id), builder.source('en', s.id)]),
    ...data.glossary.flatMap((g) => [builder.glossaryTerm('zh', g.id), builder.glossaryTerm('en', g.id)]),
  ];
  pairLanguages(records);
  return byTypeAndUrl(records);
}

/** A built page read while the build still runs: its file, size and change time when read. */
interface EarlyPage { file: string; size: number; mtimeMs: number }

/**
 * Waits until `file` is completely written (it ends with `</html>`), checking every `ms`; false
 * once `siteReady` has resolved and the file is still not there (the page is not built).
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

/**
 * The records of the pages not made from the dataset (case studies and charts), cut as Astro
 * writes them (all before the first data point page: astro.config.mjs orders them so), in a fixed
 * order (language, case studies by district id, charts in their order), so that Pagefind gets
 * them in the same order however fast the build runs. Pages not built (a district without a
 * case study) are skipped once the site is ready. Returns the records and the pages read.
 */
async function earlyPageRecords(site: string, isSiteReady: () => boolean): Promise<{ records: SearchRecord[]; pages: EarlyPage[] }> {
  // Imported here, not at the top: every worker thread loads this module, and the chart
  // definitions bring Plot and the maps (0.4 s and 40 MB each) that only this function needs.
  const { CHARTS } = await import('../src/charts/index.ts');
  const builder = new RecordBuilder(getDataset(), toSimplified);
  const paths = [
    ...getDataset().districts.map((d) => `/case-studies/${d.id}/`).sort(),
    ...CHARTS.map((c) => `/charts/${c.id}/`),
  ];
  const records: SearchRecord[] = [];
  const pages: EarlyPage[] = [];
  for (const lang of ['zh', 'en'] as const) {
    for (const path of paths) {
      const file = join(site, lang === 'en' ? 'en' : '', path, 'index.html');
      const html = await whenWritten(file, isSiteReady);
      if (html === false) continue;
      const { size, mtimeMs } = statSync(file);
      pages.push({ file, size, mtimeMs });
      records.push(...builder.forPage(lang, path, html));
    }
  }
  pairLanguages(records);
  return { records: byTypeAndUrl(records), pages };
}

/**
 * Lets each record be found by its counterpart's title in the other language (a data point's
 * English label on the Chinese page and so on). Case-study sections pair by position when both
 * languages have the same number of sections.
 */
export function pairLanguages(records: SearchRecord[]): void {
  const key = (r: SearchRecord) => (r.lang === 'en' ? r.url.slice(3) : r.url);
  const page = (r: SearchRecord) => key(r).replace(/#.*$/, '');
  const groups = new Map<string, { zh: SearchRecord[]; en: SearchRecord[] }>();
  for (const r of records) {
    const g = groups.get(page(r)) ?? { zh: [], en: [] };
    g[r.lang].push(r);
    groups.set(page(r), g);
  }
  for (const g of groups.values()) {
    if (g.zh.length !== g.en.length) continue;
    const byKey = new Map(g.en.map((r) => [key(r), r]));
    g.zh.forEach((zh, i) => {
      const en = byKey.get(key(zh)) ?? (zh.filters.type[0] === 'case-study' ? g.en[i] : undefined);
      if (!en) return;
      zh.extra = `${zh.extra} · ${en.title}`;
      en.extra = `${en.extra} · ${zh.title}`;
    });
  }
}

/** The text Pagefind indexes for a record: page text, the marker, then the index-only text. */
export function indexedContent(r: SearchRecord): string {
  return `${spaceCjk(r.content)} ${EXTRA_MARKER} ${spaceCjk(r.extra)}`;
}

/**
 * One record as a small HTML page for Pagefind's directory indexer: language on `<html>`, title,
 * type and the record's meta as `data-pagefind-meta`, filters as `data-pagefind-filter`, the
 * indexed text as the body. Pagefind takes a page's URL from its path, so a record whose URL has
 * a `#fragment` gets a path of its own and its real URL as meta `url` (the search page links to
 * `meta.url` when there is one). Returns the page's path under the folder, and its HTML.
 */
function recordPage(r: SearchRecord, content: string): [string, string] {
  const hash = r.url.indexOf('#');
  const path = hash < 0 ? `${r.url}index.html` : `/_r/${createHash('sha1').update(r.url).digest('hex').slice(0, 20)}/index.html`;
  const meta = { title: r.title, type: r.filters.type[0], ...r.meta, ...(hash < 0 ? {} : { url: r.url }) };
  const head = [
    ...Object.entries(meta).map(([k, v]) => `<meta data-pagefind-meta="${k}[content]" content="${escapeMarkup(v)}">`),
    ...Object.entries(r.filters).flatMap(([k, vs]: [string, string[]]) => vs.map((v) => `<meta data-pagefind-filter="${k}[content]" content="${escapeMarkup(v)}">`)),
  ].join('');
  return [path, `<!DOCTYPE html><html lang="${r.lang}"><head><meta charset="utf-8">${head}</head><body><p>${escapeMarkup(content)}</p></body></html>`];
}

/** What `LanguageIndex.write` gives back: the files all languages share, and each fragment's result URL. */
interface WrittenIndex {
  /** Files every language's index has (Pagefind's scripts, its entry file, the generic WebAssembly), path → bytes. */
  shared: [string, Uint8Array][];
  /** Fragment file names, in name order. */
  names: string[];
  /** The result URL of each fragment in `names` (its meta `url` where it has one). */
  urls: string[];
  /** How Pagefind handed the files over: in memory, or through a folder (`IN_MEMORY_PAGE_BYTES`). */
  through: 'memory' | 'folder';
}

/** Files of Pagefind's own UIs, which the site does not use (they inject inline styles the Content-Security-Policy forbids). */
const UNUSED_BUNDLE = /^pagefind-(component-ui|modular-ui|ui|highlight)\./;

/**
 * Writes the files of one language's index (as Pagefind's `getFiles` gives them) into `out`:
 * the ones that belong to `lang` alone (their names start with it); returns the others, and the
 * result URL of each fragment, read from the fragment in memory.
 */
export function writeLanguageFiles(files: { path: string; content: Uint8Array }[], out: string, lang: Lang): Omit<WrittenIndex, 'through'> {
  const own = new RegExp(`^((fragment|index|filter)/${lang}_[^/]+|pagefind\\.${lang}_[^/]+\\.pf_meta|wasm\\.${lang}\\.pagefind)$`);
  const shared: [string, Uint8Array][] = [];
  const fragments: [string, string][] = [];
  const made = new Set<string>();
  for (const { path, content } of files) {
    if (!own.test(path)) {
      if (!UNUSED_BUNDLE.test(path)) shared.push([path, content]);
      continue;
    }
    const file = join(out, path);
    const dir = dirname(file);
    if (!made.has(dir)) { mkdirSync(dir, { recursive: true }); made.add(dir); }
    // 'wx': a file of another language's index by the same name would be a mix-up, not a file to replace.
    writeFileSync(file, content, { flag: 'wx' });
    if (path.startsWith('fragment/')) fragments.push([path.slice('fragment/'.length), fragmentUrl(content)]);
  }
  fragments.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { shared, names: fragments.map(([name]) => name), urls: fragments.map(([, url]) => url) };
}

/**
 * Bytes of record pages in one language above which Pagefind writes its files to a folder for us
 * to read rather than sending them in memory. Its service sends them as one base64 message,
 * which the Node API joins into one string, and a string holds at most 2^29 - 24 characters. The
 * message is about 1.8 times the files (base64 twice), and the files (compressed fragments and
 * index chunks) are smaller than the pages: so below this, the message stays under 450 million
 * characters. The files are in fact about 55 % of the pages (300 districts: 11.3 MB of Chinese
 * index files from 20.8 MB of pages), and at 3,000 districts each language has about 210 MB.
 */
const IN_MEMORY_PAGE_BYTES = 250e6;

/**
 * A Pagefind index of one language, kept by a worker thread of its own. Pagefind's Node API
 * runs one service per thread, and the service's writing keeps about one core busy: with
 * one service per language, the two languages' indexes are written side by side. Pagefind
 * writes each language to files of their own, so the result is the same as one service's.
 */
export class LanguageIndex {
  readonly lang: Lang;
  /** Above this many bytes of record pages, `write` has Pagefind write its files to a folder first. */
  private readonly inMemoryPageBytes: number;
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  private calls = 0;
  #pageBytes = 0;
  private failure: Error | undefined;

  constructor(lang: Lang, inMemoryPageBytes = IN_MEMORY_PAGE_BYTES) {
    this.lang = lang;
    this.inMemoryPageBytes = inMemoryPageBytes;
    this.worker = new Worker(new URL(import.meta.url), { workerData: { pagefindLanguage: lang } });
    this.worker.on('message', ({ call, result, error }: { call: number; result?: unknown; error?: string }) => {
      const w = this.waiting.get(call)!;
      this.waiting.delete(call);
      if (error === undefined) w.ok(result); else w.fail(new Error(`pagefind (${lang}): ${error}`));
    });
    const stop = (e: Error) => {
      this.failure ??= e;
      for (const w of this.waiting.values()) w.fail(e);
      this.waiting.clear();
    };
    this.worker.on('error', stop);
    this.worker.on('exit', (code) => stop(new Error(`pagefind (${lang}): worker exited with ${code}`)));
  }

  private call(op: 'add' | 'write' | 'close', path = '', via?: string): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const call = ++this.calls;
    return new Promise((ok, fail) => {
      this.waiting.set(call, { ok, fail });
      this.worker.postMessage({ call, op, path, via });
    });
  }

  /** Adds the record pages in `dir` (all of this language, `bytes` in all); resolves to the number Pagefind indexed. */
  add(dir: string, bytes: number): Promise<number> {
    this.#pageBytes += bytes;
    return this.call('add', dir) as Promise<number>;
  }
  /** Bytes of record pages added so far: how large the index's files can be. */
  get pageBytes(): number { return this.#pageBytes; }
  /**
   * Writes this language's index files into `out` (the folder every language shares: their
   * file names start with the language) and returns the rest, which every language's index
   * has, for the caller to write once; with the result URL of each fragment, in name order.
   * Pagefind hands the files over in memory or, for an index too large for that
   * (`inMemoryPageBytes`), writes them into a folder under `scratch` first.
   */
  write(out: string, scratch: string): Promise<WrittenIndex> {
    const via = this.pageBytes > this.inMemoryPageBytes ? join(scratch, `index-${this.lang}`) : undefined;
    return this.call('write', out, via) as Promise<WrittenIndex>;
  }
  /** Stops the Pagefind service and the worker. */
  async close(): Promise<void> {
    if (!this.failure) await this.call('close').catch(() => {});
    await this.worker.terminate();
  }
}

/** What Pagefind's `getFiles` gives, by way of `writeFiles` into `dir` (removed again): for indexes too large to send in memory. */
async function filesThroughFolder(index: pagefind.PagefindIndex, dir: string): Promise<{ errors: string[]; files: { path: string; content: Uint8Array }[] }> {
  rmSync(dir, { recursive: true, force: true });
  const { errors } = await index.writeFiles({ outputPath: dir });
  const files = errors.length ? [] : filesUnder(dir).map((path) => ({ path, content: readFileSync(join(dir, path)) }));
  rmSync(dir, { recursive: true, force: true });
  return { errors, files };
}

/** The worker side of `LanguageIndex`: one Pagefind service, one index. */
function serveLanguageIndex(lang: Lang): void {
  const created = pagefind.createIndex({});
  parentPort!.on('message', async ({ call, op, path, via }: { call: number; op: 'add' | 'write' | 'close'; path: string; via?: string }) => {
    try {
      const { index, errors } = await created;
      if (!index) throw new Error(errors.join('; '));
      let result: unknown;
      if (op === 'add') {
        const res = await index.addDirectory({ path });
        if (res.errors.length) throw new Error(res.errors.join('; '));
        result = res.page_count;
      } else if (op === 'write') {
        const res = via === undefined ? await index.getFiles() : await filesThroughFolder(index, via);
        if (res.errors.length) throw new Error(res.errors.join('; '));
        result = { ...writeLanguageFiles(res.files, path, lang), through: via === undefined ? 'memory' : 'folder' };
      } else {
        await pagefind.close();
      }
      parentPort!.postMessage({ call, result });
    } catch (e) {
      parentPort!.postMessage({ call, error: (e as Error).message });
    }
  });
}

/**
 * Adds records to the language indexes through Pagefind's directory indexer, and counts them
 * into their language's `stats`: each record is written as a page (`recordPage`) into a folder
 * per batch and language under `scratch`, which that language's index then reads, and the folder
 * is removed. Why not `addCustomRecord`: Pagefind 1.6's service formats its whole list of pages
 * into a log line on every record it adds, so adding n records one by one costs time in n²,
 * which was most of the build at 3,000 districts; a directory is added in one step.
 */
export async function addRecords(indexes: LanguageIndex[], stats: Record<Lang, CorpusStats>, records: SearchRecord[], scratch: string, batch: string): Promise<void> {
  await Promise.all(indexes.map(async (index) => {
    const dir = join(scratch, batch, index.lang);
    let n = 0, bytes = 0;
    for (const r of records) {
      if (r.lang !== index.lang) continue;
      const content = indexedContent(r);
      stats[index.lang].add(r, content);
      const [path, html] = recordPage(r, content);
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
  }));
}

/**
 * Writes every language's index into `out` at once (each worker writes its own language's files)
 * and then, once, the files they all have: these must be the same bytes in every language but
 * the entry file, which then lists every language in name order, as one service writes it.
 * Returns, per language, the fragment file names in name order and the result URL of each.
 * `scratch` takes the files of an index too large to hand over in memory (`LanguageIndex.write`);
 * `written` hears when each language is done.
 */
export async function writeIndexes(indexes: LanguageIndex[], out: string, scratch: string, written: (index: LanguageIndex, seconds: number, through: WrittenIndex['through']) => void): Promise<Record<Lang, { names: string[]; urls: string[] }>> {
  const start = performance.now();
  rmSync(out, { recursive: true, force: true });
  const done: [Lang, WrittenIndex][] = await Promise.all(indexes.map(async (index) => {
    const result = await index.write(out, scratch);
    written(index, (performance.now() - start) / 1000, result.through);
    return [index.lang, result] as [Lang, WrittenIndex];
  }));
  const entryFile = 'pagefind-entry.json';
  type Entry = { version: string; languages: Record<string, unknown>; include_characters?: unknown };
  const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');
  const [firstLang, first] = done[0]!;
  const shared = new Map(first.shared);
  if (!shared.has(entryFile)) throw new Error(`pagefind: the ${firstLang} index has no ${entryFile}`);
  const entry = JSON.parse(text(shared.get(entryFile))) as Entry;
  const languages = { ...entry.languages };
  for (const [lang, other] of done.slice(1)) {
    const files = new Map(other.shared);
    if ([...files.keys()].sort().join() !== [...shared.keys()].sort().join()) throw new Error(`pagefind: the ${lang} and ${firstLang} indexes do not share the same files`);
    for (const [path, bytes] of files) {
      if (path !== entryFile && !Buffer.from(bytes).equals(Buffer.from(shared.get(path)!))) throw new Error(`pagefind: ${path} differs between the ${lang} and ${firstLang} indexes`);
    }
    const theirs = JSON.parse(text(files.get(entryFile))) as Entry;
    if (theirs.version !== entry.version || JSON.stringify(theirs.include_characters) !== JSON.stringify(entry.include_characters)) {
      throw new Error(`pagefind: the ${lang} index's ${entryFile} does not match the ${firstLang} one's`);
    }
    Object.assign(languages, theirs.languages);
  }
  entry.languages = Object.fromEntries(Object.keys(languages).sort().map((k) => [k, languages[k]]));
  for (const [path, bytes] of shared) {
    const file = join(out, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, path === entryFile ? JSON.stringify(entry) : bytes, { flag: 'wx' });
  }
  return Object.fromEntries(done.map(([lang, { names, urls }]) => [lang, { names, urls }])) as Record<Lang, { names: string[]; urls: string[] }>;
}

/** A scratch folder for record pages: in memory (/dev/shm) where there is one, as they are many and short-lived. */
function scratchFolder(): string {
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  return mkdtempSync(join(base, 'search-records-'));
}

/**
 * Indexes the records into SITE/pagefind and writes the facets files; returns record counts.
 * Records made from the dataset go to Pagefind first (the build starts this beside Astro), then
 * the records cut from the case-study and chart pages as Astro writes them; the index is written
 * then, and the pages are checked once `siteReady` resolves.
 */
export async function buildSearchIndex(site: string, log: (line: string) => void = () => {}, siteReady: Promise<void> = Promise.resolve()): Promise<Record<Lang, number>> {
  let t0 = performance.now();
  const lap = (what: string) => { const now = performance.now(); log(`search index: ${what} took ${((now - t0) / 1000).toFixed(2)} s`); t0 = now; };
  const indexes = (['zh', 'en'] as const).map((lang) => new LanguageIndex(lang));
  const scratch = scratchFolder();
  try {
    return await indexAll(site, indexes, scratch, log, lap, siteReady);
  } finally {
    await Promise.all(indexes.map((index) => index.close()));
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function indexAll(site: string, indexes: LanguageIndex[], scratch: string, log: (line: string) => void, lap: (what: string) => void, siteReady: Promise<void>): Promise<Record<Lang, number>> {
  const fromData = dataRecords();
  lap(`making ${fromData.length} data point, source and glossary records`);
  const stats = { zh: new CorpusStats(), en: new CorpusStats() };
  await addRecords(indexes, stats, fromData, scratch, '1-from-data');
  lap('adding them to Pagefind and counting their words');
  let ready = false;
  void siteReady.then(() => { ready = true; });
  const early = await earlyPageRecords(site, () => ready);
  lap(`cutting ${early.records.length} records from ${early.pages.length} case-study and chart pages as they were written`);
  await addRecords(indexes, stats, early.records, scratch, '2-pages');
  lap('adding them to Pagefind and counting their words');
  // Facets keep one order over all records (type, then URL), whatever order Pagefind got them in.
  const records = byTypeAndUrl([...fromData, ...early.records]);
  const urlToRecord = new Map(records.map((r, order) => [r.url, { r, order }]));
  if (urlToRecord.size !== records.length) throw new Error('search index: two records share a URL');
  // Every record is known now: the index is written while Astro may still be writing data point
  // pages. Each language's fragments are read as soon as its index is written (the English one
  // is usually done first: the Chinese one has more words).
  const out = join(site, 'pagefind');
  const fragments = await writeIndexes(indexes, out, scratch, (index, seconds, through) => log(`search index: the ${index.lang} index was written after ${seconds.toFixed(2)} s (${(index.pageBytes / 1e6).toFixed(1)} MB of record pages; files handed over ${through === 'memory' ? 'in memory' : 'through a folder'})`));
  lap('writing the Pagefind index');
  const counts: Record<Lang, number> = { zh: 0, en: 0 };
  for (const lang of ['zh', 'en'] as const) {
    // Sets and index maps: with thousands of districts and sources, array lookups per record grew quadratically.
    const seen = Object.fromEntries(FACET_KEYS.map((k) => [k, new Set<string>()])) as Record<(typeof FACET_KEYS)[number], Set<string>>;
    for (const { r } of urlToRecord.values()) {
      if (r.lang !== lang) continue;
      for (const k of FACET_KEYS) for (const v of r.filters[k as keyof RecordFilters]) seen[k].add(v);
    }
    const values = Object.fromEntries(FACET_KEYS.map((k) => [k, [...seen[k]]])) as FacetsFile['values'];
    for (const k of FACET_KEYS) values[k].sort((a, b) => (k === 'type' ? RECORD_TYPES.indexOf(a as never) - RECORD_TYPES.indexOf(b as never) : a < b ? -1 : a > b ? 1 : 0));
    const position = Object.fromEntries(FACET_KEYS.map((k) => [k, new Map(values[k].map((v, i) => [v, i]))])) as Record<(typeof FACET_KEYS)[number], Map<string, number>>;
    const pages: FacetsFile['pages'] = {};
    const { names, urls } = fragments[lang];
    for (const [i, name] of names.entries()) {
      const url = urls[i]!;
      const hit = urlToRecord.get(url);
      if (!hit) throw new Error(`pagefind: fragment ${name} has unknown url ${url}`);
      pages[name.replace(/\.pf_fragment$/, '')] = [hit.order, ...FACET_KEYS.map((k) => hit.r.filters[k as keyof RecordFilters].map((v) => position[k].get(v)!))];
      counts[lang]++;
    }
    writeFileSync(join(out, `t2s.${lang}.json`), JSON.stringify(t2sSubset(stats[lang].chars)));
    writeFileSync(join(out, `facets.${lang}.json`), JSON.stringify({ values, pages, chunks: chunkStarts(out, lang), common: stats[lang].common() } satisfies FacetsFile));
  }
  lap('writing the facets and t2s files');
  await siteReady;
  lap('waiting for the rest of the built site');
  // A page read before the build ended must be the page it ended with, and no other page may have records.
  for (const p of early.pages) {
    const now = statSync(p.file);
    if (now.size !== p.size || now.mtimeMs !== p.mtimeMs) throw new Error(`search index: ${p.file} changed after it was indexed`);
  }
  const read = new Set(early.pages.map((p) => p.file));
  const missed = recordPages(site).filter(([file]) => !read.has(file)).map(([file]) => file);
  if (missed.length) throw new Error(`search index: pages with records that were not indexed: ${missed.slice(0, 5).join(', ')}`);
  lap('checking the built pages against the index');
  return counts;
}

if (!isMainThread && (workerData as { pagefindLanguage?: unknown } | null)?.pagefindLanguage) serveLanguageIndex((workerData as { pagefindLanguage: Lang }).pagefindLanguage);

if (import.meta.main && isMainThread) {
  const { values } = parseArgs({ options: { site: { type: 'string' }, 'wait-for-site': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(`Usage: node scripts/buildSearchIndex.ts --site DIR [--wait-for-site]

Reads the built pages in DIR, writes DIR/pagefind/ (Pagefind index of case-study sections, data
points, charts, sources and glossary terms in both languages), DIR/pagefind/facets.<lang>.json
(filter values per result, index chunk table, common words) and DIR/pagefind/t2s.<lang>.json
(the Traditional → Simplified dictionary entries that can matter for that index).

--wait-for-site  for a build in progress (the build runs this beside Astro): indexes the data
                 points, sources and glossary terms (made from the dataset) at once, reads the
                 case-study and chart pages as Astro writes them and writes the index, then waits
                 for the message "site-ready" from the parent process (IPC) to check that the
                 pages it read are the ones built and that no other page has records. Exits 1 if the parent goes away or sends anything else.`);
    process.exit(0);
  }
  if (!values.site) { console.error('buildSearchIndex: --site DIR is required'); process.exit(1); }
  let siteReady = Promise.resolve();
  if (values['wait-for-site']) {
    if (!process.send) { console.error('buildSearchIndex: --wait-for-site needs an IPC channel to the parent'); process.exit(1); }
    let ready = false;
    siteReady = new Promise<void>((ok) => {
      process.once('message', (m) => {
        if (m !== 'site-ready') { console.error(`buildSearchIndex: stopped by the build (${String(m)})`); process.exit(1); }
        ready = true;
        process.disconnect();
        ok();
      });
      process.once('disconnect', () => { if (!ready) { console.error('buildSearchIndex: the build went away'); process.exit(1); } });
    });
  }
  const counts = await buildSearchIndex(values.site, console.log, siteReady);
  console.log(`search index: ${counts.zh} zh and ${counts.en} en records`);
}
