import type { Expr } from '../formula/expr.ts';
import { functionSpec } from '../formula/function-registry.ts';
import { Decimal } from '../money/money.ts';

/** Names and their values in one month, as the simulation's float64 arithmetic sees them. */
export type FloatScope = Map<string, number>;

const truthy = (value: number): boolean => value !== 0 && !Number.isNaN(value);
const decimalTruthy = (value: Decimal): boolean => !value.isZero() && !value.isNaN();

type FloatFunction = (args: number[], month: number) => number;

/** Float forms of the common functions (the rest go through their exact-decimal form). */
const FLOAT_FUNCTIONS: Record<string, FloatFunction> = {
  min: (args) => Math.min(...args),
  max: (args) => Math.max(...args),
  abs: ([x]) => Math.abs(x),
  sqrt: ([x]) => Math.sqrt(x),
  exp: ([x]) => Math.exp(x),
  log: ([x, base]) => (base === undefined ? Math.log(x) : Math.log(x) / Math.log(base)),
  log10: ([x]) => Math.log10(x),
  pow: ([x, y]) => x ** y,
  floor: ([x]) => Math.floor(x),
  ceil: ([x]) => Math.ceil(x),
  clamp: ([x, low, high]) => Math.min(Math.max(x, low), high),
  if: ([condition, then, otherwise]) => (truthy(condition) ? then : otherwise),
  ramp: ([from, to], m) => (to <= from ? +(m >= from) : m <= from ? 0 : m >= to ? 1 : (m - from) / (to - from)),
  step: ([from], m) => +(m >= from),
  between: ([from, to], m) => +(m >= from && m <= to),
  grow: ([rate], m) => (1 + rate) ** ((m - 1) / 12),
};

function binary(op: Extract<Expr, { kind: 'binary' }>['op'], a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '^':
      return a ** b;
    case 'mod':
      return b === 0 ? a : a - b * Math.floor(a / b);
    case '<':
      return +(a < b);
    case '>':
      return +(a > b);
    case '<=':
      return +(a <= b);
    case '>=':
      return +(a >= b);
    case '==':
      return +(a === b);
    case '!=':
      return +(a !== b);
    case 'and':
      return +(truthy(a) && truthy(b));
    case 'or':
      return +(truthy(a) || truthy(b));
    case 'xor':
      return +(truthy(a) !== truthy(b));
  }
}

/**
 * Evaluates a formula in float64, as the simulation does: operators and the common
 * functions directly, the rarer ones through their exact-decimal form. Quick enough to
 * run every formula in every month on each edit, to find where one is NaN or ±∞.
 *
 * @example
 * floatEvaluate(parseFormula('a / (month - 3)', '/x'), new Map([['a', 1], ['month', 3]])) // Infinity
 */
export function floatEvaluate(expr: Expr, scope: FloatScope): number {
  switch (expr.kind) {
    case 'number':
      return expr.value;
    case 'name':
      return scope.get(expr.name) ?? Number.NaN;
    case 'unary': {
      const value = floatEvaluate(expr.arg, scope);
      return expr.op === 'negate' ? -value : +!truthy(value);
    }
    case 'conditional':
      return truthy(floatEvaluate(expr.test, scope)) ? floatEvaluate(expr.then, scope) : floatEvaluate(expr.otherwise, scope);
    case 'binary':
      return binary(expr.op, floatEvaluate(expr.left, scope), floatEvaluate(expr.right, scope));
    case 'call': {
      const values = expr.args.map((arg) => floatEvaluate(arg, scope));
      const month = scope.get('month') ?? 1;
      if (Object.hasOwn(FLOAT_FUNCTIONS, expr.fn)) return FLOAT_FUNCTIONS[expr.fn](values, month);
      const spec = functionSpec(expr.fn);
      if (!spec) return Number.NaN;
      return spec
        .decimal(
          values.map((value) => new Decimal(value)),
          { month: new Decimal(month), truthy: decimalTruthy },
        )
        .toNumber();
    }
  }
}
