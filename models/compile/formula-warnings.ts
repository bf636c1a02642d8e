import type { CaseIssue } from '../case/case-error.ts';
import type { BusinessCase } from '../case/case-schema.ts';
import { createDistribution } from '../distributions/create-distribution.ts';
import type { Expr } from '../formula/expr.ts';
import { orderVariables } from '../formula/order-variables.ts';
import { parseFormula } from '../formula/parse-formula.ts';
import { floatEvaluate as evaluate, type FloatScope as Scope } from './float-evaluate.ts';
interface Checked {
  path: string;
  /** e.g. "benefit 'Clerk time'". */
  what: string;
  expr: Expr;
  /** Months in which the formula counts (a one-time cost counts in one). */
  active: (month: number) => boolean;
  cost: boolean;
}

const describeValue = (value: number): string => (Number.isNaN(value) ? 'not a number (NaN)' : value < 0 ? '−∞' : '∞');

/** Why a node whose operands are finite gives no finite value. */
function operation(expr: Expr, args: number[]): string {
  if (expr.kind === 'binary') {
    const [a, b] = args;
    if (expr.op === '/') return b === 0 ? 'division by zero' : 'the division overflows';
    if (expr.op === '^')
      return a < 0 && !Number.isInteger(b)
        ? 'a negative number raised to a fractional power'
        : a === 0
          ? 'zero raised to a negative power'
          : 'the power overflows';
    return `the ${expr.op === '*' ? 'product' : expr.op === '+' ? 'sum' : 'difference'} overflows`;
  }
  if (expr.kind === 'call') {
    if (expr.fn === 'sqrt') return 'square root of a negative number';
    if (['log', 'ln', 'log10', 'log2'].includes(expr.fn)) return 'logarithm of zero or a negative number';
    return `${expr.fn}(…) has no finite value for ${args.map((arg) => String(arg)).join(', ')}`;
  }
  return 'an operation with no finite value';
}

/** The innermost operation that first turns finite operands into NaN or ±∞, or null when all is finite. */
function culprit(expr: Expr, scope: Scope): string | null {
  switch (expr.kind) {
    case 'number':
      return null;
    case 'name': {
      const value = scope.get(expr.name);
      return value !== undefined && !Number.isFinite(value) ? `it uses ${expr.name}, which is ${describeValue(value)}` : null;
    }
    case 'conditional':
      return culprit(expr.test, scope) ?? (evaluate(expr.test, scope) === 0 ? culprit(expr.otherwise, scope) : culprit(expr.then, scope));
    case 'unary':
      return culprit(expr.arg, scope);
    case 'binary':
    case 'call': {
      const children = expr.kind === 'binary' ? [expr.left, expr.right] : expr.args;
      for (const child of children) {
        const inner = culprit(child, scope);
        if (inner) return inner;
      }
      return Number.isFinite(evaluate(expr, scope))
        ? null
        : operation(
            expr,
            children.map((child) => evaluate(child, scope)),
          );
    }
  }
}

const inWindow = (line: { fromMonth?: number; toMonth?: number }) => (m: number) =>
  (line.fromMonth === undefined || m >= line.fromMonth) && (line.toMonth === undefined || m <= line.toMonth);

function checkedFormulas(bc: BusinessCase): Checked[] {
  const parse = (formula: string | number, path: string) => parseFormula(formula, path);
  const checked: Checked[] = [];
  bc.benefits.forEach((line, index) => {
    const what = `benefit '${line.label}'`;
    checked.push({ path: `/benefits/${index}/amount`, what, expr: parse(line.amount, `/benefits/${index}/amount`), active: inWindow(line), cost: false });
    const realization = parse(line.realization, `/benefits/${index}/realization`);
    checked.push({ path: `/benefits/${index}/realization`, what: `${what} (realization)`, expr: realization, active: inWindow(line), cost: false });
  });
  bc.costs.forEach((line, index) => {
    const what = `cost '${line.label}'`;
    const active = line.kind === 'oneTime' ? (m: number) => m === line.month : inWindow(line);
    if (line.kind === 'perUnit') {
      const volume = parse(line.volume, `/costs/${index}/volume`);
      const unitCost = parse(line.unitCost, `/costs/${index}/unitCost`);
      checked.push({ path: `/costs/${index}/volume`, what: `${what} (volume)`, expr: volume, active, cost: false });
      checked.push({ path: `/costs/${index}/unitCost`, what: `${what} (unit cost)`, expr: unitCost, active, cost: false });
      checked.push({ path: `/costs/${index}`, what, expr: { kind: 'binary', op: '*', left: volume, right: unitCost }, active, cost: true });
    } else checked.push({ path: `/costs/${index}/amount`, what, expr: parse(line.amount, `/costs/${index}/amount`), active, cost: true });
  });
  return checked;
}

/** Each month's scope at the point estimate: inputs at their medians, time names, adoption and variables. */
function monthScopes(bc: BusinessCase): { scopes: Scope[]; variableIssues: CaseIssue[] } {
  const base: Scope = new Map();
  for (const [name, input] of Object.entries(bc.inputs)) base.set(name, createDistribution(input.distribution).inv(0.5));
  base.set('horizonMonths', bc.horizonMonths).set('pi', Math.PI).set('e', Math.E);
  const variables = new Map(
    Object.entries(bc.variables ?? {}).map(([name, source]) => [
      name,
      { expr: parseFormula(source, `/variables/${name}`), source: String(source), path: `/variables/${name}` },
    ]),
  );
  const order = orderVariables(variables);
  const flagged = new Set<string>();
  const variableIssues: CaseIssue[] = [];
  const scoped = (month: number, adoption: number): Scope => {
    const scope = new Map(base);
    const year = Math.floor((month - 1) / 12) + 1;
    scope
      .set('month', month)
      .set('year', year)
      .set('monthOfYear', month - (year - 1) * 12)
      .set('adoption', adoption);
    for (const name of order) {
      const { expr, path } = variables.get(name)!;
      const value = evaluate(expr, scope);
      scope.set(name, value);
      if (!Number.isFinite(value) && !flagged.has(name)) {
        flagged.add(name);
        variableIssues.push({ path, message: `variable '${name}' is ${describeValue(value)} in month ${month}: ${culprit(expr, scope) ?? 'no finite value'}` });
      }
    }
    return scope;
  };
  const first = scoped(1, 0);
  const at = (formula: string | number, path: string) => evaluate(parseFormula(formula, path), first);
  // The logistic adoption curve as the point estimate draws it.
  const start = at(bc.adoption.startMonth, '/adoption/startMonth');
  const half = Math.max(at(bc.adoption.monthsToHalf, '/adoption/monthsToHalf'), 0.01);
  const ceiling = Math.min(Math.max(at(bc.adoption.ceiling, '/adoption/ceiling'), 0), 1);
  const steepness = Math.log(99) / half;
  const scopes: Scope[] = [];
  for (let m = 1; m <= bc.horizonMonths; m++) scopes.push(scoped(m, m < start ? 0 : ceiling / (1 + Math.exp(-steepness * (m - start - half)))));
  return { scopes, variableIssues };
}

/**
 * Advice on the formulas at the point estimate (every input at its median, month by
 * month over the horizon): a line or variable that is NaN or ±∞ in some month, named
 * with the month and the operation, and a cost that is negative. One warning per
 * formula, at its first such month. Formulas the engine cannot compile give none here
 * (validation reports them).
 *
 * @example
 * formulaWarnings(bc)[0].message // "benefit 'Clerk time' is ∞ in month 3: division by zero"
 */
export function formulaWarnings(bc: BusinessCase): CaseIssue[] {
  try {
    const { scopes, variableIssues } = monthScopes(bc);
    const warnings: CaseIssue[] = [...variableIssues];
    for (const formula of checkedFormulas(bc)) {
      const month = scopes.findIndex((scope, index) => formula.active(index + 1) && !Number.isFinite(evaluate(formula.expr, scope)));
      if (month >= 0) {
        const value = evaluate(formula.expr, scopes[month]);
        const why = culprit(formula.expr, scopes[month]) ?? 'no finite value';
        // A per-unit cost whose volume or unit cost is already flagged is not flagged again.
        if (!warnings.some((warning) => warning.path === formula.path || warning.path.startsWith(`${formula.path}/`)))
          warnings.push({ path: formula.path, message: `${formula.what} is ${describeValue(value)} in month ${month + 1}: ${why}` });
        continue;
      }
      if (!formula.cost) continue;
      const negative = scopes.findIndex((scope, index) => formula.active(index + 1) && evaluate(formula.expr, scope) < 0);
      if (negative >= 0) {
        const amount = String(Number(evaluate(formula.expr, scopes[negative]).toPrecision(6)));
        warnings.push({
          path: formula.path,
          message: `${formula.what} is negative in month ${negative + 1} (${amount}): a cost should be positive; put a saving among the benefits`,
        });
      }
    }
    return warnings;
  } catch {
    return [];
  }
}
