import type { Expr } from '../formula/expr.ts';
import { functionSpec } from '../formula/function-registry.ts';
import { Decimal } from '../money/money.ts';

/** Names bound to exact decimal values. */
export type Scope = Map<string, Decimal>;

const ZERO = new Decimal(0);
const ONE = new Decimal(1);
const truthy = (value: Decimal): boolean => !value.isZero() && !value.isNaN();
const flag = (value: boolean): Decimal => (value ? ONE : ZERO);

/**
 * Evaluates a whitelisted expression in exact decimal arithmetic.
 *
 * @example
 * evaluate(parseFormula('a * 2', '/x'), new Map([['a', new Decimal(3)]])) // 6
 */
export function evaluate(expr: Expr, scope: Scope): Decimal {
  switch (expr.kind) {
    case 'number':
      return new Decimal(expr.value);
    case 'name': {
      const value = scope.get(expr.name);
      if (value === undefined) throw new Error(`internal: unbound name ${expr.name}`);
      return value;
    }
    case 'unary':
      return expr.op === 'negate' ? evaluate(expr.arg, scope).neg() : flag(!truthy(evaluate(expr.arg, scope)));
    case 'conditional':
      return truthy(evaluate(expr.test, scope)) ? evaluate(expr.then, scope) : evaluate(expr.otherwise, scope);
    case 'binary': {
      const a = evaluate(expr.left, scope);
      const b = evaluate(expr.right, scope);
      switch (expr.op) {
        case '+':
          return a.plus(b);
        case '-':
          return a.minus(b);
        case '*':
          return a.mul(b);
        case '/':
          return a.div(b);
        case '^':
          return a.pow(b);
        case 'mod':
          return b.isZero() ? a : a.minus(b.mul(a.div(b).floor()));
        case '<':
          return flag(a.lt(b));
        case '>':
          return flag(a.gt(b));
        case '<=':
          return flag(a.lte(b));
        case '>=':
          return flag(a.gte(b));
        case '==':
          return flag(a.eq(b));
        case '!=':
          return flag(!a.eq(b));
        case 'and':
          return flag(truthy(a) && truthy(b));
        case 'or':
          return flag(truthy(a) || truthy(b));
        case 'xor':
          return flag(truthy(a) !== truthy(b));
      }
      throw new Error(`internal: unknown operator ${String((expr as { op: unknown }).op)}`);
    }
    case 'call': {
      const call = expr as Extract<Expr, { kind: 'call' }>;
      const spec = functionSpec(call.fn);
      if (!spec) throw new Error(`internal: no decimal implementation for ${call.fn}`);
      const args = call.args.map((arg) => evaluate(arg, scope));
      return spec.decimal(args, { month: scope.get('month') ?? ONE, truthy });
    }
  }
}
