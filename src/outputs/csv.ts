/**
 * CSV: RFC 4180 (CRLF line ends, fields quoted when they hold a comma, quote or line break,
 * quotes doubled) in UTF-8, written and read by d3's d3-dsv. Files for data tools
 * (the data package) have no byte-order mark, as their descriptor declares plain `utf-8`; files
 * for spreadsheets start with one, so Excel opens Chinese text correctly instead of guessing a
 * legacy code page. Pure.
 */
import { csvFormatRow, csvParseRows } from 'd3';

/** The UTF-8 byte-order mark that spreadsheet CSVs start with. */
export const BOM = '\uFEFF';

/** A cell value: empty for null or undefined, numbers as JavaScript prints them. */
export type Cell = string | number | boolean | null | undefined;

/**
 * A whole CSV file: header row, one line per row, CRLF after every line; `bom` for spreadsheets.
 * Rows are formatted one at a time: d3-dsv joins the rows of a file with LF, RFC 4180 with CRLF.
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  { bom }: { bom: boolean },
): string {
  for (const [i, r] of rows.entries()) {
    if (r.length !== header.length)
      throw new Error(`CSV row ${i + 1} has ${r.length} fields, the header ${header.length}`);
  }
  const line = (r: readonly Cell[]) =>
    `${csvFormatRow(r.map((v) => (v === null || v === undefined ? '' : String(v))))}\r\n`;
  return (bom ? BOM : '') + [header, ...rows].map(line).join('');
}

/** Parses RFC 4180 text (a leading BOM is dropped) into rows of fields. */
export function parseCsv(text: string): string[][] {
  return csvParseRows(text.startsWith(BOM) ? text.slice(1) : text);
}
