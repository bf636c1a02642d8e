import type { BusinessCase } from '../case/case-schema.ts';
import type { CaseFormulas } from './case-formulas.ts';
import { emitExpr, type EmitContext } from './emit-js.ts';
import { product } from './expr.ts';

/**
 * The pilot's per-trial statements: it runs in months 1..D and treats each line as
 * production would in those months, with its own growth state stepped from the same
 * monthly factors; writes the pilot ROI, benefits and costs into o9, o10 and o11.
 * `emitMonthVariables` gives the monthly variables' statements in a context.
 *
 * @example
 * afterTrial.push(...emitPilot(bc.pilot, formulas, context, emitMonthVariables));
 */
export function emitPilot(
  pilotCase: NonNullable<BusinessCase['pilot']>,
  formulas: CaseFormulas,
  context: EmitContext,
  emitMonthVariables: (within: EmitContext) => string[],
): string[] {
  const pilot = formulas.pilot!;
  const pilotGrowth: string[] = [];
  const pilotContext: EmitContext = {
    ...context,
    monthlyGrowth(rateCode) {
      const local = context.monthlyGrowth(rateCode).replace(/^gv/, 'pg');
      if (!pilotGrowth.includes(local)) pilotGrowth.push(local);
      return local;
    },
  };
  const gate = (expr: string, from?: number, to?: number): string => {
    const conditions = [from !== undefined ? `m >= ${from}` : '', to !== undefined ? `m <= ${to}` : ''].filter(Boolean);
    return conditions.length ? `(${conditions.join(' && ')} ? ${expr} : 0)` : expr;
  };
  const pilotLines = formulas.benefits.map(({ line, amount, realization }) =>
    gate(
      emitExpr(
        product([
          amount.expr,
          pilotCase.countsRealization ? realization.expr : { kind: 'number', value: 1 },
          line.scaleByAdoption ? { kind: 'name', name: 'adoption' } : { kind: 'number', value: 1 },
        ]),
        pilotContext,
      ),
      line.fromMonth,
      line.toMonth,
    ),
  );
  const pilotMonthVariables = emitMonthVariables(pilotContext);
  const pilotAdoption = emitExpr(pilot.adoption.expr, context);
  const pilotScope = emitExpr(pilot.scope.expr, context);
  const pilotCost = pilot.costs.map((cost) => emitExpr(cost.expr, context)).join(' + ') || '0';
  return [
    'let pilotBen = 0;',
    ...pilotGrowth.map((local) => `let ${local} = 1;`),
    `for (let m = 1; m <= ${pilotCase.durationMonths}; m++) {`,
    `const yr = ((m - 1) / 12 | 0) + 1; const moy = m - (yr - 1) * 12; const ad = ${pilotAdoption};`,
    ...pilotMonthVariables,
    `pilotBen += ${pilotLines.join(' + ')};`,
    ...pilotGrowth.map((local) => `${local} *= ${local.replace(/^pg/, 'gs')};`),
    '}',
    `pilotBen *= ${pilotScope};`,
    `const pilotCost = ${pilotCost};`,
    'o9[i] = (pilotBen - pilotCost) / pilotCost; o10[i] = pilotBen; o11[i] = pilotCost;',
  ];
}
