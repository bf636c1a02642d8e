import { describe, expect, it } from 'vitest';
import { validateCase } from '../../models/compile/validate-case.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

function issues(document: unknown) {
  const result = validateCase(document);
  if (result.ok) throw new Error('expected the case to be invalid');
  return result.issues;
}

describe('case validation errors name the JSON path', () => {
  it('accepts the minimal case', () => {
    expect(validateCase(minimalCase()).ok).toBe(true);
  });

  it('rejects unknown fields with a typo hint', () => {
    const document = { ...minimalCase(), discountRate: 0.1 };
    expect(issues(document)).toContainEqual({ path: '/discountRate', message: 'unknown field', hint: 'discountRateAnnual' });
  });

  it('rejects unknown distribution parameters with a hint, in the branch the author meant', () => {
    const document = minimalCase({
      inputs: { a: { unit: 'u', source: 's', distribution: { type: 'normal', mean: 1, sdd: 2 } as never } },
    });
    const found = issues(document);
    expect(found).toContainEqual({ path: '/inputs/a/distribution/sdd', message: 'unknown field', hint: 'sd' });
    expect(found.some((issue) => issue.path === '/inputs/a/distribution/sd')).toBe(true);
  });

  it('rejects an unknown distribution type with a hint', () => {
    const document = minimalCase({ inputs: { a: { unit: 'u', source: 's', distribution: { type: 'lognorml' } as never } } });
    const [issue] = issues(document);
    expect(issue.path).toBe('/inputs/a/distribution/type');
    expect(issue.hint).toBe('lognormal');
  });

  it('rejects an unknown cost kind and category with hints', () => {
    const document = minimalCase({
      costs: [
        { id: 'a', label: 'A', category: 'data', kind: 'oneTim', month: 1, amount: 1 } as never,
        { id: 'b', label: 'B', category: 'dat', kind: 'monthly', amount: 1 } as never,
      ],
    });
    const found = issues(document);
    expect(found).toContainEqual(expect.objectContaining({ path: '/costs/0/kind', hint: 'oneTime' }));
    expect(found).toContainEqual(expect.objectContaining({ path: '/costs/1/category', hint: 'data' }));
  });

  it('warns, without blocking, about an input with no unit or no source', () => {
    for (const input of [{ unit: '', source: '' }, {}]) {
      const result = validateCase(minimalCase({ inputs: { ...minimalCase().inputs, a: { ...input, distribution: { type: 'fixed', value: 1 } } } }));
      if (!result.ok) throw new Error('expected the case to be valid');
      expect(result.warnings.filter((warning) => warning.path.startsWith('/inputs/'))).toEqual([
        { path: '/inputs/a/unit', message: `input 'a' has no unit: say how it is counted, e.g. "EUR/hour" or "tickets/month"` },
        { path: '/inputs/a/source', message: `input 'a' has no source: say where the estimate comes from (source or rationale)` },
      ]);
    }
  });

  it('reports invalid distribution parameters at their field', () => {
    const document = minimalCase({
      inputs: { a: { unit: 'u', source: 's', distribution: { type: 'triangular', min: 5, mode: 1, max: 10 } } },
    });
    expect(issues(document)[0].path).toMatch(/^\/inputs\/a\/distribution/);
  });

  it('rejects months beyond the horizon and reversed ranges', () => {
    const document = minimalCase({
      costs: [
        { id: 'a', label: 'A', category: 'data', kind: 'oneTime', month: 99, amount: 1 },
        { id: 'b', label: 'B', category: 'data', kind: 'monthly', amount: 1, fromMonth: 10, toMonth: 5 },
      ],
    });
    const found = issues(document);
    expect(found).toContainEqual(expect.objectContaining({ path: '/costs/0/month' }));
    expect(found).toContainEqual(expect.objectContaining({ path: '/costs/1/toMonth' }));
  });

  it('rejects duplicate ids and reserved input names', () => {
    const document = minimalCase({
      inputs: { month: { unit: 'u', source: 's', distribution: { type: 'fixed', value: 1 } } },
      benefits: [
        { id: 'x', label: 'A', amount: 1 },
        { id: 'x', label: 'B', amount: 1 },
      ],
      costs: [],
    });
    const found = issues(document);
    expect(found).toContainEqual(expect.objectContaining({ path: '/inputs/month' }));
    expect(found).toContainEqual(expect.objectContaining({ path: '/benefits/1/id', message: 'duplicate id "x"' }));
  });

  it('rejects a correlation matrix that is not positive semi-definite', () => {
    const document = minimalCase({
      inputs: {
        a: { unit: 'u', source: 's', distribution: { type: 'uniform', min: 0, max: 1 } },
        b: { unit: 'u', source: 's', distribution: { type: 'uniform', min: 0, max: 1 } },
        c: { unit: 'u', source: 's', distribution: { type: 'uniform', min: 0, max: 1 } },
      },
      benefits: [{ id: 'x', label: 'X', amount: 'a + b + c' }],
      costs: [],
      correlations: {
        inputs: ['a', 'b', 'c'],
        matrix: [
          [1, 0.9, -0.9],
          [0.9, 1, 0.9],
          [-0.9, 0.9, 1],
        ],
      },
    });
    const [issue] = issues(document);
    expect(issue.path).toBe('/correlations/matrix');
    expect(issue.message).toMatch(/not positive semi-definite/);
  });

  it('warns when the business owner is missing or is the sponsor', () => {
    const result = validateCase(minimalCase({ ownership: { businessOwner: 'COO', sponsor: 'COO' } }));
    expect(result.ok && result.warnings[0].path).toBe('/ownership/businessOwner');
  });

  it('warns when a benefit line counts adoption twice, naming the chain of variables', () => {
    const result = validateCase(
      minimalCase({
        variables: { usedVolume: 'benefitPerMonth * adoption', value: 'usedVolume * 2' },
        benefits: [
          { id: 'twice', label: 'Scaled twice', amount: 'value' },
          { id: 'once', label: 'Scaled once', amount: 'benefitPerMonth' },
          { id: 'own', label: 'Own curve', amount: 'value', scaleByAdoption: false },
        ],
      }),
    );
    if (!result.ok) throw new Error('expected a valid case');
    expect(result.warnings).toEqual([
      {
        path: '/benefits/0/amount',
        message: expect.stringContaining('adoption is counted twice in benefit "twice": its amount uses value → usedVolume → adoption'),
      },
    ]);
  });
});
