/**
 * Writes dist/: checks the data, builds the site with Astro into a scratch folder, indexes it
 * with Pagefind, then swaps it in. A failure at any step leaves the previous dist/ untouched.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, mkdirSync } from 'node:fs';
import { totalmem } from 'node:os';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' }, out: { type: 'string' } } });
if (values.help) {
  console.log(`Usage: npm run build [-- --out DIR]

Runs check:data and check:facts, then astro build into .build/next (DIR.next for another DIR) with
the search index (Pagefind) started beside it: data points are indexed from the dataset while
Astro writes the pages, the rest once the pages are there. Then replaces DIR (default dist/) with it.
On any failure exits non-zero and leaves DIR as it was.`);
  process.exit(0);
}
const out = values.out ?? 'dist';
// Another --out gets its own scratch folders beside it, so that a benchmark build and a build
// of dist/ (or a test's build) in the same checkout do not delete each other's pages.
const next = out === 'dist' ? '.build/next' : `${out}.next`;
const old = out === 'dist' ? '.build/old' : `${out}.old`;

function run(step: string, cmd: string, args: string[], env: Record<string, string> = {}): void {
  console.log(`build: ${step}`);
  const start = performance.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`build: ${step} failed (exit ${r.status ?? r.signal}); ${out}/ was left as it was.`);
    process.exit(1);
  }
  // The benchmark reads these lines to split build time by step.
  console.log(`build: ${step} took ${((performance.now() - start) / 1000).toFixed(2)} s`);
}

rmSync(next, { recursive: true, force: true });
rmSync(old, { recursive: true, force: true });
mkdirSync('.build', { recursive: true });
run('check:data', process.execPath, ['scripts/checkData.ts']);
run('check:facts', process.execPath, ['scripts/checkFacts.ts']);
// Node's default heap (about 4 GB here) fills up on sites of a few hundred thousand pages and the
// build then spends its time in garbage collection: allow up to half the machine's memory, 8 GB at most.
const heapMb = Math.min(8192, Math.floor(totalmem() / 2 ** 21));
const nodeOptions = /max-old-space-size/.test(process.env.NODE_OPTIONS ?? '') ? process.env.NODE_OPTIONS! : `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${heapMb}`.trim();
// The search index starts now, beside Astro: on two cores it indexes the data points (made from
// the dataset) while Astro renders, and reads the pages once told they are there.
console.log('build: search index (started beside astro build)');
const searchStart = performance.now();
const search = spawn(process.execPath, ['scripts/buildSearchIndex.ts', '--site', next, '--wait-for-site'], {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  // Cutting records makes many short-lived DOM nodes: a larger young generation halves the time in GC.
  env: { ...process.env, NODE_OPTIONS: `${nodeOptions} --max-semi-space-size=32` },
});
const searchDone = new Promise<number | string>((ok) => search.once('exit', (code, signal) => ok(code ?? signal ?? 'unknown')));
process.once('exit', () => { if (search.exitCode === null) search.kill(); });
run('astro build', process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], { ASTRO_OUT_DIR: next, NODE_OPTIONS: nodeOptions });
const astroEnd = performance.now();
if (search.connected) search.send('site-ready');
const searchExit = await searchDone;
if (searchExit !== 0) {
  console.error(`build: search index failed (exit ${searchExit}); ${out}/ was left as it was.`);
  process.exit(1);
}
const seconds = (ms: number) => (ms / 1000).toFixed(2);
// Both lines for the benchmark: the whole search index step, and the part of it that Astro did not hide.
console.log(`build: search index took ${seconds(performance.now() - searchStart)} s`);
console.log(`build: search index after astro build took ${seconds(performance.now() - astroEnd)} s`);
if (existsSync(out)) renameSync(out, old);
renameSync(next, out);
rmSync(old, { recursive: true, force: true });
console.log(`build: ${out}/ is ready`);
