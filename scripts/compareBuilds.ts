/**
 * Writes two clean builds (.build/compare-a, .build/compare-b) and compares them file by file:
 * the same file list and byte-identical contents, and no build machine path inside any file.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listFiles } from '../src/checks/builtSite.ts';

const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' }, keep: { type: 'boolean' } } });
if (values.help) {
  console.log(`Usage: node scripts/compareBuilds.ts [--keep]

Builds the site twice from scratch (scripts/buildSite.ts --out .build/compare-a, then -b, each
after removing Astro's cache in node_modules/.astro and with an empty PNG cache of its own;
the second in another time zone and
locale), then checks that both have the same files
with byte-identical contents and that no file names the checkout's absolute path. Nothing is
ignored. Prints the build times and every difference; exits 1 on any. --keep leaves both folders.`);
  process.exit(0);
}

/**
 * Paths (relative to the build) excluded from the comparison, each with why. Empty: every file
 * of the build, Pagefind's index included, must be reproducible.
 */
const IGNORED: { pattern: RegExp; why: string }[] = [];

const dirs = ['.build/compare-a', '.build/compare-b'];
// The second build runs in another time zone (UTC+14) and locale, so output that depends on the
// build machine's clock zone or language shows up as a difference.
const envs = [
  { TZ: 'UTC', LANG: 'C.UTF-8' },
  { TZ: 'Pacific/Kiritimati', LANG: 'zh_CN.UTF-8' },
];
const seconds: number[] = [];
for (const [n, dir] of dirs.entries()) {
  rmSync(dir, { recursive: true, force: true });
  // A clean build: no content-layer cache carried over from an earlier one.
  rmSync('node_modules/.astro', { recursive: true, force: true });
  // Chart PNGs are cached by content hash; an empty cache per build makes both render every PNG.
  const pngCache = `${dir}-png-cache`;
  rmSync(pngCache, { recursive: true, force: true });
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['scripts/buildSite.ts', '--out', dir], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...envs[n], PNG_CACHE_DIR: pngCache },
  });
  seconds.push((Date.now() - t0) / 1000);
  if (r.status !== 0) {
    console.error(`compareBuilds: the build into ${dir} failed`);
    process.exit(1);
  }
}

const kept = (f: string) => !IGNORED.some((i) => i.pattern.test(f));
const [a, b] = dirs.map((d) => listFiles(d).filter(kept)) as [string[], string[]];
const problems: string[] = [];
const inB = new Set(b);
const inA = new Set(a);
for (const f of a) if (!inB.has(f)) problems.push(`only in the first build: ${f}`);
for (const f of b) if (!inA.has(f)) problems.push(`only in the second build: ${f}`);
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const root = resolve('.');
for (const f of a.filter((x) => inB.has(x))) {
  const x = readFileSync(join(dirs[0]!, f));
  const y = readFileSync(join(dirs[1]!, f));
  if (sha(join(dirs[0]!, f)) !== sha(join(dirs[1]!, f))) {
    let i = 0;
    while (i < x.length && x[i] === y[i]) i++;
    const around = (buf: Buffer) => JSON.stringify(buf.subarray(Math.max(0, i - 40), i + 40).toString('utf8'));
    problems.push(
      `differs: ${f} (${x.length} vs ${y.length} bytes; first difference at byte ${i}: ${around(x)} vs ${around(y)})`,
    );
  }
  if (x.includes(root)) problems.push(`names the build machine's path ${root}: ${f}`);
}

console.log(
  `compareBuilds: builds took ${seconds.map((s) => `${s.toFixed(1)} s`).join(' and ')}; ${a.length} files compared${IGNORED.length ? ` (ignoring ${IGNORED.map((i) => i.pattern).join(', ')})` : ', none ignored'}; ${problems.length} differences`,
);
for (const p of problems.slice(0, 40)) console.error(`  ${p}`);
if (problems.length > 40) console.error(`  … and ${problems.length - 40} more`);
if (!values.keep)
  for (const d of dirs) for (const x of [d, `${d}-png-cache`]) rmSync(x, { recursive: true, force: true });
process.exit(problems.length ? 1 : 0);
