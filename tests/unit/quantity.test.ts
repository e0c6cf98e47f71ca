import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseChineseNumeral, parseQuantity, type Quantity } from '../../src/checks/quantity.ts';

// Each form as the sources (or Chinese newspapers generally) write it, and what it must mean.
const CASES: [string, Quantity][] = [
  ['1200多人', { value: 1200, qualifier: 'more-than', unit: 'person' }],
  ['近50万元', { value: 500000, qualifier: 'nearly', unit: 'yuan' }],
  ['1.7万户', { value: 17000, qualifier: 'exact', unit: 'household' }],
  ['百余名', { value: 100, qualifier: 'more-than', unit: 'person' }],
  ['3394亩', { value: 3394, qualifier: 'exact', unit: 'mu' }],
  ['40.3%', { value: 40.3, qualifier: 'exact', unit: 'percent' }],
  ['2—4公里', { value: 2, high: 4, qualifier: 'range', unit: 'km' }],
  ['不少于15名', { value: 15, qualifier: 'at-least', unit: 'person' }],
  ['1.7萬戶', { value: 17000, qualifier: 'exact', unit: 'household' }],
  ['120餘項', { value: 120, qualifier: 'more-than', unit: 'count' }],
  ['超过8万名', { value: 80000, qualifier: 'more-than', unit: 'person' }],
  ['1000亩以上', { value: 1000, qualifier: 'at-least', unit: 'mu' }],
  ['110多万元', { value: 1100000, qualifier: 'more-than', unit: 'yuan' }],
  ['7万多人次', { value: 70000, qualifier: 'more-than', unit: 'person-time' }],
  ['1.6万余条', { value: 16000, qualifier: 'more-than', unit: 'count' }],
  ['600平方米以下', { value: 600, qualifier: 'at-most', unit: 'm2' }],
  ['45岁以下', { value: 45, qualifier: 'at-most', unit: 'age-years' }],
  ['一半以上', { value: 50, qualifier: 'at-least', unit: 'percent' }],
  ['10亿元', { value: 1e9, qualifier: 'exact', unit: 'yuan' }],
  ['1260亿元', { value: 1.26e11, qualifier: 'exact', unit: 'yuan' }],
  ['4845万元', { value: 48450000, qualifier: 'exact', unit: 'yuan' }],
  ['不低于1000平米', { value: 1000, qualifier: 'at-least', unit: 'm2' }],
  ['3—8个', { value: 3, high: 8, qualifier: 'range', unit: 'count' }],
  ['3至8个', { value: 3, high: 8, qualifier: 'range', unit: 'count' }],
  ['2－4公里', { value: 2, high: 4, qualifier: 'range', unit: 'km' }],
  ['至少1名', { value: 1, qualifier: 'at-least', unit: 'person' }],
  ['80%以上', { value: 80, qualifier: 'at-least', unit: 'percent' }],
  ['１００％', { value: 100, qualifier: 'exact', unit: 'percent' }],
  ['1719平方公里', { value: 1719, qualifier: 'exact', unit: 'km2' }],
  ['69.3万人', { value: 693000, qualifier: 'exact', unit: 'person' }],
  ['2200多家', { value: 2200, qualifier: 'more-than', unit: 'count' }],
  ['近2万亩', { value: 20000, qualifier: 'nearly', unit: 'mu' }],
  ['1400余次', { value: 1400, qualifier: 'more-than', unit: 'occurrence' }],
  ['23场次', { value: 23, qualifier: 'exact', unit: 'occurrence' }],
  ['240多件', { value: 240, qualifier: 'more-than', unit: 'case' }],
  ['不少于3天', { value: 3, qualifier: 'at-least', unit: 'days' }],
  ['15分钟', { value: 15, qualifier: 'exact', unit: 'minutes' }],
  ['五种', { value: 5, qualifier: 'exact', unit: 'count' }],
  ['突破10亿元', { value: 1e9, qualifier: 'more-than', unit: 'yuan' }],
  ['700余平方米', { value: 700, qualifier: 'more-than', unit: 'm2' }],
  ['500余万元', { value: 5000000, qualifier: 'more-than', unit: 'yuan' }],
  ['3萬元', { value: 30000, qualifier: 'exact', unit: 'yuan' }],
  ['約200人', { value: 200, qualifier: 'about', unit: 'person' }],
];

for (const [input, expected] of CASES) {
  test(`parseQuantity("${input}")`, () => assert.deepEqual(parseQuantity(input), expected));
}

test('at least 30 forms are covered', () => assert.ok(CASES.length >= 30));

for (const bad of ['', '多人', '1226工程', '12个34', '近超过5名', '5 apples']) {
  test(`parseQuantity rejects "${bad}"`, () => assert.throws(() => parseQuantity(bad), /"/));
}

test('Chinese numerals', () => {
  assert.equal(parseChineseNumeral('百'), 100);
  assert.equal(parseChineseNumeral('一百二十'), 120);
  assert.equal(parseChineseNumeral('十五'), 15);
  assert.equal(parseChineseNumeral('两千'), 2000);
  assert.ok(Number.isNaN(parseChineseNumeral('万')));
});
