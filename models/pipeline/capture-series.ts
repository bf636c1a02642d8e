import type { BusinessCase } from '../case/case-schema.ts';
import type { CompiledModel } from '../formula/compile-case.ts';
import { validateCase } from '../compile/validate-case.ts';
import type { RepresentativenessFactors } from '../evidence/representativeness-factors.ts';
import type { SimulationResult } from '../engine/assemble-result.ts';
import { CHUNK_SIZE, type SamplingMethod, type SimulationEnv } from '../engine/simulation-env.ts';
import { simulate } from '../engine/simulate.ts';
import { listObservableSeries, type ObservableSeriesInfo, seriesCaseDocument } from './observable-series.ts';

/**
 * Most trials whose monthly series are kept for scoring and conditioning: five whole
 * chunks. Chunks draw from their own streams (and Latin Hypercube strata are per chunk), so
 * the leading whole chunks of a larger run are the same bits as a run of just those chunks.
 */
export const MAX_SERIES_TRIALS = 5 * CHUNK_SIZE;

/** The stored forecast's per-trial monthly series, for a leading subset of its trials. */
export interface SeriesCapture {
  /** Trials kept: min(run trials, MAX_SERIES_TRIALS). */
  trials: number;
  /** Trials of the run they lead. */
  runTrials: number;
  months: number;
  series: ObservableSeriesInfo[];
  /** Series id → month-major Float32 values: values[(month − 1)·trials + i]. Absent for a series without forecast (or whose lines do not validate alone). */
  values: Map<string, Float32Array>;
  /** Per-trial NPV, undiscounted and discounted payback month (+∞: not within the horizon). */
  npv: Float64Array;
  paybackMonth: Float64Array;
  discountedPaybackMonth: Float64Array;
  /** Bytes the capture holds. */
  bytes: number;
}

/** Row-major cumulative rows × months → month-major monthly Float32 (differences), negated if asked. */
function monthlyFromCumulative(fan: Float64Array, rows: number, months: number, negate: boolean): Float32Array {
  const out = new Float32Array(rows * months);
  for (let i = 0; i < rows; i++) {
    let previous = 0;
    for (let m = 0; m < months; m++) {
      const cumulative = fan[i * months + m];
      // 0 − x, not −1 · x: a cost of 0 stays +0.
      out[m * rows + i] = negate ? 0 - (cumulative - previous) : cumulative - previous;
      previous = cumulative;
    }
  }
  return out;
}

/** Runs one simulation: `simulate` in this thread by default; the server passes one that yields to its event loop first. */
export type SimulateSeries = (model: CompiledModel, env: Partial<SimulationEnv>) => SimulationResult | Promise<SimulationResult>;

/**
 * Recomputes, from a run's settings, the monthly values of every observable series for the
 * run's leading trials (up to MAX_SERIES_TRIALS): same case, seed and sampling give the same
 * trials as the stored run, bit for bit. Each series with a forecast is simulated as a case
 * of its own lines with the same inputs (`seriesCaseDocument`), keeping the engine's hot loop
 * as it is; net cash flow, NPV and payback come from the case itself.
 *
 * @example
 * const capture = await captureSeries(bc, model, { trials: 10_000, seed: 1, sampling: 'lhs' });
 * capture.values.get('net') // Float32Array(36 × 10,000)
 */
export async function captureSeries(
  bc: BusinessCase,
  model: CompiledModel,
  settings: { trials: number; seed: number; sampling: SamplingMethod; representativenessFactors?: RepresentativenessFactors },
  run: SimulateSeries = simulate,
): Promise<SeriesCapture> {
  const trials = Math.min(settings.trials, MAX_SERIES_TRIALS);
  const months = bc.horizonMonths;
  const env = { trials, seed: settings.seed, sampling: settings.sampling, fanTrials: trials };
  const main = await run(model, env);
  const series = listObservableSeries(bc);
  const values = new Map<string, Float32Array>();
  for (const info of series) {
    if (!info.derived) continue;
    if (info.kind === 'net') {
      values.set(info.id, monthlyFromCumulative(main.fan.values, trials, months, false));
      continue;
    }
    // The series' own case weighs its inputs' evidence as the run did.
    const validated = validateCase(seriesCaseDocument(bc, info), { representativenessFactors: settings.representativenessFactors });
    // A series whose lines do not stand alone (none of the fixtures has one) stays without forecast: recorded, not scored.
    if (!validated.ok) continue;
    const result = await run(validated.model, env);
    values.set(info.id, monthlyFromCumulative(result.fan.values, trials, months, info.derived.negate));
  }
  const npv = main.outputs.npv;
  const paybackMonth = main.outputs.paybackMonth;
  const discountedPaybackMonth = main.outputs.discountedPaybackMonth;
  return {
    trials,
    runTrials: settings.trials,
    months,
    series,
    values,
    npv,
    paybackMonth,
    discountedPaybackMonth,
    bytes: values.size * trials * months * 4 + 3 * trials * 8,
  };
}
