import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textWidth, wrapBalanced, wrapText } from '../../src/charts/text.ts';

test('CJK characters measure a full em, Latin about half', () => {
  assert.equal(textWidth('章丘区', 10), 30);
  assert.ok(textWidth('abc', 10) < 20);
  assert.equal(textWidth('第一行\n第二行很长', 10), 50);
});

test('Chinese wraps between characters, never starting a line with closing punctuation', () => {
  const lines = wrapText('章丘：每个党建工作区（平均），覆盖村数', 60, 10).split('\n');
  assert.ok(lines.length > 1);
  for (const l of lines) {
    assert.ok(textWidth(l, 10) <= 60 + 10, `"${l}" too wide`);
    assert.doesNotMatch(l, /^[，。）：]/);
    assert.doesNotMatch(l, /（$/);
  }
  assert.equal(lines.join(''), '章丘：每个党建工作区（平均），覆盖村数');
});

test('English wraps at spaces only', () => {
  const out = wrapText('Zhangqiu: villages after merger (2022)', 120, 13);
  assert.ok(out.includes('\n'));
  for (const word of ['Zhangqiu:', 'villages', 'merger', '(2022)']) assert.ok(out.split(/\s|\n/).includes(word), word);
});

test('wrapBalanced keeps the line count of wrapText but evens the lines: no word left alone at the end', () => {
  const s = 'Duty posts at a zone centre, not staff of a unit';
  const plain = wrapText(s, 300, 12).split('\n');
  const even = wrapBalanced(s, 300, 12).split('\n');
  assert.equal(plain.at(-1), 'unit');
  assert.equal(even.length, plain.length);
  assert.ok(even.at(-1)!.split(' ').length > 1, even.join(' / '));
  assert.ok(Math.max(...even.map((l) => textWidth(l, 12))) <= 300);
  assert.equal(wrapBalanced('one line', 300, 12), 'one line');
});
