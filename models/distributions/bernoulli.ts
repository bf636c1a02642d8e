import { DistributionError, type Distribution } from './distribution.ts';
import { DISTRIBUTION_ERRORS } from './distribution-errors.ts';
import type { FiniteSupport } from './finite-support.ts';
import { requireFinite } from './validation.ts';

/**
 * A chance event: X = `value` with probability `p`, otherwise 0.
 *
 * The quantile is kept monotone non-decreasing in u whatever the sign of
 * `value` (so Latin Hypercube strata and rank correlation behave): for
 * value > 0, inv(u) = value when u > 1 − p, else 0; for value < 0 the value is
 * the lower outcome, so inv(u) = value when u <= p, else 0. Both are the
 * smallest x with cdf(x) >= u.
 *
 * @example
 * const d = new BernoulliDistribution(0.2, 50_000);
 * d.mean() // 10000
 * d.inv(0.9) // 50000
 * d.inv(0.5) // 0
 */
export class BernoulliDistribution implements Distribution, FiniteSupport {
  readonly type = 'bernoulli';
  readonly discrete = true;
  readonly supportValues: readonly number[];
  readonly supportProbabilities: readonly number[];
  /** inv(u) is `upperOutcome` when u > threshold, else `lowerOutcome`. */
  private readonly lowerOutcome: number;
  private readonly upperOutcome: number;
  private readonly threshold: number;

  constructor(
    readonly p: number,
    readonly value = 1,
  ) {
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
      throw new DistributionError('p', DISTRIBUTION_ERRORS.probabilityOutOfRange);
    }
    requireFinite('value', value);
    if (value === 0 || p === 0 || p === 1) {
      // A single outcome: u > 1 never holds, so inv is constant.
      const only = p === 0 ? 0 : value;
      this.lowerOutcome = only;
      this.upperOutcome = only;
      this.threshold = 1;
      this.supportValues = [only];
      this.supportProbabilities = [1];
    } else if (value > 0) {
      this.lowerOutcome = 0;
      this.upperOutcome = value;
      this.threshold = 1 - p;
      this.supportValues = [0, value];
      this.supportProbabilities = [1 - p, p];
    } else {
      this.lowerOutcome = value;
      this.upperOutcome = 0;
      this.threshold = p;
      this.supportValues = [value, 0];
      this.supportProbabilities = [p, 1 - p];
    }
  }

  sample(rng: () => number): number {
    return this.inv(rng());
  }

  mean(): number {
    return this.p * this.value;
  }

  variance(): number {
    return this.p * (1 - this.p) * this.value * this.value;
  }

  cdf(x: number): number {
    if (x < this.lowerOutcome) return 0;
    if (x >= this.upperOutcome) return 1;
    return this.threshold;
  }

  inv(u: number): number {
    return u > this.threshold ? this.upperOutcome : this.lowerOutcome;
  }

  pdf(x: number): number {
    const values = this.supportValues;
    for (let i = 0; i < values.length; i++) if (values[i] === x) return this.supportProbabilities[i];
    return 0;
  }

  fillFromUniforms(u: Float64Array, out: Float64Array, n: number): void {
    const threshold = this.threshold;
    const lowerOutcome = this.lowerOutcome;
    const upperOutcome = this.upperOutcome;
    for (let i = 0; i < n; i++) out[i] = u[i] > threshold ? upperOutcome : lowerOutcome;
  }
}
