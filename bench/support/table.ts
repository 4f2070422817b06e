/** Plain-text tables: the first row is the header; numbers right-aligned, text left-aligned. */
export function formatTable(rows: readonly (readonly string[])[], indent = '  '): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  const numeric = (cell: string) => /^[-+]?[\d.,/ x%]+$|^-$/.test(cell.trim()) && /\d|^-$/.test(cell);
  return rows
    .map((row) =>
      (
        indent +
        row
          .map((cell, i) => {
            const width = widths[i] ?? 0;
            return numeric(cell) ? cell.padStart(width) : cell.padEnd(width);
          })
          .join('  ')
      ).trimEnd(),
    )
    .join('\n');
}
