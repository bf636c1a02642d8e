import { describe, expect, it } from 'vitest';
import { formulaSyntaxIssues } from '../../models/compile/formula-syntax-issues.ts';
import { validateDraft } from '../../models/compile/validate-draft.ts';

describe('formulaSyntaxIssues', () => {
  it('names each formula outside the formula language by its pointer', () => {
    const issues = formulaSyntaxIssues({
      benefits: [{ amount: 'evaluate("1")' }],
      costs: [{ kind: 'perUnit', volume: 'a.b', unitCost: '2' }],
      variables: { v: 'x = 1' },
      variants: { lean: { variables: { w: '"text"' } } },
    });
    expect(issues.map((issue) => issue.path)).toEqual(['/benefits/0/amount', '/costs/0/volume', '/variables/v', '/variants/lean/variables/w']);
    expect(issues[0].message).toMatch(/"evaluate" is not an allowed function/);
  });

  it('leaves names not defined yet, numbers and text fields alone', () => {
    expect(
      formulaSyntaxIssues({
        benefits: [{ label: 'a.b = "x"', amount: 'inputStillToAdd * 2', realization: 0.5 }],
        inputs: { variables: { unit: 'EUR/hour', source: 'time study, 2026' } },
      }),
    ).toEqual([]);
  });

  it('makes a draft with such a formula not parse, and one naming an undefined input a to-do', () => {
    const refused = validateDraft({ formatVersion: 1, name: 'Draft', variables: { v: 'import({a: 1})' } });
    expect(refused.ok).toBe(false);
    const todo = validateDraft({ formatVersion: 1, name: 'Draft', variables: { v: 'volume * 2' } });
    expect(todo.ok).toBe(true);
  });
});
