// Checks over the built site's files (no browser): languages, alternates, Facts, feeds, schemas.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { getDataset } from '../../src/dataset/dataset.ts';
import { sitePaths } from '../../src/outputs/routes.ts';
import { edition, LANGS } from '../../src/site/editions.ts';
import { localePath } from '../../src/site/paths.ts';

const DIST = 'dist';
const html = (path: string) => readFileSync(join(DIST, path, 'index.html'), 'utf8');
const paths = sitePaths();

test('every page exists in both languages with one html lang per language', () => {
  for (const p of paths) {
    assert.match(html(p), /<html lang="zh-Hans">/, p);
    assert.match(html(`/en${p}`), /<html lang="en">/, `/en${p}`);
  }
});

test('the language switch and hreflang alternates land on the same page', () => {
  for (const p of paths) {
    const zh = html(p),
      en = html(`/en${p}`);
    assert.ok(zh.includes(`<a href="/en${p}" hreflang="en"`), `zh switch on ${p}`);
    assert.ok(en.includes(`<a href="${p}" hreflang="zh-Hans"`), `en switch on ${p}`);
    assert.match(zh, new RegExp(`<link rel="alternate" hreflang="en" href="[^"]*/en${p.replace(/[/]/g, '\\/')}"`), p);
  }
});

test('every observation has a data point page in both languages showing its locator', () => {
  const data = getDataset();
  for (const o of data.observations) {
    for (const prefix of ['', '/en']) {
      const page = html(`${prefix}/data/${o.id}/`);
      assert.ok(
        page.includes(o.locator.replace(/&/g, '&amp;').replace(/"/g, '&quot;')) || page.includes(o.locator),
        `${prefix}/data/${o.id}/ lacks its locator`,
      );
    }
  }
});

test('Facts in case studies render formatted values linked to data points', () => {
  const zh = html('/case-studies/zhangqiu/'),
    en = html('/en/case-studies/zhangqiu/');
  assert.match(
    zh,
    /<a class="fact" href="\/data\/zhangqiu-cadres-sent-down\/" data-fact="zhangqiu-cadres-sent-down">1200余人<\/a>/,
  );
  assert.match(
    en,
    /<a class="fact" href="\/en\/data\/zhangqiu-cadres-sent-down\/" data-fact="zhangqiu-cadres-sent-down">more than 1,200 people<\/a>/,
  );
});

test('sitemap lists every page in every edition; feeds list the case studies', () => {
  const sitemap = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
  assert.equal(sitemap.match(/<url>/g)?.length, paths.length * LANGS.length);
  for (const lang of LANGS) {
    const f = localePath(lang, '/rss.xml').slice(1);
    const feed = readFileSync(join(DIST, f), 'utf8');
    assert.equal(feed.match(/<item>/g)?.length, 3, f);
    assert.ok(feed.includes(`<language>${edition(lang).feedLang}</language>`), `${f}: its language`);
  }
});

test('the JSON Schemas of every dataset file are published', () => {
  // The host files' compressed copies (.br, .gz) of the larger schemas stand beside them.
  const files = readdirSync(join(DIST, 'data/schema'))
    .filter((f) => !/\.(?:br|gz)$/.test(f))
    .sort();
  assert.deepEqual(
    files,
    ['districts', 'frames', 'glossary', 'indicators', 'observations', 'sources'].map((n) => `${n}.schema.json`),
  );
  const obs = JSON.parse(readFileSync(join(DIST, 'data/schema/observations.schema.json'), 'utf8'));
  assert.equal(obs.type, 'array');
  assert.ok(obs.items.required.includes('locator'));
  assert.ok(existsSync(join(DIST, '404.html')));
});
