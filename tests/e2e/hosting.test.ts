// Served like a real site: Debian's nginx (installed as the README says: scripts/lib/ensureNginx.ts)
// runs the build's own _host/nginx.conf on a loopback port, beside the local server
// (scripts/serveSite.ts), both serving a copy of dist/ with secrets planted around it. For one
// page of every type in both languages: status and headers as src/outputs/hostHeaders.ts
// describes them, the CSP header allowing all the page's <meta> CSP allows; framing from another
// origin in Chromium; compressed responses; not-found pages; traversal payloads.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../../scripts/lib/ensureBrowser.ts';
import { BROTLI_MODULE, ensureNginx } from '../../scripts/lib/ensureNginx.ts';
import { serveDir } from '../../scripts/serveSite.ts';
import { metaCsp } from '../../scripts/writeHostFiles.ts';
import { CACHE, COMMON_HEADERS, parseCsp } from '../../src/outputs/hostHeaders.ts';
import { pageTypes } from '../lib/pageTypes.ts';
import { tempDir } from '../lib/tempDir.ts';
import { plantSecrets, rawGet, SECRET, TRAVERSAL_PAYLOADS } from '../lib/traversal.ts';

const root = tempDir('hosting-');
const site = join(root, 'dist');
let nginx: ChildProcess | undefined;
let local: Server | undefined;
/** Port of each server under test. */
const ports: Record<'nginx' | 'local', number> = { nginx: 0, local: 0 };

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });

/**
 * Resolves once nginx, started as `proc` in the foreground, has written its pid to `pidFile`:
 * it does that after opening its listening sockets, so connections are accepted from then on.
 * Fails if nginx exits first, or after `ms`.
 */
function started(proc: ChildProcess, pidFile: string, log: string, ms = 30_000): Promise<void> {
  return new Promise((ok, fail) => {
    const written = () => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() === String(proc.pid);
    const watcher = watch(dirname(pidFile), () => written() && done());
    const exited = (code: number | null) => done(new Error(`nginx exited (${code}): ${readFileSync(log, 'utf8')}`));
    const guard = setTimeout(() => done(new Error(`nginx wrote no ${pidFile} in ${ms} ms`)), ms);
    function done(e?: Error) {
      watcher.close();
      clearTimeout(guard);
      proc.off('exit', exited);
      if (e) fail(e);
      else ok();
    }
    proc.once('exit', exited);
    // It may have been written before the watch began.
    if (written()) done();
  });
}

before(async () => {
  assert.ok(existsSync('dist/_headers'), 'dist/ has no _headers: run npm run build');
  const found = ensureNginx();
  const bin = found.nginx;
  if (!bin) assert.fail(`nginx: ${found.why}`);
  cpSync('dist', site, { recursive: true });
  plantSecrets(site);
  // nginx's workers run as an unprivileged user when started as root: let them read the copy.
  chmodSync(root, 0o755);
  ports.nginx = await freePort();
  const conf = join(root, 'nginx.conf');
  writeFileSync(
    conf,
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${root}/nginx.pid;`,
      `error_log ${root}/error.log warn;`,
      // Debian's modules-enabled/ names the module relative to Debian's prefix, not this one.
      `load_module ${BROTLI_MODULE};`,
      'events { worker_connections 64; }',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${root}/${t};`),
      '  server {',
      `    listen 127.0.0.1:${ports.nginx};`,
      `    root ${site};`,
      `    include ${site}/_host/nginx.conf;`,
      `    include ${site}/_host/nginx-brotli.conf;`,
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  nginx = spawn(bin, ['-p', root, '-c', conf, '-e', `${root}/error.log`], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await started(nginx, join(root, 'nginx.pid'), join(root, 'error.log'));
  const s = await serveDir(site);
  local = s.server;
  ports.local = Number(new URL(s.url).port);
});

after(async () => {
  nginx?.kill('SIGTERM');
  await new Promise((ok) => local?.close(ok));
});

/** One GET through node:http (no decompression): status, headers, body bytes. */
function get(server: keyof typeof ports, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: ports[server], path, headers, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        ok({
          status: res.statusCode ?? 0,
          headers: res.headers as Record<string, string>,
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path}: timeout`)));
    req.on('error', fail);
    req.end();
  });
}

const SERVERS = ['nginx', 'local'] as const;
/** Astro's assets, without the compressed copies beside them. */
const astroFiles = () =>
  readdirSync('dist/_astro')
    .filter((f) => !/\.(br|gz)$/.test(f))
    .sort();
const embedIds = readdirSync('dist/embed').sort();
/** One page of every type (and an embed), in Chinese and English. */
const pages = (() => {
  const zh = [...[...pageTypes().values()].map((members) => members[0]!), `/embed/${embedIds[0]}/`];
  return [...zh, ...zh.map((p) => `/en${p}`)];
})();
const fileOfPage = (p: string) => join('dist', p, 'index.html');
const caseStudy = pages.find((p) => p.startsWith('/case-studies/') && p !== '/case-studies/')!;
const embed = `/embed/${embedIds[0]}/`;

test('every page type answers 200 with the site headers, and its CSP header allows all its <meta> CSP allows', async () => {
  assert.ok(pages.length >= 20, `${pages.length} pages`);
  for (const server of SERVERS)
    for (const path of pages) {
      const r = await get(server, path);
      const what = `${server} ${path}`;
      assert.equal(r.status, 200, what);
      assert.equal(r.headers['content-type'], 'text/html; charset=utf-8', what);
      for (const [k, v] of Object.entries(COMMON_HEADERS)) assert.equal(r.headers[k.toLowerCase()], v, `${what}: ${k}`);
      assert.equal(r.headers['cache-control'], CACHE.short, what);
      const header = parseCsp(r.headers['content-security-policy'] ?? '');
      const meta = parseCsp(metaCsp(readFileSync(fileOfPage(path), 'utf8')) ?? '');
      assert.ok(meta.size > 0, `${path} has a <meta> CSP`);
      for (const [name, sources] of meta)
        for (const s of sources) assert.ok(header.get(name)?.includes(s), `${what}: header CSP ${name} lacks ${s}`);
      // A directive only the header had would restrict what the meta leaves to default-src.
      for (const name of header.keys())
        assert.ok(meta.has(name) || name === 'frame-ancestors', `${what}: header-only directive ${name}`);
      const isEmbed = /^\/(en\/)?(embed|v)\//.test(path);
      assert.deepEqual(header.get('frame-ancestors'), isEmbed ? undefined : ["'self'"], what);
      assert.equal(r.headers['x-frame-options'], isEmbed ? undefined : 'SAMEORIGIN', what);
    }
});

test('nginx and the local server send the same headers for pages, assets and downloads', async () => {
  const astro = astroFiles();
  const paths = [...pages, ...astro.map((f) => `/_astro/${f}`), '/embed.js', '/rss.xml', '/data/', '/en', '/nothing/'];
  const names = [
    ...Object.keys(COMMON_HEADERS),
    'Content-Security-Policy',
    'X-Frame-Options',
    'Cache-Control',
    'Content-Type',
    'Content-Encoding',
    'Location',
  ].map((n) => n.toLowerCase());
  for (const path of paths) {
    const [a, b] = await Promise.all(SERVERS.map((s) => get(s, path, { 'accept-encoding': 'gzip' })));
    assert.equal(a!.status, b!.status, path);
    // nginx's redirect has a small HTML body of its own (content-type text/html); the local one has none.
    for (const n of names.filter((x) => a!.status !== 301 || x !== 'content-type'))
      assert.equal(a!.headers[n], b!.headers[n], `${path}: ${n}`);
  }
});

test('hashed files are cached for a year, Pagefind entry files and HTML for minutes, with the right types', async () => {
  const pf = readdirSync('dist/pagefind');
  const meta = pf.find((f) => f.endsWith('.pf_meta'))!;
  const fragment = readdirSync('dist/pagefind/fragment')[0]!;
  const astro = astroFiles()[0]!;
  const expect: [string, string, string][] = [
    [
      `/_astro/${astro}`,
      CACHE.immutable,
      astro.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
    ],
    [`/pagefind/${meta}`, CACHE.immutable, 'application/octet-stream'],
    [`/pagefind/fragment/${fragment}`, CACHE.immutable, 'application/octet-stream'],
    ['/pagefind/pagefind.js', CACHE.short, 'text/javascript; charset=utf-8'],
    ['/pagefind/pagefind-entry.json', CACHE.short, 'application/json; charset=utf-8'],
    ['/pagefind/wasm.en.pagefind', CACHE.short, 'application/octet-stream'],
    ['/embed.js', CACHE.short, 'text/javascript; charset=utf-8'],
    [caseStudy, CACHE.short, 'text/html; charset=utf-8'],
  ];
  for (const server of SERVERS)
    for (const [path, cache, type] of expect) {
      const r = await get(server, path, { 'accept-encoding': 'br, gzip' });
      assert.equal(r.status, 200, `${server} ${path}`);
      assert.equal(r.headers['cache-control'], cache, `${server} ${path}`);
      assert.equal(r.headers['content-type'], type, `${server} ${path}`);
    }
  // Pagefind's files are gzip data its script unpacks: never labelled as an encoding.
  for (const server of SERVERS) {
    const r = await get(server, `/pagefind/fragment/${fragment}`, { 'accept-encoding': 'br, gzip' });
    assert.equal(r.headers['content-encoding'], undefined, server);
    assert.deepEqual(r.body, readFileSync(`dist/pagefind/fragment/${fragment}`), server);
  }
});

test('text is sent Brotli- or gzip-compressed from the copies beside it, and as it is to clients that accept neither', async () => {
  const css = `/_astro/${astroFiles().find((f) => f.endsWith('.css'))}`;
  const cases: [string, string][] = [
    [caseStudy, fileOfPage(caseStudy)],
    [css, join('dist', css)],
    ['/pagefind/pagefind.js', 'dist/pagefind/pagefind.js'],
    ['/data/', 'dist/data/index.html'],
  ];
  for (const server of SERVERS)
    for (const [path, file] of cases) {
      const original = readFileSync(file);
      const what = `${server} ${path}`;
      const br = await get(server, path, { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(br.headers['content-encoding'], 'br', what);
      assert.match(br.headers.vary ?? '', /accept-encoding/i, what);
      assert.ok(br.body.length < original.length, what);
      assert.deepEqual(brotliDecompressSync(br.body), original, what);
      const gz = await get(server, path, { 'accept-encoding': 'gzip' });
      assert.equal(gz.headers['content-encoding'], 'gzip', what);
      assert.deepEqual(gunzipSync(gz.body), original, what);
      const plain = await get(server, path);
      assert.equal(plain.headers['content-encoding'], undefined, what);
      assert.deepEqual(plain.body, original, what);
    }
});

test('missing paths get the not-found page of their language, with the site headers; host files are not served', async () => {
  const zh = readFileSync('dist/404.html');
  const en = readFileSync('dist/en/404.html');
  const cases: [string, Buffer][] = [
    ['/nothing/', zh],
    ['/case-studies/nowhere/', zh],
    ['/embed/nothing/', zh],
    ['/en/nothing/', en],
    ['/en/case-studies/nowhere/', en],
    ['/en/embed/nothing/', en],
    ['/_headers', zh],
    ['/_host/nginx.conf', zh],
  ];
  for (const server of SERVERS)
    for (const [path, body] of cases) {
      const r = await get(server, path);
      assert.equal(r.status, 404, `${server} ${path}`);
      assert.deepEqual(r.body, body, `${server} ${path}`);
      assert.equal(r.headers['content-type'], 'text/html; charset=utf-8', `${server} ${path}`);
      assert.match(r.headers['content-security-policy'] ?? '', /frame-ancestors 'self'/, `${server} ${path}`);
    }
});

test('no traversal payload reaches a file outside the served folder, on either server', async () => {
  const leaks: string[] = [];
  for (const server of SERVERS)
    for (const target of TRAVERSAL_PAYLOADS) {
      const r = await rawGet(ports[server], target);
      if (r.raw.includes(SECRET) || r.raw.includes('root:x:0:0') || r.status === 200)
        leaks.push(`${server} ${JSON.stringify(target)} → ${r.status}`);
    }
  assert.deepEqual(leaks, []);
  // The secrets are there to be found by a server that looks outside its folder.
  assert.equal(readFileSync(join(root, 'dist-private', 'secret.txt'), 'utf8'), SECRET);
});

test('in Chromium, a page on another origin can frame an embed but not a case study', async () => {
  const host: Server = createServer((_, res) => {
    const base = `http://127.0.0.1:${ports.nginx}`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><title>host</title><iframe id="embed" src="${base}${embed}"></iframe><iframe id="page" src="${base}${caseStudy}"></iframe>`,
    );
  });
  await new Promise<void>((ok) => host.listen(0, '127.0.0.1', ok));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/frame-ancestors|Refused to (display|frame)/.test(m.text())) blocked.push(m.text());
    });
    await page.goto(`http://127.0.0.1:${(host.address() as { port: number }).port}/`, {
      waitUntil: 'load',
      timeout: 20_000,
    });
    const frame = async (id: string) => (await (await page.$(`#${id}`))!.contentFrame())!;
    const embedFrame = await frame('embed');
    assert.equal(new URL(embedFrame.url()).pathname, embed);
    assert.ok(
      (await embedFrame.evaluate(() => document.querySelectorAll('svg').length)) > 0,
      'the embed shows its chart',
    );
    const pageFrame = await frame('page');
    // A refused frame is left on Chromium's error page: the case study's document never loads.
    assert.notEqual(pageFrame.url(), `http://127.0.0.1:${ports.nginx}${caseStudy}`);
    assert.equal(blocked.length, 1, `Chromium refuses one frame, for frame-ancestors: ${blocked.join(' | ')}`);
  } finally {
    await browser.close();
    await new Promise((ok) => host.close(ok));
  }
});
