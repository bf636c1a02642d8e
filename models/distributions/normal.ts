import { fillNormalQuantilesAscending } from '../math/normal-quantile-table.ts';
import { normalCdf, normalIntervalProbability } from '../math/normal-cdf.ts';
import { fillNormalQuantiles, normalInv } from '../math/normal-inv.ts';
import { normalPdf } from '../math/normal-pdf.ts';
import { DistributionError, type Distribution } from './distribution.ts';
import { DISTRIBUTION_ERRORS } from './distribution-errors.ts';
import type { ClosedFormTruncatedMoments, Moments } from './truncated-moments.ts';
import { requireFinite, requirePositive } from './validation.ts';

/**
 * Φ⁻¹(0.95): the 5th and 95th percentiles of a normal lie this many standard
 * deviations either side of the mean.
 *
 * @example
 * const sd = (p95 - p5) / (2 * STANDARD_NORMAL_P95);
 */
export const STANDARD_NORMAL_P95 = 1.6448536269514722;

/**
 * Normal distribution with the given mean and standard deviation.
 *
 * @example
 * const d = new NormalDistribution(100, 15);
 * d.inv(0.975) // ≈ 129.3994597681008
 * NormalDistribution.fromPercentiles(80, 120).mean() // 100
 */
export class NormalDistribution implements Distribution, ClosedFormTruncatedMoments {
  readonly type = 'normal';
  readonly discrete = false;

  constructor(
    readonly location: number,
    readonly sd: number,
  ) {
    requireFinite('mean', location);
    requirePositive('sd', sd);
  }

  /**
   * From a 90% interval: mean = (p5 + p95) / 2, sd = (p95 − p5) / (2·Φ⁻¹(0.95)).
   *
   * @example
   * NormalDistribution.fromPercentiles(-1.6448536269514722, 1.6448536269514722).sd // 1
   */
  static fromPercentiles(p5: number, p95: number): NormalDistribution {
    requireFinite('p5', p5);
    requireFinite('p95', p95);
    if (!(p95 > p5)) throw new DistributionError('p95', DISTRIBUTION_ERRORS.p95NotAboveP5);
    const sd = (p95 - p5) / (2 * STANDARD_NORMAL_P95);
    if (!Number.isFinite(sd)) throw new DistributionError('p95', DISTRIBUTION_ERRORS.notFinite);
    return new NormalDistribution(0.5 * p5 + 0.5 * p95, sd);
  }

  sample(rng: () => number): number {
    return this.inv(rng());
  }

  mean(): number {
    return this.location;
  }

  variance(): number {
    return this.sd * this.sd;
  }

  cdf(x: number): number {
    return normalCdf((x - this.location) / this.sd);
  }

  inv(p: number): number {
    return this.location + this.sd * normalInv(p);
  }

  pdf(x: number): number {
    return normalPdf((x - this.location) / this.sd) / this.sd;
  }

  fillFromUniforms(u: Float64Array, out: Float64Array, n: number, ascending = false): void {
    if (ascending) fillNormalQuantilesAscending(u, out, n, this.location, this.sd);
    else fillNormalQuantiles(u, out, n, this.location, this.sd);
  }

  /**
   * Closed form: with α, β the standardised bounds and Z = Φ(β) − Φ(α),
   * mean = μ + σ(φ(α) − φ(β))/Z and
   * variance = σ²[1 + (αφ(α) − βφ(β))/Z − ((φ(α) − φ(β))/Z)²].
   */
  truncatedMoments(min: number, max: number): Moments {
    const alpha = (min - this.location) / this.sd;
    const beta = (max - this.location) / this.sd;
    const mass = normalIntervalProbability(alpha, beta);
    const densityAlpha = normalPdf(alpha);
    const densityBeta = normalPdf(beta);
    // x·φ(x) → 0 at ±∞, but ∞·0 would give NaN.
    const weightedAlpha = Number.isFinite(alpha) ? alpha * densityAlpha : 0;
    const weightedBeta = Number.isFinite(beta) ? beta * densityBeta : 0;
    const shift = (densityAlpha - densityBeta) / mass;
    return {
      mean: this.location + this.sd * shift,
      variance: this.sd * this.sd * (1 + (weightedAlpha - weightedBeta) / mass - shift * shift),
    };
  }
}
