/**
 * Writes what a host needs beside the pages of a build: a Brotli (`.br`) and a gzip (`.gz`) copy
 * beside every text file of at least MIN_BYTES, `_headers` (Netlify, Cloudflare Pages) and the
 * nginx snippets in `_host/`, with the HTTP-header CSP made from the pages' `<meta>` policies.
 * scripts/buildSite.ts runs it on the scratch folder before swapping it in.
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { listFiles } from '../src/checks/builtSite.ts';
import {
  headerPolicy,
  headersFile,
  isHostOnly,
  NGINX_BROTLI,
  NGINX_FILES,
  nginxConf,
  type HeaderPolicy,
} from '../src/outputs/hostHeaders.ts';

/**
 * Files smaller than this get no copies. Writing files is most of the cost here (on this machine
 * about 0.7 ms per file written against 0.02 ms per KB compressed), and most of a large build's
 * files are data point pages of 9–11 KB: at 1,000 districts 137,000 of them in three editions,
 * which copies would double with 274,000 more files. A response of 12 KB with the site's headers
 * (about 2 KB, most of it the CSP) fits in TCP's first flight (10 segments, about 14.6 KB)
 * compressed or not, so these copies would save bytes but no round trip; a host that compresses
 * on the fly (Debian's nginx.conf has `gzip on` for HTML) still sends them gzipped.
 */
export const MIN_BYTES = 12_288;

/** Extensions of the text files that get compressed copies (Pagefind's own files are gzip already). */
export const COMPRESSED_EXTENSIONS = [
  'html',
  'css',
  'js',
  'mjs',
  'json',
  'svg',
  'xml',
  'csv',
  'txt',
  'cff',
  'webmanifest',
];
const TEXT_FILE = new RegExp(`\\.(${COMPRESSED_EXTENSIONS.join('|')})$`);

/**
 * Compression settings, fixed so that output is byte-identical from build to build (node:zlib
 * writes no time or name into a gzip header). Brotli quality 6, not 11: on this site's pages 11
 * is 14 % smaller but 50 times slower (about 1 MB/s against 50 MB/s), which a 3,000-district
 * build (gigabytes of HTML) cannot afford; gzip 9 costs hardly more than 6.
 */
const BROTLI = {
  params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
};
const GZIP = { level: 9 };
const br = promisify(brotliCompress);
const gz = promisify(gzip);

/** The `<meta>` CSP of an HTML page, unescaped, or undefined. */
export function metaCsp(html: string): string | undefined {
  const m = /<meta\s+http-equiv=["']content-security-policy["']\s+content="([^"]*)"/i.exec(html);
  return m?.[1]
    ?.replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** What writeHostFiles did, for its report line and the tests. */
export interface HostFilesReport {
  compressed: number;
  /** Files whose copies the early pass made (`writeEarlyCopies`) and this run kept. */
  kept: number;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
  policy: HeaderPolicy;
}

/** Sizes of the copies written, for the report line. */
type CopyTally = Pick<HostFilesReport, 'compressed' | 'bytes' | 'brotliBytes' | 'gzipBytes'>;

/** Writes the Brotli and gzip copies of file `f` of `dir` (its bytes `data`) and counts them in `tally`. */
async function writeCopies(dir: string, f: string, data: Buffer, tally: CopyTally): Promise<void> {
  const [b, g] = await Promise.all([br(data, BROTLI), gz(data, GZIP)]);
  tally.compressed++;
  tally.bytes += data.length;
  // A copy that is not smaller is left out: the server then sends the file itself.
  if (b.length < data.length) {
    await writeFile(join(dir, `${f}.br`), b);
    tally.brotliBytes += b.length;
  }
  if (g.length < data.length) {
    await writeFile(join(dir, `${f}.gz`), g);
    tally.gzipBytes += g.length;
  }
}

/** What the early pass compressed: file → [size in bytes, mtimeMs] when it read it. */
type EarlyRecord = Record<string, [number, number]>;

function readEarlyRecord(file: string): EarlyRecord {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as EarlyRecord;
  } catch {
    // No record (the early pass wrote none): every file is compressed now.
    return {};
  }
}

/**
 * Files the early pass leaves alone: the search index's (it empties pagefind/ before writing
 * it), and the edition 404 pages, whose folders Astro removes once it is done (astro.config.mjs).
 */
const NOT_EARLY = /^pagefind\/|(^|\/)404\//;

/**
 * The early pass, run while Astro still renders the data point pages, which it renders last:
 * writes the copies of the large files already there (case studies, charts, sources, sitemaps),
 * which at 3,000 districts are most of the 1.9 GB to compress, and records each file's size and
 * age as read into `record`. The final pass (`writeHostFiles` with `reuse`) keeps those copies
 * only for files still the same size and age, so a file read while Astro was writing it is
 * compressed again. Best effort: a file or folder that goes while it runs is skipped, and once
 * `stop()` is true (checked every 64 files) it finishes the copies under way, writes the record
 * and leaves the rest to the final pass.
 */
export async function writeEarlyCopies(dir: string, record: string, stop = () => false): Promise<CopyTally> {
  const tally = { compressed: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  const done: EarlyRecord = {};
  let files: string[] = [];
  try {
    files = listFiles(dir).filter((f) => TEXT_FILE.test(f) && !NOT_EARLY.test(f) && !isHostOnly(`/${f}`));
  } catch (e) {
    console.log(`writeHostFiles: early pass skipped (${(e as Error).message})`);
  }
  const inFlight = new Set<Promise<void>>();
  for (const [i, f] of files.entries()) {
    if (i % 64 === 0 && stop()) {
      console.log(
        `writeHostFiles: early pass stopped by the build at file ${i} of ${files.length}: the final pass does the rest`,
      );
      break;
    }
    const path = join(dir, f);
    const before = statSync(path, { throwIfNoEntry: false });
    if (!before || before.size < MIN_BYTES) continue;
    const job = readFile(path)
      .then(async (data) => {
        // Still being written: the final pass compresses it.
        if (data.length !== before.size) return;
        await writeCopies(dir, f, data, tally);
        done[f] = [before.size, before.mtimeMs];
      })
      .catch(() => {})
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
    if (inFlight.size >= availableParallelism() * 2) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  writeFileSync(record, JSON.stringify(done));
  return tally;
}

/** Bytes read from the start of each page: its `<meta>` CSP lies in them, and a page that fills them gets copies. */
const HEAD_BYTES = 16_384;

/**
 * Each page's policy as last read: the policies, and page → [size in bytes, mtimeMs, index of its
 * policy or -1]. A run that writes the headers writes it; the next one reads again only the pages
 * whose size or age differ (at 3,000 districts, reading 440,000 pages' heads took about a minute).
 */
interface PolicyRecord {
  policies: string[];
  pages: Record<string, [number, number, number]>;
}

function readPolicyRecord(file: string | undefined): PolicyRecord {
  if (file === undefined) return { policies: [], pages: {} };
  try {
    const r = JSON.parse(readFileSync(file, 'utf8')) as PolicyRecord;
    if (!Array.isArray(r.policies) || typeof r.pages !== 'object') throw new Error('not a policy record');
    return r;
  } catch {
    // No record yet (a first build): every page is read.
    return { policies: [], pages: {} };
  }
}

/**
 * Writes the compressed copies, `_headers` and `_host/` into the build `dir`. Files are read one
 * after another on this thread, which costs a page three system calls (open, read the head,
 * close) and no trip through the thread pool: at 3,000 districts there are 440,000 pages and a
 * million small data files. What is large enough for copies is compressed a few files at a time
 * in zlib's thread pool, so both cores work. The CSP of every page is read on the way. With
 * `reuse` (the record of `writeEarlyCopies`), the copies the early pass made of files unchanged
 * since are kept. With `policies` (a file), headers alone read again only the pages changed since
 * the policy record there was written, and every run that writes headers writes it anew.
 */
export async function writeHostFiles(
  dir: string,
  {
    compress = true,
    headers = true,
    reuse,
    policies: policyFile,
  }: { compress?: boolean; headers?: boolean; reuse?: string | undefined; policies?: string | undefined } = {},
): Promise<HostFilesReport> {
  const all = listFiles(dir);
  const files = all.filter((f) => !/\.(br|gz)$/.test(f) && !isHostOnly(`/${f}`));
  // The early pass's copies hold for each file it recorded that is still the size and age it had.
  const kept = new Set<string>();
  if (compress && reuse !== undefined)
    for (const [f, [size, mtimeMs]] of Object.entries(readEarlyRecord(reuse))) {
      const now = statSync(join(dir, f), { throwIfNoEntry: false });
      if (now?.size === size && now.mtimeMs === mtimeMs) kept.add(f);
    }
  // Copies from an earlier run would be served instead of a file that has changed since: remove them.
  const have = new Set(files);
  if (compress)
    for (const f of all)
      if (/\.(br|gz)$/.test(f) && have.has(f.slice(0, -3)) && !kept.has(f.slice(0, -3))) rmSync(join(dir, f));
  // Headers alone need only the pages' policies.
  const candidates = files.filter((f) => TEXT_FILE.test(f) && (compress || f.endsWith('.html')));
  // Each distinct policy once, with the first file that has it: at 3,000 districts a policy per
  // page took this step past an 8 GB heap (probably because each string, a slice of its page's
  // first 16 KB, kept that text in memory too; not confirmed with a heap snapshot).
  const firstWith = new Map<string, number>();
  const last = readPolicyRecord(policyFile);
  const record: PolicyRecord = { policies: [], pages: {} };
  const policyIndex = new Map<string | undefined, number>([[undefined, -1]]);
  const policyNumber = (meta: string | undefined) => {
    const k = policyIndex.get(meta) ?? record.policies.push(meta!) - 1;
    policyIndex.set(meta, k);
    return k;
  };
  const report = { compressed: 0, kept: kept.size, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  const copies = async (f: string) => writeCopies(dir, f, await readFile(join(dir, f)), report);
  const inFlight = new Set<Promise<void>>();
  const head = Buffer.allocUnsafe(HEAD_BYTES);
  for (const [i, f] of candidates.entries()) {
    const path = join(dir, f);
    let large: boolean;
    if (f.endsWith('.html')) {
      let meta: string | undefined;
      // Size and age as the policy was read; only needed for the record.
      let seen: { size: number; mtimeMs: number } | undefined;
      const was = compress ? undefined : last.pages[f];
      const now = was && statSync(path);
      if (now && now.size === was[0] && now.mtimeMs === was[1]) {
        meta = was[2] < 0 ? undefined : last.policies[was[2]];
        large = now.size >= MIN_BYTES;
        seen = now;
      } else {
        const fd = openSync(path, 'r');
        let n: number;
        try {
          n = readSync(fd, head, 0, HEAD_BYTES, 0);
          if (policyFile !== undefined) seen = fstatSync(fd);
        } finally {
          closeSync(fd);
        }
        meta = metaCsp(head.toString('utf8', 0, n));
        large = n >= MIN_BYTES;
      }
      if (seen) record.pages[f] = [seen.size, seen.mtimeMs, policyNumber(meta)];
      if (meta !== undefined && !firstWith.has(meta)) firstWith.set(meta, i);
    } else large = compress && statSync(path).size >= MIN_BYTES;
    // Now and then the reads make way, so that the compressions under way can go on.
    if (inFlight.size > 0 && i % 64 === 0) await new Promise((ok) => setImmediate(ok));
    if (!compress || !large || kept.has(f)) continue;
    const job = copies(f).finally(() => inFlight.delete(job));
    inFlight.add(job);
    if (inFlight.size >= availableParallelism() * 2) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  // In file order, so the policy is the same every build.
  if (!headers) return { ...report, policy: headerPolicy([]) };
  const policies = [...firstWith].sort(([, a], [, b]) => a - b).map(([m]) => m);
  if (policies.length === 0) throw new Error(`no page in ${dir} has a <meta> Content-Security-Policy`);
  const policy = headerPolicy(policies);
  if (policyFile !== undefined) writeFileSync(policyFile, JSON.stringify(record));
  writeFileSync(join(dir, '_headers'), headersFile(files, policy));
  mkdirSync(join(dir, '_host'), { recursive: true });
  writeFileSync(join(dir, NGINX_FILES.site), nginxConf(policy));
  writeFileSync(join(dir, NGINX_FILES.brotli), NGINX_BROTLI);
  return { ...report, policy };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      site: { type: 'string' },
      'compress-only': { type: 'boolean' },
      'headers-only': { type: 'boolean' },
      early: { type: 'string' },
      'stop-when': { type: 'string' },
      reuse: { type: 'string' },
      policies: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.site) {
    console.log(`Usage: node scripts/writeHostFiles.ts --site DIR [--compress-only | --headers-only | --early FILE [--stop-when FILE2] | --reuse FILE]
       [--policies FILE3]

Writes into the built site DIR what hosts need beside the pages: FILE.br and FILE.gz beside every
text file (${COMPRESSED_EXTENSIONS.join(', ')}) of at least ${MIN_BYTES} bytes, _headers for Netlify and
Cloudflare Pages, and _host/nginx.conf (+ _host/nginx-brotli.conf) to include in an nginx server
block. The headers come from src/outputs/hostHeaders.ts; the CSP header from the pages' <meta> CSPs.
npm run build runs it before swapping the build in. An incremental build runs it with --compress-only
on the files it wrote, and with --headers-only on the updated site when pages were added or removed
or the search index changed.
A full build also runs an early pass while Astro renders the data point pages: --early FILE writes
the copies of the large files already there and records their sizes and ages in FILE; the final run
with --reuse FILE keeps those whose file is unchanged and compresses the rest. --stop-when FILE2: the
early pass stops, keeping what it has done, once FILE2 exists (the build writes it when Astro is done).
--policies FILE3: writes each page's policy with its size and age to FILE3 (not published), and with
--headers-only reads again only the pages whose size or age differ from FILE3's.`);
    process.exit(values.help ? 0 : 2);
  }
  const t0 = performance.now();
  const mb = (n: number) => (n / 1e6).toFixed(1);
  const sizes = (t: CopyTally) => `(${mb(t.bytes)} MB → br ${mb(t.brotliBytes)} MB, gz ${mb(t.gzipBytes)} MB)`;
  const seconds = () => `${((performance.now() - t0) / 1000).toFixed(2)} s`;
  if (values.early !== undefined) {
    const stopFile = values['stop-when'];
    const e = await writeEarlyCopies(values.site, values.early, () => stopFile !== undefined && existsSync(stopFile));
    console.log(`writeHostFiles: early pass, ${e.compressed} files compressed ${sizes(e)} in ${seconds()}`);
    process.exit(0);
  }
  const r = await writeHostFiles(values.site, {
    reuse: values.reuse,
    policies: values.policies,
    compress: !values['headers-only'],
    headers: !values['compress-only'],
  });
  const early = values.reuse ? ` (and ${r.kept} by the early pass)` : '';
  const written = values['compress-only'] ? '' : `, _headers and ${NGINX_FILES.site} written`;
  console.log(`writeHostFiles: ${r.compressed} files compressed${early} ${sizes(r)}${written} in ${seconds()}`);
}
