import { FUNCTION_NAMES, FUNCTION_REGISTRY } from './function-registry.ts';

/**
 * The functions a formula may call, with their arity: the function table
 * (function-registry.ts), under the name the rest of the code has used.
 */
export const FORMULA_FUNCTIONS = FUNCTION_REGISTRY;

export type { FunctionName as FormulaFunction } from './function-registry.ts';

/** Functions whose value depends on the month even when their arguments do not. */
export const TIME_FUNCTIONS: ReadonlySet<string> = new Set(FUNCTION_NAMES.filter((name) => FUNCTION_REGISTRY[name].variesByMonth));

/**
 * Built-in names available in formulas, and whether each varies by month.
 * `adoption` is the adoption curve's value in the current month.
 */
export const TIME_NAMES = {
  month: 'month index, 1 for the first month of the horizon',
  year: 'year index, 1 for months 1–12',
  monthOfYear: 'month within the year, 1–12',
  adoption: "the adoption curve's value this month (0–1)",
} as const;

/** Names fixed for the whole run. */
export const CONSTANT_NAMES = {
  horizonMonths: 'the case horizon in months',
  pi: 'π',
  e: "Euler's number",
} as const;

/** Whether `name` is one of `names`' own keys (never an inherited one such as "constructor"). */
export function isOwnName(names: object, name: string): boolean {
  return Object.hasOwn(names, name);
}

/** Every name a case may not use for an input or variable. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...FUNCTION_NAMES,
  ...Object.keys(TIME_NAMES),
  ...Object.keys(CONSTANT_NAMES),
  'and',
  'or',
  'not',
  'xor',
  'mod',
  'true',
  'false',
]);
