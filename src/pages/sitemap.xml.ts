/** sitemap.xml: every page in both languages with hreflang alternates, or past 50,000 entries the index of sitemap-<n>.xml. */
import type { APIRoute } from 'astro';
import { sitemapIndexXml, sitemapParts, urlsetXml } from '../outputs/sitemap.ts';
import { sitePaths } from '../outputs/routes.ts';

export const GET: APIRoute = ({ site }) => {
  const paths = sitePaths();
  const parts = sitemapParts(paths);
  const xml = parts.length === 0 ? urlsetXml(site, paths) : sitemapIndexXml(site, parts.length);
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
