/** A frozen release's tables as JSON: its records as the site reads them, in site order. */
import type { APIRoute } from 'astro';
import { releaseOrThrow } from '../../../../dataset/releases.ts';
import { TABLE_NAMES, type TableName } from '../../../../outputs/datapackage.ts';
import { pinnedReleasePaths } from '../../../../outputs/releaseDownloads.ts';

export const getStaticPaths = () => pinnedReleasePaths(() => TABLE_NAMES.map((table) => ({ table })));

export const GET: APIRoute = ({ params }) => {
  const records = releaseOrThrow(params.version!).data[params.table as TableName];
  return new Response(`${JSON.stringify(records, null, 2)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
