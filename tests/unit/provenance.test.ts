import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkObservationProvenance, normaliseForMatch } from '../../src/checks/provenance.ts';
import type { Observation } from '../../src/dataset/schemas.ts';

// A column-broken, full-width-punctuated text like the Shizhong report.
const TEXT = '派驻以来，新\n引进发展项目23个、平均增加村\n集体经济收入4万元，提拔重用5\n人';
const base: Observation = {
  id: 'shizhong-x',
  district: 'shizhong',
  indicator: 'collective-income-increase',
  value: 40000,
  unit: 'yuan',
  qualifier: 'exact',
  kind: 'achieved',
  asOf: '2024-05',
  asOfPrecision: 'month',
  scope: { level: 'district' },
  source: 'shizhong-2024-governance',
  locator: '平均增加村集体经济收入4万元',
  figure: '4万元',
  label: { zh: '测试', en: 'test' },
};

test('normalising removes line breaks and folds full-width punctuation', () => {
  assert.equal(normaliseForMatch('新\n引进，项目（23个）'), '新引进,项目(23个)');
});

test('a locator split across column lines is found', () => {
  assert.deepEqual(checkObservationProvenance(base, TEXT), []);
});

test('a locator that is not in the source is reported', () => {
  const p = checkObservationProvenance(
    { ...base, locator: '平均增加村集体经济收入5万元', figure: '5万元', value: 50000 },
    TEXT,
  );
  assert.equal(p.length, 1);
  assert.match(p[0]!.reason, /locator "平均增加村集体经济收入5万元" not found in shizhong-2024-governance/);
});

test('a value, qualifier or unit that the figure does not give is reported, each', () => {
  const p = checkObservationProvenance({ ...base, value: 4, qualifier: 'more-than', unit: 'count' }, TEXT);
  assert.deepEqual(
    p.map((x) => x.reason),
    [
      'figure "4万元" gives value 40000, record says 4',
      'figure "4万元" gives qualifier exact, record says more-than',
      'figure "4万元" gives unit yuan, record says count',
    ],
  );
});

test('an unparseable figure is reported', () => {
  const p = checkObservationProvenance({ ...base, locator: '新引进发展项目23个', figure: '项目23个' }, TEXT);
  assert.match(p.at(-1)!.reason, /figure cannot be parsed/);
});
