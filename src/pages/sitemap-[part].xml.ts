/** sitemap-<n>.xml: part n of the sitemap, only when the site has more than 50,000 entries (see src/lib/sitemap.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapPartCount, urlsetXml } from '../lib/sitemap.ts';

export const getStaticPaths = (() => Array.from({ length: sitemapPartCount() }, (_, i) => ({ params: { part: String(i + 1) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site, params }) =>
  new Response(urlsetXml(site, Number(params.part)), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
