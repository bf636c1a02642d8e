import { storedNumber } from './cell-values.ts';
import { num, outputFormat, type NumberFormats } from './number-formats.ts';
import { runHeading } from './run-heading.ts';
import type { CaseWorkbookInput } from './workbook-input.ts';
import { SheetWriter, type StreamingWorkbook } from './sheet-writer.ts';

/**
 * The Distributions sheet: for each output with a full distribution (NPV, ROI, payback,
 * IRR, pilot ROI), its histogram bins and the S-curve (the share of trials at or below
 * each bin's upper edge), as the run summarised them.
 *
 * @example
 * distributionSheet(workbook, input, numberFormats('EUR'));
 */
export function distributionSheet(workbook: StreamingWorkbook, input: CaseWorkbookInput, formats: NumberFormats): void {
  const summary = input.run.summary!;
  const writer = new SheetWriter(workbook, 'Distributions', { 1: 30 });
  writer.heading(runHeading(input.run));
  writer.header(['Output', 'Bin from', 'Bin to', 'Trials in bin', 'Share of trials', 'S-curve: P(≤ bin to)']);
  for (const output of Object.values(summary.outputs)) {
    const { edges, counts } = output.histogram ?? { edges: [], counts: [] };
    if (!counts.length) continue;
    const format = outputFormat(output.unit, formats);
    const total = counts.reduce((sum, count) => sum + storedNumber(count), 0);
    const cdf = new Map((output.cdf ?? []).map((point) => [storedNumber(point.x), storedNumber(point.p)]));
    counts.forEach((count, index) => {
      const to = storedNumber(edges[index + 1]);
      writer.row([
        output.label,
        num(edges[index], format),
        num(to, format),
        storedNumber(count),
        num(total > 0 ? storedNumber(count) / total : 0, '0.0%'),
        cdf.has(to) ? num(cdf.get(to), '0.0%') : null,
      ]);
    });
  }
  writer.finish({ frozenColumns: 1 });
}
