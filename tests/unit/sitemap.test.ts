// The sitemap splits into an index of parts past the protocol's 50,000 entries, and the link
// checker follows the index to the parts and the parts to the pages.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SITEMAP_MAX_URLS, sitemapIndexXml, sitemapParts, urlsetXml } from '../../src/outputs/sitemap.ts';
import { checkLinks } from '../../src/checks/links.ts';
import { tempDir } from '../lib/tempDir.ts';

const site = new URL('https://s.example/');
const paths = (n: number) => Array.from({ length: n }, (_, i) => `/data/p${i}/`);

test('one sitemap up to the limit, then parts of at most the limit with every path once, in order', () => {
  assert.deepEqual(
    sitemapParts(paths(SITEMAP_MAX_URLS / 2)),
    [],
    'exactly 50,000 entries (two languages) fit one file',
  );
  const all = paths(SITEMAP_MAX_URLS / 2 + 1);
  const parts = sitemapParts(all);
  assert.equal(parts.length, 2);
  assert.deepEqual(parts.flat(), all);
  for (const p of parts) assert.ok(p.length * 2 <= SITEMAP_MAX_URLS);
  const small = sitemapParts(paths(5), 4);
  assert.deepEqual(
    small.map((p) => p.length),
    [2, 2, 1],
  );
});

test('a part lists each path in both languages with alternates; the index lists the parts', () => {
  const xml = urlsetXml(site, ['/', '/data/p1/']);
  assert.equal(xml.match(/<url>/g)?.length, 4);
  assert.match(xml, /<loc>https:\/\/s\.example\/en\/data\/p1\/<\/loc>/);
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
  write('en/index.html', '<html><body></body></html>');
  write('sitemap.xml', sitemapIndexXml(site, 2));
  write('sitemap-1.xml', urlsetXml(site, ['/', '/gone/']));
  const broken = checkLinks(dir)
    .broken.map((b) => `${b.from} ${b.url}`)
    .sort();
  // Each missing page three times: its own <loc> and the two alternates of both language entries.
  assert.deepEqual(broken, [
    ...Array(3).fill('sitemap-1.xml https://s.example/en/gone/'),
    ...Array(3).fill('sitemap-1.xml https://s.example/gone/'),
    'sitemap.xml https://s.example/sitemap-2.xml',
  ]);
});
