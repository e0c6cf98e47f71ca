import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  andMatches,
  chosenReadings,
  countFacets,
  excerpt,
  highlightNeedles,
  numberForms,
  otherSpellings,
  parseQuery,
  queryWords,
  readParams,
  shownText,
  sortMatches,
  spellings,
  writeParams,
  type Facets,
  type Part,
  type TokenHits,
} from '../../src/searchCore/query.ts';
import {
  EXTRA_MARKER,
  encodeGaps,
  foldForMatch,
  hasTraditional,
  isHan,
  spaceCjk,
  stripTones,
  unspaceCjk,
} from '../../src/searchCore/text.ts';
import { fullEntries, t2sSubset } from '../../src/searchIndex/convertSubset.ts';
import { converterFrom } from '../../src/searchClient/convertLoaded.ts';
import { traditionalIn } from '../../src/searchIndex/facetsFile.ts';
import { fragmentUrl, PAGEFIND_VERSION } from '../../src/searchIndex/pagefindFiles.ts';
import { toSimplified } from '../../src/searchIndex/convert.ts';
import { TRADITIONAL_GAPS } from '../../src/searchCore/traditionalChars.ts';
import { traditionalCharsModule } from '../../scripts/writeTraditionalChars.ts';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

test('Chinese is spaced one character per word and unspaced for display, exactly', () => {
  assert.equal(spaceCjk('党建工作区（75个）'), '党 建 工 作 区 （ 75 个 ）');
  // Latin text is not touched: a possessive stays one word, quotes stay on their words.
  assert.equal(spaceCjk('The district’s main route, “red property”'), 'The district’s main route, “red property”');
  assert.equal(spaceCjk('“党建”'), '“ 党 建 ”');
  for (const text of [
    '成立75个党建工作区党委，覆盖全部。',
    '章丘 Zhangqiu',
    '1+N+X模式',
    '四联共促 融合发展 跑出“加速度” · Fushan’s cherries',
    '齐鲁晚报·齐鲁壹点 · 记者 支倩倩',
    '干部, 聯系 and 白云湖',
    '2024年5月 – 2024年8月 （推断）',
    'Shizhong’s joint committees — 21 of them… “planned”',
  ])
    assert.equal(unspaceCjk(spaceCjk(text)), text, text);
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

/** The words of each part's first reading, per term. */
const slots = (ps: Part[]) => ps.map((p) => p.readings[0]!.map((t) => t.slots.map((sl) => sl[0])));

test('queries split into terms; runs and quotes are phrases; Traditional converts', () => {
  const t = parseQuery('黨建工作區 "work zone" 75个  cherry', toSimplified);
  assert.deepEqual(slots(t), [[['work', 'zone']], [['党', '建', '工', '作', '区']], [['75', '个']], [['cherry']]]);
  assert.equal(t[1]!.readings[0]![0]!.text, '党建工作区');
  assert.deepEqual(parseQuery('  ，。 '), []);
  // Markup in a query is only text: its edges are trimmed to letters and digits.
  assert.ok(queryWords(parseQuery('<img src=x onerror=alert(1)>')).every((w) => !/[<>]/.test(w)));
});

test('pinyin is read however it is spaced, accented or capitalised', () => {
  const [run] = parseQuery('Zhāng QIU');
  // Joined first, then as two words.
  assert.deepEqual(
    run!.readings.map((r) => r.map((x) => x.slots[0]![0])),
    [['zhangqiu'], ['zhang', 'qiu']],
  );
  assert.deepEqual(slots(parseQuery("Xi'an")), [[['xian']]]);
  // English words are not joined ("work" is no pinyin); a quoted phrase stays a phrase.
  assert.equal(parseQuery('work zone')[0]!.readings.length, 1);
  assert.equal(parseQuery('"fu shan"')[0]!.readings.length, 1);
  // The readings with the fewest terms whose words are all indexed count.
  const h = hits({ zhangqiu: { a: [1] }, zhang: { b: [1] }, qiu: { b: [5] } });
  assert.deepEqual(chosenReadings(run!, h).length, 1);
  assert.deepEqual(
    andMatches([run!], h).map((m) => m.id),
    ['a'],
  );
  assert.deepEqual(
    andMatches(parseQuery('dang jian gong zuo qu'), hits({ dangjian: { a: [3] }, gongzuoqu: { a: [4] } })).map(
      (m) => m.id,
    ),
    ['a'],
  );
});

test('other spellings: British and American both ways, and plurals on the Chinese index', () => {
  assert.deepEqual(otherSpellings('revitalisation'), ['revitalization']);
  assert.deepEqual(otherSpellings('revitalization'), ['revitalisation']);
  assert.deepEqual(otherSpellings('centre'), ['center']);
  assert.deepEqual(otherSpellings('labour'), ['labor']);
  assert.deepEqual(otherSpellings('modelled'), ['modeled']);
  assert.deepEqual(otherSpellings('four'), [], 'no rule turns a word into another common one');
  assert.deepEqual(numberForms('cooperatives'), ['cooperative']);
  assert.deepEqual(numberForms('cherry'), ['cherries']);
  assert.deepEqual(numberForms('cherries'), ['cherry']);
  assert.deepEqual(spellings('grids', 'en'), ['grids'], 'the English index stems');
  assert.deepEqual(spellings('grids', 'zh'), ['grids', 'grid']);
  // Any spelling of a word counts for it.
  const h = hits({ revitalization: { a: [2] }, revitalisation: { b: [7] } });
  assert.deepEqual(
    andMatches(parseQuery('revitalisation'), h)
      .map((m) => m.id)
      .sort(),
    ['a', 'b'],
  );
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
    traditional: '',
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

const terms = (q: string) => parseQuery(q).flatMap((p) => p.readings[0]!);

test('excerpts mark every match as text segments, across scripts and plurals', () => {
  const segs = excerpt('成立75个党建工作区党委，每个党建工作区7个村', terms('党建工作区'));
  assert.deepEqual(
    segs.filter((s) => s.mark).map((s) => s.text),
    ['党建工作区', '党建工作区'],
  );
  assert.equal(segs.map((s) => s.text).join(''), '成立75个党建工作区党委，每个党建工作区7个村');
  const trad = excerpt('社區黨群服務中心', terms('党群'), 110, toSimplified);
  assert.deepEqual(
    trad.filter((s) => s.mark).map((s) => s.text),
    ['黨群'],
  );
  assert.deepEqual(highlightNeedles(terms('cherry')[0]!), ['cherr']);
  assert.deepEqual(
    excerpt('Fushan cherries and a work-zone for revitalisation', terms('cherry "work zone" revitalization'))
      .filter((s) => s.mark)
      .map((s) => s.text),
    ['cherries', 'work-zone', 'revitalisation'],
  );
  assert.equal(shownText(`${spaceCjk('党建 · 75个')} ${EXTRA_MARKER} party building`), '党建 · 75个');
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

test('the facets file lists the Traditional characters its t2s dictionary changes, and only those', () => {
  const gaps = traditionalIn('黨 党|黨建 党建|建设 建设|區 区');
  assert.equal(gaps, encodeGaps([...'黨區'].map((c) => c.codePointAt(0)!)));
  assert.equal(hasTraditional('黨建', gaps), true);
  assert.equal(hasTraditional('電腦', gaps), false, 'a Traditional character the index cannot need');
  assert.equal(hasTraditional('党建', ''), false);
});

test('the index builder reads Pagefind fragments of the pinned version, and says so when the format changes', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
  const installed = JSON.parse(readFileSync('node_modules/pagefind/package.json', 'utf8')) as { version: string };
  assert.equal(pkg.dependencies.pagefind, PAGEFIND_VERSION, 'package.json pins Pagefind exactly');
  assert.equal(installed.version, PAGEFIND_VERSION, 'the installed Pagefind is the pinned one');
  const frag = (text: string) => gzipSync(Buffer.from(text));
  assert.equal(fragmentUrl(frag('pagefind_dcd{"url":"/a/","meta":{"url":"/b/#c"}}')), '/b/#c');
  assert.equal(fragmentUrl(frag('pagefind_dcd{"url":"/a/","meta":{}}')), '/a/');
  for (const bad of [
    Buffer.from('plain'),
    frag('{"url":"/a/"}'),
    frag('pagefind_dcd[1]'),
    frag('pagefind_dcdnot json'),
  ])
    assert.throws(() => fragmentUrl(bad), /fragment format this index builder reads has changed/);
});

test('the index builder gathers every character of every record, title included, for the t2s file', async () => {
  const { CorpusStats } = await import('../../src/searchIndex/corpusStats.ts');
  const stats = new CorpusStats().add({
    url: '/x/',
    lang: 'zh',
    title: '黨建',
    content: '成立７５个',
    extra: 'Work-Zone',
    meta: {},
    filters: { type: ['observation'], district: [], dimension: [], source: [], year: [] },
  });
  for (const c of '黨建成立７５个WZ') assert.ok(stats.chars.has(c), c);
});
