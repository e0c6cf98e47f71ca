// Embeds on a foreign page: the snippet is copied from a built chart page and pasted into a host
// page served from a second localhost port (another origin), in sandboxed iframes 320, 640 and
// 960 px wide. With /embed.js every iframe takes its content's height; without it the default
// height shows the whole chart at 640 px. Also: ?theme=, no navigation, noindex, axe.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import { type ElementHandle, errors, type Page } from 'playwright-core';
import { CHARTS } from '../../src/charts/index.ts';
import { embedPaths } from '../../src/outputs/routes.ts';
import { datasetVersion } from '../../src/dataset/version.ts';
import { startHarness, type Harness } from '../../scripts/lib/browser.ts';
import { axeViolations } from '../lib/axe.ts';
import { settledFrame } from '../lib/settled.ts';

const HOST = readFileSync('tests/fixtures/host/index.html', 'utf8');
let h: Harness;
let host: Server,
  hostUrl = '';
let pages: Record<string, string> = {};

/**
 * The embed code as a reader copies it from the chart page's text box (`box`: the pinned
 * `embed-code` offered first, or `embed-code-latest`), as it is: the site is served at the
 * origin the build was made for, as npm start serves it.
 */
function snippet(path: string, withScript: boolean, box = 'embed-code'): string {
  const html = readFileSync(`dist${path}index.html`, 'utf8');
  const raw = new RegExp(`<textarea id="${box}"[^>]*>([\\s\\S]*?)<\\/textarea>`)
    .exec(html)![1]!
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  const code = raw.trim();
  return withScript ? code : code.replace(/<script[^>]*><\/script>/, '');
}

before(async () => {
  h = await startHarness('dist', { atBuiltOrigin: true });
  assert.ok(
    readFileSync('dist/index.html', 'utf8').includes(`href="${h.url}"`),
    'the build names the origin it is served at',
  );
  host = createServer((req, res) => {
    const body = pages[req.url ?? ''];
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((ok) => host.listen(0, '127.0.0.1', ok));
  const addr = host.address();
  hostUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
  assert.notEqual(new URL(hostUrl).origin, new URL(h.url).origin);
});
after(async () => {
  await new Promise((ok) => host?.close(ok));
  await h?.close();
});

interface FrameSize {
  iframe: number;
  content: number;
  scroll: number;
  frameWidth: number;
}

async function frameSizes(page: Page): Promise<FrameSize[]> {
  const out: FrameSize[] = [];
  for (const el of await page.$$('iframe')) {
    const iframe = await el.evaluate((f) => (f as HTMLIFrameElement).clientHeight);
    const frame = (await el.contentFrame())!;
    const inner = await frame.evaluate(() => ({
      content: Math.ceil(document.documentElement.getBoundingClientRect().height),
      scroll: document.documentElement.scrollHeight,
      frameWidth: window.innerWidth,
    }));
    out.push({ iframe, ...inner });
  }
  return out;
}

/**
 * Resolves once the host page's `iframe` is as tall as its settled content, which /embed.js does
 * on the frame's message; returns at the default timeout if it never is (the caller's
 * assertions then say by how much).
 */
async function sizedToContent(page: Page, iframe: ElementHandle): Promise<void> {
  const content = await (await settledFrame(iframe)).evaluate(() =>
    Math.ceil(document.documentElement.getBoundingClientRect().height),
  );
  await page
    .waitForFunction(({ f, h }) => (f as HTMLIFrameElement).clientHeight === h, { f: iframe, h: content })
    .catch((e: unknown) => {
      if (!(e instanceof errors.TimeoutError)) throw e;
    });
}

const EMBEDS = [
  [320, '/charts/unit-size/'],
  [640, '/en/charts/map-jinan/'],
  [960, '/charts/collective-economy/'],
] as const;

test('with /embed.js, three sandboxed embeds at 320, 640 and 960 px take exactly their content height', async () => {
  pages = {
    '/with-script.html': HOST.replace(
      '<!--EMBEDS-->',
      EMBEDS.map(([w, p]) => `<div class="col" style="width:${w}px">${snippet(p, true)}</div>`).join('\n'),
    ),
  };
  const page = await h.browser.newPage({ viewport: { width: 1100, height: 5000 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL('with-script.html', hostUrl).href);
  assert.equal(
    await page.locator('iframe[sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"]').count(),
    3,
  );
  for (const el of await page.$$('iframe')) await sizedToContent(page, el);
  const sizes = await frameSizes(page);
  sizes.forEach((s, i) => {
    const label = `${EMBEDS[i]![1]} at ${EMBEDS[i]![0]} px: ${JSON.stringify(s)}`;
    assert.equal(s.frameWidth, EMBEDS[i]![0], label);
    assert.equal(s.iframe, s.content, `iframe height equals content height (${label})`);
    assert.ok(s.scroll <= s.iframe, `no inner scrollbar, nothing cut off (${label})`);
  });
  assert.deepEqual(errors, []);
  // The resizer must not be a no-op: the three frames end at different heights from their defaults.
  const defaults = await page.$$eval('iframe', (fs) => fs.map((f) => Number(f.getAttribute('height'))));
  assert.ok(
    sizes.some((s, i) => s.iframe !== defaults[i]),
    'at least one iframe was resized',
  );
  await page.screenshot({ path: 'test-results/screenshots/embed-host-with-script.png', fullPage: true });
  await page.close();
});

test('without the script, the default height shows the whole chart at 640 px for every chart in both languages', async () => {
  const paths = CHARTS.flatMap((c) => [`/charts/${c.id}/`, `/en/charts/${c.id}/`]);
  pages = {
    '/no-script.html': HOST.replace(
      '<!--EMBEDS-->',
      paths.map((p) => `<div class="col" style="width:640px">${snippet(p, false)}</div>`).join('\n'),
    ),
  };
  const page = await h.browser.newPage({ viewport: { width: 900, height: 40000 } });
  await page.goto(new URL('no-script.html', hostUrl).href);
  assert.equal(await page.locator('script').count(), 0);
  // The host's load event does not wait for lazy frames that start loading after it.
  for (const el of await page.$$('iframe')) await settledFrame(el);
  const sizes = await frameSizes(page);
  assert.equal(sizes.length, paths.length);
  if (process.env.EMBED_DEBUG) for (const [i, s] of sizes.entries()) console.log(paths[i], s.iframe, s.content);
  sizes.forEach((s, i) => {
    const label = `${paths[i]}: ${JSON.stringify(s)}`;
    assert.ok(s.content <= s.iframe, `whole chart visible at the default height (${label})`);
    assert.ok(s.scroll <= s.iframe, `no inner scrollbar (${label})`);
    assert.ok(s.iframe - s.content <= 80, `default height not far too tall (${label})`);
  });
  await page.screenshot({
    path: 'test-results/screenshots/embed-host-no-script.png',
    clip: { x: 0, y: 0, width: 900, height: 2400 },
  });
  await page.close();
});

test('embed pages: chart, title and credit only; noindex; not in the search index; light unless ?theme= says otherwise', async () => {
  for (const path of embedPaths()) {
    const id = path.split('/').at(-2)!;
    for (const prefix of ['', '/en']) {
      const html = readFileSync(`dist${prefix}${path}index.html`, 'utf8');
      assert.match(html, /<meta name="robots" content="noindex">/);
      assert.doesNotMatch(html, /<nav|data-pagefind-body|<form/);
      assert.match(html, new RegExp(`<a href="[^"]*${prefix}/charts/${id}/" target="_blank" rel="noopener">`));
      assert.equal(html.match(/<script\b/g)?.length, 1, 'one script: the height and theme helper');
    }
  }
  const page = await h.browser.newPage({ colorScheme: 'dark', viewport: { width: 640, height: 900 } });
  const bg = async (q: string) => {
    await page.goto(new URL(`embed/unit-size/${q}`, h.url).href);
    return page.evaluate(() => [
      document.documentElement.dataset.theme,
      getComputedStyle(document.documentElement).backgroundColor,
    ]);
  };
  assert.deepEqual(
    await bg(''),
    ['light', 'rgb(253, 252, 249)'],
    'a dark-mode reader still sees a light embed by default',
  );
  assert.deepEqual(await bg('?theme=dark'), ['dark', 'rgb(22, 23, 26)']);
  assert.deepEqual(await bg('?theme=auto'), ['auto', 'rgb(22, 23, 26)']);
  assert.deepEqual(await bg('?theme=purple'), ['light', 'rgb(253, 252, 249)']);
  await page.close();
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no WCAG 2.1 AA violations on embed pages (${theme})`, async () => {
    // axe goes in as an inline script, which the page's CSP rightly blocks.
    const page = await h.browser.newPage({ viewport: { width: 640, height: 900 }, bypassCSP: true });
    const violations: string[] = [];
    for (const p of [
      'embed/unit-size/',
      'en/embed/collective-economy/',
      'embed/map-jinan/',
      'en/embed/timeline/',
      'charts/unit-size/',
      'en/charts/unit-size/',
      'data/',
      'en/data/',
    ]) {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(new URL(p + (p.includes('embed') ? `?theme=${theme}` : ''), h.url).href);
      const result = await axeViolations(page);
      violations.push(...result.map((v: string) => `${p} ${v}`));
    }
    await page.close();
    assert.deepEqual(violations, []);
  });
}

test('a pinned embed keeps its version on a foreign page: the older release shows the older figure and the notice, the latest the new one', async () => {
  const OLD = 'data-b17ebb822c';
  const path = '/en/charts/fushan-cherry-economy/';
  const pinned = snippet(path, true);
  assert.ok(
    pinned.includes(`/en/v/${datasetVersion()}/embed/fushan-cherry-economy/`),
    'the default code pins the current version',
  );
  // The code a story pasted before the correction: the same, pinned to the older release.
  const before = pinned.replace(datasetVersion(), OLD);
  const latest = snippet(path, true, 'embed-code-latest');
  assert.ok(latest.includes('/en/embed/fushan-cherry-economy/'));
  pages = {
    '/pinned.html': HOST.replace(
      '<!--EMBEDS-->',
      [before, pinned, latest].map((c) => `<div class="col" style="width:100%;max-width:640px">${c}</div>`).join('\n'),
    ),
  };
  for (const width of [375, 1280]) {
    const page = await h.browser.newPage({ viewport: { width, height: 2600 } });
    await page.goto(new URL('pinned.html', hostUrl).href);
    const texts: string[] = [];
    const notices: number[] = [];
    for (const el of await page.$$('iframe')) {
      await sizedToContent(page, el);
      const frame = (await el.contentFrame())!;
      texts.push(await frame.evaluate(() => document.body.innerText));
      notices.push(await frame.locator('[data-embed-notice]').count());
    }
    assert.match(texts[0]!, /Cooperation\s*deals/, 'the older pinned embed shows the older label');
    assert.match(texts[0]!, new RegExp(OLD));
    assert.deepEqual(notices, [1, 0, 0], 'only the embed whose chart changed since says so');
    for (const t of texts.slice(1)) {
      assert.doesNotMatch(t, /Cooperation\s*deals/);
      assert.match(t, /Expressions\s*of\s*intent/);
    }
    await page.screenshot({ path: `test-results/screenshots/embed-pinned-${width}.png`, fullPage: true });
    await page.close();
  }
});
