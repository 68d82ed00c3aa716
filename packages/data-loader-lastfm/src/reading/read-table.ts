import { normaliseColumnName, type TableSpec } from '../layout/corpus-layouts.js';
import { readLineBatches } from './read-line-batches.js';
import type { RowReport } from './row-report.js';

/** A row by column name; an empty cell or a column the file lacks is `undefined`. */
export type TableRow = Record<string, string | undefined>;

/** Where each wanted column sits in a row, from the header or from the layout's order. */
function columnPositions(spec: TableSpec, header: string[] | undefined): string[] {
  return header === undefined ? [...spec.columns] : header.map(normaliseColumnName);
}

function isHeader(spec: TableSpec, cells: string[]): boolean {
  const names = new Set(cells.map(normaliseColumnName));
  return spec.required.every((column) => names.has(column));
}

/**
 * Reads a metadata table (users, tracks, artists) row by row. Quotes are plain characters:
 * the corpora are tab-separated without quoting, so `"Heroes"` keeps its quotes. A row
 * with stray tabs is repaired when the table has one free-text column, otherwise skipped
 * and counted, as is a row lacking a required column.
 */
export async function readTable(
  file: string,
  spec: TableSpec,
  report: RowReport,
  onRow: (row: TableRow, line: number) => void,
): Promise<void> {
  let columns: string[] | undefined;
  let textPosition = -1;
  for await (const { lines, firstLine } of readLineBatches(file)) {
    for (let offset = 0; offset < lines.length; offset++) {
      const line = lines[offset] as string;
      const lineNumber = firstLine + offset;
      if (line.trim() === '') continue;
      let cells = line.split('\t');
      if (columns === undefined) {
        const header = isHeader(spec, cells) ? cells : undefined;
        columns = columnPositions(spec, header);
        textPosition = spec.textColumn === undefined ? -1 : columns.indexOf(spec.textColumn);
        if (header !== undefined) continue;
      }
      if (cells.length > columns.length) {
        if (textPosition === -1) {
          report.skip(
            file,
            lineNumber,
            'more tabs than columns in a row with several text columns',
            'Remove the stray tab',
          );
          continue;
        }
        const extra = cells.length - columns.length;
        const text = cells.slice(textPosition, textPosition + extra + 1).join('\t');
        cells = [...cells.slice(0, textPosition), text, ...cells.slice(textPosition + extra + 1)];
      }
      const row: TableRow = {};
      columns.forEach((column, position) => {
        const value = cells[position];
        row[column] = value === undefined || value === '' ? undefined : value;
      });
      const missing = spec.required.find((column) => row[column] === undefined);
      if (missing !== undefined) {
        report.skip(file, lineNumber, `no ${missing}`, `Fill in the ${missing} column`);
        continue;
      }
      onRow(row, lineNumber);
    }
  }
}
