import { fillNormalQuantilesAscending } from '../math/normal-quantile-table.ts';
import { normalCdf, normalIntervalProbability } from '../math/normal-cdf.ts';
import { fillNormalQuantiles, normalInv } from '../math/normal-inv.ts';
import { normalPdf } from '../math/normal-pdf.ts';
import { DistributionError, type Distribution } from './distribution.ts';
import { DISTRIBUTION_ERRORS } from './distribution-errors.ts';
import { STANDARD_NORMAL_P95 } from './normal.ts';
import type { ClosedFormTruncatedMoments, Moments } from './truncated-moments.ts';
import { requireFinite, requirePositive } from './validation.ts';
import * as dm from '../math/deterministic-math.ts';

/**
 * Lognormal: X = exp(mu + sigma·Z) with Z standard normal, so ln X has mean
 * `mu` and standard deviation `sigma`.
 *
 * @example
 * const d = LognormalDistribution.fromPercentiles(10, 1000);
 * d.inv(0.5) // ≈ 100 (the median is the geometric mean of p5 and p95)
 */
export class LognormalDistribution implements Distribution, ClosedFormTruncatedMoments {
  readonly type = 'lognormal';
  readonly discrete = false;

  constructor(
    readonly mu: number,
    readonly sigma: number,
  ) {
    requireFinite('mu', mu);
    requirePositive('sigma', sigma);
  }

  /**
   * From a 90% interval of the quantity: mu = (ln p5 + ln p95)/2,
   * sigma = (ln p95 − ln p5)/(2·Φ⁻¹(0.95)).
   *
   * @example
   * LognormalDistribution.fromPercentiles(1, dm.exp(2 * 1.6448536269514722)).sigma // 1
   */
  static fromPercentiles(p5: number, p95: number): LognormalDistribution {
    requirePositive('p5', p5);
    requirePositive('p95', p95);
    if (!(p95 > p5)) throw new DistributionError('p95', DISTRIBUTION_ERRORS.p95NotAboveP5);
    const logP5 = dm.log(p5);
    const logP95 = dm.log(p95);
    return new LognormalDistribution(0.5 * (logP5 + logP95), (logP95 - logP5) / (2 * STANDARD_NORMAL_P95));
  }

  /**
   * From the mean m and standard deviation s of the quantity itself:
   * sigma² = ln(1 + s²/m²), mu = ln m − sigma²/2.
   *
   * @example
   * const d = LognormalDistribution.fromMeanAndSd(100, 30);
   * d.mean() // ≈ 100
   * Math.sqrt(d.variance()) // ≈ 30
   */
  static fromMeanAndSd(mean: number, sd: number): LognormalDistribution {
    requirePositive('mean', mean);
    requirePositive('sd', sd);
    const ratio = sd / mean;
    // log1p keeps sigma² accurate when sd is small relative to the mean.
    const sigmaSquared = dm.log1p(ratio * ratio);
    if (!(sigmaSquared > 0 && Number.isFinite(sigmaSquared))) {
      throw new DistributionError('sd', DISTRIBUTION_ERRORS.lognormalMeanSdOutOfRange);
    }
    return new LognormalDistribution(dm.log(mean) - 0.5 * sigmaSquared, Math.sqrt(sigmaSquared));
  }

  sample(rng: () => number): number {
    return this.inv(rng());
  }

  mean(): number {
    return dm.exp(this.mu + 0.5 * this.sigma * this.sigma);
  }

  /** (e^{σ²} − 1)·e^{2μ + σ²}, with expm1 so small σ keeps its precision. */
  variance(): number {
    const sigmaSquared = this.sigma * this.sigma;
    return dm.expm1(sigmaSquared) * dm.exp(2 * this.mu + sigmaSquared);
  }

  cdf(x: number): number {
    if (x <= 0) return 0;
    return normalCdf((dm.log(x) - this.mu) / this.sigma);
  }

  inv(p: number): number {
    return dm.exp(this.mu + this.sigma * normalInv(p));
  }

  pdf(x: number): number {
    if (!(x > 0)) return 0;
    return normalPdf((dm.log(x) - this.mu) / this.sigma) / (this.sigma * x);
  }

  fillFromUniforms(u: Float64Array, out: Float64Array, n: number, ascending = false): void {
    if (ascending) fillNormalQuantilesAscending(u, out, n, this.mu, this.sigma);
    else fillNormalQuantiles(u, out, n, this.mu, this.sigma);
    dm.fillExp(out, n);
  }

  /**
   * Closed form: with α, β the bounds on the log scale standardised and
   * Z = Φ(β) − Φ(α), E[X^k | bounds] = e^{kμ + k²σ²/2}·(Φ(β − kσ) − Φ(α − kσ))/Z.
   */
  truncatedMoments(min: number, max: number): Moments {
    const alpha = min > 0 ? (dm.log(min) - this.mu) / this.sigma : -Infinity;
    const beta = (dm.log(max) - this.mu) / this.sigma;
    const mass = normalIntervalProbability(alpha, beta);
    const sigma = this.sigma;
    const first = (dm.exp(this.mu + 0.5 * sigma * sigma) * normalIntervalProbability(alpha - sigma, beta - sigma)) / mass;
    const second = (dm.exp(2 * this.mu + 2 * sigma * sigma) * normalIntervalProbability(alpha - 2 * sigma, beta - 2 * sigma)) / mass;
    return { mean: first, variance: second - first * first };
  }
}
