import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en, zh } from '../../src/i18n/strings.ts';
import { localePath, splitLocalePath } from '../../src/site/paths.ts';

test('the zh and en string tables have the same keys', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
});

test('no string is empty or left untranslated', () => {
  for (const [k, v] of Object.entries(zh)) {
    assert.ok(v.trim(), `zh ${k} is empty`);
    assert.ok(en[k as keyof typeof zh].trim(), `en ${k} is empty`);
  }
});

test('locale paths round-trip', () => {
  assert.equal(localePath('zh', '/compare/'), '/compare/');
  assert.equal(localePath('en', '/compare/'), '/en/compare/');
  assert.equal(localePath('en', '/'), '/en/');
  assert.deepEqual(splitLocalePath('/en/data/x/'), { lang: 'en', path: '/data/x/' });
  assert.deepEqual(splitLocalePath('/en/'), { lang: 'en', path: '/' });
  assert.deepEqual(splitLocalePath('/glossary/'), { lang: 'zh', path: '/glossary/' });
});
