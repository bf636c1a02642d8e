import type { InputDefinition } from '../../../models/case/case-schema.ts';
import { createDistribution } from '../../../models/distributions/create-distribution.ts';
import { updateInput } from '../../../models/evidence/update-input.ts';
import type { DistributionSpec } from '../../../models/distributions/spec.ts';
import { ASSUMPTION_HEADER, ASSUMPTIONS_MARK, LIST_PARAMETERS, NUMBER_PARAMETERS, UNIT_PARAMETERS, type AssumptionColumn } from './assumption-columns.ts';
import { factorsText } from '../../../models/evidence/representativeness-factors.ts';
import { describeDistribution } from './describe-distribution.ts';
import { excelNames } from './excel-names.ts';
import { decimalsNeeded, num, unitFormat, type NumberFormats } from './number-formats.ts';
import type { CaseWorkbookInput } from './workbook-input.ts';
import { SheetWriter, type StreamingWorkbook } from './sheet-writer.ts';

/**
 * The inputs in the workbook's order: sorted by name, since stored documents are jsonb,
 * which does not keep the authored key order.
 *
 * @example
 * sortedInputs(bc)[0][0] // the first input id
 */
export function sortedInputs(inputs: Record<string, InputDefinition>): [string, InputDefinition][] {
  return Object.entries(inputs).sort(([a], [b]) => a.localeCompare(b, 'en'));
}

/**
 * The column after the import layout: for an input with evidence, the median of its updated
 * distribution (at the run's representativeness factors), which the simulation samples
 * around and the Model computes from. The importer reads the layout's columns only.
 */
export const AFTER_EVIDENCE_COLUMN = 'Point value after evidence (the Model uses it)';

/**
 * The Assumptions sheet: one row per input with its label, unit, point value (the
 * median the exact point estimate uses, named with the input's id for the Model
 * sheet's formulas), distribution type and parameters in their own columns, the
 * distribution in words, its 5th and 95th percentiles, source and measurement cost.
 * A footer line under a blank row marks the sheet as valuegate's, for import.
 *
 * @example
 * assumptionsSheet(workbook, input, numberFormats('EUR'), 'en-GB');
 */
export function assumptionsSheet(workbook: StreamingWorkbook, input: CaseWorkbookInput, formats: NumberFormats, locale: string): void {
  const bc = input.case;
  const writer = new SheetWriter(workbook, 'Assumptions', { 2: 40, 22: 48, 25: 70 });
  const inputs = sortedInputs(bc.inputs);
  // Only a case with evidence gets the extra column: other workbooks keep the import layout exactly.
  const withEvidence = inputs.some(([, definition]) => definition.evidence);
  writer.header(withEvidence ? [...ASSUMPTION_HEADER, AFTER_EVIDENCE_COLUMN] : [...ASSUMPTION_HEADER]);
  const names = excelNames(inputs.map(([id]) => id));
  for (const [id, definition] of inputs) {
    const spec = definition.distribution;
    const distribution = createDistribution(spec);
    const inUnit = (value: number) => ({ value, numFmt: unitFormat(value, definition.unit, bc.currency, formats) });
    const median = distribution.inv(0.5);
    // An input with evidence: the Model's named point value is the updated median, as in the point estimate.
    const updated = updateInput(id, definition, input.run.representativenessFactors);
    const named = (value: number) => ({ ...inUnit(value), name: names.get(id) });
    const cells: Partial<Record<AssumptionColumn, unknown>> = {
      Name: id,
      Label: definition.label ?? null,
      Unit: definition.unit,
      'Point value (median)': updated ? inUnit(median) : named(median),
      Distribution: spec.type,
      ...parameterCells(spec, inUnit),
      'In words': describeDistribution(spec, locale),
      '5th percentile': inUnit(distribution.inv(0.05)),
      '95th percentile': inUnit(distribution.inv(0.95)),
      'Source / rationale': definition.source ?? null,
      'Measurement cost': definition.measurementCost === undefined ? null : num(definition.measurementCost, formats.money),
    };
    const after = updated ? named(createDistribution(updated.posterior).inv(0.5)) : null;
    writer.row([...ASSUMPTION_HEADER.map((title) => cells[title] ?? null), ...(withEvidence ? [after] : [])]);
  }
  writer.blank();
  writer.row([
    `${ASSUMPTIONS_MARK} of case ${input.caseId}, version ${input.run.caseVersion}. Edit labels, units, sources, distributions, ` +
      'parameters or point values (a point value moves the distribution so that its median is the new value), or add rows above this line ' +
      'in the same layout, then import the workbook as a new version. The point values are named after the inputs; the Model sheet computes from them. ' +
      (withEvidence
        ? `An input with evidence has a second point value, "${AFTER_EVIDENCE_COLUMN}": the median of the range the evidence updated it to, ` +
          `with the run's representativeness factors (${factorsText(input.run.representativenessFactors)}); that one carries the name.`
        : ''),
  ]);
  writer.finish({ frozenColumns: 1, pageSetup: { fitToPage: true, fitToWidth: 2, fitToHeight: 0, printTitlesColumn: 'A:A', printTitlesRow: '1:1' } });
}

/** The parameter cells of a distribution: numbers in their columns, discrete lists as "1; 2; 3", truncation bounds. */
function parameterCells(spec: DistributionSpec, inUnit: (value: number) => unknown): Partial<Record<AssumptionColumn, unknown>> {
  const cells: Partial<Record<AssumptionColumn, unknown>> = {};
  const record = spec as unknown as Record<string, unknown>;
  for (const key of NUMBER_PARAMETERS) {
    const value = record[key];
    if (typeof value !== 'number') continue;
    cells[key] = UNIT_PARAMETERS.has(key) ? inUnit(value) : { value, numFmt: decimalsNeeded(value) ? 'General' : '#,##0' };
  }
  for (const key of LIST_PARAMETERS) {
    const values = record[key];
    if (Array.isArray(values)) cells[key] = values.join('; ');
  }
  if (spec.truncate?.min !== undefined) cells['truncate min'] = inUnit(spec.truncate.min);
  if (spec.truncate?.max !== undefined) cells['truncate max'] = inUnit(spec.truncate.max);
  return cells;
}
