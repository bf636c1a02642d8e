import type { CaseInput } from '../../models/case/case-schema.ts';

/**
 * A one-month case whose NPV is exactly u − loss: u ~ Uniform(0, 1), loss = `loss` with
 * probability p (a rare chance event when p is small), and a fixed fee of 0 (a true constant).
 *
 * @example
 * parseCase(rareEventCase(0.0009)).model
 */
export function rareEventCase(p: number, loss = 1000): CaseInput {
  return {
    formatVersion: 1,
    name: 'Rare loss',
    ownership: { businessOwner: 'Owner', sponsor: 'Sponsor' },
    currency: 'EUR',
    startDate: '2027-01-01',
    horizonMonths: 1,
    discountRateAnnual: 0,
    inputs: {
      u: { unit: 'EUR', source: 'test', distribution: { type: 'uniform', min: 0, max: 1 } },
      loss: { unit: 'EUR', source: 'test', distribution: { type: 'bernoulli', p, value: loss } },
      fee: { unit: 'EUR', source: 'test', distribution: { type: 'fixed', value: 0 } },
    },
    adoption: { type: 'logistic', startMonth: 1, monthsToHalf: 1, ceiling: 1 },
    benefits: [{ id: 'gain', label: 'Gain', amount: 'u', scaleByAdoption: false }],
    costs: [
      { id: 'lossCost', label: 'Loss', category: 'integration', kind: 'oneTime', month: 1, amount: 'loss' },
      { id: 'feeCost', label: 'Fee', category: 'integration', kind: 'oneTime', month: 1, amount: 'fee' },
    ],
  };
}
