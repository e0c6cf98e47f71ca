/** A frozen release's tables as CSV, as its pinned datapackage.json describes them. */
import type { APIRoute } from 'astro';
import { releaseOrThrow } from '../../../../dataset/releases.ts';
import { toCsv } from '../../../../outputs/csv.ts';
import { TABLE_NAMES, type TableName, tableRows } from '../../../../outputs/datapackage.ts';
import { pinnedReleasePaths } from '../../../../outputs/releaseDownloads.ts';

export const getStaticPaths = () => pinnedReleasePaths(() => TABLE_NAMES.map((table) => ({ table })));

export const GET: APIRoute = ({ params }) => {
  const { header, rows } = tableRows(releaseOrThrow(params.version!).data, params.table as TableName);
  return new Response(toCsv(header, rows, { bom: false }), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
