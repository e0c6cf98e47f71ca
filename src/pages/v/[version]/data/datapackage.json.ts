/** A frozen release's datapackage.json, describing the CSV tables beside it. */
import type { APIRoute } from 'astro';
import { releaseOrThrow } from '../../../../dataset/releases.ts';
import { dataPackage } from '../../../../outputs/datapackage.ts';
import { pinnedReleasePaths } from '../../../../outputs/releaseDownloads.ts';

export const getStaticPaths = () => pinnedReleasePaths();

export const GET: APIRoute = ({ params, site }) =>
  new Response(`${JSON.stringify(dataPackage(site!, releaseOrThrow(params.version!), true), null, 2)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
