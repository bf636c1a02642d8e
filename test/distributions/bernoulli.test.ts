import { describe, expect, it } from 'vitest';
import { BernoulliDistribution } from '../../models/distributions/bernoulli.ts';
import { DISTRIBUTION_ERRORS } from '../../models/distributions/distribution-errors.ts';
import { expectClose, expectDistributionError, expectFillMatchesInv } from './distribution-checks.ts';

describe('BernoulliDistribution', () => {
  const d = new BernoulliDistribution(0.2, 50_000);

  it('has mean p·v and variance p(1 − p)v²', () => {
    expect(d.mean()).toBe(10_000);
    expectClose(d.variance(), 0.2 * 0.8 * 50_000 ** 2, 1e-15);
    const unit = new BernoulliDistribution(0.3);
    expect(unit.mean()).toBe(0.3);
    expectClose(unit.variance(), 0.21, 1e-15);
  });

  it('returns the value when u > 1 − p, otherwise 0 (monotone in u)', () => {
    expect(d.inv(0)).toBe(0);
    expect(d.inv(0.5)).toBe(0);
    expect(d.inv(0.8)).toBe(0);
    expect(d.inv(0.8000001)).toBe(50_000);
    expect(d.inv(1)).toBe(50_000);
    expect(d.cdf(-1)).toBe(0);
    expect(d.cdf(0)).toBe(0.8);
    expect(d.cdf(49_999)).toBe(0.8);
    expect(d.cdf(50_000)).toBe(1);
    expect(d.pdf(0)).toBe(0.8);
    expect(d.pdf(50_000)).toBe(0.2);
    expect(d.pdf(1)).toBe(0);
  });

  it('keeps inv non-decreasing for a negative value: value when u <= p, else 0', () => {
    const cost = new BernoulliDistribution(0.3, -100);
    expect(cost.inv(0.1)).toBe(-100);
    expect(cost.inv(0.3)).toBe(-100);
    expect(cost.inv(0.31)).toBe(0);
    expect(cost.mean()).toBe(-30);
    expectClose(cost.variance(), 0.21 * 10_000, 1e-15);
    expect(cost.cdf(-100)).toBe(0.3);
    expect(cost.cdf(-101)).toBe(0);
    expect(cost.cdf(0)).toBe(1);
    expect(cost.supportValues).toEqual([-100, 0]);
  });

  it('degenerates cleanly at p = 0, p = 1 and value = 0', () => {
    const never = new BernoulliDistribution(0, 5);
    expect([never.inv(0), never.inv(1), never.mean(), never.variance()]).toEqual([0, 0, 0, 0]);
    const always = new BernoulliDistribution(1, 5);
    expect([always.inv(0), always.inv(1), always.mean(), always.variance()]).toEqual([5, 5, 5, 0]);
    expect(always.cdf(4.9)).toBe(0);
    expect(always.pdf(5)).toBe(1);
  });

  it('fills columns with exactly inv(u)', () => {
    expectFillMatchesInv(d);
    expectFillMatchesInv(new BernoulliDistribution(0.3, -100));
  });

  it('rejects bad parameters, naming the field', () => {
    expectDistributionError(() => new BernoulliDistribution(1.5), 'p', DISTRIBUTION_ERRORS.probabilityOutOfRange);
    expectDistributionError(() => new BernoulliDistribution(-0.1), 'p', DISTRIBUTION_ERRORS.probabilityOutOfRange);
    expectDistributionError(() => new BernoulliDistribution(Number.NaN), 'p', DISTRIBUTION_ERRORS.probabilityOutOfRange);
    expectDistributionError(() => new BernoulliDistribution(0.5, Infinity), 'value', DISTRIBUTION_ERRORS.notFinite);
  });
});
