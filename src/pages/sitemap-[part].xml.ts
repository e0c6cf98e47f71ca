/** sitemap-<n>.xml: part n of the sitemap, only when the site has more than 50,000 entries (src/outputs/sitemap.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapParts, urlsetXml } from '../outputs/sitemap.ts';
import { sitePaths } from '../outputs/routes.ts';

export const getStaticPaths = (() =>
  sitemapParts(sitePaths()).map((paths, i) => ({
    params: { part: String(i + 1) },
    props: { paths },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site, props }) =>
  new Response(urlsetXml(site, (props as { paths: string[] }).paths), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
