import { create, all } from 'mathjs';
import type { BusinessCase } from '../../models/case/case-schema.ts';
import { createDistribution } from '../../models/distributions/create-distribution.ts';
import { streamState, uniformSource } from '../../models/rng/index.ts';

const math = create(all);

/**
 * The naive approach the engine is measured against: mathjs `evaluate` of every
 * formula, per trial and per month, with a scope object (what a spreadsheet-like
 * tool does). Returns the NPVs so the work cannot be optimised away.
 *
 * @example
 * naiveNpv(bc, 10_000)
 */
export function naiveNpv(bc: BusinessCase, trials: number): Float64Array {
  const names = Object.keys(bc.inputs);
  const distributions = names.map((name) => createDistribution(bc.inputs[name].distribution));
  const rng = uniformSource(streamState(7, 0, 0));
  const text = (formula: string | number): string => String(formula).replace(/\bif\(/g, 'ifElse(');
  const benefit = bc.benefits.map((line) => `(${text(line.amount)}) * (${text(line.realization)})${line.scaleByAdoption ? ' * adoption' : ''}`);
  const cost = bc.costs.map((line) => (line.kind === 'perUnit' ? `(${text(line.volume)}) * (${text(line.unitCost)})` : text(line.amount)));
  const variables = Object.entries(bc.variables ?? {});
  const helpers = {
    ramp: (m: number, a: number, b: number) => (b <= a ? (m >= a ? 1 : 0) : m <= a ? 0 : m >= b ? 1 : (m - a) / (b - a)),
    ifElse: (c: unknown, a: number, b: number) => (c ? a : b),
  };
  const out = new Float64Array(trials);
  for (let t = 0; t < trials; t++) {
    const scope: Record<string, unknown> = { horizonMonths: bc.horizonMonths, ifElse: helpers.ifElse };
    names.forEach((name, index) => (scope[name] = distributions[index].inv(rng())));
    const start = math.evaluate(text(bc.adoption.startMonth), scope) as number;
    const half = math.evaluate(text(bc.adoption.monthsToHalf), scope) as number;
    const ceiling = math.evaluate(text(bc.adoption.ceiling), scope) as number;
    let npv = 0;
    for (let m = 1; m <= bc.horizonMonths; m++) {
      scope.month = m;
      scope.year = Math.floor((m - 1) / 12) + 1;
      scope.monthOfYear = m - (Number(scope.year) - 1) * 12;
      scope.adoption = m < start ? 0 : ceiling / (1 + Math.exp((-Math.log(99) / half) * (m - start - half)));
      scope.ramp = (a: number, b: number) => helpers.ramp(m, a, b);
      scope.step = (a: number) => (m >= a ? 1 : 0);
      scope.between = (a: number, b: number) => (m >= a && m <= b ? 1 : 0);
      scope.grow = (r: number) => Math.pow(1 + r, (m - 1) / 12);
      for (const [name, formula] of variables) scope[name] = math.evaluate(text(formula), scope);
      let net = 0;
      for (const formula of benefit) net += math.evaluate(formula, scope) as number;
      bc.costs.forEach((line, index) => {
        if (line.kind === 'oneTime' && line.month !== m) return;
        net -= math.evaluate(cost[index], scope) as number;
      });
      npv += net * Math.pow(1 + bc.discountRateAnnual, -m / 12);
    }
    out[t] = npv;
  }
  return out;
}
