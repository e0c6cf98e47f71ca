// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

/** The public origin the site is deployed at; canonical URLs, sitemap and feeds use it. */
const site = process.env.SITE_URL ?? 'https://party-building-models.example';

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Compression drops the space between inline elements ("more than <a>1,200</a>" would lose it).
  compressHTML: false,
  // scripts/buildSite.ts builds into a scratch folder and swaps it in, so a failed build keeps dist/.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  integrations: [mdx()],
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
});
