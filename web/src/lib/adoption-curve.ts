import type { CaseInput } from '../../../models/case/case-schema.ts';
import { createDistribution } from '../../../models/distributions/create-distribution.ts';
import type { DistributionSpec } from '../../../models/distributions/spec.ts';
import { Decimal } from '../../../models/money/money.ts';
import { evaluate } from '../../../models/engine/point-estimate.ts';
import { parseFormula } from '../../../models/formula/parse-formula.ts';

export interface AdoptionPreview {
  points: { month: number; adoption: number }[];
  /** How the preview was made, or why it could not be. */
  note: string;
}

/**
 * The logistic adoption curve with every input at its median, month by month over the
 * horizon, using the engine's formula parser and decimal evaluator (the point estimate's
 * conventions: adoption is zero before the start month, half the ceiling `monthsToHalf`
 * months later).
 *
 * @example
 * adoptionPreview(document).points[11].adoption
 */
export function adoptionPreview(document: CaseInput): AdoptionPreview {
  try {
    const scope = new Map<string, Decimal>();
    for (const [name, input] of Object.entries(document.inputs ?? {})) {
      scope.set(name, new Decimal(createDistribution(input.distribution as DistributionSpec).inv(0.5)));
    }
    const horizon = document.horizonMonths;
    scope.set('horizonMonths', new Decimal(horizon));
    scope.set('month', new Decimal(1));
    const value = (formula: string | number, path: string): number => evaluate(parseFormula(formula, path), scope).toNumber();
    const start = value(document.adoption.startMonth, '/adoption/startMonth');
    const half = Math.max(value(document.adoption.monthsToHalf, '/adoption/monthsToHalf'), 0.01);
    const ceiling = Math.min(Math.max(value(document.adoption.ceiling, '/adoption/ceiling'), 0), 1);
    const steepness = Math.log(99) / half;
    const points = [];
    for (let month = 1; month <= horizon; month++) {
      points.push({ month, adoption: month < start ? 0 : ceiling / (1 + Math.exp(-steepness * (month - start - half))) });
    }
    const round = (n: number): string => (Math.round(n * 10) / 10).toString();
    return {
      points,
      note: `Inputs at their medians: use starts in month ${round(start)}, reaches half of the ${Math.round(ceiling * 100)}% ceiling ${round(half)} months later.`,
    };
  } catch (error) {
    return { points: [], note: `No preview: ${error instanceof Error ? error.message : String(error)}` };
  }
}
