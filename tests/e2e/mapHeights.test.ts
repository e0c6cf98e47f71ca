// Locator maps sized to their point (issue 28): at 1280 px each map's drawing, as the browser lays
// it out, is at most a third of its height before the issue (Jinan 910 px, Yantai 722 px, the
// Shandong locator 678 px), and landscape, on its chart page and wherever the home page shows it;
// on a phone it still fits the screen's width.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CHARTS } from '../../src/charts/index.ts';
import { localePath } from '../../src/site/paths.ts';
import { startHarness, type Harness } from '../../scripts/lib/browser.ts';

/** Each map's drawn height at 1280 px before issue 28 (CSS px). */
const BEFORE: Record<string, number> = { 'map-shandong': 678, 'map-jinan': 910, 'map-yantai': 722 };

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h?.close());

/** The size of the visible drawing of map `id` on the page at `path`. */
async function drawn(path: string, id: string, width: number): Promise<{ w: number; h: number }> {
  const page = await h.browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(new URL(path, h.url).href);
  const size = await page.evaluate((chart) => {
    const fig = document.querySelector(`figure[data-chart="${chart}"]`);
    fig?.scrollIntoView();
    const svg = [...(fig?.querySelectorAll<SVGSVGElement>('.chart-svg svg') ?? [])].find(
      (s) => s.getBoundingClientRect().width > 0,
    );
    const r = svg?.getBoundingClientRect();
    return r ? { w: r.width, h: r.height } : null;
  }, id);
  await page.close();
  assert.ok(size, `${path}: no visible drawing of ${id}`);
  return size;
}

test('the maps are the ones measured', () => {
  assert.deepEqual(
    CHARTS.filter((c) => c.kind === 'map')
      .map((c) => c.id)
      .sort(),
    Object.keys(BEFORE).sort(),
  );
});

for (const lang of ['zh', 'en'] as const) {
  test(`maps at 1280 px are at most a third of their former height, and landscape (${lang})`, async () => {
    const found: string[] = [];
    for (const [id, was] of Object.entries(BEFORE)) {
      const pages = [localePath(lang, `/charts/${id}/`), ...(id === 'map-shandong' ? [localePath(lang, '/')] : [])];
      for (const path of pages) {
        const size = await drawn(path, id, 1280);
        found.push(`${path} ${id}: ${Math.round(size.w)} × ${Math.round(size.h)} (was ${was} high)`);
        assert.ok(size.h <= was / 3, `${path}: ${id} is ${size.h} px high, over a third of ${was}`);
        assert.ok(size.w > size.h * 1.5, `${path}: ${id} is ${size.w} × ${size.h}, not landscape`);
      }
    }
    console.log(found.join('\n'));
  });

  test(`maps on a 375 px phone fit the width and stay under most of the screen (${lang})`, async () => {
    for (const id of Object.keys(BEFORE)) {
      const size = await drawn(localePath(lang, `/charts/${id}/`), id, 375);
      assert.ok(size.w <= 375 && size.h <= 320, `${id}: ${size.w} × ${size.h} at 375 px`);
    }
  });
}
