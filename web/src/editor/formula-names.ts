import type { CaseInput } from '../../../models/case/case-schema.ts';
import { FUNCTION_NAMES } from '../../../models/formula/function-registry.ts';
import { CONSTANT_NAMES, TIME_NAMES } from '../../../models/formula/functions.ts';

/**
 * What the formula fields offer as completions in this case: its inputs and variables,
 * the time and constant names (month … adoption, horizonMonths, pi, e) and every
 * function of the function table, as `name(`. All from the same lists the compiler reads.
 *
 * @example
 * formulaNames(document) // ['volume', …, 'month', …, 'pi', 'e', 'min(', …, 'norminv(']
 */
export function formulaNames(document: CaseInput): string[] {
  return [
    ...Object.keys(document.inputs ?? {}),
    ...Object.keys(document.variables ?? {}),
    ...Object.keys(TIME_NAMES),
    ...Object.keys(CONSTANT_NAMES),
    ...FUNCTION_NAMES.map((name) => `${name}(`),
  ];
}
