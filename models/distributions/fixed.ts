import type { Distribution } from './distribution.ts';
import type { FiniteSupport } from './finite-support.ts';
import { requireFinite } from './validation.ts';

/**
 * A constant: every draw is `value`.
 *
 * @example
 * new FixedDistribution(42).inv(0.3) // 42
 */
export class FixedDistribution implements Distribution, FiniteSupport {
  readonly type = 'fixed';
  readonly discrete = true;
  readonly supportValues: readonly number[];
  readonly supportProbabilities: readonly number[] = [1];

  constructor(readonly value: number) {
    requireFinite('value', value);
    this.supportValues = [value];
  }

  sample(rng: () => number): number {
    return this.inv(rng());
  }

  mean(): number {
    return this.value;
  }

  variance(): number {
    return 0;
  }

  cdf(x: number): number {
    return x >= this.value ? 1 : 0;
  }

  inv(_p: number): number {
    return this.value;
  }

  pdf(x: number): number {
    return x === this.value ? 1 : 0;
  }

  fillFromUniforms(_u: Float64Array, out: Float64Array, n: number): void {
    out.fill(this.value, 0, n);
  }
}
