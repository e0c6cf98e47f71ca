// Charts for keyboards and screen readers (Chartability's "inappropriate tab stops" and "tedious
// navigation", which axe cannot see): Tab is pressed through every page type that holds charts, in
// every edition, counting the stops inside each chart (at most two: its list and its table); each
// stop in a chart shows a focus indicator of at least 3:1 in both colour schemes; the accessibility
// tree gives each chart its title, an image with a description, and the list of its figures.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { CHARTS } from '../../src/charts/index.ts';
import { renderedChart, WIDTHS } from '../../src/charts/site.ts';
import { getDataset } from '../../src/dataset/dataset.ts';
import { edition, LANGS } from '../../src/site/editions.ts';
import { t } from '../../src/i18n/strings.ts';
import { convertText } from '../../src/site/script.ts';
import { localePath } from '../../src/site/paths.ts';
import { startHarness, type Harness } from '../../scripts/lib/browser.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h?.close());

/** Every page type that holds charts, in every edition. */
function chartPages(): string[] {
  const data = getDataset();
  return LANGS.flatMap((l) =>
    [
      '/',
      '/compare/',
      ...data.districts.map((d) => `/case-studies/${d.id}/`),
      ...CHARTS.map((c) => `/charts/${c.id}/`),
      ...CHARTS.slice(0, 3).map((c) => `/embed/${c.id}/`),
    ].map((p) => localePath(l, p)),
  );
}

/**
 * Presses Tab from the top of the page until focus has passed the last chart (or left the page),
 * and counts the stops inside each chart (`figure[data-chart]`, or an embed's figure).
 */
async function tabStops(page: Page): Promise<{ stops: Map<string, number>; presses: number }> {
  const stops = new Map<string, number>();
  const charts = await page.locator('figure[data-chart], figure[data-embed]').count();
  assert.ok(charts > 0, `${page.url()} has no chart`);
  let presses = 0;
  for (; presses < 2000; presses++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return { done: true, chart: null, after: false };
      const figs = [...document.querySelectorAll('figure[data-chart], figure[data-embed]')];
      const fig = el.closest('figure[data-chart], figure[data-embed]');
      const last = figs.at(-1)!;
      // Past the last chart: focus follows it in document order and is not inside it.
      const after = !fig && Boolean(last.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
      return {
        done: false,
        chart: fig ? (fig.getAttribute('data-chart') ?? fig.getAttribute('data-embed')) : null,
        after,
      };
    });
    if (where.done || where.after) break;
    if (where.chart) stops.set(where.chart, (stops.get(where.chart) ?? 0) + 1);
  }
  return { stops, presses };
}

test('a chart costs at most two Tab stops, on every page type that holds charts, in every edition', async () => {
  const page = await h.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const report: string[] = [];
  let before = 0;
  for (const path of chartPages()) {
    await page.goto(new URL(path.slice(1), h.url).href);
    const { stops } = await tabStops(page);
    for (const [chart, n] of stops) if (n > 2) report.push(`${path} ${chart}: ${n} Tab stops`);
    // The marks stay links for the pointer: the count a mouse can follow.
    before += await page.locator('figure svg a[href]').count();
  }
  assert.deepEqual(report, []);
  assert.ok(before > 500, `only ${before} mark links: the charts lost their links for pointer readers`);
  await page.close();
});

test('the skip link and the contents reach any section of a case study or the comparison in a few presses', async () => {
  const page = await h.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const data = getDataset();
  for (const lang of LANGS)
    for (const p of ['/compare/', ...data.districts.map((d) => `/case-studies/${d.id}/`)]) {
      const path = localePath(lang, p);
      await page.goto(new URL(path.slice(1), h.url).href);
      await page.keyboard.press('Tab');
      assert.equal(
        await page.evaluate(() => document.activeElement?.className),
        'skip',
        `${path}: the first stop is the skip link`,
      );
      await page.keyboard.press('Enter');
      let presses = 0;
      while (
        presses < 10 &&
        !(await page.evaluate(() => Boolean(document.activeElement?.closest('nav.toc, nav.page-contents'))))
      ) {
        await page.keyboard.press('Tab');
        presses++;
      }
      assert.ok(presses <= 3, `${path}: ${presses} presses from the skip link to the contents`);
      // Each entry leads to its section.
      const href = await page.evaluate(() => document.activeElement!.getAttribute('href'));
      assert.ok(href?.startsWith('#') && (await page.locator(href).count()) === 1, `${path}: contents entry ${href}`);
    }
  await page.close();
});

/** Contrast ratio of two CSS rgb() colours (WCAG 2). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

test('every focusable element in a chart shows a focus indicator of at least 3:1, light and dark', async () => {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
    for (const path of [localePath('zh', '/compare/'), localePath('en', '/charts/map-jinan/')]) {
      await page.goto(new URL(path.slice(1), h.url).href);
      const { stops } = await tabStops(page);
      assert.ok(stops.size > 0);
      await page.goto(new URL(path.slice(1), h.url).href);
      // Walk again, reading the indicator of each stop inside a chart as it is drawn.
      for (let i = 0; i < 2000; i++) {
        await page.keyboard.press('Tab');
        const seen = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const fig = el.closest('figure[data-chart]');
          const figs = [...document.querySelectorAll('figure[data-chart]')];
          if (!fig) return figs.at(-1)!.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING ? null : {};
          const style = getComputedStyle(el);
          let bgEl: Element | null = el;
          let bg = 'rgba(0, 0, 0, 0)';
          while (bgEl && /rgba\(0, 0, 0, 0\)|transparent/.test(bg)) {
            bg = getComputedStyle(bgEl).backgroundColor;
            bgEl = bgEl.parentElement;
          }
          if (/rgba\(0, 0, 0, 0\)|transparent/.test(bg)) bg = getComputedStyle(document.body).backgroundColor;
          return {
            what: el.outerHTML.slice(0, 60),
            width: style.outlineWidth,
            color: style.outlineColor,
            outline: style.outlineStyle,
            bg,
          };
        });
        if (seen === null) break;
        if (!('what' in seen)) continue;
        assert.notEqual(seen.outline, 'none', `${scheme} ${path}: ${seen.what} shows no focus outline`);
        assert.ok(Number.parseFloat(seen.width!) >= 2, `${scheme} ${path}: ${seen.what} outline ${seen.width}`);
        const ratio = contrast(seen.color!, seen.bg!);
        assert.ok(
          ratio >= 3,
          `${scheme} ${path}: ${seen.what} focus ${seen.color} on ${seen.bg} is ${ratio.toFixed(2)}:1`,
        );
      }
    }
    await page.close();
  }
});

test('each chart reads as its title, the drawing named and described, and a list of its figures that leads to each one', async () => {
  const page = await h.browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const lang of LANGS)
    for (const c of CHARTS) {
      await page.goto(new URL(localePath(lang, `/charts/${c.id}/`).slice(1), h.url).href);
      const fig = page.locator(`figure[data-chart="${c.id}"]`);
      // YAML doubles a quote inside a quoted line: undo it to compare text.
      const snapshot = (await fig.ariaSnapshot()).replaceAll("''", "'");
      const img = fig.locator('svg.plot-chart:visible');
      const name = await img.evaluate(
        (el) => document.getElementById(el.getAttribute('aria-labelledby')!)?.textContent,
      );
      assert.equal(await img.getAttribute('role'), 'group');
      assert.ok(
        name && snapshot.includes(`group "${name.slice(0, 20)}`),
        `${lang} ${c.id}: no named chart in\n${snapshot}`,
      );
      const description = await img.evaluate((el) =>
        el
          .getAttribute('aria-describedby')!
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
      // Named by title and subtitle (the subtitle shown above is not read twice), described by the summary made from the rows.
      const subtitle = (await fig.locator('.chart-subtitle').textContent())?.trim() ?? '';
      const summary = (await img.locator(':scope > desc').textContent())?.trim() ?? '';
      assert.ok(
        subtitle && name.includes(subtitle),
        `${lang} ${c.id}: name "${name}" lacks the subtitle "${subtitle}"`,
      );
      assert.equal(await fig.locator('.chart-subtitle').getAttribute('aria-hidden'), 'true');
      assert.ok(summary.length > 10 && description.trim() === summary, `${lang} ${c.id}: description "${description}"`);
      // Within three steps: the heading, the image, then the way into the list.
      const lines = snapshot.split('\n').filter((l) => /^\s*- '?(heading|img|group|text|paragraph)/.test(l));
      assert.match(lines[0] ?? '', /heading/, `${lang} ${c.id}: ${lines.slice(0, 3).join(' | ')}`);
      assert.ok(lines[1]?.includes(`group "${name.slice(0, 20)}`), `${lang} ${c.id}: ${lines.slice(0, 3).join(' | ')}`);
      const explore = convertText(lang, t(edition(lang).content, 'chart.explore'));
      assert.ok(lines[2]?.includes(explore), `${lang} ${c.id}: ${lines.slice(0, 3).join(' | ')}`);
      assert.match(lines[2] ?? '', /^\s*- group: /, `${lang} ${c.id}: the list comes third`);
      // The list: one link per row the chart draws, to the same addresses as its marks.
      const rows = renderedChart(c.id, lang, WIDTHS.wide).rows;
      await fig.locator('details.chart-explore summary').click();
      const hrefs = await fig
        .locator('details.chart-explore a[href]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(hrefs.sort(), rows.map((r) => r.href).sort(), `${lang} ${c.id}: list links`);
      const marks = await img.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const m of marks) assert.ok(hrefs.includes(m), `${lang} ${c.id}: mark ${m} not in the list`);
    }
  await page.close();
});
