// axe-core (WCAG 2.1 A and AA rules) in Chromium on every page type, both languages, light and dark.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { startHarness, type Harness } from './harness.ts';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const PAGES = ['/', '/compare/', '/case-studies/', '/case-studies/shizhong/', '/charts/', '/charts/services-output/', '/charts/map-jinan/',
  '/data/', '/data/fushan-villages-per-zone/', '/sources/', '/glossary/', '/methodology/', '/search/', '/404.html'];

let h: Harness;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

for (const scheme of ['light', 'dark'] as const) {
  for (const lang of ['zh', 'en'] as const) {
    test(`axe finds no WCAG 2.1 AA violations (${lang}, ${scheme})`, async () => {
      const page = await h.browser.newPage({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      const violations: string[] = [];
      for (const p of PAGES) {
        const path = lang === 'en' ? (p === '/404.html' ? '/en/404.html' : `/en${p}`) : p;
        await page.goto(new URL(path.slice(1), h.url).href);
        await page.addScriptTag({ content: AXE });
        const result = await page.evaluate(async () => {
          // @ts-expect-error axe is injected above
          const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return (r.violations as { id: string; nodes: { target: string[] }[] }[]).map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        });
        violations.push(...result.map((v: string) => `${path} ${v}`));
      }
      await page.close();
      assert.deepEqual(violations, []);
    });
  }
}
