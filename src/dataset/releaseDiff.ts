/**
 * What changed between two dataset versions: for each data file, the records added, removed and
 * changed, and for a changed record every top-level field whose value differs (compared as
 * JSON, so a reordered object key counts as no change only when JSON.stringify agrees). Pure.
 */
import type { Dataset, DatasetName } from './schemas.ts';

/** One field of one record that differs between the versions; `before`/`after` are undefined when absent. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The differences in one data file. */
export interface TableDiff {
  table: DatasetName;
  /** Ids of records only in the newer version, in its order. */
  added: string[];
  /** Ids of records only in the older version, in its order. */
  removed: string[];
  /** Records in both whose fields differ, in the newer version's order. */
  changed: { id: string; fields: FieldChange[] }[];
}

/** The tables in the order a changes page lists them. */
export const DIFF_TABLES: readonly DatasetName[] = [
  'observations',
  'indicators',
  'sources',
  'districts',
  'glossary',
  'frames',
];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The field-by-field changes of one record, in the newer record's field order, then fields it dropped. */
export function recordChanges(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return keys.filter((k) => !same(before[k], after[k])).map((k) => ({ field: k, before: before[k], after: after[k] }));
}

/** The differences from `older` to `newer`, one entry per table of `DIFF_TABLES` (empty ones included). */
export function diffDatasets(older: Dataset, newer: Dataset): TableDiff[] {
  return DIFF_TABLES.map((table) => {
    const a = new Map((older[table] as { id: string }[]).map((r) => [r.id, r] as const));
    const b = new Map((newer[table] as { id: string }[]).map((r) => [r.id, r] as const));
    const changed: TableDiff['changed'] = [];
    for (const [id, r] of b) {
      const o = a.get(id);
      if (!o) continue;
      const fields = recordChanges(o as unknown as Record<string, unknown>, r as unknown as Record<string, unknown>);
      if (fields.length > 0) changed.push({ id, fields });
    }
    return {
      table,
      added: [...b.keys()].filter((id) => !a.has(id)),
      removed: [...a.keys()].filter((id) => !b.has(id)),
      changed,
    };
  });
}
