import { normalInv } from '../math/normal-inv.ts';
import * as dm from '../math/deterministic-math.ts';
import { evppi, type EvppiInput, type EvppiOptions } from './evppi.ts';

/**
 * How one planned observation relates to the input θ: `normal` (each observation is
 * θ + error with sd `sd`), `lognormal` (ln of each observation is ln θ + error with sd
 * `logSd`) or `binomial` (each observation is a success with probability θ ∈ [0, 1]).
 */
export type SampleModel = { kind: 'normal'; sd: number } | { kind: 'lognormal'; logSd: number } | { kind: 'binomial' };

/** EVSI of one planned sample size. */
export interface EvsiEstimate {
  /** Planned observations. */
  n: number;
  /** Cross-fitted estimate (as EVPPI's `biasCorrected`), at most the EVPPI of the same trials. */
  evsi: number;
  /** Delta-method standard error, as EVPPI's. */
  standardError: number;
  /** The estimate before the cap at EVPPI (EVSI ≤ EVPPI holds exactly; a larger estimate is noise). */
  uncapped: number;
}

/** Result of `evsi`. */
export interface Evsi {
  /** EVPPI of the input on the same trials (cross-fitted): the limit of EVSI as n grows. */
  evppi: EvppiInput;
  sizes: EvsiEstimate[];
}

/**
 * Expected value of sample information of a planned measurement of n observations of
 * one input, for the go/no-go decision, by preposterior analysis on the existing sample
 * (the regression method of Strong, Oakley, Brennan & Breeze 2015, with EVPPI's binning
 * as the regression). For each trial t, the summary statistic the planned sample would
 * give is drawn from the input's value θ_t: x̄_t = θ_t + (sd/√n)·z_t (normal), the mean
 * log ln θ_t + (logSd/√n)·z_t (lognormal), or k_t ~ Binomial(n, θ_t) (binomial,
 * by inversion, the normal approximation above n = 1000). Then
 *   EVSI ≈ Σ_b (n_b/T)·max(mean_b NPV, 0) − max(mean NPV, 0)
 * over bins of trials ordered by that statistic, since E[NPV | data] = E[NPV | statistic]
 * for a sufficient statistic. The same uniforms z_t serve every n (common random
 * numbers); randomness comes only from `rng`. As n grows the statistic orders the trials
 * as θ does, and EVSI(n) tends to EVPPI.
 *
 * @example
 * evsi(minutesSaved, npv, [10, 100], { kind: 'normal', sd: 1.2 }, uniformSource(streamState(42, 0, 7))).sizes[1].evsi
 */
export function evsi(
  input: Float64Array,
  npv: Float64Array,
  sizes: readonly number[],
  model: SampleModel,
  rng: () => number,
  options: EvppiOptions = {},
): Evsi {
  const trials = input.length;
  if (npv.length !== trials) throw new RangeError(`evsi: input has ${trials} values, npv ${npv.length}`);
  for (const n of sizes) if (!Number.isInteger(n) || n < 1) throw new RangeError(`evsi: sample sizes must be whole numbers of at least 1, got ${n}`);
  const uniforms = new Float64Array(trials);
  for (let t = 0; t < trials; t++) uniforms[t] = rng();
  const perfect = evppi([input], npv, options).inputs[0];
  const statistic = new Float64Array(trials);
  const estimates = sizes.map((n) => {
    fillStatistic(input, uniforms, n, model, statistic);
    const raw = evppi([statistic], npv, options).inputs[0];
    return { n, evsi: Math.min(raw.biasCorrected, perfect.biasCorrected), standardError: raw.standardError, uncapped: raw.biasCorrected };
  });
  return { evppi: perfect, sizes: estimates };
}

function fillStatistic(input: Float64Array, uniforms: Float64Array, n: number, model: SampleModel, out: Float64Array): void {
  const trials = input.length;
  if (model.kind === 'binomial') {
    for (let t = 0; t < trials; t++) out[t] = binomialInv(uniforms[t], n, input[t]);
    return;
  }
  const scale = (model.kind === 'normal' ? model.sd : model.logSd) / Math.sqrt(n);
  for (let t = 0; t < trials; t++) {
    const theta = model.kind === 'normal' ? input[t] : input[t] > 0 ? dm.log(input[t]) : Number.NaN;
    out[t] = theta + scale * normalInv(uniforms[t]);
  }
}

/**
 * The u-quantile of Binomial(n, p): the least k with P(K ≤ k) ≥ u, by walking the pmf from
 * k = 0; the normal approximation (rounded) above n = 1000, or where P(K = 0) underflows
 * (then n·p is in the hundreds and the approximation is close).
 */
function binomialInv(u: number, n: number, p: number): number {
  if (!(p > 0)) return p === 0 ? 0 : Number.NaN;
  if (p >= 1) return n;
  const logStart = n * dm.log1p(-p);
  if (n > BINOMIAL_EXACT_MAX || logStart < LOWEST_LOG_PMF) return Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normalInv(u))));
  let pmf = dm.exp(logStart);
  let cdf = pmf;
  let k = 0;
  const ratio = p / (1 - p);
  while (cdf < u && k < n) {
    pmf *= ((n - k) / (k + 1)) * ratio;
    k++;
    cdf += pmf;
  }
  return k;
}

/** Up to this many planned observations a binomial count is drawn exactly (by inversion); above, by the normal approximation. */
const BINOMIAL_EXACT_MAX = 1000;

/** Below this log-probability P(K = 0) would underflow a double. */
const LOWEST_LOG_PMF = -700;
