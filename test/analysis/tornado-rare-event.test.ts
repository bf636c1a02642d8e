import { describe, expect, it } from 'vitest';
import { tornadoAnalysis } from '../../models/analysis/index.ts';
import type { CaseInput } from '../../models/case/case-schema.ts';
import { parseCase } from '../../models/compile/validate-case.ts';

/** NPV = u − loss over one month: u ~ Uniform(0, 1), loss = 1000 with probability p, a fixed fee of 0. */
function rareEventCase(p: number): CaseInput {
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
      loss: { unit: 'EUR', source: 'test', distribution: { type: 'bernoulli', p, value: 1000 } },
      fee: { unit: 'EUR', source: 'test', distribution: { type: 'fixed', value: 0 } },
    },
    adoption: { type: 'logistic', startMonth: 1, monthsToHalf: 1, ceiling: 1 },
    benefits: [{ id: 'gain', label: 'Gain', amount: 'u', scaleByAdoption: false }],
    costs: [{ id: 'loss', label: 'Loss', category: 'other', kind: 'monthly', amount: 'loss + fee' }],
  } as CaseInput;
}

describe('tornado and inputs whose two percentiles coincide', () => {
  it('names a rare chance event it cannot show as a bar, and says nothing of a true constant', () => {
    const result = tornadoAnalysis(parseCase(rareEventCase(0.0009)).model);
    // p10 and p90 of the event are both 0: no bar, but it varies, so a warning names it.
    expect(result.bars.map((bar) => bar.input)).toEqual(['u']);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/\(loss\) varies but is 0 at both p10 and p90.*Sobol/);
  });

  it('shows the event as a bar once the percentiles straddle it, with no warning', () => {
    const result = tornadoAnalysis(parseCase(rareEventCase(0.5)).model);
    const loss = result.bars.find((bar) => bar.input === 'loss')!;
    // Loss 0 at p10, 1000 at p90: NPV falls by exactly 1000 (one month, no discounting).
    expect(loss.outputAtLow - loss.outputAtHigh).toBeCloseTo(1000, 9);
    expect(result.warnings).toEqual([]);
  });
});
