/**
 * Shared browser-test setup: serves dist/ on a free loopback port and drives Debian's chromium
 * through playwright-core (Playwright's own browser download cannot work here).
 */
import type { Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { serveDir } from '../serveSite.ts';
import { CHROMIUM } from './ensureBrowser.ts';

export interface Harness {
  browser: Browser;
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Starts the site server and the browser; call `close()` in `after`. */
export async function startHarness(dir = 'dist'): Promise<Harness> {
  const { server, url } = await serveDir(dir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  return {
    browser,
    server,
    url,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}
