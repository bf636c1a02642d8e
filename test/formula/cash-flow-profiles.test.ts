import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COST_CATEGORIES } from '../../models/case/cost-categories.ts';
import { parseCase } from '../../models/compile/validate-case.ts';
import { createDistribution } from '../../models/distributions/create-distribution.ts';
import { pointEstimate } from '../../models/engine/point-estimate.ts';
import { simulate } from '../../models/engine/simulate.ts';

/*
 * The kernel splits each line into coefficient × time profile and cuts the months into
 * segments (see emit-cash-flows.ts). The decimal point estimate evaluates every formula
 * month by month with no such algebra, so with every input fixed at its median the two
 * must agree on every number: an independent check on real fixtures, whose lines start
 * and stop in different months, recur by month of year or step at a sampled month.
 */
const FIXTURES = ['contact-center-assistant', 'finance-cost-anomaly', 'document-processing'];

function atMedians(name: string, edit: (json: any) => void = () => undefined) {
  const json = JSON.parse(readFileSync(`fixtures/${name}.json`, 'utf8'));
  edit(json);
  const { model } = parseCase(json);
  for (const input of model.inputs) {
    json.inputs[input.name].distribution = { type: 'fixed', value: createDistribution(input.spec).inv(0.5) };
  }
  delete json.correlations;
  return parseCase(json);
}

/** 20 years, with 40 one-time costs in different months and lines that start late: too many segments for one function. */
function longHorizon(json: any): void {
  json.horizonMonths = 240;
  for (let k = 0; k < 40; k++) {
    json.costs.push({ id: `extra${k}`, label: `One-time ${k}`, category: 'other', kind: 'oneTime', month: 2 + ((k * 7) % 230), amount: 1000 + k * 37 });
  }
  json.costs.push({ id: 'lateFee', label: 'Late fee', category: 'other', kind: 'monthly', fromMonth: 100, toMonth: 150, amount: 'adoption * (month - 90)' });
}

const CASES: [string, string, (json: any) => void][] = [
  ...FIXTURES.map((name): [string, string, (json: any) => void] => [name, name, () => undefined]),
  ['contact-center-assistant over 240 months with 40 one-time costs (year-loop form)', 'contact-center-assistant', longHorizon],
];

describe('monthly cash flows compiled as coefficient × profile', () => {
  it('uses month segments for the fixtures and one loop per year when segments would make the kernel too large', () => {
    expect(atMedians('contact-center-assistant').model.kernelSource).not.toContain('netSteps');
    expect(atMedians('contact-center-assistant', longHorizon).model.kernelSource).toContain('netSteps');
  });

  for (const [title, name, edit] of CASES) {
    it(`${title}: matches the month-by-month decimal evaluation at fixed inputs`, () => {
      const { case: bc, model } = atMedians(name, edit);
      const point = pointEstimate(bc);
      const result = simulate(model, { trials: 2, seed: 1, sampling: 'mc', keepLineTotals: true });
      const cents = (value: string, actual: number): void => expect(Math.abs(actual - Number(value))).toBeLessThanOrEqual(0.005 + 1e-9 * Math.abs(actual));
      cents(point.npv, result.outputs.npv[0]);
      cents(point.pvCosts, result.outputs.pvCosts[0]);
      cents(point.totalBenefits, result.outputs.totalBenefits[0]);
      cents(point.totalCosts, result.outputs.totalCosts[0]);
      for (const category of COST_CATEGORIES) cents(point.costByCategory[category], result.outputs[`cost.${category}`][0]);
      for (const [id, total] of Object.entries(point.benefitByLine)) cents(total, result.outputs[`benefit.${id}`][0]);
      expect(result.outputs.paybackMonth[0]).toBe(point.paybackMonth ?? Infinity);
      expect(result.outputs.discountedPaybackMonth[0]).toBe(point.discountedPaybackMonth ?? Infinity);
      // Year by year: the fan holds the cumulative net cash flow of each month.
      let cumulative = 0;
      point.monthlyNetCashFlow.forEach((net, month) => {
        cumulative += Number(net);
        expect(Math.abs(result.fan.values[month] - cumulative)).toBeLessThanOrEqual(0.005 * (month + 1) + 1e-9 * Math.abs(cumulative));
      });
    });
  }
});
