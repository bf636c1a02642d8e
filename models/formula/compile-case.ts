import type { BusinessCase } from '../case/case-schema.ts';
import { COST_CATEGORIES, type CostCategory } from '../case/cost-categories.ts';
import type { DistributionSpec } from '../distributions/spec.ts';
import { hashName } from '../rng/stream-state.ts';
import * as dm from '../math/deterministic-math.ts';
import { CORE_OUTPUTS, PILOT_OUTPUTS, costOutputs, type OutputDescriptor } from './outputs.ts';
import { SCALAR_HELPERS } from './scalar-helpers.ts';
import { emitExpr, emitRaw, type EmitContext } from './emit-js.ts';
import { namesIn, product, substitute, type Expr } from './expr.ts';
import { emitCashFlows, type CashFlowLine } from './emit-cash-flows.ts';
import { orderVariables, type ParsedFormula } from './order-variables.ts';
import { parseFormula } from './parse-formula.ts';
import { CONSTANT, PER_MONTH, PER_TRIAL, levelOf, type Level, type NameScope } from './resolve-names.ts';

/** Bumped whenever a change to the engine could change any simulated number. */
export const ENGINE_VERSION = '1.4.0';

/** A compiled case: plain data (structured-cloneable), so it can be sent to workers. */
export interface CompiledModel {
  engineVersion: string;
  horizonMonths: number;
  years: number;
  discountRateAnnual: number;
  inputs: { name: string; label?: string; unit: string; spec: DistributionSpec; streamKey: number }[];
  correlation?: { inputIndices: number[]; matrix: number[][] };
  outputs: OutputDescriptor[];
  /** Layout of the per-chunk sums: cost by category and year, then benefit by line and year. */
  /**
   * Layout of the per-chunk sums: cost by category and year, benefit by line and year,
   * then the sums of squares of each per-trial category and line total (for standard errors).
   */
  accumulators: { costByCategoryYear: number; benefitByLineYear: number; costTotalSquares: number; benefitTotalSquares: number; size: number; benefitIds: string[] };
  costCategoriesWithLines: CostCategory[];
  pilot?: { durationMonths: number; categoriesPaid: CostCategory[]; reportedRoi: number | null };
  /** Body of `new Function('helpers', kernelSource)`, generated from the whitelisted syntax tree only. */
  kernelSource: string;
}


const OUTPUT_NAMES_FOR_METRICS = ['npv', 'roi', 'pvBenefits', 'pvCosts', 'totalBenefits', 'totalCosts'] as const;

/**
 * Compiles a validated case: parses every formula once, resolves names, rejects
 * cycles and misplaced time references, and generates one columnar kernel that
 * folds each month into the outputs as it goes (nothing is stored per trial-month).
 *
 * @example
 * const model = compileCase(parseCase(json));
 */
export function compileCase(bc: BusinessCase): CompiledModel {
  const H = bc.horizonMonths;
  const years = Math.ceil(H / 12);
  const inputNames = Object.keys(bc.inputs);

  const bindings = new Map<string, string>([
    ['month', 'm'],
    ['year', 'yr'],
    ['monthOfYear', 'moy'],
    ['adoption', 'ad'],
    ['horizonMonths', String(H)],
    ['pi', 'Math.PI'],
    ['e', 'Math.E'],
  ]);
  const levels = new Map<string, Level>([
    ['month', PER_MONTH],
    ['year', PER_MONTH],
    ['monthOfYear', PER_MONTH],
    ['adoption', PER_MONTH],
    ['horizonMonths', CONSTANT],
    ['pi', CONSTANT],
    ['e', CONSTANT],
  ]);
  const scopeLevels = new Map<string, Level>();
  inputNames.forEach((name, index) => {
    bindings.set(name, `x${index}`);
    levels.set(name, PER_TRIAL);
    scopeLevels.set(name, PER_TRIAL);
  });

  const parse = (source: string | number, path: string): ParsedFormula => ({
    expr: parseFormula(source, path),
    source: String(source),
    path,
  });
  const check = (formula: ParsedFormula, scope: NameScope): Level =>
    levelOf(formula.expr, scope, formula.path, formula.source);
  const monthScope = (): NameScope => ({ levels: scopeLevels, context: 'a monthly line', allowTime: true });
  const trialScope = (context: string): NameScope => ({ levels: scopeLevels, context, allowTime: false });

  // Variables: named formulas, ordered so each comes after what it uses.
  const variableFormulas = new Map<string, ParsedFormula>();
  for (const [name, source] of Object.entries(bc.variables ?? {})) {
    variableFormulas.set(name, parse(source, `/variables/${name}`));
  }
  const variableOrder = orderVariables(variableFormulas);
  variableOrder.forEach((name, index) => {
    const formula = variableFormulas.get(name)!;
    const level = check(formula, monthScope());
    scopeLevels.set(name, level);
    levels.set(name, level);
    bindings.set(name, `v${index}`);
  });

  const adoption = {
    start: parse(bc.adoption.startMonth, '/adoption/startMonth'),
    half: parse(bc.adoption.monthsToHalf, '/adoption/monthsToHalf'),
    ceiling: parse(bc.adoption.ceiling, '/adoption/ceiling'),
  };
  for (const formula of Object.values(adoption)) check(formula, trialScope('adoption curve parameters'));

  const benefits = bc.benefits.map((line, index) => {
    const amount = parse(line.amount, `/benefits/${index}/amount`);
    const realization = parse(line.realization, `/benefits/${index}/realization`);
    check(amount, monthScope());
    check(realization, monthScope());
    return { line, amount, realization };
  });
  const costs = bc.costs.map((line, index) => {
    const path = `/costs/${index}`;
    if (line.kind === 'perUnit') {
      const volume = parse(line.volume, `${path}/volume`);
      const unitCost = parse(line.unitCost, `${path}/unitCost`);
      check(volume, monthScope());
      check(unitCost, monthScope());
      return { line, value: product([volume.expr, unitCost.expr]) };
    }
    const amount = parse(line.amount, `${path}/amount`);
    check(amount, monthScope());
    return { line, value: amount.expr };
  });

  const pilot = bc.pilot && {
    scope: parse(bc.pilot.scopeShare, '/pilot/scopeShare'),
    adoption: parse(bc.pilot.adoption, '/pilot/adoption'),
    costs: bc.pilot.costs.map((cost, index) => parse(cost.amount, `/pilot/costs/${index}/amount`)),
  };
  if (pilot) {
    check(pilot.scope, trialScope('the pilot scope share'));
    check(pilot.adoption, trialScope('the pilot adoption'));
    for (const cost of pilot.costs) check(cost, trialScope('pilot costs (totals over the pilot)'));
  }

  const metricLevels = new Map(scopeLevels);
  for (const name of OUTPUT_NAMES_FOR_METRICS) metricLevels.set(name, PER_TRIAL);
  const metrics = (bc.metrics ?? []).map((metric, index) => {
    const formula = parse(metric.formula, `/metrics/${index}/formula`);
    check(formula, { levels: metricLevels, context: 'a metric (metrics are per trial, not per month)', allowTime: false });
    return { metric, formula };
  });

  // ---- code generation ----
  const trialStatements: string[] = [];
  const growthSteps: string[] = [];
  const hoisted = new Map<string, string>();
  const context: EmitContext = {
    bindings,
    levels,
    statefulGrowth: true,
    hoist(code) {
      let local = hoisted.get(code);
      if (!local) {
        local = `h${hoisted.size}`;
        hoisted.set(code, local);
        trialStatements.push(`const ${local} = ${code};`);
      }
      return local;
    },
    monthlyGrowth(rateCode) {
      const key = `grow:${rateCode}`;
      let local = hoisted.get(key);
      if (!local) {
        local = `gv${growthSteps.length}`;
        hoisted.set(key, local);
        trialStatements.push(`const gs${growthSteps.length} = dpow(1 + ${rateCode}, 1 / 12); let ${local} = 1;`);
        growthSteps.push(`${local} *= gs${growthSteps.length};`);
      }
      return local;
    },
  };

  const used = usedVariables(variableFormulas, [
    ...benefits.flatMap((b) => [b.amount.expr, b.realization.expr]),
    ...costs.map((c) => c.value),
    ...Object.values(adoption).map((f) => f.expr),
    ...(pilot ? [pilot.scope.expr, pilot.adoption.expr, ...pilot.costs.map((c) => c.expr)] : []),
    ...metrics.map((m) => m.formula.expr),
  ]);
  const monthVariables: string[] = [];
  variableOrder.forEach((name) => {
    if (!used.has(name)) return;
    const formula = variableFormulas.get(name)!;
    if (levels.get(name) === PER_MONTH) monthVariables.push(name);
    else trialStatements.push(`const ${bindings.get(name)} = ${emitExpr(formula.expr, context)};`);
  });
  const emitMonthVariables = (within: EmitContext): string[] =>
    monthVariables.map((name) => `const ${bindings.get(name)} = ${emitExpr(variableFormulas.get(name)!.expr, within)};`);

  trialStatements.push(
    `const adS = ${emitExpr(adoption.start.expr, context)};`,
    // Guards keep a sampled parameter from breaking the curve: at least 0.01 month to half, ceiling within [0, 1].
    `const adH = Math.max(${emitExpr(adoption.half.expr, context)}, 0.01);`,
    `const adC = Math.min(Math.max(${emitExpr(adoption.ceiling.expr, context)}, 0), 1);`,
  );

  // Monthly variables are substituted into the lines, so each line splits into coefficient × time profile.
  const monthDefinitions = new Map<string, Expr>();
  for (const name of monthVariables) monthDefinitions.set(name, substitute(variableFormulas.get(name)!.expr, monthDefinitions));
  const categoryIndex = new Map(COST_CATEGORIES.map((category, index) => [category, index]));
  const cashFlowLines: CashFlowLine[] = [
    ...benefits.map(({ line, amount, realization }, index): CashFlowLine => ({
      kind: 'benefit',
      group: index,
      value: substitute(
        product([amount.expr, realization.expr, line.scaleByAdoption ? { kind: 'name', name: 'adoption' } : { kind: 'number', value: 1 }]),
        monthDefinitions,
      ),
      from: line.fromMonth ?? 1,
      to: line.toMonth ?? H,
    })),
    ...costs.map(({ line, value }): CashFlowLine => ({
      kind: 'cost',
      group: categoryIndex.get(line.category)!,
      value: substitute(value, monthDefinitions),
      from: line.kind === 'oneTime' ? line.month : (line.fromMonth ?? 1),
      to: line.kind === 'oneTime' ? line.month : (line.toMonth ?? H),
    })),
  ];
  const usedCategories = COST_CATEGORIES.filter((category) => costs.some(({ line }) => line.category === category));
  const costsByCategory = new Set(usedCategories);

  const costByCategoryYear = 0;
  const benefitByLineYear = COST_CATEGORIES.length * years;
  const costTotalSquares = benefitByLineYear + benefits.length * years;
  const benefitTotalSquares = costTotalSquares + COST_CATEGORIES.length;
  const accumulatorSize = benefitTotalSquares + benefits.length;
  const cashFlows = emitCashFlows(
    cashFlowLines,
    {
      horizonMonths: H,
      categories: usedCategories.map((category) => categoryIndex.get(category)!),
      benefitCount: benefits.length,
      costByCategoryYear,
      benefitByLineYear,
    },
    context,
    growthSteps,
  );

  const outputs: OutputDescriptor[] = [...CORE_OUTPUTS];
  if (pilot) outputs.push(...PILOT_OUTPUTS);
  const categoryOutputStart = outputs.length;
  outputs.push(...costOutputs());
  const benefitOutputStart = outputs.length;
  for (const { line } of benefits) outputs.push({ id: `benefit.${line.id}`, label: line.label, unit: 'currency', group: 'benefit' });
  const metricOutputStart = outputs.length;
  for (const { metric } of metrics) outputs.push({ id: `metric.${metric.id}`, label: metric.label, unit: metric.unit, group: 'metric' });

  const afterTrial: string[] = [
    ...COST_CATEGORIES.map((category, index) => (costsByCategory.has(category) ? `acc[${costTotalSquares + index}] += cat${index} * cat${index};` : '')).filter(Boolean),
    ...benefits.map((_, index) => `acc[${benefitTotalSquares + index}] += bt${index} * bt${index};`),
    'const i = offset + t;',
    'const rNpv = pvB - pvC;',
    'o0[i] = rNpv; o1[i] = rNpv / pvC; o2[i] = pvB; o3[i] = pvC; o4[i] = tb; o5[i] = tc;',
    'o6[i] = cum > 0 ? lastNeg + 1 : Infinity;',
    'o7[i] = cumD > 0 ? lastNegD + 1 : Infinity;',
    // NPV at the discount rate and the undiscounted total are two free points for the IRR's starting guess.
    `o8[i] = irr(flows, ${H}, ${dm.log(1 + bc.discountRateAnnual) / 12}, rNpv, cum);`,
  ];
  if (pilot && bc.pilot) {
    // The pilot runs in months 1..D and treats each line as production would in those months,
    // with its own growth state stepped from the same monthly factors.
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
    const pilotLines = benefits.map(({ line, amount, realization }) =>
      gate(
        emitExpr(
          product([
            amount.expr,
            bc.pilot!.countsRealization ? realization.expr : { kind: 'number', value: 1 },
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
    afterTrial.push(
      'let pilotBen = 0;',
      ...pilotGrowth.map((local) => `let ${local} = 1;`),
      `for (let m = 1; m <= ${bc.pilot.durationMonths}; m++) {`,
      `const yr = ((m - 1) / 12 | 0) + 1; const moy = m - (yr - 1) * 12; const ad = ${pilotAdoption};`,
      ...pilotMonthVariables,
      `pilotBen += ${pilotLines.join(' + ')};`,
      ...pilotGrowth.map((local) => `${local} *= ${local.replace(/^pg/, 'gs')};`),
      '}',
      `pilotBen *= ${pilotScope};`,
      `const pilotCost = ${pilotCost};`,
      'o9[i] = (pilotBen - pilotCost) / pilotCost; o10[i] = pilotBen; o11[i] = pilotCost;',
    );
  }
  // Line totals are written only when the caller keeps them (lineOffset ≥ 0, the chunk start
  // or 0 for a scratch block). A negative lineOffset skips the stores: the run reports
  // their means from the accumulators.
  afterTrial.push('if (lineOffset >= 0) {', 'const li = lineOffset + t;');
  COST_CATEGORIES.forEach((category, index) => {
    afterTrial.push(`o${categoryOutputStart + index}[li] = ${costsByCategory.has(category) ? `cat${index}` : '0'};`);
  });
  benefits.forEach((_, index) => afterTrial.push(`o${benefitOutputStart + index}[li] = bt${index};`));
  afterTrial.push('}');
  if (metrics.length) {
    const metricBindings = new Map(bindings);
    metricBindings.set('npv', 'rNpv').set('roi', '(rNpv / pvC)').set('pvBenefits', 'pvB').set('pvCosts', 'pvC');
    metricBindings.set('totalBenefits', 'tb').set('totalCosts', 'tc');
    const metricContext: EmitContext = { ...context, bindings: metricBindings, levels: metricLevels };
    metrics.forEach(({ formula }, index) => afterTrial.push(`o${metricOutputStart + index}[i] = ${emitRaw(formula.expr, metricContext)};`));
  }

  const kernelSource = [
    '"use strict";',
    // Transcendentals come from the deterministic library, so the browser gives the server's bits.
    `const { irr, df, ${Object.keys(SCALAR_HELPERS).join(', ')} } = helpers;`,
    'const LN99 = dlog(99);',
    ...cashFlows.setup,
    'return function kernel(cols, n, out, offset, acc, flows, fan, fanFirstRow, fanRows, lineOffset) {',
    ...inputNames.map((_, index) => `const c${index} = cols[${index}];`),
    ...outputs.map((_, index) => `const o${index} = out[${index}];`),
    'for (let t = 0; t < n; t++) {',
    ...inputNames.map((_, index) => `const x${index} = c${index}[t];`),
    ...trialStatements,
    `const fanOn = fanFirstRow + t < fanRows; const fanBase = (fanFirstRow + t) * ${H};`,
    ...cashFlows.trial,
    ...afterTrial,
    '}',
    '};',
  ].join('\n');

  const correlation = bc.correlations && {
    inputIndices: bc.correlations.inputs.map((name) => inputNames.indexOf(name)),
    matrix: bc.correlations.matrix,
  };

  return {
    engineVersion: ENGINE_VERSION,
    horizonMonths: H,
    years,
    discountRateAnnual: bc.discountRateAnnual,
    inputs: inputNames.map((name) => ({
      name,
      label: bc.inputs[name].label,
      unit: bc.inputs[name].unit,
      spec: bc.inputs[name].distribution,
      streamKey: hashName(name),
    })),
    correlation,
    outputs,
    accumulators: { costByCategoryYear, benefitByLineYear, costTotalSquares, benefitTotalSquares, size: accumulatorSize, benefitIds: bc.benefits.map((b) => b.id) },
    costCategoriesWithLines: usedCategories,
    pilot: bc.pilot && {
      durationMonths: bc.pilot.durationMonths,
      categoriesPaid: [...new Set(bc.pilot.costs.map((cost) => cost.category))],
      reportedRoi: bc.pilot.reportedRoi ?? null,
    },
    kernelSource,
  };
}


function usedVariables(formulas: Map<string, ParsedFormula>, roots: Expr[]): Set<string> {
  const used = new Set<string>();
  const pending = roots.flatMap((expr) => [...namesIn(expr)]);
  while (pending.length) {
    const name = pending.pop()!;
    if (!formulas.has(name) || used.has(name)) continue;
    used.add(name);
    pending.push(...namesIn(formulas.get(name)!.expr));
  }
  return used;
}
