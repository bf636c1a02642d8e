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
import type { ParsedFormula } from './order-variables.ts';
import { PER_MONTH } from './resolve-names.ts';
import { parseCaseFormulas, type CaseFormulas } from './case-formulas.ts';
import { createKernelContext } from './kernel-context.ts';
import { emitPilot } from './emit-pilot.ts';
import { sampledSpec } from '../evidence/sampled-spec.ts';
import type { RepresentativenessFactors } from '../evidence/representativeness-factors.ts';

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
  accumulators: {
    costByCategoryYear: number;
    benefitByLineYear: number;
    costTotalSquares: number;
    benefitTotalSquares: number;
    size: number;
    benefitIds: string[];
  };
  costCategoriesWithLines: CostCategory[];
  pilot?: { durationMonths: number; categoriesPaid: CostCategory[]; reportedRoi: number | null };
  /** Body of `new Function('helpers', kernelSource)`, generated from the whitelisted syntax tree only. */
  kernelSource: string;
}

/** Options for `compileCase`. */
export interface CompileOptions {
  /** Effective-sample-size factors for evidence (default `REPRESENTATIVENESS_FACTORS`), e.g. a portfolio's. */
  representativenessFactors?: RepresentativenessFactors;
}

/**
 * Compiles a validated case: parses every formula once, resolves names, rejects
 * cycles and misplaced time references, and generates one columnar kernel that
 * folds each month into the outputs as it goes (nothing is stored per trial-month).
 *
 * @example
 * const model = compileCase(parseCase(json));
 */
export function compileCase(bc: BusinessCase, options: CompileOptions = {}): CompiledModel {
  const H = bc.horizonMonths;
  const years = Math.ceil(H / 12);
  const inputNames = Object.keys(bc.inputs);
  const formulas = parseCaseFormulas(bc, inputNames);
  const { benefits, costs, metrics } = formulas;

  // ---- code generation (the order of emission numbers the hoisted locals) ----
  const { context, trialStatements, growthSteps } = createKernelContext(formulas.bindings, formulas.levels);
  const monthVariables = emitTrialVariables(formulas, context, trialStatements);
  const emitMonthVariables = (within: EmitContext): string[] =>
    monthVariables.map((name) => `const ${formulas.bindings.get(name)} = ${emitExpr(formulas.variableFormulas.get(name)!.expr, within)};`);
  trialStatements.push(
    `const adS = ${emitExpr(formulas.adoption.start.expr, context)};`,
    // Guards keep a sampled parameter from breaking the curve: at least 0.01 month to half, ceiling within [0, 1].
    `const adH = Math.max(${emitExpr(formulas.adoption.half.expr, context)}, 0.01);`,
    `const adC = Math.min(Math.max(${emitExpr(formulas.adoption.ceiling.expr, context)}, 0), 1);`,
  );
  const categoryIndex = new Map(COST_CATEGORIES.map((category, index) => [category, index]));
  const usedCategories = COST_CATEGORIES.filter((category) => costs.some(({ line }) => line.category === category));
  const accumulators = accumulatorLayout(bc, years);
  const cashFlows = emitCashFlows(
    caseCashFlowLines(formulas, monthVariables, categoryIndex, H),
    {
      horizonMonths: H,
      categories: usedCategories.map((category) => categoryIndex.get(category)!),
      benefitCount: benefits.length,
      costByCategoryYear: accumulators.costByCategoryYear,
      benefitByLineYear: accumulators.benefitByLineYear,
    },
    context,
    growthSteps,
  );
  const { outputs, categoryOutputStart, benefitOutputStart, metricOutputStart } = outputDescriptors(formulas);
  const costsByCategory = new Set(usedCategories);
  const afterTrial: string[] = [
    ...COST_CATEGORIES.map((category, index) =>
      costsByCategory.has(category) ? `acc[${accumulators.costTotalSquares + index}] += cat${index} * cat${index};` : '',
    ).filter(Boolean),
    ...benefits.map((_, index) => `acc[${accumulators.benefitTotalSquares + index}] += bt${index} * bt${index};`),
    'const i = offset + t;',
    'const rNpv = pvB - pvC;',
    'o0[i] = rNpv; o1[i] = rNpv / pvC; o2[i] = pvB; o3[i] = pvC; o4[i] = tb; o5[i] = tc;',
    'o6[i] = cum > 0 ? lastNeg + 1 : Infinity;',
    'o7[i] = cumD > 0 ? lastNegD + 1 : Infinity;',
    // NPV at the discount rate and the undiscounted total are two free points for the IRR's starting guess.
    `o8[i] = irr(flows, ${H}, ${dm.log(1 + bc.discountRateAnnual) / 12}, rNpv, cum);`,
  ];
  if (formulas.pilot && bc.pilot) afterTrial.push(...emitPilot(bc.pilot, formulas, context, emitMonthVariables));
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
    const metricBindings = new Map(formulas.bindings);
    metricBindings.set('npv', 'rNpv').set('roi', '(rNpv / pvC)').set('pvBenefits', 'pvB').set('pvCosts', 'pvC');
    metricBindings.set('totalBenefits', 'tb').set('totalCosts', 'tc');
    const metricContext: EmitContext = { ...context, bindings: metricBindings, levels: formulas.metricLevels };
    metrics.forEach(({ formula }, index) => afterTrial.push(`o${metricOutputStart + index}[i] = ${emitRaw(formula.expr, metricContext)};`));
  }
  const kernelSource = kernelSourceText(H, inputNames.length, outputs.length, cashFlows, trialStatements, afterTrial);
  return compiledModel(bc, inputNames, years, outputs, accumulators, usedCategories, kernelSource, options.representativenessFactors);
}

/**
 * Per-trial variables used anywhere become per-trial statements, in dependency order;
 * returns the monthly ones (used), which are emitted inside the month loops instead.
 */
function emitTrialVariables(formulas: CaseFormulas, context: EmitContext, trialStatements: string[]): string[] {
  const { variableFormulas, adoption, benefits, costs, pilot, metrics } = formulas;
  const used = usedVariables(variableFormulas, [
    ...benefits.flatMap((b) => [b.amount.expr, b.realization.expr]),
    ...costs.map((c) => c.value),
    ...Object.values(adoption).map((f) => f.expr),
    ...(pilot ? [pilot.scope.expr, pilot.adoption.expr, ...pilot.costs.map((c) => c.expr)] : []),
    ...metrics.map((m) => m.formula.expr),
  ]);
  const monthVariables: string[] = [];
  formulas.variableOrder.forEach((name) => {
    if (!used.has(name)) return;
    const formula = variableFormulas.get(name)!;
    if (formulas.levels.get(name) === PER_MONTH) monthVariables.push(name);
    else trialStatements.push(`const ${formulas.bindings.get(name)} = ${emitExpr(formula.expr, context)};`);
  });
  return monthVariables;
}

/** Monthly variables are substituted into the lines, so each line splits into coefficient × time profile. */
function caseCashFlowLines(formulas: CaseFormulas, monthVariables: string[], categoryIndex: Map<CostCategory, number>, H: number): CashFlowLine[] {
  const monthDefinitions = new Map<string, Expr>();
  for (const name of monthVariables) monthDefinitions.set(name, substitute(formulas.variableFormulas.get(name)!.expr, monthDefinitions));
  return [
    ...formulas.benefits.map(
      ({ line, amount, realization }, index): CashFlowLine => ({
        kind: 'benefit',
        group: index,
        value: substitute(
          product([amount.expr, realization.expr, line.scaleByAdoption ? { kind: 'name', name: 'adoption' } : { kind: 'number', value: 1 }]),
          monthDefinitions,
        ),
        from: line.fromMonth ?? 1,
        to: line.toMonth ?? H,
      }),
    ),
    ...formulas.costs.map(
      ({ line, value }): CashFlowLine => ({
        kind: 'cost',
        group: categoryIndex.get(line.category)!,
        value: substitute(value, monthDefinitions),
        from: line.kind === 'oneTime' ? line.month : (line.fromMonth ?? 1),
        to: line.kind === 'oneTime' ? line.month : (line.toMonth ?? H),
      }),
    ),
  ];
}

/** The per-chunk sums: cost by category and year, benefit by line and year, then the per-trial totals' squares. */
function accumulatorLayout(bc: BusinessCase, years: number): CompiledModel['accumulators'] {
  const costByCategoryYear = 0;
  const benefitByLineYear = COST_CATEGORIES.length * years;
  const costTotalSquares = benefitByLineYear + bc.benefits.length * years;
  const benefitTotalSquares = costTotalSquares + COST_CATEGORIES.length;
  const size = benefitTotalSquares + bc.benefits.length;
  return { costByCategoryYear, benefitByLineYear, costTotalSquares, benefitTotalSquares, size, benefitIds: bc.benefits.map((b) => b.id) };
}

/** The output columns in kernel order (core, pilot, cost categories, benefit lines, metrics) and where each group starts. */
function outputDescriptors(formulas: CaseFormulas): {
  outputs: OutputDescriptor[];
  categoryOutputStart: number;
  benefitOutputStart: number;
  metricOutputStart: number;
} {
  const outputs: OutputDescriptor[] = [...CORE_OUTPUTS];
  if (formulas.pilot) outputs.push(...PILOT_OUTPUTS);
  const categoryOutputStart = outputs.length;
  outputs.push(...costOutputs());
  const benefitOutputStart = outputs.length;
  for (const { line } of formulas.benefits) outputs.push({ id: `benefit.${line.id}`, label: line.label, unit: 'currency', group: 'benefit' });
  const metricOutputStart = outputs.length;
  for (const { metric } of formulas.metrics) outputs.push({ id: `metric.${metric.id}`, label: metric.label, unit: metric.unit, group: 'metric' });
  return { outputs, categoryOutputStart, benefitOutputStart, metricOutputStart };
}

/** The kernel's text: module setup, then the kernel function with its trial loop. */
function kernelSourceText(
  H: number,
  inputCount: number,
  outputCount: number,
  cashFlows: { setup: string[]; trial: string[] },
  trialStatements: string[],
  afterTrial: string[],
): string {
  return [
    '"use strict";',
    // Transcendentals come from the deterministic library, so the browser gives the server's bits.
    `const { irr, df, ${Object.keys(SCALAR_HELPERS).join(', ')} } = helpers;`,
    'const LN99 = dlog(99);',
    ...cashFlows.setup,
    'return function kernel(cols, n, out, offset, acc, flows, fan, fanFirstRow, fanRows, lineOffset) {',
    ...Array.from({ length: inputCount }, (_, index) => `const c${index} = cols[${index}];`),
    ...Array.from({ length: outputCount }, (_, index) => `const o${index} = out[${index}];`),
    'for (let t = 0; t < n; t++) {',
    ...Array.from({ length: inputCount }, (_, index) => `const x${index} = c${index}[t];`),
    ...trialStatements,
    `const fanOn = fanFirstRow + t < fanRows; const fanBase = (fanFirstRow + t) * ${H};`,
    ...cashFlows.trial,
    ...afterTrial,
    '}',
    '};',
  ].join('\n');
}

/** The compiled model's plain data around its kernel source. */
function compiledModel(
  bc: BusinessCase,
  inputNames: string[],
  years: number,
  outputs: OutputDescriptor[],
  accumulators: CompiledModel['accumulators'],
  usedCategories: CostCategory[],
  kernelSource: string,
  factors?: RepresentativenessFactors,
): CompiledModel {
  const correlation = bc.correlations && {
    inputIndices: bc.correlations.inputs.map((name) => inputNames.indexOf(name)),
    matrix: bc.correlations.matrix,
  };
  return {
    engineVersion: ENGINE_VERSION,
    horizonMonths: bc.horizonMonths,
    years,
    discountRateAnnual: bc.discountRateAnnual,
    inputs: inputNames.map((name) => ({
      name,
      label: bc.inputs[name].label,
      unit: bc.inputs[name].unit,
      // The stated distribution, or the one its evidence updates (issue 20): what every thread samples.
      spec: sampledSpec(name, bc.inputs[name], factors),
      streamKey: hashName(name),
    })),
    correlation,
    outputs,
    accumulators,
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
