import type { PrecisionReport } from './precision-target.ts';
import { COST_CATEGORIES, COST_CATEGORY_LABELS, type CostCategory } from '../case/cost-categories.ts';
import type { CompiledModel } from '../formula/compile-case.ts';
import { quantiles } from '../stats/quantiles.ts';
import type { SimulationResult } from './assemble-result.ts';
import { summarizeOutput, type OutputSummary } from './summarize-output.ts';

/** Outputs whose histogram and CDF are reported; the rest get moments and percentiles. */
const FULL_DISTRIBUTION = new Set(['npv', 'roi', 'paybackMonth', 'discountedPaybackMonth', 'irrAnnual', 'pilotRoi']);

/** A summary with its output's identity. */
export interface LabelledSummary extends OutputSummary {
  id: string;
  label: string;
  unit: string;
}

/** The pilot's ROI set beside the full-cost production ROI. */
export interface PilotVsProduction {
  pilotDurationMonths: number;
  pilotRoi: LabelledSummary;
  productionRoi: LabelledSummary;
  reportedPilotRoi: number | null;
  /** Median pilot ROI ÷ median production ROI; null when production ROI is not positive. */
  overstatementFactor: number | null;
  explanation: string;
  /** Production cost categories the pilot never paid for. */
  categoriesNeverPaid: { category: CostCategory; label: string; meanTotal: number }[];
}

/** Everything a report of one run shows. */
export interface RunSummary {
  trials: number;
  seed: number;
  sampling: string;
  engineVersion: string;
  horizonMonths: number;
  discountRateAnnual: number;
  outputs: Record<string, LabelledSummary>;
  costByCategory: { category: CostCategory; label: string; meanTotal: number; standardError: number; meanByYear: number[]; share: number; hasLines: boolean }[];
  benefitByLine: { id: string; label: string; meanTotal: number; standardError: number; meanByYear: number[] }[];
  /** Taxonomy categories with no cost line: likely hidden costs. */
  missingCostCategories: { category: CostCategory; label: string }[];
  /** Cumulative net cash flow percentiles per month (months 1..H). */
  cashFlowFan: { basedOnTrials: number; p10: number[]; p50: number[]; p90: number[] };
  pilotVsProduction: PilotVsProduction | null;
  achievedCorrelation: SimulationResult['achievedCorrelation'];
  /** Set when precision control chose the run's size (`simulate --precision`, the API's `precision`). */
  precision?: PrecisionReport;
}

/**
 * Summarises a run for reports, the CLI and the API.
 *
 * Output summaries already computed elsewhere (e.g. in parallel on worker threads,
 * see `summarizedOutputs`) may be passed in `precomputed`, and the fan's percentiles
 * (`cashFlowFan`) in `precomputedFan`.
 *
 * @example
 * const summary = summarizeRun(model, simulate(model, { trials: 10_000 }));
 * summary.outputs.npv.probabilityPositive.value
 */
export function summarizeRun(
  model: CompiledModel,
  result: SimulationResult,
  precomputed: Record<string, OutputSummary> = {},
  precomputedFan?: RunSummary['cashFlowFan'],
): RunSummary {
  const outputs: Record<string, LabelledSummary> = {};
  for (const { id, distribution } of summarizedOutputs(model)) {
    const descriptor = model.outputs.find((output) => output.id === id)!;
    const summary = precomputed[id] ?? summarizeOutput(result.outputs[id], { distribution });
    outputs[id] = { id, label: descriptor.label, unit: descriptor.unit, ...summary };
  }
  const totalCost = outputs.totalCosts.mean;
  const costByCategory = COST_CATEGORIES.map((category, index) => {
    const meanByYear = result.meanCostByCategoryYear[index];
    const meanTotal = meanByYear.reduce((a, b) => a + b, 0);
    return {
      category,
      label: COST_CATEGORY_LABELS[category],
      meanTotal,
      standardError: result.costTotalStandardErrors[index],
      meanByYear,
      share: totalCost > 0 ? meanTotal / totalCost : 0,
      hasLines: model.costCategoriesWithLines.includes(category),
    };
  });
  const benefitByLine = model.accumulators.benefitIds.map((id, index) => {
    const meanByYear = result.meanBenefitByLineYear[index];
    const descriptor = model.outputs.find((output) => output.id === `benefit.${id}`)!;
    return {
      id,
      label: descriptor.label,
      meanTotal: meanByYear.reduce((a, b) => a + b, 0),
      standardError: result.benefitTotalStandardErrors[index],
      meanByYear,
    };
  });
  return {
    trials: result.env.trials,
    seed: result.env.seed,
    sampling: result.env.sampling,
    engineVersion: result.engineVersion,
    horizonMonths: model.horizonMonths,
    discountRateAnnual: model.discountRateAnnual,
    outputs,
    costByCategory,
    benefitByLine,
    missingCostCategories: costByCategory.filter((row) => !row.hasLines || row.meanTotal === 0).map((row) => ({ category: row.category, label: row.label })),
    cashFlowFan: precomputedFan ?? cashFlowFan(result.fan),
    pilotVsProduction: model.pilot ? pilotVsProduction(model, outputs, costByCategory) : null,
    achievedCorrelation: result.achievedCorrelation,
  };
}

/**
 * The outputs a run summary reports per trial distribution, and whether each gets a
 * histogram and CDF. Category and line totals are reported as means from the run's
 * accumulators; their per-trial columns stay available to `summarizeOutput` on demand.
 *
 * @example
 * summarizedOutputs(model).map((output) => output.id) // ['npv', 'roi', ...]
 */
export function summarizedOutputs(model: CompiledModel): { id: string; distribution: boolean }[] {
  return model.outputs
    .filter((descriptor) => descriptor.group !== 'cost' && descriptor.group !== 'benefit')
    .map((descriptor) => ({ id: descriptor.id, distribution: FULL_DISTRIBUTION.has(descriptor.id) || descriptor.group === 'metric' }));
}

/**
 * P10, P50 and P90 of the cumulative net cash flow in each month, over the fan's rows
 * (the leading trials' running totals, row-major).
 *
 * @example
 * cashFlowFan(result.fan).p50[11] // median cumulative net cash flow after month 12
 */
export function cashFlowFan(fan: SimulationResult['fan']): RunSummary['cashFlowFan'] {
  const { rows, months, values } = fan;
  // Month-major copy, written row by row: reading the rows in order keeps the writes to
  // each month's column on one cache line at a time (a column-by-column gather missed
  // the cache on every value, 9 ms for 10,000 rows of 48 months).
  const byMonth = new Float64Array(rows * months);
  for (let r = 0, at = 0; r < rows; r++) for (let m = 0; m < months; m++, at++) byMonth[m * rows + r] = values[at];
  const p10: number[] = [];
  const p50: number[] = [];
  const p90: number[] = [];
  for (let m = 0; m < months; m++) {
    const column = byMonth.subarray(m * rows, (m + 1) * rows);
    const [a, b, c] = rows > 0 ? quantiles(column, [0.1, 0.5, 0.9]) : [NaN, NaN, NaN];
    p10.push(a);
    p50.push(b);
    p90.push(c);
  }
  return { basedOnTrials: rows, p10, p50, p90 };
}

function pilotVsProduction(model: CompiledModel, outputs: Record<string, LabelledSummary>, costByCategory: RunSummary['costByCategory']): PilotVsProduction {
  const pilotRoi = outputs.pilotRoi;
  const productionRoi = outputs.roi;
  const pilotMedian = pilotRoi.percentiles.p50;
  const productionMedian = productionRoi.percentiles.p50;
  let overstatementFactor: number | null = null;
  let explanation: string;
  if (productionMedian > 0 && pilotMedian > 0) {
    overstatementFactor = pilotMedian / productionMedian;
    explanation =
      overstatementFactor >= 1
        ? `the pilot overstates: pilot ROI is ×${overstatementFactor.toFixed(1)} the full-cost production ROI (medians)`
        : `the pilot understates: full-cost production ROI is ×${(1 / overstatementFactor).toFixed(1)} the pilot ROI (medians), as production runs longer at scale`;
  } else if (productionMedian <= 0 && pilotMedian > 0) {
    explanation = `the pilot shows a positive ROI (median ${(pilotMedian * 100).toFixed(0)}%) but full-cost production ROI is negative (median ${(productionMedian * 100).toFixed(0)}%)`;
  } else {
    explanation = `pilot ROI median ${(pilotMedian * 100).toFixed(0)}%, production ROI median ${(productionMedian * 100).toFixed(0)}%`;
  }
  const paid = new Set(model.pilot!.categoriesPaid);
  return {
    pilotDurationMonths: model.pilot!.durationMonths,
    pilotRoi,
    productionRoi,
    reportedPilotRoi: model.pilot!.reportedRoi,
    overstatementFactor,
    explanation,
    categoriesNeverPaid: costByCategory
      .filter((row) => row.meanTotal > 0 && !paid.has(row.category))
      .map((row) => ({ category: row.category, label: row.label, meanTotal: row.meanTotal })),
  };
}
