import type { APIRoute } from 'astro';
import { caseStudyFeed } from '../../outputs/feed.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(await caseStudyFeed('en', site!), { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
