import type { CaseIssue } from '../case/case-error.ts';
import { FormulaError } from '../formula/formula-error.ts';
import { parseFormula } from '../formula/parse-formula.ts';

/** Keys whose text value is a formula wherever they appear in a case (benefit, cost, pilot, adoption and metric lines). */
const FORMULA_KEYS = new Set(['amount', 'realization', 'volume', 'unitCost', 'startMonth', 'monthsToHalf', 'ceiling', 'scopeShare', 'adoption', 'formula']);

/** The case's and each variant's `variables`: records whose every text value is a formula. */
function isVariablesRecord(pointer: string, key: string): boolean {
  return key === 'variables' && (pointer === '' || /^\/variants\/[^/]+$/.test(pointer));
}

function escapeKey(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Every formula written as text in a document, with its JSON pointer. */
function formulaTexts(value: unknown, pointer: string, inRecord: boolean, into: { path: string; text: string }[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => formulaTexts(item, `${pointer}/${index}`, false, into));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    const path = `${pointer}/${escapeKey(key)}`;
    if (typeof child === 'string' && (inRecord || FORMULA_KEYS.has(key))) into.push({ path, text: child });
    else formulaTexts(child, path, isVariablesRecord(pointer, key), into);
  }
}

/**
 * The formulas of a draft that are not in the formula language at all: syntax errors,
 * functions that are not allowed, property access, assignments, text, arrays, and formulas
 * too long or too deep. A draft with one of these is refused (it does not parse); a formula
 * that only names something not defined yet (an input still to add, a cycle) is a to-do.
 *
 * @example
 * formulaSyntaxIssues({ benefits: [{ amount: 'evaluate("1")' }] })[0].path // '/benefits/0/amount'
 */
export function formulaSyntaxIssues(document: unknown): CaseIssue[] {
  const texts: { path: string; text: string }[] = [];
  formulaTexts(document, '', false, texts);
  const issues: CaseIssue[] = [];
  for (const { path, text } of texts) {
    try {
      parseFormula(text, path);
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      issues.push({ path: error.path, message: `${error.problem} in formula "${error.formula}"`, hint: error.hint });
    }
  }
  return issues;
}
