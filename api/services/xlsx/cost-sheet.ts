import { storedNumber } from './cell-values.ts';
import { num, type NumberFormats } from './number-formats.ts';
import type { CaseWorkbookInput } from './workbook-input.ts';
import { runHeading } from './run-heading.ts';
import { SheetWriter, type StreamingWorkbook } from './sheet-writer.ts';
import { yearHeaders } from './year-headers.ts';

/**
 * The Cost by category sheet: mean cost per category and year, the standard error of
 * each total, and a flag for
 * categories without a cost line.
 *
 * @example
 * costSheet(workbook, input, numberFormats('EUR'));
 */
export function costSheet(workbook: StreamingWorkbook, input: CaseWorkbookInput, formats: NumberFormats): void {
  const summary = input.run.summary!;
  const years = summary.costByCategory[0]?.meanByYear.length ?? 0;
  const writer = new SheetWriter(workbook, 'Cost by category', { 1: 44, [years + 5]: 60 });
  writer.heading(runHeading(input.run));
  writer.header(['Category', ...yearHeaders(years, summary.horizonMonths), 'Total', 'S.E. of total', 'Share of total', 'Flag']);
  const totals = new Array<number>(years).fill(0);
  let grandTotal = 0;
  for (const row of summary.costByCategory) {
    row.meanByYear.forEach((value, i) => (totals[i] += storedNumber(value)));
    grandTotal += storedNumber(row.meanTotal);
    const flag = row.hasLines
      ? storedNumber(row.meanTotal) === 0
        ? 'cost lines total zero: check they are priced'
        : null
      : row.category === 'other'
        ? 'no cost line (a catch-all; not necessarily missing)'
        : 'no cost line: likely a hidden cost';
    writer.row([
      row.label,
      ...row.meanByYear.map((value) => num(value, formats.money)),
      num(row.meanTotal, formats.money),
      num(row.standardError, formats.money),
      num(row.share, formats.percent),
      flag,
    ]);
  }
  writer.row(
    ['Total', ...totals.map((value) => num(value, formats.money)), num(grandTotal, formats.money), null, num(grandTotal > 0 ? 1 : 0, formats.percent), null],
    { bold: true },
  );
  writer.blank();
  writer.row(['Mean over trials, undiscounted, in the case currency.']);
  writer.finish({ frozenColumns: 1 });
}
