// The editions module: addresses every edition can parse back, and the Traditional edition's
// conversion: the editor's override table, the party and administrative terms, the glossary's
// Traditional headwords, and markup that keeps quoted locators as written.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { EDITIONS, edition, LANGS, pick, ROOT_LANG } from '../../src/site/editions.ts';
import { chartPath, localePath, pinnedEmbedPath, splitLocalePath } from '../../src/site/paths.ts';
import { convertMarkup, convertText, makeConverter, overrideTable } from '../../src/site/script.ts';

test('each edition has its own prefix, html lang, search language and name; exactly one is at the root', () => {
  for (const key of ['id', 'prefix', 'htmlLang', 'pagefind', 'name'] as const)
    assert.equal(new Set(EDITIONS.map((e) => e[key])).size, EDITIONS.length, `two editions share a ${key}`);
  assert.deepEqual(
    EDITIONS.filter((e) => e.prefix === '').map((e) => e.id),
    [ROOT_LANG],
  );
  assert.ok(LANGS.includes('zh-Hant'), 'the Traditional edition');
});

test('every address an edition writes parses back to the edition and the edition-neutral path', () => {
  for (const lang of LANGS)
    for (const path of [
      '/',
      '/compare/',
      '/data/zhangqiu-work-zones/',
      chartPath('timeline', ROOT_LANG, 'chart.svg'),
    ]) {
      const written = localePath(lang, path);
      assert.deepEqual(splitLocalePath(written), { lang, path }, written);
    }
  assert.equal(localePath('zh-Hant', '/compare/'), '/zh-hant/compare/');
  assert.equal(pinnedEmbedPath('timeline', 'en', 'data-1'), '/en/v/data-1/embed/timeline/');
  // A path that only starts like a prefix is the root edition's.
  assert.deepEqual(splitLocalePath('/english/'), { lang: ROOT_LANG, path: '/english/' });
});

test('pick reads the content language each edition reads', () => {
  const alt = { zh: '中', en: 'en' };
  assert.deepEqual(
    LANGS.map((l) => pick(alt, l)),
    LANGS.map((l) => alt[edition(l).content]),
  );
  assert.equal(pick(alt, 'zh-Hant'), '中');
  assert.equal(pick(undefined, 'en'), undefined);
});

const conv = edition('zh-Hant').convert!;

/** The Simplified text the Traditional edition is made from: data, case studies, pages, UI strings, chart texts. */
function simplifiedCorpus(): string {
  const files = [
    ...readdirSync('content/data').map((f) => `content/data/${f}`),
    ...readdirSync('content/case-studies/zh').map((f) => `content/case-studies/zh/${f}`),
    ...readdirSync('content/pages/zh').map((f) => `content/pages/zh/${f}`),
    'src/i18n/strings.ts',
    ...readdirSync('src/charts').map((f) => `src/charts/${f}`),
  ];
  return files.map((f) => readFileSync(f, 'utf8')).join('\n');
}

test('every entry of the override table changes what the site prints, alone or where the site uses it; the table is sorted', () => {
  const table = overrideTable(conv);
  const corpus = simplifiedCorpus();
  const keys = Object.keys(table);
  assert.ok(keys.length > 5, 'the override table is there');
  assert.deepEqual(keys, [...keys].sort(), 'keys in code-point order');
  const unneeded: string[] = [];
  for (const [from, to] of Object.entries(table)) {
    assert.equal(convertText('zh-Hant', from), to);
    // Where the site writes it: OpenCC reads a phrase differently in context (区里正在 → 區里正在, 里正 being a title).
    const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const windows = [...corpus.matchAll(new RegExp(`.{0,4}${escaped}.{0,4}`, 'g'))].map((m) => m[0]);
    // Needed if leaving it out changes the output: OpenCC's, or that of a shorter entry (并为 → 並為 inside 合并为).
    const { [from]: _, ...rest } = table;
    const without = makeConverter(conv, rest);
    if ([from, ...windows].every((w) => without(w) === convertText('zh-Hant', w))) unneeded.push(from);
  }
  assert.deepEqual(unneeded, [], 'entries that change nothing the site prints');
  assert.equal(convertText('zh-Hant', '村改社區'), '村改社區', 'an override holds for Traditional input too');
  assert.equal(convertText('zh-Hant', '区里正在推进'), '區裡正在推進', 'in context');
});

test('party and administrative terms come out as a Taiwan reader expects', () => {
  const expected: Record<string, string> = {
    党建工作区: '黨建工作區',
    第一书记: '第一書記',
    跨村联建: '跨村聯建',
    联合党委: '聯合黨委',
    村集体经济: '村集體經濟',
    红色物业: '紅色物業',
    党群服务中心: '黨群服務中心',
    社区党委: '社區黨委',
    街道办事处: '街道辦事處',
    服务项目: '服務項目',
    优化营商环境: '優化營商環境',
    干部: '幹部',
    '“1226”工程': '「1226」工程',
    数据集: '資料集',
    搜索: '搜尋',
  };
  for (const [s, t] of Object.entries(expected)) assert.equal(convertText('zh-Hant', s), t, s);
});

test("the converter prints each glossary term's Traditional headword as the editors wrote it", () => {
  const glossary = JSON.parse(readFileSync('content/data/glossary.json', 'utf8')) as {
    zhHans: string;
    zhHant: string;
  }[];
  assert.ok(glossary.length > 50);
  // Taiwan quotes 「」 where the editors' headword keeps the Simplified text's “”.
  const quotes = (s: string) => s.replace(/“/g, '「').replace(/”/g, '」');
  for (const g of glossary) assert.equal(convertText('zh-Hant', g.zhHans), quotes(g.zhHant), g.zhHans);
});

test('markup: text and attributes converted; translate="no" and other-language elements kept as written', () => {
  const kept =
    '<q translate="no" lang="zh-Hans">3个联合党委</q>，<a lang="zh-Hans" hreflang="zh-Hans" title="简体中文">简体</a>';
  const page = (title: string, p: string, b: string) =>
    `<html lang="zh-Hant"><head><title>${title}</title></head><body><p title="${p}">${b}</p></body></html>`;
  const html = page('党建', '数据', `联合党委${kept}<span lang="en">data</span><b>后</b>`);
  assert.equal(
    convertMarkup('zh-Hant', html),
    page('黨建', '資料', `聯合黨委${kept}<span lang="en">data</span><b>後</b>`),
  );
  assert.equal(convertMarkup('zh', html), html, 'an edition without conversion prints as written');
  const svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>党建</title><text>区</text></svg>';
  assert.equal(
    convertMarkup('zh-Hant', svg, { xml: true }),
    '<svg xmlns="http://www.w3.org/2000/svg"><title>黨建</title><text>區</text></svg>',
  );
});

test('markup converted run by run prints what converting the whole document does', () => {
  // Every Chinese case study, its paragraphs set in tags: the runs between < and > are converted
  // one by one (and memoised), which must not change a phrase that a tag does not split.
  const dir = 'content/case-studies/zh';
  let pages = 0;
  for (const name of readdirSync(dir)) {
    const text = readFileSync(`${dir}/${name}`, 'utf8');
    const html = `<html lang="zh-Hant"><body>${text
      .split('\n\n')
      .map((p, i) => `<p id="p${i}" title="${p.slice(0, 12).replace(/["<>]/g, '')}">${p.replace(/[<>]/g, '')}</p>`)
      .join('')}</body></html>`;
    assert.equal(convertMarkup('zh-Hant', html), convertText('zh-Hant', html), name);
    pages++;
  }
  assert.ok(pages >= 3, 'the case studies were read');
});

test('an override phrase holding < or > is refused, naming the file and the phrase', () => {
  const dir = mkdtempSync(join(tmpdir(), 'overrides-'));
  writeFileSync(join(dir, 'x.json'), JSON.stringify({ overrides: { '社区<b>': '社區' } }));
  assert.throws(
    () => overrideTable({ opencc: 's2twp', overrides: 'x.json' }, dir),
    /x\.json: the phrase "社区<b>" holds < or >/,
  );
  rmSync(dir, { recursive: true });
});

test('an override table is read and applied longest match first', () => {
  const c = makeConverter({ opencc: 's2twp', overrides: 'x.json' }, { 社区: '社區', 社区党委: '社區黨委會' });
  assert.equal(c('社区党委和社区'), '社區黨委會和社區');
});
