import { num, type NumberFormats } from './number-formats.ts';
import { runHeading } from './run-heading.ts';
import type { CaseWorkbookInput } from './workbook-input.ts';
import { SheetWriter, type StreamingWorkbook } from './sheet-writer.ts';

/**
 * The Sobol sheet, when the run has a stored Sobol analysis: first- and total-order
 * indices of each input with their bootstrap intervals.
 *
 * @example
 * sobolSheet(workbook, input);
 */
export function sobolSheet(workbook: StreamingWorkbook, input: CaseWorkbookInput): void {
  const sobol = input.sobol;
  if (!sobol) return;
  const writer = new SheetWriter(workbook, 'Sobol', { 2: 44 });
  writer.heading(`${runHeading(input.run)}; ${sobol.source}`);
  writer.header(['Input', 'Label', 'First order', 'First order CI low', 'First order CI high', 'Total order', 'Total order CI low', 'Total order CI high']);
  const share = (value: number) => num(value, '0.000');
  for (const row of sobol.result.rows) {
    writer.row([
      row.input,
      row.label,
      share(row.first),
      share(row.firstCi[0]),
      share(row.firstCi[1]),
      share(row.total),
      share(row.totalCi[0]),
      share(row.totalCi[1]),
    ]);
  }
  writer.blank();
  writer.row([`Output ${sobol.result.output}; ${sobol.result.baseSamples} base samples, ${sobol.result.evaluations} model evaluations.`]);
  for (const warning of sobol.result.warnings) writer.row([warning]);
  writer.finish({ frozenColumns: 1 });
}

/**
 * The EVPPI sheet, when the run has a stored value-of-information analysis: EVPI, and each
 * input's EVPPI with its standard error, measurement cost and net value.
 *
 * @example
 * evppiSheet(workbook, input, numberFormats('EUR'));
 */
export function evppiSheet(workbook: StreamingWorkbook, input: CaseWorkbookInput, formats: NumberFormats): void {
  const voi = input.voi;
  if (!voi) return;
  const money = (value: number | null) => (value === null ? null : num(value, formats.money));
  const writer = new SheetWriter(workbook, 'EVPPI', { 2: 44 });
  writer.heading(`${runHeading(input.run)}; ${voi.source}`);
  writer.header(['Input', 'Label', 'EVPPI', 'S.E.', 'Measurement cost', 'Net value of measuring first']);
  for (const row of voi.result.ranking) {
    writer.row([row.input, row.label, money(row.evppi), money(row.standardError), money(row.measurementCost), money(row.netValue)]);
  }
  writer.blank();
  writer.row(['EVPI (perfect information on every input)', null, money(voi.result.evpi.value), money(voi.result.evpi.standardError)]);
  writer.row(['Expected NPV', null, money(voi.result.expectedNpv), money(voi.result.expectedNpvStandardError)]);
  writer.row(['Preferred without more information', voi.result.preferred]);
  writer.finish({ frozenColumns: 1 });
}
