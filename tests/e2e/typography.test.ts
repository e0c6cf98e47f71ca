// The type system as a reader on a phone meets it (375 × 667), every edition: the navigation is
// one line; no heading leaves a single character alone on its last line; chart text renders at
// 12 px or more; the page's contents stay within reach on long pages without JavaScript; the
// site's own faces load from the site and draw the text. On a desktop (1280 px) the contents sit
// beside the text.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startHarness, type Harness } from '../../scripts/lib/browser.ts';
import { featuredDistricts, getDataset } from '../../src/dataset/dataset.ts';
import { LANGS } from '../../src/site/editions.ts';
import { caseStudyPath, localePath } from '../../src/site/paths.ts';

const caseStudies = featuredDistricts(getDataset()).map((d) => d.id);
/** Pages with headings a reader meets first, per edition. */
const pages = (lang: (typeof LANGS)[number]) => [
  localePath(lang, '/'),
  localePath(lang, '/compare/'),
  localePath(lang, '/methodology/'),
  ...caseStudies.map((id) => caseStudyPath(id, lang)),
];
/** Long pages that must carry in-page contents. */
const longPages = (lang: (typeof LANGS)[number]) => [
  localePath(lang, '/methodology/'),
  ...caseStudies.map((id) => caseStudyPath(id, lang)),
];

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

const open = async (path: string, width = 375, height = 667) => {
  const page = await h.browser.newPage({ viewport: { width, height } });
  await page.goto(new URL(path.slice(1), h.url).href);
  await page.evaluate(() => document.fonts.ready);
  return page;
};

for (const lang of LANGS) {
  test(`${lang}: the main navigation is one line at 375 px`, async () => {
    const page = await open(localePath(lang, '/'));
    const { tops, header } = await page.evaluate(() => ({
      tops: [...document.querySelectorAll('header.site nav[aria-label] > ul > li')]
        .filter((li) => !li.closest('.editions') && (li as HTMLElement).offsetParent)
        .map((li) => Math.round(li.getBoundingClientRect().top)),
      header: Math.round(document.querySelector('header.site')!.getBoundingClientRect().height),
      scrolls: document.documentElement.scrollWidth > window.innerWidth,
    }));
    assert.ok(tops.length >= 5, `found ${tops.length} navigation items`);
    assert.equal(new Set(tops).size, 1, `navigation items on ${new Set(tops).size} lines (tops ${tops})`);
    assert.ok(header <= 110, `the header is ${header} px tall`);
    const overflow = await page.evaluate(() => {
      const ul = document.querySelector('header.site .navbar ul')!;
      return ul.scrollWidth - ul.clientWidth;
    });
    assert.ok(overflow <= 0, `the navigation overflows its line by ${overflow} px`);
    await page.close();
  });

  test(`${lang}: no heading leaves one character alone on its last line at 375 px`, async () => {
    const problems: string[] = [];
    for (const path of pages(lang)) {
      const page = await open(path);
      const bad = await page.evaluate(() => {
        const out: string[] = [];
        for (const hd of document.querySelectorAll('main h1, main h2, main h3')) {
          if (!(hd as HTMLElement).offsetParent) continue;
          // Each character's line: the top of its box; the last line's characters, spaces left out.
          const chars: { ch: string; top: number }[] = [];
          const walker = document.createTreeWalker(hd, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const text = n.textContent ?? '';
            for (let i = 0; i < text.length; i++) {
              const r = document.createRange();
              r.setStart(n, i);
              r.setEnd(n, i + 1);
              const box = r.getClientRects()[0];
              if (box && box.width > 0) chars.push({ ch: text[i]!, top: Math.round(box.top) });
            }
          }
          const tops = [...new Set(chars.map((c) => c.top))].sort((a, b) => a - b);
          if (tops.length < 2) continue;
          const lastTop = tops.at(-1)!;
          const last = chars
            .filter((c) => Math.abs(c.top - lastTop) < 4)
            .map((c) => c.ch)
            .join('')
            .replace(/[\s。，、：；！？）」』”·.,:;!?)]/g, '');
          if ([...last].length < 2) out.push(`"${hd.textContent?.trim()}" ends with the line "${last}"`);
        }
        return out;
      });
      problems.push(...bad.map((b) => `${path}: ${b}`));
      await page.close();
    }
    assert.deepEqual(problems, []);
  });

  test(`${lang}: chart text renders at 12 px or more at 375 px`, async () => {
    const problems: string[] = [];
    for (const path of [
      localePath(lang, '/'),
      localePath(lang, '/compare/'),
      ...caseStudies.map((id) => caseStudyPath(id, lang)),
    ]) {
      const page = await open(path);
      const sizes = await page.evaluate(() => {
        const out: { text: string; px: number }[] = [];
        for (const svg of document.querySelectorAll('.chart-svg svg')) {
          if (!(svg as SVGElement).getBoundingClientRect().width) continue;
          (svg.closest('figure') as HTMLElement | null)?.style.setProperty('content-visibility', 'visible');
          const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
          for (const t of svg.querySelectorAll('text')) {
            if (!t.textContent?.trim()) continue;
            const px = Number.parseFloat(getComputedStyle(t).fontSize) * scale;
            out.push({ text: t.textContent.trim().slice(0, 30), px: Math.round(px * 10) / 10 });
          }
        }
        return out;
      });
      assert.ok(sizes.length > 0 || path === localePath(lang, '/methodology/'), `${path}: no chart text found`);
      for (const s of sizes) if (s.px < 12) problems.push(`${path}: "${s.text}" at ${s.px} px`);
      await page.close();
    }
    assert.deepEqual(problems.slice(0, 20), [], `${problems.length} texts below 12 px`);
  });

  test(`${lang}: long pages keep their contents within reach on a phone, without JavaScript`, async () => {
    for (const path of longPages(lang)) {
      const page = await h.browser.newPage({ viewport: { width: 375, height: 667 }, javaScriptEnabled: false });
      await page.goto(new URL(path.slice(1), h.url).href);
      const sections = await page.evaluate(() => [...document.querySelectorAll('nav.page-contents a')].length);
      assert.ok(sections >= 3, `${path}: the contents list ${sections} sections`);
      // Reachable from anywhere: after scrolling to each third of the page, a contents control is on screen.
      for (const at of [0.3, 0.6, 0.95]) {
        const seen = await page.evaluate((f) => {
          window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) * f);
          // The contents themselves, or the link back to them.
          return ['nav.page-contents', 'a.to-contents[href="#contents"]'].some((sel) => {
            const r = document.querySelector(sel)?.getBoundingClientRect();
            return !!r && r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
          });
        }, at);
        assert.ok(seen, `${path}: the contents are off screen at ${at * 100}% of the page`);
      }
      // Following any entry shows its section's heading, and not under the link back to the contents.
      const covered = await page.evaluate(() => {
        const pill = document.querySelector('a.to-contents')!.getBoundingClientRect();
        const out: string[] = [];
        for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.page-contents a')) {
          const target = document.getElementById(decodeURIComponent(link.hash.slice(1)))!;
          target.scrollIntoView();
          const range = document.createRange();
          range.selectNodeContents(target);
          const t = range.getBoundingClientRect();
          const under = t.bottom > pill.top && t.right > pill.left && t.top < pill.bottom;
          if (t.top < 0 || t.bottom > window.innerHeight || under) out.push(link.hash);
        }
        return out;
      });
      assert.deepEqual(covered, [], `${path}: these sections' headings land off screen or under the contents link`);
      // And the link back leads to the contents.
      await page.click('a.to-contents');
      const back = await page.evaluate(() => {
        const r = document.querySelector('nav.page-contents')!.getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight / 2;
      });
      assert.ok(back, `${path}: the link back does not bring the contents into view`);
      await page.close();
    }
  });

  test(`${lang}: on a desktop the contents sit beside the text, and the site's faces draw it`, async () => {
    const page = await open(caseStudyPath(caseStudies[0]!, lang), 1280, 800);
    const { toc, prose, fonts, external } = await page.evaluate(() => {
      const r = (s: string) => document.querySelector(s)!.getBoundingClientRect();
      return {
        toc: r('nav.page-contents').toJSON(),
        prose: r('.prose').toJSON(),
        fonts: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')),
        external: performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((u) => new URL(u).origin !== location.origin),
      };
    });
    assert.ok(toc.left >= prose.right || toc.right <= prose.left, 'the contents overlap the text column');
    assert.ok(Math.abs(toc.top - prose.top) < 400, 'the contents start level with the text');
    // Pages in Chinese load the same file under another name, limited to Latin letters and figures.
    assert.ok(
      fonts.some((f: string) => ['Source Sans 3', 'Site Sans zh'].includes(f)),
      `loaded faces: ${fonts}`,
    );
    assert.deepEqual(external, []);
    await page.close();
  });
}
