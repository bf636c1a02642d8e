import type { BusinessCase } from '../case/case-schema.ts';
import { Decimal } from '../money/money.ts';
import { parseFormula } from '../formula/parse-formula.ts';
import { annualIrr, evaluate, lineExpressions, medianScope, monthlyTotals, monthScoper } from './point-estimate.ts';
import type { RepresentativenessFactors } from '../evidence/representativeness-factors.ts';

/** The point estimate month by month, unrounded: what a spreadsheet of the case shows in each cell. */
export interface PointEstimateTrace {
  /** Each variable's value per month (index 0 is month 1). */
  variables: Record<string, number[]>;
  /** Each benefit line's value per month (0 outside its months), in case order. */
  benefits: number[][];
  /** Each cost line's value per month (0 outside its months), in case order. */
  costs: number[][];
  /** The adoption curve per month. */
  adoption: number[];
  /** The adoption curve's parameters as their formulas give them (before the engine's bounds). */
  adoptionParameters: { startMonth: number; monthsToHalf: number; ceiling: number };
  /** Net cash flow per month. */
  net: number[];
  /** Exact totals, before rounding to the cent. */
  npv: Decimal;
  pvBenefits: Decimal;
  pvCosts: Decimal;
  /** (PV benefits − PV costs) / PV costs, unrounded. */
  roi: Decimal;
  /** The annualised IRR of the exact monthly flows, or null (as PointEstimate.irrAnnual). */
  irrAnnual: number | null;
}

/**
 * Runs the point estimate (every input at its median, an input with evidence at the
 * median of its update by the given factors; exact decimals) and keeps every month's variables and lines: the known answer an exported workbook's cells must show.
 *
 * @example
 * const trace = pointEstimateTrace(bc);
 * trace.npv.toFixed(2) === pointEstimate(bc).npv // true
 */
export function pointEstimateTrace(bc: BusinessCase, factors?: RepresentativenessFactors): PointEstimateTrace {
  const { scope } = medianScope(bc, factors);
  const withVariables = monthScoper(bc);
  const perTrialScope = withVariables(scope, 1, new Decimal(0));
  const names = Object.keys(bc.variables ?? {});
  const variables: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  const benefits: number[][] = bc.benefits.map(() => []);
  const costs: number[][] = bc.costs.map(() => []);
  const net: number[] = [];
  const adoption: number[] = [];
  const parameter = (formula: string | number, key: string): number => evaluate(parseFormula(formula, `/adoption/${key}`), perTrialScope).toNumber();
  const adoptionParameters = {
    startMonth: parameter(bc.adoption.startMonth, 'startMonth'),
    monthsToHalf: parameter(bc.adoption.monthsToHalf, 'monthsToHalf'),
    ceiling: parameter(bc.adoption.ceiling, 'ceiling'),
  };
  const totals = monthlyTotals(bc, scope, perTrialScope, withVariables, lineExpressions(bc), (month) => {
    adoption.push(month.scope.get('adoption')!.toNumber());
    for (const name of names) variables[name].push(month.scope.get(name)!.toNumber());
    month.benefits.forEach((value, index) => benefits[index].push(value ? value.toNumber() : 0));
    month.costs.forEach((value, index) => costs[index].push(value ? value.toNumber() : 0));
  });
  for (const flow of totals.exactMonthly) net.push(flow.toNumber());
  const npv = totals.pvBenefits.minus(totals.pvCosts);
  const irrAnnual = annualIrr(totals.exactMonthly);
  return {
    variables,
    benefits,
    costs,
    adoption,
    adoptionParameters,
    net,
    irrAnnual,
    npv,
    pvBenefits: totals.pvBenefits,
    pvCosts: totals.pvCosts,
    roi: npv.div(totals.pvCosts),
  };
}

/**
 * Each variable at the point values in the first and last months (adoption taken as 1):
 * a cheap look at their size, for display formats, without the whole trace.
 *
 * @example
 * variableSample(bc).docs // [60000, 71234.5]
 */
export function variableSample(bc: BusinessCase): Record<string, number[]> {
  const { scope } = medianScope(bc);
  const withVariables = monthScoper(bc);
  const months = [...new Set([1, bc.horizonMonths])].map((m) => withVariables(scope, m, new Decimal(1)));
  return Object.fromEntries(Object.keys(bc.variables ?? {}).map((name) => [name, months.map((month) => month.get(name)!.toNumber())]));
}
