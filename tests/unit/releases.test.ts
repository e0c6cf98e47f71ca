// Frozen releases: the checks that keep them frozen, the field-by-field diff between two
// versions, and the notice of a pinned embed (against the real site's two releases).
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { diffDatasets } from '../../src/dataset/releaseDiff.ts';
import { freezeRelease, releaseOrThrow, releaseProblems, releases } from '../../src/dataset/releases.ts';
import { loadDataset } from '../../src/dataset/loadDataset.ts';
import { datasetVersion } from '../../src/dataset/version.ts';
import { chartDiffers, renderedChart, WIDTHS } from '../../src/charts/site.ts';
import { embedNotice } from '../../src/outputs/embed.ts';
import { tempDir } from '../lib/tempDir.ts';

const OLD = 'data-b17ebb822c';

/** A content folder with two releases: the valid fixture, then a copy with known differences. */
function twoReleases() {
  const dir = tempDir('releases-');
  const data = join(dir, 'data'),
    rel = join(dir, 'releases'),
    log = join(dir, 'changelog.json');
  cpSync('tests/fixtures/data-valid', data, { recursive: true });
  const v1 = freezeRelease(data, rel);
  const file = join(data, 'observations.json');
  const obs = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
  obs[0]!.value = 1500; // fushan-grids: value
  obs[0]!.label = { zh: '网格总数', en: 'All grids' }; // and label
  const removed = obs.splice(1, 1)[0]!.id; // fushan-small-villages-share
  writeFileSync(file, `${JSON.stringify(obs, null, 2)}\n`);
  const v2 = freezeRelease(data, rel);
  const entry = (version: string, date: string) => ({
    version,
    date,
    summary: { zh: '摘要', en: 'Summary' },
    changes: { zh: '改动', en: 'Changes' },
  });
  writeFileSync(log, JSON.stringify([entry(v2, '2026-12-02'), entry(v1, '2026-12-01')]));
  return { data, rel, log, v1, v2, removed };
}

test('a content folder with two frozen releases and no later change passes', () => {
  const f = twoReleases();
  assert.notEqual(f.v1, f.v2);
  assert.deepEqual(releaseProblems(f.rel, f.data, f.log), []);
  assert.throws(() => freezeRelease(f.data, f.rel), /exists already/);
});

test('an edited frozen release, unreleased data or a missing entry fail, naming the file', () => {
  const f = twoReleases();
  const frozen = join(f.rel, f.v1, 'sources.json');
  writeFileSync(frozen, readFileSync(frozen, 'utf8').replace('"id"', ' "id"'));
  const edited = releaseProblems(f.rel, f.data, f.log);
  assert.equal(edited.length, 1);
  assert.match(
    edited[0]!,
    new RegExp(`${f.v1}/sources.json: edited after release: the files hash to data-[0-9a-f]{10}, not ${f.v1}`),
  );

  const g = twoReleases();
  writeFileSync(
    join(g.data, 'glossary.json'),
    readFileSync(join(g.data, 'glossary.json'), 'utf8').replace('"id"', ' "id"'),
  );
  const changed = releaseProblems(g.rel, g.data, g.log);
  assert.equal(changed.length, 1);
  assert.match(changed[0]!, /data\/: the data \(data-\w+\) changed since the last frozen release .*writeRelease/);

  const h = twoReleases();
  writeFileSync(h.log, JSON.stringify(JSON.parse(readFileSync(h.log, 'utf8')).slice(0, 1)));
  assert.match(releaseProblems(h.rel, h.data, h.log).join('\n'), new RegExp(`changelog.json: no entry for .*${h.v1}`));
});

test('a content folder without releases has nothing to check (generated content)', () => {
  const dir = tempDir('no-releases-');
  mkdirSync(join(dir, 'data'));
  assert.deepEqual(releaseProblems(join(dir, 'releases'), join(dir, 'data'), 'content/changelog.json'), []);
});

test("the diff between the fixture's two releases lists exactly its differences, field by field", () => {
  const f = twoReleases();
  const load = (v: string) => {
    const r = loadDataset(join(f.rel, v));
    assert.ok(r.ok);
    return r.dataset;
  };
  const diff = diffDatasets(load(f.v1), load(f.v2));
  const nonEmpty = diff.filter((d) => d.added.length + d.removed.length + d.changed.length > 0);
  assert.deepEqual(nonEmpty, [
    {
      table: 'observations',
      added: [],
      removed: [f.removed],
      changed: [
        {
          id: 'fushan-grids',
          fields: [
            { field: 'value', before: 1436, after: 1500 },
            { field: 'label', before: { zh: '网格数', en: 'Grids' }, after: { zh: '网格总数', en: 'All grids' } },
          ],
        },
      ],
    },
  ]);
  // And the other way round: the removed record comes back as added.
  assert.deepEqual(diffDatasets(load(f.v2), load(f.v1))[0]!.added, [f.removed]);
});

test('the real site has its releases frozen, newest first, the first read with the current schemas', () => {
  const all = releases();
  assert.ok(all.length >= 2, `${all.length} releases`);
  assert.equal(all[0]!.version, datasetVersion(), 'the newest release is the current data');
  assert.equal(all.at(-1)!.version, OLD, 'the first release is still there');
  for (const r of all) assert.equal(datasetVersion(`content/releases/${r.version}`, { cache: false }), r.version);
  assert.deepEqual(
    all.map((r) => r.latest),
    all.map((_, i) => i === 0),
  );
});

test('a pinned embed of a chart that changed since says so; one of an unchanged chart says nothing', () => {
  const old = releaseOrThrow(OLD);
  const svg = (rel?: typeof old) => renderedChart('fushan-cherry-economy', 'en', WIDTHS.wide, rel).svg;
  assert.match(svg(old), /Cooperation deals/);
  assert.doesNotMatch(svg(), /Cooperation deals/);
  assert.match(svg(), /Expressions of intent/);
  assert.equal(embedNotice('fushan-cherry-economy', old), true);
  // Every chart changed in data-3c674d232b (figures now say scope, kind and whose date), so "unchanged"
  // is checked between two older versions: unit-size is drawn alike from both.
  assert.equal(chartDiffers('unit-size', old, releaseOrThrow('data-82f39d34ad')), false);
  assert.equal(chartDiffers('unit-size', old, releaseOrThrow(datasetVersion())), true);
  assert.equal(embedNotice('fushan-cherry-economy', releaseOrThrow(datasetVersion())), false);
});
