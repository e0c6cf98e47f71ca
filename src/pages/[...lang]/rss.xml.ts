import type { APIRoute } from 'astro';
import { caseStudyFeed } from '../../outputs/feed.ts';
import { localeStaticPaths } from '../../outputs/routes.ts';

export const getStaticPaths = () => localeStaticPaths();
export const GET: APIRoute = async ({ site, props }) =>
  new Response(await caseStudyFeed(props.lang, site!), {
    headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
  });
