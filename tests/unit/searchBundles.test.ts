/** The search index's bundles by district (src/searchIndex/bundles.ts): which record goes where. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getDataset } from '../../src/dataset/dataset.ts';
import { BUNDLE_DISTRICTS, bundleFolder, bundlesOf } from '../../src/searchIndex/bundles.ts';
import { dataRecords } from '../../src/searchIndex/recordSets.ts';
import type { SearchRecord } from '../../src/searchIndex/searchRecords.ts';

const data = getDataset();
const records = dataRecords(data);

test("a record about one district goes to that district's bundle, by its place in districts.json", () => {
  const ks = bundlesOf(records, data, 1);
  const rank = new Map(data.districts.map((d, i) => [d.id, i]));
  let perDistrict = 0;
  records.forEach((r, i) => {
    if (r.filters.district.length !== 1) return;
    perDistrict++;
    assert.equal(ks[i], rank.get(r.filters.district[0]!), r.url);
  });
  assert.ok(perDistrict > data.observations.length, 'every data point record (in every edition) has one district');
  // Two districts to a bundle: the first two share bundle 0, the third is in bundle 1.
  const two = bundlesOf(records, data, 2);
  records.forEach((r, i) => {
    if (r.filters.district.length === 1) assert.equal(two[i], Math.floor(rank.get(r.filters.district[0]!)! / 2));
  });
});

test('records about no district or several (glossary terms, sources of several districts) stay in the first bundle', () => {
  const ks = bundlesOf(records, data, 1);
  const glossary = records.filter((r) => r.filters.type[0] === 'glossary');
  assert.ok(glossary.length > 0);
  records.forEach((r, i) => {
    if (r.filters.district.length !== 1) assert.equal(ks[i], 0, r.url);
  });
  const several: SearchRecord = {
    ...records[0]!,
    url: '/x/',
    filters: { ...records[0]!.filters, district: data.districts.slice(0, 3).map((d) => d.id) },
  };
  assert.deepEqual(bundlesOf([several], data, 1), [0]);
});

test("the real site's few districts are one bundle, at pagefind/ itself", () => {
  assert.ok(data.districts.length <= BUNDLE_DISTRICTS);
  assert.ok(bundlesOf(records, data, BUNDLE_DISTRICTS).every((k) => k === 0));
  assert.equal(bundleFolder(0), '');
  assert.equal(bundleFolder(3), 'b3/');
});

test('a district the dataset lacks, or a bundle size that is not a whole number ≥ 1, stops the build', () => {
  const stray: SearchRecord = {
    ...records[0]!,
    url: '/x/',
    filters: { ...records[0]!.filters, district: ['atlantis'] },
  };
  assert.throws(() => bundlesOf([stray], data, 1), /atlantis/);
  assert.throws(() => bundlesOf(records, data, 0), /whole number/);
  assert.throws(() => bundlesOf(records, data, 1.5), /whole number/);
  assert.throws(() => bundleFolder(-1), /no bundle/);
});
