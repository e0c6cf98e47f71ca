// What the content config checks a case study's district against: the ids of districts.json,
// read without the rest of the dataset.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { districtIds, getDataset } from '../../src/dataset/dataset.ts';
import { tempDir } from '../lib/tempDir.ts';

test('districtIds reads the ids of districts.json alone, the same as the whole dataset has', () => {
  assert.deepEqual(
    [...districtIds()].sort(),
    getDataset()
      .districts.map((d) => d.id)
      .sort(),
  );
  const dir = tempDir('district-ids-');
  // No other data file is there: districtIds must not need one.
  writeFileSync(join(dir, 'districts.json'), JSON.stringify(getDataset().districts.slice(0, 1)));
  assert.deepEqual([...districtIds(dir)], [getDataset().districts[0]!.id]);
  writeFileSync(join(dir, 'districts.json'), JSON.stringify([{ name: 'no id' }]));
  assert.throws(() => districtIds(dir), /districts\.json: not a list of districts/);
});
