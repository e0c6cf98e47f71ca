/**
 * Shared browser-test setup: serves dist/ on a free loopback port and drives Debian's chromium
 * through playwright-core (Playwright's own browser download cannot work here).
 */
import type { Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { builtOrigin, serveDir } from '../serveSite.ts';
import { CHROMIUM } from './ensureBrowser.ts';

export interface Harness {
  browser: Browser;
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the site server and the browser; call `close()` in `after`. The server takes a free
 * port, or with `atBuiltOrigin` the port of the local origin the build was made for, so that the
 * build's absolute addresses (embed codes, citations, PNG footers) answer as they do after
 * `npm start`; that fails if the build is for a public host or the port is taken.
 */
export async function startHarness(dir = 'dist', { atBuiltOrigin = false } = {}): Promise<Harness> {
  let port = 0;
  if (atBuiltOrigin) {
    const origin = builtOrigin(dir);
    const url = origin ? new URL(origin) : undefined;
    if (url?.hostname !== '127.0.0.1')
      throw new Error(
        `${dir}/ was built for ${origin ?? 'no origin'}, not for the local server: build without SITE_URL`,
      );
    port = Number(url!.port || 80);
  }
  const { server, url } = await serveDir(dir, port);
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
