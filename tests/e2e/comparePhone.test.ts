// The comparison fits a phone (375 × 812), every edition, with JavaScript off as a reader may have
// it: the four dimensions, each with its districts side by side, end within 8 screens; the figures of
// the same indicator come after them, a line per figure; the section index stays on screen wherever
// the reader has scrolled, and each of its entries leads to its section. Each district's summary
// and figures run the whole width under the headlines (three narrow columns of prose would not read).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { featuredDistricts, getDataset } from '../../src/dataset/dataset.ts';
import { dimension } from '../../src/dataset/schemas.ts';
import { startHarness, type Harness } from '../../scripts/lib/browser.ts';
import { LANGS } from '../../src/site/editions.ts';
import { localePath } from '../../src/site/paths.ts';

const SCREEN = { width: 375, height: 812 };
const featured = featuredDistricts(getDataset()).length;

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

for (const lang of LANGS)
  test(`comparison on a phone (${lang}): four dimensions side by side within 8 screens, then the same-indicator lines, the index always in reach`, async () => {
    const context = await h.browser.newContext({ viewport: SCREEN, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL(localePath(lang, '/compare/').slice(1), h.url).href);
    const found = await page.evaluate(
      ({ dims, featured }) => {
        const problems: string[] = [];
        const box = (e: Element) => {
          const r = e.getBoundingClientRect();
          return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, left: r.left };
        };
        let end = 0;
        for (const dim of dims) {
          const section = document.querySelector(`main section.dim#dim-${dim}`);
          if (!section) {
            problems.push(`no section for ${dim}`);
            continue;
          }
          end = Math.max(end, box(section).bottom);
          const cells = [...section.querySelectorAll('.cell-head')].map(box);
          if (cells.length !== featured) problems.push(`${dim}: ${cells.length} district headlines, not ${featured}`);
          // Side by side: the districts' headlines start on one line, left to right.
          if (cells.some((c) => Math.abs(c.top - cells[0]!.top) > 2))
            problems.push(`${dim}: the districts are stacked, not side by side`);
          if (cells.some((c, i) => i > 0 && c.left <= cells[i - 1]!.left)) problems.push(`${dim}: cells out of order`);
        }
        for (const detail of document.querySelectorAll('main .dim .cell-detail'))
          if (detail.getBoundingClientRect().width < window.innerWidth * 0.8)
            problems.push(`a district's summary runs ${Math.round(detail.getBoundingClientRect().width)} px wide`);
        const same = document.querySelector('main #same-indicator');
        if (!same || box(same).top < end) problems.push('the same-indicator figures do not come after the dimensions');
        const lines = document.querySelectorAll('main .indicator-group .figure-lines > li').length;
        const tables = document.querySelectorAll('main .indicator-group table').length;
        if (lines === 0 || tables > 0) problems.push(`same-indicator figures: ${lines} lines, ${tables} tables`);
        if (document.documentElement.scrollWidth > document.documentElement.clientWidth)
          problems.push(`the page is ${document.documentElement.scrollWidth} px wide`);
        return { problems, end, height: window.innerHeight };
      },
      { dims: dimension.options as readonly string[], featured },
    );
    assert.deepEqual(found.problems, []);
    assert.ok(
      found.end <= 8 * found.height,
      `the four dimensions end at ${Math.round(found.end)} px, ${(found.end / found.height).toFixed(1)} screens`,
    );

    // The index at the top of the screen, wherever the reader is; each entry opens its section under it.
    const entries = await page
      .locator('main nav.section-index a[href^="#"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    assert.ok(entries.length >= dimension.options.length + 2, `${entries.length} index entries`);
    for (const href of entries) {
      await page.locator(`main nav.section-index a[href="${href}"]`).click();
      const at = await page.evaluate((href) => {
        const nav = document.querySelector('main nav.section-index')!.getBoundingClientRect();
        const target = document.querySelector(href)!.getBoundingClientRect();
        return { navTop: nav.top, navBottom: nav.bottom, targetTop: target.top, y: window.scrollY };
      }, href);
      assert.ok(at.y > 0 || href === entries[0], `${href}: the page did not move`);
      assert.ok(
        at.navTop >= 0 && at.navTop < 4,
        `${href}: the index is at ${Math.round(at.navTop)} px, off the screen`,
      );
      assert.ok(
        at.targetTop >= at.navBottom - 1 && at.targetTop < SCREEN.height / 2,
        `${href}: its section starts at ${Math.round(at.targetTop)} px, under an index ending at ${Math.round(at.navBottom)} px`,
      );
    }
    await context.close();
  });
