import type { APIRoute } from 'astro';
import { releaseFeed } from '../../outputs/feed.ts';
import { localeStaticPaths } from '../../outputs/routes.ts';

export const getStaticPaths = () => localeStaticPaths();
export const GET: APIRoute = ({ site, props }) =>
  new Response(releaseFeed(props.lang, site!), { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
