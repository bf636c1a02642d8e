import type { Expr } from '../../../models/formula/expr.ts';
import { functionSpec } from '../../../models/formula/function-registry.ts';
import type { ExcelCall } from '../../../models/formula/excel-form.ts';

/** Excel refuses formulas longer than this many characters. */
const MAX_EXCEL_FORMULA = 8000;

/** A formula the workbook cannot carry as an Excel formula; its cells get values and a note. */
export class NoExcelTranslation extends Error {}

/** How a formula's names and time read in one cell. */
export interface ExcelRefs {
  /** The Excel text of a name (a defined name, a cell such as E$7), or undefined when unknown. */
  name(name: string): string | undefined;
  /** The cell holding this column's month number (e.g. E$2). */
  month: string;
}

/** Operator precedence of the emitted text: higher binds tighter. */
const PREC = { compare: 1, add: 2, mul: 3, neg: 4, pow: 5, atom: 6 } as const;

interface Emitted {
  text: string;
  prec: number;
  /** True when the text is TRUE/FALSE (a comparison or logic) rather than a number. */
  logical: boolean;
}

const COMPARE: Record<string, string> = { '<': '<', '>': '>', '<=': '<=', '>=': '>=', '==': '=', '!=': '<>' };

/**
 * Translates a parsed case formula into Excel syntax (without the leading "="): names
 * through `refs`, functions through each registry row's `excel` form, mathjs precedence kept with
 * parentheses where Excel's differs (Excel's unary minus binds tighter than ^, and its
 * ^ is left-associative). Throws NoExcelTranslation when a function has no Excel form,
 * a name is unknown, or the result exceeds Excel's formula length.
 *
 * @example
 * excelFormula(parseFormula('-x^2 + max(a, 1)', '/v'), refs) // '-(x^2)+MAX(a,1)'
 */
export function excelFormula(expr: Expr, refs: ExcelRefs): string {
  const text = asNumber(emit(expr, refs)).text;
  if (text.length > MAX_EXCEL_FORMULA) throw new NoExcelTranslation(`longer than Excel's ${MAX_EXCEL_FORMULA} characters`);
  return text;
}

/** A number-valued form of an emitted expression: TRUE/FALSE become 1/0. */
function asNumber(e: Emitted): Emitted {
  return e.logical ? { text: `IF(${e.text},1,0)`, prec: PREC.atom, logical: false } : e;
}

const wrap = (e: Emitted, below: number): string => (e.prec < below ? `(${e.text})` : e.text);

function literal(value: number): string {
  if (!Number.isFinite(value)) throw new NoExcelTranslation(`the number ${value}`);
  return String(value).toUpperCase();
}

function emit(expr: Expr, refs: ExcelRefs): Emitted {
  switch (expr.kind) {
    case 'number':
      return { text: literal(expr.value), prec: PREC.atom, logical: false };
    case 'name': {
      const text = refs.name(expr.name);
      if (text === undefined) throw new NoExcelTranslation(`the name "${expr.name}" has no cell`);
      return { text, prec: PREC.atom, logical: false };
    }
    case 'unary': {
      const arg = emit(expr.arg, refs);
      if (expr.op === 'not') return { text: `NOT(${arg.text})`, prec: PREC.atom, logical: true };
      const inner = asNumber(arg);
      return { text: `-${inner.prec === PREC.atom ? inner.text : `(${inner.text})`}`, prec: PREC.neg, logical: false };
    }
    case 'conditional':
      return {
        text: `IF(${emit(expr.test, refs).text},${asNumber(emit(expr.then, refs)).text},${asNumber(emit(expr.otherwise, refs)).text})`,
        prec: PREC.atom,
        logical: false,
      };
    case 'binary':
      return binary(expr, refs);
    case 'call':
      return call(expr, refs);
  }
}

function binary(expr: Extract<Expr, { kind: 'binary' }>, refs: ExcelRefs): Emitted {
  const { op } = expr;
  if (op === 'and' || op === 'or') {
    return { text: `${op.toUpperCase()}(${emit(expr.left, refs).text},${emit(expr.right, refs).text})`, prec: PREC.atom, logical: true };
  }
  if (op === 'xor') {
    // XOR() needs Excel 2013's _xlfn prefix: compare the two truth values instead.
    const truth = (e: Emitted): string => (e.logical ? `(${e.text})` : `(${e.text}<>0)`);
    return { text: `${truth(emit(expr.left, refs))}<>${truth(emit(expr.right, refs))}`, prec: PREC.compare, logical: true };
  }
  const left = asNumber(emit(expr.left, refs));
  const right = asNumber(emit(expr.right, refs));
  if (op in COMPARE) return { text: `${wrap(left, PREC.add)}${COMPARE[op]}${wrap(right, PREC.add)}`, prec: PREC.compare, logical: true };
  if (op === 'mod') {
    // Floored modulo as MOD; the engine's x mod 0 is x, where MOD answers #DIV/0!.
    const nonZero = expr.right.kind === 'number' && expr.right.value !== 0;
    const mod = `MOD(${left.text},${right.text})`;
    return { text: nonZero ? mod : `IF(${right.text}=0,${left.text},${mod})`, prec: PREC.atom, logical: false };
  }
  if (op === '^') return { text: `${wrap(left, PREC.atom)}^${wrap(right, PREC.atom)}`, prec: PREC.pow, logical: false };
  const prec = op === '+' || op === '-' ? PREC.add : PREC.mul;
  // Left-associative: the right operand needs parentheses at its own level too.
  const rightText = right.prec === PREC.neg ? `(${right.text})` : wrap(right, prec + 1);
  return { text: `${wrap(left, prec)}${op}${rightText}`, prec, logical: false };
}

function call(expr: Extract<Expr, { kind: 'call' }>, refs: ExcelRefs): Emitted {
  const form = functionSpec(expr.fn)?.excel;
  if (!form) throw new NoExcelTranslation(`${expr.fn}() has no Excel translation`);
  const emitted = expr.args.map((arg) => emit(arg, refs));
  const context: ExcelCall = {
    args: emitted.map((e) => asNumber(e).text),
    test: (index) => emitted[index].text,
    month: refs.month,
    isLiteral: (index) => expr.args[index].kind === 'number',
    literal: (index) => (expr.args[index] as { value: number }).value,
  };
  const text = form(context);
  return { text: isOneCall(text) ? text : `(${text})`, prec: PREC.atom, logical: false };
}

/** True when the text is one function call, NAME(…), whose parentheses close at the end. */
function isOneCall(text: string): boolean {
  const open = /^[A-Z][A-Z0-9.]*\(/.exec(text);
  if (!open) return false;
  let depth = 0;
  for (let i = open[0].length - 1; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i === text.length - 1;
  }
  return false;
}
