import { functionSpec } from './function-registry.ts';
import type { Expr } from './expr.ts';
import { CONSTANT, PER_MONTH, type Level } from './resolve-names.ts';

/** How names map to JavaScript locals in the generated kernel. */
export interface EmitContext {
  /** name → JS expression for it (a local variable or a literal). */
  bindings: Map<string, string>;
  /** name → level, to decide what can be hoisted out of the month loop. */
  levels: Map<string, Level>;
  /** Adds a per-trial statement and returns the local holding its value (deduplicated). */
  hoist(code: string): string;
  /** Adds a value that is stepped multiplicatively each month; returns its local name. */
  monthlyGrowth(annualRateCode: string): string;
  /** False in the pilot loop, where the monthly growth locals are not valid. */
  statefulGrowth: boolean;
}

/**
 * Emits JavaScript for a whitelisted expression. Everything that does not vary by
 * month is hoisted out of the month loop; products are flattened so their per-trial
 * factors are multiplied once per trial rather than once per month.
 *
 * @example
 * emitExpr(parseFormula('volume * minutes / 60 * adoption', '/x'), context) // 'h0 * ad'
 */
export function emitExpr(expr: Expr, context: EmitContext): string {
  const level = levelIn(expr, context);
  if (level < PER_MONTH && expr.kind !== 'number' && expr.kind !== 'name') {
    return context.hoist(emitRaw(expr, context));
  }
  if (expr.kind === 'binary' && (expr.op === '*' || expr.op === '/')) return emitProduct(expr, context);
  return emitRaw(expr, context);
}

function levelIn(expr: Expr, context: EmitContext): Level {
  switch (expr.kind) {
    case 'number':
      return CONSTANT;
    case 'name':
      return context.levels.get(expr.name) ?? PER_MONTH;
    case 'unary':
      return levelIn(expr.arg, context);
    case 'binary':
      return Math.max(levelIn(expr.left, context), levelIn(expr.right, context)) as Level;
    case 'conditional':
      return Math.max(levelIn(expr.test, context), levelIn(expr.then, context), levelIn(expr.otherwise, context)) as Level;
    case 'call': {
      if (functionSpec(expr.fn)?.variesByMonth) return PER_MONTH;
      return expr.args.reduce<Level>((max, arg) => Math.max(max, levelIn(arg, context)) as Level, CONSTANT);
    }
  }
}

/** A product's factors, each marked as dividing or multiplying. */
function productFactors(expr: Expr): { expr: Expr; divide: boolean }[] {
  const factors: { expr: Expr; divide: boolean }[] = [];
  const collect = (node: Expr, divide: boolean): void => {
    if (node.kind === 'binary' && node.op === '*') {
      collect(node.left, divide);
      collect(node.right, divide);
    } else if (node.kind === 'binary' && node.op === '/') {
      collect(node.left, divide);
      collect(node.right, !divide);
    } else factors.push({ expr: node, divide });
  };
  collect(expr, false);
  return factors;
}

/**
 * Splits a monthly expression into a per-trial coefficient and a time profile:
 * value = coefficient × profile, where the coefficient gathers every factor that
 * does not vary by month (hoisted, computed once per trial) and the profile the
 * rest. `profile` is null when nothing varies by month. Factors of the profile are
 * put in a canonical order, so lines sharing a time shape share its code.
 *
 * @example
 * splitProduct(parse('hours * rate * adoption'), context) // { coefficient: 'h0', profile: 'ad' }
 */
export function splitProduct(expr: Expr, context: EmitContext): { coefficient: string; profile: string | null } {
  const factors = productFactors(expr);
  const steady = factors.filter((factor) => levelIn(factor.expr, context) < PER_MONTH);
  const varying = factors.filter((factor) => levelIn(factor.expr, context) === PER_MONTH);
  let coefficient = '1';
  if (steady.length > 0) {
    const numerator = steady.filter((f) => !f.divide).map((f) => emitRaw(f.expr, context));
    const denominator = steady.filter((f) => f.divide).map((f) => emitRaw(f.expr, context));
    const code = (numerator.length ? numerator.join(' * ') : '1') + (denominator.length ? ` / (${denominator.join(' * ')})` : '');
    coefficient = steady.length === 1 && !steady[0].divide && (steady[0].expr.kind === 'name' || steady[0].expr.kind === 'number') ? code : context.hoist(code);
  }
  if (varying.length === 0) return { coefficient, profile: null };
  const times = varying
    .filter((f) => !f.divide)
    .map((f) => emitExpr(f.expr, context))
    .sort();
  const divisors = varying
    .filter((f) => f.divide)
    .map((f) => emitExpr(f.expr, context))
    .sort();
  const profile = (times.length ? times.join(' * ') : '1') + divisors.map((code) => ` / ${code}`).join('');
  return { coefficient, profile: `(${profile})` };
}

function emitProduct(expr: Expr, context: EmitContext): string {
  const { coefficient, profile } = splitProduct(expr, context);
  if (profile === null) return `(${coefficient})`;
  return `(${coefficient} * ${profile.slice(1, -1)})`;
}

function literal(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`non-finite literal ${value}`);
  return value < 0 || Object.is(value, -0) ? `(${String(value)})` : String(value);
}

export function emitRaw(expr: Expr, context: EmitContext): string {
  // Inside a per-month expression, per-trial operands are hoisted; inside hoisted code they are inlined.
  const varies = levelIn(expr, context) === PER_MONTH;
  const sub = (node: Expr): string => (varies ? emitExpr(node, context) : emitRaw(node, context));
  // A comparison used as a test stays a boolean: no 0/1 number to make and test again.
  const test = (node: Expr): string => {
    const bare = node.kind === 'binary' && (!varies || levelIn(node, context) === PER_MONTH) ? comparison(node.op, sub(node.left), sub(node.right)) : null;
    return bare ?? sub(node);
  };
  switch (expr.kind) {
    case 'number':
      return literal(expr.value);
    case 'name': {
      const bound = context.bindings.get(expr.name);
      if (bound === undefined) throw new Error(`internal: unbound name ${expr.name}`);
      return bound;
    }
    case 'unary':
      return expr.op === 'negate' ? `(-${sub(expr.arg)})` : `(${sub(expr.arg)} ? 0 : 1)`;
    case 'conditional':
      return `(${test(expr.test)} ? ${sub(expr.then)} : ${sub(expr.otherwise)})`;
    case 'binary': {
      const a = sub(expr.left);
      const b = sub(expr.right);
      switch (expr.op) {
        case '+':
        case '-':
        case '*':
        case '/':
          return `(${a} ${expr.op} ${b})`;
        case '^':
          return `dpow(${a}, ${b})`;
        case 'mod':
          return `fmod(${a}, ${b})`;
        case '<':
        case '>':
        case '<=':
        case '>=':
        case '==':
        case '!=':
          // Number(boolean) compiles to a flag move; `? 1 : 0` compiled to a branch.
          return `+${comparison(expr.op, a, b)}`;
        case 'and':
          return `(${a} && ${b} ? 1 : 0)`;
        case 'or':
          return `(${a} || ${b} ? 1 : 0)`;
        case 'xor':
          return `(!${a} !== !${b} ? 1 : 0)`;
      }
      throw new Error(`internal: unknown operator ${String((expr as { op: unknown }).op)}`);
    }
    case 'call': {
      const call = expr as Extract<Expr, { kind: 'call' }>;
      const spec = functionSpec(call.fn);
      if (!spec) throw new Error(`internal: no emitter for ${call.fn}`);
      const args = call.args.map(sub);
      return spec.emit({
        args,
        test: (index) => test(call.args[index]),
        monthlyGrowth: () => (context.statefulGrowth && levelIn(call.args[0], context) < PER_MONTH ? context.monthlyGrowth(args[0]) : null),
      });
    }
  }
}

/** A comparison as a JavaScript boolean expression, or null when `op` is not a comparison. */
function comparison(op: string, a: string, b: string): string | null {
  switch (op) {
    case '<':
    case '>':
    case '<=':
    case '>=':
      return `(${a} ${op} ${b})`;
    case '==':
      return `(${a} === ${b})`;
    case '!=':
      return `(${a} !== ${b})`;
    default:
      return null;
  }
}
