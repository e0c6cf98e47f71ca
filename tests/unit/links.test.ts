// The link checker finds what it should on a tiny fabricated site (the gate itself runs on dist/).
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkLinks } from '../../src/checks/links.ts';
import { tempDir } from '../lib/tempDir.ts';

function site(files: Record<string, string>): string {
  const dir = tempDir('links-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
const head = '<link rel="canonical" href="https://s.example/">';

test('resolves pages, anchors, site-origin alternates and sitemap entries', () => {
  const dir = site({
    'index.html': `<html><head>${head}<link rel="alternate" hreflang="en" href="https://s.example/en/"></head><body><a href="en/#x">x</a><a href="#top" id="top">t</a><img src="/a.svg" alt=""></body></html>`,
    'en/index.html': '<html><body><h2 id="x">x</h2></body></html>',
    'a.svg': '<svg/>',
    'sitemap.xml': '<urlset><url><loc>https://s.example/en/</loc></url></urlset>',
  });
  const r = checkLinks(dir);
  assert.deepEqual(r.broken, []);
  assert.equal(r.checked.anchor, 2);
  assert.equal(r.checked.sitemap, 1);
  assert.equal(r.checked.alternate, 1);
});

test('reports a missing page, a missing anchor, a missing image, a stale sitemap entry and a javascript: URL', () => {
  const dir = site({
    'index.html': `<html><head>${head}</head><body><a href="/nope/">a</a><a href="/en/#gone">b</a><img src="x.png" alt=""><a href="javascript:void 0">c</a></body></html>`,
    'en/index.html': '<html><body></body></html>',
    'sitemap.xml': '<urlset><url><loc>https://s.example/old/</loc></url></urlset>',
  });
  const r = checkLinks(dir);
  assert.deepEqual(r.broken.map((b) => b.url).sort(), [
    '/en/#gone',
    '/nope/',
    'https://s.example/old/',
    'javascript:void 0',
    'x.png',
  ]);
});

test('lists external URLs without counting them as checked', () => {
  const dir = site({
    'index.html': `<html><head>${head}</head><body><a href="https://other.example/p">o</a></body></html>`,
  });
  const r = checkLinks(dir);
  assert.deepEqual(
    r.external.map((e) => e.url),
    ['https://other.example/p'],
  );
  assert.equal(r.checked.page, 0);
});
