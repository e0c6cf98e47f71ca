// Sentences a copy desk would not pass, searched for in the visible text of every built page
// (and chart descriptions), in both languages: doubled names, "1 time", data labels dropped in
// brackets after a figure, truncated titles, half-width punctuation against Chinese text on
// Chinese pages, "2023 to 2023" and doubled punctuation. Source headlines and locators are
// quoted as printed (some have ASCII punctuation), so they are left out.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { listFiles } from '../../src/checks/builtSite.ts';
import { getDataset } from '../../src/dataset/dataset.ts';

const DIST = process.env.DIST_DIR ?? 'dist';
const data = getDataset();
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const doubledNames = data.districts.flatMap((d) => [
  new RegExp(`${esc(d.name.en)}[,:;] ${esc(d.name.en)}\\b`),
  new RegExp(`${esc(d.name.zhHans)}[，：；、]${esc(d.name.zhHans)}`),
]);

/** Each rule: a name, the pattern, and whether it applies to Chinese pages only. */
const RULES: { name: string; pattern: RegExp; zhOnly?: boolean }[] = [
  ...doubledNames.map((pattern) => ({ name: 'a name written twice', pattern })),
  {
    name: '"1 time" and other singulars written as plurals',
    pattern: /\b1 (?:times?|people|persons|cases|households)\b/,
  },
  { name: 'a data label in brackets after a figure', pattern: /\d[\d,.]*%? \([A-Z][a-z]+ [a-z][^)]{12,}\)/ },
  { name: 'a data label in brackets after a figure', pattern: /[\d%]（(?!截至|\d)[^）]{6,}）/, zhOnly: true },
  { name: 'a title cut off with an ellipsis', pattern: /[A-Za-z]…(?=[\s"”)\]]|$)/ },
  { name: 'a title cut off with an ellipsis', pattern: /(?<!…)[\u4e00-\u9fff]…(?!…)(?=[\s）)」”]|$)/ },
  { name: 'an ASCII colon after Chinese text', pattern: /[\u4e00-\u9fff]:/, zhOnly: true },
  { name: 'ASCII brackets around Chinese text', pattern: /[\u4e00-\u9fff] ?\(|\( ?[\u4e00-\u9fff]/, zhOnly: true },
  { name: 'a period from a year to the same year', pattern: /\b(\d{4}) to \1\b|(\d{4}年)至\2/ },
  { name: 'doubled punctuation', pattern: /。。|，，|；；|,,|（）|\(\)|(?<!\.)\.\.(?!\.)/ },
  { name: 'a space before a comma or full stop', pattern: /[A-Za-z] [,.](?=\s|$)/ },
  { name: 'a count of one in brackets, as a template writes it', pattern: /\(1 (?:person|time|case|household|item)\)/ },
  {
    name: '"numbered N people", a template\'s way of giving a count',
    pattern: /\bnumbered (?:more than |at least |nearly |about |under |at most )?[\d,.]+ (?:people|persons)\b/,
  },
  { name: 'brackets inside brackets', pattern: /\([^()]*\([^()]*\)[^()]*\)/ },
  { name: 'brackets inside brackets', pattern: /（[^（）]*（[^（）]*）[^（）]*）/, zhOnly: true },
];

/**
 * The text a reader sees (and a screen reader hears in chart descriptions), without code, forms
 * and scripts, and without quotations of the sources (locators and figures as printed).
 */
function visibleText(html: string): string {
  return (
    html
      .replace(/<(script|style|textarea|pre|code|q)\b[\s\S]*?<\/\1>/g, ' ')
      .replace(/<blockquote class="locator"[\s\S]*?<\/blockquote>/g, ' ')
      // A release page's diff quotes old and new records as they were stored: data, not the site's prose
      // (each record's current text is checked on its own page).
      .replace(/<tr data-diff="changed"[\s\S]*?<\/tr>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
  );
}

/** What breaks the rules in one page's text, as `rule: …context…` lines. */
function problems(text: string, zh: boolean): string[] {
  let checked = text;
  // Headlines as printed stay as printed.
  for (const s of data.sources) checked = checked.split(s.title).join(' ');
  return RULES.filter((r) => zh || !r.zhOnly).flatMap((r) => {
    const m = r.pattern.exec(checked);
    return m
      ? [`${r.name}: …${checked.slice(Math.max(0, m.index - 40), m.index + m[0].length + 20).replace(/\s+/g, ' ')}…`]
      : [];
  });
}

test('every rule catches what it is for', () => {
  const samples: [string, boolean][] = [
    ['Zhangqiu District, Zhangqiu District: party-building work zones', false],
    ['章丘区，章丘区：党建工作区', true],
    ['meets at 1 time a month', false],
    ['of which 259 (Administrative villages with fewer than 1,000 people), or 79.4%', false],
    ['其中259（人口不足千人的行政村数），占', true],
    ['Report: [Zhangqiu\'s "1226" foundation-strengthen… (June 2022)', false],
    ['报道：章丘：凝心聚力书写创新发… 2022', true],
    ['注意: 年份不同', true],
    ['指标党组织覆盖率 (组织)', true],
    ['2023 to 2023', false],
    ['不能直接比较。。', true],
    ['Shizhong ’ s main route , and', false],
    ['1 times a month', false],
    ['each village keeps a reserve candidate (1 person)', false],
    ['party members numbered more than 1,200 people', false],
    ["a target (by December 2022 (site's inference))", false],
    ['合并后532个（截至报道时（2022年6月至10月，本站推断））', true],
  ];
  for (const [s, zh] of samples) assert.ok(problems(s, zh).length > 0, `no rule caught: ${s}`);
  assert.deepEqual(problems('Fushan holds its joint meeting once a month (as of July 2022).', false), []);
  assert.deepEqual(problems('其中人口不足千人的有259个，截至2022年7月（据称）。原文写法至少…1名', true), []);
});

test('no page writes a sentence that a template made and an editor would not pass', () => {
  const found: string[] = [];
  const pages = listFiles(DIST).filter((f) => f.endsWith('.html'));
  assert.ok(pages.length > 100, `${pages.length} pages`);
  for (const f of pages) {
    const html = readFileSync(join(DIST, f), 'utf8');
    const zh = /<html lang="zh-Hans"/.test(html);
    for (const p of problems(visibleText(html), zh)) found.push(`${f}: ${p}`);
    // A <Fact> no longer drops its label in brackets after the figure.
    if (/class="fact"[^>]*>[^<]*<\/a><span class="muted"> ?[(（]/.test(html))
      found.push(`${f}: a <Fact> label in brackets`);
  }
  assert.deepEqual(found.slice(0, 30), [], `${found.length} problems`);
});
