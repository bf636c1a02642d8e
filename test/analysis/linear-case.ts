import type { CaseInput } from '../../models/case/case-schema.ts';

/**
 * NPV = 12·a + 12·b − setup exactly (no discounting, no adoption), with
 * a ~ Normal(100, 10) and b ~ Uniform(0, 60): the closed forms below follow.
 */
export function linearCase(setup: number, b: CaseInput['inputs'][string]['distribution'] = { type: 'uniform', min: 0, max: 60 }): CaseInput {
  return {
    formatVersion: 1,
    name: 'Linear case',
    ownership: { businessOwner: 'Owner', sponsor: 'Sponsor' },
    currency: 'EUR',
    startDate: '2027-01-01',
    horizonMonths: 12,
    discountRateAnnual: 0,
    inputs: {
      a: { unit: 'EUR/month', source: 'test', distribution: { type: 'normal', mean: 100, sd: 10 }, measurementCost: 5 },
      b: { unit: 'EUR/month', source: 'test', distribution: b },
      setup: { unit: 'EUR', source: 'test', distribution: { type: 'fixed', value: setup } },
    },
    adoption: { type: 'logistic', startMonth: 1, monthsToHalf: 1, ceiling: 1 },
    benefits: [
      { id: 'lineA', label: 'A', amount: 'a', scaleByAdoption: false },
      { id: 'lineB', label: 'B', amount: 'b', scaleByAdoption: false },
    ],
    costs: [{ id: 'setupCost', label: 'Setup', category: 'integration', kind: 'oneTime', month: 1, amount: 'setup' }],
    variants: { withoutB: { label: 'without B', removeLines: ['lineB'] } },
  };
}

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}
