import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { bareNumbers, unknownIds, unlinkedFirstUses } from '../../src/checks/proseCheck.ts';
import { emptyTexts, missingTranslations } from '../../src/checks/languageParity.ts';

const bad = readFileSync('tests/fixtures/mdx/bare-number.mdx', 'utf8');
const clean = readFileSync('tests/fixtures/mdx/clean.en.mdx', 'utf8');

test('a bare number in prose is caught, with its line', () => {
  assert.deepEqual(
    bareNumbers(bad).map((p) => [p.line, p.text]),
    [[11, '326']],
  );
});

test('years, date parts, frontmatter, imports, Fact tags and link targets are allowed', () => {
  assert.deepEqual(bareNumbers(clean), []);
});

test('unknown Fact and Term ids are caught', () => {
  const p = unknownIds(clean, new Set(['other']), new Set(['grid-governance']));
  assert.deepEqual(
    p.map((x) => x.reason),
    ['<Fact id="fushan-joint-committees-planned"> names no known observation or derived figure'],
  );
  assert.deepEqual(
    unknownIds(clean, new Set(['fushan-joint-committees-planned']), new Set()).map((x) => x.text),
    ['grid-governance'],
  );
});

test('the first use of a glossary term must be linked', () => {
  const terms = [
    { id: 'grid', form: '网格' },
    { id: 'zone', form: '工作区党委' },
  ];
  assert.deepEqual(unlinkedFirstUses('先说<Term id="grid">网格</Term>，再说网格。', terms), []);
  assert.deepEqual(
    unlinkedFirstUses('先说网格，再说<Term id="grid">网格</Term>。', terms).map((p) => p.text),
    ['网格'],
  );
  // Overlapping another term's link counts: 工作区党委 inside 党建工作区党委.
  assert.deepEqual(unlinkedFirstUses('<Term id="w">党建工作区</Term>党委', terms), []);
  assert.deepEqual(
    unlinkedFirstUses(
      'The First Secretary and a <Term id="f">first secretary</Term>',
      [{ id: 'f', form: 'first secretary' }],
      true,
    ).length,
    1,
  );
});

test('language parity: a file or a chart text in one language only is reported', () => {
  assert.deepEqual(missingTranslations('c', ['zh/a.mdx', 'en/a.mdx', 'zh/b.mdx', 'en/c.mdx']), [
    'c/en/b.mdx is missing (c/zh/b.mdx has no translation)',
    'c/zh/c.mdx is missing (c/en/c.mdx has no translation)',
  ]);
  assert.deepEqual(emptyTexts({ title: { zh: '标题', en: ' ' }, note: undefined, summary: { zh: '', en: 'x' } }), [
    'title.en',
    'summary.zh',
  ]);
});
