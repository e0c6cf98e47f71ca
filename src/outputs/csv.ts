/**
 * CSV: RFC 4180 (CRLF line ends, fields quoted when they hold a comma, quote or line break,
 * quotes doubled) in UTF-8. Files for data tools (the data package) have no byte-order mark, as
 * their descriptor declares plain `utf-8`; files for spreadsheets start with one, so Excel opens
 * Chinese text correctly instead of guessing a legacy code page. Pure.
 */

/** The UTF-8 byte-order mark that spreadsheet CSVs start with. */
export const BOM = '\uFEFF';

/** A cell value: empty for null or undefined, numbers as JavaScript prints them. */
export type Cell = string | number | boolean | null | undefined;

/** One field, quoted only when RFC 4180 requires it. */
export function csvField(v: Cell): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV file: header row, one line per row, CRLF after every line; `bom` for spreadsheets. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  { bom }: { bom: boolean },
): string {
  for (const [i, r] of rows.entries()) {
    if (r.length !== header.length)
      throw new Error(`CSV row ${i + 1} has ${r.length} fields, the header ${header.length}`);
  }
  return (bom ? BOM : '') + [header, ...rows].map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}

/** Parses RFC 4180 text (a leading BOM is dropped) into rows of fields; throws on a stray quote. */
export function parseCsv(text: string): string[][] {
  const s = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [],
    field = '',
    i = 0,
    quoted = false;
  while (i < s.length) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== '') throw new Error(`CSV: quote inside an unquoted field at offset ${i}`);
      quoted = true;
      i++;
      continue;
    }
    if (c === ',') {
      row.push(field);
      field = '';
      i++;
      continue;
    }
    if (c === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
      continue;
    }
    if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
      continue;
    }
    field += c;
    i++;
  }
  if (quoted) throw new Error('CSV: unterminated quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
