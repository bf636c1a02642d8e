import { prototypeKeyIssues } from '../case/prototype-keys.ts';
import { createDistribution } from '../distributions/create-distribution.ts';
import { DistributionError } from '../distributions/distribution.ts';
import { compileCase, type CompileOptions, type CompiledModel } from '../formula/compile-case.ts';
import { EvidenceError } from '../evidence/evidence-error.ts';
import { updateInput } from '../evidence/update-input.ts';
import { FormulaError } from '../formula/formula-error.ts';
import { RESERVED_NAMES } from '../formula/functions.ts';
import { CorrelationError, factorCorrelation } from '../sampling/correlation-matrix.ts';
import { adoptionCountedTwice } from './adoption-counted-twice.ts';
import { adoptionTimelineWarnings } from './adoption-timeline.ts';
import { formulaWarnings } from './formula-warnings.ts';
import { CaseError, type CaseIssue } from '../case/case-error.ts';
import { caseSchema, type BusinessCase } from '../case/case-schema.ts';
import { closestName } from '../case/closest-name.ts';
import { toCaseIssues } from '../case/zod-issues.ts';

/** A valid case, its compiled model, and advice that does not block simulation. */
export interface ValidatedCase {
  case: BusinessCase;
  model: CompiledModel;
  warnings: CaseIssue[];
}

/**
 * Validates a case document completely: schema, names, month ranges, distributions,
 * the correlation matrix and every formula. Returns all problems at once, each with
 * its JSON pointer.
 *
 * @example
 * const result = validateCase(JSON.parse(text));
 * if (!result.ok) for (const issue of result.issues) console.log(issue.path, issue.message);
 */
export function validateCase(document: unknown, options: CompileOptions = {}): ({ ok: true } & ValidatedCase) | { ok: false; issues: CaseIssue[] } {
  const prototypeKeys = prototypeKeyIssues(document);
  if (prototypeKeys.length) return { ok: false, issues: prototypeKeys };
  const parsed = caseSchema.safeParse(document);
  if (!parsed.success) return { ok: false, issues: toCaseIssues(parsed.error.issues, caseSchema, document) };
  const bc = parsed.data;
  const issues = semanticIssues(bc, options);
  if (issues.length) return { ok: false, issues };
  try {
    const model = compileCase(bc, options);
    return { ok: true, case: bc, model, warnings: caseWarnings(bc) };
  } catch (error) {
    if (error instanceof FormulaError) {
      return { ok: false, issues: [{ path: error.path, message: `${error.problem} in formula "${error.formula}"`, hint: error.hint }] };
    }
    throw error;
  }
}

/**
 * Like `validateCase`, but throws a `CaseError` listing every issue.
 *
 * @example
 * const { case: bc, model } = parseCase(JSON.parse(text));
 */
export function parseCase(document: unknown, options: CompileOptions = {}): ValidatedCase {
  const result = validateCase(document, options);
  if (!result.ok) throw new CaseError(result.issues);
  return result;
}

function semanticIssues(bc: BusinessCase, options: CompileOptions): CaseIssue[] {
  const issues: CaseIssue[] = [];
  const inputNames = Object.keys(bc.inputs);
  for (const name of inputNames) {
    if (RESERVED_NAMES.has(name)) issues.push({ path: `/inputs/${name}`, message: `"${name}" is a built-in name; choose another input name` });
    try {
      createDistribution(bc.inputs[name].distribution);
    } catch (error) {
      if (!(error instanceof DistributionError)) throw error;
      issues.push({ path: `/inputs/${name}/distribution${error.field ? `/${error.field}` : ''}`, message: error.message });
      continue;
    }
    try {
      updateInput(name, bc.inputs[name], options.representativenessFactors);
    } catch (error) {
      if (!(error instanceof EvidenceError)) throw error;
      issues.push({ path: error.path, message: error.message });
    }
  }
  for (const name of Object.keys(bc.variables ?? {})) {
    if (RESERVED_NAMES.has(name)) issues.push({ path: `/variables/${name}`, message: `"${name}" is a built-in name; choose another variable name` });
    if (Object.hasOwn(bc.inputs, name)) issues.push({ path: `/variables/${name}`, message: `"${name}" is already an input; a name can be defined once` });
  }
  const checkUnique = (ids: string[], path: string): void => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id)) issues.push({ path: `${path}/${index}/id`, message: `duplicate id "${id}"` });
      seen.add(id);
    });
  };
  checkUnique(
    bc.benefits.map((line) => line.id),
    '/benefits',
  );
  checkUnique(
    bc.costs.map((line) => line.id),
    '/costs',
  );
  checkUnique(
    (bc.metrics ?? []).map((metric) => metric.id),
    '/metrics',
  );
  const checkMonths = (path: string, from?: number, to?: number): void => {
    if (from !== undefined && from > bc.horizonMonths)
      issues.push({ path: `${path}/fromMonth`, message: `month ${from} is beyond the ${bc.horizonMonths}-month horizon` });
    if (to !== undefined && to > bc.horizonMonths)
      issues.push({ path: `${path}/toMonth`, message: `month ${to} is beyond the ${bc.horizonMonths}-month horizon` });
    if (from !== undefined && to !== undefined && from > to) issues.push({ path: `${path}/toMonth`, message: `toMonth ${to} is before fromMonth ${from}` });
  };
  bc.benefits.forEach((line, index) => checkMonths(`/benefits/${index}`, line.fromMonth, line.toMonth));
  bc.costs.forEach((line, index) => {
    if (line.kind === 'oneTime') {
      if (line.month > bc.horizonMonths)
        issues.push({ path: `/costs/${index}/month`, message: `month ${line.month} is beyond the ${bc.horizonMonths}-month horizon` });
    } else checkMonths(`/costs/${index}`, line.fromMonth, line.toMonth);
  });
  if (bc.correlations) {
    const seen = new Set<string>();
    bc.correlations.inputs.forEach((name, index) => {
      if (!Object.hasOwn(bc.inputs, name))
        issues.push({ path: `/correlations/inputs/${index}`, message: `unknown input "${name}"`, hint: closestName(name, inputNames) });
      if (seen.has(name)) issues.push({ path: `/correlations/inputs/${index}`, message: `"${name}" is listed twice` });
      seen.add(name);
    });
    const k = bc.correlations.inputs.length;
    if (bc.correlations.matrix.length !== k) {
      issues.push({ path: '/correlations/matrix', message: `must be ${k}×${k} to match the ${k} inputs listed, got ${bc.correlations.matrix.length} rows` });
    } else {
      try {
        factorCorrelation(bc.correlations.matrix);
      } catch (error) {
        if (!(error instanceof CorrelationError)) throw error;
        issues.push({ path: `/correlations/${error.field}`, message: error.message });
      }
    }
  }
  const baselineIds = new Set((bc.baseline?.metrics ?? []).map((metric) => metric.id));
  bc.valueHypothesis?.expectedChanges.forEach((change, index) => {
    if (bc.baseline && !baselineIds.has(change.metric)) {
      issues.push({
        path: `/valueHypothesis/expectedChanges/${index}/metric`,
        message: `no baseline metric "${change.metric}"`,
        hint: closestName(change.metric, baselineIds),
      });
    }
    if (change.input && !Object.hasOwn(bc.inputs, change.input)) {
      issues.push({
        path: `/valueHypothesis/expectedChanges/${index}/input`,
        message: `unknown input "${change.input}"`,
        hint: closestName(change.input, inputNames),
      });
    }
  });
  return issues;
}

function caseWarnings(bc: BusinessCase): CaseIssue[] {
  const warnings: CaseIssue[] = [];
  const owner = bc.ownership.businessOwner?.trim();
  if (!owner) warnings.push({ path: '/ownership/businessOwner', message: 'no business owner: nobody is accountable for the process outcome' });
  else if (owner.toLowerCase() === bc.ownership.sponsor.trim().toLowerCase()) {
    warnings.push({
      path: '/ownership/businessOwner',
      message: 'the business owner is the sponsor; the owner should be accountable for the process, not for funding',
    });
  }
  warnings.push(...adoptionCountedTwice(bc));
  warnings.push(...adoptionTimelineWarnings(bc));
  for (const [name, input] of Object.entries(bc.inputs)) {
    const called = `input '${input.label ?? name}'`;
    if (!input.unit.trim())
      warnings.push({ path: `/inputs/${name}/unit`, message: `${called} has no unit: say how it is counted, e.g. "EUR/hour" or "tickets/month"` });
    if (!input.source?.trim())
      warnings.push({ path: `/inputs/${name}/source`, message: `${called} has no source: say where the estimate comes from (source or rationale)` });
  }
  warnings.push(...formulaWarnings(bc));
  return warnings;
}
