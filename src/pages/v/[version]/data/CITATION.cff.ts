/** A frozen release's CITATION.cff, naming its version and permanent URL. */
import type { APIRoute } from 'astro';
import { releaseOrThrow } from '../../../../dataset/releases.ts';
import { citationCff } from '../../../../outputs/cite.ts';
import { pinnedReleasePaths } from '../../../../outputs/releaseDownloads.ts';

export const getStaticPaths = () => pinnedReleasePaths();

export const GET: APIRoute = ({ params, site }) =>
  new Response(citationCff(site!, releaseOrThrow(params.version!)), {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
