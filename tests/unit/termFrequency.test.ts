// The term page's chart: a golden SVG per language (UPDATE_SNAPSHOTS=1 to accept a change, then
// review it), and what the drawing must hold whatever the data.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { termFrequencySvg, type TermFrequencyRow } from '../../src/charts/termFrequency.ts';

const rows = (lang: 'zh' | 'en'): TermFrequencyRow[] => [
  { label: lang === 'zh' ? '章丘' : 'Zhangqiu', colour: '#0072b2', rate: 19.97 },
  { label: lang === 'zh' ? '市中' : 'Shizhong', colour: '#d55e00', rate: 3.03 },
  { label: lang === 'zh' ? '福山' : 'Fushan', colour: '#009e73', rate: 0 },
];
const render = (lang: 'zh' | 'en') =>
  termFrequencySvg(rows(lang), {
    lang,
    width: 360,
    title: lang === 'zh' ? '党建工作区：每万字出现次数' : 'party-building work zone: per 10,000 characters',
    desc: lang === 'zh' ? '按区合计。' : 'Summed by district.',
  });

for (const lang of ['zh', 'en'] as const) {
  test(`snapshot term-frequency ${lang} 360px`, () => {
    const file = `tests/fixtures/charts/term-frequency-${lang}-360.svg`;
    const svg = `${render(lang)}\n`;
    const changed = file.replace(/\.svg$/, '-changed.svg');
    if (process.env.UPDATE_SNAPSHOTS) {
      writeFileSync(file, svg);
      rmSync(changed, { force: true });
      return;
    }
    assert.ok(
      existsSync(file),
      `no golden ${file}: run UPDATE_SNAPSHOTS=1 node --test tests/unit/termFrequency.test.ts`,
    );
    if (readFileSync(file, 'utf8') !== svg) {
      writeFileSync(changed, svg);
      assert.fail(`${file} differs from the rendering; see ${changed}`);
    }
    rmSync(changed, { force: true });
  });
}

test('bars share one scale, a zero draws no bar, and the chart is named and described', () => {
  const { document } = parseHTML(`<html><body>${render('en')}</body></html>`);
  const svg = document.querySelector('svg')!;
  assert.equal(svg.getAttribute('role'), 'img');
  assert.equal(document.querySelector('title')!.textContent, 'party-building work zone: per 10,000 characters');
  const widths = [...document.querySelectorAll('rect')].map((r) => Number(r.getAttribute('width')));
  assert.equal(widths[2], 0);
  assert.ok(Math.abs(widths[1]! / widths[0]! - 3.03 / 19.97) < 0.02, widths.join());
  assert.match(svg.textContent!, /Zhangqiu20Shizhong3Fushan0$/);
  assert.equal(render('en'), render('en'), 'deterministic');
});
