import { conditionOnActuals, type ObservableSeries } from '../actuals/condition-on-actuals.ts';
import type { ObservationError } from '../actuals/observation-error.ts';
import { ascendingOrder } from '../actuals/weighted-quantiles.ts';
import { tornadoAnalysis } from '../analysis/tornado-analysis.ts';
import { measurementCosts, valueOfInformation } from '../analysis/value-of-information.ts';
import type { RepresentativenessFactors } from '../evidence/representativeness-factors.ts';
import type { BusinessCase } from '../case/case-schema.ts';
import type { ActualInfluence } from '../contract/resources.ts';
import type { SimulationResult } from '../engine/assemble-result.ts';
import { simulate } from '../engine/simulate.ts';
import type { SamplingMethod } from '../engine/simulation-env.ts';
import { summarizeRun } from '../engine/summarize-run.ts';
import { evaluateGate, type GateResult } from '../gate/evaluate-gate.ts';
import type { RiskTier } from '../governance/risk-tiers.ts';
import type { CompiledModel } from '../formula/compile-case.ts';
import type { SeriesCapture } from './capture-series.ts';
import { conditioningSeries, npvFigures, type PlacedActual } from './updated-forecast.ts';

/**
 * Systematic resampling: n trial indices drawn in proportion to the weights, with the fixed
 * offset ½ (no random numbers), so the same weights always give the same equally weighted sample.
 *
 * @example
 * resampleIndices(new Float64Array([0.5, 0, 0.5])) // Uint32Array [0, 0, 2]
 */
export function resampleIndices(weights: Float64Array): Uint32Array {
  const n = weights.length;
  const out = new Uint32Array(n);
  let cumulative = weights[0];
  let j = 0;
  for (let i = 0; i < n; i++) {
    const u = (i + 0.5) / n;
    while (u > cumulative && j < n - 1) cumulative += weights[++j];
    out[i] = j;
  }
  return out;
}

/** The run with every per-trial column (and fan row) taken at the given trial indices. */
function resampledResult(result: SimulationResult, indices: Uint32Array): SimulationResult {
  const take = (column: Float64Array): Float64Array => Float64Array.from(indices, (i) => column[i]);
  const { rows, months, values } = result.fan;
  const fan = new Float64Array(rows * months);
  for (let r = 0; r < rows; r++) fan.set(values.subarray(indices[r] * months, indices[r] * months + months), r * months);
  return {
    ...result,
    outputs: Object.fromEntries(Object.entries(result.outputs).map(([id, column]) => [id, take(column)])),
    inputs: result.inputs && Object.fromEntries(Object.entries(result.inputs).map(([id, column]) => [id, take(column)])),
    fan: { rows, months, values: fan },
  };
}

function gateOf(
  bc: BusinessCase,
  model: CompiledModel,
  sample: SimulationResult,
  today: string,
  factors?: RepresentativenessFactors,
  tiers?: readonly RiskTier[],
): GateResult {
  return evaluateGate({
    representativenessFactors: factors,
    tiers,
    case: bc,
    summary: summarizeRun(model, sample),
    discountedPayback: sample.outputs.discountedPaybackMonth,
    voi: valueOfInformation(model, measurementCosts(bc), sample),
    tornado: tornadoAnalysis(model),
    today,
  });
}

/** How far each actual alone moves P(NPV > 0) and the median NPV, strongest first. */
export function actualInfluences(capture: SeriesCapture, actuals: readonly PlacedActual[], errors: Record<string, ObservationError>): ActualInfluence[] {
  const n = capture.trials;
  const order = ascendingOrder(capture.npv);
  const original = npvFigures(capture.npv, new Float64Array(n).fill(1 / n), order);
  const series: ObservableSeries[] = conditioningSeries(capture, errors);
  const influences = actuals.flatMap((actual) => {
    try {
      const { weights } = conditionOnActuals({ trials: n, series, actuals: [actual] });
      const figures = npvFigures(capture.npv, weights, order);
      return [
        {
          series: actual.series,
          month: actual.label,
          value: actual.value,
          shiftInProbabilityPositive: figures.pPositive - original.pPositive,
          shiftInMedianNpv: figures.p50 - original.p50,
        },
      ];
    } catch {
      return [];
    }
  });
  return influences.sort(
    (a, b) => Math.abs(b.shiftInProbabilityPositive) - Math.abs(a.shiftInProbabilityPositive) || Math.abs(b.shiftInMedianNpv) - Math.abs(a.shiftInMedianNpv),
  );
}

/** The gate before and after the actuals. */
export interface RegateResult {
  original: GateResult;
  updated: GateResult;
  changed: boolean;
}

/**
 * Re-runs the gate on the forecast updated by actuals: the run's leading trials (as
 * `captureSeries` keeps them) are resampled in proportion to their weights (systematic
 * resampling, no random numbers) and the gate is evaluated on that equally weighted sample,
 * beside the gate on the same trials unweighted, on the organisation's risk `tiers` (the defaults
 * when left out).
 *
 * @example
 * regateOnActuals(bc, model, settings, weights, '2027-06-30').updated.recommendation
 */
export function regateOnActuals(
  bc: BusinessCase,
  model: CompiledModel,
  settings: { trials: number; seed: number; sampling: SamplingMethod; representativenessFactors?: RepresentativenessFactors },
  weights: Float64Array,
  today: string,
  tiers?: readonly RiskTier[],
): RegateResult {
  const sample = simulate(model, { trials: weights.length, seed: settings.seed, sampling: settings.sampling, keepInputs: true, fanTrials: weights.length });
  const factors = settings.representativenessFactors;
  const original = gateOf(bc, model, sample, today, factors, tiers);
  const updated = gateOf(bc, model, resampledResult(sample, resampleIndices(weights)), today, factors, tiers);
  return { original, updated, changed: original.recommendation !== updated.recommendation };
}
