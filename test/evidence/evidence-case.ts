import type { CaseInput } from '../../models/case/case-schema.ts';

type InputDoc = CaseInput['inputs'][string];

/**
 * A one-input case: NPV = 12·x − setup exactly (12 months, no discounting, no adoption),
 * so the simulated input and the NPV have closed forms.
 */
export function evidenceCase(x: Partial<InputDoc> & Pick<InputDoc, 'distribution'>, setup = 0): CaseInput {
  return {
    formatVersion: 1,
    name: 'Evidence case',
    ownership: { businessOwner: 'Owner', sponsor: 'Sponsor' },
    currency: 'EUR',
    startDate: '2027-01-01',
    horizonMonths: 12,
    discountRateAnnual: 0,
    inputs: {
      x: { unit: 'EUR/month', source: 'test', ...x },
      setup: { unit: 'EUR', source: 'test', distribution: { type: 'fixed', value: setup } },
    },
    adoption: { type: 'logistic', startMonth: 1, monthsToHalf: 1, ceiling: 1 },
    benefits: [{ id: 'lineX', label: 'X', amount: 'x', scaleByAdoption: false }],
    costs: [{ id: 'setupCost', label: 'Setup', category: 'integration', kind: 'oneTime', month: 1, amount: 'setup' }],
  };
}

/** Evidence metadata every test shares. */
export const META = { takenOn: '2026-03-31', takenBy: 'WFM analyst' } as const;

/** Mean and sample sd of a column. */
export function moments(values: Float64Array): { mean: number; sd: number } {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return { mean, sd: Math.sqrt(ss / (values.length - 1)) };
}
