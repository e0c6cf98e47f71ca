/**
 * Measures the search page against a built site, over the query table of
 * scripts/lib/searchQueries.ts:
 * - first-query transfer: every byte a fresh browser fetches from opening /search/?q=… until the
 *   results are shown, counted compressed as a static host would serve them (gzip level 6 for
 *   text; Pagefind's index, fragments and wasm are gzip files already and count as they are);
 * - latency: milliseconds from the last keystroke to results shown, typing each query once into
 *   a page whose Pagefind is already loaded (warm): median, and the slowest query;
 * - where the first-query bytes go: per kind of file (the page, its CSS, the search script,
 *   Pagefind's script, wasm and metadata, index chunks, fragments, the facets and t2s files),
 *   median and largest over the table.
 * Prints a table; `benchSearch(distDir)` returns the figures for `npm run bench`.
 */
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startHarness } from './lib/browser.ts';
import { QUERIES } from './lib/searchQueries.ts';

/** Budgets from the issue: first-query bytes compressed (median and largest over the table), warm latency of every query. */
export const BUDGET = { firstQueryBytesMedian: 100 * 1024, firstQueryBytesMax: 130 * 1024, latencyMsMax: 150 } as const;

/** The kinds of file a first query fetches, by URL path. */
const KINDS: [string, RegExp][] = [
  ['page', /\/search\/$/],
  ['site CSS', /\.css$/],
  ['search script', /\/_astro\/.*\.js$/],
  ['pagefind.js', /\/pagefind\/pagefind\.js$/],
  ['Pagefind wasm', /\/pagefind\/wasm\./],
  ['Pagefind metadata', /\/pagefind\/(pagefind\.[^/]+\.pf_meta|pagefind-entry\.json)$/],
  ['index chunks', /\/pagefind\/index\//],
  ['fragments', /\/pagefind\/fragment\//],
  ['facets', /\/pagefind\/facets\./],
  ['t2s', /\/pagefind\/t2s\./],
  ['filters', /\/pagefind\/filter\//],
];
const kindOf = (path: string): string => KINDS.find(([, re]) => re.test(path))?.[0] ?? 'other';

/** One query's figures. */
export interface QueryFigures {
  lang: 'zh' | 'en';
  q: string;
  firstQueryBytes: number;
  /** First-query bytes per kind of file (`KINDS`). */
  bytesByKind: Record<string, number>;
  latencyMs: number;
  results: number;
}

/** The benchmark's result. */
export interface SearchBench {
  queries: QueryFigures[];
  /** Median and largest first-query transfer, bytes compressed. */
  firstQueryBytesMedian: number;
  firstQueryBytesMax: number;
  /** Median and largest first-query bytes per kind of file. */
  bytesByKind: Record<string, { median: number; max: number }>;
  /** Median and largest warm latency from last keystroke to results, ms, and the slowest query. */
  latencyMsMedian: number;
  latencyMsMax: number;
  slowest: { lang: 'zh' | 'en'; q: string };
  withinBudget: boolean;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Compressed size of one response body as a static host would send it. */
export function wireBytes(body: Buffer): number {
  if (body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b) return body.length;
  return gzipSync(body, { level: 6 }).length;
}

const searchPath = (lang: 'zh' | 'en') => (lang === 'en' ? 'en/search/' : 'search/');
const unique = () =>
  QUERIES.filter(
    (c, i) => !c.filters && QUERIES.findIndex((d) => !d.filters && d.lang === c.lang && d.q === c.q) === i,
  );

async function firstQuery(
  browser: Browser,
  base: string,
  lang: 'zh' | 'en',
  q: string,
): Promise<{ bytes: number; byKind: Record<string, number>; results: number }> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const pending: Promise<[string, number]>[] = [];
  page.on('response', (res) => {
    const kind = kindOf(new URL(res.url()).pathname);
    pending.push(
      res.body().then(
        (b) => [kind, wireBytes(b)] as [string, number],
        () => [kind, 0] as [string, number],
      ),
    );
  });
  await page.goto(new URL(`${searchPath(lang)}?q=${encodeURIComponent(q)}`, base).href);
  await page.waitForFunction(() =>
    document.querySelector<HTMLFormElement>('#search-form')?.dataset.doneKey?.startsWith('q='),
  );
  await page.waitForLoadState('networkidle');
  const byKind: Record<string, number> = {};
  for (const [kind, b] of await Promise.all(pending)) byKind[kind] = (byKind[kind] ?? 0) + b;
  const bytes = Object.values(byKind).reduce((a, b) => a + b, 0);
  const results = await page.locator('.search-result').count();
  await ctx.close();
  return { bytes, byKind, results };
}

async function typeAndTime(page: Page, q: string): Promise<number> {
  return page.evaluate(
    (q) =>
      new Promise<number>((done) => {
        const form = document.querySelector<HTMLFormElement>('#search-form')!;
        const input = document.querySelector<HTMLInputElement>('#search-q')!;
        const on = (e: Event) => {
          const d = (e as CustomEvent<{ q: string; ms: number }>).detail;
          if (d.q !== q) return;
          form.removeEventListener('search:done', on);
          done(d.ms);
        };
        form.addEventListener('search:done', on);
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    q,
  );
}

/** Runs the benchmark against `distDir` (a built site). */
export async function benchSearch(distDir = 'dist'): Promise<SearchBench> {
  if (!existsSync(`${distDir}/pagefind/pagefind.js`))
    throw new Error(`benchSearch: ${distDir}/ has no search index: run npm run build first`);
  const h = await startHarness(distDir);
  try {
    const cases = unique();
    const figures: QueryFigures[] = [];
    for (const c of cases) {
      const { bytes, byKind, results } = await firstQuery(h.browser, h.url, c.lang, c.q);
      figures.push({ lang: c.lang, q: c.q, firstQueryBytes: bytes, bytesByKind: byKind, latencyMs: NaN, results });
    }
    for (const lang of ['zh', 'en'] as const) {
      const page = await h.browser.newPage();
      await page.goto(new URL(searchPath(lang), h.url).href);
      // Warm: Pagefind, its wasm and the facets loaded by one query not in the table.
      await typeAndTime(page, lang === 'zh' ? '村' : 'village');
      for (const f of figures.filter((x) => x.lang === lang)) f.latencyMs = await typeAndTime(page, f.q);
      await page.close();
    }
    const bytes = figures.map((f) => f.firstQueryBytes);
    const kinds = [...new Set(figures.flatMap((f) => Object.keys(f.bytesByKind)))].sort();
    const slowest = figures.reduce((a, b) => (b.latencyMs > a.latencyMs ? b : a));
    const out: SearchBench = {
      queries: figures,
      firstQueryBytesMedian: median(bytes),
      firstQueryBytesMax: Math.max(...bytes),
      bytesByKind: Object.fromEntries(
        kinds.map((k) => {
          const xs = figures.map((f) => f.bytesByKind[k] ?? 0);
          return [k, { median: median(xs), max: Math.max(...xs) }];
        }),
      ),
      latencyMsMedian: median(figures.map((f) => f.latencyMs)),
      latencyMsMax: slowest.latencyMs,
      slowest: { lang: slowest.lang, q: slowest.q },
      withinBudget: false,
    };
    out.withinBudget =
      out.firstQueryBytesMedian <= BUDGET.firstQueryBytesMedian &&
      out.firstQueryBytesMax <= BUDGET.firstQueryBytesMax &&
      out.latencyMsMax <= BUDGET.latencyMsMax;
    return out;
  } finally {
    await h.close();
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { dir: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(`Usage: node scripts/benchSearch.ts [--dir dist] [--json]

Serves the built site and, for each distinct query of scripts/lib/searchQueries.ts, measures
the bytes a fresh browser transfers (compressed) from opening the search page with ?q= to the
results, and the warm latency from the last keystroke to results. Prints a table, the bytes per
kind of file, the medians and the largest figures (budget: first query ${BUDGET.firstQueryBytesMedian / 1024} KB
median and ${BUDGET.firstQueryBytesMax / 1024} KB at most, every query within ${BUDGET.latencyMsMax} ms warm). Exits 1 when over budget.`);
    process.exit(0);
  }
  const r = await benchSearch(values.dir ?? 'dist');
  if (values.json) console.log(JSON.stringify(r, null, 2));
  else {
    console.table(
      r.queries.map((f) => ({
        lang: f.lang,
        query: f.q,
        'first query KB': +(f.firstQueryBytes / 1024).toFixed(1),
        'warm ms': +f.latencyMs.toFixed(1),
        results: f.results,
      })),
    );
    console.table(
      Object.fromEntries(
        Object.entries(r.bytesByKind).map(([k, v]) => [
          k,
          { 'median KB': +(v.median / 1024).toFixed(1), 'max KB': +(v.max / 1024).toFixed(1) },
        ]),
      ),
    );
    console.log(
      `first-query transfer: median ${(r.firstQueryBytesMedian / 1024).toFixed(1)} KB, max ${(r.firstQueryBytesMax / 1024).toFixed(1)} KB (budget ${BUDGET.firstQueryBytesMedian / 1024} KB median, ${BUDGET.firstQueryBytesMax / 1024} KB max)`,
    );
    console.log(
      `warm latency from last keystroke: median ${r.latencyMsMedian.toFixed(1)} ms, slowest ${r.latencyMsMax.toFixed(1)} ms ([${r.slowest.lang}] ${r.slowest.q}) (budget ${BUDGET.latencyMsMax} ms for every query)`,
    );
    console.log(r.withinBudget ? 'within budget' : 'OVER BUDGET');
  }
  process.exit(r.withinBudget ? 0 : 1);
}
