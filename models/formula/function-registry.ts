import { DETERMINISTIC_JS, type DeterministicName } from '../math/deterministic-functions.ts';
import { Decimal } from '../money/money.ts';
import { decimalNormcdf, decimalNorminv } from './decimal-normal.ts';
import { excelRamp, excelUnary } from './excel-form.ts';
import { deterministic, flag, type FormulaFunctionSpec, ONE, unary, ZERO } from './function-spec.ts';

export type { DecimalCall, EmitCall, FormulaFunctionSpec } from './function-spec.ts';

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
    excel: ({ args }) => (args.length === 1 ? args[0] : `MIN(${args.join(',')})`),
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
    excel: ({ args }) => (args.length === 1 ? args[0] : `MAX(${args.join(',')})`),
  },
  abs: unary(
    'abs(x)',
    'absolute value',
    (x) => `Math.abs(${x})`,
    (x) => x.abs(),
    excelUnary('ABS'),
  ),
  sqrt: unary(
    'sqrt(x)',
    'square root',
    (x) => `Math.sqrt(${x})`,
    (x) => x.sqrt(),
    excelUnary('SQRT'),
  ),
  exp: unary(
    'exp(x)',
    'e to the power x',
    (x) => `dexp(${x})`,
    (x) => x.exp(),
    excelUnary('EXP'),
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
    excel: ({ args }) => (args.length === 1 ? `LN(${args[0]})` : `LN(${args[0]})/LN(${args[1]})`),
  },
  log10: unary(
    'log10(x)',
    'base-10 log',
    (x) => `dlog10(${x})`,
    (x) => x.log(10),
    excelUnary('LOG10'),
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
    excel: ({ args }) => `POWER(${args[0]},${args[1]})`,
  },
  floor: unary(
    'floor(x)',
    'round down',
    (x) => `Math.floor(${x})`,
    (x) => x.floor(),
    // INT rounds toward −∞.
    excelUnary('INT'),
  ),
  ceil: unary(
    'ceil(x)',
    'round up',
    (x) => `Math.ceil(${x})`,
    (x) => x.ceil(),
    // ceil(x) = −floor(−x).
    ({ args }) => `-INT(-(${args[0]}))`,
  ),
  round: unary(
    'round(x)',
    'round to the nearest integer, halves away from zero',
    (x) => `roundHalfAway(${x})`,
    (x) => x.round(),
    // ROUND halves away from zero, as the engine's round().
    ({ args }) => `ROUND(${args[0]},0)`,
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
    excel: ({ args }) => `MIN(MAX(${args[0]},${args[1]}),${args[2]})`,
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
    excel: ({ args, test }) => `IF(${test(0)},${args[1]},${args[2]})`,
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
    excel: excelRamp,
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
    excel: ({ args, month }) => `IF(${month}>=${args[0]},1,0)`,
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
    excel: ({ args, month }) => `IF(AND(${month}>=${args[0]},${month}<=${args[1]}),1,0)`,
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
    excel: ({ args, month }) => `(1+${args[0]})^((${month}-1)/12)`,
  },
  sin: deterministic('sin', 'sin(x)', 'sine of x (radians); NaN for |x| ≥ 2^20·π/2 ≈ 1.6e6', ([x]) => x.sin(), excelUnary('SIN')),
  cos: deterministic('cos', 'cos(x)', 'cosine of x (radians); NaN for |x| ≥ 2^20·π/2', ([x]) => x.cos(), excelUnary('COS')),
  tan: deterministic('tan', 'tan(x)', 'tangent of x (radians); NaN for |x| ≥ 2^20·π/2', ([x]) => x.tan(), excelUnary('TAN')),
  atan: deterministic('atan', 'atan(x)', 'arctangent, in (−π/2, π/2)', ([x]) => x.atan(), excelUnary('ATAN')),
  atan2: deterministic(
    'atan2',
    'atan2(y, x)',
    'angle of the point (x, y), in (−π, π]',
    ([y, x]) => Decimal.atan2(y, x),
    ({ args }) => `ATAN2(${args[1]},${args[0]})`,
  ),
  sinh: deterministic('sinh', 'sinh(x)', 'hyperbolic sine', ([x]) => x.sinh(), excelUnary('SINH')),
  cosh: deterministic('cosh', 'cosh(x)', 'hyperbolic cosine', ([x]) => x.cosh(), excelUnary('COSH')),
  tanh: deterministic('tanh', 'tanh(x)', 'hyperbolic tangent', ([x]) => x.tanh(), excelUnary('TANH')),
  sign: deterministic(
    'sign',
    'sign(x)',
    '−1, 0 or 1 by the sign of x',
    ([x]) => (x.isZero() || x.isNaN() ? x : new Decimal(x.isNegative() ? -1 : 1)),
    excelUnary('SIGN'),
  ),
  trunc: deterministic('trunc', 'trunc(x)', 'x rounded toward zero', ([x]) => x.trunc(), excelUnary('TRUNC')),
  cbrt: deterministic(
    'cbrt',
    'cbrt(x)',
    'cube root',
    ([x]) => x.cbrt(),
    ({ args }) => `SIGN(${args[0]})*ABS(${args[0]})^(1/3)`,
  ),
  hypot: deterministic(
    'hypot',
    'hypot(x, y)',
    '√(x² + y²) without overflow',
    ([x, y]) => Decimal.hypot(x, y),
    ({ args }) => `SQRT(SUMSQ(${args[0]},${args[1]}))`,
  ),
  normcdf: deterministic('normcdf', 'normcdf(x)', 'standard normal distribution function Φ(x) = P(Z ≤ x)', ([x]) => decimalNormcdf(x), excelUnary('NORMSDIST')),
  norminv: deterministic(
    'norminv',
    'norminv(p)',
    'standard normal quantile Φ⁻¹(p), for p in [0, 1]',
    ([p]) => decimalNorminv(p, DETERMINISTIC_JS.norminv(p.toNumber())),
    excelUnary('NORMSINV'),
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
