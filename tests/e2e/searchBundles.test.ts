/**
 * The search index in bundles (src/searchIndex/bundles.ts), as a site of thousands of districts
 * has it: the built site's index written again with one district per bundle, so that each of the
 * three districts has a bundle of its own, and searched in the browser beside the built site's
 * one-bundle index. Every query of the query table (its Chinese ones in both Chinese editions)
 * must find the same results in both.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from '../../scripts/lib/browser.ts';
import { QUERIES } from '../../scripts/lib/searchQueries.ts';
import { getDataset } from '../../src/dataset/dataset.ts';
import type { Facets } from '../../src/searchCore/query.ts';
import { filesUnder } from '../../src/searchIndex/filesUnder.ts';
import { edition, LANGS, type Lang } from '../../src/site/editions.ts';
import { localePath } from '../../src/site/paths.ts';
import { runSearch } from '../lib/searchUi.ts';
import { tempDir } from '../lib/tempDir.ts';

const root = tempDir('search-bundles-');
const site = join(root, 'site');
const siteRecord = join(root, 'site.search-bundles.json');
let one: Harness;
let split: Harness;
const loaded: string[] = [];

before(async () => {
  // Hard links: the pages are the built site's; only the index folder is new.
  execFileSync('cp', ['-al', 'dist', site]);
  rmSync(join(site, 'pagefind'), { recursive: true, force: true });
  execFileSync(
    process.execPath,
    ['scripts/buildSearchIndex.ts', '--site', site, '--bundle-districts', '1', '--record', siteRecord],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  one = await startHarness('dist');
  split = await startHarness(site);
});
after(async () => {
  await one?.close();
  await split?.close();
});

const facets = (lang: Lang) =>
  JSON.parse(readFileSync(join(site, 'pagefind', `facets.${edition(lang).pagefind}.json`), 'utf8')) as Facets;

test('one district per bundle: the first bundle at pagefind/, the others at pagefind/b1/, b2/…, each with every language', () => {
  const districts = getDataset().districts.length;
  assert.ok(districts >= 3, 'the site has at least three districts');
  const want = Array.from({ length: districts - 1 }, (_, i) => `b${i + 1}/`);
  for (const lang of LANGS)
    assert.deepEqual(
      facets(lang).bundles,
      want.map((path, i) => ({ path, language: `${edition(lang).pagefind}-x-b${i + 1}` })),
      `${lang}: facets file's bundles`,
    );
  for (const [i, b] of want.entries()) {
    const dir = join(site, 'pagefind', b);
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string; page_count: number }>;
    };
    const languages = LANGS.map((l) => `${edition(l).pagefind}-x-b${i + 1}`);
    assert.deepEqual(Object.keys(entry.languages).sort(), [...languages].sort(), b);
    for (const { hash, page_count } of Object.values(entry.languages)) {
      assert.ok(page_count > 0, `${b}${hash}: no pages`);
      assert.ok(existsSync(join(dir, `pagefind.${hash}.pf_meta`)), `${b}${hash}: no metadata`);
    }
    // Every file name carries the bundle's language: no result id is shared with another bundle.
    for (const sub of ['fragment', 'index'])
      for (const f of readdirSync(join(dir, sub)))
        assert.ok(
          languages.some((l) => f.startsWith(`${l}_`)),
          `${b}${sub}/${f} is not named by the bundle's language`,
        );
    // A merged bundle runs the first bundle's script and WebAssembly: it has neither of its own.
    const own = readdirSync(dir).filter((f) => /\.(js|pagefind)$/.test(f));
    assert.deepEqual(own, [], `${b} has scripts or WebAssembly`);
  }
  // The built site's own index, for the real site's few districts, is one bundle.
  for (const lang of LANGS) {
    const f = JSON.parse(
      readFileSync(join('dist', 'pagefind', `facets.${edition(lang).pagefind}.json`), 'utf8'),
    ) as Facets;
    assert.equal(f.bundles, undefined, `dist: ${lang} index in bundles`);
  }
});

test('every query of the query table finds the same results with the index in bundles as in one', async () => {
  const pages = new Map<string, Page>();
  const pageOf = async (h: Harness, lang: Lang) => {
    const key = `${h.url} ${lang}`;
    let page = pages.get(key);
    if (!page) {
      page = await h.browser.newPage();
      if (h === split) page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
      await page.goto(new URL(localePath(lang, '/search/').slice(1), h.url).href);
      pages.set(key, page);
    }
    return page;
  };
  const differ: string[] = [];
  let found = 0;
  // The table's Chinese queries are asked in the Traditional edition too, whose index is a third one.
  const cases = QUERIES.flatMap((c) => (c.lang === 'zh' ? [c, { ...c, lang: 'zh-Hant' as Lang }] : [c]));
  for (const c of cases) {
    const a = await runSearch(await pageOf(one, c.lang), c.q, c.filters);
    const b = await runSearch(await pageOf(split, c.lang), c.q, c.filters);
    found += a.length;
    // The same results; the order may differ where Pagefind scores ties from two bundles.
    if (JSON.stringify([...a].sort()) !== JSON.stringify([...b].sort()))
      differ.push(`[${c.lang}] ${c.q}: ${a.length} in one bundle, ${b.length} in bundles`);
  }
  assert.ok(found > cases.length, 'the query table finds results');
  assert.deepEqual(differ, []);
  // The search pages loaded every bundle of their language.
  for (const lang of LANGS)
    for (const b of facets(lang).bundles ?? [])
      assert.ok(
        loaded.some((p) => p.startsWith(`/pagefind/${b.path}pagefind.${b.language}_`)),
        `${lang}: ${b.path} not loaded`,
      );
});

test("bundles whose records are unchanged are linked from the last index, and the result is a fresh index's", () => {
  // A copy of the built site in which one district's case study (the last district, so the last
  // bundle) says something new: the copies' own files, not links into dist/.
  const district = getDataset().districts.at(-1)!.id;
  const page = join('case-studies', district, 'index.html');
  const edited = readFileSync(join('dist', page), 'utf8').replace(
    /<h2 id="[^"]+">[^<]+<\/h2>\s*<p[^>]*>/,
    '$&新增一句：增量索引测试。',
  );
  assert.ok(edited.includes('增量索引测试'), 'the page has a paragraph after a heading to edit');
  const index = (name: string, ...args: string[]) => {
    const dir = join(root, name);
    execFileSync('cp', ['-al', 'dist', dir]);
    rmSync(join(dir, 'pagefind'), { recursive: true, force: true });
    rmSync(join(dir, page));
    writeFileSync(join(dir, page), edited);
    const log = execFileSync(
      process.execPath,
      ['scripts/buildSearchIndex.ts', '--site', dir, '--bundle-districts', '1', '--record', `${dir}.json`, ...args],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    return { dir, log };
  };
  const kept = index('kept', '--keep-from', site, '--keep-record', siteRecord);
  const fresh = index('fresh');
  const last = getDataset().districts.length - 1;
  const keptBundles = [...kept.log.matchAll(/keeping bundle (\d+) of the last build \((\d+) files linked\)/g)];
  assert.deepEqual(
    keptBundles.map((m) => Number(m[1])),
    Array.from({ length: last }, (_, k) => k),
    "every bundle but the edited district's is kept",
  );
  assert.ok(keptBundles.every((m) => Number(m[2]) > 0));
  assert.match(kept.log, new RegExp(`the zh index of bundle ${last} \\(pagefind/b${last}/\\) was written`));
  assert.doesNotMatch(fresh.log, /keeping bundle/);
  const files = (dir: string) => filesUnder(join(dir, 'pagefind'));
  assert.deepEqual(files(kept.dir), files(fresh.dir));
  for (const f of files(fresh.dir))
    assert.ok(
      readFileSync(join(kept.dir, 'pagefind', f)).equals(readFileSync(join(fresh.dir, 'pagefind', f))),
      `pagefind/${f} differs from a fresh index's`,
    );
  assert.deepEqual(
    JSON.parse(readFileSync(`${kept.dir}.json`, 'utf8')),
    JSON.parse(readFileSync(`${fresh.dir}.json`, 'utf8')),
  );
});
