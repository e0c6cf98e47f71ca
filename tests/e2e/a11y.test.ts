// axe-core (WCAG 2.1 A and AA rules) in Chromium on every page type, both languages, light and dark.
// Pages come from sitePaths() (tests/lib/pageTypes.ts): every page of small types, an even sample
// of large ones (data points); ALL_PAGES=1 checks every page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { samplePages } from '../lib/pageTypes.ts';
import { startHarness, type Harness } from '../../scripts/lib/browser.ts';
import { axeViolations } from '../lib/axe.ts';
import { LANGS } from '../../src/site/editions.ts';
import { localePath } from '../../src/site/paths.ts';

const PAGES = [...samplePages(12), '/404.html'];

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

for (const scheme of ['light', 'dark'] as const) {
  for (const lang of LANGS) {
    test(`axe finds no WCAG 2.1 AA violations (${lang}, ${scheme})`, async () => {
      // axe goes in as an inline script, which the site's CSP rightly blocks; csp.test.ts and
      // privacy.test.ts check the policy itself.
      const page = await h.browser.newPage({
        colorScheme: scheme,
        viewport: { width: 1280, height: 900 },
        bypassCSP: true,
      });
      const violations: string[] = [];
      for (const p of PAGES) {
        const path = localePath(lang, p);
        await page.goto(new URL(path.slice(1), h.url).href);
        const result = await axeViolations(page);
        violations.push(...result.map((v: string) => `${path} ${v}`));
      }
      await page.close();
      console.log(`a11y ${lang} ${scheme}: ${PAGES.length} pages, ${violations.length} violations`);
      assert.deepEqual(violations, []);
    });
  }
}
