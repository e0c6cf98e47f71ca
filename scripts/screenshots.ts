/**
 * Writes PNG screenshots of built pages (dist/) in Chromium: each path × width × colour scheme,
 * full page, into test-results/screenshots/. For looking at what we build, not for asserting.
 */
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serveDir } from './serveSite.ts';

const { values } = parseArgs({
  options: {
    paths: { type: 'string', default: '/,/en/' },
    widths: { type: 'string', default: '375,1280' },
    height: { type: 'string', default: '900' },
    schemes: { type: 'string', default: 'light,dark' },
    out: { type: 'string', default: 'test-results/screenshots' },
    full: { type: 'boolean', default: false },
    wait: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`Usage: node scripts/screenshots.ts [--paths /,/en/compare/] [--widths 375,1280] [--height 900] [--schemes light,dark] [--full] [--wait SELECTOR] [--out DIR]
Serves dist/ and writes one PNG per path, width and scheme (viewport height --height, 900 unless given, or the full page with --full).
--wait waits for SELECTOR to appear first (e.g. search results, which load after the page).`);
  process.exit(0);
}
const height = Number(values.height);
if (!Number.isInteger(height) || height < 100)
  throw new Error(`--height must be an integer of at least 100 (got ${values.height})`);
mkdirSync(values.out!, { recursive: true });
const { server, url } = await serveDir('dist');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
for (const path of values.paths!.split(',')) {
  for (const width of values.widths!.split(',').map(Number)) {
    for (const scheme of values.schemes!.split(',') as ('light' | 'dark')[]) {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
      await page.goto(new URL(path.replace(/^\//, ''), url).href);
      if (values.wait) await page.waitForSelector(values.wait, { timeout: 10000 });
      const name = `${
        decodeURIComponent(path)
          .replace(/[^a-z0-9]+/gi, '_')
          .replace(/^_|_$/g, '') || 'home'
      }-${width}-${scheme}.png`;
      await page.screenshot({ path: `${values.out}/${name}`, fullPage: values.full });
      console.log(`${values.out}/${name}`);
      await page.close();
    }
  }
}
await browser.close();
server.close();
