/**
 * The benchmark's own pieces, without running a benchmark: the scale generator is deterministic
 * and writes data that check:data accepts, page weights follow a page's own references, and
 * results are written with sorted keys.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { pageWeight, pageWeights, stableJson } from '../../scripts/bench.ts';
import { generateScaleContent } from '../../scripts/generateScaleContent.ts';
import { loadDataset } from '../../src/dataset/loadDataset.ts';
import { passageSignature } from '../../src/outputs/passages.ts';

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...env } });

test('bench and generateScaleContent answer --help without running anything', () => {
  for (const s of ['bench', 'generateScaleContent']) {
    const r = run([`scripts/${s}.ts`, '--help']);
    assert.equal(r.status, 0, s);
    assert.match(r.stdout, /Usage/, s);
  }
});

test('no generated case study repeats a paragraph (passages of one text need ids of their own)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scale-passages-'));
  try {
    generateScaleContent({ districts: 300, out: dir, seed: 1 });
    let checked = 0;
    for (const lang of ['zh', 'en'])
      for (const f of readdirSync(join(dir, 'case-studies', lang))) {
        const body = readFileSync(join(dir, 'case-studies', lang, f), 'utf8').split(/^---$/m)[2]!;
        const paragraphs = body
          .split(/\n\s*\n/)
          .map((p) => passageSignature(p.trim()))
          .filter((p) => p && !p.startsWith('#'));
        const seen = new Set<string>();
        for (const p of paragraphs) {
          assert.ok(!seen.has(p), `${lang}/${f} repeats a paragraph: ${p.slice(0, 40)}`);
          seen.add(p);
        }
        checked += paragraphs.length;
      }
    assert.ok(checked > 300 * 2 * 8, `only ${checked} paragraphs checked`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('generated content is deterministic, valid, and has realistic counts per district', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scale-test-'));
  try {
    const a = generateScaleContent({ districts: 8, out: join(dir, 'a'), seed: 7 });
    generateScaleContent({ districts: 8, out: join(dir, 'b'), seed: 7 });
    generateScaleContent({ districts: 8, out: join(dir, 'c'), seed: 8 });
    const files = (d: string) => readdirSync(join(dir, d), { recursive: true, encoding: 'utf8' }).sort();
    assert.deepEqual(files('a'), files('b'));
    for (const f of files('a').filter((f) => f.endsWith('.json') || f.endsWith('.mdx')))
      assert.equal(readFileSync(join(dir, 'a', f), 'utf8'), readFileSync(join(dir, 'b', f), 'utf8'), f);
    assert.notEqual(
      readFileSync(join(dir, 'a/data/observations.json'), 'utf8'),
      readFileSync(join(dir, 'c/data/observations.json'), 'utf8'),
    );
    assert.equal(a['districts'], 8);
    const loaded = loadDataset(join(dir, 'a/data'));
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.problems.map((p) => JSON.stringify(p)).join('\n'));
    const data = loaded.dataset;
    for (const d of data.districts.slice(3)) {
      const obs = data.observations.filter((o) => o.district === d.id).length;
      const src = data.sources.filter((s) => s.district === d.id).length;
      assert.ok(obs >= 18 && obs <= 74, `${d.id}: ${obs} observations`);
      assert.ok(src >= 1 && src <= 3, `${d.id}: ${src} sources`);
      for (const lang of ['zh', 'en'])
        assert.match(readFileSync(join(dir, 'a/case-studies', lang, `${d.id}.mdx`), 'utf8'), /<Fact id="/);
    }
    const facts = run(['scripts/checkFacts.ts'], { CONTENT_DIR: join(dir, 'a') });
    assert.equal(facts.status, 0, facts.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('page weight counts the page, its stylesheet, scripts and their static imports, not dynamic ones', () => {
  const dist = mkdtempSync(join(tmpdir(), 'weight-test-'));
  try {
    mkdirSync(join(dist, '_astro'), { recursive: true });
    mkdirSync(join(dist, 'search'), { recursive: true });
    mkdirSync(join(dist, 'case-studies/x'), { recursive: true });
    const css = 'body{color:red}',
      main = 'import"./dep.js";const p=()=>import("/pagefind/pagefind.js");',
      dep = 'export const a=1;';
    writeFileSync(join(dist, '_astro/site.css'), css);
    writeFileSync(join(dist, '_astro/main.js'), main);
    writeFileSync(join(dist, '_astro/dep.js'), dep);
    writeFileSync(join(dist, '_astro/unused.js'), 'x'.repeat(5000));
    const search =
      '<html><head><link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/main.js"></script></head><body><img src="https://example.org/x.png"></body></html>';
    writeFileSync(join(dist, 'search/index.html'), search);
    writeFileSync(
      join(dist, 'case-studies/x/index.html'),
      '<html><head><link rel="stylesheet" href="../../_astro/site.css"></head><body>x</body></html>',
    );
    const w = pageWeight(dist, 'search/index.html');
    assert.equal(w.css.raw, css.length);
    assert.equal(w.js.raw, main.length + dep.length);
    assert.equal(w.html.raw, search.length);
    assert.equal(w.total.raw, search.length + css.length + main.length + dep.length);
    assert.equal(w.html.gzip, gzipSync(search, { level: 9 }).length);
    const all = pageWeights(dist) as Record<string, { status: string; checks?: { target: string; pass: boolean }[] }>;
    assert.equal(all['embed']!.status, 'not built');
    assert.equal(all['case study']!.status, 'built');
    assert.ok(all['case study']!.checks!.every((c) => c.pass));
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});

test('page weight counts the fonts named by the CSS and preloads, once each, and holds them to 40 KB', () => {
  const dist = mkdtempSync(join(tmpdir(), 'weight-font-test-'));
  try {
    mkdirSync(join(dist, '_astro'), { recursive: true });
    mkdirSync(join(dist, 'fonts'), { recursive: true });
    mkdirSync(join(dist, 'case-studies/x'), { recursive: true });
    const css = [
      '@font-face{font-family:A;src:url(/fonts/a.woff2) format("woff2")}',
      '@font-face{font-family:B;src:url("/fonts/a.woff2")}',
      '@font-face{font-family:C;src:url(/fonts/b.woff2)}',
    ].join('');
    writeFileSync(join(dist, '_astro/site.css'), css);
    writeFileSync(join(dist, 'fonts/a.woff2'), Buffer.alloc(12_000, 1));
    writeFileSync(join(dist, 'fonts/b.woff2'), Buffer.alloc(9_000, 2));
    const page = [
      '<html><head><link rel="preload" href="/fonts/a.woff2" as="font" type="font/woff2" crossorigin="anonymous">',
      '<link rel="stylesheet" href="/_astro/site.css"></head><body>x</body></html>',
    ].join('');
    writeFileSync(join(dist, 'case-studies/x/index.html'), page);
    const w = pageWeight(dist, 'case-studies/x/index.html');
    assert.equal(w.font.raw, 21_000);
    assert.equal(w.img.raw, 0);
    assert.equal(w.total.raw, page.length + css.length + 21_000);
    const fontCheck = () =>
      (pageWeights(dist) as Record<string, { checks: { target: string; pass: boolean }[] }>)['case study']!.checks.find(
        (c) => c.target.startsWith('fonts'),
      );
    assert.equal(fontCheck()?.pass, true);
    writeFileSync(join(dist, 'fonts/b.woff2'), Buffer.alloc(30_000, 2));
    assert.equal(fontCheck()?.pass, false);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});

test('results are written with sorted keys at every level', () => {
  assert.equal(
    stableJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 2 } }),
    `${JSON.stringify({ a: { c: 2, d: [{ y: 2, z: 1 }] }, b: 1 }, null, 2)}\n`,
  );
});

test('with more districts, charts that compare districts draw the featured ones and colour only those', async () => {
  const { indexDataset, featuredDistricts, FEATURED_MAX } = await import('../../src/dataset/dataset.ts');
  const { timeline } = await import('../../src/charts/timeline.ts');
  const { districtColour, CONTEXT_COLOUR, PALETTE } = await import('../../src/charts/palette.ts');
  const dir = mkdtempSync(join(tmpdir(), 'scale-charts-'));
  try {
    generateScaleContent({ districts: 10, out: dir, seed: 3 });
    const loaded = loadDataset(join(dir, 'data'));
    assert.ok(loaded.ok);
    const data = indexDataset(loaded.dataset);
    assert.equal(data.districts.length, 10);
    const featured = featuredDistricts(data).map((d) => d.id);
    assert.equal(featured.length, FEATURED_MAX);
    const rows = timeline.rows({ data, lang: 'en', width: 720 });
    assert.deepEqual([...new Set(rows.map((r) => r.district))].sort(), [...featured].sort());
    assert.equal(districtColour(data, featured[0]!), PALETTE[0]);
    assert.equal(districtColour(data, data.districts[9]!.id), CONTEXT_COLOUR);
    // Observations of the site order: districts.json's order, then id.
    const rank = new Map(data.districts.map((d, i) => [d.id, i] as const));
    for (let i = 1; i < data.observations.length; i++)
      assert.ok(rank.get(data.observations[i - 1]!.district)! <= rank.get(data.observations[i]!.district)!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
