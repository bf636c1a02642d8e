import { namesIn, type Expr } from './expr.ts';
import { FormulaError } from './formula-error.ts';

/** A parsed formula with where it came from, for messages. */
export interface ParsedFormula {
  expr: Expr;
  source: string;
  path: string;
}

/**
 * Variable names in an order where each comes after the variables it uses; a circular
 * definition is a FormulaError naming the cycle (a → b → a).
 *
 * @example
 * orderVariables(new Map([['b', parsed('a + 1')], ['a', parsed('2')]])) // ['a', 'b']
 */
export function orderVariables(formulas: Map<string, ParsedFormula>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, trail: string[]): void => {
    if (state.get(name) === 'done') return;
    const formula = formulas.get(name)!;
    if (state.get(name) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(name)), name];
      throw new FormulaError(formula.path, formula.source, `circular definition: ${cycle.join(' → ')}`);
    }
    state.set(name, 'visiting');
    for (const dependency of namesIn(formula.expr)) {
      if (formulas.has(dependency)) visit(dependency, [...trail, name]);
    }
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of formulas.keys()) visit(name, []);
  return order;
}
