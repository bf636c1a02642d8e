import type { CaseInput } from '../../models/case/case-schema.ts';

/**
 * A small valid case whose numbers can be worked out by hand: fixed inputs, a flat
 * benefit, a one-time and a monthly cost. Tests override parts of it.
 */
export function minimalCase(overrides: Partial<CaseInput> = {}): CaseInput {
  return {
    formatVersion: 1,
    name: 'Closed-form case',
    ownership: { businessOwner: 'Head of Service', sponsor: 'COO' },
    currency: 'EUR',
    startDate: '2027-01-01',
    horizonMonths: 36,
    discountRateAnnual: 0.1,
    inputs: {
      benefitPerMonth: { unit: 'EUR/month', source: 'test', distribution: { type: 'fixed', value: 1000 } },
      setupCost: { unit: 'EUR', source: 'test', distribution: { type: 'fixed', value: 20000 } },
      runCost: { unit: 'EUR/month', source: 'test', distribution: { type: 'fixed', value: 100 } },
    },
    adoption: { type: 'logistic', startMonth: 1, monthsToHalf: 3, ceiling: 1 },
    benefits: [{ id: 'flat', label: 'Flat benefit', amount: 'benefitPerMonth', scaleByAdoption: false }],
    costs: [
      { id: 'setup', label: 'Setup', category: 'integration', kind: 'oneTime', month: 1, amount: 'setupCost' },
      { id: 'run', label: 'Run', category: 'infrastructure', kind: 'monthly', amount: 'runCost' },
    ],
    ...overrides,
  };
}
