export interface FormatTableOptions {
  /** Leading columns that hold labels (left-aligned); the rest hold numbers (right-aligned). */
  labelColumns?: number;
}

/**
 * Aligns rows into columns, two spaces apart and indented by two; the first row is the
 * header. Numbers are right-aligned so their digits line up.
 */
export function formatTable(
  rows: readonly (readonly string[])[],
  options: FormatTableOptions = {},
): string[] {
  const labelColumns = options.labelColumns ?? 1;
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, cell.length);
    });
  }
  return rows.map((row) => {
    const cells = row.map((cell, column) => {
      const width = widths[column] ?? cell.length;
      return column < labelColumns ? cell.padEnd(width) : cell.padStart(width);
    });
    return `  ${cells.join('  ')}`.trimEnd();
  });
}
