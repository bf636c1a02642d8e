import { describe, expect, it } from 'vitest';
import { BETA_TABLE_MAX_ERROR } from '../../models/distributions/beta-quantile-table.ts';
import { BetaDistribution } from '../../models/distributions/beta.ts';
import { DISTRIBUTION_ERRORS } from '../../models/distributions/distribution-errors.ts';
import { expectCdfInvertsInv, expectClose, expectDistributionError, expectFillMatchesInv } from './distribution-checks.ts';

describe('BetaDistribution', () => {
  const d = new BetaDistribution(2, 5);

  it('has mean α/(α+β) and variance αβ/((α+β)²(α+β+1))', () => {
    expectClose(d.mean(), 2 / 7, 1e-15);
    expectClose(d.variance(), 10 / (49 * 8), 1e-15);
  });

  it('rescales to [min, max]', () => {
    const scaled = new BetaDistribution(2, 5, 10, 20);
    expectClose(scaled.mean(), 10 + 20 / 7, 1e-15);
    expectClose(scaled.variance(), (100 * 10) / (49 * 8), 1e-15);
    expectClose(scaled.cdf(13), 0.579825, 1e-14);
    expectClose(scaled.inv(0.579825), 13, 1e-14);
  });

  it('has pbeta(0.3, 2, 5) = 0.579825 and the matching quantile', () => {
    expectClose(d.cdf(0.3), 0.579825, 1e-14);
    expectClose(d.inv(0.579825), 0.3, 1e-14);
    expect(d.inv(0)).toBe(0);
    expect(d.inv(1)).toBe(1);
    // density 30·x(1 − x)⁴
    expectClose(d.pdf(0.3), 30 * 0.3 * 0.7 ** 4, 1e-14);
    expect(d.pdf(-0.1)).toBe(0);
    expectCdfInvertsInv(d, 1e-14);
  });

  it('handles the arcsine law Beta(1/2, 1/2): quantile sin²(πp/2), infinite density at the ends', () => {
    const arcsine = new BetaDistribution(0.5, 0.5);
    for (const p of [0.01, 0.3, 0.5, 0.8]) expectClose(arcsine.inv(p), Math.sin((Math.PI * p) / 2) ** 2, 1e-14);
    expectClose(arcsine.variance(), 1 / 8, 1e-15);
    expect(arcsine.pdf(0)).toBe(Infinity);
    expectClose(arcsine.pdf(0.5), 2 / Math.PI, 1e-14);
  });

  it('fills columns from its table within the documented error of the exact inverse', () => {
    expectFillMatchesInv(d, BETA_TABLE_MAX_ERROR);
    expectFillMatchesInv(new BetaDistribution(0.5, 0.5, -1, 1), BETA_TABLE_MAX_ERROR * 2);
    expectFillMatchesInv(new BetaDistribution(0.2, 3), BETA_TABLE_MAX_ERROR);
  });

  it('rejects bad parameters, naming the field', () => {
    expectDistributionError(() => new BetaDistribution(0, 1), 'alpha', DISTRIBUTION_ERRORS.notPositive);
    expectDistributionError(() => new BetaDistribution(1, -2), 'beta', DISTRIBUTION_ERRORS.notPositive);
    expectDistributionError(() => new BetaDistribution(1, 2, 5), 'max', DISTRIBUTION_ERRORS.maxNotAboveMin);
    expectDistributionError(() => new BetaDistribution(1, 2, 0, Infinity), 'max', DISTRIBUTION_ERRORS.notFinite);
  });
});
