import { describe, expect, it } from 'vitest';
import { DiscreteDistribution } from '../../models/distributions/discrete.ts';
import { DISTRIBUTION_ERRORS } from '../../models/distributions/distribution-errors.ts';
import { expectClose, expectDistributionError, expectFillMatchesInv } from './distribution-checks.ts';

describe('DiscreteDistribution', () => {
  // Unsorted, with a duplicate: 10 has total weight 2 of 4.
  const d = new DiscreteDistribution([30, 10, 20, 10], [1, 1, 1, 1]);

  it('sorts values and merges duplicates', () => {
    expect(d.supportValues).toEqual([10, 20, 30]);
    expect(d.supportProbabilities).toEqual([0.5, 0.25, 0.25]);
  });

  it('has mean Σ p·v and variance Σ p(v − mean)²', () => {
    expect(d.mean()).toBe(0.5 * 10 + 0.25 * 20 + 0.25 * 30);
    expectClose(d.variance(), 0.5 * 7.5 ** 2 + 0.25 * 2.5 ** 2 + 0.25 * 12.5 ** 2, 1e-15);
  });

  it('returns the smallest value whose cumulative probability reaches u', () => {
    expect(d.inv(0)).toBe(10);
    expect(d.inv(0.5)).toBe(10);
    expect(d.inv(0.500001)).toBe(20);
    expect(d.inv(0.75)).toBe(20);
    expect(d.inv(0.76)).toBe(30);
    expect(d.inv(1)).toBe(30);
  });

  it('has a step cdf and point masses', () => {
    expect(d.cdf(9.99)).toBe(0);
    expect(d.cdf(10)).toBe(0.5);
    expect(d.cdf(15)).toBe(0.5);
    expect(d.cdf(20)).toBe(0.75);
    expect(d.cdf(30)).toBe(1);
    expect(d.cdf(1e9)).toBe(1);
    expect(d.pdf(20)).toBe(0.25);
    expect(d.pdf(21)).toBe(0);
  });

  it('normalises weights and drops zero-weight values', () => {
    const weighted = new DiscreteDistribution([1, 2, 3, 4], [0, 3, 0, 1]);
    expect(weighted.supportValues).toEqual([2, 4]);
    expect(weighted.inv(0)).toBe(2);
    expect(weighted.inv(0.75)).toBe(2);
    expect(weighted.inv(0.76)).toBe(4);
    expect(weighted.mean()).toBe(2.5);
  });

  it('fills columns with exactly inv(u) by binary search', () => {
    expectFillMatchesInv(d);
    const many = Array.from({ length: 37 }, (_, i) => (i * 7919) % 101);
    expectFillMatchesInv(
      new DiscreteDistribution(
        many,
        many.map((v) => 1 + (v % 5)),
      ),
    );
  });

  it('rejects bad parameters, naming the field', () => {
    expectDistributionError(() => new DiscreteDistribution([], []), 'values', DISTRIBUTION_ERRORS.valuesEmpty);
    expectDistributionError(() => new DiscreteDistribution([1, 2], [1]), 'weights', DISTRIBUTION_ERRORS.weightsLengthMismatch);
    expectDistributionError(() => new DiscreteDistribution([1, 2], [0, 0]), 'weights', DISTRIBUTION_ERRORS.weightsAllZero);
    expectDistributionError(() => new DiscreteDistribution([1, 2], [1, -1]), 'weights', DISTRIBUTION_ERRORS.weightNegative);
    expectDistributionError(() => new DiscreteDistribution([1, Number.NaN], [1, 1]), 'values', DISTRIBUTION_ERRORS.notFinite);
  });
});
