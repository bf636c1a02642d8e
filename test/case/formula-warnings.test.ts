import { describe, expect, it } from 'vitest';
import { validateCase } from '../../models/compile/validate-case.ts';
import { minimalCase } from '../helpers/minimal-case.ts';
import type { CaseInput } from '../../models/case/case-schema.ts';

function warnings(overrides: Partial<CaseInput>) {
  const result = validateCase(minimalCase(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.warnings;
}

describe('formula warnings at the point estimate', () => {
  it('names the line, the month and the operation of an ∞ from a division by zero', () => {
    const found = warnings({ benefits: [{ id: 'clerk', label: 'Clerk time', amount: 'benefitPerMonth / (month - 3)' }] });
    expect(found).toEqual([{ path: '/benefits/0/amount', message: "benefit 'Clerk time' is ∞ in month 3: division by zero" }]);
  });

  it('says −∞ and NaN, and names a square root of a negative number and a constant 1/0', () => {
    const found = warnings({
      benefits: [
        { id: 'a', label: 'Refunds', amount: '-benefitPerMonth / (month - 2)' },
        { id: 'b', label: 'Odd', amount: 'sqrt(month - 5)' },
      ],
      costs: [{ id: 'c', label: 'Licence', category: 'infrastructure', kind: 'monthly', amount: '1/0' }],
    });
    expect(found).toEqual([
      { path: '/benefits/0/amount', message: "benefit 'Refunds' is −∞ in month 2: division by zero" },
      { path: '/benefits/1/amount', message: "benefit 'Odd' is not a number (NaN) in month 1: square root of a negative number" },
      { path: '/costs/0/amount', message: "cost 'Licence' is ∞ in month 1: division by zero" },
    ]);
  });

  it('names a variable that is ∞, and the line that uses it', () => {
    const found = warnings({
      variables: { perClerk: 'benefitPerMonth / (month - 4)' },
      benefits: [{ id: 'a', label: 'Clerk time', amount: 'perClerk' }],
    });
    expect(found).toEqual([
      { path: '/variables/perClerk', message: "variable 'perClerk' is ∞ in month 4: division by zero" },
      { path: '/benefits/0/amount', message: "benefit 'Clerk time' is ∞ in month 4: it uses perClerk, which is ∞" },
    ]);
  });

  it("ignores months outside a line's window", () => {
    expect(warnings({ benefits: [{ id: 'a', label: 'Later', amount: 'benefitPerMonth / (month - 3)', fromMonth: 4 }] })).toEqual([]);
  });

  it('warns about a negative cost amount, naming the month and the amount', () => {
    const found = warnings({
      costs: [
        { id: 'refund', label: 'Vendor refund', category: 'infrastructure', kind: 'oneTime', month: 2, amount: -500 },
        { id: 'run', label: 'Run', category: 'infrastructure', kind: 'perUnit', volume: 10, unitCost: '-runCost' },
      ],
    });
    expect(found).toEqual([
      { path: '/costs/0/amount', message: "cost 'Vendor refund' is negative in month 2 (-500): a cost should be positive; put a saving among the benefits" },
      { path: '/costs/1', message: "cost 'Run' is negative in month 1 (-1000): a cost should be positive; put a saving among the benefits" },
    ]);
  });
});
