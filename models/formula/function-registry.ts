import type { DeterministicHelperName, ScalarHelperName } from './scalar-helpers.ts';
import { DETERMINISTIC_JS, type DeterministicName } from '../math/deterministic-functions.ts';
import { Decimal } from '../money/money.ts';
import { decimalNormcdf, decimalNorminv } from './decimal-normal.ts';

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
}

/** Every function a formula may call. Adding one: a name here, a row below (the compiler says what is missing). */
export type FunctionName =
  | 'min'
  | 'max'
  | 'abs'
  | 'sqrt'
  | 'exp'
  | 'log'
  | 'log10'
  | 'pow'
  | 'floor'
  | 'ceil'
  | 'round'
  | 'clamp'
  | 'if'
  | 'ramp'
  | 'step'
  | 'between'
  | 'grow'
  | DeterministicName;

const ONE = new Decimal(1);
const ZERO = new Decimal(0);
const flag = (value: boolean): Decimal => (value ? ONE : ZERO);
const unary = (
  signature: string,
  doc: string,
  emit: (x: string) => string,
  decimal: (x: Decimal) => Decimal,
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
});

/** A deterministic function (models/math/deterministic-functions.ts), called through its kernel helper d<name>. */
function deterministic(name: DeterministicName, signature: string, doc: string, decimal: (args: Decimal[]) => Decimal): FormulaFunctionSpec {
  const helper: DeterministicHelperName = `d${name}`;
  const arity = signature.split(',').length;
  return { minArgs: arity, maxArgs: arity, signature, doc, variesByMonth: false, helper, emit: ({ args }) => `${helper}(${args.join(', ')})`, decimal };
}

/**
 * The formula function table: one row per function. The parser, the name resolver,
 * the JavaScript emitter, the kernel's helper list, the WebAssembly kernel, the point
 * estimate, the editor's autocomplete, "did you mean" and docs/formula-functions.md
 * all read it. Nothing else is callable: not mathjs' import, createUnit, evaluate or
 * any other of its functions.
 *
 * @example
 * FUNCTION_REGISTRY.sin.doc // 'sine of x (radians)'
 */
export const FUNCTION_REGISTRY = {
  min: {
    minArgs: 1,
    maxArgs: Infinity,
    signature: 'min(a, b, …)',
    doc: 'smallest of the arguments',
    variesByMonth: false,
    helper: null,
    emit: ({ args }) => (args.length === 1 ? args[0] : `Math.min(${args.join(', ')})`),
    decimal: (args) => Decimal.min(...args),
  },
  max: {
    minArgs: 1,
    maxArgs: Infinity,
    signature: 'max(a, b, …)',
    doc: 'largest of the arguments',
    variesByMonth: false,
    helper: null,
    emit: ({ args }) => (args.length === 1 ? args[0] : `Math.max(${args.join(', ')})`),
    decimal: (args) => Decimal.max(...args),
  },
  abs: unary(
    'abs(x)',
    'absolute value',
    (x) => `Math.abs(${x})`,
    (x) => x.abs(),
  ),
  sqrt: unary(
    'sqrt(x)',
    'square root',
    (x) => `Math.sqrt(${x})`,
    (x) => x.sqrt(),
  ),
  exp: unary(
    'exp(x)',
    'e to the power x',
    (x) => `dexp(${x})`,
    (x) => x.exp(),
    'dexp',
  ),
  log: {
    minArgs: 1,
    maxArgs: 2,
    signature: 'log(x) or log(x, base)',
    doc: 'natural log, or log(x, base)',
    variesByMonth: false,
    helper: 'dlog',
    emit: ({ args }) => (args.length === 1 ? `dlog(${args[0]})` : `(dlog(${args[0]}) / dlog(${args[1]}))`),
    decimal: (args) => (args.length === 1 ? args[0].ln() : args[0].ln().div(args[1].ln())),
  },
  log10: unary(
    'log10(x)',
    'base-10 log',
    (x) => `dlog10(${x})`,
    (x) => x.log(10),
    'dlog10',
  ),
  pow: {
    minArgs: 2,
    maxArgs: 2,
    signature: 'pow(x, y)',
    doc: 'x to the power y',
    variesByMonth: false,
    helper: 'dpow',
    emit: ({ args }) => `dpow(${args[0]}, ${args[1]})`,
    decimal: ([x, y]) => x.pow(y),
  },
  floor: unary(
    'floor(x)',
    'round down',
    (x) => `Math.floor(${x})`,
    (x) => x.floor(),
  ),
  ceil: unary(
    'ceil(x)',
    'round up',
    (x) => `Math.ceil(${x})`,
    (x) => x.ceil(),
  ),
  round: unary(
    'round(x)',
    'round to the nearest integer, halves away from zero',
    (x) => `roundHalfAway(${x})`,
    (x) => x.round(),
    'roundHalfAway',
  ),
  clamp: {
    minArgs: 3,
    maxArgs: 3,
    signature: 'clamp(x, low, high)',
    doc: 'x held within [low, high]',
    variesByMonth: false,
    helper: null,
    emit: ({ args }) => `Math.min(Math.max(${args[0]}, ${args[1]}), ${args[2]})`,
    decimal: ([x, low, high]) => Decimal.min(Decimal.max(x, low), high),
  },
  if: {
    minArgs: 3,
    maxArgs: 3,
    signature: 'if(condition, then, otherwise)',
    doc: 'then when condition is non-zero, else otherwise',
    variesByMonth: false,
    helper: null,
    emit: ({ args, test }) => `(${test(0)} ? ${args[1]} : ${args[2]})`,
    decimal: ([condition, then, otherwise], { truthy }) => (truthy(condition) ? then : otherwise),
  },
  ramp: {
    minArgs: 2,
    maxArgs: 2,
    signature: 'ramp(fromMonth, toMonth)',
    doc: '0 up to fromMonth, rising linearly to 1 at toMonth',
    variesByMonth: true,
    helper: 'ramp',
    emit: ({ args }) => `ramp(m, ${args[0]}, ${args[1]})`,
    decimal: ([from, to], { month }) => {
      if (to.lte(from)) return flag(month.gte(from));
      return month.lte(from) ? ZERO : month.gte(to) ? ONE : month.minus(from).div(to.minus(from));
    },
  },
  step: {
    minArgs: 1,
    maxArgs: 1,
    signature: 'step(fromMonth)',
    doc: '0 before fromMonth, 1 from it on',
    variesByMonth: true,
    helper: null,
    emit: ({ args }) => `+(m >= ${args[0]})`,
    decimal: ([from], { month }) => flag(month.gte(from)),
  },
  between: {
    minArgs: 2,
    maxArgs: 2,
    signature: 'between(fromMonth, toMonth)',
    doc: '1 in those months (inclusive), else 0',
    variesByMonth: true,
    helper: null,
    emit: ({ args }) => `(m >= ${args[0]} && m <= ${args[1]} ? 1 : 0)`,
    decimal: ([from, to], { month }) => flag(month.gte(from) && month.lte(to)),
  },
  grow: {
    minArgs: 1,
    maxArgs: 1,
    signature: 'grow(annualRate)',
    doc: '(1 + annualRate)^((month − 1) / 12), compound growth from month 1',
    variesByMonth: true,
    helper: 'dpow',
    emit: ({ args, monthlyGrowth }) => monthlyGrowth() ?? `dpow(1 + ${args[0]}, (m - 1) / 12)`,
    decimal: ([rate], { month }) => ONE.plus(rate).pow(month.minus(1).div(12)),
  },
  sin: deterministic('sin', 'sin(x)', 'sine of x (radians); NaN for |x| ≥ 2^20·π/2 ≈ 1.6e6', ([x]) => x.sin()),
  cos: deterministic('cos', 'cos(x)', 'cosine of x (radians); NaN for |x| ≥ 2^20·π/2', ([x]) => x.cos()),
  tan: deterministic('tan', 'tan(x)', 'tangent of x (radians); NaN for |x| ≥ 2^20·π/2', ([x]) => x.tan()),
  atan: deterministic('atan', 'atan(x)', 'arctangent, in (−π/2, π/2)', ([x]) => x.atan()),
  atan2: deterministic('atan2', 'atan2(y, x)', 'angle of the point (x, y), in (−π, π]', ([y, x]) => Decimal.atan2(y, x)),
  sinh: deterministic('sinh', 'sinh(x)', 'hyperbolic sine', ([x]) => x.sinh()),
  cosh: deterministic('cosh', 'cosh(x)', 'hyperbolic cosine', ([x]) => x.cosh()),
  tanh: deterministic('tanh', 'tanh(x)', 'hyperbolic tangent', ([x]) => x.tanh()),
  sign: deterministic('sign', 'sign(x)', '−1, 0 or 1 by the sign of x', ([x]) => (x.isZero() || x.isNaN() ? x : new Decimal(x.isNegative() ? -1 : 1))),
  trunc: deterministic('trunc', 'trunc(x)', 'x rounded toward zero', ([x]) => x.trunc()),
  cbrt: deterministic('cbrt', 'cbrt(x)', 'cube root', ([x]) => x.cbrt()),
  hypot: deterministic('hypot', 'hypot(x, y)', '√(x² + y²) without overflow', ([x, y]) => Decimal.hypot(x, y)),
  normcdf: deterministic('normcdf', 'normcdf(x)', 'standard normal distribution function Φ(x) = P(Z ≤ x)', ([x]) => decimalNormcdf(x)),
  norminv: deterministic('norminv', 'norminv(p)', 'standard normal quantile Φ⁻¹(p), for p in [0, 1]', ([p]) =>
    decimalNorminv(p, DETERMINISTIC_JS.norminv(p.toNumber())),
  ),
} satisfies Record<FunctionName, FormulaFunctionSpec>;

/** The function names, in table order. */
export const FUNCTION_NAMES = Object.keys(FUNCTION_REGISTRY) as FunctionName[];

/**
 * The row of `name` when it is a formula function: own properties only, so
 * "constructor" or "__proto__" are never taken for one.
 *
 * @example
 * functionSpec('sin')?.minArgs // 1
 * functionSpec('toString') // undefined
 */
export function functionSpec(name: string): FormulaFunctionSpec | undefined {
  return Object.hasOwn(FUNCTION_REGISTRY, name) ? FUNCTION_REGISTRY[name as FunctionName] : undefined;
}
