import type { CompiledModel } from '../formula/compile-case.ts';
import { chunkBounds, type SimulationBuffers } from './simulation-buffers.ts';
import { chunkCount, type SimulationEnv } from './simulation-env.ts';

/** Everything a run produced, per trial and aggregated. */
export interface SimulationResult {
  env: SimulationEnv;
  engineVersion: string;
  /** Output id → per-trial column (line totals only when `keepLineTotals`). */
  outputs: Record<string, Float64Array>;
  /** Input name → sampled column, when `keepInputs` was set. */
  inputs: Record<string, Float64Array> | null;
  /** Mean undiscounted cost per category (rows, taxonomy order) and year (columns). */
  meanCostByCategoryYear: number[][];
  /** Mean undiscounted benefit per benefit line (rows, case order) and year (columns). */
  meanBenefitByLineYear: number[][];
  /** Standard error of the mean total cost per category (taxonomy order). */
  costTotalStandardErrors: number[];
  /** Standard error of the mean total benefit per line (case order). */
  benefitTotalStandardErrors: number[];
  /** Cumulative net cash flow of the leading trials: rows × months, row-major. */
  fan: { rows: number; months: number; values: Float64Array };
  /** Rank correlation achieved between the correlated inputs (chunk-size-weighted mean). */
  achievedCorrelation: { inputs: string[]; matrix: number[][] } | null;
}

/**
 * Combines per-chunk partial results, always in chunk order, so the totals are the
 * same bits however many threads ran the chunks.
 *
 * @example
 * const result = assembleResult(model, env, buffers);
 */
export function assembleResult(model: CompiledModel, env: SimulationEnv, buffers: SimulationBuffers): SimulationResult {
  const chunks = chunkCount(env.trials);
  const size = model.accumulators.size;
  const totals = new Float64Array(size);
  for (let chunk = 0; chunk < chunks; chunk++) {
    for (let j = 0; j < size; j++) totals[j] += buffers.chunkAccumulators[chunk * size + j];
  }
  const years = model.years;
  const rows = (offset: number, count: number): number[][] =>
    Array.from({ length: count }, (_, row) => Array.from({ length: years }, (_, year) => totals[offset + row * years + year] / env.trials));

  // From sums and sums of squares of per-trial totals; clamped at 0 against rounding in near-constant totals.
  const standardErrors = (squaresOffset: number, rowsOffset: number, count: number): number[] =>
    Array.from({ length: count }, (_, row) => {
      let sum = 0;
      for (let year = 0; year < years; year++) sum += totals[rowsOffset + row * years + year];
      const n = env.trials;
      if (n < 2) return NaN;
      const variance = Math.max(0, (totals[squaresOffset + row] - (sum * sum) / n) / (n - 1));
      return Math.sqrt(variance / n);
    });

  let achievedCorrelation: SimulationResult['achievedCorrelation'] = null;
  if (model.correlation) {
    const k = model.correlation.inputIndices.length;
    const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (let chunk = 0; chunk < chunks; chunk++) {
      const weight = chunkBounds(chunk, env.trials).size / env.trials;
      for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) matrix[a][b] += weight * buffers.chunkCorrelations[chunk * k * k + a * k + b];
    }
    achievedCorrelation = { inputs: model.correlation.inputIndices.map((index) => model.inputs[index].name), matrix };
  }

  return {
    env,
    engineVersion: model.engineVersion,
    outputs: Object.fromEntries(model.outputs.flatMap((output, index) => (buffers.outputs[index] ? [[output.id, buffers.outputs[index]]] : []))),
    inputs: buffers.inputs && Object.fromEntries(model.inputs.map((input, index) => [input.name, buffers.inputs![index]])),
    meanCostByCategoryYear: rows(model.accumulators.costByCategoryYear, (model.accumulators.benefitByLineYear - model.accumulators.costByCategoryYear) / years),
    meanBenefitByLineYear: rows(model.accumulators.benefitByLineYear, model.accumulators.benefitIds.length),
    costTotalStandardErrors: standardErrors(
      model.accumulators.costTotalSquares,
      model.accumulators.costByCategoryYear,
      (model.accumulators.benefitByLineYear - model.accumulators.costByCategoryYear) / years,
    ),
    benefitTotalStandardErrors: standardErrors(
      model.accumulators.benefitTotalSquares,
      model.accumulators.benefitByLineYear,
      model.accumulators.benefitIds.length,
    ),
    fan: { rows: buffers.fanRows, months: model.horizonMonths, values: buffers.fan },
    achievedCorrelation,
  };
}
