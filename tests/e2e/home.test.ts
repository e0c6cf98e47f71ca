// The home page tells the story first. On a phone (375 × 667) and a desktop (1280 × 800), every
// edition: the first screen holds the story's headline, its dateline, the way to the plain-words
// definitions (党建 and the three models, one tap away) and the start of the lede; the lede's figures
// are <Fact> links and the English names the Communist Party of China; the comparison at a glance
// follows within two screens on a phone (each cell its frame's headline, linking to that cell of the
// comparison, and a way into each case study), and the locator map comes before the districts in
// brief (on a desktop, on the first screen beside the story); nothing scrolls sideways or spills
// out of its cell; axe passes on the phone layout, light and dark.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { featuredDistricts, getDataset } from '../../src/dataset/dataset.ts';
import { dimension } from '../../src/dataset/schemas.ts';
import { startHarness, type Harness } from '../../scripts/lib/browser.ts';
import { axeViolations } from '../lib/axe.ts';
import { LANGS, pick, type Lang } from '../../src/site/editions.ts';
import { convertText } from '../../src/site/script.ts';
import { localePath } from '../../src/site/paths.ts';
import { homeHeadline } from '../lib/homeStory.ts';

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
    test(`home (${lang}, ${width} × ${height}): the story's first screen, then the comparison at a glance and the locator map`, async () => {
      const page = await h.browser.newPage({ viewport: { width, height } });
      await page.goto(new URL(localePath(lang, '/').slice(1), h.url).href);
      const want = expected(lang);
      const found = await page.evaluate(
        ({ cells, caseStudies, headline, party, glanceBy, mapBy }) => {
          const problems: string[] = [];
          const top = (e: Element) => e.getBoundingClientRect().top + window.scrollY;
          const bottom = (e: Element) => e.getBoundingClientRect().bottom + window.scrollY;
          const inView = (e: Element | null) => {
            if (!e) return false;
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
          };
          const h1 = document.querySelector('main h1');
          if (h1?.textContent?.trim() !== headline) problems.push(`the headline is "${h1?.textContent?.trim()}"`);
          if (!inView(h1)) problems.push('the headline is not on the first screen');
          if (!inView(document.querySelector('main .dateline time[datetime]')))
            problems.push('no dated dateline on the first screen');
          const summary = document.querySelector('main details.plain-words > summary');
          if (!inView(summary)) problems.push('the plain-words definitions are not one tap away on the first screen');
          const terms = document.querySelectorAll('main details.plain-words dt');
          if (terms.length < 4) problems.push(`${terms.length} plain-words definitions, not 党建 and the three models`);
          const lede = document.querySelector('main .home-lede > p');
          if (!lede || top(lede) >= window.innerHeight) problems.push('the lede does not begin on the first screen');
          const facts = document.querySelectorAll('main .home-lede > p a.fact[data-fact]').length;
          if (facts < 3) problems.push(`the lede cites ${facts} figures as <Fact>`);
          const story = document.querySelector('main .home-lede')?.textContent ?? '';
          if (!story.includes(party)) problems.push(`the story never says "${party}"`);

          const glance = document.querySelector('main table.glance-table');
          if (!glance) return { problems: [...problems, 'no comparison graphic (main table.glance-table)'] };
          if (bottom(glance) > glanceBy)
            problems.push(
              `the comparison at a glance ends at ${Math.round(bottom(glance))} px, not within ${glanceBy}`,
            );
          const map = document.querySelector('main .home-locator figure.chart');
          const districts = document.querySelector('main .cards');
          if (!map) problems.push('no locator map');
          else {
            if (top(map) > mapBy)
              problems.push(`the locator map starts at ${Math.round(top(map))} px, not within ${mapBy}`);
            if (districts && top(map) > top(districts))
              problems.push('the locator map comes after the districts in brief');
          }
          if (document.documentElement.scrollWidth > document.documentElement.clientWidth)
            problems.push(`the page is ${document.documentElement.scrollWidth} px wide`);
          for (const c of cells) {
            const a = [...glance.querySelectorAll<HTMLAnchorElement>('td a')].find(
              (x) => x.getAttribute('href') === c.href,
            );
            if (!a) problems.push(`no cell links to ${c.href}`);
            else if (a.textContent?.trim() !== c.text)
              problems.push(`${c.href}: "${a.textContent?.trim()}", not "${c.text}"`);
            else {
              const td = a.closest('td')!;
              if (td.scrollWidth > td.clientWidth) problems.push(`${c.href}: its text spills out of its cell`);
            }
          }
          for (const href of caseStudies)
            if (![...glance.querySelectorAll<HTMLAnchorElement>('th a')].some((x) => x.getAttribute('href') === href))
              problems.push(`the comparison at a glance has no link to ${href}`);
          return { problems, cells: glance.querySelectorAll('tbody td').length };
        },
        {
          cells: want.cells,
          caseStudies: want.caseStudies,
          headline: homeHeadline(lang),
          party: convertText(lang, pick({ zh: '中国共产党', en: 'Communist Party of China' }, lang)),
          // A phone reaches the glance within two more screens; a desktop sees the map beside the story.
          glanceBy: width < 600 ? 3 * height : 2 * height,
          mapBy: width < 600 ? 4 * height : height,
        },
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
