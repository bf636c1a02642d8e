import { ApiError } from '../server/problem.ts';
import type { AnalysisKind } from './job-types.ts';
import { limitFromEnv } from './job-admission.ts';

/** What one job may cost, checked before it is queued. */
export interface CostLimits {
  /** VALUEGATE_MAX_JOB_COST: model runs × months of one run or analysis (default 120,000,000: 1M trials over 10 years). */
  modelRunMonths: number;
  /** VALUEGATE_MAX_CSV_VALUES: trials × columns of one trials.csv (default 40,000,000: 1M trials × 40 columns). */
  csvValues: number;
}

export const DEFAULT_COST_LIMITS: CostLimits = { modelRunMonths: 120_000_000, csvValues: 40_000_000 };

/**
 * The cost limits from the environment over the defaults.
 *
 * @example
 * costLimitsFromEnv({}).modelRunMonths // 120000000
 */
export function costLimitsFromEnv(env: Record<string, string | undefined>): CostLimits {
  return {
    modelRunMonths: limitFromEnv(env, 'VALUEGATE_MAX_JOB_COST', DEFAULT_COST_LIMITS.modelRunMonths),
    csvValues: limitFromEnv(env, 'VALUEGATE_MAX_CSV_VALUES', DEFAULT_COST_LIMITS.csvValues),
  };
}

/** The work of one job: how many times the model runs over how many months, and why. */
export interface JobCost {
  modelRuns: number;
  months: number;
  /** modelRuns × months, compared with CostLimits.modelRunMonths. */
  cost: number;
  /** How modelRuns was counted, e.g. "baseSamples 16384 × (k 37 + 2)". */
  formula: string;
}

/** The counts a cost needs from a case document (read defensively: it was validated elsewhere). */
function shape(document: unknown): { months: number; inputs: number } {
  const doc = (document ?? {}) as { horizonMonths?: unknown; inputs?: unknown };
  const months = typeof doc.horizonMonths === 'number' && doc.horizonMonths > 0 ? doc.horizonMonths : 1;
  const inputs = doc.inputs && typeof doc.inputs === 'object' ? Object.keys(doc.inputs).length : 0;
  return { months, inputs };
}

const cost = (modelRuns: number, months: number, formula: string): JobCost => ({ modelRuns, months, cost: modelRuns * months, formula });

/**
 * The cost of a run (or of recomputing its trials): trials × months.
 *
 * @example
 * runCost({ horizonMonths: 60 }, 1_000_000).cost // 60000000
 */
export function runCost(document: unknown, trials: number): JobCost {
  return cost(trials, shape(document).months, `trials ${trials}`);
}

/** Sobol's default base sample (models/analysis/sobol-analysis.ts). */
const SOBOL_DEFAULT_BASE_SAMPLES = 16_384;
/** Break-even's own sample (models/analysis/break-even-analysis.ts). */
const BREAKEVEN_TRIALS = 1000;

/**
 * The cost of an analysis of a run: Sobol runs the model baseSamples × (k + 2) times
 * (k inputs); rank, value of information and the gate re-simulate the run's trials;
 * tornado and spider evaluate a few points per input.
 *
 * @example
 * analysisCost({ horizonMonths: 60, inputs: { a: {}, b: {} } }, 'sobol', { baseSamples: 1024 }, 10_000).modelRuns // 4096
 */
export function analysisCost(document: unknown, kind: AnalysisKind, params: { baseSamples?: number }, trials: number): JobCost {
  const { months, inputs: k } = shape(document);
  switch (kind) {
    case 'sobol': {
      const base = params.baseSamples ?? SOBOL_DEFAULT_BASE_SAMPLES;
      return cost(base * (k + 2), months, `baseSamples ${base} × (k ${k} inputs + 2)`);
    }
    case 'tornado':
      return cost(2 * k + 1, months, `2 × k ${k} inputs + 1`);
    case 'spider':
      return cost(10 * k + 1, months, `about 10 × k ${k} inputs + 1`);
    case 'breakeven':
      return cost(BREAKEVEN_TRIALS, months, `${BREAKEVEN_TRIALS} trials`);
    case 'rank':
    case 'voi':
    case 'gate':
      return cost(trials, months, `the run's trials ${trials}`);
  }
}

/**
 * Refuses a job whose cost exceeds the limit: 422 naming the limit and the computed cost.
 *
 * @example
 * requireAffordable(runCost(document, trials), limits.modelRunMonths, '/trials');
 */
export function requireAffordable(job: JobCost, limit: number, field: string): void {
  if (job.cost <= limit) return;
  const detail =
    `this would run the model ${job.modelRuns.toLocaleString('en')} times (${job.formula}) over ${job.months} months: ` +
    `a cost of ${job.cost.toLocaleString('en')} model-run months, above this server's limit of ${limit.toLocaleString('en')} (VALUEGATE_MAX_JOB_COST)`;
  throw new ApiError(422, detail, [{ path: field, message: `cost ${job.cost} exceeds the limit ${limit}` }], {
    limit: 'jobCost',
    maximum: limit,
    cost: job.cost,
    modelRuns: job.modelRuns,
    months: job.months,
  });
}
