// The glossary's reading order (src/i18n/glossaryOrder.ts) on made-up terms: English by the
// rendering, a leading quotation mark or "the" aside, digits first; Chinese by the pinyin's
// letters, spaces, hyphens and tones aside.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GlossaryTerm } from '../../src/dataset/schemas.ts';
import { DIGITS, glossaryGroups } from '../../src/i18n/glossaryOrder.ts';

const term = (id: string, zhHans: string, pinyin: string, en: string): GlossaryTerm => ({
  id,
  zhHans,
  zhHant: zhHans,
  pinyin,
  en,
  definition: { zh: '释义', en: 'Definition' },
  districts: [],
});
const terms = [
  term('a', '党建', 'dǎngjiàn', 'party building'),
  term('b', '党工委', 'dǎng gōngwěi', 'party working committee'),
  term('c', '两委', 'liǎng wěi', 'the two village committees'),
  term('d', '头雁', 'tóuyàn', '"lead goose"'),
  term('e', '1+N+X', 'yī jiā N jiā X', '"1+N+X" structure'),
  term('f', '第一书记', 'dì-yī shūjì', 'first secretary'),
  term('g', '党支部', 'dǎngzhībù', 'party branch'),
];
const shape = (lang: 'zh' | 'en') => glossaryGroups(terms, lang).map((g) => [g.key, g.terms.map((t) => t.id)]);

test('English runs A–Z by the rendering, without leading quotation marks or "the"; digits first', () => {
  assert.deepEqual(shape('en'), [
    [DIGITS, ['e']],
    ['F', ['f']],
    ['L', ['d']],
    ['P', ['g', 'a', 'b']],
    ['T', ['c']],
  ]);
});

test('Chinese runs by the letters of the pinyin, as written without spaces, hyphens or tones', () => {
  // dǎng gōngwěi < dǎngjiàn < dǎngzhībù < dì-yī: g before j before z, a before i.
  assert.deepEqual(shape('zh'), [
    ['D', ['b', 'a', 'g', 'f']],
    ['L', ['c']],
    ['T', ['d']],
    ['Y', ['e']],
  ]);
});
