import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../models/case/case-schema.ts';
import { parseCase } from '../../models/compile/validate-case.ts';
import { portfolioValue } from '../../models/analysis/portfolio-value.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

/** A fixed-input case whose net cash flow is `benefit − cost` every month, with no adoption ramp. */
function flatCase(overrides: { startDate: string; horizonMonths: number; benefit: number; cost: number; currency?: string; name?: string }) {
  const document: CaseInput = minimalCase({
    name: overrides.name ?? 'Flat case',
    currency: overrides.currency ?? 'EUR',
    startDate: overrides.startDate,
    horizonMonths: overrides.horizonMonths,
    inputs: {
      benefitPerMonth: { unit: 'EUR/month', source: 'test', distribution: { type: 'fixed', value: overrides.benefit } },
      runCost: { unit: 'EUR/month', source: 'test', distribution: { type: 'fixed', value: overrides.cost } },
    },
    benefits: [{ id: 'flat', label: 'Flat', amount: 'benefitPerMonth', scaleByAdoption: false }],
    costs: [{ id: 'run', label: 'Run', category: 'infrastructure', kind: 'monthly', amount: 'runCost' }],
  });
  return parseCase(document);
}

/** Σ_{m=1..H} net · 1.1^(−m/12): each case discounted to its own start. */
const flatNpv = (net: number, months: number): number =>
  Array.from({ length: months }, (_, index) => net * Math.pow(1.1, -(index + 1) / 12)).reduce((a, b) => a + b, 0);

describe('portfolioValue', () => {
  // A: January 2027, 6 months, net 1000/month → cumulative 1000, 2000, …, 6000 (Jan–Jun), then stays 6000.
  // B: April 2027, 6 months, net 500/month (600 − 100) → 0 before April, then 500, 1000, …, 3000 (Apr–Sep).
  const a = flatCase({ startDate: '2027-01-01', horizonMonths: 6, benefit: 1000, cost: 0, name: 'A' });
  const b = flatCase({ startDate: '2027-04-01', horizonMonths: 6, benefit: 600, cost: 100, name: 'B' });

  it('aligns the cumulative cash flows by calendar month (worked out by hand)', () => {
    // Later case listed first: the span still starts at the earliest start date.
    const [portfolio] = portfolioValue([b, a], { trials: 20, seed: 3 });
    expect(portfolio.currency).toBe('EUR');
    expect(portfolio.cases).toBe(2);
    expect(portfolio.trials).toBe(20);
    expect(portfolio.months).toEqual(['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07', '2027-08', '2027-09']);
    //            Jan   Feb   Mar   Apr         May          Jun          Jul          Aug          Sep
    const total = [1000, 2000, 3000, 4000 + 500, 5000 + 1000, 6000 + 1500, 6000 + 2000, 6000 + 2500, 6000 + 3000];
    expect(portfolio.p50).toEqual(total);
    // Fixed inputs: every trial is the same, so p10 = p50 = p90.
    expect(portfolio.p10).toEqual(total);
    expect(portfolio.p90).toEqual(total);
  });

  it('sums the NPVs, each discounted to its own start date', () => {
    const [portfolio] = portfolioValue([a, b], { trials: 10, seed: 1 });
    const expected = flatNpv(1000, 6) + flatNpv(500, 6);
    expect(portfolio.totalNpv.mean).toBeCloseTo(expected, 8);
    expect(portfolio.totalNpv.p10).toBeCloseTo(expected, 8);
    expect(portfolio.totalNpv.p50).toBeCloseTo(expected, 8);
    expect(portfolio.totalNpv.p90).toBeCloseTo(expected, 8);
  });

  it('ignores the day of the month and crosses year ends (Nov 2027 + Feb 2028)', () => {
    const late = flatCase({ startDate: '2027-11-30', horizonMonths: 3, benefit: 100, cost: 0 });
    const early = flatCase({ startDate: '2028-02-15', horizonMonths: 2, benefit: 10, cost: 0 });
    const [portfolio] = portfolioValue([late, early], { trials: 5, seed: 2 });
    expect(portfolio.months).toEqual(['2027-11', '2027-12', '2028-01', '2028-02', '2028-03']);
    // late: 100, 200, 300 (Nov–Jan) then stays 300; early: 10, 20 in Feb–Mar.
    expect(portfolio.p50).toEqual([100, 200, 300, 310, 320]);
  });

  it('never sums across currencies: a USD and a EUR case give two entries', () => {
    const usd = flatCase({ startDate: '2027-04-01', horizonMonths: 6, benefit: 600, cost: 100, currency: 'USD' });
    const results = portfolioValue([a, usd], { trials: 10, seed: 1 });
    expect(results.map((entry) => entry.currency)).toEqual(['EUR', 'USD']);
    const eur = results.find((entry) => entry.currency === 'EUR')!;
    const dollars = results.find((entry) => entry.currency === 'USD')!;
    expect(eur.cases).toBe(1);
    expect(dollars.cases).toBe(1);
    expect(eur.months).toEqual(['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06']);
    expect(eur.p50).toEqual([1000, 2000, 3000, 4000, 5000, 6000]);
    expect(dollars.months).toEqual(['2027-04', '2027-05', '2027-06', '2027-07', '2027-08', '2027-09']);
    expect(dollars.p50).toEqual([500, 1000, 1500, 2000, 2500, 3000]);
    expect(eur.totalNpv.mean).toBeCloseTo(flatNpv(1000, 6), 8);
    expect(dollars.totalNpv.mean).toBeCloseTo(flatNpv(500, 6), 8);
  });
});
