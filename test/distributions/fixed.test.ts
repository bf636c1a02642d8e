import { describe, expect, it } from 'vitest';
import { DISTRIBUTION_ERRORS } from '../../models/distributions/distribution-errors.ts';
import { FixedDistribution } from '../../models/distributions/fixed.ts';
import { expectDistributionError, expectFillMatchesInv } from './distribution-checks.ts';

describe('FixedDistribution', () => {
  const d = new FixedDistribution(42);

  it('has mean value and variance 0', () => {
    expect(d.mean()).toBe(42);
    expect(d.variance()).toBe(0);
  });

  it('has every quantile at the value and a unit step cdf and mass', () => {
    for (const p of [0, 0.1, 0.5, 1]) expect(d.inv(p)).toBe(42);
    expect(d.cdf(41.999)).toBe(0);
    expect(d.cdf(42)).toBe(1);
    expect(d.pdf(42)).toBe(1);
    expect(d.pdf(41)).toBe(0);
    expect(d.discrete).toBe(true);
    expect(d.type).toBe('fixed');
  });

  it('fills columns with exactly inv(u)', () => {
    expectFillMatchesInv(d);
  });

  it('samples the value', () => {
    expect(d.sample(() => 0.123)).toBe(42);
  });

  it('rejects a non-finite value', () => {
    expectDistributionError(() => new FixedDistribution(Number.NaN), 'value', DISTRIBUTION_ERRORS.notFinite);
  });
});
