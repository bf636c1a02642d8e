import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderFunctionDocs } from '../../models/formula/function-docs.ts';
import { FUNCTION_NAMES, FUNCTION_REGISTRY } from '../../models/formula/function-registry.ts';
import { parseFormula } from '../../models/formula/parse-formula.ts';
import { formulaNames } from '../../web/src/editor/formula-names.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

function hintOf(formula: string): string | undefined {
  try {
    parseFormula(formula, '/x');
  } catch (error) {
    return (error as { hint?: string }).hint;
  }
  return 'no error';
}

/* The function table drives the editor's completions, the docs and "did you mean". */
describe('the function table drives', () => {
  it('the editor completions: every function, the time names and pi and e', () => {
    const names = formulaNames(minimalCase({ variables: { v: '1' } }));
    for (const name of FUNCTION_NAMES) expect(names).toContain(`${name}(`);
    for (const name of ['benefitPerMonth', 'v', 'month', 'year', 'monthOfYear', 'adoption', 'horizonMonths', 'pi', 'e']) expect(names).toContain(name);
  });

  it('docs/formula-functions.md (run `npm run docs:functions` after changing the table)', () => {
    const file = readFileSync('docs/formula-functions.md', 'utf8');
    expect(file).toBe(renderFunctionDocs());
    for (const name of FUNCTION_NAMES) expect(file).toContain(`| \`${FUNCTION_REGISTRY[name].signature.replaceAll('|', '\\|')}\``);
  });

  it('"did you mean" for a misspelt function', () => {
    expect(() => parseFormula('nromcdf(1)', '/x')).toThrow(/"nromcdf" is not an allowed function/);
    expect(hintOf('cbrtt(8)')).toBe('cbrt');
    expect(hintOf('normcfd(0)')).toBe('normcdf');
    expect(hintOf('hypt(3, 4)')).toBe('hypot');
  });
});
