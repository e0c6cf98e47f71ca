// The sitemap splits into an index of parts past the protocol's 50,000 entries, and the link
// checker follows the index to the parts and the parts to the pages.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SITEMAP_MAX_URLS, sitemapIndexXml, sitemapParts, urlsetXml } from '../../src/outputs/sitemap.ts';
import { checkLinks } from '../../src/checks/links.ts';
import { tempDir } from '../lib/tempDir.ts';
import { LANGS } from '../../src/site/editions.ts';
import { localePath } from '../../src/site/paths.ts';

const site = new URL('https://s.example/');
const paths = (n: number) => Array.from({ length: n }, (_, i) => `/data/p${i}/`);

test('one sitemap up to the limit, then parts of at most the limit with every path once, in order', () => {
  assert.deepEqual(
    sitemapParts(paths(Math.floor(SITEMAP_MAX_URLS / LANGS.length))),
    [],
    'as many paths as fit 50,000 entries (one per edition) make one file',
  );
  const all = paths(Math.floor(SITEMAP_MAX_URLS / LANGS.length) + 1);
  const parts = sitemapParts(all);
  assert.equal(parts.length, 2);
  assert.deepEqual(parts.flat(), all);
  for (const p of parts) assert.ok(p.length * LANGS.length <= SITEMAP_MAX_URLS);
  const small = sitemapParts(paths(5), 2 * LANGS.length);
  assert.deepEqual(
    small.map((p) => p.length),
    [2, 2, 1],
  );
});

test('a part lists each path in every edition with alternates; the index lists the parts', () => {
  const xml = urlsetXml(site, ['/', '/data/p1/']);
  assert.equal(xml.match(/<url>/g)?.length, 2 * LANGS.length);
  for (const l of LANGS) assert.ok(xml.includes(`<loc>${new URL(localePath(l, '/data/p1/'), site).href}</loc>`), l);
  const index = sitemapIndexXml(site, 3);
  assert.deepEqual(
    [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]),
    [1, 2, 3].map((n) => `https://s.example/sitemap-${n}.xml`),
  );
});

test('the link checker reports a sitemap index entry without its part, and a part entry without its page', () => {
  const dir = tempDir('sitemap-');
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write('index.html', '<html><head><link rel="canonical" href="https://s.example/"></head><body></body></html>');
  for (const l of LANGS)
    if (localePath(l, '/') !== '/') write(`${localePath(l, '/').slice(1)}index.html`, '<html><body></body></html>');
  write('sitemap.xml', sitemapIndexXml(site, 2));
  write('sitemap-1.xml', urlsetXml(site, ['/', '/gone/']));
  const broken = checkLinks(dir)
    .broken.map((b) => `${b.from} ${b.url}`)
    .sort();
  // Each missing page once as its own <loc> and once as an alternate of every edition's entry; the
  // root edition's also as every entry's x-default.
  const n = LANGS.length;
  const expected = LANGS.flatMap((l) =>
    Array(localePath(l, '/') === '/' ? 1 + 2 * n : 1 + n).fill(
      `sitemap-1.xml ${new URL(localePath(l, '/gone/'), site).href}`,
    ),
  );
  assert.deepEqual(broken, [...expected, 'sitemap.xml https://s.example/sitemap-2.xml'].sort());
});
