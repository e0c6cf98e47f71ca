// Privacy and safety in Chromium: on every built page (both languages) every request goes to the
// site's own origin, and there is no console error, uncaught exception or CSP violation.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { htmlPages } from '../../src/checks/builtSite.ts';
import { startHarness, type Harness } from '../../scripts/lib/browser.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

/** Pages with a query, so that search runs (Pagefind's script and WebAssembly load under the CSP). */
const EXTRA = ['/search/?q=%E7%AB%A0%E4%B8%98', '/en/search/?q=Zhangqiu', '/search/?q=', '/en/search/?q=cooperative'];

/** Watches one page; `take()` returns what happened since the last call. */
function watch(page: Page, origin: string) {
  let events: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    // blob: URLs made by the page carry the page's origin; data: URLs have none and CSP forbids them.
    const o = url.startsWith('blob:') ? new URL(url.slice(5)).origin : new URL(url).origin;
    if (o !== origin) events.push(`request to another origin: ${url.slice(0, 120)}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') events.push(`console ${m.type()}: ${m.text().slice(0, 200)}`);
  });
  page.on('pageerror', (e) => events.push(`uncaught: ${e.message.slice(0, 200)}`));
  page.on('requestfailed', (r) => {
    // Moving on to the next page aborts what is still in flight (the icon, typically): not a fault.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED')
      events.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('404.html')) events.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return {
    take() {
      const e = events;
      events = [];
      return e;
    },
  };
}

test('every page: same-origin requests only, no console errors, no CSP violations (both languages)', async () => {
  const started = Date.now();
  const origin = new URL(h.url).origin;
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Playwright runs this outside the page's CSP; it reports violations the browser might not log.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  const page = await context.newPage();
  const w = watch(page, origin);
  const paths = [...htmlPages('dist').filter((p) => !p.endsWith('404.html')), ...EXTRA];
  const problems: string[] = [];
  for (const p of paths) {
    const res = await page.goto(new URL(p.slice(1), h.url).href, { waitUntil: 'load' });
    if (res?.status() !== 200) problems.push(`${p}: HTTP ${res?.status()}`);
    // Search and other scripts act after load; give them a moment on the pages that ship JS.
    if (await page.locator('script[src]').count()) await page.waitForLoadState('networkidle');
    problems.push(...w.take().map((e) => `${p}: ${e}`));
  }
  // Not-found pages are served with 404 for unknown paths, which is what visitors see.
  for (const p of ['/no-such-page/', '/en/no-such-page/']) {
    const res = await page.goto(new URL(p.slice(1), h.url).href);
    if (res?.status() !== 404) problems.push(`${p}: HTTP ${res?.status()}, want 404`);
    problems.push(
      ...w
        .take()
        .filter((e) => !e.includes('404 (Not Found)') && !e.startsWith('HTTP 404'))
        .map((e) => `${p}: ${e}`),
    );
  }
  await context.close();
  console.log(
    `privacy: ${paths.length + 2} pages visited in ${((Date.now() - started) / 1000).toFixed(1)} s, ${problems.length} problems`,
  );
  assert.deepEqual(problems.slice(0, 40), []);
});
