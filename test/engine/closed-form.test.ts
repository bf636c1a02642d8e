import { describe, expect, it } from 'vitest';
import { parseCase } from '../../models/compile/validate-case.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { pointEstimate } from '../../models/engine/point-estimate.ts';
import { irr, npv } from '../../models/finance/index.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

const monthlyRate = Math.pow(1.1, 1 / 12) - 1;
// Month 1: 1000 − 100 − 20000; months 2..36: 900.
const flows = Array.from({ length: 36 }, (_, index) => (index === 0 ? 1000 - 100 - 20000 : 900));

describe('engine against closed forms (fixed inputs)', () => {
  const { case: bc, model } = parseCase(minimalCase());
  const result = simulate(model, { trials: 5, seed: 1, keepLineTotals: true });

  it('NPV equals Excel-convention NPV of the monthly flows at the monthly-equivalent rate', () => {
    const expected = npv(monthlyRate, flows);
    for (const value of result.outputs.npv) expect(value).toBeCloseTo(expected, 6);
  });

  it('ROI is (PV benefits − PV costs) / PV costs', () => {
    const pvBenefits = npv(monthlyRate, new Array(36).fill(1000));
    const pvCosts = npv(
      monthlyRate,
      flows.map((_, i) => (i === 0 ? 20100 : 100)),
    );
    expect(result.outputs.pvBenefits[0]).toBeCloseTo(pvBenefits, 6);
    expect(result.outputs.pvCosts[0]).toBeCloseTo(pvCosts, 6);
    expect(result.outputs.roi[0]).toBeCloseTo((pvBenefits - pvCosts) / pvCosts, 12);
  });

  it('payback is the month after which the cumulative cash flow stays positive', () => {
    // Cumulative after m months: 900m − 20000; first positive at m = 23 (20,700).
    expect(result.outputs.paybackMonth[0]).toBe(23);
    // Discounted: find by hand with the same factors.
    let cumulative = 0;
    let expected = 0;
    flows.forEach((flow, index) => {
      cumulative += flow * Math.pow(1.1, -(index + 1) / 12);
      if (cumulative <= 0) expected = index + 2;
    });
    expect(result.outputs.discountedPaybackMonth[0]).toBe(expected);
  });

  it('IRR is the annualised monthly IRR of the flows', () => {
    const monthly = irr(flows);
    expect(result.outputs.irrAnnual[0]).toBeCloseTo(Math.pow(1 + monthly, 12) - 1, 9);
  });

  it('totals by category and line are undiscounted sums', () => {
    expect(result.outputs['cost.integration'][0]).toBe(20000);
    expect(result.outputs['cost.infrastructure'][0]).toBeCloseTo(3600, 9);
    expect(result.outputs['benefit.flat'][0]).toBe(36000);
    expect(result.outputs.totalCosts[0]).toBeCloseTo(23600, 9);
  });

  it('the decimal point estimate matches to the cent', () => {
    const point = pointEstimate(bc);
    expect(point.npv).toBe(npv(monthlyRate, flows).toFixed(2));
    expect(point.totalCosts).toBe('23600.00');
    expect(point.paybackMonth).toBe(23);
    expect(point.costByCategory.integration).toBe('20000.00');
    expect(point.monthlyNetCashFlow[0]).toBe('-19100.00');
  });
});

describe('adoption curve', () => {
  it('is 1% of the ceiling at the start month and half the ceiling monthsToHalf later', () => {
    const { model } = parseCase(
      minimalCase({
        horizonMonths: 24,
        adoption: { type: 'logistic', startMonth: 3, monthsToHalf: 4, ceiling: 0.8 },
        benefits: [{ id: 'flat', label: 'Flat', amount: 1000 }],
        costs: [],
      }),
    );
    const result = simulate(model, { trials: 1, keepLineTotals: true });
    // Benefit per month = 1000 × adoption: before month 3 nothing.
    const expectedTotal = Array.from({ length: 24 }, (_, index) => {
      const m = index + 1;
      if (m < 3) return 0;
      return (1000 * 0.8) / (1 + Math.exp(-(Math.log(99) / 4) * (m - 3 - 4)));
    }).reduce((a, b) => a + b, 0);
    expect(result.outputs['benefit.flat'][0]).toBeCloseTo(expectedTotal, 8);
    // Month 3: 0.8 × 0.01 = 8 EUR; month 7: 0.8 × 0.5 = 400 EUR.
    expect(0.8 / (1 + Math.exp(-(Math.log(99) / 4) * 0))).toBeCloseTo(0.4, 12);
    expect((1000 * 0.8) / (1 + Math.exp((Math.log(99) / 4) * 4))).toBeCloseTo(8, 12);
  });
});
