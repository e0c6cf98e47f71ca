/**
 * Writes dist/: checks the data, builds the site with Astro into a scratch folder, indexes it
 * with Pagefind, then swaps it in. A failure at any step leaves the previous dist/ untouched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' }, out: { type: 'string' } } });
if (values.help) {
  console.log(`Usage: npm run build [-- --out DIR]

Runs check:data, astro build and the search index (Pagefind) into .build/next, then replaces DIR (default dist/)
with it. On any failure exits non-zero and leaves DIR as it was.`);
  process.exit(0);
}
const out = values.out ?? 'dist';
const next = '.build/next';
const old = '.build/old';

function run(step: string, cmd: string, args: string[], env: Record<string, string> = {}): void {
  console.log(`build: ${step}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`build: ${step} failed (exit ${r.status ?? r.signal}); ${out}/ was left as it was.`);
    process.exit(1);
  }
}

rmSync(next, { recursive: true, force: true });
rmSync(old, { recursive: true, force: true });
mkdirSync('.build', { recursive: true });
run('check:data', process.execPath, ['scripts/checkData.ts']);
run('check:facts', process.execPath, ['scripts/checkFacts.ts']);
run('astro build', process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], { ASTRO_OUT_DIR: next });
run('search index', process.execPath, ['scripts/buildSearchIndex.ts', '--site', next]);
if (existsSync(out)) renameSync(out, old);
renameSync(next, out);
rmSync(old, { recursive: true, force: true });
console.log(`build: ${out}/ is ready`);
