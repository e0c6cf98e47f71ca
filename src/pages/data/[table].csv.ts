/** The dataset's tables as CSV (plain UTF-8, RFC 4180), one file per table, as datapackage.json describes them. */
import type { APIRoute } from 'astro';
import { toCsv } from '../../outputs/csv.ts';
import { getDataset } from '../../dataset/dataset.ts';
import { TABLE_NAMES, tableRows, type TableName } from '../../outputs/datapackage.ts';

export function getStaticPaths() {
  return TABLE_NAMES.map((table) => ({ params: { table } }));
}

export const GET: APIRoute = ({ params }) => {
  const { header, rows } = tableRows(getDataset(), params.table as TableName);
  return new Response(toCsv(header, rows, { bom: false }), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
