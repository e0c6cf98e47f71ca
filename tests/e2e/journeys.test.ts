// The reader's journey end to end in Chromium, both languages, on a phone (375 px) and a desktop
// (1280 px): home → the comparison → a case study → a chart in it → its chart page, by clicking
// what a reader would click, checking each step's content and (on phones) that nothing scrolls
// sideways. The journalist's and researcher's journeys are in journeysPending.test.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chartById } from '../../src/charts/index.ts';
import { getDataset } from '../../src/dataset/dataset.ts';
import { districtName } from '../../src/i18n/figure.ts';
import { t } from '../../src/i18n/strings.ts';
import { startHarness, type Harness } from '../../scripts/lib/browser.ts';
import { pick, type Lang } from '../../src/site/editions.ts';
import { localePath } from '../../src/site/paths.ts';
import { homeHeadline } from '../lib/homeStory.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

/** Fails when the page is wider than the viewport (a phone reader would scroll sideways). */
async function noSidewaysScroll(page: Page, step: string): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `${step}: the page is ${scroll} px wide in a ${client} px viewport`);
}

const path = (page: Page) => new URL(page.url()).pathname;

for (const lang of ['zh', 'en'] as Lang[]) {
  for (const width of [375, 1280]) {
    test(`reader (${lang}, ${width} px): home → comparison → case study → chart → chart page`, async () => {
      const page = await h.browser.newPage({ viewport: { width, height: 800 } });
      // A missing link should fail in seconds, not after Playwright's 30 s default.
      page.setDefaultTimeout(8000);
      const phone = width < 600;
      await page.goto(new URL(localePath(lang, '/').slice(1), h.url).href);
      assert.equal((await page.locator('h1').textContent())?.trim(), homeHeadline(lang));
      assert.equal(await page.title(), t(lang, 'site.title'));
      if (phone) await noSidewaysScroll(page, 'home');

      // The main navigation leads to the comparison.
      await page
        .locator('nav')
        .getByRole('link', { name: t(lang, 'nav.compare'), exact: true })
        .click();
      await page.waitForURL((u) => u.pathname === localePath(lang, '/compare/'));
      assert.equal((await page.locator('h1').textContent())?.trim(), t(lang, 'page.compare'));
      assert.ok((await page.locator('.matrix-cell').count()) >= 3, 'the comparison matrix has no cells');
      if (phone) await noSidewaysScroll(page, 'comparison');

      // From the comparison to one district's case study.
      const district = districtName(getDataset(), 'shizhong', lang);
      await page.locator('main').getByRole('link', { name: district, exact: true }).first().click();
      await page.waitForURL((u) => u.pathname === localePath(lang, '/case-studies/shizhong/'));
      // The title as the case study's frontmatter gives it (a YAML double-quoted string is JSON-compatible here).
      const raw = /^title:\s*(.+?)\s*$/m.exec(readFileSync(`content/case-studies/${lang}/shizhong.mdx`, 'utf8'))![1]!;
      const title = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
      assert.equal((await page.locator('h1').textContent())?.trim(), title, 'the case study h1 is not its title');
      if (phone) await noSidewaysScroll(page, 'case study');

      // A chart in the case study: visible, one accessible image, within the viewport.
      const figure = page.locator('figure.chart').first();
      const id = await figure.getAttribute('data-chart');
      assert.ok(id && chartById(id), `first chart figure has unknown id ${id}`);
      const def = chartById(id)!;
      await figure.scrollIntoViewIfNeeded();
      assert.equal((await figure.locator('.chart-title').textContent())?.trim(), pick(def.title, lang));
      // Phones get the narrow drawing; wider screens the column's, or the full-width one for charts that break out.
      const svg = figure.locator(phone ? '.chart-narrow svg' : ':is(.chart-wide, .chart-full) svg:visible');
      assert.ok(await svg.isVisible(), `the ${phone ? 'narrow' : 'wide'} chart is not shown at ${width} px`);
      assert.equal(await figure.locator('svg:visible').count(), 1, 'exactly one rendering of the chart is shown');
      // One group (its title and description name it) whose figures are links for the pointer.
      assert.equal(await svg.getAttribute('role'), 'group');
      assert.ok((await svg.locator('a[href]').count()) > 0, 'the chart has no links to its figures');
      assert.ok(
        (await svg.locator(':scope > title').textContent())?.startsWith(pick(def.title, lang)),
        'chart <title> does not start with its title',
      );
      const box = (await svg.boundingBox())!;
      assert.ok(
        box.x >= 0 && box.x + box.width <= width + 0.5,
        `chart spans ${box.x}–${box.x + box.width} px in a ${width} px viewport`,
      );

      // Its data table opens, and its chart page is one click away.
      await figure.locator('details.chart-table summary').click();
      assert.ok(
        await figure.locator('details.chart-table tbody tr').first().isVisible(),
        'the chart data table does not open',
      );
      await page
        .locator(`[data-chart-source="${id}"]`)
        .getByRole('link', { name: t(lang, 'chart.page'), exact: true })
        .click();
      await page.waitForURL((u) => u.pathname === localePath(lang, `/charts/${id}/`));
      assert.equal(path(page), localePath(lang, `/charts/${id}/`));
      assert.ok(
        (await page.locator('h1').textContent())?.includes(pick(def.title, lang)),
        'chart page h1 is not the chart title',
      );
      assert.ok(await page.locator(`main svg[role="group"]:visible`).first().isVisible(), 'chart page shows no chart');
      if (phone) await noSidewaysScroll(page, 'chart page');
      await page.close();
    });
  }
}
