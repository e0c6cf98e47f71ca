/** Every page path of the site without its language prefix, for the sitemap and link checks. */
import { CHARTS } from '../charts/index.ts';
import { getDataset } from '../dataset/dataset.ts';

/** Language-neutral paths, each served at `/path` (Chinese) and `/en/path` (English). */
export function sitePaths(): string[] {
  const data = getDataset();
  return [
    '/', '/compare/', '/case-studies/', ...data.districts.map((d) => `/case-studies/${d.id}/`), '/charts/',
    ...CHARTS.map((c) => `/charts/${c.id}/`), '/data/', ...data.observations.map((o) => `/data/${o.id}/`),
    '/sources/', '/glossary/', '/methodology/', '/search/',
  ];
}

/**
 * Embed pages (`/embed/<id>/`, English under `/en/`): HTML pages for other sites' iframes. Kept
 * out of `sitePaths()` on purpose: they are `noindex` (so not in the sitemap) and have no
 * navigation or language switch, which the checks over `sitePaths()` require.
 */
export function embedPaths(): string[] {
  return CHARTS.map((c) => `/embed/${c.id}/`);
}
