/**
 * The sitemap: every page in both languages, each with its hreflang alternates. Up to
 * SITEMAP_MAX_URLS entries it is one `sitemap.xml`; above that (the sitemap protocol's limit per
 * file) `sitemap.xml` becomes a sitemap index of `sitemap-<n>.xml` files of at most that many each.
 */
import { HTML_LANG, localePath, LANGS } from './i18n.ts';
import { sitePaths } from './routes.ts';

/** The most `<url>` entries one sitemap file may hold (sitemaps.org protocol). */
export const SITEMAP_MAX_URLS = 50_000;

/** How many `sitemap-<n>.xml` parts the site needs: 0 while one `sitemap.xml` holds every entry. */
export function sitemapPartCount(): number {
  const n = sitePaths().length * LANGS.length;
  return n <= SITEMAP_MAX_URLS ? 0 : Math.ceil(n / SITEMAP_MAX_URLS);
}

/** A `<urlset>` of every entry (part 0) or of part `part` (1-based) when the site is split. */
export function urlsetXml(site: URL | undefined, part = 0): string {
  const abs = (p: string) => new URL(p, site).href;
  const all = sitePaths();
  // Part k holds entries [(k-1)·MAX, k·MAX); entries come two per path (zh, en), so slice paths.
  const perPart = SITEMAP_MAX_URLS / LANGS.length;
  const paths = part === 0 ? all : all.slice((part - 1) * perPart, part * perPart);
  const urls = paths.flatMap((path) => LANGS.map((lang) => `  <url>
    <loc>${abs(localePath(lang, path))}</loc>
${LANGS.map((l) => `    <xhtml:link rel="alternate" hreflang="${HTML_LANG[l]}" href="${abs(localePath(l, path))}"/>`).join('\n')}
  </url>`));
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls.join('\n')}
</urlset>
`;
}

/** The `<sitemapindex>` listing `sitemap-1.xml` … `sitemap-<parts>.xml`. */
export function sitemapIndexXml(site: URL | undefined, parts: number): string {
  const locs = Array.from({ length: parts }, (_, i) => `  <sitemap>
    <loc>${new URL(`/sitemap-${i + 1}.xml`, site).href}</loc>
  </sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${locs.join('\n')}
</sitemapindex>
`;
}
