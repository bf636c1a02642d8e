import { DistributionError, type Distribution } from './distribution.ts';
import { DISTRIBUTION_ERRORS } from './distribution-errors.ts';
import type { FiniteSupport } from './finite-support.ts';
import { requireFinite } from './validation.ts';

/**
 * Discrete values with non-negative weights, normalised to probabilities.
 * Values are sorted at construction, duplicates are merged and zero-weight
 * values dropped; inv(u) is the smallest value whose cumulative probability is
 * at least u (a binary search over the cumulative array, allocation-free).
 *
 * @example
 * const d = new DiscreteDistribution([30, 10, 20], [1, 2, 1]);
 * d.inv(0.5) // 10
 * d.inv(0.6) // 20
 * d.mean() // 17.5
 */
export class DiscreteDistribution implements Distribution, FiniteSupport {
  readonly type = 'discrete';
  readonly discrete = true;
  readonly supportValues: readonly number[];
  readonly supportProbabilities: readonly number[];
  private readonly sortedValues: Float64Array;
  /** cumulative[k] = P(X <= sortedValues[k]); the last entry is exactly 1. */
  private readonly cumulative: Float64Array;
  private readonly last: number;

  constructor(values: readonly number[], weights: readonly number[]) {
    if (!Array.isArray(values) || values.length === 0) {
      throw new DistributionError('values', DISTRIBUTION_ERRORS.valuesEmpty);
    }
    if (!Array.isArray(weights) || weights.length !== values.length) {
      throw new DistributionError('weights', DISTRIBUTION_ERRORS.weightsLengthMismatch);
    }
    let total = 0;
    for (let i = 0; i < values.length; i++) {
      requireFinite('values', values[i]);
      const weight = weights[i];
      if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
        throw new DistributionError('weights', DISTRIBUTION_ERRORS.weightNegative);
      }
      total += weight;
    }
    if (!(total > 0)) throw new DistributionError('weights', DISTRIBUTION_ERRORS.weightsAllZero);
    if (!Number.isFinite(total)) throw new DistributionError('weights', DISTRIBUTION_ERRORS.weightNegative);

    const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
    const merged: number[] = [];
    const mergedWeights: number[] = [];
    for (const i of order) {
      if (weights[i] === 0) continue;
      if (merged.length > 0 && merged[merged.length - 1] === values[i]) {
        mergedWeights[mergedWeights.length - 1] += weights[i];
      } else {
        merged.push(values[i]);
        mergedWeights.push(weights[i]);
      }
    }
    this.supportValues = merged;
    this.supportProbabilities = mergedWeights.map((weight) => weight / total);
    this.sortedValues = Float64Array.from(merged);
    this.cumulative = new Float64Array(merged.length);
    let running = 0;
    for (let k = 0; k < merged.length; k++) {
      running += mergedWeights[k];
      this.cumulative[k] = running / total;
    }
    // Rounding could leave the last entry a hair below 1, which would make inv(1) fall off the end.
    this.last = merged.length - 1;
    this.cumulative[this.last] = 1;
  }

  sample(rng: () => number): number {
    return this.inv(rng());
  }

  mean(): number {
    let sum = 0;
    for (let k = 0; k < this.supportValues.length; k++) sum += this.supportValues[k] * this.supportProbabilities[k];
    return sum;
  }

  variance(): number {
    const mean = this.mean();
    let sum = 0;
    for (let k = 0; k < this.supportValues.length; k++) {
      const deviation = this.supportValues[k] - mean;
      sum += deviation * deviation * this.supportProbabilities[k];
    }
    return sum;
  }

  cdf(x: number): number {
    const values = this.sortedValues;
    if (!(x >= values[0])) return 0;
    // Largest k with values[k] <= x.
    let lo = 0;
    let hi = this.last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (values[mid] <= x) lo = mid;
      else hi = mid - 1;
    }
    return this.cumulative[lo];
  }

  inv(u: number): number {
    const cumulative = this.cumulative;
    let lo = 0;
    let hi = this.last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return this.sortedValues[lo];
  }

  pdf(x: number): number {
    const values = this.supportValues;
    for (let k = 0; k < values.length; k++) if (values[k] === x) return this.supportProbabilities[k];
    return 0;
  }

  fillFromUniforms(u: Float64Array, out: Float64Array, n: number): void {
    const cumulative = this.cumulative;
    const values = this.sortedValues;
    const last = this.last;
    for (let i = 0; i < n; i++) {
      const p = u[i];
      let lo = 0;
      let hi = last;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumulative[mid] < p) lo = mid + 1;
        else hi = mid;
      }
      out[i] = values[lo];
    }
  }
}
