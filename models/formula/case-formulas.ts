import type { BusinessCase } from '../case/case-schema.ts';
import { product, type Expr } from './expr.ts';
import { orderVariables, type ParsedFormula } from './order-variables.ts';
import { parseFormula } from './parse-formula.ts';
import { CONSTANT, PER_MONTH, PER_TRIAL, levelOf, type Level, type NameScope } from './resolve-names.ts';

/** The outputs a metric formula may name, each per trial. */
const OUTPUT_NAMES_FOR_METRICS = ['npv', 'roi', 'pvBenefits', 'pvCosts', 'totalBenefits', 'totalCosts'] as const;

/** Every formula of a case parsed once and checked, with what each name stands for in the kernel. */
export interface CaseFormulas {
  /** name → JS expression for it (a local variable or a literal). */
  bindings: Map<string, string>;
  /** name → level (constant, per trial, per month). */
  levels: Map<string, Level>;
  /** Levels a metric sees: inputs, variables and the per-trial outputs it may name. */
  metricLevels: Map<string, Level>;
  variableFormulas: Map<string, ParsedFormula>;
  /** Variable names ordered so each comes after what it uses. */
  variableOrder: string[];
  adoption: { start: ParsedFormula; half: ParsedFormula; ceiling: ParsedFormula };
  benefits: { line: BusinessCase['benefits'][number]; amount: ParsedFormula; realization: ParsedFormula }[];
  costs: { line: BusinessCase['costs'][number]; value: Expr }[];
  pilot: { scope: ParsedFormula; adoption: ParsedFormula; costs: ParsedFormula[] } | undefined;
  metrics: { metric: NonNullable<BusinessCase['metrics']>[number]; formula: ParsedFormula }[];
}

/** Parses a formula at a document path, and checks one against a scope of names. */
interface FormulaReader {
  parse(source: string | number, path: string): ParsedFormula;
  /** A monthly line's formula: time names allowed. */
  month(formula: ParsedFormula): Level;
  /** A per-trial formula (context names it in errors): no time names. */
  trial(formula: ParsedFormula, context: string): Level;
  scopeLevels: Map<string, Level>;
}

/**
 * Parses every formula of a validated case once, resolves its names and rejects cycles
 * and misplaced time references, in document order (variables, adoption, benefit and
 * cost lines, pilot, metrics), so the first error reported is the first in the case.
 *
 * @example
 * const formulas = parseCaseFormulas(bc, Object.keys(bc.inputs));
 */
export function parseCaseFormulas(bc: BusinessCase, inputNames: string[]): CaseFormulas {
  const { bindings, levels, scopeLevels } = nameTables(bc.horizonMonths, inputNames);
  const read: FormulaReader = {
    parse: (source, path) => ({ expr: parseFormula(source, path), source: String(source), path }),
    month: (formula) => levelOf(formula.expr, { levels: scopeLevels, context: 'a monthly line', allowTime: true }, formula.path, formula.source),
    trial: (formula, context) => levelOf(formula.expr, { levels: scopeLevels, context, allowTime: false }, formula.path, formula.source),
    scopeLevels,
  };
  // Variables: named formulas, ordered so each comes after what it uses.
  const variableFormulas = new Map<string, ParsedFormula>();
  for (const [name, source] of Object.entries(bc.variables ?? {})) {
    variableFormulas.set(name, read.parse(source, `/variables/${name}`));
  }
  const variableOrder = orderVariables(variableFormulas);
  variableOrder.forEach((name, index) => {
    const level = read.month(variableFormulas.get(name)!);
    scopeLevels.set(name, level);
    levels.set(name, level);
    bindings.set(name, `v${index}`);
  });
  const adoption = {
    start: read.parse(bc.adoption.startMonth, '/adoption/startMonth'),
    half: read.parse(bc.adoption.monthsToHalf, '/adoption/monthsToHalf'),
    ceiling: read.parse(bc.adoption.ceiling, '/adoption/ceiling'),
  };
  for (const formula of Object.values(adoption)) read.trial(formula, 'adoption curve parameters');
  const { benefits, costs } = parseLines(bc, read);
  const pilot = parsePilot(bc, read);
  const { metrics, metricLevels } = parseMetrics(bc, read);
  return { bindings, levels, metricLevels, variableFormulas, variableOrder, adoption, benefits, costs, pilot, metrics };
}

/** The kernel's names for time, constants and inputs (x0, x1, …), and their levels. */
function nameTables(H: number, inputNames: string[]): { bindings: Map<string, string>; levels: Map<string, Level>; scopeLevels: Map<string, Level> } {
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
  return { bindings, levels, scopeLevels };
}

/** Benefit lines (amount, realization) and cost lines (volume × unit cost, or amount), each checked as monthly. */
function parseLines(bc: BusinessCase, read: FormulaReader): Pick<CaseFormulas, 'benefits' | 'costs'> {
  const benefits = bc.benefits.map((line, index) => {
    const amount = read.parse(line.amount, `/benefits/${index}/amount`);
    const realization = read.parse(line.realization, `/benefits/${index}/realization`);
    read.month(amount);
    read.month(realization);
    return { line, amount, realization };
  });
  const costs = bc.costs.map((line, index) => {
    const path = `/costs/${index}`;
    if (line.kind === 'perUnit') {
      const volume = read.parse(line.volume, `${path}/volume`);
      const unitCost = read.parse(line.unitCost, `${path}/unitCost`);
      read.month(volume);
      read.month(unitCost);
      return { line, value: product([volume.expr, unitCost.expr]) };
    }
    const amount = read.parse(line.amount, `${path}/amount`);
    read.month(amount);
    return { line, value: amount.expr };
  });
  return { benefits, costs };
}

/** The pilot's scope share, adoption and costs: all per trial. */
function parsePilot(bc: BusinessCase, read: FormulaReader): CaseFormulas['pilot'] {
  const pilot = bc.pilot && {
    scope: read.parse(bc.pilot.scopeShare, '/pilot/scopeShare'),
    adoption: read.parse(bc.pilot.adoption, '/pilot/adoption'),
    costs: bc.pilot.costs.map((cost, index) => read.parse(cost.amount, `/pilot/costs/${index}/amount`)),
  };
  if (pilot) {
    read.trial(pilot.scope, 'the pilot scope share');
    read.trial(pilot.adoption, 'the pilot adoption');
    for (const cost of pilot.costs) read.trial(cost, 'pilot costs (totals over the pilot)');
  }
  return pilot;
}

/** Metric formulas: per trial, over inputs, variables and the headline outputs. */
function parseMetrics(bc: BusinessCase, read: FormulaReader): Pick<CaseFormulas, 'metrics' | 'metricLevels'> {
  const metricLevels = new Map(read.scopeLevels);
  for (const name of OUTPUT_NAMES_FOR_METRICS) metricLevels.set(name, PER_TRIAL);
  const scope: NameScope = { levels: metricLevels, context: 'a metric (metrics are per trial, not per month)', allowTime: false };
  const metrics = (bc.metrics ?? []).map((metric, index) => {
    const formula = read.parse(metric.formula, `/metrics/${index}/formula`);
    levelOf(formula.expr, scope, formula.path, formula.source);
    return { metric, formula };
  });
  return { metrics, metricLevels };
}
