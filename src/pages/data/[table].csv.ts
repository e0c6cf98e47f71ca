/** The dataset's tables as CSV (UTF-8 with BOM, RFC 4180), one file per table. */
import type { APIRoute } from 'astro';
import { toCsv } from '../../lib/csv.ts';
import { getDataset } from '../../lib/dataset.ts';
import { TABLE_NAMES, tableRows, type TableName } from '../../lib/datapackage.ts';

export function getStaticPaths() {
  return TABLE_NAMES.map((table) => ({ params: { table } }));
}

export const GET: APIRoute = ({ params }) => {
  const { header, rows } = tableRows(getDataset(), params.table as TableName);
  return new Response(toCsv(header, rows), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
