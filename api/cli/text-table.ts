/**
 * Renders rows as an aligned plain-text table: the first column left-aligned, the
 * rest right-aligned (they hold numbers).
 *
 * @example
 * textTable(['', 'p50'], [['NPV', '€1,200']])
 */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
