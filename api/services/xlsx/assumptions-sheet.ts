import type { InputDefinition } from '../../../models/case/case-schema.ts';
import { createDistribution } from '../../../models/distributions/create-distribution.ts';
import { describeDistribution } from './describe-distribution.ts';
import { inputFormat, num, type NumberFormats } from './number-formats.ts';
import type { CaseWorkbookInput } from './workbook-input.ts';
import { SheetWriter, type StreamingWorkbook } from './sheet-writer.ts';

/**
 * The Assumptions sheet: every input with its distribution in words, median, P5, P95,
 * source and measurement cost, sorted by name.
 *
 * @example
 * assumptionsSheet(workbook, input, numberFormats('EUR'), 'en-GB');
 */
export function assumptionsSheet(workbook: StreamingWorkbook, input: CaseWorkbookInput, formats: NumberFormats, locale: string): void {
  const bc = input.case;
  const writer = new SheetWriter(workbook, 'Assumptions', { 2: 40, 4: 48, 8: 70 });
  writer.header(['Name', 'Label', 'Unit', 'Distribution', 'Median', 'P5', 'P95', 'Source / rationale', 'Measurement cost']);
  // Stored documents are jsonb, which does not keep the authored key order: sort by name so every export reads the same.
  const inputs = (Object.entries(bc.inputs) as [string, InputDefinition][]).sort(([a], [b]) => a.localeCompare(b, 'en'));
  for (const [name, definition] of inputs) {
    const distribution = createDistribution(definition.distribution);
    const format = inputFormat(definition.unit, bc.currency, formats);
    writer.row([
      name,
      definition.label ?? name,
      definition.unit,
      describeDistribution(definition.distribution, locale),
      num(distribution.inv(0.5), format),
      num(distribution.inv(0.05), format),
      num(distribution.inv(0.95), format),
      definition.source,
      definition.measurementCost === undefined ? null : num(definition.measurementCost, formats.money),
    ]);
  }
  writer.finish({ frozenColumns: 1 });
}
