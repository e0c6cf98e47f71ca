/**
 * Writes dist/: checks the data, builds the site with Astro into a scratch folder, indexes it
 * with Pagefind, adds the host files (precompressed copies, headers), then swaps it in. A failure at any step leaves the previous dist/ untouched.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundlerAllocatorEnv } from '../src/build/allocator.ts';
import { buildInputs } from '../src/build/buildInputs.ts';
import { searchKey, type BuildManifest } from '../src/build/pageKeys.ts';
import { publishDelta } from '../src/build/publish.ts';
import { isLocalOrigin, buildOrigin } from '../src/site/origin.ts';
import { splitLocalePath } from '../src/site/paths.ts';

const { values } = parseArgs({
  options: {
    help: { type: 'boolean', short: 'h' },
    out: { type: 'string' },
    site: { type: 'string' },
    full: { type: 'boolean' },
  },
});
if (values.help) {
  console.log(`Usage: npm run build [-- --out DIR] [-- --site URL] [-- --full]

Builds for the public address URL (or SITE_URL): every canonical link, embed code, citation,
oEmbed response, PNG footer, sitemap and feed names it. Without either, builds for the local server
(http://127.0.0.1:PORT/, PORT default 4321), the address npm start and npm run serve answer on.
Reserved names (*.example, *.test, *.invalid, example.com) are refused.

Runs check:data and check:facts beside astro build into .build/next (DIR.next for another DIR), with
each data point's JSON, CSV and citation files (scripts/writePointFiles.ts) and the search index
(Pagefind) started beside them: data points, sources and glossary terms are indexed
from the dataset, case studies and charts as Astro writes them, and the index is written while Astro
still writes the data point pages. Then writes the host files (scripts/writeHostFiles.ts: .br and .gz
copies, _headers, _host/nginx.conf; the copies of the pages written before the data point pages in an
early pass beside Astro, which stops when Astro is done) and replaces DIR (default dist/) with it.
On any failure exits non-zero and leaves DIR as it was.

Incremental: when DIR holds a build of the same code, configuration, origin and content but the
case studies (its manifest, .build/manifest.json or DIR.manifest.json, says so), only the pages
whose key changed are rendered (src/build/pageKeys.ts says what each page is made from), the
search index is written again only when a case study changed, only the files written are
compressed, and what changed is moved into DIR (src/build/publish.ts). --full builds everything.`);
  process.exit(0);
}
const out = values.out ?? 'dist';
let origin: string;
try {
  origin = buildOrigin({ SITE_URL: values.site ?? process.env.SITE_URL, PORT: process.env.PORT });
} catch (e) {
  console.error(`build: ${(e as Error).message}; nothing was built.`);
  process.exit(1);
}
console.log(
  `build: for ${origin}${isLocalOrigin(origin) ? " (this machine's server: npm run serve; for a public host set SITE_URL or --site)" : ''}`,
);
// Another --out gets its own scratch folders beside it, so that a benchmark build and a build
// of dist/ (or a test's build) in the same checkout do not delete each other's pages.
const next = out === 'dist' ? '.build/next' : `${out}.next`;
const old = out === 'dist' ? '.build/old' : `${out}.old`;

/** The child processes still running, stopped if the build fails. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of running) c.kill();
});

/** The check of the dataset, while it runs: a failure elsewhere waits for its verdict. */
let dataCheck: Promise<void> | undefined;
let failing = false;

/**
 * Fails the build: says which step failed and stops the others. Invalid data can also stop Astro
 * or the search index, and on a busy machine either may get there before check:data, whose message
 * names file, record and field: so a failure waits for check:data and lets it speak first.
 */
function fail(step: string, why: string): void {
  if (failing) return;
  if (step !== 'check:data' && dataCheck) {
    const pending = dataCheck;
    dataCheck = undefined;
    void pending.then(() => fail(step, why));
    return;
  }
  failing = true;
  console.error(`build: ${step} failed (${why}); ${out}/ was left as it was.`);
  for (const c of running) c.kill();
  process.exit(1);
}

/**
 * Runs one step as a child process; resolves when it exits 0, fails the build otherwise. A
 * `background` step runs at a lower scheduling priority (POSIX `nice`), it and all it starts.
 */
function run(
  step: string,
  cmd: string,
  args: string[],
  {
    env = {},
    ipc = false,
    background = false,
  }: { env?: Record<string, string>; ipc?: boolean; background?: boolean } = {},
): { child: ChildProcess; done: Promise<void> } {
  console.log(`build: ${step}`);
  const start = performance.now();
  if (background && process.platform !== 'win32') [cmd, args] = ['nice', ['-n', '10', cmd, ...args]];
  const child = spawn(cmd, args, {
    stdio: ['ignore', 'inherit', 'inherit', ...(ipc ? ['ipc' as const] : [])],
    env: { ...process.env, ...env },
  });
  running.add(child);
  const done = new Promise<void>((ok) => {
    child.once('error', (e) => fail(step, e.message));
    child.once('exit', (code, signal) => {
      running.delete(child);
      if (code !== 0) return fail(step, `exit ${code ?? signal}`);
      // The benchmark reads these lines to split build time by step.
      console.log(`build: ${step} took ${((performance.now() - start) / 1000).toFixed(2)} s`);
      ok();
    });
  });
  return { child, done };
}

rmSync(next, { recursive: true, force: true });
rmSync(old, { recursive: true, force: true });
mkdirSync('.build', { recursive: true });
mkdirSync(dirname(next), { recursive: true });
// Astro keeps the content it synced (its data store, in its cache folder node_modules/.astro/,
// and a module per MDX file listed in .astro/) and reads it again on the next build: after a
// build of another content folder (a test's or the benchmark's, since removed) it would import
// files that are gone. So both go when the content folder is not the last build's.
const contentDir = resolve(process.env.CONTENT_DIR ?? 'content');
const lastContentFile = '.build/content-dir';
if (!existsSync(lastContentFile) || readFileSync(lastContentFile, 'utf8') !== contentDir)
  for (const d of ['.astro', 'node_modules/.astro']) rmSync(d, { recursive: true, force: true });
writeFileSync(lastContentFile, contentDir);
const manifestFile = out === 'dist' ? '.build/manifest.json' : `${out}.manifest.json`;
const nextManifestFile = `${next}.manifest.json`;
// The search index's bundle record (src/searchIndex/keptBundles.ts), beside the manifest.
const searchRecordFile = manifestFile.replace(/\.json$/, '.search-bundles.json');
const nextSearchRecordFile = `${next}.search-bundles.json`;
// Each page's policy as the host files last read it (scripts/writeHostFiles.ts --policies).
const policyRecordFile = manifestFile.replace(/\.json$/, '.policies.json');
const nextPolicyRecordFile = `${next}.policies.json`;
const inputsFile = `${next}.inputs.json`;
rmSync(nextManifestFile, { force: true });
rmSync(nextSearchRecordFile, { force: true });
rmSync(nextPolicyRecordFile, { force: true });
const inputs = buildInputs({
  root: '.',
  code: ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'],
  content: process.env.CONTENT_DIR ?? 'content',
  dataDir: process.env.DATA_DIR,
  origin,
});
writeFileSync(inputsFile, JSON.stringify(inputs));
const readManifest = (file: string): BuildManifest | undefined => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BuildManifest;
  } catch {
    return undefined;
  }
};
const previous = !values.full && existsSync(out) ? readManifest(manifestFile) : undefined;
/** Incremental: the last build in `out` was made from the same code, configuration, origin and dataset. */
const incremental = previous?.version === 1 && previous.base === inputs.base ? previous : undefined;
const searchUnchanged = incremental?.search === searchKey(inputs);
/**
 * Nothing changed: the same base and the same case studies (the search key holds both) are every
 * input of every page (src/build/pageKeys.ts), and the build is deterministic (compareBuilds):
 * `out` is what this build would write, so only the checks run. (Files removed from `out` by
 * hand come back with --full.)
 */
const unchanged = incremental !== undefined && searchUnchanged;
console.log(
  `build: ${unchanged ? `nothing changed since the build in ${out}/` : incremental ? `incremental, over the build in ${out}/${searchUnchanged ? '; the search index is kept' : ''}` : 'full'}`,
);
// Astro is the longest step and the others run beside it: they yield to it (a background
// step), as on two cores they need less than the core Astro leaves them and then have the
// machine to themselves once it is done. At 3,000 districts, Astro took 449 s with them at
// equal priority and 419 s with them yielding. The checks run beside the build too: a failing check stops it at once, and the
// search index reads the pages only once both have passed.
// check:facts reads the dataset too, so it starts once check:data has passed: invalid data is
// then always reported as check:data's failure, whichever process would have got there first.
const dataChecked = run('check:data', process.execPath, ['scripts/checkData.ts'], { background: true }).done;
dataCheck = dataChecked.then(() => {
  dataCheck = undefined;
});
const checks = [
  { done: dataChecked },
  {
    done: dataChecked.then(
      () => run('check:facts', process.execPath, ['scripts/checkFacts.ts'], { background: true }).done,
    ),
  },
];
if (unchanged) {
  await Promise.all(checks.map((c) => c.done));
  rmSync(inputsFile, { force: true });
  // The benchmark reads these lines, as after any incremental build.
  console.log(`build: astro rendered 0 of ${Object.keys(incremental.paths).length} paths`);
  console.log('build: 0 files changed, 0 rendered again the same, 0 removed');
  console.log(`build: ${out}/ is ready, built for ${origin}`);
  process.exit(0);
}
// Node's default heap (about 4 GB here) fills up on sites of a few hundred thousand pages and the
// build then spends its time in garbage collection: allow up to half the machine's memory, 8 GB at most.
const heapMb = Math.min(8192, Math.floor(totalmem() / 2 ** 21));
const heapOptions = /max-old-space-size/.test(process.env.NODE_OPTIONS ?? '')
  ? process.env.NODE_OPTIONS!
  : `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${heapMb}`.trim();
// Rendering a page and cutting records make many short-lived objects: with a larger young
// generation, Astro at 300 districts spent 72 s instead of 89 s (the search index halved its time
// in GC), with no more memory at its peak.
const nodeOptions = /max-semi-space-size/.test(heapOptions) ? heapOptions : `${heapOptions} --max-semi-space-size=32`;
// The search index starts now, beside Astro: on two cores it indexes the records made from the
// dataset while Astro renders, then the case-study and chart pages as they are written (Astro
// renders them before any data point page, see astro.config.mjs), writes the index, and once
// told the site is there checks it. An incremental build reads the pages it does not render
// again from the last build, and keeps the last index when no case study changed.
const search = searchUnchanged
  ? undefined
  : run(
      'search index',
      process.execPath,
      [
        'scripts/buildSearchIndex.ts',
        '--site',
        next,
        '--wait-for-site',
        '--record',
        nextSearchRecordFile,
        ...(incremental
          ? ['--previous', out, '--plan', nextManifestFile, '--keep-from', out, '--keep-record', searchRecordFile]
          : []),
      ],
      { env: { NODE_OPTIONS: nodeOptions }, ipc: true, background: true },
    );
const astro = run('astro build', process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
  env: {
    ASTRO_OUT_DIR: next,
    NODE_OPTIONS: nodeOptions,
    SITE_URL: origin,
    // For the bundler only: astro.config.mjs puts the caller's value back before bundling starts.
    ...bundlerAllocatorEnv(process.env),
    BUILD_INPUTS: inputsFile,
    BUILD_MANIFEST_OUT: nextManifestFile,
    ...(incremental ? { BUILD_PREVIOUS: out, BUILD_MANIFEST_IN: manifestFile } : {}),
  },
});
// Each data point's files made from the dataset alone (src/outputs/pointFiles.ts), beside Astro
// once it has prepared its output folder; an incremental build has them already (the dataset is
// the same, or the build would be a full one).
const pointFiles = incremental
  ? undefined
  : run(
      'data point files',
      process.execPath,
      ['scripts/writePointFiles.ts', '--site', next, '--wait-for', nextManifestFile],
      { env: { SITE_URL: origin }, background: true },
    ).done;
// The early pass of the host files (scripts/writeHostFiles.ts --early), once the data point
// files are written: by then Astro has written the case-study, chart and other large pages and
// is on the data point pages, which it renders last. At 3,000 districts the copies took 151 s
// after Astro, most of it for those large pages. It stops when Astro is done (the stop file), so
// that it never holds up the build: the final pass compresses whatever it did not.
const earlyRecord = `${next}.early-copies.json`;
const earlyStop = `${next}.early-stop`;
rmSync(earlyRecord, { force: true });
rmSync(earlyStop, { force: true });
let astroDone = false;
const early = pointFiles?.then(async () => {
  if (astroDone) return;
  await run(
    'host files (early)',
    process.execPath,
    ['scripts/writeHostFiles.ts', '--site', next, '--early', earlyRecord, '--stop-when', earlyStop],
    { background: true },
  ).done;
});
await astro.done;
const astroEnd = performance.now();
astroDone = true;
if (early) writeFileSync(earlyStop, '');
const current = readManifest(nextManifestFile);
if (!current) fail('astro build', `it wrote no manifest to ${nextManifestFile}`);
const total = Object.keys(current!.paths).length;
// The benchmark reads this line.
console.log(`build: astro rendered ${current!.rendered?.length ?? total} of ${total} paths`);
await Promise.all(checks.map((c) => c.done));
await pointFiles;
await early;
if (search) {
  if (search.child.connected) search.child.send('site-ready');
  await search.done;
}
// For the benchmark: the part of the search index step that Astro did not hide.
console.log(`build: search index after astro build took ${((performance.now() - astroEnd) / 1000).toFixed(2)} s`);
// Once every file is final: compressed copies, _headers and the nginx snippet (its CSP is read
// from the pages), so that the folder swapped in is complete. An incremental build compresses
// what it wrote; the headers stay the last build's, as the same code makes the same policy, unless
// files were added or removed (pages, or the search index's), which the headers list.
const samePaths =
  incremental !== undefined &&
  Object.keys(incremental.paths).length === total &&
  Object.keys(incremental.paths).every((p) => p in current!.paths);
// The host files step lists every file of the build (2.5 million at 3,000 districts): it gets the larger heap too.
await run(
  'host files',
  process.execPath,
  [
    'scripts/writeHostFiles.ts',
    '--site',
    next,
    ...(incremental ? ['--compress-only'] : ['--reuse', earlyRecord, '--policies', nextPolicyRecordFile]),
  ],
  { env: { NODE_OPTIONS: nodeOptions } },
).done;
rmSync(earlyRecord, { force: true });
rmSync(earlyStop, { force: true });
if (incremental) {
  const r = publishDelta(next, out, incremental, current!, '.build/trash');
  // Which kinds of file changed: the first folder of each path, edition prefix aside.
  const kinds = new Map<string, number>();
  for (const f of r.changed) {
    const kind = splitLocalePath(`/${f}`).path.split('/')[1] ?? f;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  console.log(
    `build: ${r.changed.length} files changed, ${r.same} rendered again the same, ${r.removed.length} removed` +
      `${r.searchIndex ? ', search index replaced' : ''}` +
      `${kinds.size ? ` (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`,
  );
  // _headers names the search index's files, whose names are their contents' hashes.
  if (!samePaths || r.searchIndex)
    await run(
      'host headers',
      process.execPath,
      ['scripts/writeHostFiles.ts', '--site', out, '--headers-only', '--policies', policyRecordFile],
      {
        env: { NODE_OPTIONS: nodeOptions },
      },
    ).done;
} else {
  if (existsSync(out)) renameSync(out, old);
  renameSync(next, out);
  rmSync(old, { recursive: true, force: true });
}
renameSync(nextManifestFile, manifestFile);
// A kept search index keeps its record too.
if (existsSync(nextSearchRecordFile)) renameSync(nextSearchRecordFile, searchRecordFile);
if (existsSync(nextPolicyRecordFile)) renameSync(nextPolicyRecordFile, policyRecordFile);
rmSync(inputsFile, { force: true });
console.log(`build: ${out}/ is ready, built for ${origin}`);
