import type { FunctionName } from '../../../models/formula/function-registry.ts';

/** What a function's Excel form gets: its arguments as Excel text, tests as tests, and the month cell. */
export interface ExcelCall {
  /** Each argument as a number-valued Excel expression. */
  args: string[];
  /** Argument `index` as an Excel test (a comparison stays TRUE/FALSE). */
  test(index: number): string;
  /** The cell holding the month number of this column (e.g. E$2). */
  month: string;
  /** True when argument `index` is a plain number literal. */
  isLiteral(index: number): boolean;
  /** The value of a literal argument. */
  literal(index: number): number;
}

/** One Excel translation, or null when a function has none (its cells are exported as values with a note). */
type ExcelForm = ((call: ExcelCall) => string) | null;

const unary =
  (fn: string): ExcelForm =>
  ({ args }) =>
    `${fn}(${args[0]})`;

/** ramp(from, to) in month m: 0 up to from, linear to 1 at to; a step at from when to ≤ from. */
function ramp({ args, month, isLiteral, literal }: ExcelCall): string {
  const [from, to] = args;
  const rising = `MIN(MAX((${month}-${from})/(${to}-${from}),0),1)`;
  const stepped = `IF(${month}>=${from},1,0)`;
  if (isLiteral(0) && isLiteral(1)) return literal(1) <= literal(0) ? stepped : rising;
  return `IF(${to}<=${from},${stepped},${rising})`;
}

/**
 * The Excel form of every formula function. `satisfies Record<FunctionName, …>` makes a
 * new function in the registry a type error here until it has a translation (or an
 * explicit null). Each form computes what the function's exact-decimal form computes;
 * only functions in Excel 2007 and LibreOffice (no _xlfn. prefix) are used.
 *
 * @example
 * EXCEL_FUNCTIONS.clamp!({ args: ['x', '0', '1'], ... }) // 'MIN(MAX(x,0),1)'
 */
export const EXCEL_FUNCTIONS = {
  min: ({ args }) => (args.length === 1 ? args[0] : `MIN(${args.join(',')})`),
  max: ({ args }) => (args.length === 1 ? args[0] : `MAX(${args.join(',')})`),
  abs: unary('ABS'),
  sqrt: unary('SQRT'),
  exp: unary('EXP'),
  log: ({ args }) => (args.length === 1 ? `LN(${args[0]})` : `LN(${args[0]})/LN(${args[1]})`),
  log10: unary('LOG10'),
  pow: ({ args }) => `POWER(${args[0]},${args[1]})`,
  // INT rounds toward −∞ (floor); ceil(x) = −floor(−x).
  floor: unary('INT'),
  ceil: ({ args }) => `-INT(-(${args[0]}))`,
  // ROUND halves away from zero, as the engine's round().
  round: ({ args }) => `ROUND(${args[0]},0)`,
  clamp: ({ args }) => `MIN(MAX(${args[0]},${args[1]}),${args[2]})`,
  if: ({ args, test }) => `IF(${test(0)},${args[1]},${args[2]})`,
  ramp,
  step: ({ args, month }) => `IF(${month}>=${args[0]},1,0)`,
  between: ({ args, month }) => `IF(AND(${month}>=${args[0]},${month}<=${args[1]}),1,0)`,
  grow: ({ args, month }) => `(1+${args[0]})^((${month}-1)/12)`,
  sin: unary('SIN'),
  cos: unary('COS'),
  tan: unary('TAN'),
  atan: unary('ATAN'),
  // Excel's ATAN2 takes (x, y).
  atan2: ({ args }) => `ATAN2(${args[1]},${args[0]})`,
  sinh: unary('SINH'),
  cosh: unary('COSH'),
  tanh: unary('TANH'),
  sign: unary('SIGN'),
  trunc: unary('TRUNC'),
  // POWER of a negative base to 1/3 is an error in Excel: the sign goes outside.
  cbrt: ({ args }) => `SIGN(${args[0]})*ABS(${args[0]})^(1/3)`,
  hypot: ({ args }) => `SQRT(SUMSQ(${args[0]},${args[1]}))`,
  normcdf: unary('NORMSDIST'),
  norminv: unary('NORMSINV'),
} satisfies Record<FunctionName, ExcelForm>;
