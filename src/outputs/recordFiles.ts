/**
 * The dataset by the piece, at addresses derived from ids (src/site/paths.ts): each data point
 * alone as JSON (its record as observations.json has it) and CSV (its row of observations.csv,
 * with the header), and each district's rows of observations.csv; served for the current data under
 * `/data/`, and made once for each release, which keeps them (src/outputs/releaseFiles.ts).
 */
import type { APIRoute } from 'astro';
import type { IndexedDataset } from '../dataset/dataset.ts';
import { districtsWithData, getDataset } from '../dataset/dataset.ts';
import { toCsv, type Cell } from './csv.ts';
import { tableRows } from './datapackage.ts';

/** A per-record file: a data point's JSON or CSV, or a district's CSV. */
export type RecordFile = 'point.json' | 'point.csv' | 'district.csv';

/** observations.csv of a dataset, indexed by data point and by district: made once per dataset, not once per file. */
const indexed = new WeakMap<
  IndexedDataset,
  { header: string[]; byId: Map<unknown, Cell[]>; byDistrict: Map<unknown, Cell[][]> }
>();

function observationTable(data: IndexedDataset) {
  let table = indexed.get(data);
  if (!table) {
    const { header, rows } = tableRows(data, 'observations');
    const [id, district] = [header.indexOf('id'), header.indexOf('district')];
    table = { header, byId: new Map(rows.map((r) => [r[id], r])), byDistrict: Map.groupBy(rows, (r) => r[district]) };
    indexed.set(data, table);
  }
  return table;
}

/** The content of `file` for record `id` (a data point or district id) of `data`. */
export function recordFile(data: IndexedDataset, file: RecordFile, id: string): string {
  if (file === 'point.json') {
    const o = data.observation.get(id);
    if (!o) throw new Error(`recordFile: unknown data point "${id}"`);
    return `${JSON.stringify(o, null, 2)}\n`;
  }
  const { header, byId, byDistrict } = observationTable(data);
  const rows = file === 'point.csv' ? [byId.get(id)].filter((r) => r !== undefined) : (byDistrict.get(id) ?? []);
  if (!rows.length) throw new Error(`recordFile: no observation rows for "${id}"`);
  return toCsv(header, rows, { bom: false });
}

/** The static paths of `file`'s route for the current data: `params.id` is the data point or district. */
export function recordPaths(file: RecordFile) {
  const data = getDataset();
  const ids = file === 'district.csv' ? districtsWithData(data).map((d) => d.id) : data.observations.map((o) => o.id);
  return ids.map((id) => ({ params: { id } }));
}

/** The GET handler of `file`'s route for the current data. */
export function recordRoute(file: RecordFile): APIRoute {
  return ({ params }) =>
    new Response(recordFile(getDataset(), file, params.id!), {
      headers: {
        'content-type': file === 'point.json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
      },
    });
}
