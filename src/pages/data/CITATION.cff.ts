/** CITATION.cff: how to cite the dataset, in the Citation File Format (src/outputs/cite.ts). */
import type { APIRoute } from 'astro';
import { citationCff } from '../../outputs/cite.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(citationCff(site!), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
