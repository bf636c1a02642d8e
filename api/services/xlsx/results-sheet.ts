import type { RunSummary } from '../../../models/engine/summarize-run.ts';
import { factorsText } from '../../../models/evidence/representativeness-factors.ts';
import { storedNumber } from './cell-values.ts';
import { num, outputFormat, type NumberFormats } from './number-formats.ts';
import type { CaseWorkbookInput } from './workbook-input.ts';
import { runHeading } from './run-heading.ts';
import { SheetWriter, type StreamingWorkbook } from './sheet-writer.ts';

/** Core results first, in report order; then the pilot outputs and the case's own metrics. */
const RESULT_ORDER = ['npv', 'roi', 'pvBenefits', 'pvCosts', 'totalBenefits', 'totalCosts', 'paybackMonth', 'discountedPaybackMonth', 'irrAnnual', 'pilotRoi'];
const POINT_ESTIMATE_FIELDS: Record<
  string,
  'npv' | 'roi' | 'pvBenefits' | 'pvCosts' | 'totalBenefits' | 'totalCosts' | 'paybackMonth' | 'discountedPaybackMonth' | 'irrAnnual' | 'pilotRoi'
> = {
  npv: 'npv',
  roi: 'roi',
  pvBenefits: 'pvBenefits',
  pvCosts: 'pvCosts',
  totalBenefits: 'totalBenefits',
  totalCosts: 'totalCosts',
  paybackMonth: 'paybackMonth',
  discountedPaybackMonth: 'discountedPaybackMonth',
  irrAnnual: 'irrAnnual',
  pilotRoi: 'pilotRoi',
};

/**
 * The Results sheet: every summarised output with its percentiles and point estimate,
 * then the settings that reproduce the run.
 *
 * @example
 * resultsSheet(workbook, input, numberFormats('EUR'));
 */
export function resultsSheet(workbook: StreamingWorkbook, input: CaseWorkbookInput, formats: NumberFormats): void {
  const { run, case: bc } = input;
  const summary = run.summary!;
  const point = run.pointEstimate;
  const writer = new SheetWriter(workbook, 'Results', { 1: 40, 2: 20, 14: 70 });
  writer.heading(runHeading(input.run));
  writer.header([
    'Output',
    'Unit',
    'Mean',
    'S.E. of mean',
    'P5',
    'P10',
    'P50',
    'P90',
    'P95',
    'P(> 0)',
    'Point estimate',
    'Point estimate (exact decimal)',
    'Trials without a value',
    'Note',
  ]);
  const ids = [...RESULT_ORDER.filter((id) => summary.outputs[id]), ...Object.keys(summary.outputs).filter((id) => !RESULT_ORDER.includes(id))];
  for (const id of ids) {
    const output = summary.outputs[id];
    const format = outputFormat(output.unit, formats);
    const field = POINT_ESTIMATE_FIELDS[id];
    const exact = point && field ? point[field] : null;
    const showsSign = output.unit === 'currency' || output.unit === 'ratio';
    const beyond = storedNumber(output.positiveInfiniteCount);
    const undefinedCount = storedNumber(output.undefinedCount);
    const notes: string[] = [];
    if (beyond > 0) notes.push(`${beyond} trials never reach it within the horizon (∞)`);
    if (undefinedCount > 0) notes.push(`${undefinedCount} trials have no defined value`);
    if (id === 'npv' && point) notes.push('point estimate: every input at its median, in exact decimal arithmetic');
    writer.row([
      output.label,
      output.unit === 'currency' ? bc.currency : output.unit,
      num(output.mean, format),
      num(output.standardError, format),
      num(output.percentiles.p5, format),
      num(output.percentiles.p10, format),
      num(output.percentiles.p50, format),
      num(output.percentiles.p90, format),
      num(output.percentiles.p95, format),
      showsSign ? num(output.probabilityPositive.value, formats.percent) : null,
      exact === null || exact === undefined ? null : num(typeof exact === 'number' ? exact : Number(exact), outputFormat(output.unit, formats, true)),
      exact === null || exact === undefined ? null : String(exact),
      beyond + undefinedCount,
      notes.join('; ') || null,
    ]);
  }
  writer.blank();
  writer.row(['Run settings (reproduce the run with these)', 'Value'], { bold: true });
  const settings = runSettingRows(input, summary);
  for (const [name, value] of settings) writer.row([name, value]);
  writer.finish({ frozenColumns: 1 });
}

/** The settings that reproduce the run, one row each. */
function runSettingRows(input: CaseWorkbookInput, summary: RunSummary): [string, unknown][] {
  const { run, case: bc } = input;
  return [
    ['Case', bc.name],
    ['Case id', input.caseId],
    ['Case version', run.caseVersion],
    ['Case hash (SHA-256 of the canonical document)', run.caseHash],
    [
      'Current case version',
      input.currentVersion === run.caseVersion
        ? `${input.currentVersion} (the run is on the current version)`
        : `${input.currentVersion} (the run is on an older version)`,
    ],
    ['Run id', run.id],
    ['Trials', run.trials],
    // Seeds go up to 2^53 − 1; text keeps every digit where Excel would round past 15.
    ['Seed', String(run.seed)],
    ['Sampling', run.sampling === 'lhs' ? 'lhs (Latin hypercube)' : 'mc (plain Monte Carlo)'],
    ['Representativeness factors (evidence counts as factor × n)', factorsText(run.representativenessFactors)],
    ['Engine version', run.engineVersion],
    ['Horizon (months)', summary.horizonMonths],
    ['Discount rate (annual)', { value: summary.discountRateAnnual, numFmt: '0.00%' }],
    ['Currency', bc.currency],
    ['Run finished', run.finishedAt],
    ['Exported', input.exportedAt.toISOString()],
    [
      'Reproduce',
      `POST /api/cases/${input.caseId}/runs with {"version": ${run.caseVersion}, "trials": ${run.trials}, "seed": ${run.seed}, "sampling": "${run.sampling}"} on engine ${run.engineVersion}, ` +
        `with the portfolio's representativeness factors at ${factorsText(run.representativenessFactors)}`,
    ],
  ];
}
