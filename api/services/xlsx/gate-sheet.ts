import { storedNumber } from './cell-values.ts';
import { num, type NumberFormats } from './number-formats.ts';
import type { CaseWorkbookInput } from './workbook-input.ts';
import { runHeading } from './run-heading.ts';
import { SheetWriter, type StreamingWorkbook } from './sheet-writer.ts';

const CRITERION_FORMATS: Record<string, keyof NumberFormats> = {
  scaleProbabilityPositive: 'percent',
  stopProbabilityPositive: 'percent',
  medianDiscountedPayback: 'months',
  evpiWithinStake: 'money',
};

function criterionFormat(id: string, formats: NumberFormats): string {
  if (id.startsWith('readiness.')) return '0%';
  return formats[CRITERION_FORMATS[id] ?? 'count'];
}

function monthsText(value: unknown): string {
  const months = storedNumber(value);
  return Number.isFinite(months) ? `${Math.round(months * 10) / 10} months` : 'beyond the horizon';
}

/**
 * The Gate sheet: recommendation, criteria, readiness, value measurement, missing cost
 * categories, what to measure next and redesign levers.
 *
 * @example
 * gateSheet(workbook, input, numberFormats('EUR'));
 */
export function gateSheet(workbook: StreamingWorkbook, input: CaseWorkbookInput, formats: NumberFormats): void {
  const gate = input.gate.result;
  const writer = new SheetWriter(workbook, 'Gate', { 2: 60, 7: 90 });
  writer.heading(runHeading(input.run));
  writer.header(['Section', 'Item', 'Figure', 'Compared with', 'S.E.', 'Status', 'Note']);
  writer.row(['Recommendation', gate.recommendation, null, null, null, null, gate.headline], { bold: true });
  writer.row(['Evaluated on', gate.evaluatedOn, null, null, null, null, input.gate.source]);
  for (const criterion of gate.criteria) {
    const format = criterionFormat(criterion.id, formats);
    const notes = [criterion.note, criterion.interval ? `95% interval of the median: ${criterion.interval.map(monthsText).join(' to ')}` : null].filter(
      Boolean,
    );
    writer.row([
      `Criterion (${criterion.group})`,
      criterion.label,
      num(criterion.figure, format),
      num(criterion.threshold, format),
      criterion.standardError === null ? null : num(criterion.standardError, format),
      `${criterion.met ? 'met' : 'not met'}${criterion.tooClose ? '; too close to call' : ''}`,
      notes.join('; ') || null,
    ]);
  }
  for (const readiness of gate.readiness) {
    const open = readiness.items.filter((item) => item.status !== 'met').map((item) => `${item.item} (${item.status})`);
    writer.row([
      'Readiness gate',
      readiness.label,
      readiness.total === 0 ? null : num(readiness.met / readiness.total, '0%'),
      null,
      null,
      readiness.status,
      readiness.total === 0 ? 'no checklist items' : `${readiness.met} of ${readiness.total} items met${open.length ? `; open: ${open.join('; ')}` : ''}`,
    ]);
  }
  for (const check of gate.valueMeasurement) writer.row(['Value measurement', check.label, null, null, null, check.passed, check.detail]);
  for (const flag of gate.missingCostCategories) writer.row(['Missing cost category', flag.label, null, null, null, 'missing', flag.note]);
  for (const answer of gate.answeredNoCost ?? []) writer.row(['Cost category answered "none"', answer.label, null, null, null, 'none', answer.reason]);
  if (gate.missingCostCategories.length === 0) writer.row(['Missing cost category', 'none: every taxonomy category has a cost or a reason for none']);
  for (const entry of gate.measureNext) {
    writer.row([
      'Measure next (EVPPI vs cost)',
      entry.label,
      num(entry.evppi, formats.money),
      entry.measurementCost === null ? null : num(entry.measurementCost, formats.money),
      num(entry.standardError, formats.money),
      entry.withinNoise ? 'within Monte Carlo noise' : 'worth measuring',
      entry.sentence,
    ]);
  }
  if (gate.measureNext.length === 0) writer.row(['Measure next (EVPPI vs cost)', 'nothing: no measurement is worth its cost before deciding']);
  for (const lever of gate.levers)
    writer.row(['Redesign lever (swing)', lever.label, num(lever.swing, formats.money), null, null, `favourable end: ${lever.favourableEnd}`, lever.sentence]);
  writer.finish({ frozenColumns: 1 });
}
