// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FONT_SIZE } from './src/charts/marks.ts';
import { restoreAllocatorEnv } from './src/build/allocator.ts';
import { dataPointPagesLast } from './src/build/renderOrder.ts';
import { planRender } from './src/build/pageKeys.ts';
import { contentOf } from './src/site/editions.ts';
import { editionPrefixes, splitLocalePath } from './src/site/paths.ts';
import { buildOrigin } from './src/site/origin.ts';

/**
 * The origin every absolute address names (src/site/origin.ts): SITE_URL, or the local server's
 * http://127.0.0.1:PORT/ (4321 by default) so that a build without it works where npm start serves it.
 */
const site = buildOrigin(process.env);

/**
 * The only inline `style` attribute values pages may carry: Plot writes its `style` option onto
 * each chart's root `<svg>` (`style="font-size:13px"`). Allowing exactly these by hash keeps
 * style-src free of 'unsafe-inline'; tests/e2e/csp.test.ts fails on any style attribute not listed.
 */
const STYLE_ATTRIBUTES = [`font-size:${FONT_SIZE}px`];

/**
 * `sha256-…` CSP source for one inline value.
 * @param {string} text
 */
const sha256 = (text) =>
  /** @type {`sha256-${string}`} */ (`sha256-${createHash('sha256').update(text).digest('base64')}`);

/**
 * Astro writes only the root 404 page (`src/pages/404.astro`) as `404.html`; another edition's
 * (`src/pages/[...lang]/404.astro`) becomes `<prefix>/404/index.html`. Static hosts look for
 * `404.html` in the folder, so move it there.
 */
/** @type {import('astro').AstroIntegration} */
const editionNotFoundAsFile = {
  name: 'edition-404-as-file',
  hooks: {
    'astro:build:done': ({ dir }) => {
      const root = fileURLToPath(dir);
      for (const { prefix } of editionPrefixes()) {
        const folder = `${root}${prefix.slice(1)}`;
        // An incremental build renders the 404 pages again, but a folder may hold nothing else new.
        if (!existsSync(`${folder}404/index.html`)) continue;
        mkdirSync(folder, { recursive: true });
        renameSync(`${folder}404/index.html`, `${folder}404.html`);
        rmdirSync(`${folder}404`);
      }
    },
  },
};

/**
 * Astro renders pages route by route, in an order of its own. It now reaches the case-study and
 * chart routes before the data point route, but nothing holds it there (while each language had
 * its own route files, the English case studies and charts came only after every Chinese data
 * point page, halfway through the build). The search index (scripts/buildSearchIndex.ts)
 * reads the case-study and chart pages as they are written and can write the index only once it
 * has them all: with the data point pages rendered last, it finishes while Astro is still busy
 * with them. The pages written are the same; only their order changes.
 */
/**
 * Incremental builds (src/build/pageKeys.ts): scripts/buildSite.ts passes the build's inputs
 * (BUILD_INPUTS, a JSON file) and where to write its manifest (BUILD_MANIFEST_OUT); for an
 * incremental build also the last build's output folder and manifest (BUILD_PREVIOUS,
 * BUILD_MANIFEST_IN). Paths whose key is unchanged and whose file is in the last build are then
 * not rendered: the build writes only what changed, and buildSite.ts moves it into place.
 * @template {{ pathname: string, route: { route: string, type: string } }} T
 * @param {T[]} paths
 * @returns {T[]}
 */
function incrementalPaths(paths) {
  const env = process.env;
  if (!env.BUILD_INPUTS || !env.BUILD_MANIFEST_OUT) return paths;
  const inputs = JSON.parse(readFileSync(env.BUILD_INPUTS, 'utf8'));
  const previousDir = env.BUILD_PREVIOUS;
  const previous =
    previousDir && env.BUILD_MANIFEST_IN && existsSync(env.BUILD_MANIFEST_IN)
      ? {
          manifest: JSON.parse(readFileSync(env.BUILD_MANIFEST_IN, 'utf8')),
          exists: (/** @type {string} */ file) => existsSync(join(previousDir, file)),
        }
      : undefined;
  const split = (/** @type {string} */ pathname) => {
    const { lang, path } = splitLocalePath(pathname);
    return { path, content: contentOf(lang) };
  };
  const { render, manifest } = planRender(paths, inputs, split, previous);
  // Whole or not at all: the search index reads it while Astro renders.
  writeFileSync(`${env.BUILD_MANIFEST_OUT}.tmp`, JSON.stringify(manifest));
  renameSync(`${env.BUILD_MANIFEST_OUT}.tmp`, env.BUILD_MANIFEST_OUT);
  return render;
}

/** @type {import('astro').AstroIntegration} */
const renderDataPointsLast = {
  name: 'data-point-pages-last',
  hooks: {
    'astro:build:start': ({ setPrerenderer }) => {
      setPrerenderer((astro) => ({
        ...astro,
        name: 'data-point-pages-last',
        getStaticPaths: async () => dataPointPagesLast(incrementalPaths(await astro.getStaticPaths())),
      }));
    },
  },
};

/**
 * Only the bundler gives back at once the memory it frees: resvg, loaded after it, keeps the
 * caller's setting (src/build/allocator.ts). Runs before bundling, once Rolldown's allocator has loaded.
 * @type {import('astro').AstroIntegration}
 */
const bundlerMemoryGivenBack = {
  name: 'bundler-memory-given-back',
  hooks: { 'astro:build:start': () => restoreAllocatorEnv(process.env) },
};

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Compression drops the space between inline elements ("more than <a>1,200</a>" would lose it).
  compressHTML: false,
  // scripts/buildSite.ts builds into a scratch folder and swaps it in, so a failed build keeps dist/.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  integrations: [mdx(), bundlerMemoryGivenBack, editionNotFoundAsFile, renderDataPointsLast],
  // Four pages in flight: one page's file is written while the next renders (one at a time left the
  // build idle about a third of the time on 100,000s of pages). Output is the same either way.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  devToolbar: { enabled: false },
  // Content-Security-Policy as a <meta> on every page, so it holds on any host; the host files
  // (scripts/writeHostFiles.ts) also send the union of these as an HTTP header.
  // Astro writes script-src and style-src with hashes of anything it inlines itself; our scripts
  // and styles are files under /_astro/ or public/, so 'self' covers them and no 'unsafe-inline'
  // or 'unsafe-eval' is ever needed for scripts. 'wasm-unsafe-eval' lets Pagefind compile its
  // WebAssembly (it allows WebAssembly compilation only, not eval). Pagefind 1.6 normally does
  // that in a Worker, which a <meta> policy does not govern, but falls back to the page's main
  // thread when the Worker fails, and there the policy applies. It is site-wide because Astro's
  // config is, and search may load Pagefind on any page. frame-ancestors, report-uri and
  // sandbox are ignored in a <meta> CSP, so framing cannot be set here: the header adds
  // frame-ancestors 'self' on every page but the embeds (src/outputs/hostHeaders.ts, README's Deploying).
  security: {
    csp: {
      directives: ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      // 'unsafe-hashes' only lets style attributes whose exact text hashes to a listed value apply.
      styleDirective: {
        resources: ["'self'", { resource: "'unsafe-hashes'", kind: 'attribute' }],
        hashes: STYLE_ATTRIBUTES.map((s) => ({ hash: sha256(s), kind: 'attribute' })),
      },
    },
  },
});
