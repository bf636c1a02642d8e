import { DistributionError, type Distribution } from './distribution.ts';
import { DISTRIBUTION_ERRORS } from './distribution-errors.ts';
import { requireFinite, requireRange } from './validation.ts';

/**
 * Triangular distribution on [min, max] with its peak at `mode`.
 *
 * @example
 * const d = new TriangularDistribution(0, 2, 10);
 * d.mean() // 4
 * d.inv(0.2) // 2 (the mode sits at F = (mode − min)/(max − min))
 */
export class TriangularDistribution implements Distribution {
  readonly type = 'triangular';
  readonly discrete = false;
  private readonly range: number;
  /** F(mode): below it the quantile uses the rising edge, above it the falling one. */
  private readonly modeProbability: number;
  private readonly lowerArea: number;
  private readonly upperArea: number;

  constructor(
    readonly min: number,
    readonly mode: number,
    readonly max: number,
  ) {
    requireFinite('mode', mode);
    requireRange(min, max);
    if (!(mode >= min && mode <= max)) throw new DistributionError('mode', DISTRIBUTION_ERRORS.modeOutsideRange);
    this.range = max - min;
    this.modeProbability = (mode - min) / this.range;
    this.lowerArea = this.range * (mode - min);
    this.upperArea = this.range * (max - mode);
  }

  sample(rng: () => number): number {
    return this.inv(rng());
  }

  mean(): number {
    return (this.min + this.mode + this.max) / 3;
  }

  variance(): number {
    const a = this.min;
    const b = this.max;
    const c = this.mode;
    // Shifted by min (a → 0) to avoid cancellation for ranges far from zero.
    const upper = b - a;
    const peak = c - a;
    return (upper * upper + peak * peak - upper * peak) / 18;
  }

  cdf(x: number): number {
    if (x <= this.min) return 0;
    if (x >= this.max) return 1;
    if (x <= this.mode) {
      const rise = x - this.min;
      return (rise * rise) / this.lowerArea;
    }
    const fall = this.max - x;
    return 1 - (fall * fall) / this.upperArea;
  }

  inv(p: number): number {
    return p <= this.modeProbability ? this.min + Math.sqrt(p * this.lowerArea) : this.max - Math.sqrt((1 - p) * this.upperArea);
  }

  pdf(x: number): number {
    if (x < this.min || x > this.max) return 0;
    if (x < this.mode) return (2 * (x - this.min)) / this.lowerArea;
    if (x > this.mode) return (2 * (this.max - x)) / this.upperArea;
    return 2 / this.range;
  }

  fillFromUniforms(u: Float64Array, out: Float64Array, n: number): void {
    const min = this.min;
    const max = this.max;
    const modeProbability = this.modeProbability;
    const lowerArea = this.lowerArea;
    const upperArea = this.upperArea;
    for (let i = 0; i < n; i++) {
      const p = u[i];
      out[i] = p <= modeProbability ? min + Math.sqrt(p * lowerArea) : max - Math.sqrt((1 - p) * upperArea);
    }
  }
}
