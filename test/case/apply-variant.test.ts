import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../models/case/case-schema.ts';
import { VariantError, applyVariant } from '../../models/case/apply-variant.ts';
import { parseCase } from '../../models/compile/validate-case.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

const variants: CaseInput['variants'] = {
  withoutSetup: { label: 'Without setup', removeLines: ['setup'] },
  cheaperRun: {
    label: 'Cheaper run',
    inputs: { runCost: { unit: 'EUR/month', source: 'quote', distribution: { type: 'fixed', value: 60 } } },
    variables: { extra: '2 * runCost' },
    addCosts: [{ id: 'support', label: 'Support', category: 'maintenance', kind: 'monthly', amount: 'extra' }],
    addBenefits: [{ id: 'bonus', label: 'Bonus', amount: 10, scaleByAdoption: false }],
  },
  badRemoval: { label: 'Bad removal', removeLines: ['stup'] },
};

function catchVariantError(run: () => unknown): VariantError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(VariantError);
    return error as VariantError;
  }
  throw new Error('expected a VariantError');
}

describe('applyVariant', () => {
  const { case: bc } = parseCase(minimalCase({ variants }));

  it('removes lines by id and labels the variant', () => {
    const { document, label } = applyVariant(bc, 'withoutSetup');
    expect(label).toBe('Without setup');
    const variant = parseCase(document).case;
    expect(variant.name).toBe('Closed-form case — Without setup');
    expect(variant.costs.map((line) => line.id)).toEqual(['run']);
    expect(variant.benefits.map((line) => line.id)).toEqual(['flat']);
    expect(variant.variants).toBeUndefined();
  });

  it('overrides inputs, adds variables and appends lines after the base lines', () => {
    const variant = parseCase(applyVariant(bc, 'cheaperRun').document).case;
    expect(variant.inputs.runCost.distribution).toEqual({ type: 'fixed', value: 60 });
    expect(variant.inputs.benefitPerMonth).toEqual(bc.inputs.benefitPerMonth);
    expect(variant.variables).toEqual({ extra: '2 * runCost' });
    expect(variant.costs.map((line) => line.id)).toEqual(['setup', 'run', 'support']);
    expect(variant.benefits.map((line) => line.id)).toEqual(['flat', 'bonus']);
  });

  it('does not change the base case', () => {
    const before = JSON.stringify(bc);
    applyVariant(bc, 'cheaperRun');
    applyVariant(bc, 'withoutSetup');
    expect(JSON.stringify(bc)).toBe(before);
  });

  it('rejects an unknown variant, listing the names and hinting the closest', () => {
    const error = catchVariantError(() => applyVariant(bc, 'withoutSetp'));
    expect(error.message).toBe('unknown variant "withoutSetp"; the case has withoutSetup, cheaperRun, badRemoval');
    expect(error.hint).toBe('withoutSetup');
  });

  it('gives no hint when no variant name is close', () => {
    expect(catchVariantError(() => applyVariant(bc, 'somethingElseEntirely')).hint).toBeUndefined();
  });

  it('says so when the case defines no variants', () => {
    const { case: plain } = parseCase(minimalCase());
    const error = catchVariantError(() => applyVariant(plain, 'anything'));
    expect(error.message).toContain('defines no variants');
    expect(error.hint).toBeUndefined();
  });

  it('rejects removeLines of an unknown id, hinting the closest line id', () => {
    const error = catchVariantError(() => applyVariant(bc, 'badRemoval'));
    expect(error.message).toBe('variant "badRemoval" removes line "stup", which the case does not have');
    expect(error.hint).toBe('setup');
  });
});
