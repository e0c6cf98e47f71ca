/** Running axe-core (WCAG 2.1 A and AA rules) on a page in Chromium, for the browser tests. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/**
 * The WCAG 2.1 A/AA violations axe finds on `page` as it is now, one line each: rule id and up to
 * three offending selectors. axe goes in as an inline script, which the site's CSP rightly blocks,
 * so the page must have been opened with `bypassCSP`.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return (r.violations as { id: string; nodes: { target: string[] }[] }[]).map(
      (v) =>
        `${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
  });
}
