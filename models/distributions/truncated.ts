import { LARGEST_BELOW_ONE } from '../math/largest-below-one.ts';
import { DiscreteDistribution } from './discrete.ts';
import { DistributionError, type Distribution } from './distribution.ts';
import { DISTRIBUTION_ERRORS } from './distribution-errors.ts';
import { hasFiniteSupport, type FiniteSupport } from './finite-support.ts';
import { quantileMoments } from './quantile-moments.ts';
import { hasClosedFormTruncatedMoments, type Moments } from './truncated-moments.ts';

/**
 * `base` conditioned on min <= X <= max (either bound optional). Sampling maps
 * u to base.inv(cdf(min) + u·(cdf(max) − cdf(min))), so it never rejects and
 * stays compatible with Latin Hypercube and Iman–Conover. Results are clamped to
 * [min, max], which only matters when rounding of p lands a hair outside.
 *
 * For point-mass bases (fixed, bernoulli, discrete) the bounds are inclusive: an
 * atom sitting exactly on `min` or `max` is kept. Their truncation is the
 * surviving atoms renormalised, which is what restricting the inverse CDF to
 * (P(X < min), P(X <= max)] gives; it is evaluated on its own cumulative array so
 * boundaries are exact rather than subject to rounding of p.
 *
 * Moments are exact: sums over the support for point-mass bases, closed forms
 * where the base has them (normal, lognormal, uniform), otherwise adaptive
 * Gauss–Kronrod integration of the quantile function (quantile-moments.ts),
 * computed once on first use.
 *
 * `fillFromUniforms` runs the base's column transform in place (out doubles as
 * its input), which every distribution in this folder supports.
 *
 * Resolution limit: p is a double near 1 is spaced 1.1e-16 apart, so keeping only
 * a far upper tail of a continuous distribution (probability below ~1e-12, e.g. a
 * normal above +7 sd) samples it coarsely; lower tails keep full resolution, and
 * moments stay exact where closed forms exist.
 *
 * @example
 * const d = new TruncatedDistribution(new NormalDistribution(0, 1), 0);
 * d.mean() // 0.7978845608028654 (= √(2/π))
 * d.inv(0.5) // 0.6744897501960817 (= Φ⁻¹(3/4))
 */
export class TruncatedDistribution implements Distribution, Partial<FiniteSupport> {
  readonly type: string;
  readonly discrete: boolean;
  readonly supportValues?: readonly number[];
  readonly supportProbabilities?: readonly number[];
  private readonly lowerProbability: number;
  private readonly mass: number;
  private readonly lowerClamp: number;
  private readonly upperClamp: number;
  /** The surviving atoms, for point-mass bases; undefined for continuous ones. */
  private readonly pointMasses: DiscreteDistribution | undefined;
  private moments: Moments | undefined;

  constructor(
    readonly base: Distribution,
    readonly min: number = -Infinity,
    readonly max: number = Infinity,
  ) {
    if (typeof min !== 'number' || Number.isNaN(min) || min === Infinity) {
      throw new DistributionError('truncate/min', DISTRIBUTION_ERRORS.notFinite);
    }
    if (typeof max !== 'number' || Number.isNaN(max) || max === -Infinity) {
      throw new DistributionError('truncate/max', DISTRIBUTION_ERRORS.notFinite);
    }
    if (max < min) throw new DistributionError('truncate/max', DISTRIBUTION_ERRORS.truncateBoundsReversed);
    this.type = base.type;
    this.discrete = base.discrete;

    if (hasFiniteSupport(base)) {
      const values: number[] = [];
      const probabilities: number[] = [];
      for (let k = 0; k < base.supportValues.length; k++) {
        const value = base.supportValues[k];
        if (value >= min && value <= max) {
          values.push(value);
          probabilities.push(base.supportProbabilities[k]);
        }
      }
      if (values.length === 0) throw new DistributionError('truncate', DISTRIBUTION_ERRORS.truncateNoMass);
      this.pointMasses = new DiscreteDistribution(values, probabilities);
      this.supportValues = this.pointMasses.supportValues;
      this.supportProbabilities = this.pointMasses.supportProbabilities;
      // Sampling goes through pointMasses; these only record the surviving probability.
      this.lowerProbability = 0;
      this.mass = probabilities.reduce((sum, probability) => sum + probability, 0);
      this.lowerClamp = values[0];
      this.upperClamp = values[values.length - 1];
    } else {
      this.pointMasses = undefined;
      this.lowerProbability = min === -Infinity ? 0 : base.cdf(min);
      const upperProbability = max === Infinity ? 1 : base.cdf(max);
      this.mass = upperProbability - this.lowerProbability;
      this.lowerClamp = min;
      this.upperClamp = max;
    }
    if (!(this.mass > 0)) throw new DistributionError('truncate', DISTRIBUTION_ERRORS.truncateNoMass);
  }

  sample(rng: () => number): number {
    return this.inv(rng());
  }

  mean(): number {
    return this.computeMoments().mean;
  }

  variance(): number {
    return this.computeMoments().variance;
  }

  cdf(x: number): number {
    if (this.pointMasses) return this.pointMasses.cdf(x);
    if (x < this.lowerClamp) return 0;
    if (x >= this.upperClamp) return 1;
    const probability = (this.base.cdf(x) - this.lowerProbability) / this.mass;
    return probability < 0 ? 0 : probability > 1 ? 1 : probability;
  }

  inv(p: number): number {
    if (this.pointMasses) return this.pointMasses.inv(p);
    const x = this.base.inv(this.baseProbability(p));
    return x < this.lowerClamp ? this.lowerClamp : x > this.upperClamp ? this.upperClamp : x;
  }

  pdf(x: number): number {
    if (this.pointMasses) return this.pointMasses.pdf(x);
    if (x < this.lowerClamp || x > this.upperClamp) return 0;
    return this.base.pdf(x) / this.mass;
  }

  /**
   * F(min) + p·(F(max) − F(min)), the base distribution's probability for p. Below p = 1
   * it must not round to 1 (it does when F(min) > ½ and p is near 1), where the base
   * quantile is often +∞.
   */
  private baseProbability(p: number): number {
    const probability = this.lowerProbability + p * this.mass;
    return p < 1 && probability >= 1 ? LARGEST_BELOW_ONE : probability;
  }

  fillFromUniforms(u: Float64Array, out: Float64Array, n: number, ascending = false): void {
    if (this.pointMasses) {
      this.pointMasses.fillFromUniforms(u, out, n);
      return;
    }
    for (let i = 0; i < n; i++) out[i] = this.baseProbability(u[i]);
    // Mapping u into [F(min), F(max)] keeps its order.
    this.base.fillFromUniforms(out, out, n, ascending);
    const lowerClamp = this.lowerClamp;
    const upperClamp = this.upperClamp;
    for (let i = 0; i < n; i++) {
      const x = out[i];
      out[i] = x < lowerClamp ? lowerClamp : x > upperClamp ? upperClamp : x;
    }
  }

  private computeMoments(): Moments {
    this.moments ??= this.exactMoments();
    return this.moments;
  }

  private exactMoments(): Moments {
    if (this.pointMasses) return { mean: this.pointMasses.mean(), variance: this.pointMasses.variance() };
    if (hasClosedFormTruncatedMoments(this.base)) return this.base.truncatedMoments(this.min, this.max);
    const base = this.base;
    return quantileMoments((p) => base.inv(p), this.lowerProbability, this.lowerProbability + this.mass);
  }
}
