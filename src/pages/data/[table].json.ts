/** The dataset's tables as JSON: the records exactly as the site reads them, in site order. */
import type { APIRoute } from 'astro';
import { getDataset } from '../../dataset/dataset.ts';
import { TABLE_NAMES, type TableName } from '../../outputs/datapackage.ts';

export function getStaticPaths() {
  return TABLE_NAMES.map((table) => ({ params: { table } }));
}

export const GET: APIRoute = ({ params }) => {
  const records = getDataset()[params.table as TableName];
  return new Response(`${JSON.stringify(records, null, 2)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
