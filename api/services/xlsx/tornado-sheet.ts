import { inputFormat, num, type NumberFormats } from './number-formats.ts';
import type { CaseWorkbookInput } from './workbook-input.ts';
import { runHeading } from './run-heading.ts';
import { SheetWriter, type StreamingWorkbook } from './sheet-writer.ts';

/**
 * The Tornado sheet: each input's swing of NPV, largest first.
 *
 * @example
 * tornadoSheet(workbook, input, numberFormats('EUR'));
 */
export function tornadoSheet(workbook: StreamingWorkbook, input: CaseWorkbookInput, formats: NumberFormats): void {
  const { tornado, case: bc } = input;
  const low = `P${Math.round(tornado.lowPercentile * 100)}`;
  const high = `P${Math.round(tornado.highPercentile * 100)}`;
  const outputName = tornado.output === 'npv' ? 'NPV' : tornado.output;
  const writer = new SheetWriter(workbook, 'Tornado', { 3: 44 });
  writer.heading(runHeading(input.run));
  writer.header(['Rank', 'Input', 'Label', 'Unit', `Input at ${low}`, `Input at ${high}`, `${outputName} at ${low}`, `${outputName} at ${high}`, 'Swing']);
  tornado.bars.forEach((bar, index) => {
    const format = inputFormat(bar.unit, bc.currency, formats);
    writer.row([
      index + 1,
      bar.input,
      bar.label,
      bar.unit,
      num(bar.lowValue, format),
      num(bar.highValue, format),
      num(bar.outputAtLow, formats.money),
      num(bar.outputAtHigh, formats.money),
      num(bar.swing, formats.money),
    ]);
  });
  writer.blank();
  writer.row([`${outputName} with every input at its median`, null, null, null, null, null, num(tornado.baselineOutput, formats.money)]);
  writer.row([`Each input swung alone from its ${low} to its ${high} while the others stay at their medians; fixed inputs have no bar.`]);
  writer.finish({ frozenColumns: 2 });
}
