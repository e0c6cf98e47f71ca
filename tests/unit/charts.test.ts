// Golden SVG snapshots of every chart in both languages at both widths, the way Observable Plot
// tests itself: a mismatch writes `<name>-changed.svg` beside the golden and fails. Run with
// UPDATE_SNAPSHOTS=1 to accept changes (then review the diff).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { CHARTS } from '../../src/charts/index.ts';
import { panelKey } from '../../src/charts/marks.ts';
import { fillSummary, placeNotes, renderChart } from '../../src/charts/render.ts';
import { loadGeo, WIDTHS } from '../../src/charts/site.ts';
import { getDataset } from '../../src/dataset/dataset.ts';
import { allDerived } from '../../src/dataset/derived.ts';

const data = getDataset();
const geo = loadGeo();
const DIR = 'tests/fixtures/charts';

test('there are at least eight charts', () => assert.ok(CHARTS.length >= 8, `${CHARTS.length}`));

for (const chart of CHARTS) {
  for (const lang of ['zh', 'en'] as const) {
    // Every chart at the phone and column widths; charts that break out of the column also at full width.
    for (const width of chart.breakout ? Object.values(WIDTHS) : [WIDTHS.narrow, WIDTHS.wide]) {
      const file = `${DIR}/${chart.id}-${lang}-${width}.svg`;
      test(`snapshot ${chart.id} ${lang} ${width}px`, () => {
        const { svg } = renderChart(chart, { data, lang, width, geo });
        const changed = file.replace(/\.svg$/, '-changed.svg');
        if (process.env.UPDATE_SNAPSHOTS) {
          writeFileSync(file, `${svg}\n`);
          rmSync(changed, { force: true });
          return;
        }
        assert.ok(existsSync(file), `no golden ${file}: run UPDATE_SNAPSHOTS=1 npm run test:unit`);
        if (readFileSync(file, 'utf8') !== `${svg}\n`) {
          writeFileSync(changed, `${svg}\n`);
          assert.fail(`${file} differs from the rendering; see ${changed}`);
        }
        rmSync(changed, { force: true });
      });
    }
  }

  test(`${chart.id}: rendering is deterministic and accessible`, () => {
    const a = renderChart(chart, { data, lang: 'zh', width: 360, geo }).svg;
    const b = renderChart(chart, { data, lang: 'zh', width: 360, geo }).svg;
    assert.equal(a, b);
    assert.match(a, /^<svg[^>]* role="group"[^>]* aria-labelledby="[^"]+-title" aria-describedby="[^"]+-desc"/);
    assert.match(a, /<title id="[^"]+">[^<]+<\/title><desc id="[^"]+">[^<]+<\/desc>/);
    assert.doesNotMatch(a, /font-variant=|<style>|plot-clip-\d|<g[^>]* aria-label=/);
    // Every figure is a named link to a site page; every top-level group without one is hidden from
    // assistive technology (the title, description and data table say it in words).
    const links = [...a.matchAll(/<a\b[^>]*>/g)].map((m) => m[0]);
    assert.ok(links.length > 0, 'no links');
    for (const l of links) assert.match(l, / href="\/[^"]*"/, l);
    for (const l of links) assert.match(l, / aria-label="[^"]+"/, l);
    const { document } = parseHTML(`<!doctype html><html><body>${a}</body></html>`);
    for (const g of document.querySelectorAll('svg > g'))
      assert.ok(g.querySelector('a') || g.getAttribute('aria-hidden') === 'true', g.outerHTML.slice(0, 120));
  });

  test(`${chart.id}: every number drawn equals the dataset's`, () => {
    const derived = new Map(allDerived(data.observation).map((d) => [d.id, d]));
    const { rows, svg } = renderChart(chart, { data, lang: 'en', width: 720, geo });
    assert.ok(rows.length > 0);
    for (const r of rows) {
      const src = r.derived ? derived.get(r.ref) : data.observation.get(r.ref);
      if (!src) {
        assert.match(r.ref, /^(start|report|map)-/, `row ${r.ref} has no source record`);
        continue;
      }
      assert.equal(r.value, src.value, r.ref);
      assert.equal(r.qualifier, src.qualifier, r.ref);
      assert.equal(r.high, 'high' in src ? src.high : undefined, r.ref);
      if (svg.includes(`>${r.label.replace(/&/g, '&amp;')}<`)) continue;
      // Charts that leave some rows to the table (money beside counts) must still list them.
      assert.ok(
        chart.id === 'fushan-cherry-economy' || chart.id === 'timeline' || chart.kind === 'map',
        `${r.ref}: label "${r.label}" not drawn`,
      );
    }
  });
}

test('the district colour classes in global.css are the chart palette, in order, and every featured district has one', async () => {
  const { PALETTE, districtClass } = await import('../../src/charts/palette.ts');
  const { featuredDistricts, FEATURED_MAX } = await import('../../src/dataset/dataset.ts');
  const css = readFileSync('src/styles/global.css', 'utf8');
  const classes = [...css.matchAll(/^\.d-(\d+) \{\s*--c: (#[0-9a-f]{6});\s*\}$/gm)].map((m) => [Number(m[1]), m[2]]);
  assert.deepEqual(
    classes,
    PALETTE.map((c, i) => [i + 1, c]),
  );
  assert.ok(PALETTE.length >= FEATURED_MAX, `${PALETTE.length} colours for ${FEATURED_MAX} featured districts`);
  const data = getDataset();
  assert.deepEqual(
    featuredDistricts(data).map((d) => districtClass(data, d.id)),
    featuredDistricts(data).map((_, i) => `d-${i + 1}`),
  );
  assert.match(css, /^\.d-other \{\s*--c: /m);
  assert.equal(districtClass(data, 'no-such-district'), 'd-other');
});

test('every chart summary reads as written prose in both languages: placeholders filled, no figures typed in', () => {
  for (const chart of CHARTS) {
    for (const lang of ['zh', 'en'] as const) {
      const { rows, description } = renderChart(chart, { data, lang, width: 720, geo });
      assert.equal(description, fillSummary(chart, rows, lang));
      assert.doesNotMatch(description, /[{}]/, `${chart.id} ${lang}: an unfilled placeholder`);
      // Figures reach a summary only through placeholders; a typed digit outside one would not
      // follow a correction of the data. Thresholds that name the indicator (500,000 yuan) and quoted
      // names may stand.
      const typed = chart.summary[lang]
        .replace(/\{[^}]+\}/g, '')
        .replace(/500,000|1 million/g, '')
        // A quoted name ("1226" programme) is a name, not a figure.
        .replace(/“[^”]*”|"[^"]*"/g, '')
        .match(/\d/);
      assert.equal(typed, null, `${chart.id} ${lang}: a figure typed into the summary`);
      assert.ok(lang === 'en' || /[。]$/.test(description), `${chart.id} zh: ends with 。`);
    }
  }
  assert.throws(
    () => fillSummary({ ...CHARTS[0]!, summary: { zh: '{no-such-row}', en: '{no-such-row}' } }, [], 'en'),
    /does not draw/,
  );
});

test('every chart says its point on the chart: one or two notes in both languages, each drawn beside a mark it draws', () => {
  for (const chart of CHARTS) {
    assert.ok(chart.notes.length >= 1 && chart.notes.length <= 2, `${chart.id}: ${chart.notes.length} notes`);
    for (const lang of ['zh', 'en'] as const) {
      const { svg, drawn } = renderChart(chart, { data, lang, width: 720, geo });
      const placed = placeNotes(chart, drawn, lang);
      for (const [i, n] of placed.entries()) {
        assert.ok(n.text.trim().length > 0, `${chart.id} ${lang}: note ${i} is empty`);
        assert.doesNotMatch(n.text, /[{}]/, `${chart.id} ${lang}: an unfilled placeholder`);
        // As in summaries, a figure reaches a note only through a placeholder.
        assert.equal(
          chart.notes[i]!.text[lang].replace(/\{[^}]+\}/g, '').match(/\d/),
          null,
          `${chart.id} ${lang}: a typed figure`,
        );
        // The note is on the chart: each of its words (Chinese: each run of characters) is drawn.
        const drawnText = [...svg.matchAll(/<(?:text|tspan)\b[^>]*>([^<]*)(?=<)/g)].map((m) => m[1]).join(' ');
        for (const word of n.text
          .replace(/&/g, '&amp;')
          .split(/[\s，、：；。]+/)
          .filter(Boolean))
          assert.ok(drawnText.includes(word), `${chart.id} ${lang}: "${word}" of its note is not drawn`);
      }
    }
  }
  assert.throws(
    () => placeNotes({ ...CHARTS[0]!, notes: [{ ref: 'no-such-row', text: { zh: 'x', en: 'x' } }] }, [], 'en'),
    /does not draw/,
  );
});

// EDITORIAL.md: position on a shared axis is itself a comparison. Every chart declares how it places
// values, and the drawing is held to it: small multiples whose panels each hold one indicator, kind,
// scope and unit; a calendar axis that carries only dates; a map. No chart uses a log scale.
test('every chart places values as it declares: one unit and kind per shared scale, no log scales', () => {
  const problems: string[] = [];
  for (const chart of CHARTS)
    for (const lang of ['zh', 'en'] as const) {
      const input = { data, lang, width: WIDTHS.wide, geo };
      const rows = chart.rows(input);
      const drawn = chart.drawn ? chart.drawn(rows) : rows;
      const options = chart.plot(input, drawn, []) as Record<string, { type?: string } | undefined>;
      for (const axis of ['x', 'y', 'fx', 'fy', 'r'])
        if (/log|pow|sqrt/.test(String(options[axis]?.type ?? '')))
          problems.push(`${chart.id}: a ${options[axis]!.type} scale on ${axis}`);
      const where = `${chart.id} (${lang})`;
      if (chart.scales === 'panels') {
        const panels = new Map<string, typeof drawn>();
        for (const r of drawn) panels.set(panelKey(r), [...(panels.get(panelKey(r)) ?? []), r]);
        for (const [key, members] of panels) {
          if (new Set(members.map((r) => r.unit)).size > 1) problems.push(`${where}: panel ${key} mixes units`);
          if (new Set(members.map((r) => (r.derived ? 'derived' : r.kind))).size > 1)
            problems.push(`${where}: panel ${key} mixes kinds`);
        }
        const { svg } = renderChart(chart, input);
        const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
        const titles = document.querySelectorAll('g.panel-title > text').length;
        if (titles !== panels.size) problems.push(`${where}: ${titles} panel headings for ${panels.size} panels`);
      } else if (chart.scales === 'time') {
        for (const r of drawn)
          if (!(r.value >= 1990 && r.value <= 2100 && (r.high === undefined || r.high <= 2100)))
            problems.push(`${where}: ${r.ref} is not a date on the calendar axis`);
      } else if (chart.kind !== 'map') problems.push(`${where}: declares a map but is not one`);
    }
  assert.deepEqual(problems, []);
});
