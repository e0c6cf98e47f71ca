import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeDerived, DERIVED } from '../../src/dataset/derived.ts';
import type { Observation } from '../../src/dataset/schemas.ts';

const obs = (id: string, value: number, qualifier: Observation['qualifier'] = 'exact'): Observation => ({
  id,
  district: 'zhangqiu',
  indicator: 'x',
  value,
  unit: 'count',
  qualifier,
  kind: 'achieved',
  asOf: '2024',
  asOfPrecision: 'year',
  scope: { level: 'district' },
  source: 's',
  locator: 'x',
  figure: 'x',
  label: { zh: 'x', en: 'x' },
});
const def = DERIVED.find((d) => d.id === 'zhangqiu-villages-per-work-zone')!;

test('an exact ratio stays exact, a rounded one is "about", a lower bound stays a lower bound', () => {
  const exact = computeDerived(
    def,
    new Map([
      [def.a, obs(def.a, 525)],
      [def.b, obs(def.b, 75)],
    ]),
  );
  assert.deepEqual([exact.value, exact.qualifier, exact.formula.en], [7, 'exact', '525 ÷ 75']);
  const rounded = computeDerived(
    def,
    new Map([
      [def.a, obs(def.a, 326)],
      [def.b, obs(def.b, 21)],
    ]),
  );
  assert.deepEqual([rounded.value, rounded.qualifier], [15.5, 'about']);
  const lower = computeDerived(
    def,
    new Map([
      [def.a, obs(def.a, 1200, 'more-than')],
      [def.b, obs(def.b, 75)],
    ]),
  );
  assert.deepEqual([lower.value, lower.qualifier], [16, 'more-than']);
});

test('a missing input is an error naming it', () => {
  assert.throws(() => computeDerived(def, new Map()), /unknown input zhangqiu-administrative-villages/);
});
