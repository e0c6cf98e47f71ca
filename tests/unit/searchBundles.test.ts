/** The search index's bundles by district (src/searchIndex/bundles.ts): which record goes where. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getDataset } from '../../src/dataset/dataset.ts';
import {
  BUNDLE_DISTRICTS,
  bundleCount,
  bundleFolder,
  bundleLanguage,
  bundleObservations,
  bundlesOf,
} from '../../src/searchIndex/bundles.ts';
import { LANGS } from '../../src/site/editions.ts';
import { localePath } from '../../src/site/paths.ts';
import { dataRecords } from '../../src/searchIndex/recordSets.ts';

const data = getDataset();
const records = dataRecords(data);

test("a data point or a case-study section goes to its district's bundle, by the district's place in districts.json", () => {
  const rank = new Map(data.districts.map((d, i) => [d.id, i]));
  const points = records.filter((r) => r.filters.type[0] === 'observation');
  assert.ok(points.length >= data.observations.length, 'a record per data point and edition');
  const district = (url: string) => data.observation.get(/\/data\/([^/]+)\/$/.exec(url)![1]!)!.district;
  for (const per of [1, 2]) {
    const ks = bundlesOf(points, data, per);
    points.forEach((r, i) => {
      assert.equal(ks[i], Math.floor(rank.get(district(r.url))! / per), `${r.url}, ${per} to a bundle`);
    });
  }
  // A case-study section by its page's district, in every edition, whatever districts its figures are about.
  const last = data.districts.at(-1)!.id;
  const sections = LANGS.map((l) => ({ url: `${localePath(l, `/case-studies/${last}/`)}#x` }));
  assert.deepEqual(
    bundlesOf(sections, data, 1),
    LANGS.map(() => data.districts.length - 1),
  );
});

test('charts, sources and glossary terms, often about several districts, are in the first bundle', () => {
  const ks = bundlesOf(records, data, 1);
  const shared = records.filter((r) => r.filters.type[0] !== 'observation');
  assert.ok(shared.some((r) => r.filters.type[0] === 'source') && shared.some((r) => r.filters.type[0] === 'glossary'));
  records.forEach((r, i) => {
    if (r.filters.type[0] !== 'observation') assert.equal(ks[i], 0, r.url);
  });
  assert.deepEqual(bundlesOf([{ url: localePath('en', '/charts/village-counts/') }], data, 1), [0]);
});

test("a bundle's data point records are made from its districts' data points, and the first bundle's also from the sources and glossary", () => {
  const n = data.districts.length;
  assert.equal(bundleCount(n, 1), n);
  assert.equal(bundleCount(n, BUNDLE_DISTRICTS), 1);
  const all = Array.from({ length: n }, (_, k) => bundleObservations(data, k, 1));
  assert.equal(all.flat().length, data.observations.length, 'every data point in one bundle');
  all.forEach((obs, k) => {
    assert.ok(obs.every((o) => o.district === data.districts[k]!.id));
    const made = dataRecords(data, obs, k === 0);
    assert.ok(
      bundlesOf(made, data, 1).every((b) => b === k),
      `bundle ${k}`,
    );
  });
  const first = dataRecords(data, all[0], true);
  assert.ok(first.some((r) => r.filters.type[0] === 'glossary'));
  assert.ok(!dataRecords(data, all[1], false).some((r) => r.filters.type[0] !== 'observation'));
});

test("the real site's few districts are one bundle, at pagefind/ itself", () => {
  assert.ok(data.districts.length <= BUNDLE_DISTRICTS);
  assert.ok(bundlesOf(records, data, BUNDLE_DISTRICTS).every((k) => k === 0));
  assert.equal(bundleFolder(0), '');
  assert.equal(bundleFolder(3), 'b3/');
  // The first bundle keeps the edition's Pagefind language; the others carry their number in it.
  assert.equal(bundleLanguage('zh-hant', 0), 'zh-hant');
  assert.equal(bundleLanguage('zh-hant', 3), 'zh-hant-x-b3');
});

test('a district or data point the dataset lacks, or a bundle size that is not a whole number ≥ 1, stops the build', () => {
  assert.throws(() => bundlesOf([{ url: '/case-studies/atlantis/' }], data, 1), /atlantis/);
  assert.throws(() => bundlesOf([{ url: '/en/data/atlantis-1/' }], data, 1), /atlantis-1/);
  assert.throws(() => bundlesOf(records, data, 0), /whole number/);
  assert.throws(() => bundlesOf(records, data, 1.5), /whole number/);
  assert.throws(() => bundleFolder(-1), /no bundle/);
});
