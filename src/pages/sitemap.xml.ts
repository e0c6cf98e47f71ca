/** sitemap.xml: every page in both languages, each with its hreflang alternates. */
import type { APIRoute } from 'astro';
import { HTML_LANG, localePath, LANGS } from '../lib/i18n.ts';
import { sitePaths } from '../lib/routes.ts';

export const GET: APIRoute = ({ site }) => {
  const abs = (p: string) => new URL(p, site).href;
  const urls = sitePaths().flatMap((path) => LANGS.map((lang) => `  <url>
    <loc>${abs(localePath(lang, path))}</loc>
${LANGS.map((l) => `    <xhtml:link rel="alternate" hreflang="${HTML_LANG[l]}" href="${abs(localePath(l, path))}"/>`).join('\n')}
  </url>`));
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls.join('\n')}
</urlset>
`;
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
