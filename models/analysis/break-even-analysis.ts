import { withDefaults } from '../engine/with-defaults.ts';
import type { CompiledModel } from '../formula/compile-case.ts';
import { findBreakEven } from '../sensitivity/find-break-even.ts';
import { simulate } from '../engine/simulate.ts';
import { isConstantDistribution } from './is-constant.ts';
import { modelEvaluator } from './model-evaluator.ts';
import { memoBySubject, runWhole, type PartedAnalysis } from './analysis-parts.ts';

/** Break-even settings. */
export interface BreakEvenSettings {
  /** Trials used to estimate mean NPV at each candidate value (common random numbers). */
  trials: number;
  seed: number;
  /**
   * The input's range searched: its [p, 1 − p] percentiles (bounded inputs: their support).
   * When those are equal for an input that is not constant (a rare chance event), its support.
   */
  rangeTail: number;
}

const DEFAULTS = { trials: 1000, seed: 1, rangeTail: 0.001 } satisfies BreakEvenSettings;

export interface BreakEvenRow {
  input: string;
  label: string;
  unit: string;
  /** The value at which mean NPV crosses zero, or null. */
  value: number | null;
  /** Percentile of that value in the input's distribution. */
  percentile: number | null;
  reason?: string;
  rangeLow: number;
  rangeHigh: number;
}

/** What a break-even search is asked: the model and the settings. */
export interface BreakEvenSubject {
  model: CompiledModel;
  settings: Partial<BreakEvenSettings>;
}

/** Model evaluations a search takes, for pricing: the grid's 9 points and about 50 bisection steps, each over every trial. */
const EVALUATIONS_PER_SEARCH = 60;

const setupOf = memoBySubject((subject: BreakEvenSubject) => {
  const { model } = subject;
  const options = withDefaults<typeof DEFAULTS>(DEFAULTS, subject.settings);
  // The other inputs' draws, shared by every candidate value and every input (common random numbers).
  const sample = simulate(model, { trials: options.trials, seed: options.seed, keepInputs: true, fanTrials: 0 });
  const evaluator = modelEvaluator(model, { computeIrr: false });
  const columns = model.inputs.map((input) => sample.inputs![input.name]);
  return { options, evaluator, columns, npvIndex: model.outputs.findIndex((output) => output.id === 'npv') };
});

/**
 * Break-even in parts: one unit per input (a search over every trial); a part is its
 * inputs' rows, in input order, and the combine puts the parts' rows together.
 */
export const breakEvenParts: PartedAnalysis<BreakEvenSubject, BreakEvenRow[]> = {
  units(subject) {
    const { options } = setupOf(subject);
    return subject.model.inputs.map(() => options.trials * EVALUATIONS_PER_SEARCH);
  },
  part(subject, range) {
    const rows: BreakEvenRow[] = [];
    for (let index = range.first; index < range.last; index++) {
      const row = searchInput(subject.model, setupOf(subject), index);
      if (row) rows.push(row);
    }
    return { meta: rows };
  },
  combine: (_subject, parts) => parts.flatMap((part) => part.meta as BreakEvenRow[]),
};

/**
 * For each input, the value at which mean NPV crosses zero when that input is fixed
 * at the value and every other input keeps its distribution (sampled once and reused
 * for every candidate: common random numbers), or "no crossing within range".
 *
 * @example
 * breakEvenAnalysis(model).find((row) => row.input === 'realization')?.value
 */
export function breakEvenAnalysis(model: CompiledModel, settings: Partial<BreakEvenSettings> = {}): BreakEvenRow[] {
  return runWhole(breakEvenParts, { model, settings });
}

/** One input's row, or null when it is constant or its range is empty or unbounded. */
function searchInput(model: CompiledModel, setup: ReturnType<typeof setupOf>, index: number): BreakEvenRow | null {
  const { options, evaluator, columns, npvIndex } = setup;
  const input = model.inputs[index];
  const distribution = evaluator.runnable.distributions[index];
  if (isConstantDistribution(distribution)) return null;
  const tailsEqual = !(distribution.inv(1 - options.rangeTail) > distribution.inv(options.rangeTail));
  // A rare event's tail percentiles coincide; its support (finite for every point-mass distribution) is the range.
  const low = distribution.inv(tailsEqual ? 0 : options.rangeTail);
  const high = distribution.inv(tailsEqual ? 1 : 1 - options.rangeTail);
  const label = input.label ?? input.name;
  if (!(Number.isFinite(low) && Number.isFinite(high) && high > low)) return null;
  const n = options.trials;
  const fixed = new Float64Array(n);
  const trialColumns = columns.slice();
  trialColumns[index] = fixed;
  const meanNpv = (x: number): number => {
    fixed.fill(x);
    const npv = evaluator.evaluate(trialColumns, n, npvIndex);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += npv[i];
    return sum / n;
  };
  const found = findBreakEven(meanNpv, low, high, { gridIntervals: 8, near: distribution.inv(0.5) });
  if (found.value === null) {
    return { input: input.name, label, unit: input.unit, value: null, percentile: null, reason: found.reason, rangeLow: low, rangeHigh: high };
  }
  return { input: input.name, label, unit: input.unit, value: found.value, percentile: distribution.cdf(found.value), rangeLow: low, rangeHigh: high };
}
