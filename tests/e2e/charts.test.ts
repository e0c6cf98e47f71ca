// Every chart and map page, both languages, at 320 px and 1280 px: no text box in a chart's SVG
// overlaps another text box or leaves the SVG's viewBox.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CHARTS } from '../../src/charts/index.ts';
import { startHarness, type Harness } from '../../scripts/lib/browser.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

for (const width of [320, 1280]) {
  for (const lang of ['zh', 'en'] as const) {
    test(`chart text fits and does not overlap at ${width}px (${lang})`, async () => {
      const page = await h.browser.newPage({ viewport: { width, height: 900 } });
      const problems: string[] = [];
      for (const chart of CHARTS) {
        await page.goto(new URL(`${lang === 'en' ? 'en/' : ''}charts/${chart.id}/`, h.url).href);
        const found = await page.evaluate(() => {
          const out: string[] = [];
          const svg = [...document.querySelectorAll<SVGSVGElement>('.chart-svg svg')].find(
            (s) => s.getBoundingClientRect().width > 0,
          );
          if (!svg) return ['no visible chart svg'];
          const frame = svg.getBoundingClientRect();
          const texts = [...svg.querySelectorAll('text')].filter((t) => (t.textContent ?? '').trim() !== '');
          const boxes = texts.map((t) => ({ text: t.textContent!.trim(), r: t.getBoundingClientRect() }));
          const tol = 0.5;
          for (const b of boxes) {
            if (
              b.r.left < frame.left - tol ||
              b.r.right > frame.right + tol ||
              b.r.top < frame.top - tol ||
              b.r.bottom > frame.bottom + tol
            )
              out.push(`"${b.text}" leaves the viewBox`);
          }
          for (let i = 0; i < boxes.length; i++)
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i]!.r,
                c = boxes[j]!.r;
              const ix = Math.min(a.right, c.right) - Math.max(a.left, c.left);
              const iy = Math.min(a.bottom, c.bottom) - Math.max(a.top, c.top);
              if (ix > 1 && iy > 1) out.push(`"${boxes[i]!.text}" overlaps "${boxes[j]!.text}"`);
            }
          return out;
        });
        problems.push(...found.map((p) => `${chart.id}: ${p}`));
      }
      await page.close();
      assert.deepEqual(problems, []);
    });
  }
}
