import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { listFiles } from '../../src/checks/builtSite.ts';
import {
  CACHE,
  headerPolicy,
  headersFile,
  headersFor,
  matchHeaders,
  nginxConf,
  parseCsp,
  parseHeadersFile,
} from '../../src/outputs/hostHeaders.ts';
import { MIN_BYTES, writeEarlyCopies, writeHostFiles } from '../../scripts/writeHostFiles.ts';
import { tempDir } from '../lib/tempDir.ts';

const META = [
  "default-src 'self'; script-src 'self' 'sha256-a'; style-src 'self'",
  "default-src 'self'; script-src 'self' 'sha256-b'; img-src 'self' data:",
];
const policy = headerPolicy(META);

/** A build's files: pages, an embed, hashed and unhashed assets, Pagefind's. */
const FILES = [
  'index.html',
  '404.html',
  'embed.js',
  'favicon.svg',
  '_astro/Base.abc123.css',
  'case-studies/index.html',
  'case-studies/zhangqiu/index.html',
  'embed/unit-size/index.html',
  'en/index.html',
  'en/404.html',
  'en/case-studies/zhangqiu/index.html',
  'en/embed/unit-size/index.html',
  'pagefind/pagefind.js',
  'pagefind/pagefind-entry.json',
  'pagefind/pagefind.en_cb3347a34b.pf_meta',
  'pagefind/wasm.en.pagefind',
  'pagefind/fragment/en_10125df.pf_fragment',
  'pagefind/index/en_1a2b3c4.pf_index',
];

test('the header CSP is the union of the pages’ meta CSPs, plus frame-ancestors except on embeds', () => {
  const page = parseCsp(policy.page);
  assert.deepEqual(page.get('script-src'), ["'self'", "'sha256-a'", "'sha256-b'"]);
  assert.deepEqual(page.get('img-src'), ["'self'", 'data:']);
  assert.deepEqual(page.get('frame-ancestors'), ["'self'"]);
  assert.equal(parseCsp(policy.embed).has('frame-ancestors'), false);
  // Every source any page's meta allows, the header allows too.
  for (const m of META)
    for (const [name, sources] of parseCsp(m)) for (const s of sources) assert.ok(page.get(name)?.includes(s));
});

test('hashed files are immutable, Pagefind entry files and pages are not; embeds may be framed', () => {
  const cache = (p: string) => headersFor(p, policy)['Cache-Control'];
  assert.equal(cache('/_astro/Base.abc123.css'), CACHE.immutable);
  assert.equal(cache('/pagefind/pagefind.en_cb3347a34b.pf_meta'), CACHE.immutable);
  assert.equal(cache('/pagefind/fragment/en_10125df.pf_fragment'), CACHE.immutable);
  // A large site's other index bundles (src/searchIndex/bundles.ts): the same, one folder down.
  assert.equal(cache('/pagefind/b3/pagefind.zh-hant-x-b3_3a8d1d8c8d.pf_meta'), CACHE.immutable);
  for (const d of ['fragment', 'index', 'filter'])
    assert.equal(cache(`/pagefind/b12/${d}/zh-x-b12_4b3fa66.pf_${d}`), CACHE.immutable);
  for (const p of [
    '/pagefind/b3/pagefind-entry.json',
    '/pagefind/bx/fragment/zh_4b3fa66.pf_fragment',
    '/pagefind/pagefind.js',
    '/pagefind/pagefind-entry.json',
    '/pagefind/wasm.en.pagefind',
    '/',
    '/embed.js',
  ])
    assert.equal(cache(p), CACHE.short, p);
  assert.equal(headersFor('/en/embed/unit-size/', policy)['Content-Security-Policy'], policy.embed);
  assert.equal(headersFor('/en/embed/unit-size/', policy)['X-Frame-Options'], undefined);
  assert.equal(headersFor('/embed.js', policy)['Content-Security-Policy'], policy.page, '/embed.js is no embed page');
});

test('_headers gives every path exactly the described headers, each from one rule', () => {
  const text = headersFile([...FILES, '_headers', '_host/nginx.conf'], policy);
  const rules = parseHeadersFile(text);
  assert.ok(rules.length <= 100, 'Cloudflare Pages reads at most 100 rules');
  assert.ok(!rules.some((r) => r.pattern.startsWith('/_host')), 'no rule for the host-only files');
  const paths = [
    ...FILES.map((f) => `/${f}`),
    ...FILES.filter((f) => f.endsWith('index.html')).map((f) => `/${f.replace(/index\.html$/, '')}`),
    '/embed/missing/',
    '/case-studies/missing/',
  ];
  for (const path of paths) {
    const got = matchHeaders(rules, path);
    const names = got.map(([k]) => k);
    assert.equal(new Set(names).size, names.length, `${path}: a header set by two rules (${names.join(', ')})`);
    assert.deepEqual(Object.fromEntries(got), headersFor(path, policy), path);
  }
});

test('the nginx snippet has one location per kind of path and refuses values nginx would expand', () => {
  const conf = nginxConf(policy);
  for (const l of [
    'location / {',
    'location /en/ {',
    'location /embed/ {',
    'location /_astro/ {',
    'location ^~ /_host/',
  ])
    assert.ok(conf.includes(l), l);
  assert.match(conf, /location \/en\/ \{\n {4}error_page 404 \/en\/404\.html;/);
  assert.match(conf, /^gzip_static on;$/m);
  assert.throws(() => nginxConf(headerPolicy(["default-src 'self' https://$host"])), /cannot quote/);
});

test('writeHostFiles writes .br and .gz of text above the threshold, byte for byte the same each run', async () => {
  const dir = tempDir('host-files-');
  const page = `<!doctype html><meta http-equiv="content-security-policy" content="${META[0]}"><p>${'区 '.repeat(MIN_BYTES / 2)}</p>`;
  mkdirSync(join(dir, 'en'));
  writeFileSync(join(dir, 'index.html'), page);
  writeFileSync(join(dir, 'en', 'index.html'), page.replace(META[0]!, META[1]!));
  writeFileSync(join(dir, 'small.json'), '{}');
  writeFileSync(join(dir, 'chart.png'), Buffer.alloc(MIN_BYTES * 2));
  const first = await writeHostFiles(dir);
  const snapshot = () =>
    Object.fromEntries(listFiles(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
  const before = snapshot();
  assert.deepEqual(
    listFiles(dir).filter((f) => /\.(br|gz)$/.test(f)),
    ['en/index.html.br', 'en/index.html.gz', 'index.html.br', 'index.html.gz'],
  );
  assert.equal(brotliDecompressSync(readFileSync(join(dir, 'index.html.br'))).toString(), page);
  assert.equal(gunzipSync(readFileSync(join(dir, 'index.html.gz'))).toString(), page);
  // In file order: en/index.html (META[1]) before index.html.
  assert.deepEqual(first.policy, headerPolicy([META[1]!, META[0]!]));
  assert.ok(readFileSync(join(dir, '_headers'), 'utf8').includes(first.policy.page));
  assert.ok(readFileSync(join(dir, '_host', 'nginx.conf'), 'utf8').includes(first.policy.page));
  // A second run writes the same bytes, and removes a copy that no longer belongs (a file now too small).
  writeFileSync(join(dir, 'small.json.gz'), 'stale');
  await writeHostFiles(dir);
  assert.deepEqual(snapshot(), before);
});

test("the early pass's copies are kept only for files unchanged since, and the result is what one pass writes", async () => {
  const head = `<head><meta http-equiv="content-security-policy" content="${META[0]}"></head>`;
  const page = (n: number) =>
    `<!doctype html><html>${head}<body>${'<p>党建工作区 work zones</p>'.repeat(n)}</body></html>`;
  const make = (dir: string) => {
    mkdirSync(join(dir, 'case-studies', 'a'), { recursive: true });
    mkdirSync(join(dir, 'case-studies', 'b'), { recursive: true });
    mkdirSync(join(dir, '404'));
    mkdirSync(join(dir, 'pagefind'));
    writeFileSync(join(dir, 'case-studies', 'a', 'index.html'), page(800));
    writeFileSync(join(dir, 'case-studies', 'b', 'index.html'), page(700));
    // Astro moves the 404 folder's page once it is done, and the search index empties pagefind/.
    writeFileSync(join(dir, '404', 'index.html'), page(900));
    writeFileSync(join(dir, 'pagefind', 'facets.json'), JSON.stringify({ x: 'y'.repeat(MIN_BYTES) }));
  };
  const snapshot = (dir: string) =>
    Object.fromEntries(listFiles(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
  const root = tempDir('host-early-');
  const once = join(root, 'once');
  const twice = join(root, 'twice');
  const record = join(root, 'early.json');
  for (const dir of [once, twice]) make(dir);
  const early = await writeEarlyCopies(twice, record);
  assert.equal(early.compressed, 2, 'the two case studies, not the 404 page or the search index');
  assert.deepEqual(Object.keys(JSON.parse(readFileSync(record, 'utf8'))).sort(), [
    'case-studies/a/index.html',
    'case-studies/b/index.html',
  ]);
  // A page that changes after the early pass read it (as one read while Astro wrote it would).
  for (const dir of [once, twice]) writeFileSync(join(dir, 'case-studies', 'b', 'index.html'), page(750));
  await writeHostFiles(once);
  const final = await writeHostFiles(twice, { reuse: record });
  assert.equal(final.kept, 1);
  assert.equal(final.compressed, 3, 'case study b again, the 404 page and the search index file');
  assert.deepEqual(snapshot(twice), snapshot(once));
  assert.equal(
    brotliDecompressSync(readFileSync(join(twice, 'case-studies', 'b', 'index.html.br'))).toString(),
    page(750),
  );
  // Without a record (the early pass wrote none) every file is compressed.
  const none = await writeHostFiles(twice, { reuse: join(root, 'missing.json') });
  assert.equal(none.kept, 0);
  assert.deepEqual(snapshot(twice), snapshot(once));
});

test('an early pass stopped by the build keeps what it did, and the final pass compresses the rest', async () => {
  const root = tempDir('host-early-stop-');
  const once = join(root, 'once');
  const stopped = join(root, 'stopped');
  const record = join(root, 'early.json');
  // More pages than the 64 between two looks at stop(): the pass must stop partway, not before it starts.
  const head = `<head><meta http-equiv="content-security-policy" content="${META[0]}"></head>`;
  const page = (k: number) =>
    `<!doctype html><html>${head}<body>${`<p>第${k}页 page ${k}</p>`.repeat(900)}</body></html>`;
  for (const dir of [once, stopped])
    for (let k = 0; k < 200; k++) {
      mkdirSync(join(dir, 'data', `p${k}`), { recursive: true });
      writeFileSync(join(dir, 'data', `p${k}`, 'index.html'), page(k));
    }
  let looks = 0;
  const early = await writeEarlyCopies(stopped, record, () => ++looks > 1);
  const kept = Object.keys(JSON.parse(readFileSync(record, 'utf8')));
  assert.equal(looks, 2, 'it looks again after 64 files and stops there');
  assert.equal(early.compressed, 64);
  assert.equal(kept.length, 64);
  await writeHostFiles(once);
  const final = await writeHostFiles(stopped, { reuse: record });
  assert.equal(final.kept, 64);
  assert.equal(final.compressed, 136);
  const snapshot = (dir: string) =>
    Object.fromEntries(listFiles(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
  assert.deepEqual(snapshot(stopped), snapshot(once));
});

test('headers alone read again only the pages whose size or age differ from the policy record', async () => {
  const root = tempDir('host-policies-');
  const dir = join(root, 'site');
  const record = join(root, 'policies.json');
  const page = (csp: string) =>
    `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${csp}"></head><body>x</body></html>`;
  // Whole seconds, which the file system keeps exactly when set again.
  const T = new Date('2026-01-01T00:00:00Z');
  for (const p of ['a', 'b', 'c']) {
    mkdirSync(join(dir, p), { recursive: true });
    writeFileSync(join(dir, p, 'index.html'), page(META[0]!));
    utimesSync(join(dir, p, 'index.html'), T, T);
  }
  const first = await writeHostFiles(dir, { policies: record });
  assert.deepEqual(first.policy, headerPolicy([META[0]!]));
  // Page b gets another policy of the same length, and keeps its size and age: the record still
  // holds for it, so its head is not read again and its old policy stands.
  const same = META[0]!.replace('sha256-a', 'sha256-z');
  const b = join(dir, 'b', 'index.html');
  writeFileSync(b, page(same));
  utimesSync(b, T, T);
  assert.deepEqual(
    (await writeHostFiles(dir, { headers: true, compress: false, policies: record })).policy,
    first.policy,
  );
  // Page c gets a longer policy: its size differs, so it is read again.
  writeFileSync(join(dir, 'c', 'index.html'), page(META[1]!));
  const again = await writeHostFiles(dir, { compress: false, policies: record });
  assert.deepEqual(again.policy, headerPolicy([META[0]!, META[1]!]));
  // Without the record every page is read, and the same headers come out as with it, once the record is fresh.
  const fresh = await writeHostFiles(dir, { compress: false });
  assert.deepEqual(fresh.policy, headerPolicy([META[0]!, same, META[1]!]));
  utimesSync(b, T, new Date(T.getTime() + 1000));
  assert.deepEqual((await writeHostFiles(dir, { compress: false, policies: record })).policy, fresh.policy);
});
