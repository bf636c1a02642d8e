import { storedNumber } from './cell-values.ts';
import { num, type NumberFormats } from './number-formats.ts';
import type { CaseWorkbookInput } from './workbook-input.ts';
import { runHeading } from './run-heading.ts';
import { SheetWriter, type StreamingWorkbook } from './sheet-writer.ts';
import { yearHeaders } from './year-headers.ts';

/**
 * The Benefit by line sheet: mean benefit per line and year.
 *
 * @example
 * benefitSheet(workbook, input, numberFormats('EUR'));
 */
export function benefitSheet(workbook: StreamingWorkbook, input: CaseWorkbookInput, formats: NumberFormats): void {
  const summary = input.run.summary!;
  const years = summary.benefitByLine[0]?.meanByYear.length ?? Math.ceil(summary.horizonMonths / 12);
  const writer = new SheetWriter(workbook, 'Benefit by line', { 2: 44 });
  writer.heading(runHeading(input.run));
  writer.header(['Line', 'Label', ...yearHeaders(years, summary.horizonMonths), 'Total']);
  const totals = new Array<number>(years).fill(0);
  let grandTotal = 0;
  for (const line of summary.benefitByLine) {
    line.meanByYear.forEach((value, i) => (totals[i] += storedNumber(value)));
    grandTotal += storedNumber(line.meanTotal);
    writer.row([line.id, line.label, ...line.meanByYear.map((value) => num(value, formats.money)), num(line.meanTotal, formats.money)]);
  }
  writer.row(['Total', null, ...totals.map((value) => num(value, formats.money)), num(grandTotal, formats.money)], { bold: true });
  writer.blank();
  writer.row(['Mean over trials, undiscounted, after realization and adoption, in the case currency.']);
  writer.finish({ frozenColumns: 1 });
}
