// The data index lists every data point while they fit on one page; past DATA_INDEX_MAX_POINTS,
// each district with data points gets a page of its own, and the site's paths list them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateScaleContent } from '../../scripts/generateScaleContent.ts';
import { getDataset } from '../../src/dataset/dataset.ts';
import { loadDataset } from '../../src/dataset/loadDataset.ts';
import { DATA_INDEX_MAX_POINTS, dataDistricts, sitePaths } from '../../src/outputs/routes.ts';

test('the real dataset is listed on the data index itself: no district pages', () => {
  const data = getDataset();
  assert.ok(data.observations.length <= DATA_INDEX_MAX_POINTS, `${data.observations.length} data points`);
  assert.deepEqual(dataDistricts(data), []);
  assert.ok(!sitePaths().some((p) => p.startsWith('/data/districts/')));
});

test('a dataset past the limit lists its districts, each with data points, on pages of their own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'data-districts-'));
  try {
    generateScaleContent({ districts: 30, out: dir, seed: 1 });
    const loaded = loadDataset(join(dir, 'data'));
    assert.ok(loaded.ok);
    const data = loaded.dataset;
    assert.ok(data.observations.length > DATA_INDEX_MAX_POINTS, `${data.observations.length} data points`);
    const withPoints = data.districts
      .filter((d) => data.observations.some((o) => o.district === d.id))
      .map((d) => d.id);
    assert.equal(withPoints.length, 30);
    assert.deepEqual(dataDistricts(data), withPoints);
    // At the limit, one page again.
    const few = { ...data, observations: data.observations.slice(0, DATA_INDEX_MAX_POINTS) };
    assert.deepEqual(dataDistricts(few), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
