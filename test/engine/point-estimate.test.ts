import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../models/case/case-schema.ts';
import { parseCase } from '../../models/compile/validate-case.ts';
import { pointEstimate } from '../../models/engine/point-estimate.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

const H = 36;
const START = 2;
const HALF = 4;
const CEILING = 0.8;

/** The case: 1000 EUR/month growing 5% a year, scaled by a logistic adoption; setup 20,000 in month 1; 100/month run cost. */
function growthCase(inputs?: CaseInput['inputs']): CaseInput {
  return minimalCase({
    horizonMonths: H,
    adoption: { type: 'logistic', startMonth: START, monthsToHalf: HALF, ceiling: CEILING },
    benefits: [{ id: 'growing', label: 'Growing benefit', amount: 'benefitPerMonth * grow(0.05)' }],
    ...(inputs ? { inputs } : {}),
  });
}

/** Closed form in plain floating point, month by month. */
function closedForm(): { npv: number; pvBenefits: number; pvCosts: number; net: number[] } {
  let npv = 0;
  let pvBenefits = 0;
  let pvCosts = 0;
  const net: number[] = [];
  for (let m = 1; m <= H; m++) {
    // Logistic adoption: ceiling / (1 + e^(−(ln 99 / half)(m − start − half))), 0 before the start month.
    const adoption = m < START ? 0 : CEILING / (1 + Math.exp(-(Math.log(99) / HALF) * (m - START - HALF)));
    const benefit = 1000 * Math.pow(1.05, (m - 1) / 12) * adoption;
    const cost = (m === 1 ? 20000 : 0) + 100;
    const discount = Math.pow(1.1, -m / 12);
    pvBenefits += benefit * discount;
    pvCosts += cost * discount;
    npv += (benefit - cost) * discount;
    net.push(benefit - cost);
  }
  return { npv, pvBenefits, pvCosts, net };
}

describe('pointEstimate', () => {
  const expected = closedForm();
  const { case: bc, model } = parseCase(growthCase());
  const point = pointEstimate(bc);

  it('NPV matches the closed form to the cent', () => {
    expect(Math.abs(Number(point.npv) - expected.npv)).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(point.npv).toBe(expected.npv.toFixed(2));
    expect(point.pvBenefits).toBe(expected.pvBenefits.toFixed(2));
    expect(point.pvCosts).toBe(expected.pvCosts.toFixed(2));
  });

  it('monthly net cash flows match to the cent; month 1 has no adoption yet', () => {
    expect(point.monthlyNetCashFlow).toHaveLength(H);
    expect(point.monthlyNetCashFlow[0]).toBe('-20100.00');
    // Month 2 (start month): adoption 0.8 · 1% = 0.008; benefit = 1000 · 1.05^(1/12) · 0.008.
    expect(Number(point.monthlyNetCashFlow[1])).toBeCloseTo(1000 * Math.pow(1.05, 1 / 12) * 0.008 - 100, 2);
    point.monthlyNetCashFlow.forEach((value, index) => expect(Math.abs(Number(value) - expected.net[index])).toBeLessThanOrEqual(0.005 + 1e-9));
  });

  it('reports the inputs at their medians', () => {
    expect(point.inputs).toEqual({ benefitPerMonth: '1000', setupCost: '20000', runCost: '100' });
    expect(point.totalCosts).toBe('23600.00');
    expect(point.costByCategory.integration).toBe('20000.00');
  });

  it('equals the Monte Carlo NPV of the same fixed-input case to 1e-6 relative', () => {
    const result = simulate(model, { trials: 3, seed: 1 });
    for (const value of result.outputs.npv) {
      expect(Math.abs(value - expected.npv)).toBeLessThanOrEqual(1e-6 * Math.abs(expected.npv));
      // The point estimate is rounded to the cent.
      expect(Math.abs(value - Number(point.npv))).toBeLessThanOrEqual(0.005 + 1e-6 * Math.abs(expected.npv));
    }
  });

  it('uses the median of a non-fixed input: uniform(800, 1200) has median 1000, so the same NPV', () => {
    const { case: uniformCase } = parseCase(
      growthCase({
        ...minimalCase().inputs,
        benefitPerMonth: { unit: 'EUR/month', source: 'test', distribution: { type: 'uniform', min: 800, max: 1200 } },
      }),
    );
    const uniformPoint = pointEstimate(uniformCase);
    expect(uniformPoint.inputs.benefitPerMonth).toBe('1000');
    expect(uniformPoint.npv).toBe(point.npv);
  });
});
