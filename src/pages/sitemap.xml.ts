/** sitemap.xml: every page in both languages with hreflang alternates, or past 50,000 entries the index of sitemap-<n>.xml. */
import type { APIRoute } from 'astro';
import { sitemapIndexXml, sitemapPartCount, urlsetXml } from '../lib/sitemap.ts';

export const GET: APIRoute = ({ site }) => {
  const parts = sitemapPartCount();
  const xml = parts === 0 ? urlsetXml(site) : sitemapIndexXml(site, parts);
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
