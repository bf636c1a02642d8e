import { closestName } from '../case/closest-name.ts';
import type { Expr } from './expr.ts';
import { FormulaError } from './formula-error.ts';
import { functionSpec } from './function-registry.ts';
import { CONSTANT_NAMES, isOwnName, TIME_FUNCTIONS, TIME_NAMES } from './functions.ts';

/** How often a value changes: once per run, once per trial, or every month. */
export type Level = 0 | 1 | 2;
export const CONSTANT: Level = 0;
export const PER_TRIAL: Level = 1;
export const PER_MONTH: Level = 2;

/** What a formula may refer to, and how often each name changes. */
export interface NameScope {
  /** name → level; inputs are per trial, variables have their own level. */
  levels: Map<string, Level>;
  /** Where the formula lives, for messages: e.g. "adoption curve parameters". */
  context: string;
  /** Time names allowed here (false for per-trial things like adoption parameters and metrics). */
  allowTime: boolean;
}

/**
 * Checks every name in `expr` against the scope and returns how often the formula's
 * value changes. Unknown names get a "did you mean" hint; time names where they are
 * not allowed, and functions used as values, are errors.
 *
 * @example
 * levelOf(parseFormula('a * month', '/x'), scope, '/x', 'a * month') // PER_MONTH
 */
export function levelOf(expr: Expr, scope: NameScope, path: string, source: string): Level {
  const fail = (problem: string, hint?: string): never => {
    throw new FormulaError(path, source, problem, hint);
  };
  switch (expr.kind) {
    case 'number':
      return CONSTANT;
    case 'name': {
      const known = scope.levels.get(expr.name);
      if (known === PER_MONTH && !scope.allowTime) {
        return fail(`"${expr.name}" varies by month (it uses month, year, adoption or a time function) and cannot be used in ${scope.context}`);
      }
      if (known !== undefined) return known;
      if (isOwnName(CONSTANT_NAMES, expr.name)) return CONSTANT;
      if (isOwnName(TIME_NAMES, expr.name)) {
        if (!scope.allowTime) return fail(`"${expr.name}" varies by month and cannot be used in ${scope.context}`);
        return PER_MONTH;
      }
      if (functionSpec(expr.name)) return fail(`"${expr.name}" is a function; call it with arguments, e.g. ${expr.name}(…)`);
      const candidates = [...scope.levels.keys(), ...(scope.allowTime ? Object.keys(TIME_NAMES) : []), ...Object.keys(CONSTANT_NAMES)];
      return fail(`unknown name "${expr.name}"`, closestName(expr.name, candidates));
    }
    case 'unary':
      return levelOf(expr.arg, scope, path, source);
    case 'binary':
      return Math.max(levelOf(expr.left, scope, path, source), levelOf(expr.right, scope, path, source)) as Level;
    case 'conditional':
      return Math.max(levelOf(expr.test, scope, path, source), levelOf(expr.then, scope, path, source), levelOf(expr.otherwise, scope, path, source)) as Level;
    case 'call': {
      let level: Level = CONSTANT;
      for (const arg of expr.args) level = Math.max(level, levelOf(arg, scope, path, source)) as Level;
      if (TIME_FUNCTIONS.has(expr.fn)) {
        if (!scope.allowTime) return fail(`${expr.fn}() varies by month and cannot be used in ${scope.context}`);
        return PER_MONTH;
      }
      return level;
    }
  }
}
