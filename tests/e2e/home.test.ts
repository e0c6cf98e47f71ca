// The home page's first screen shows the comparison itself: on a phone (375 × 667) and a desktop
// (1280 × 800), both languages, the comparison graphic's cells for every featured district on
// every dimension (each its frame's headline, linking to that cell of the comparison), the whole
// graphic and a link to each district's case study lie within the first viewport; nothing
// scrolls sideways or spills out of its cell; and axe passes on the phone layout, light and dark.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { featuredDistricts, getDataset } from '../../src/dataset/dataset.ts';
import { dimension } from '../../src/dataset/schemas.ts';
import { startHarness, type Harness } from '../../scripts/lib/browser.ts';
import { axeViolations } from '../lib/axe.ts';
import { LANGS, pick, type Lang } from '../../src/site/editions.ts';
import { convertText } from '../../src/site/script.ts';
import { localePath } from '../../src/site/paths.ts';

const data = getDataset();
const featured = featuredDistricts(data);

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

/** What the first screen must hold: each cell's link and headline, and each case study's link. */
function expected(lang: Lang) {
  const cells = featured.flatMap((d) =>
    dimension.options.map((dim) => {
      const f = data.frames.find((x) => x.district === d.id && x.dimension === dim);
      assert.ok(f?.headline, `frame ${d.id}-${dim} has no headline`);
      return { href: localePath(lang, `/compare/#${f.id}`), text: convertText(lang, pick(f.headline, lang)) };
    }),
  );
  const caseStudies = featured.map((d) => localePath(lang, `/case-studies/${d.id}/`));
  return { cells, caseStudies };
}

for (const lang of LANGS) {
  for (const [width, height] of [
    [375, 667],
    [1280, 800],
  ] as const) {
    test(`home (${lang}, ${width} × ${height}): the comparison graphic and a way into each case study fill the first screen`, async () => {
      const page = await h.browser.newPage({ viewport: { width, height } });
      await page.goto(new URL(localePath(lang, '/').slice(1), h.url).href);
      const want = expected(lang);
      const found = await page.evaluate(
        ({ cells, caseStudies }) => {
          const inView = (e: Element) => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
          };
          const glance = document.querySelector('main table.glance-table');
          if (!glance) return { problems: ['no comparison graphic (main table.glance-table)'] };
          const problems: string[] = [];
          const rect = glance.getBoundingClientRect();
          if (!inView(glance))
            problems.push(
              `the graphic spans ${Math.round(rect.top)}–${Math.round(rect.bottom)} px of ${window.innerHeight}`,
            );
          if (document.documentElement.scrollWidth > document.documentElement.clientWidth)
            problems.push(`the page is ${document.documentElement.scrollWidth} px wide`);
          for (const c of cells) {
            const a = [...glance.querySelectorAll<HTMLAnchorElement>('td a')].find(
              (x) => x.getAttribute('href') === c.href,
            );
            if (!a) problems.push(`no cell links to ${c.href}`);
            else if (a.textContent?.trim() !== c.text)
              problems.push(`${c.href}: "${a.textContent?.trim()}", not "${c.text}"`);
            else if (!inView(a)) problems.push(`${c.href} lies outside the first screen`);
            else {
              const td = a.closest('td')!;
              if (td.scrollWidth > td.clientWidth) problems.push(`${c.href}: its text spills out of its cell`);
            }
          }
          for (const href of caseStudies) {
            const links = [...glance.querySelectorAll<HTMLAnchorElement>('th a')].filter(
              (x) => x.getAttribute('href') === href,
            );
            if (!links.some(inView)) problems.push(`no link to ${href} on the first screen`);
          }
          return { problems, cells: glance.querySelectorAll('tbody td').length };
        },
        { cells: want.cells, caseStudies: want.caseStudies },
      );
      await page.close();
      assert.deepEqual(found.problems, []);
      assert.equal(found.cells, featured.length * dimension.options.length, 'cells in the graphic');
    });
  }
}

for (const scheme of ['light', 'dark'] as const) {
  test(`home's comparison graphic on a phone: axe finds no WCAG 2.1 AA violations (${scheme})`, async () => {
    const page = await h.browser.newPage({
      viewport: { width: 375, height: 667 },
      colorScheme: scheme,
      bypassCSP: true,
    });
    const violations: string[] = [];
    for (const lang of LANGS) {
      await page.goto(new URL(localePath(lang, '/').slice(1), h.url).href);
      violations.push(...(await axeViolations(page)).map((v) => `${lang}: ${v}`));
    }
    await page.close();
    assert.deepEqual(violations, []);
  });
}
