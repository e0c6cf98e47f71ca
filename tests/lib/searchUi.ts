/** The search page driven as a reader drives it, for the browser tests. */
import type { Page } from 'playwright-core';

/** Types a query (and sets filters) in the UI of a search page; resolves with every result URL, all pages shown. */
export async function runSearch(page: Page, q: string, filters: Record<string, string> = {}): Promise<string[]> {
  await page.evaluate(
    ({ q, filters }) => {
      for (const s of document.querySelectorAll<HTMLSelectElement>('#search-form select'))
        s.value = filters[s.name] ?? '';
      const input = document.querySelector<HTMLInputElement>('#search-q')!;
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    { q, filters },
  );
  const key = new URLSearchParams({ q, ...filters });
  const want = new URLSearchParams();
  for (const k of ['q', 'type', 'district', 'dimension', 'source', 'year']) if (key.get(k)) want.set(k, key.get(k)!);
  await page.waitForFunction(
    (k) => document.querySelector<HTMLFormElement>('#search-form')!.dataset.doneKey === k,
    want.toString(),
  );
  while (await page.isVisible('#search-more')) {
    const n = await page.locator('.search-result').count();
    await page.click('#search-more');
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, n);
  }
  return page
    .locator('.search-result .result-title a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}
