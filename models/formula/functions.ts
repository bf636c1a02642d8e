/**
 * The functions a formula may call, with their arity. Nothing else is callable:
 * not mathjs' import, createUnit, evaluate or any other of its functions.
 */
export const FORMULA_FUNCTIONS = {
  min: { minArgs: 1, maxArgs: Infinity, doc: 'smallest of the arguments' },
  max: { minArgs: 1, maxArgs: Infinity, doc: 'largest of the arguments' },
  abs: { minArgs: 1, maxArgs: 1, doc: 'absolute value' },
  sqrt: { minArgs: 1, maxArgs: 1, doc: 'square root' },
  exp: { minArgs: 1, maxArgs: 1, doc: 'e to the power x' },
  log: { minArgs: 1, maxArgs: 2, doc: 'natural log, or log(x, base)' },
  log10: { minArgs: 1, maxArgs: 1, doc: 'base-10 log' },
  pow: { minArgs: 2, maxArgs: 2, doc: 'x to the power y' },
  floor: { minArgs: 1, maxArgs: 1, doc: 'round down' },
  ceil: { minArgs: 1, maxArgs: 1, doc: 'round up' },
  round: { minArgs: 1, maxArgs: 1, doc: 'round to the nearest integer, halves away from zero' },
  clamp: { minArgs: 3, maxArgs: 3, doc: 'clamp(x, low, high)' },
  if: { minArgs: 3, maxArgs: 3, doc: 'if(condition, then, otherwise)' },
  ramp: { minArgs: 2, maxArgs: 2, doc: 'ramp(fromMonth, toMonth): 0 up to fromMonth, rising linearly to 1 at toMonth' },
  step: { minArgs: 1, maxArgs: 1, doc: 'step(fromMonth): 0 before fromMonth, 1 from it on' },
  between: { minArgs: 2, maxArgs: 2, doc: 'between(fromMonth, toMonth): 1 in those months (inclusive), else 0' },
  grow: { minArgs: 1, maxArgs: 1, doc: 'grow(annualRate): (1 + annualRate)^((month - 1) / 12), compound growth from month 1' },
} as const;

export type FormulaFunction = keyof typeof FORMULA_FUNCTIONS;

/** Functions whose value depends on the month even when their arguments do not. */
export const TIME_FUNCTIONS: ReadonlySet<string> = new Set(['ramp', 'step', 'between', 'grow']);

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

/** Every name a case may not use for an input or variable. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...Object.keys(FORMULA_FUNCTIONS),
  ...Object.keys(TIME_NAMES),
  ...Object.keys(CONSTANT_NAMES),
  'and', 'or', 'not', 'xor', 'mod', 'true', 'false',
]);
