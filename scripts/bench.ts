/**
 * `npm run bench`: measures the site and writes bench/results.json plus a readable table.
 * Build time, size and page count of a clean build; page weight per page type; Lighthouse
 * scores; search cost (through scripts/benchSearch.ts when it exists); and build cost at scale
 * on generated content (scripts/generateScaleContent.ts). Every timing is stored with the
 * machine's load average, because the machine may be shared.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { LANGS } from '../src/site/editions.ts';
import { editionPrefixes } from '../src/site/paths.ts';
import { copyProject, removeEdition } from './lib/projectCopy.ts';

const HELP = `Usage: npm run bench [-- options]

Measures the site and writes bench/results.json (keys sorted) and a table on stdout.
  --scale LIST         district counts for the scale run (default 30,300,3000; "none" skips it)
  --seed N             seed of the generated content (default 1)
  --skip-build         use the existing dist/ instead of a clean build
  --skip-editions      skip the editions run (clean builds with two and with three editions)
  --skip-weights       skip page weights
  --skip-lighthouse    skip Lighthouse
  --lighthouse-runs N  Lighthouse runs per page, median performance kept (default 3)
  --skip-search        skip the search benchmark
  --out FILE           results file (default bench/results.json)
  --chromium PATH      browser for Lighthouse (default /usr/bin/chromium)
Targets: case study < 80 KB gzip (every one, fonts included), fonts ≤ 40 KB on any page,
embed < 25 KB gzip with < 1 KB JS, no JS outside search and embeds, Lighthouse 100 in each category, 3,000 districts
(every edition) built in < 10 min within 8 GB (process tree) with a per-page cost that does not grow from 300 to
3,000 districts, and rebuilt with nothing changed in < 1 min rendering no page. Each scale run also times two
incremental rebuilds over its clean build: nothing changed, then one case study edited.`;

/** Any edition's path prefix, or none (the root edition's). */
const EDITION = `(?:${editionPrefixes()
  .map((e) => e.prefix.slice(1))
  .join('|')})?`;
const pageType = (rest: string) => new RegExp(`^${EDITION}${rest}$`);
/** Page types and the paths (relative to dist/, edition prefix optional) that belong to them. */
export const PAGE_TYPES: { type: string; pattern: RegExp; jsAllowed: boolean }[] = [
  { type: 'home', pattern: pageType('index\\.html'), jsAllowed: false },
  { type: 'case study', pattern: pageType('case-studies/[^/]+/index\\.html'), jsAllowed: false },
  { type: 'comparison', pattern: pageType('compare/index\\.html'), jsAllowed: false },
  { type: 'chart page', pattern: pageType('charts/[^/]+/index\\.html'), jsAllowed: false },
  { type: 'embed', pattern: pageType('embed/[^/]+/index\\.html'), jsAllowed: true },
  { type: 'data point', pattern: pageType('data/[^/]+/index\\.html'), jsAllowed: false },
  { type: 'search', pattern: pageType('search/index\\.html'), jsAllowed: true },
];
const KB = 1024;
const TARGETS = {
  caseStudyGzip: 80 * KB,
  fontBytes: 40 * KB,
  embedGzip: 25 * KB,
  embedJs: 1 * KB,
  lighthouse: 100,
  scaleSeconds: 600,
  scaleMemoryMb: 8192,
  rebuildSeconds: 60,
};

/** Bytes of one kind of resource, as served and gzipped (each file compressed on its own, level 9). */
export interface Bytes {
  raw: number;
  gzip: number;
}
/**
 * A page's weight: the HTML plus the same-origin CSS, JS, fonts and images it loads at page load.
 * Fonts are every file its CSS's `@font-face` rules and its preloads name: an upper bound, since a
 * browser fetches a face only when the page sets text in it (and in its `unicode-range`).
 */
export interface PageWeight {
  page: string;
  html: Bytes;
  css: Bytes;
  js: Bytes;
  font: Bytes;
  img: Bytes;
  total: Bytes;
  files: string[];
}

const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;
const add = (a: Bytes, b: Bytes): Bytes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const ZERO: Bytes = { raw: 0, gzip: 0 };
const load = () => loadavg().map((x) => Math.round(x * 100) / 100);

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split('\\').join('/'))
    .sort();
}

/** Resolves a reference in `fromFile` (dist-relative) to a dist-relative file, or undefined when it is not same-origin. */
function resolveRef(ref: string, fromFile: string): string | undefined {
  if (!ref) return undefined;
  if (/^(data:|blob:|mailto:|#|javascript:)/i.test(ref) || /^[a-z]+:\/\//i.test(ref) || ref.startsWith('//'))
    return undefined;
  const clean = ref.split(/[?#]/)[0]!;
  const path = clean.startsWith('/') ? clean.slice(1) : posix.join(posix.dirname(fromFile), clean);
  return path.endsWith('/') || path === '' ? `${path}index.html` : path;
}

/** What a page loads at page load: stylesheets, scripts (and their static imports), images, icons, CSS url()s. */
export function pageWeight(dist: string, page: string): PageWeight {
  const html = readFileSync(join(dist, page), 'utf8');
  const seen = new Set<string>();
  const sums = { css: ZERO, js: ZERO, font: ZERO, img: ZERO };
  const visit = (file: string | undefined, as: 'css' | 'js' | 'img') => {
    if (!file || seen.has(file) || !existsSync(join(dist, file)) || !statSync(join(dist, file)).isFile()) return;
    const kind = /\.(woff2?|ttf|otf)$/.test(file) ? 'font' : as;
    seen.add(file);
    const buf = readFileSync(join(dist, file));
    sums[kind] = add(sums[kind], { raw: buf.length, gzip: gz(buf) });
    const text = kind === 'img' || kind === 'font' ? '' : buf.toString('utf8');
    if (kind === 'css')
      for (const m of text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) visit(resolveRef(m[1]!, file), 'img');
    // Static imports load with the module; dynamic import() waits for use (Pagefind loads on the first query).
    if (kind === 'js')
      for (const m of text.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g))
        visit(resolveRef(m[1]!, file), 'js');
  };
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const rel = /\brel="([^"]*)"/.exec(tag)?.[1] ?? '';
    const href = /\bhref="([^"]*)"/.exec(tag)?.[1];
    if (!href) continue;
    if (/\bstylesheet\b/.test(rel)) visit(resolveRef(href, page), 'css');
    else if (/\bmodulepreload\b/.test(rel)) visit(resolveRef(href, page), 'js');
    else if (/\bicon\b/.test(rel)) visit(resolveRef(href, page), 'img');
    else if (/\bpreload\b/.test(rel))
      visit(resolveRef(href, page), /\bas="script"/.test(tag) ? 'js' : /\bas="style"/.test(tag) ? 'css' : 'img');
  }
  let inlineJs = '';
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]*)"/.exec(m[1]!)?.[1];
    if (src) visit(resolveRef(src, page), 'js');
    else if (!/type="application\/(ld\+)?json"/.test(m[1]!)) inlineJs += m[2];
  }
  for (const m of html.matchAll(/<(?:img|source)\b[^>]*>/g)) {
    const src = /\bsrc="([^"]*)"/.exec(m[0])?.[1];
    if (src) visit(resolveRef(src, page), 'img');
    for (const part of (/\bsrcset="([^"]*)"/.exec(m[0])?.[1] ?? '').split(','))
      visit(resolveRef(part.trim().split(/\s+/)[0] ?? '', page), 'img');
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g))
    for (const u of m[1]!.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) visit(resolveRef(u[1]!, page), 'img');
  // Inline script is JavaScript too (it also counts in the HTML bytes, so it is not added to the total twice).
  const js = inlineJs.trim() ? add(sums.js, { raw: Buffer.byteLength(inlineJs), gzip: gz(inlineJs) }) : sums.js;
  const htmlBytes = { raw: Buffer.byteLength(html), gzip: gz(html) };
  const total = add(add(add(add(htmlBytes, sums.css), sums.js), sums.font), sums.img);
  return {
    page: `/${page.replace(/index\.html$/, '')}`,
    html: htmlBytes,
    css: sums.css,
    js,
    font: sums.font,
    img: sums.img,
    total,
    files: [...seen].sort(),
  };
}

/** Per page type: how many pages, the heaviest (by total gzip) and a target verdict. */
export function pageWeights(dist: string): Record<string, unknown> {
  const html = listFiles(dist).filter((f) => f.endsWith('.html'));
  const out: Record<string, unknown> = {};
  for (const { type, pattern, jsAllowed } of PAGE_TYPES) {
    const pages = html.filter((f) => pattern.test(f));
    if (pages.length === 0) {
      out[type] = { status: 'not built', pages: 0 };
      continue;
    }
    const weights = pages.map((p) => pageWeight(dist, p));
    const heaviest = weights.reduce((a, b) => (b.total.gzip > a.total.gzip ? b : a));
    const maxJs = Math.max(...weights.map((w) => w.js.raw));
    const checks: { target: string; pass: boolean }[] = [];
    if (!jsAllowed) checks.push({ target: 'no JavaScript', pass: maxJs === 0 });
    const maxFont = Math.max(...weights.map((w) => w.font.raw));
    checks.push({ target: `fonts ≤ ${TARGETS.fontBytes / KB} KB`, pass: maxFont <= TARGETS.fontBytes });
    if (type === 'case study')
      checks.push({
        target: `every page < ${TARGETS.caseStudyGzip / KB} KB gzip`,
        pass: heaviest.total.gzip < TARGETS.caseStudyGzip,
      });
    if (type === 'embed') {
      checks.push({
        target: `every page < ${TARGETS.embedGzip / KB} KB gzip`,
        pass: heaviest.total.gzip < TARGETS.embedGzip,
      });
      checks.push({
        target: `JS < ${TARGETS.embedJs / KB} KB (gzip)`,
        pass: Math.max(...weights.map((w) => w.js.gzip)) < TARGETS.embedJs,
      });
    }
    const { files, ...weight } = heaviest;
    out[type] = {
      status: 'built',
      pages: pages.length,
      heaviest: weight,
      heaviestFiles: files,
      maxJsRaw: maxJs,
      maxFontRaw: maxFont,
      checks,
    };
  }
  return out;
}

function dirSize(dir: string): {
  bytes: number;
  files: number;
  html: number;
  largestPage: { file: string; bytes: number };
} {
  const files = listFiles(dir);
  let bytes = 0;
  const largestPage = { file: '', bytes: 0 };
  for (const f of files) {
    const n = statSync(join(dir, f)).size;
    bytes += n;
    // A page that lists the whole dataset grows with it: the largest says whether one does.
    if (f.endsWith('.html') && n > largestPage.bytes) Object.assign(largestPage, { file: f, bytes: n });
  }
  return { bytes, files: files.length, html: files.filter((f) => f.endsWith('.html')).length, largestPage };
}

/** Runs a command; resolves to its wall time, exit code, output, and peak memory. */
async function timed(
  cmd: string,
  args: string[],
  env: Record<string, string> = {},
  cwd?: string,
): Promise<{
  seconds: number;
  code: number;
  stdout: string;
  stderr: string;
  peakRssMb: number | null;
  cpuSeconds: number | null;
  peakTreeRssMb: number;
  loadBefore: number[];
  loadAfter: number[];
}> {
  const loadBefore = load();
  // GNU time's %M is the child's ru_maxrss from wait4(), which on Linux includes waited-for
  // descendants: the largest single process of the build (astro or pagefind), in KB.
  const useTime = existsSync('/usr/bin/time');
  const rssFile = join(tmpdir(), `bench-rss-${process.pid}-${Date.now()}.txt`);
  const argv = useTime ? ['-f', '%M %U %S', '-o', rssFile, cmd, ...args] : args;
  const start = performance.now();
  const child = spawn(useTime ? '/usr/bin/time' : cmd, argv, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '',
    stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d;
    process.stdout.write(
      d
        .toString()
        .split('\n')
        .filter(Boolean)
        .map((l) => `  | ${l}\n`)
        .join(''),
    );
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d;
  });
  // Also sample the whole process tree's RSS from /proc (sum over processes) every 250 ms.
  let peakTree = 0;
  const sampler = setInterval(() => {
    peakTree = Math.max(peakTree, treeRss(child.pid ?? 0));
  }, 250);
  const code = await new Promise<number>((ok) => child.on('close', (c) => ok(c ?? 1)));
  clearInterval(sampler);
  const seconds = (performance.now() - start) / 1000;
  let peakRssMb: number | null = null,
    cpuSeconds: number | null = null;
  if (useTime && existsSync(rssFile)) {
    // CPU time (user + system, children included) is steadier than wall time on a shared machine.
    const [kb, user, sys] = (readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
    if (Number.isFinite(kb)) peakRssMb = Math.round(kb! / 1024);
    if (Number.isFinite(user) && Number.isFinite(sys)) cpuSeconds = Math.round((user! + sys!) * 100) / 100;
    rmSync(rssFile, { force: true });
  }
  return {
    seconds: Math.round(seconds * 100) / 100,
    code,
    stdout,
    stderr,
    peakRssMb,
    cpuSeconds,
    peakTreeRssMb: Math.round(peakTree / 1024),
    loadBefore,
    loadAfter: load(),
  };
}

/** Sum of VmRSS (KB) of `pid` and its descendants, read from /proc. */
function treeRss(pid: number): number {
  if (!pid || !existsSync('/proc')) return 0;
  const children = new Map<number, number[]>();
  let total = 0;
  const rss = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const status = readFileSync(`/proc/${d}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      rss.set(Number(d), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      /* the process ended while we read */
    }
  }
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** Step durations from buildSite's `build: <step> took N s` lines. */
function stepTimes(stdout: string): Record<string, number> {
  return Object.fromEntries([...stdout.matchAll(/^build: (.+) took ([\d.]+) s$/gm)].map((m) => [m[1]!, Number(m[2])]));
}

/** Removes `dir`; `rm -rf` where there is one, which is minutes faster than rmSync on half a million files. */
async function clean(dir: string): Promise<void> {
  if (existsSync('/bin/rm'))
    await new Promise((ok) => spawn('/bin/rm', ['-rf', '--', dir], { stdio: 'ignore' }).on('close', ok));
  rmSync(dir, { recursive: true, force: true });
}

/** A clean build of the real site into dist/. */
async function benchBuild(): Promise<Record<string, unknown>> {
  // Clean: no previous output and no content-layer cache (Astro keeps it in node_modules/.astro).
  await clean('dist');
  await clean('node_modules/.astro');
  return cleanBuild('.', 'the build');
}

/** Runs `npm run build` in the project at `dir` and measures it and its `dist/`; `what` names it in an error. */
async function cleanBuild(dir: string, what: string): Promise<Record<string, unknown>> {
  const r = await timed(process.execPath, ['scripts/buildSite.ts'], {}, dir);
  if (r.code !== 0) throw new Error(`bench: ${what} failed:\n${r.stderr}`);
  const dist = join(dir, 'dist');
  const size = dirSize(dist);
  return {
    wallSeconds: r.seconds,
    cpuSeconds: r.cpuSeconds,
    steps: stepTimes(r.stdout),
    pages: size.html,
    files: size.files,
    distBytes: size.bytes,
    pagefindBytes: existsSync(join(dist, 'pagefind')) ? dirSize(join(dist, 'pagefind')).bytes : 0,
    peakRssMb: r.peakRssMb,
    peakTreeRssMb: r.peakTreeRssMb,
    loadBefore: r.loadBefore,
    loadAfter: r.loadAfter,
  };
}

/**
 * What an edition costs: clean builds of the real site in a copy of the project
 * (scripts/lib/projectCopy.ts) with the editions but the Traditional one, and with all of them.
 */
async function benchEditions(): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (const without of [['zh-Hant'], []]) {
    const dir = copyProject(join(tmpdir(), `bench-editions-${process.pid}-${without.length}`));
    try {
      for (const id of without) removeEdition(dir, id);
      const editions = LANGS.filter((l) => !without.includes(l));
      out.push({ editions, ...(await cleanBuild(dir, `the build with ${editions.join(', ')}`)) });
    } finally {
      await clean(dir);
    }
  }
  return out;
}

interface LhAudit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  details?: { items?: unknown[] };
}
interface LhResult {
  lhr: {
    categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
    audits: Record<string, LhAudit>;
    runtimeError?: { message: string };
  };
}

/** Lighthouse (mobile, simulated throttling: its defaults) on home, a case study, a chart page and search. */
async function benchLighthouse(
  dist: string,
  chromium: string,
  lighthouseRuns: number,
): Promise<Record<string, unknown>> {
  const { serveDir } = await import('./serveSite.ts');
  const { default: lighthouse } = (await import('lighthouse')) as unknown as {
    default: (url: string, flags: Record<string, unknown>) => Promise<LhResult | undefined>;
  };
  const chromeLauncher = (await import('chrome-launcher')) as unknown as {
    launch: (o: Record<string, unknown>) => Promise<{ port: number; kill: () => Promise<void> | void }>;
  };
  const html = listFiles(dist).filter((f) => f.endsWith('.html'));
  // The root edition's page of each type.
  const first = (re: RegExp) =>
    html.find((f) => re.test(f) && !editionPrefixes().some((e) => f.startsWith(e.prefix.slice(1))));
  const pages: [string, string | undefined][] = [
    ['home', first(/^index\.html$/)],
    ['case study', first(/^case-studies\/[^/]+\/index\.html$/)],
    ['chart page', first(/^charts\/[^/]+\/index\.html$/)],
    ['search', first(/^search\/index\.html$/)],
  ];
  // Served compressed, from the build's precompressed .br/.gz copies, as nginx serves it.
  const { server, url } = await serveDir(dist, 0, { compress: true });
  const chrome = await chromeLauncher.launch({
    chromePath: chromium,
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const out: Record<string, unknown> = {};
  try {
    for (const [type, file] of pages) {
      if (!file) {
        out[type] = { status: 'not built' };
        continue;
      }
      const path = `/${file.replace(/index\.html$/, '')}`;
      const loadBefore = load();
      // Several runs, the median kept: simulated throttling still depends on the machine's load.
      const runs: LhResult[] = [];
      for (let i = 0; i < lighthouseRuns; i++) {
        const result = await lighthouse(new URL(path, url).href, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        if (!result) throw new Error(`bench: Lighthouse returned nothing for ${path}`);
        runs.push(result);
      }
      const perf = (r: LhResult) => r.lhr.categories['performance']?.score ?? 0;
      const median = [...runs].sort((a, b) => perf(a) - perf(b))[Math.floor(runs.length / 2)]!;
      const { categories, audits } = median.lhr;
      const scores = Object.fromEntries(
        Object.entries(categories).map(([k, c]) => [k, c.score === null ? null : Math.round(c.score * 100)]),
      );
      const below = (refs: { id: string; weight: number }[]) =>
        refs
          .map((r) => audits[r.id]!)
          .filter(
            (a) =>
              a.score !== null &&
              a.score < 1 &&
              !['notApplicable', 'informative', 'manual'].includes(a.scoreDisplayMode),
          )
          .map((a) => ({
            id: a.id,
            title: a.title,
            score: a.score,
            displayValue: a.displayValue ?? '',
            items: (a.details?.items ?? []).slice(0, 5).map((it) => JSON.stringify(it).slice(0, 300)),
          }));
      const unique = <T extends { id: string }>(xs: T[]) => [...new Map(xs.map((f) => [f.id, f])).values()];
      // Audits that cost points (weight > 0) are failures; the rest are the opportunities and insights Lighthouse lists.
      const failing = unique(Object.values(categories).flatMap((c) => below(c.auditRefs.filter((r) => r.weight > 0))));
      const opportunities = unique(
        Object.values(categories).flatMap((c) => below(c.auditRefs.filter((r) => r.weight === 0))),
      );
      const metrics = Object.fromEntries(
        [
          'first-contentful-paint',
          'largest-contentful-paint',
          'total-blocking-time',
          'cumulative-layout-shift',
          'speed-index',
        ].map((id) => [id, audits[id]?.displayValue ?? null]),
      );
      out[type] = {
        path,
        runs: runs.length,
        performanceRuns: runs.map((r) => Math.round(perf(r) * 100)),
        scores,
        failing,
        opportunities: opportunities.map(({ items: _, ...o }) => o),
        metrics,
        runtimeError: median.lhr.runtimeError?.message ?? null,
        loadBefore,
        loadAfter: load(),
      };
    }
  } finally {
    await chrome.kill();
    server.close();
  }
  return out;
}

/** The search helper's benchmark, when scripts/benchSearch.ts exists. */
async function benchSearchIfAny(dist: string): Promise<unknown> {
  const file = resolve('scripts/benchSearch.ts');
  if (!existsSync(file)) return { status: 'not available', reason: 'scripts/benchSearch.ts does not exist' };
  const mod = (await import(pathToFileURL(file).href)) as {
    benchSearch?: (dist: string) => Promise<unknown> | unknown;
  };
  if (typeof mod.benchSearch !== 'function')
    return { status: 'not available', reason: 'scripts/benchSearch.ts exports no benchSearch()' };
  return { status: 'measured', loadBefore: load(), result: await mod.benchSearch(dist), loadAfter: load() };
}

/**
 * Generates and builds the site with `n` districts in a folder of its own (added to `roots`, for
 * the caller to remove once every run is done); measures time, memory and per-page cost.
 */
async function benchScale(n: number, seed: number, roots: string[]): Promise<Record<string, unknown>> {
  const root = join(tmpdir(), `bench-scale-${process.pid}-${n}`);
  roots.push(root);
  const content = join(root, 'content'),
    out = join(root, 'dist');
  try {
    const { generateScaleContent } = await import('./generateScaleContent.ts');
    const genStart = performance.now();
    const counts = generateScaleContent({ districts: n, out: content, seed });
    const generateSeconds = Math.round((performance.now() - genStart) / 10) / 100;
    await clean('node_modules/.astro');
    const r = await timed(process.execPath, ['scripts/buildSite.ts', '--out', out], { CONTENT_DIR: content });
    if (r.code !== 0) return { districts: n, status: 'failed', exit: r.code, stderr: r.stderr.slice(-4000) };
    const size = dirSize(out);
    const steps = stepTimes(r.stdout);
    // The search index runs beside Astro; what it adds to the wall time is its part after Astro.
    const searchAfter = steps['search index after astro build'] ?? 0;
    const astro = steps['astro build'] ?? 0;
    const rebuilds = await benchRebuilds(content, out);
    return {
      rebuilds,
      districts: n,
      status: 'built',
      counts,
      generateSeconds,
      wallSeconds: r.seconds,
      steps,
      pages: size.html,
      distBytes: size.bytes,
      largestPage: size.largestPage,
      msPerPage: Math.round(((r.seconds * 1000) / size.html) * 100) / 100,
      astroMsPerPage: Math.round(((astro * 1000) / size.html) * 100) / 100,
      cpuSeconds: r.cpuSeconds,
      cpuMsPerPage: r.cpuSeconds === null ? null : Math.round(((r.cpuSeconds * 1000) / size.html) * 100) / 100,
      searchAfterAstroShare: Math.round((searchAfter / r.seconds) * 1000) / 1000,
      peakRssMb: r.peakRssMb,
      peakTreeRssMb: r.peakTreeRssMb,
      loadBefore: r.loadBefore,
      loadAfter: r.loadAfter,
    };
  } finally {
    // Astro's content cache now describes the generated content: drop it so the next real build starts clean.
    await clean('node_modules/.astro');
  }
}

/** What an incremental build reports: paths rendered of all, files changed, and its steps. */
function rebuildReport(r: Awaited<ReturnType<typeof timed>>): Record<string, unknown> {
  const m = /^build: astro rendered (\d+) of (\d+) paths$/m.exec(r.stdout);
  const c = /^build: (\d+) files changed, (\d+) rendered again the same, (\d+) removed/m.exec(r.stdout);
  return {
    wallSeconds: r.seconds,
    cpuSeconds: r.cpuSeconds,
    peakTreeRssMb: r.peakTreeRssMb,
    incremental: /^build: (incremental|nothing changed)/m.test(r.stdout),
    rendered: m ? Number(m[1]) : null,
    paths: m ? Number(m[2]) : null,
    filesChanged: c ? Number(c[1]) : null,
    renderedSame: c ? Number(c[2]) : null,
    searchIndexKept: /the search index is kept|^build: nothing changed/m.test(r.stdout),
    steps: stepTimes(r.stdout),
    loadBefore: r.loadBefore,
  };
}

/**
 * Two incremental builds over the clean one in `out`: with nothing changed, then after one
 * paragraph is added to one case study (the Chinese one of the last generated district).
 */
async function benchRebuilds(content: string, out: string): Promise<Record<string, unknown>> {
  const env = { CONTENT_DIR: content };
  const unchanged = await timed(process.execPath, ['scripts/buildSite.ts', '--out', out], env);
  if (unchanged.code !== 0) return { status: 'failed', stderr: unchanged.stderr.slice(-2000) };
  const dir = join(content, 'case-studies', 'zh');
  // A generated district's (its title says 合成, synthetic): one like the thousands of others.
  const generated = readdirSync(dir)
    .sort()
    .filter((f) => readFileSync(join(dir, f), 'utf8').includes('（合成）'));
  const file = join(dir, generated.at(-1) ?? readdirSync(dir).sort().at(-1)!);
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf('\n## ', text.indexOf('---', 3));
  writeFileSync(file, `${text.slice(0, at)}\n\n这一句是为测量增量构建而加的。\n${text.slice(at)}`);
  const edited = await timed(process.execPath, ['scripts/buildSite.ts', '--out', out], env);
  if (edited.code !== 0) return { status: 'failed', stderr: edited.stderr.slice(-2000) };
  return {
    edited: file.slice(content.length + 1),
    unchanged: rebuildReport(unchanged),
    oneEdit: rebuildReport(edited),
  };
}

/** JSON with keys sorted at every level, so the file diffs cleanly between runs. */
export function stableJson(v: unknown): string {
  const sort = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(sort)
      : x && typeof x === 'object'
        ? Object.fromEntries(
            Object.keys(x)
              .sort()
              .map((k) => [k, sort((x as Record<string, unknown>)[k])]),
          )
        : x;
  return `${JSON.stringify(sort(v), null, 2)}\n`;
}

const kb = (b: number) => (b / KB).toFixed(1);
function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows].map((r) => r.map(String));
  const w = head.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  // Numbers right-aligned, words and paths left-aligned.
  const numeric = head.map((_, i) => cells.slice(1).every((r) => r[i] === '' || /^[\d./ -]+$/.test(r[i]!)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(w[i]!) : c.padEnd(w[i]!)))
      .join('  ')
      .trimEnd();
  return [line(cells[0]!), w.map((n) => '-'.repeat(n)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** The readable summary of `results`. */
export function report(results: Record<string, unknown>): string {
  const out: string[] = [];
  const m = results['machine'] as { cpus: number; loadStart: number[] };
  out.push(`Machine: ${m.cpus} CPUs, load average at start ${m.loadStart.join(' ')}`);
  const b = results['build'] as Record<string, unknown> | undefined;
  if (b && b['wallSeconds'] !== undefined) {
    const steps = Object.entries(b['steps'] as Record<string, number>)
      .map(([k, v]) => `${k} ${v}s`)
      .join(', ');
    out.push(
      '',
      `Build (clean): ${b['wallSeconds']} s (${steps}); ${b['pages']} pages; dist/ ${(Number(b['distBytes']) / KB / KB).toFixed(1)} MB (Pagefind ${(Number(b['pagefindBytes']) / KB / KB).toFixed(1)} MB); peak RSS ${b['peakRssMb']} MB; load ${(b['loadBefore'] as number[]).join(' ')}`,
    );
  }
  const eds = results['editions'] as Record<string, unknown>[] | undefined;
  if (eds?.length) {
    out.push('', 'Editions: clean builds of the real site');
    out.push(
      table(
        ['editions', 'wall s', 'CPU s', 'pages', 'dist/ MB', 'peak tree MB'],
        eds.map((e) => [
          (e['editions'] as string[]).join(', '),
          String(e['wallSeconds']),
          String(e['cpuSeconds']),
          String(e['pages']),
          (Number(e['distBytes']) / KB / KB).toFixed(1),
          String(e['peakTreeRssMb']),
        ]),
      ),
    );
  }
  const w = results['pageWeights'] as Record<string, Record<string, unknown>> | undefined;
  if (w) {
    out.push('', 'Page weight, heaviest page of each type, KB raw / gzip');
    const rows = Object.entries(w).map(([type, v]) => {
      if (v['status'] !== 'built') return [type, 'not built', '', '', '', '', '', '', ''];
      const h = v['heaviest'] as PageWeight;
      const checks = (v['checks'] as { target: string; pass: boolean }[])
        .map((c) => `${c.pass ? 'PASS' : 'FAIL'} ${c.target}`)
        .join('; ');
      return [
        type,
        String(v['pages']),
        h.page,
        `${kb(h.html.raw)}/${kb(h.html.gzip)}`,
        `${kb(h.css.raw)}/${kb(h.css.gzip)}`,
        `${kb(h.js.raw)}/${kb(h.js.gzip)}`,
        `${kb(h.font?.raw ?? 0)}/${kb(h.font?.gzip ?? 0)}`,
        `${kb(h.total.raw)}/${kb(h.total.gzip)}`,
        checks,
      ];
    });
    out.push(table(['type', 'pages', 'heaviest', 'HTML', 'CSS', 'JS', 'fonts', 'total', 'targets'], rows));
  }
  const lh = results['lighthouse'] as Record<string, Record<string, unknown>> | undefined;
  if (lh && !('status' in lh)) {
    out.push('', `Lighthouse (mobile, simulated throttling), target ${TARGETS.lighthouse} each`);
    out.push(
      table(
        ['page', 'path', 'perf', 'a11y', 'best', 'SEO', 'verdict'],
        Object.entries(lh).map(([type, v]) => {
          if (!v['scores']) return [type, 'not built', '', '', '', '', ''];
          const s = v['scores'] as Record<string, number | null>;
          const all = ['performance', 'accessibility', 'best-practices', 'seo'].map((k) => s[k] ?? 0);
          return [type, String(v['path']), ...all, all.every((x) => x >= TARGETS.lighthouse) ? 'PASS' : 'FAIL'];
        }),
      ),
    );
    for (const [type, v] of Object.entries(lh))
      for (const f of (v['failing'] as { id: string; score: number; displayValue: string }[] | undefined) ?? [])
        out.push(`  ${type} loses points on: ${f.id} (score ${f.score}${f.displayValue ? `, ${f.displayValue}` : ''})`);
  } else if (lh) out.push('', `Lighthouse: ${String(lh['status'])}`);
  const s = results['search'] as Record<string, unknown> | undefined;
  if (s)
    out.push(
      '',
      `Search: ${s['status'] === 'measured' ? JSON.stringify(s['result']) : `${String(s['status'])} (${String(s['reason'])})`}`,
    );
  const sc = results['scale'] as Record<string, unknown>[] | undefined;
  if (sc?.length) {
    out.push(
      '',
      `Scale (generated content; goal: 3,000 districts < ${TARGETS.scaleSeconds / 60} min, ms/page not growing from 300 to 3,000)`,
    );
    out.push(
      table(
        [
          'districts',
          'pages',
          'wall s',
          'astro s',
          'search index s (beside astro)',
          'search after astro s',
          'ms/page',
          'astro ms/page',
          'CPU ms/page',
          'peak RSS MB (largest process / all)',
          'largest page KB',
          'load',
        ],
        sc.map((r) => {
          if (r['status'] !== 'built')
            return [String(r['districts']), String(r['status']), '', '', '', '', '', '', '', '', '', ''];
          const largest = r['largestPage'] as { file: string; bytes: number } | undefined;
          const steps = r['steps'] as Record<string, number>;
          return [
            String(r['districts']),
            String(r['pages']),
            String(r['wallSeconds']),
            String(steps['astro build'] ?? ''),
            String(steps['search index'] ?? ''),
            String(steps['search index after astro build'] ?? ''),
            String(r['msPerPage']),
            String(r['astroMsPerPage'] ?? ''),
            String(r['cpuMsPerPage'] ?? ''),
            `${r['peakRssMb'] ?? '–'} / ${r['peakTreeRssMb']}`,
            largest ? `${Math.round(largest.bytes / 1024)} (${largest.file})` : '–',
            (r['loadBefore'] as number[]).join(' '),
          ];
        }),
      ),
    );
    out.push('', 'Rebuilds over the clean build (incremental): nothing changed, then one case study edited');
    out.push(
      table(
        ['districts', 'rebuild', 'wall s', 'CPU s', 'peak tree MB', 'paths rendered', 'files changed', 'search index'],
        sc.flatMap((r) => {
          const rb = r['rebuilds'] as Record<string, Record<string, unknown>> | undefined;
          if (!rb || !rb['unchanged']) return [];
          return (['unchanged', 'oneEdit'] as const).map((k) => {
            const x = rb[k]!;
            return [
              String(r['districts']),
              k === 'unchanged' ? 'nothing changed' : 'one case study edited',
              String(x['wallSeconds']),
              String(x['cpuSeconds']),
              String(x['peakTreeRssMb']),
              `${x['rendered']} of ${x['paths']}`,
              String(x['filesChanged']),
              x['searchIndexKept'] ? 'kept' : 'written again',
            ];
          });
        }),
      ),
    );
    const verdicts = results['scaleVerdicts'] as { target: string; pass: boolean }[] | undefined;
    for (const v of verdicts ?? []) out.push(`  ${v.pass ? 'PASS' : 'FAIL'} ${v.target}`);
  }
  return out.join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string' },
      'lighthouse-runs': { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      chromium: { type: 'string' },
      'skip-build': { type: 'boolean' },
      'skip-editions': { type: 'boolean' },
      'skip-weights': { type: 'boolean' },
      'skip-lighthouse': { type: 'boolean' },
      'skip-search': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const scale =
    (values.scale ?? '30,300,3000') === 'none' ? [] : (values.scale ?? '30,300,3000').split(',').map(Number);
  if (scale.some((n) => !Number.isInteger(n) || n < 3)) {
    console.error('bench: --scale takes district counts ≥ 3, e.g. 30,300,3000, or "none"');
    process.exit(2);
  }
  const outFile = values.out ?? 'bench/results.json';
  const chromium = values.chromium ?? '/usr/bin/chromium';
  const results: Record<string, unknown> = {
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryMb: Math.round(totalmem() / KB / KB),
      node: process.version,
      loadStart: load(),
    },
  };
  const save = () => {
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, stableJson(results));
  };
  const stage = async (name: string, fn: () => Promise<unknown>) => {
    console.log(`bench: ${name}…`);
    results[name] = await fn();
    save();
  };
  if (!values['skip-build']) await stage('build', benchBuild);
  else if (!existsSync('dist')) {
    console.error('bench: --skip-build needs a built dist/ (npm run build)');
    process.exit(1);
  }
  if (!values['skip-editions']) await stage('editions', benchEditions);
  if (!values['skip-weights']) await stage('pageWeights', async () => pageWeights('dist'));
  if (!values['skip-lighthouse']) {
    if (!existsSync(chromium))
      results['lighthouse'] = {
        status: `not run: ${chromium} not found (apt-get install chromium, or --chromium PATH)`,
      };
    else await stage('lighthouse', () => benchLighthouse('dist', chromium, Number(values['lighthouse-runs'] ?? 3)));
  }
  if (!values['skip-search']) await stage('search', () => benchSearchIfAny('dist'));
  if (scale.length) {
    const runs: Record<string, unknown>[] = [];
    // Each run's files stay until all runs are done: on this machine's journal-less ext4, creating
    // files within minutes of deleting 100,000s of others costs the next build minutes of kernel
    // time (the allocator checks each recently freed inode), which would bill one run for another.
    const roots: string[] = [];
    try {
      for (const n of scale) {
        console.log(`bench: scale, ${n} districts…`);
        runs.push(await benchScale(n, Number(values.seed ?? 1), roots));
        results['scale'] = runs;
        save();
      }
    } finally {
      for (const root of roots) await clean(root);
    }
    const at = (n: number) => runs.find((r) => r['districts'] === n && r['status'] === 'built');
    const verdicts: { target: string; pass: boolean }[] = [];
    const big = at(3000),
      mid = at(300);
    if (big)
      verdicts.push({
        target: `3,000 districts built in under ${TARGETS.scaleSeconds / 60} minutes (${big['wallSeconds']} s)`,
        pass: Number(big['wallSeconds']) < TARGETS.scaleSeconds,
      });
    if (big)
      verdicts.push({
        target: `3,000 districts built within ${TARGETS.scaleMemoryMb / 1024} GB, process tree (${big['peakTreeRssMb']} MB)`,
        pass: Number(big['peakTreeRssMb']) <= TARGETS.scaleMemoryMb,
      });
    const unchanged = (big?.['rebuilds'] as Record<string, Record<string, unknown>> | undefined)?.['unchanged'];
    if (unchanged)
      verdicts.push({
        target:
          `3,000 districts rebuilt with nothing changed in under ${TARGETS.rebuildSeconds} s, no page rendered ` +
          `(${unchanged['wallSeconds']} s, ${unchanged['rendered']} rendered)`,
        pass: Number(unchanged['wallSeconds']) < TARGETS.rebuildSeconds && unchanged['rendered'] === 0,
      });
    // Growth allowance: 10 % for noise on a shared machine.
    if (big && mid)
      verdicts.push({
        target: `ms per page at 3,000 (${big['msPerPage']}) not above 300's (${mid['msPerPage']}) + 10 %`,
        pass: Number(big['msPerPage']) <= Number(mid['msPerPage']) * 1.1,
      });
    results['scaleVerdicts'] = verdicts;
  }
  results['machine'] = { ...(results['machine'] as object), loadEnd: load() };
  save();
  console.log(`\n${report(results)}`);
  console.log(`\nbench: wrote ${relative(process.cwd(), resolve(outFile))}`);
}
