import type { DeterministicName } from '../math/deterministic-functions.ts';
import { Decimal } from '../money/money.ts';
import type { ExcelForm } from './excel-form.ts';
import type { DeterministicHelperName, ScalarHelperName } from './scalar-helpers.ts';

/** What a function's JavaScript emission gets: its arguments as code, and the context for the few that need more. */
export interface EmitCall {
  /** Each argument, emitted. */
  args: string[];
  /** Argument `index` emitted as a JavaScript test (a comparison stays a boolean). */
  test(index: number): string;
  /** grow(): the stepped monthly local when the rate is fixed for the trial, else null. */
  monthlyGrowth(): string | null;
}

/** What a function's decimal form gets besides its arguments. */
export interface DecimalCall {
  month: Decimal;
  truthy(value: Decimal): boolean;
}

/**
 * One formula function: everything the parser, the kernel (JavaScript and WebAssembly),
 * the point estimate, the editor and the docs need.
 */
export interface FormulaFunctionSpec {
  minArgs: number;
  maxArgs: number;
  /** How it is called, for the docs: e.g. `log(x, base)`. */
  signature: string;
  /** One line for the docs, the editor and error messages. */
  doc: string;
  /** True when its value depends on the month even when its arguments do not. */
  variesByMonth: boolean;
  /** The kernel helper its emission calls (its JavaScript and WebAssembly forms live in SCALAR_HELPERS and KERNEL_HELPERS), or null. */
  helper: ScalarHelperName | null;
  /** Its JavaScript code in the kernel. */
  emit(call: EmitCall): string;
  /** Its exact-decimal form, for the point estimate. */
  decimal(args: Decimal[], call: DecimalCall): Decimal;
  /** Its Excel form, for the workbook's Model sheet (Excel 2007 and LibreOffice functions only), or null to export its cells as values with a note. */
  excel: ExcelForm;
}

export const ONE = new Decimal(1);
export const ZERO = new Decimal(0);
export const flag = (value: boolean): Decimal => (value ? ONE : ZERO);
/** A one-argument function's row. */
export const unary = (
  signature: string,
  doc: string,
  emit: (x: string) => string,
  decimal: (x: Decimal) => Decimal,
  excel: ExcelForm,
  helper: ScalarHelperName | null = null,
): FormulaFunctionSpec => ({
  minArgs: 1,
  maxArgs: 1,
  signature,
  doc,
  variesByMonth: false,
  helper,
  emit: ({ args }) => emit(args[0]),
  decimal: ([x]) => decimal(x),
  excel,
});

/** A deterministic function (models/math/deterministic-functions.ts), called through its kernel helper d<name>. */
export function deterministic(
  name: DeterministicName,
  signature: string,
  doc: string,
  decimal: (args: Decimal[]) => Decimal,
  excel: ExcelForm,
): FormulaFunctionSpec {
  const helper: DeterministicHelperName = `d${name}`;
  const arity = signature.split(',').length;
  return { minArgs: arity, maxArgs: arity, signature, doc, variesByMonth: false, helper, emit: ({ args }) => `${helper}(${args.join(', ')})`, decimal, excel };
}
