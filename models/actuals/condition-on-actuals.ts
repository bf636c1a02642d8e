import * as dm from '../math/deterministic-math.ts';
import { effectiveSampleSize } from './effective-sample-size.ts';
import { defaultObservationError, type ObservationError, observationErrorProblem } from './observation-error.ts';

/** A series the forecast stored per trial, for a subset of trials. */
export interface ObservableSeries {
  name: string;
  /** Months stored per trial. */
  months: number;
  /**
   * Month-major: values[(month − 1)·trials + i] is trial i's value in that month. Float32 halves
   * the memory (relative rounding 6e-8, far below any measurement error) and is read the same way.
   */
  values: Float64Array | Float32Array;
  /** How its actuals are measured; default `defaultObservationError`. */
  error?: ObservationError;
}

/** One actual: the measured value of a series in a month (1 = the model's first month). */
export interface Actual {
  series: string;
  month: number;
  value: number;
}

/** Input of `conditionOnActuals`. */
export interface ConditionOnActualsInput {
  /** Number of stored trials: every series holds months × trials values. */
  trials: number;
  series: readonly ObservableSeries[];
  actuals: readonly Actual[];
}

/** Result of `conditionOnActuals`. */
export interface Conditioning {
  /** Normalised importance weight of each stored trial (sum 1). */
  weights: Float64Array;
  /** Kish's effective sample size (Σw)²/Σw²: how many equally weighted trials the weights are worth. */
  effectiveSampleSize: number;
  /** Number of actuals conditioned on. */
  observations: number;
  /** The error model used for each series that has actuals (defaults resolved, so they can be stated). */
  errors: Record<string, ObservationError>;
}

/**
 * The forecast updated by actuals, as importance weights on its stored trials: trial i gets
 * wᵢ ∝ Πₖ p(yₖ | xᵢₖ), the likelihood of every actual yₖ given the trial's value xᵢₖ of that
 * series in that month under the series' observation-error model (`ObservationError`). The
 * product is summed in log space and shifted by its maximum before exponentiating, so it
 * neither underflows nor overflows. A trial the error model rules out (a value ≤ 0 or NaN
 * under lognormal error, NaN under normal) gets weight 0. Pass the actuals up to the month
 * to condition on; with none, all weights are 1/n.
 *
 * Throws a RangeError naming the field for an unknown series, a month outside the stored
 * months, a non-finite value, a lognormal series with an actual ≤ 0, two actuals for one series
 * and month, or when no stored trial is consistent with the actuals.
 *
 * @example
 * const c = conditionOnActuals({
 *   trials: 3,
 *   series: [{ name: 'volume', months: 1, values: new Float64Array([90, 100, 110]), error: { kind: 'normal', sd: 10 } }],
 *   actuals: [{ series: 'volume', month: 1, value: 100 }],
 * });
 * // c.weights ∝ [e^−½, 1, e^−½] ≈ [0.274, 0.452, 0.274]; c.effectiveSampleSize ≈ 2.80
 */
export function conditionOnActuals(input: ConditionOnActualsInput): Conditioning {
  const { trials } = input;
  if (!Number.isInteger(trials) || trials < 1) throw new RangeError(`trials must be a whole number of at least 1, got ${trials}`);
  const byName = seriesByName(input.series, trials);
  const grouped = groupActuals(input.actuals, byName);
  const logWeights = new Float64Array(trials);
  const errors: Record<string, ObservationError> = {};
  for (const [name, actuals] of grouped) {
    const series = byName.get(name)!;
    const error =
      series.error ??
      defaultObservationError(
        series.values,
        actuals.map((a) => a.value),
      );
    const problem = observationErrorProblem(error);
    if (problem) throw new RangeError(`series "${name}": ${problem}`);
    errors[name] = error;
    for (const actual of actuals) {
      const column = series.values.subarray((actual.month - 1) * trials, actual.month * trials);
      addLogLikelihood(logWeights, column, actual, error);
    }
  }
  const weights = normalise(logWeights);
  return { weights, effectiveSampleSize: effectiveSampleSize(weights), observations: input.actuals.length, errors };
}

function seriesByName(series: readonly ObservableSeries[], trials: number): Map<string, ObservableSeries> {
  const byName = new Map<string, ObservableSeries>();
  for (const s of series) {
    if (byName.has(s.name)) throw new RangeError(`series "${s.name}" is given twice`);
    if (!Number.isInteger(s.months) || s.months < 1 || s.values.length !== s.months * trials) {
      throw new RangeError(`series "${s.name}": expected ${s.months} months × ${trials} trials values, got ${s.values.length}`);
    }
    byName.set(s.name, s);
  }
  return byName;
}

function groupActuals(actuals: readonly Actual[], byName: Map<string, ObservableSeries>): Map<string, Actual[]> {
  const grouped = new Map<string, Actual[]>();
  const seen = new Set<string>();
  for (const a of actuals) {
    const series = byName.get(a.series);
    if (!series) throw new RangeError(`actual for series "${a.series}": the forecast stores no such series`);
    if (!Number.isInteger(a.month) || a.month < 1 || a.month > series.months) {
      throw new RangeError(`actual for series "${a.series}": month ${a.month} is outside the forecast's months 1–${series.months}`);
    }
    if (!Number.isFinite(a.value)) throw new RangeError(`actual for series "${a.series}", month ${a.month}: value must be a finite number`);
    const key = `${a.series}\u0000${a.month}`;
    if (seen.has(key)) throw new RangeError(`actual for series "${a.series}", month ${a.month}: given twice`);
    seen.add(key);
    const list = grouped.get(a.series);
    if (list) list.push(a);
    else grouped.set(a.series, [a]);
  }
  return grouped;
}

/** Adds log p(y | xᵢ) to logWeights[i] for every trial, dropping terms that are the same for all trials. */
function addLogLikelihood(logWeights: Float64Array, column: Float64Array | Float32Array, actual: Actual, error: ObservationError): void {
  const y = actual.value;
  const n = column.length;
  if (error.kind === 'normal') {
    const sd = error.sd;
    for (let i = 0; i < n; i++) {
      const z = (y - column[i]) / sd; // r/sd, not r²/sd²: no overflow to Infinity·0 for a tiny sd
      logWeights[i] -= z === z ? 0.5 * z * z : Number.POSITIVE_INFINITY;
    }
    return;
  }
  if (!(y > 0)) throw new RangeError(`actual for series "${actual.series}", month ${actual.month}: lognormal error needs a value above 0, got ${y}`);
  const s2 = dm.log1p(error.relativeSd * error.relativeSd);
  const centre = dm.log(y) + s2 / 2; // ln y − (ln x − s²/2) = centre − ln x
  const scale = 1 / (2 * s2);
  const ln = dm.log; // one lookup, not one per trial through the module namespace
  for (let i = 0; i < n; i++) {
    const x = column[i];
    if (x > 0) {
      const r = centre - ln(x);
      logWeights[i] -= r * r * scale;
    } else logWeights[i] = Number.NEGATIVE_INFINITY;
  }
}

/** exp(lᵢ − max l) / Σ exp(lⱼ − max l). */
function normalise(logWeights: Float64Array): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < logWeights.length; i++) if (logWeights[i] > max) max = logWeights[i];
  if (max === Number.NEGATIVE_INFINITY) throw new RangeError('no stored trial of the forecast is consistent with the actuals');
  const weights = new Float64Array(logWeights.length);
  let sum = 0;
  const exp = dm.exp;
  for (let i = 0; i < logWeights.length; i++) {
    const w = exp(logWeights[i] - max);
    weights[i] = w;
    sum += w;
  }
  for (let i = 0; i < weights.length; i++) weights[i] /= sum;
  return weights;
}
