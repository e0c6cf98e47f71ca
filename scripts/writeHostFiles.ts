/**
 * Writes what a host needs beside the pages of a build: a Brotli (`.br`) and a gzip (`.gz`) copy
 * beside every text file of at least MIN_BYTES, `_headers` (Netlify, Cloudflare Pages) and the
 * nginx snippets in `_host/`, with the HTTP-header CSP made from the pages' `<meta>` policies.
 * scripts/buildSite.ts runs it on the scratch folder before swapping it in.
 */
import { closeSync, mkdirSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
  policy: HeaderPolicy;
}

/** Bytes read from the start of each page: its `<meta>` CSP lies in them, and a page that fills them gets copies. */
const HEAD_BYTES = 16_384;

/**
 * Writes the compressed copies, `_headers` and `_host/` into the build `dir`. Files are read one
 * after another on this thread, which costs a page three system calls (open, read the head,
 * close) and no trip through the thread pool: at 3,000 districts there are 440,000 pages and a
 * million small data files. What is large enough for copies is compressed a few files at a time
 * in zlib's thread pool, so both cores work. The CSP of every page is read on the way.
 */
export async function writeHostFiles(
  dir: string,
  { compress = true, headers = true }: { compress?: boolean; headers?: boolean } = {},
): Promise<HostFilesReport> {
  const all = listFiles(dir);
  const files = all.filter((f) => !/\.(br|gz)$/.test(f) && !isHostOnly(`/${f}`));
  // Copies from an earlier run would be served instead of a file that has changed since: remove them.
  const have = new Set(files);
  if (compress) for (const f of all) if (/\.(br|gz)$/.test(f) && have.has(f.slice(0, -3))) rmSync(join(dir, f));
  const text = new RegExp(`\\.(${COMPRESSED_EXTENSIONS.join('|')})$`);
  // Headers alone need only the pages' policies.
  const candidates = files.filter((f) => text.test(f) && (compress || f.endsWith('.html')));
  // Each distinct policy once, with the first file that has it: at 3,000 districts a policy per
  // page took this step past an 8 GB heap (probably because each string, a slice of its page's
  // first 16 KB, kept that text in memory too; not confirmed with a heap snapshot).
  const firstWith = new Map<string, number>();
  const report = { compressed: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  const copies = async (f: string) => {
    const data = await readFile(join(dir, f));
    const [b, g] = await Promise.all([br(data, BROTLI), gz(data, GZIP)]);
    report.compressed++;
    report.bytes += data.length;
    // A copy that is not smaller is left out: the server then sends the file itself.
    if (b.length < data.length) {
      await writeFile(join(dir, `${f}.br`), b);
      report.brotliBytes += b.length;
    }
    if (g.length < data.length) {
      await writeFile(join(dir, `${f}.gz`), g);
      report.gzipBytes += g.length;
    }
  };
  const inFlight = new Set<Promise<void>>();
  const head = Buffer.allocUnsafe(HEAD_BYTES);
  for (const [i, f] of candidates.entries()) {
    const path = join(dir, f);
    let large: boolean;
    if (f.endsWith('.html')) {
      const fd = openSync(path, 'r');
      let n: number;
      try {
        n = readSync(fd, head, 0, HEAD_BYTES, 0);
      } finally {
        closeSync(fd);
      }
      const meta = metaCsp(head.toString('utf8', 0, n));
      if (meta !== undefined && !firstWith.has(meta)) firstWith.set(meta, i);
      large = n >= MIN_BYTES;
    } else large = compress && statSync(path).size >= MIN_BYTES;
    // Now and then the reads make way, so that the compressions under way can go on.
    if (inFlight.size > 0 && i % 64 === 0) await new Promise((ok) => setImmediate(ok));
    if (!compress || !large) continue;
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
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.site) {
    console.log(`Usage: node scripts/writeHostFiles.ts --site DIR [--compress-only | --headers-only]

Writes into the built site DIR what hosts need beside the pages: FILE.br and FILE.gz beside every
text file (${COMPRESSED_EXTENSIONS.join(', ')}) of at least ${MIN_BYTES} bytes, _headers for Netlify and
Cloudflare Pages, and _host/nginx.conf (+ _host/nginx-brotli.conf) to include in an nginx server
block. The headers come from src/outputs/hostHeaders.ts; the CSP header from the pages' <meta> CSPs.
npm run build runs it before swapping the build in. An incremental build runs it with --compress-only
on the files it wrote, and with --headers-only on the updated site when pages were added or removed.`);
    process.exit(values.help ? 0 : 2);
  }
  const t0 = performance.now();
  const r = await writeHostFiles(values.site, {
    compress: !values['headers-only'],
    headers: !values['compress-only'],
  });
  const mb = (n: number) => (n / 1e6).toFixed(1);
  console.log(
    `writeHostFiles: ${r.compressed} files compressed (${mb(r.bytes)} MB → br ${mb(r.brotliBytes)} MB, gz ${mb(r.gzipBytes)} MB)` +
      `${values['compress-only'] ? '' : `, _headers and ${NGINX_FILES.site} written`} in ${((performance.now() - t0) / 1000).toFixed(2)} s`,
  );
}
