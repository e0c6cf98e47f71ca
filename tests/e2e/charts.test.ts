// Every chart and map page and every embed, both languages, on a small phone (320 px), a common
// phone (375 px) and a desktop (1280 px): no text box in the chart's visible SVG overlaps another
// or leaves the SVG, and every data mark answers a pointer with a tooltip and a link that resolves.
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

/** What the browser finds in the visible chart of the page: text problems, and each mark's link. */
interface Found {
  problems: string[];
  marks: { mark: string; href: string | null; title: string; target: string | null }[];
}

async function inspect(page: import('playwright-core').Page): Promise<Found> {
  return page.evaluate(async () => {
    const out: Found = { problems: [], marks: [] };
    const svg = [...document.querySelectorAll<SVGSVGElement>('.chart-svg svg')].find(
      (s) => s.getBoundingClientRect().width > 0,
    );
    if (!svg) return { problems: ['no visible chart svg'], marks: [] };
    svg.scrollIntoView({ block: 'start' });
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
        out.problems.push(`"${b.text}" leaves the SVG`);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r,
          c = boxes[j]!.r;
        const ix = Math.min(a.right, c.right) - Math.max(a.left, c.left);
        const iy = Math.min(a.bottom, c.bottom) - Math.max(a.top, c.top);
        if (ix > 1 && iy > 1) out.problems.push(`"${boxes[i]!.text}" overlaps "${boxes[j]!.text}"`);
      }
    // Each data mark, as a pointer finds it: the element on top at a point inside the mark.
    const shapes = [...svg.querySelectorAll<SVGGeometryElement>('g.data-mark :is(circle, line, path, rect)')];
    if (shapes.length === 0) out.problems.push('no data marks');
    for (const shape of shapes) {
      shape.scrollIntoView({ block: 'center' });
      await new Promise((ok) => requestAnimationFrame(ok));
      const r = shape.getBoundingClientRect();
      const ctm = shape.getScreenCTM()!;
      let hit: { x: number; y: number } | undefined;
      // A point inside the mark: its centre for dots and bars, a point in the fill for map areas.
      for (let k = 0; k <= 8 && !hit; k++)
        for (let l = 0; l <= 8 && !hit; l++) {
          const x = r.left + (r.width * (k === 0 ? 4 : k)) / 8,
            y = r.top + (r.height * (l === 0 ? 4 : l)) / 8;
          const p = new DOMPoint(x, y).matrixTransform(ctm.inverse());
          const inside =
            shape.tagName === 'line' || shape.tagName === 'circle' || shape.tagName === 'rect'
              ? true
              : shape.isPointInFill(p) || shape.isPointInStroke(p);
          if (inside) hit = { x, y };
        }
      const name = `${shape.tagName} in ${shape.closest('g')?.getAttribute('class')}`;
      if (!hit) {
        out.problems.push(`${name}: no point inside it`);
        continue;
      }
      const top = document.elementFromPoint(hit.x, hit.y);
      const link = top?.closest('a');
      const title = (top?.querySelector(':scope > title') ?? link?.querySelector('title'))?.textContent?.trim() ?? '';
      out.marks.push({
        mark: name,
        href: link?.getAttribute('href') ?? null,
        title,
        target: link?.getAttribute('target') ?? null,
      });
    }
    return out;
  });
}

const resolved = new Map<string, boolean>();
/** Whether `href` (relative to `base`) is a page of the built site, with its #fragment when it has one. */
async function resolves(href: string, base: string): Promise<boolean> {
  const url = new URL(href, base);
  const key = url.href;
  if (!resolved.has(key)) {
    const res = await fetch(url.href.replace(/#.*$/, ''));
    const html = res.ok ? await res.text() : '';
    resolved.set(key, res.ok && (!url.hash || html.includes(`id="${decodeURIComponent(url.hash.slice(1))}"`)));
  }
  return resolved.get(key)!;
}

for (const width of [320, 375, 1280]) {
  for (const lang of ['zh', 'en'] as const) {
    for (const kind of ['chart page', 'embed'] as const) {
      test(`${kind}s at ${width}px (${lang}): chart text fits and does not overlap; every mark has a tooltip and a link that resolves`, async () => {
        const page = await h.browser.newPage({ viewport: { width, height: 900 } });
        const problems: string[] = [];
        let marks = 0;
        for (const chart of CHARTS) {
          const path = `${lang === 'en' ? 'en/' : ''}${kind === 'embed' ? 'embed' : 'charts'}/${chart.id}/`;
          const url = new URL(path, h.url).href;
          await page.goto(url);
          const found = await inspect(page);
          problems.push(...found.problems.map((p) => `${chart.id}: ${p}`));
          for (const m of found.marks) {
            marks++;
            if (!m.href) problems.push(`${chart.id}: ${m.mark} has no link`);
            else if (!(await resolves(m.href, url)))
              problems.push(`${chart.id}: ${m.mark} links to ${m.href}, which is not there`);
            if (!m.title) problems.push(`${chart.id}: ${m.mark} has no tooltip`);
            if (kind === 'embed' && m.target !== '_blank')
              problems.push(`${chart.id}: ${m.mark} opens inside the frame`);
          }
        }
        await page.close();
        assert.deepEqual(problems, []);
        assert.ok(marks >= CHARTS.length * 2, `only ${marks} marks checked`);
      });
    }
  }
}
