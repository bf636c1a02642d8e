import { describe, expect, it } from 'vitest';
import { validateCase } from '../../models/compile/validate-case.ts';
import { parseFormula } from '../../models/formula/parse-formula.ts';
import { FormulaError } from '../../models/formula/formula-error.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

function issuesFor(amount: string) {
  const result = validateCase(minimalCase({ benefits: [{ id: 'b', label: 'B', amount }] }));
  if (result.ok) throw new Error('expected the case to be invalid');
  return result.issues;
}

describe('formula whitelist', () => {
  it.each([
    ['import({a: 1})', /not an allowed function/],
    ['createUnit("x")', /not an allowed function/],
    ['evaluate("1+1")', /not an allowed function/],
    ['parse("1")', /not an allowed function/],
    ['a = 3', /assignments are not allowed/],
    ['f(x) = x', /assignments are not allowed/],
    ['benefitPerMonth.constructor', /property access/],
    ['[1, 2]', /arrays/],
    ['"text"', /only numbers/],
    ['1; 2', /single expression/],
    ['1 < 2 < 3', /chained comparisons/],
  ])('rejects %s', (source, problem) => {
    const [issue] = issuesFor(source);
    expect(issue.path).toBe('/benefits/0/amount');
    expect(issue.message).toMatch(problem);
    expect(issue.message).toContain(source);
  });

  it('rejects unknown names with a hint and names the line', () => {
    const [issue] = issuesFor('benefitPerMonht * 2');
    expect(issue.path).toBe('/benefits/0/amount');
    expect(issue.message).toContain('unknown name "benefitPerMonht"');
    expect(issue.hint).toBe('benefitPerMonth');
  });

  it('rejects wrong arity', () => {
    expect(issuesFor('ramp(3)')[0].message).toMatch(/ramp\(\) takes 2 arguments, got 1/);
    expect(issuesFor('clamp(1, 2)')[0].message).toMatch(/clamp\(\) takes 3 arguments/);
  });

  it('rejects a function used as a value', () => {
    expect(issuesFor('min * 2')[0].message).toMatch(/"min" is a function/);
  });

  it('rejects a syntax error with the formula shown', () => {
    const [issue] = issuesFor('benefitPerMonth * (2');
    expect(issue.message).toMatch(/syntax error/);
    expect(issue.message).toContain('benefitPerMonth * (2');
  });

  it('rejects cycles between variables, naming the cycle', () => {
    const result = validateCase(minimalCase({ variables: { a: 'b + 1', b: 'c * 2', c: 'a' } }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0].message).toMatch(/circular definition: a → b → c → a/);
  });

  it('rejects time inside adoption parameters and metrics', () => {
    const adoption = validateCase(minimalCase({ adoption: { type: 'logistic', startMonth: 'month', monthsToHalf: 3, ceiling: 1 } }));
    expect(adoption.ok).toBe(false);
    if (!adoption.ok) expect(adoption.issues[0]).toMatchObject({ path: '/adoption/startMonth' });
    const metric = validateCase(minimalCase({ metrics: [{ id: 'm', label: 'M', unit: 'EUR', formula: 'npv * adoption' }] }));
    expect(metric.ok).toBe(false);
    if (!metric.ok) expect(metric.issues[0].message).toMatch(/varies by month/);
  });

  it('rejects a per-month variable where only per-trial values make sense', () => {
    const result = validateCase(
      minimalCase({ variables: { grown: 'benefitPerMonth * grow(0.05)' }, metrics: [{ id: 'm', label: 'M', unit: 'EUR', formula: 'grown * 2' }] }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0].path).toBe('/metrics/0/formula');
      expect(result.issues[0].message).toMatch(/"grown" varies by month/);
    }
    const adoption = validateCase(
      minimalCase({ variables: { ramped: 'ramp(1, 6)' }, adoption: { type: 'logistic', startMonth: 1, monthsToHalf: 3, ceiling: 'ramped' } }),
    );
    expect(adoption.ok).toBe(false);
  });

  it('parses percentages and booleans as numbers', () => {
    expect(parseFormula('50%', '/x')).toEqual({ kind: 'binary', op: '/', left: { kind: 'number', value: 50 }, right: { kind: 'number', value: 100 } });
    expect(parseFormula('true', '/x')).toEqual({ kind: 'number', value: 1 });
  });

  it('throws FormulaError with path and formula', () => {
    try {
      parseFormula('import(1)', '/costs/2/amount');
      throw new Error('expected a FormulaError');
    } catch (error) {
      expect(error).toBeInstanceOf(FormulaError);
      expect((error as FormulaError).path).toBe('/costs/2/amount');
      expect((error as FormulaError).formula).toBe('import(1)');
    }
  });
});
