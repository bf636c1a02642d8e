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

/**
 * A function's Excel translation for the workbook's Model sheet, or null when it has none
 * (its cells are exported as values with a note). Each form computes what the function's
 * exact-decimal form computes, with functions of Excel 2007 and LibreOffice only (no
 * _xlfn. prefix).
 */
export type ExcelForm = ((call: ExcelCall) => string) | null;

/**
 * An Excel function of one argument.
 *
 * @example
 * excelUnary('SQRT')!({ args: ['B7'], ... }) // 'SQRT(B7)'
 */
export const excelUnary =
  (fn: string): ExcelForm =>
  ({ args }) =>
    `${fn}(${args[0]})`;

/**
 * ramp(from, to) in month m: 0 up to from, linear to 1 at to; a step at from when to ≤ from.
 *
 * @example
 * excelRamp!({ args: ['3', '9'], month: 'E$2', ... }) // 'MIN(MAX((E$2-3)/(9-3),0),1)'
 */
export function excelRamp({ args, month, isLiteral, literal }: ExcelCall): string {
  const [from, to] = args;
  const rising = `MIN(MAX((${month}-${from})/(${to}-${from}),0),1)`;
  const stepped = `IF(${month}>=${from},1,0)`;
  if (isLiteral(0) && isLiteral(1)) return literal(1) <= literal(0) ? stepped : rising;
  return `IF(${to}<=${from},${stepped},${rising})`;
}
