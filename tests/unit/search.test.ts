import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  andMatches,
  candidateMatches,
  checkableOnText,
  chunkOf,
  countFacets,
  excerpt,
  highlightNeedle,
  isCommon,
  latinStem,
  nextChunk,
  parseQuery,
  readParams,
  recordWords,
  shownText,
  sortMatches,
  termInWords,
  wordMatches,
  writeParams,
  type Facets,
  type TokenHits,
} from '../../src/searchCore/query.ts';
import {
  EXTRA_MARKER,
  foldForMatch,
  hasTraditional,
  isHan,
  spaceCjk,
  stripTones,
  unspaceCjk,
} from '../../src/searchCore/text.ts';
import { fullEntries, t2sSubset } from '../../src/searchIndex/convertSubset.ts';
import { converterFrom } from '../../src/searchClient/convertLoaded.ts';
import { decodeCbor } from '../../src/searchIndex/cbor.ts';
import type { SearchRecord } from '../../src/searchIndex/searchRecords.ts';
import { toSimplified } from '../../src/searchIndex/convert.ts';
import { TRADITIONAL_GAPS } from '../../src/searchCore/traditionalChars.ts';
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
  assert.equal(
    readFileSync('src/searchCore/traditionalChars.ts', 'utf8'),
    traditionalCharsModule(),
    'run node scripts/writeTraditionalChars.ts',
  );
});

test('queries split into terms; runs and quotes are phrases; Traditional converts', () => {
  const t = parseQuery('黨建工作區 "work zone" 75个  cherry', toSimplified);
  assert.deepEqual(
    t.map((x) => x.tokens),
    [['work', 'zone'], ['党', '建', '工', '作', '区'], ['75', '个'], ['cherry']],
  );
  assert.equal(t[1]!.text, '党建工作区');
  assert.deepEqual(parseQuery('  ，。 '), []);
  // Markup in a query is only text: its edges are trimmed to letters and digits.
  assert.ok(parseQuery('<img src=x onerror=alert(1)>').every((x) => x.tokens.every((tok) => !/[<>]/.test(tok))));
});

const hits =
  (m: Record<string, Record<string, number[]>>) =>
  (tok: string): TokenHits =>
    new Map(Object.entries(m[tok] ?? {}).map(([id, positions]) => [id, { score: 1, positions }]));

test('AND: every term must match, and a phrase needs consecutive positions', () => {
  const h = hits({ 党: { a: [4], b: [0] }, 建: { a: [5], b: [2, 5] }, 网: { b: [7] }, 格: { b: [8] } });
  assert.deepEqual(
    andMatches(parseQuery('党建'), h).map((m) => m.id),
    ['a'],
  );
  assert.deepEqual(
    andMatches(parseQuery('党 网格'), h).map((m) => m.id),
    ['b'],
  );
  // A word that matches nothing is not dropped: nothing is found.
  assert.deepEqual(andMatches(parseQuery('党建 xyz'), h), []);
  // English compounds: "work-zone" is one position holding both words.
  const e = hits({ work: { c: [3] }, zone: { c: [3], d: [9] } });
  assert.deepEqual(
    andMatches(parseQuery('"work zone"'), e).map((m) => m.id),
    ['c'],
  );
});

test('filters count, ordering is stable: score, then type, then index order', () => {
  const facets: Facets = {
    values: {
      type: ['case-study', 'observation', 'glossary'],
      district: ['fushan', 'zhangqiu'],
      dimension: [],
      source: [],
      year: ['2022'],
    },
    pages: { x: [2, [1], [0], [], [], [0]], y: [1, [0], [1], [], [], []], z: [0, [2], [0, 1], [], [], []] },
  };
  const ms = [
    { id: 'x', score: 1 },
    { id: 'y', score: 1 },
    { id: 'z', score: 2 },
  ];
  assert.deepEqual(
    sortMatches(facets, ms).map((m) => m.id),
    ['z', 'y', 'x'],
  );
  const c = countFacets(facets, ms, { district: 'fushan' });
  assert.deepEqual(c.district, { fushan: 2, zhangqiu: 2 });
  assert.deepEqual(c.type, { 'case-study': 0, observation: 1, glossary: 1 });
  assert.equal(
    writeParams('网格', { district: 'fushan', type: 'observation' }).toString(),
    'q=%E7%BD%91%E6%A0%BC&type=observation&district=fushan',
  );
  assert.deepEqual(readParams(new URLSearchParams('q=a&year=2022&bogus=1')), { q: 'a', filters: { year: '2022' } });
});

test('excerpts mark every match as text segments, across scripts and plurals', () => {
  const segs = excerpt('成立75个党建工作区党委，每个党建工作区7个村', parseQuery('党建工作区'));
  assert.deepEqual(
    segs.filter((s) => s.mark).map((s) => s.text),
    ['党建工作区', '党建工作区'],
  );
  assert.equal(segs.map((s) => s.text).join(''), '成立75个党建工作区党委，每个党建工作区7个村');
  const trad = excerpt('社區黨群服務中心', parseQuery('党群'), 110, toSimplified);
  assert.deepEqual(
    trad.filter((s) => s.mark).map((s) => s.text),
    ['黨群'],
  );
  assert.equal(highlightNeedle(parseQuery('cherry')[0]!), 'cherr');
  assert.deepEqual(
    excerpt('Fushan cherries and a work-zone', parseQuery('cherry "work zone"'))
      .filter((s) => s.mark)
      .map((s) => s.text),
    ['cherries', 'work-zone'],
  );
  assert.equal(shownText(`党 建 · 75 个 ${EXTRA_MARKER} party building`), '党建 · 75个');
  assert.equal(latinStem('cherry'), 'cherr');
  assert.equal(wordMatches('the 1+N+X model', 'xqzvbnk'), false);
  assert.equal(wordMatches('Fushan cherries', 'cherry'), true);
});

test('a Chinese query can look up some characters and check the rest on the record text', () => {
  const [term] = parseQuery('党建工作区');
  assert.ok(
    checkableOnText(term!) &&
      checkableOnText(parseQuery('1436')[0]!) &&
      !checkableOnText(parseQuery('"work zone"')[0]!),
  );
  // Pagefind numbers every run of non-space characters, punctuation included.
  const words = recordWords(`成 立 （ 75 个 ） 党 建 工 作 区 ， 覆 盖 ${EXTRA_MARKER} Work-Zone`);
  assert.deepEqual(words.slice(0, 6), ['成', '立', '', '75', '个', '']);
  assert.equal(words.at(-1), 'work zone');
  assert.equal(termInWords(term!, words), true);
  assert.equal(termInWords(parseQuery('区覆')[0]!, words), false, 'the comma between them takes a position');
  assert.equal(termInWords(parseQuery('7个')[0]!, words), true, 'a number matches as a prefix, as Pagefind does');
  // Only 党, 作 and 区 looked up: a record with them at the term's distances is a candidate,
  // one with them elsewhere is not, and the term is left to check on the text.
  const h = hits({ 党: { a: [6], b: [6] }, 作: { a: [9], b: [3] }, 区: { a: [10], b: [10] }, 网: { a: [1] } });
  const { matches, unchecked } = candidateMatches([term!], new Set(['党', '作', '区']), h);
  assert.deepEqual(
    matches.map((m) => m.id),
    ['a'],
  );
  assert.deepEqual(unchecked, [term]);
  // Fully looked-up terms are decided by positions, as before; nothing looked up means no candidates.
  assert.deepEqual(candidateMatches(parseQuery('网 党'), new Set(['网', '党']), h), {
    matches: [{ id: 'a', score: 2 }],
    unchecked: [],
  });
  assert.deepEqual(candidateMatches([term!], new Set(), h).matches, []);
});

test('the chunk table and the common words choose which characters to look up first', () => {
  const starts = ['000', '万', '周', '杂', '请'];
  assert.equal(chunkOf(starts, '1436'), 0);
  assert.equal(chunkOf(starts, '一'), 0);
  assert.equal(chunkOf(starts, '党'), 1);
  assert.equal(chunkOf(starts, '肩'), 3);
  assert.equal(chunkOf(starts, '𠀀'), 4, 'astral characters sort after the Basic Multilingual Plane, as in Pagefind');
  assert.equal(chunkOf([], '党'), -1);
  const common = '一党山福 2022 2024';
  assert.ok(isCommon(common, '党') && !isCommon(common, '肩') && isCommon(common, '20') && !isCommon(common, '1436'));
  const of = (t: string) => chunkOf(starts, t);
  // 一 is common and alone in its chunk; 肩 is not: its chunk comes first.
  assert.deepEqual(nextChunk(['一', '肩', '挑'], of, common), ['肩']);
  assert.deepEqual(nextChunk(['福', '山', '1436'], of, common), ['1436']);
  assert.deepEqual(nextChunk(['党', '作', '区', '建'], of, ''), ['党', '作', '区']);
});

test('the reduced Traditional → Simplified dictionary converts like the full one wherever it matters', () => {
  const asDict = (m: Map<string, string>) => [...m].map(([a, b]) => `${a} ${b}`).join('|');
  const full = converterFrom(asDict(fullEntries()));
  assert.equal(full('乾淨'), toSimplified('乾淨'), 'fullEntries reads the dictionaries as convert.ts does');
  const corpus = `${readFileSync('content/data/glossary.json', 'utf8')} 乾隆 干净 著作 电脑`;
  const present = new Set(corpus);
  const dict = t2sSubset(corpus);
  const sub = converterFrom(dict);
  for (const [t, s] of [
    ['乾隆', '乾隆'],
    ['乾淨', '干净'],
    ['著作', '著作'],
    ['黨建工作區', '党建工作区'],
    ['電腦', '电脑'],
  ])
    assert.equal(sub(t!), s, t);
  assert.ok(dict.split('|').length < fullEntries().size / 4, 'most entries are dropped');
  const dead = (s: string) => [...s].some((c) => isHan(c) && !present.has(c));
  let differ = 0;
  for (const key of fullEntries().keys()) {
    for (const q of [key, `党建${key}`, `${key}工作`]) {
      const a = toSimplified(q),
        b = sub(q);
      if (a === b) continue;
      differ++;
      // Where they differ, neither result can be found in this corpus.
      assert.ok(dead(a) && dead(b), `${q}: ${a} / ${b}`);
    }
  }
  assert.ok(differ > 0, 'the check saw conversions that differ');
  assert.equal(t2sSubset(corpus), dict, 'deterministic');
});

test('the CBOR decoder reads what Pagefind writes', () => {
  // ["1.6.0", [], [["000", "一", "zh_e118b0b"]]]
  const bytes = Uint8Array.from([
    0x83,
    0x65,
    ...Buffer.from('1.6.0'),
    0x80,
    0x81,
    0x83,
    0x63,
    ...Buffer.from('000'),
    0x63,
    ...Buffer.from('一'),
    0x6a,
    ...Buffer.from('zh_e118b0b'),
    0x38,
    0x18,
  ]);
  assert.throws(() => decodeCbor(Uint8Array.from([0xfc])));
  assert.deepEqual(decodeCbor(bytes.subarray(0, bytes.length - 2)), ['1.6.0', [], [['000', '一', 'zh_e118b0b']]]);
  assert.equal(decodeCbor(Uint8Array.from([0x38, 0x18])), -25);
});

test('the index builder counts the Han and number words of every record as recordWords cuts them', async () => {
  const { CorpusStats } = await import('../../src/searchIndex/corpusStats.ts');
  const { indexedContent } = await import('../../src/searchIndex/recordPages.ts');
  const record = (title: string, content: string, extra: string): SearchRecord => ({
    url: `/x/${title}/`,
    lang: 'zh',
    title,
    content,
    extra,
    meta: {},
    filters: { type: ['observation'], district: [], dimension: [], source: [], year: [] },
  });
  // Full-width digits, a compatibility ideograph (U+F900), hyphenated Latin, digits inside words.
  const records = [
    record('党建工作区', '成立７５个党建工作区（2019年）', 'Work-Zone 75 zones3 \uf900'),
    record('Fushan 福山', 'Party-branch-led co-ops · 159 · 大樱桃', '159 cherry ①'),
    record('plain', 'only ascii words here', 'and-more, punctuation!'),
  ];
  const stats = new CorpusStats();
  for (const r of records) stats.add(r);
  const expected = new Map<string, number>();
  for (const r of records) {
    const words = new Set(
      recordWords(`${indexedContent(r)} ${spaceCjk(r.title)}`).filter((w) => w && (isHan(w) || /^\p{N}+$/u.test(w))),
    );
    for (const w of words) expected.set(w, (expected.get(w) ?? 0) + 1);
  }
  assert.deepEqual(new Map([...stats.df].sort()), new Map([...expected].sort()));
  // The cases above reach the count: folded full-width digits, the unified form of U+F900, 159 twice.
  assert.equal(stats.df.get('75'), 1);
  assert.equal(stats.df.get('159'), 1);
  assert.equal(stats.df.get('党'), 1);
  assert.equal(stats.df.get('\u8c48'), 1);
  assert.ok(stats.chars.has('７') && stats.chars.has('a'));
});
