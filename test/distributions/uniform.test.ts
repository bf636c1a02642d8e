import { describe, expect, it } from 'vitest';
import { DISTRIBUTION_ERRORS } from '../../models/distributions/distribution-errors.ts';
import { UniformDistribution } from '../../models/distributions/uniform.ts';
import { expectCdfInvertsInv, expectClose, expectDistributionError, expectFillMatchesInv } from './distribution-checks.ts';

describe('UniformDistribution', () => {
  const d = new UniformDistribution(10, 20);

  it('has mean (a + b)/2 and variance (b − a)²/12', () => {
    expect(d.mean()).toBe(15);
    expectClose(d.variance(), 100 / 12, 1e-15);
  });

  it('has quantile a + p(b − a), linear cdf and flat density', () => {
    expect(d.inv(0)).toBe(10);
    expect(d.inv(0.25)).toBe(12.5);
    expect(d.inv(1)).toBe(20);
    expect(d.cdf(12.5)).toBe(0.25);
    expect(d.cdf(5)).toBe(0);
    expect(d.cdf(25)).toBe(1);
    expect(d.pdf(15)).toBeCloseTo(0.1, 15);
    expect(d.pdf(9.99)).toBe(0);
    expectCdfInvertsInv(d, 1e-15);
  });

  it('fills columns with exactly inv(u)', () => {
    expectFillMatchesInv(d);
  });

  it('gives closed-form truncated moments on the overlap', () => {
    const moments = d.truncatedMoments(12, 30);
    expect(moments.mean).toBe(16);
    expectClose(moments.variance, 64 / 12, 1e-15);
  });

  it('rejects min >= max and non-finite bounds, naming the field', () => {
    expectDistributionError(() => new UniformDistribution(1, 1), 'max', DISTRIBUTION_ERRORS.maxNotAboveMin);
    expectDistributionError(() => new UniformDistribution(Number.NaN, 1), 'min', DISTRIBUTION_ERRORS.notFinite);
  });
});
