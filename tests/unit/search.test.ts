import assert from 'node:assert/strict';
import { test } from 'node:test';
import { andMatches, countFacets, excerpt, highlightNeedle, latinStem, parseQuery, readParams, shownText, sortMatches, wordMatches, writeParams, type Facets, type TokenHits } from '../../src/search/query.ts';
import { EXTRA_MARKER, foldForMatch, hasTraditional, spaceCjk, stripTones, unspaceCjk } from '../../src/search/text.ts';
import { toSimplified } from '../../src/search/convert.ts';
import { TRADITIONAL_GAPS } from '../../src/search/traditionalChars.ts';
import { traditionalCharsModule } from '../../scripts/writeTraditionalChars.ts';
import { readFileSync } from 'node:fs';

test('Chinese is spaced one character per word and unspaced for display', () => {
  assert.equal(spaceCjk('党建工作区（75个）'), '党 建 工 作 区 （ 75 个 ）');
  assert.equal(unspaceCjk(spaceCjk('成立75个党建工作区党委，覆盖全部。')), '成立75个党建工作区党委，覆盖全部。');
  assert.equal(unspaceCjk(spaceCjk('章丘 Zhangqiu')), '章丘 Zhangqiu');
  assert.equal(stripTones('dǎngjiàn gōngzuòqū'), 'dangjian gongzuoqu');
  assert.equal(foldForMatch('Work-Zone  ＡＢ'), 'work zone ab');
});

test('conversion is phrase-aware and only loaded for Traditional characters', () => {
  assert.equal(toSimplified('黨建工作區'), '党建工作区');
  assert.equal(toSimplified('乾隆'), '乾隆');
  assert.equal(toSimplified('乾淨'), '干净');
  assert.equal(toSimplified('著作'), '著作');
  assert.equal(toSimplified('覆蓋'), '覆盖');
  assert.equal(hasTraditional('黨建', TRADITIONAL_GAPS), true);
  assert.equal(hasTraditional('党建工作区 cherry', TRADITIONAL_GAPS), false);
  assert.equal(readFileSync('src/search/traditionalChars.ts', 'utf8'), traditionalCharsModule(), 'run node scripts/writeTraditionalChars.ts');
});

test('queries split into terms; runs and quotes are phrases; Traditional converts', () => {
  const t = parseQuery('黨建工作區 "work zone" 75个  cherry', toSimplified);
  assert.deepEqual(t.map((x) => x.tokens), [['work', 'zone'], ['党', '建', '工', '作', '区'], ['75', '个'], ['cherry']]);
  assert.equal(t[1]!.text, '党建工作区');
  assert.deepEqual(parseQuery('  ，。 '), []);
  // Markup in a query is only text: its edges are trimmed to letters and digits.
  assert.ok(parseQuery('<img src=x onerror=alert(1)>').every((x) => x.tokens.every((tok) => !/[<>]/.test(tok))));
});

const hits = (m: Record<string, Record<string, number[]>>) => (tok: string): TokenHits => new Map(Object.entries(m[tok] ?? {}).map(([id, positions]) => [id, { score: 1, positions }]));

test('AND: every term must match, and a phrase needs consecutive positions', () => {
  const h = hits({ 党: { a: [4], b: [0] }, 建: { a: [5], b: [2, 5] }, 网: { b: [7] }, 格: { b: [8] } });
  assert.deepEqual(andMatches(parseQuery('党建'), h).map((m) => m.id), ['a']);
  assert.deepEqual(andMatches(parseQuery('党 网格'), h).map((m) => m.id), ['b']);
  // A word that matches nothing is not dropped: nothing is found.
  assert.deepEqual(andMatches(parseQuery('党建 xyz'), h), []);
  // English compounds: "work-zone" is one position holding both words.
  const e = hits({ work: { c: [3] }, zone: { c: [3], d: [9] } });
  assert.deepEqual(andMatches(parseQuery('"work zone"'), e).map((m) => m.id), ['c']);
});

test('filters count, ordering is stable: score, then type, then index order', () => {
  const facets: Facets = {
    values: { type: ['case-study', 'observation', 'glossary'], district: ['fushan', 'zhangqiu'], dimension: [], source: [], year: ['2022'] },
    pages: { x: [2, [1], [0], [], [], [0]], y: [1, [0], [1], [], [], []], z: [0, [2], [0, 1], [], [], []] },
  };
  const ms = [{ id: 'x', score: 1 }, { id: 'y', score: 1 }, { id: 'z', score: 2 }];
  assert.deepEqual(sortMatches(facets, ms).map((m) => m.id), ['z', 'y', 'x']);
  const c = countFacets(facets, ms, { district: 'fushan' });
  assert.deepEqual(c.district, { fushan: 2, zhangqiu: 2 });
  assert.deepEqual(c.type, { 'case-study': 0, observation: 1, glossary: 1 });
  assert.equal(writeParams('网格', { district: 'fushan', type: 'observation' }).toString(), 'q=%E7%BD%91%E6%A0%BC&type=observation&district=fushan');
  assert.deepEqual(readParams(new URLSearchParams('q=a&year=2022&bogus=1')), { q: 'a', filters: { year: '2022' } });
});

test('excerpts mark every match as text segments, across scripts and plurals', () => {
  const segs = excerpt('成立75个党建工作区党委，每个党建工作区7个村', parseQuery('党建工作区'));
  assert.deepEqual(segs.filter((s) => s.mark).map((s) => s.text), ['党建工作区', '党建工作区']);
  assert.equal(segs.map((s) => s.text).join(''), '成立75个党建工作区党委，每个党建工作区7个村');
  const trad = excerpt('社區黨群服務中心', parseQuery('党群'), 110, toSimplified);
  assert.deepEqual(trad.filter((s) => s.mark).map((s) => s.text), ['黨群']);
  assert.equal(highlightNeedle(parseQuery('cherry')[0]!), 'cherr');
  assert.deepEqual(excerpt('Fushan cherries and a work-zone', parseQuery('cherry "work zone"')).filter((s) => s.mark).map((s) => s.text), ['cherries', 'work-zone']);
  assert.equal(shownText(`党 建 · 75 个 ${EXTRA_MARKER} party building`), '党建 · 75个');
  assert.equal(latinStem('cherry'), 'cherr');
  assert.equal(wordMatches('the 1+N+X model', 'xqzvbnk'), false);
  assert.equal(wordMatches('Fushan cherries', 'cherry'), true);
});
