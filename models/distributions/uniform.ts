import type { Distribution } from './distribution.ts';
import type { ClosedFormTruncatedMoments, Moments } from './truncated-moments.ts';
import { requireRange } from './validation.ts';

/**
 * Continuous uniform on [min, max].
 *
 * @example
 * const d = new UniformDistribution(10, 20);
 * d.inv(0.25) // 12.5
 * d.mean() // 15
 */
export class UniformDistribution implements Distribution, ClosedFormTruncatedMoments {
  readonly type = 'uniform';
  readonly discrete = false;
  private readonly range: number;

  constructor(
    readonly min: number,
    readonly max: number,
  ) {
    requireRange(min, max);
    this.range = max - min;
  }

  sample(rng: () => number): number {
    return this.inv(rng());
  }

  mean(): number {
    return 0.5 * (this.min + this.max);
  }

  variance(): number {
    return (this.range * this.range) / 12;
  }

  cdf(x: number): number {
    if (x <= this.min) return 0;
    if (x >= this.max) return 1;
    return (x - this.min) / this.range;
  }

  inv(p: number): number {
    return this.min + p * this.range;
  }

  pdf(x: number): number {
    return x >= this.min && x <= this.max ? 1 / this.range : 0;
  }

  fillFromUniforms(u: Float64Array, out: Float64Array, n: number): void {
    const min = this.min;
    const range = this.range;
    for (let i = 0; i < n; i++) out[i] = min + u[i] * range;
  }

  /** A truncated uniform is uniform on the overlap. */
  truncatedMoments(min: number, max: number): Moments {
    const low = Math.max(min, this.min);
    const high = Math.min(max, this.max);
    const width = high - low;
    return { mean: 0.5 * (low + high), variance: (width * width) / 12 };
  }
}
