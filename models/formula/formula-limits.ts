import { CASE_LIMITS } from '../case/case-limits.ts';
import type { Expr } from './expr.ts';
import { FormulaError } from './formula-error.ts';

/** Longest formula accepted, in characters: the case format's limit, so the schema and the compiler agree. */
export const MAX_FORMULA_LENGTH = CASE_LIMITS.formulaLength;
/** Deepest nesting of brackets and prefix operators (−, +, !, not) accepted, counted before parsing. */
export const MAX_FORMULA_NESTING = 64;
/** Deepest syntax tree accepted (e.g. a sum of at most this many terms), counted after parsing. */
export const MAX_FORMULA_DEPTH = 256;

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);
const PREFIX = new Set(['-', '+', '!']);
const WORD = /[A-Za-z0-9_.$\u00c0-\uffff]/;

/**
 * Rejects a formula that is too long or nested too deeply, with one linear scan and no
 * recursion, before anything recursive (mathjs' parser included) sees it. Nesting is
 * the open brackets plus the prefix operators waiting for their operand, so
 * `-(-(-1))` counts 5 and 1,999 minus signs count 1,999.
 *
 * @example
 * checkFormulaBounds('(((a)))', '/variables/x') // fine
 * checkFormulaBounds('-'.repeat(1999) + '1', '/x') // throws FormulaError: nested more than 64 deep
 */
export function checkFormulaBounds(source: string, path: string): void {
  const shown = source.length > 60 ? `${source.slice(0, 60)}…` : source;
  if (source.length > MAX_FORMULA_LENGTH) {
    throw new FormulaError(path, shown, `formula is ${source.length} characters long; the limit is ${MAX_FORMULA_LENGTH}`);
  }
  let brackets = 0;
  let pending = 0;
  let expectOperand = true;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') continue;
    if (OPEN.has(char)) {
      brackets++;
      expectOperand = true;
    } else if (CLOSE.has(char)) {
      brackets = Math.max(0, brackets - 1);
      pending = 0;
      expectOperand = false;
    } else if (expectOperand && PREFIX.has(char)) {
      pending++;
    } else if (WORD.test(char)) {
      let end = i;
      while (end + 1 < source.length && WORD.test(source[end + 1])) end++;
      const word = source.slice(i, end + 1);
      i = end;
      if (expectOperand && word === 'not') pending++;
      else if (['and', 'or', 'xor', 'mod'].includes(word) && !expectOperand) expectOperand = true;
      else {
        pending = 0;
        expectOperand = false;
      }
    } else {
      expectOperand = true;
    }
    if (brackets + pending > MAX_FORMULA_NESTING) {
      throw new FormulaError(
        path,
        shown,
        `formula is nested more than ${MAX_FORMULA_NESTING} deep (brackets and signs such as "-" or "not" in a row); the limit is ${MAX_FORMULA_NESTING}`,
      );
    }
  }
}

/**
 * Rejects a parsed formula whose syntax tree is deeper than MAX_FORMULA_DEPTH, walking
 * it with an explicit stack, so every recursive pass after it (levels, emission, the
 * decimal point estimate) stays shallow.
 *
 * @example
 * checkFormulaDepth(parseFormula('a + b', '/x'), '/x', 'a + b') // fine
 */
export function checkFormulaDepth(root: Expr, path: string, source: string): void {
  const stack: [Expr, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [expr, depth] = stack.pop()!;
    if (depth > MAX_FORMULA_DEPTH) {
      const shown = source.length > 60 ? `${source.slice(0, 60)}…` : source;
      throw new FormulaError(
        path,
        shown,
        `formula is more than ${MAX_FORMULA_DEPTH} operations deep; the limit is ${MAX_FORMULA_DEPTH} (split it into variables)`,
      );
    }
    switch (expr.kind) {
      case 'unary':
        stack.push([expr.arg, depth + 1]);
        break;
      case 'binary':
        stack.push([expr.left, depth + 1], [expr.right, depth + 1]);
        break;
      case 'conditional':
        stack.push([expr.test, depth + 1], [expr.then, depth + 1], [expr.otherwise, depth + 1]);
        break;
      case 'call':
        for (const arg of expr.args) stack.push([arg, depth + 1]);
        break;
    }
  }
}
