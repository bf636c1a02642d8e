import { integrate } from '../math/gauss-kronrod.ts';
import type { Moments } from './truncated-moments.ts';
import * as dm from '../math/deterministic-math.ts';

/*
 * E[X] = (1 / m) ∫ Q(p) dp over [pLo, pHi] with m = pHi − pLo, and likewise for
 * the variance. We substitute p = pLo + m·σ(τ) (σ the logistic function), so
 * dp = m·σ(τ)σ(−τ) dτ: the quantile's endpoint singularities (Q ~ p^(1/α) for a
 * beta) become smooth exponential decays in τ, which Gauss–Kronrod integrates
 * to near machine precision, and interior kinks (triangular) are refined
 * adaptively. p is formed from the nearer end so both tails keep resolution.
 */

/** Beyond |τ| = 40 the weight σ(τ)σ(−τ) < 5e-18: negligible for any bounded quantile. */
const LOGIT_LIMIT = 40;
const RELATIVE_TOLERANCE = 1e-14;
const MAX_INTERVALS = 400;

/**
 * Mean and variance of the distribution with quantile function `quantile`,
 * restricted to the probability range [pLo, pHi] (that is, conditioned on
 * quantile(pLo) <= X <= quantile(pHi)), by numeric integration of the quantile
 * function. Non-finite quantiles (the ±∞ ends of an unbounded distribution,
 * which p cannot resolve beyond ~1e-16) contribute nothing.
 *
 * @example
 * quantileMoments((p) => 10 * p, 0, 1) // { mean: 5, variance: 8.333333333333334 }
 */
export function quantileMoments(quantile: (p: number) => number, pLo: number, pHi: number): Moments {
  const mass = pHi - pLo;
  const quantileAt = (tau: number): number => {
    const expNegAbs = dm.exp(-Math.abs(tau));
    const tail = expNegAbs / (1 + expNegAbs);
    return quantile(tau <= 0 ? pLo + mass * tail : pHi - mass * tail);
  };
  const weightAt = (tau: number): number => {
    const expNegAbs = dm.exp(-Math.abs(tau));
    return expNegAbs / ((1 + expNegAbs) * (1 + expNegAbs));
  };
  const centre = quantile(pLo + 0.5 * mass);
  const spread = Math.abs(quantile(pLo + 0.9 * mass) - quantile(pLo + 0.1 * mass));
  const scale = spread > 0 ? spread : Math.max(Math.abs(centre), 1);
  const options = {
    absoluteTolerance: RELATIVE_TOLERANCE * scale,
    relativeTolerance: RELATIVE_TOLERANCE,
    maxIntervals: MAX_INTERVALS,
  };
  // Integrating deviations from a central value avoids cancellation when the
  // distribution sits far from zero relative to its width.
  const meanOffset = integrate(
    (tau) => {
      const deviation = quantileAt(tau) - centre;
      return Number.isFinite(deviation) ? deviation * weightAt(tau) : 0;
    },
    -LOGIT_LIMIT,
    LOGIT_LIMIT,
    options,
  );
  const mean = centre + meanOffset;
  const variance = integrate(
    (tau) => {
      const deviation = quantileAt(tau) - mean;
      return Number.isFinite(deviation) ? deviation * deviation * weightAt(tau) : 0;
    },
    -LOGIT_LIMIT,
    LOGIT_LIMIT,
    { ...options, absoluteTolerance: RELATIVE_TOLERANCE * scale * scale },
  );
  return { mean, variance };
}
