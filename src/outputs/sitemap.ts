/**
 * The sitemap: every page in every edition, each with its hreflang alternates. Up to
 * SITEMAP_MAX_URLS entries it is one `sitemap.xml`; above that (the sitemap protocol's limit per
 * file) `sitemap.xml` becomes a sitemap index of `sitemap-<n>.xml` files of at most that many each.
 */
import { edition, LANGS, ROOT_LANG } from '../site/editions.ts';
import { localePath } from '../site/paths.ts';

/** The most `<url>` entries one sitemap file may hold (sitemaps.org protocol). */
export const SITEMAP_MAX_URLS = 50_000;

/**
 * The page paths (without language prefix) of each `sitemap-<n>.xml`, in order; none while one
 * `sitemap.xml` holds every entry. Each path gives one entry per language, kept in the same file.
 */
export function sitemapParts(paths: string[], maxUrls = SITEMAP_MAX_URLS): string[][] {
  if (paths.length * LANGS.length <= maxUrls) return [];
  const perPart = Math.floor(maxUrls / LANGS.length);
  return Array.from({ length: Math.ceil(paths.length / perPart) }, (_, i) =>
    paths.slice(i * perPart, (i + 1) * perPart),
  );
}

/** A `<urlset>` with an entry per language for each of `paths`, with hreflang alternates. */
export function urlsetXml(site: URL | undefined, paths: string[]): string {
  const abs = (p: string) => new URL(p, site).href;
  const urls = paths.flatMap((path) =>
    LANGS.map(
      (lang) => `  <url>
    <loc>${abs(localePath(lang, path))}</loc>
${LANGS.map((l) => `    <xhtml:link rel="alternate" hreflang="${edition(l).htmlLang}" href="${abs(localePath(l, path))}"/>`).join('\n')}
    <xhtml:link rel="alternate" hreflang="x-default" href="${abs(localePath(ROOT_LANG, path))}"/>
  </url>`,
    ),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls.join('\n')}
</urlset>
`;
}

/** The `<sitemapindex>` listing `sitemap-1.xml` … `sitemap-<parts>.xml`. */
export function sitemapIndexXml(site: URL | undefined, parts: number): string {
  const locs = Array.from(
    { length: parts },
    (_, i) => `  <sitemap>
    <loc>${new URL(`/sitemap-${i + 1}.xml`, site).href}</loc>
  </sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${locs.join('\n')}
</sitemapindex>
`;
}
