// Release notes show a changed value as words removed and added (src/i18n/textDiff.ts): by word in
// English (a reworded phrase as one removal and one addition), by character in Chinese, never JSON.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readableValue, textDiff } from '../../src/i18n/textDiff.ts';

const show = (runs: ReturnType<typeof textDiff>) =>
  runs.map((r) => (r.kind === 'del' ? `[-${r.text}-]` : r.kind === 'ins' ? `{+${r.text}+}` : r.text)).join('');

test('English is diffed by word, a reworded phrase as one removal and one addition', () => {
  assert.equal(
    show(
      textDiff(
        'Cooperation deals reached through online signing and sales drives',
        'Expressions of intent to cooperate from online signing and other events',
      ),
    ),
    '[-Cooperation deals reached through -]{+Expressions of intent to cooperate from +}online signing and [-sales drives-]{+other events+}',
  );
  assert.equal(show(textDiff('achieved', 'plan')), '[-achieved-]{+plan+}');
});

test('Chinese is diffed by character', () => {
  assert.equal(show(textDiff('行政审批改革措施条数', '行政审批措施条数')), '行政审批[-改革-]措施条数');
  assert.equal(show(textDiff('集体收入达50万元', '集体收入达五十万元')), '集体收入达[-50-]{+五十+}万元');
});

test('a value added where there was none is one addition, not a diff against the word for none', () => {
  assert.deepEqual(textDiff('（无）', '集体收入', '（无）'), [{ kind: 'ins', text: '集体收入' }]);
  assert.deepEqual(textDiff('2022-12', '(none)', '(none)'), [{ kind: 'del', text: '2022-12' }]);
});

test('stored values read as words, never as JSON', () => {
  assert.equal(readableValue(undefined, '(none)'), '(none)');
  assert.equal(readableValue(['a', 'b'], '-'), 'a; b');
  assert.equal(readableValue({ start: '2022-05', end: '2022-07' }, '-'), 'start: 2022-05; end: 2022-07');
  assert.doesNotMatch(readableValue({ a: [1, { b: 'c' }] }, '-'), /[{}"[\]]/);
});
