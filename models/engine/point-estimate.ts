import type { BusinessCase } from '../case/case-schema.ts';
import { COST_CATEGORIES, type CostCategory } from '../case/cost-categories.ts';
import { createDistribution } from '../distributions/create-distribution.ts';
import { product, type Expr } from '../formula/expr.ts';
import { orderVariables } from '../formula/order-variables.ts';
import { parseFormula } from '../formula/parse-formula.ts';
import { functionSpec } from '../formula/function-registry.ts';
import { Decimal, roundMoney } from '../money/money.ts';

/** The deterministic case: every input at its median, evaluated in exact decimal arithmetic. */
export interface PointEstimate {
  /** Median of each input, as used. */
  inputs: Record<string, string>;
  npv: string;
  pvBenefits: string;
  pvCosts: string;
  totalBenefits: string;
  totalCosts: string;
  /** (PV benefits − PV costs) / PV costs, to 6 decimal places. */
  roi: string;
  paybackMonth: number | null;
  discountedPaybackMonth: number | null;
  costByCategory: Record<CostCategory, string>;
  benefitByLine: Record<string, string>;
  /** Monthly net cash flow, to the cent. */
  monthlyNetCashFlow: string[];
  pilotRoi: string | null;
}

type Scope = Map<string, Decimal>;

const ZERO = new Decimal(0);
const ONE = new Decimal(1);

/**
 * The point estimate a spreadsheet would show: each input at its median, every
 * formula evaluated month by month with decimal.js, then rounded to the cent.
 * Same conventions as the Monte Carlo kernel (end-of-month discounting, payback as
 * the month after which cumulative cash flow stays positive).
 *
 * @example
 * pointEstimate(bc).npv // '1234567.89'
 */
export function pointEstimate(bc: BusinessCase): PointEstimate {
  const H = bc.horizonMonths;
  const scope: Scope = new Map();
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(bc.inputs)) {
    const median = new Decimal(createDistribution(input.distribution).inv(0.5));
    scope.set(name, median);
    inputs[name] = median.toString();
  }
  scope.set('horizonMonths', new Decimal(H));
  scope.set('pi', Decimal.acos(-1));
  scope.set('e', Decimal.exp(1));

  const variables = new Map(
    Object.entries(bc.variables ?? {}).map(([name, source]) => [name, { expr: parseFormula(source, `/variables/${name}`), source: String(source), path: `/variables/${name}` }]),
  );
  const orderedVariables = orderVariables(variables);
  const evaluateVariables = (monthScope: Scope): void => {
    for (const name of orderedVariables) monthScope.set(name, evaluate(variables.get(name)!.expr, monthScope));
  };

  // Per-trial formulas (adoption parameters, pilot scalars) cannot use time: any month's scope evaluates them.
  const perTrialScope = withVariables(scope, 1, ZERO);
  const adoptionStart = evaluate(parseFormula(bc.adoption.startMonth, '/adoption/startMonth'), perTrialScope);
  const adoptionHalf = Decimal.max(evaluate(parseFormula(bc.adoption.monthsToHalf, '/adoption/monthsToHalf'), perTrialScope), new Decimal('0.01'));
  const adoptionCeiling = Decimal.min(Decimal.max(evaluate(parseFormula(bc.adoption.ceiling, '/adoption/ceiling'), perTrialScope), ZERO), ONE);
  const steepness = new Decimal(99).ln().div(adoptionHalf);

  function withVariables(base: Scope, month: number, adoption: Decimal): Scope {
    const monthScope = new Map(base);
    const year = Math.floor((month - 1) / 12) + 1;
    monthScope.set('month', new Decimal(month));
    monthScope.set('year', new Decimal(year));
    monthScope.set('monthOfYear', new Decimal(month - (year - 1) * 12));
    monthScope.set('adoption', adoption);
    evaluateVariables(monthScope);
    return monthScope;
  }

  const amountExprs = bc.benefits.map((line, index) => parseFormula(line.amount, `/benefits/${index}/amount`));
  const realizationExprs = bc.benefits.map((line, index) => parseFormula(line.realization, `/benefits/${index}/realization`));
  const adoptionFactor = (line: BusinessCase['benefits'][number]): Expr =>
    line.scaleByAdoption ? { kind: 'name', name: 'adoption' } : { kind: 'number', value: 1 };
  const benefitExprs = bc.benefits.map((line, index) => product([amountExprs[index], realizationExprs[index], adoptionFactor(line)]));
  const costExprs = bc.costs.map((line, index) =>
    line.kind === 'perUnit'
      ? product([parseFormula(line.volume, `/costs/${index}/volume`), parseFormula(line.unitCost, `/costs/${index}/unitCost`)])
      : parseFormula(line.amount, `/costs/${index}/amount`),
  );

  let pvBenefits = ZERO;
  let pvCosts = ZERO;
  let totalBenefits = ZERO;
  let totalCosts = ZERO;
  let cumulative = ZERO;
  let cumulativeDiscounted = ZERO;
  let lastNonPositive = 0;
  let lastNonPositiveDiscounted = 0;
  const byCategory = new Map<CostCategory, Decimal>(COST_CATEGORIES.map((category) => [category, ZERO]));
  const byBenefit = bc.benefits.map(() => ZERO);
  const monthly: string[] = [];
  const onePlusRate = new Decimal(1).plus(bc.discountRateAnnual);

  for (let m = 1; m <= H; m++) {
    const adoption =
      m < adoptionStart.toNumber()
        ? ZERO
        : adoptionCeiling.div(ONE.plus(steepness.neg().mul(new Decimal(m).minus(adoptionStart).minus(adoptionHalf)).exp()));
    const monthScope = withVariables(scope, m, adoption);
    let benefits = ZERO;
    bc.benefits.forEach((line, index) => {
      if ((line.fromMonth !== undefined && m < line.fromMonth) || (line.toMonth !== undefined && m > line.toMonth)) return;
      const value = evaluate(benefitExprs[index], monthScope);
      byBenefit[index] = byBenefit[index].plus(value);
      benefits = benefits.plus(value);
    });
    let costs = ZERO;
    bc.costs.forEach((line, index) => {
      const active =
        line.kind === 'oneTime'
          ? m === line.month
          : !((line.fromMonth !== undefined && m < line.fromMonth) || (line.toMonth !== undefined && m > line.toMonth));
      if (!active) return;
      const value = evaluate(costExprs[index], monthScope);
      byCategory.set(line.category, byCategory.get(line.category)!.plus(value));
      costs = costs.plus(value);
    });
    const discount = onePlusRate.pow(new Decimal(-m).div(12));
    const net = benefits.minus(costs);
    pvBenefits = pvBenefits.plus(benefits.mul(discount));
    pvCosts = pvCosts.plus(costs.mul(discount));
    totalBenefits = totalBenefits.plus(benefits);
    totalCosts = totalCosts.plus(costs);
    cumulative = cumulative.plus(net);
    cumulativeDiscounted = cumulativeDiscounted.plus(net.mul(discount));
    if (cumulative.lte(0)) lastNonPositive = m;
    if (cumulativeDiscounted.lte(0)) lastNonPositiveDiscounted = m;
    monthly.push(roundMoney(net, bc.currency));
  }

  let pilotRoi: string | null = null;
  if (bc.pilot) {
    const pilot = bc.pilot;
    const pilotAdoption = evaluate(parseFormula(pilot.adoption, '/pilot/adoption'), perTrialScope);
    const pilotExprs = bc.benefits.map((line, index) =>
      product([amountExprs[index], pilot.countsRealization ? realizationExprs[index] : { kind: 'number', value: 1 }, adoptionFactor(line)]),
    );
    let pilotBenefits = ZERO;
    for (let m = 1; m <= pilot.durationMonths; m++) {
      const monthScope = withVariables(scope, m, pilotAdoption);
      bc.benefits.forEach((line, index) => {
        if ((line.fromMonth !== undefined && m < line.fromMonth) || (line.toMonth !== undefined && m > line.toMonth)) return;
        pilotBenefits = pilotBenefits.plus(evaluate(pilotExprs[index], monthScope));
      });
    }
    pilotBenefits = pilotBenefits.mul(evaluate(parseFormula(pilot.scopeShare, '/pilot/scopeShare'), perTrialScope));
    const pilotCosts = pilot.costs.reduce(
      (sum, cost, index) => sum.plus(evaluate(parseFormula(cost.amount, `/pilot/costs/${index}/amount`), perTrialScope)),
      ZERO,
    );
    pilotRoi = pilotBenefits.minus(pilotCosts).div(pilotCosts).toFixed(6);
  }

  const npv = pvBenefits.minus(pvCosts);
  return {
    inputs,
    npv: roundMoney(npv, bc.currency),
    pvBenefits: roundMoney(pvBenefits, bc.currency),
    pvCosts: roundMoney(pvCosts, bc.currency),
    totalBenefits: roundMoney(totalBenefits, bc.currency),
    totalCosts: roundMoney(totalCosts, bc.currency),
    roi: npv.div(pvCosts).toFixed(6),
    paybackMonth: cumulative.gt(0) ? lastNonPositive + 1 : null,
    discountedPaybackMonth: cumulativeDiscounted.gt(0) ? lastNonPositiveDiscounted + 1 : null,
    costByCategory: Object.fromEntries(COST_CATEGORIES.map((category) => [category, roundMoney(byCategory.get(category)!, bc.currency)])) as Record<CostCategory, string>,
    benefitByLine: Object.fromEntries(bc.benefits.map((line, index) => [line.id, roundMoney(byBenefit[index], bc.currency)])),
    monthlyNetCashFlow: monthly,
    pilotRoi,
  };
}


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
        case '+': return a.plus(b);
        case '-': return a.minus(b);
        case '*': return a.mul(b);
        case '/': return a.div(b);
        case '^': return a.pow(b);
        case 'mod': return b.isZero() ? a : a.minus(b.mul(a.div(b).floor()));
        case '<': return flag(a.lt(b));
        case '>': return flag(a.gt(b));
        case '<=': return flag(a.lte(b));
        case '>=': return flag(a.gte(b));
        case '==': return flag(a.eq(b));
        case '!=': return flag(!a.eq(b));
        case 'and': return flag(truthy(a) && truthy(b));
        case 'or': return flag(truthy(a) || truthy(b));
        case 'xor': return flag(truthy(a) !== truthy(b));
      }
    }
    // falls through: every binary op returns above
    case 'call': {
      const call = expr as Extract<Expr, { kind: 'call' }>;
      const spec = functionSpec(call.fn);
      if (!spec) throw new Error(`internal: no decimal implementation for ${call.fn}`);
      const args = call.args.map((arg) => evaluate(arg, scope));
      return spec.decimal(args, { month: scope.get('month') ?? ONE, truthy });
    }
  }
}
