import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatDateRange, formatNumber, formatQuantity } from '../../src/i18n/format.ts';

test('numbers use 万/亿 in Chinese and separators in English', () => {
  assert.equal(formatNumber(17000, 'zh'), '1.7万');
  assert.equal(formatNumber(17000, 'en'), '17,000');
  assert.equal(formatNumber(1200, 'zh'), '1200');
  assert.equal(formatNumber(1200, 'en'), '1,200');
  assert.equal(formatNumber(48450000, 'zh'), '4845万');
  assert.equal(formatNumber(48450000, 'en'), '48.45 million');
  assert.equal(formatNumber(126000000000, 'zh'), '1260亿');
  assert.equal(formatNumber(126000000000, 'en'), '126 billion');
  assert.equal(formatNumber(20367, 'zh'), '20367');
  assert.equal(formatNumber(40.3, 'en'), '40.3');
});

test('qualifiers survive into prose in both languages', () => {
  assert.equal(formatQuantity({ value: 1200, qualifier: 'more-than', unit: 'person' }, 'en'), 'more than 1,200 people');
  assert.equal(formatQuantity({ value: 1200, qualifier: 'more-than', unit: 'person' }, 'zh'), '1200余人');
  assert.equal(formatQuantity({ value: 70000, qualifier: 'more-than', unit: 'person-time' }, 'zh'), '7万余人次');
  assert.equal(formatQuantity({ value: 500000, qualifier: 'nearly', unit: 'yuan' }, 'zh'), '近50万元');
  assert.equal(formatQuantity({ value: 500000, qualifier: 'nearly', unit: 'yuan' }, 'en'), 'nearly 500,000 yuan');
  assert.equal(formatQuantity({ value: 15, qualifier: 'at-least', unit: 'person' }, 'en'), 'at least 15 people');
  assert.equal(formatQuantity({ value: 2, high: 4, qualifier: 'range', unit: 'km' }, 'en'), '2–4 km');
  assert.equal(formatQuantity({ value: 3, high: 8, qualifier: 'range', unit: 'count' }, 'zh'), '3—8个');
  assert.equal(formatQuantity({ value: 40.3, qualifier: 'exact', unit: 'percent' }, 'en'), '40.3%');
  assert.equal(formatQuantity({ value: 1, qualifier: 'exact', unit: 'person' }, 'en'), '1 person');
  assert.equal(formatQuantity({ value: 75, qualifier: 'exact', unit: 'count' }, 'en'), '75');
});

test('dates and periods', () => {
  assert.equal(formatDate('2023-12', 'zh'), '2023年12月');
  assert.equal(formatDate('2023-12', 'en'), 'December 2023');
  assert.equal(formatDate('2022-07-14', 'en'), '14 July 2022');
  assert.equal(formatDateRange('2022-06', '2022-10', 'en'), 'June–October 2022');
  assert.equal(formatDateRange('2022-06', '2022-10', 'zh'), '2022年6月至10月');
  assert.equal(formatDateRange('2022-06', '2023-01', 'en'), 'June 2022–January 2023');
  assert.equal(formatDateRange('2022-07-14', undefined, 'zh'), '2022年7月14日');
});

test('counts of times and ages read as people say them', () => {
  const times = (value: number, qualifier: 'exact' | 'at-least' | 'more-than' = 'exact') =>
    formatQuantity({ value, qualifier, unit: 'occurrence' }, 'en');
  assert.equal(times(1), 'once');
  assert.equal(times(2), 'twice');
  assert.equal(times(3), '3 times');
  assert.equal(times(1, 'at-least'), 'at least once');
  assert.equal(times(1600, 'more-than'), 'more than 1,600 times');
  assert.equal(formatQuantity({ value: 1, qualifier: 'exact', unit: 'occurrence' }, 'zh'), '1次');
  const age = (qualifier: 'at-most' | 'under' | 'exact', lang: 'zh' | 'en') =>
    formatQuantity({ value: 45, qualifier, unit: 'age-years' }, lang);
  assert.equal(age('at-most', 'en'), '45 or younger');
  assert.equal(age('at-most', 'zh'), '45岁以下');
  assert.equal(age('under', 'en'), 'under 45');
  assert.equal(age('exact', 'en'), '45 years old');
});

test('singular and fractions read naturally', () => {
  assert.equal(formatQuantity({ value: 1, qualifier: 'at-least', unit: 'person' }, 'en'), 'at least 1 person');
  assert.equal(formatQuantity({ value: 2.3, qualifier: 'more-than', unit: 'person' }, 'zh'), '超过2.3人');
  assert.equal(formatQuantity({ value: 80, qualifier: 'more-than', unit: 'percent' }, 'zh'), '超过80%');
});

test('余 stands where Chinese puts it', () => {
  assert.equal(formatQuantity({ value: 5000000, qualifier: 'more-than', unit: 'yuan' }, 'zh'), '500余万元');
  assert.equal(formatQuantity({ value: 1100000, qualifier: 'more-than', unit: 'yuan' }, 'zh'), '110余万元');
  assert.equal(formatQuantity({ value: 16000, qualifier: 'more-than', unit: 'count' }, 'zh'), '1.6万余个');
});
