/**
 * The dataset by the piece, at addresses derived from ids (src/site/paths.ts): each data point
 * alone as JSON (its record as observations.json has it) and CSV (its row of observations.csv,
 * with the header), and each district's rows of observations.csv; for the current data under
 * `/data/` and for every frozen release under `/v/<version>/data/`.
 */
import type { APIRoute } from 'astro';
import type { IndexedDataset } from '../dataset/dataset.ts';
import { getDataset } from '../dataset/dataset.ts';
import { releaseOrThrow, releases } from '../dataset/releases.ts';
import { toCsv } from './csv.ts';
import { tableRows } from './datapackage.ts';

/** A per-record file: a data point's JSON or CSV, or a district's CSV. */
export type RecordFile = 'point.json' | 'point.csv' | 'district.csv';

/** The data a route serves: a frozen release's where the path names a version, else the current data. */
const dataOf = (version: string | undefined): IndexedDataset => (version ? releaseOrThrow(version).data : getDataset());

/** The rows of observations.csv whose `column` is `value`, with the header. */
function observationRows(data: IndexedDataset, column: 'id' | 'district', value: string) {
  const { header, rows } = tableRows(data, 'observations');
  const at = header.indexOf(column);
  return { header, rows: rows.filter((r) => r[at] === value) };
}

/** The content of `file` for record `id` (a data point or district id) of `data`. */
export function recordFile(data: IndexedDataset, file: RecordFile, id: string): string {
  if (file === 'point.json') {
    const o = data.observation.get(id);
    if (!o) throw new Error(`recordFile: unknown data point "${id}"`);
    return `${JSON.stringify(o, null, 2)}\n`;
  }
  const { header, rows } = observationRows(data, file === 'point.csv' ? 'id' : 'district', id);
  if (!rows.length) throw new Error(`recordFile: no observation rows for "${id}"`);
  return toCsv(header, rows, { bom: false });
}

/**
 * The static paths of `file`'s route, for the current data or (`pinned`) every frozen release:
 * `params.id` is the data point or district, `params.version` the release.
 */
export function recordPaths(file: RecordFile, pinned: boolean) {
  const ids = (data: IndexedDataset) =>
    file === 'district.csv'
      ? data.districts.filter((d) => data.observations.some((o) => o.district === d.id)).map((d) => d.id)
      : data.observations.map((o) => o.id);
  if (!pinned) return ids(getDataset()).map((id) => ({ params: { id } }));
  return releases().flatMap((r) => ids(r.data).map((id) => ({ params: { id, version: r.version } })));
}

/** The GET handler of `file`'s route. */
export function recordRoute(file: RecordFile): APIRoute {
  return ({ params }) =>
    new Response(recordFile(dataOf(params.version), file, params.id!), {
      headers: {
        'content-type': file === 'point.json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
      },
    });
}
