import type { BusinessCase } from '../case/case-schema.ts';
import { COST_CATEGORIES, type CostCategory } from '../case/cost-categories.ts';
import { createDistribution } from '../distributions/create-distribution.ts';
import { sampledSpec } from '../evidence/sampled-spec.ts';
import type { RepresentativenessFactors } from '../evidence/representativeness-factors.ts';
import { product, type Expr } from '../formula/expr.ts';
import { orderVariables } from '../formula/order-variables.ts';
import { parseFormula } from '../formula/parse-formula.ts';
import { irr } from '../finance/irr.ts';
import { Decimal, roundMoney } from '../money/money.ts';
import { evaluate, type Scope } from './decimal-evaluate.ts';

export { evaluate, type Scope } from './decimal-evaluate.ts';

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
  /**
   * IRR of the exact monthly net cash flows, annualised as (1 + monthly)^12 − 1 (as the
   * kernel does); null when there is no single rate. Absent from runs stored before it existed.
   */
  irrAnnual?: number | null;
}

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
export function pointEstimate(bc: BusinessCase, factors?: RepresentativenessFactors): PointEstimate {
  const { scope, inputs } = medianScope(bc, factors);
  const withVariables = monthScoper(bc);
  // Per-trial formulas (adoption parameters, pilot scalars) cannot use time: any month's scope evaluates them.
  const perTrialScope = withVariables(scope, 1, ZERO);
  const lines = lineExpressions(bc);
  const totals = monthlyTotals(bc, scope, perTrialScope, withVariables, lines);
  const { pvBenefits, pvCosts, cumulative, cumulativeDiscounted } = totals;
  const npv = pvBenefits.minus(pvCosts);
  return {
    inputs,
    npv: roundMoney(npv, bc.currency),
    pvBenefits: roundMoney(pvBenefits, bc.currency),
    pvCosts: roundMoney(pvCosts, bc.currency),
    totalBenefits: roundMoney(totals.totalBenefits, bc.currency),
    totalCosts: roundMoney(totals.totalCosts, bc.currency),
    roi: npv.div(pvCosts).toFixed(6),
    paybackMonth: cumulative.gt(0) ? totals.lastNonPositive + 1 : null,
    discountedPaybackMonth: cumulativeDiscounted.gt(0) ? totals.lastNonPositiveDiscounted + 1 : null,
    costByCategory: Object.fromEntries(COST_CATEGORIES.map((category) => [category, roundMoney(totals.byCategory.get(category)!, bc.currency)])) as Record<
      CostCategory,
      string
    >,
    benefitByLine: Object.fromEntries(bc.benefits.map((line, index) => [line.id, roundMoney(totals.byBenefit[index], bc.currency)])),
    monthlyNetCashFlow: totals.monthly,
    irrAnnual: annualIrr(totals.exactMonthly),
    pilotRoi: bc.pilot ? pilotReturn(bc.pilot, bc, scope, perTrialScope, withVariables, lines) : null,
  };
}

/** Sets month, year, monthOfYear, adoption and every variable (in dependency order) on a copy of a scope. */
export type MonthScoper = (base: Scope, month: number, adoption: Decimal) => Scope;

/** The parsed benefit and cost line formulas a month evaluates. */
export interface LineExpressions {
  amount: Expr[];
  realization: Expr[];
  benefit: Expr[];
  cost: Expr[];
}

/** Month totals of the point estimate, in exact decimals. */
export interface MonthlyTotals {
  pvBenefits: Decimal;
  pvCosts: Decimal;
  totalBenefits: Decimal;
  totalCosts: Decimal;
  cumulative: Decimal;
  cumulativeDiscounted: Decimal;
  lastNonPositive: number;
  lastNonPositiveDiscounted: number;
  byCategory: Map<CostCategory, Decimal>;
  byBenefit: Decimal[];
  monthly: string[];
  /** Monthly net cash flow, unrounded. */
  exactMonthly: Decimal[];
}

/** What one month of the point estimate computed, for a trace (the workbook's check figures). */
export interface PointMonth {
  month: number;
  scope: Scope;
  benefits: (Decimal | null)[];
  costs: (Decimal | null)[];
  discount: Decimal;
}

/** The scope of constants: each input at its (updated) median (also returned as text), horizonMonths, pi and e. */
export function medianScope(bc: BusinessCase, factors?: RepresentativenessFactors): { scope: Scope; inputs: Record<string, string> } {
  const scope: Scope = new Map();
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(bc.inputs)) {
    // An input with evidence sits at the median of its updated distribution, as the simulation samples it.
    const median = new Decimal(createDistribution(sampledSpec(name, input, factors)).inv(0.5));
    scope.set(name, median);
    inputs[name] = median.toString();
  }
  scope.set('horizonMonths', new Decimal(bc.horizonMonths));
  scope.set('pi', Decimal.acos(-1));
  scope.set('e', Decimal.exp(1));
  return { scope, inputs };
}

/** The case's variables parsed and ordered once, as a function that scopes one month. */
export function monthScoper(bc: BusinessCase): MonthScoper {
  const variables = new Map(
    Object.entries(bc.variables ?? {}).map(([name, source]) => [
      name,
      { expr: parseFormula(source, `/variables/${name}`), source: String(source), path: `/variables/${name}` },
    ]),
  );
  const orderedVariables = orderVariables(variables);
  return (base, month, adoption) => {
    const monthScope = new Map(base);
    const year = Math.floor((month - 1) / 12) + 1;
    monthScope.set('month', new Decimal(month));
    monthScope.set('year', new Decimal(year));
    monthScope.set('monthOfYear', new Decimal(month - (year - 1) * 12));
    monthScope.set('adoption', adoption);
    for (const name of orderedVariables) monthScope.set(name, evaluate(variables.get(name)!.expr, monthScope));
    return monthScope;
  };
}

const adoptionFactor = (line: BusinessCase['benefits'][number]): Expr =>
  line.scaleByAdoption ? { kind: 'name', name: 'adoption' } : { kind: 'number', value: 1 };

/** Parses each benefit line (amount × realization × adoption when scaled) and cost line (volume × unit cost, or amount). */
export function lineExpressions(bc: BusinessCase): LineExpressions {
  const amount = bc.benefits.map((line, index) => parseFormula(line.amount, `/benefits/${index}/amount`));
  const realization = bc.benefits.map((line, index) => parseFormula(line.realization, `/benefits/${index}/realization`));
  const benefit = bc.benefits.map((line, index) => product([amount[index], realization[index], adoptionFactor(line)]));
  const cost = bc.costs.map((line, index) =>
    line.kind === 'perUnit'
      ? product([parseFormula(line.volume, `/costs/${index}/volume`), parseFormula(line.unitCost, `/costs/${index}/unitCost`)])
      : parseFormula(line.amount, `/costs/${index}/amount`),
  );
  return { amount, realization, benefit, cost };
}

const outsideWindow = (line: { fromMonth?: number; toMonth?: number }, m: number): boolean =>
  (line.fromMonth !== undefined && m < line.fromMonth) || (line.toMonth !== undefined && m > line.toMonth);

/** Runs the horizon month by month: logistic adoption, benefit and cost lines, discounting and payback. */
export function monthlyTotals(
  bc: BusinessCase,
  scope: Scope,
  perTrialScope: Scope,
  withVariables: MonthScoper,
  lines: LineExpressions,
  onMonth?: (month: PointMonth) => void,
): MonthlyTotals {
  const adoptionStart = evaluate(parseFormula(bc.adoption.startMonth, '/adoption/startMonth'), perTrialScope);
  const adoptionHalf = Decimal.max(evaluate(parseFormula(bc.adoption.monthsToHalf, '/adoption/monthsToHalf'), perTrialScope), new Decimal('0.01'));
  const adoptionCeiling = Decimal.min(Decimal.max(evaluate(parseFormula(bc.adoption.ceiling, '/adoption/ceiling'), perTrialScope), ZERO), ONE);
  const steepness = new Decimal(99).ln().div(adoptionHalf);
  const t: MonthlyTotals = {
    pvBenefits: ZERO,
    pvCosts: ZERO,
    totalBenefits: ZERO,
    totalCosts: ZERO,
    cumulative: ZERO,
    cumulativeDiscounted: ZERO,
    lastNonPositive: 0,
    lastNonPositiveDiscounted: 0,
    byCategory: new Map<CostCategory, Decimal>(COST_CATEGORIES.map((category) => [category, ZERO])),
    byBenefit: bc.benefits.map(() => ZERO),
    monthly: [],
    exactMonthly: [],
  };
  const onePlusRate = new Decimal(1).plus(bc.discountRateAnnual);
  for (let m = 1; m <= bc.horizonMonths; m++) {
    const adoption =
      m < adoptionStart.toNumber() ? ZERO : adoptionCeiling.div(ONE.plus(steepness.neg().mul(new Decimal(m).minus(adoptionStart).minus(adoptionHalf)).exp()));
    const monthScope = withVariables(scope, m, adoption);
    let benefits = ZERO;
    const benefitValues: (Decimal | null)[] = bc.benefits.map(() => null);
    const costValues: (Decimal | null)[] = bc.costs.map(() => null);
    bc.benefits.forEach((line, index) => {
      if (outsideWindow(line, m)) return;
      const value = evaluate(lines.benefit[index], monthScope);
      benefitValues[index] = value;
      t.byBenefit[index] = t.byBenefit[index].plus(value);
      benefits = benefits.plus(value);
    });
    let costs = ZERO;
    bc.costs.forEach((line, index) => {
      const active = line.kind === 'oneTime' ? m === line.month : !outsideWindow(line, m);
      if (!active) return;
      const value = evaluate(lines.cost[index], monthScope);
      costValues[index] = value;
      t.byCategory.set(line.category, t.byCategory.get(line.category)!.plus(value));
      costs = costs.plus(value);
    });
    const discount = onePlusRate.pow(new Decimal(-m).div(12));
    const net = benefits.minus(costs);
    t.pvBenefits = t.pvBenefits.plus(benefits.mul(discount));
    t.pvCosts = t.pvCosts.plus(costs.mul(discount));
    t.totalBenefits = t.totalBenefits.plus(benefits);
    t.totalCosts = t.totalCosts.plus(costs);
    t.cumulative = t.cumulative.plus(net);
    t.cumulativeDiscounted = t.cumulativeDiscounted.plus(net.mul(discount));
    if (t.cumulative.lte(0)) t.lastNonPositive = m;
    if (t.cumulativeDiscounted.lte(0)) t.lastNonPositiveDiscounted = m;
    t.monthly.push(roundMoney(net, bc.currency));
    t.exactMonthly.push(net);
    onMonth?.({ month: m, scope: monthScope, benefits: benefitValues, costs: costValues, discount });
  }
  return t;
}

/** The pilot's ROI to 6 places: its benefits over its months at its adoption, times its scope share, against its costs. */
function pilotReturn(
  pilot: NonNullable<BusinessCase['pilot']>,
  bc: BusinessCase,
  scope: Scope,
  perTrialScope: Scope,
  withVariables: MonthScoper,
  lines: LineExpressions,
): string {
  const pilotAdoption = evaluate(parseFormula(pilot.adoption, '/pilot/adoption'), perTrialScope);
  const pilotExprs = bc.benefits.map((line, index) =>
    product([lines.amount[index], pilot.countsRealization ? lines.realization[index] : { kind: 'number', value: 1 }, adoptionFactor(line)]),
  );
  let pilotBenefits = ZERO;
  for (let m = 1; m <= pilot.durationMonths; m++) {
    const monthScope = withVariables(scope, m, pilotAdoption);
    bc.benefits.forEach((line, index) => {
      if (outsideWindow(line, m)) return;
      pilotBenefits = pilotBenefits.plus(evaluate(pilotExprs[index], monthScope));
    });
  }
  pilotBenefits = pilotBenefits.mul(evaluate(parseFormula(pilot.scopeShare, '/pilot/scopeShare'), perTrialScope));
  const pilotCosts = pilot.costs.reduce(
    (sum, cost, index) => sum.plus(evaluate(parseFormula(cost.amount, `/pilot/costs/${index}/amount`), perTrialScope)),
    ZERO,
  );
  return pilotBenefits.minus(pilotCosts).div(pilotCosts).toFixed(6);
}

/**
 * The annualised IRR of exact monthly flows, or null when no single rate solves them.
 *
 * @example
 * annualIrr([new Decimal(-100), new Decimal(110)]) // 0.1 a month → 2.138…
 */
export function annualIrr(flows: Decimal[]): number | null {
  try {
    const monthly = irr(flows.map((flow) => flow.toNumber()));
    return (1 + monthly) ** 12 - 1;
  } catch {
    return null;
  }
}
