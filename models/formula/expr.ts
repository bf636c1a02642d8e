/** The whitelisted formula syntax tree. Nothing outside these node kinds can be expressed. */
export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'name'; name: string }
  | { kind: 'unary'; op: UnaryOp; arg: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'call'; fn: string; args: Expr[] }
  | { kind: 'conditional'; test: Expr; then: Expr; otherwise: Expr };

export type UnaryOp = 'negate' | 'not';
export type BinaryOp = '+' | '-' | '*' | '/' | '^' | 'mod' | '<' | '>' | '<=' | '>=' | '==' | '!=' | 'and' | 'or' | 'xor';

/**
 * Every name an expression refers to, in order of first use.
 *
 * @example
 * namesIn(parseFormula('a * b + a', '/x')) // ['a', 'b']
 */
export function namesIn(expr: Expr, into: Set<string> = new Set()): Set<string> {
  switch (expr.kind) {
    case 'name':
      into.add(expr.name);
      break;
    case 'unary':
      namesIn(expr.arg, into);
      break;
    case 'binary':
      namesIn(expr.left, into);
      namesIn(expr.right, into);
      break;
    case 'call':
      for (const arg of expr.args) namesIn(arg, into);
      break;
    case 'conditional':
      namesIn(expr.test, into);
      namesIn(expr.then, into);
      namesIn(expr.otherwise, into);
      break;
  }
  return into;
}

/**
 * Builds a product node, skipping factors that are the literal 1.
 *
 * @example
 * product([{ kind: 'name', name: 'a' }, { kind: 'number', value: 1 }]) // the name a
 */
export function product(factors: Expr[]): Expr {
  const kept = factors.filter((factor) => !(factor.kind === 'number' && factor.value === 1));
  if (kept.length === 0) return { kind: 'number', value: 1 };
  return kept.reduce((left, right) => ({ kind: 'binary', op: '*', left, right }));
}

/**
 * Replaces names by expressions (e.g. monthly variables by their definitions), so
 * a line can be analysed as one expression over inputs and time.
 *
 * @example
 * substitute(parse('v * 2'), new Map([['v', parse('a + 1')]])) // (a + 1) * 2
 */
export function substitute(expr: Expr, replacements: ReadonlyMap<string, Expr>): Expr {
  switch (expr.kind) {
    case 'number':
      return expr;
    case 'name':
      return replacements.get(expr.name) ?? expr;
    case 'unary':
      return { ...expr, arg: substitute(expr.arg, replacements) };
    case 'binary':
      return { ...expr, left: substitute(expr.left, replacements), right: substitute(expr.right, replacements) };
    case 'call':
      return { ...expr, args: expr.args.map((arg) => substitute(arg, replacements)) };
    case 'conditional':
      return {
        ...expr,
        test: substitute(expr.test, replacements),
        then: substitute(expr.then, replacements),
        otherwise: substitute(expr.otherwise, replacements),
      };
  }
}
