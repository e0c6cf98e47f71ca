/**
 * The dataset's tables for spreadsheets: the same CSV with a UTF-8 byte-order mark, which Excel
 * needs to read Chinese as UTF-8. Not part of the data package, whose files have no mark.
 */
import type { APIRoute } from 'astro';
import { getDataset } from '../../../dataset/dataset.ts';
import { toCsv } from '../../../outputs/csv.ts';
import { TABLE_NAMES, type TableName, tableRows } from '../../../outputs/datapackage.ts';

export const getStaticPaths = () => TABLE_NAMES.map((table) => ({ params: { table } }));

export const GET: APIRoute = ({ params }) => {
  const { header, rows } = tableRows(getDataset(), params.table as TableName);
  return new Response(toCsv(header, rows, { bom: true }), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
