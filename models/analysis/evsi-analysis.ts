import type { BusinessCase } from '../case/case-schema.ts';
import { closestName } from '../case/closest-name.ts';
import type { SamplingCost } from '../case/evidence-schema.ts';
import { createDistribution } from '../distributions/create-distribution.ts';
import { simulate } from '../engine/simulate.ts';
import { simulationEnv, type SimulationEnv } from '../engine/simulation-env.ts';
import { sampleStatistics } from '../evidence/sample-statistics.ts';
import type { CompiledModel } from '../formula/compile-case.ts';
import * as dm from '../math/deterministic-math.ts';
import { hashName, streamState, uniformSource } from '../rng/index.ts';
import { evsi, type SampleModel } from '../voi/evsi.ts';
import { AnalysisError } from './analysis-error.ts';
import { isConstant } from './is-constant.ts';

/** What to price: one input, the planned sample sizes, the sd of one observation and the cost. */
export interface EvsiAnalysisOptions {
  input: string;
  sizes: readonly number[];
  /** Expected sd of one observation, in the input's unit; default the sd of the input's evidence. */
  sd?: number;
  /** Default the input's `samplingCost`. */
  cost?: SamplingCost;
}

/** EVSI of one sample size, set against its cost. */
export interface EvsiRow {
  n: number;
  evsi: number;
  standardError: number;
  /** fixed + perObservation·n; null without a cost. */
  cost: number | null;
  /** EVSI − cost; null without a cost. */
  netValue: number | null;
}

/** Result of `evsiAnalysis`. */
export interface EvsiAnalysis {
  input: string;
  label: string;
  unit: string;
  trials: number;
  sampleModel: SampleModel;
  /** Where the observation sd came from. */
  sdSource: 'option' | 'evidence' | 'binomial';
  /** EVPPI of the input on the same trials: what EVSI tends to as n grows. */
  evppi: { value: number; standardError: number };
  cost: SamplingCost | null;
  rows: EvsiRow[];
  /** The n in the grid with the largest positive net value; null without a cost or when none pays. */
  bestN: number | null;
}

/** Messages of the analysis, as constants. */
export const EVSI_ERRORS = {
  sdNeeded: 'give the expected sd of one observation (--sd): the input has no observations or summary to take it from',
  sdPositive: 'the sd of one observation must be a positive number',
  constant: 'the input does not vary, so measuring it is worth nothing',
  sizes: 'sample sizes must be whole numbers of at least 1',
} as const;

/**
 * Expected value of sample information of a planned measurement of one input, for each
 * n in a grid, against its cost (fixed + perObservation·n), by preposterior analysis on a
 * simulation of the case (`evsi` in models/voi). A share within [0, 1] with count evidence
 * or none, and no sd given, is sampled as a binomial count; a lognormal input on logs, its
 * sd from the log-observations or from S as σ = √ln(1 + S²/m²) at the input's mean m;
 * any other input as normal observations of sd S.
 *
 * @example
 * evsiAnalysis(bc, model, { trials: 20_000, seed: 42 }, { input: 'minutesSaved', sizes: [10, 30, 100], sd: 1.2 }).bestN
 */
export function evsiAnalysis(bc: BusinessCase, model: CompiledModel, settings: Partial<SimulationEnv>, options: EvsiAnalysisOptions): EvsiAnalysis {
  const index = model.inputs.findIndex((input) => input.name === options.input);
  if (index < 0) throw new AnalysisError('input', `unknown input "${options.input}"`, closestName(options.input, Object.keys(bc.inputs)));
  if (options.sizes.length === 0 || options.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new AnalysisError('n', EVSI_ERRORS.sizes);
  const { sampleModel, sdSource } = chooseSampleModel(bc, model.inputs[index].spec, options);
  const run = simulate(model, { ...settings, keepInputs: true });
  const column = run.inputs![options.input];
  if (isConstant(column)) throw new AnalysisError('input', EVSI_ERRORS.constant);
  // The planned samples' noise has its own stream, keyed by the seed and the input: same settings, same bits.
  const rng = uniformSource(streamState(simulationEnv(settings).seed, 0, hashName(`evsi:${options.input}`)));
  const result = evsi(column, run.outputs.npv, options.sizes, sampleModel, rng);
  const cost = options.cost ?? bc.inputs[options.input].samplingCost ?? null;
  const rows = result.sizes.map(({ n, evsi: value, standardError }) => {
    const price = cost === null ? null : cost.fixed + cost.perObservation * n;
    return { n, evsi: value, standardError, cost: price, netValue: price === null ? null : value - price };
  });
  const best = rows.reduce<EvsiRow | null>(
    (found, row) => (row.netValue !== null && row.netValue > 0 && (found === null || row.netValue > found.netValue!) ? row : found),
    null,
  );
  const input = bc.inputs[options.input];
  return {
    input: options.input,
    label: input.label ?? options.input,
    unit: input.unit,
    trials: run.outputs.npv.length,
    sampleModel,
    sdSource,
    evppi: { value: result.evppi.biasCorrected, standardError: result.evppi.standardError },
    cost,
    rows,
    bestN: best?.n ?? null,
  };
}

function chooseSampleModel(
  bc: BusinessCase,
  sampled: CompiledModel['inputs'][number]['spec'],
  options: EvsiAnalysisOptions,
): { sampleModel: SampleModel; sdSource: EvsiAnalysis['sdSource'] } {
  const input = bc.inputs[options.input];
  const evidence = input.evidence;
  if (options.sd !== undefined && !(options.sd > 0 && Number.isFinite(options.sd))) throw new AnalysisError('sd', EVSI_ERRORS.sdPositive);
  const stated = createDistribution(input.distribution);
  const share = ['beta', 'pert', 'triangular', 'uniform'].includes(input.distribution.type) && stated.inv(0) >= 0 && stated.inv(1) <= 1;
  if (share && options.sd === undefined && !evidence?.observations && !evidence?.summary) return { sampleModel: { kind: 'binomial' }, sdSource: 'binomial' };
  const logScale = input.distribution.type === 'lognormal';
  const fromEvidence = evidence && (evidence.observations || evidence.summary) ? evidence : undefined;
  if (options.sd === undefined && !fromEvidence) throw new AnalysisError('sd', EVSI_ERRORS.sdNeeded);
  if (options.sd === undefined) {
    const stats = sampleStatistics(options.input, fromEvidence!, { min: -Infinity, max: Infinity }, logScale);
    return { sampleModel: logScale ? { kind: 'lognormal', logSd: stats.sd } : { kind: 'normal', sd: stats.sd }, sdSource: 'evidence' };
  }
  if (!logScale) return { sampleModel: { kind: 'normal', sd: options.sd }, sdSource: 'option' };
  const mean = createDistribution(sampled).mean();
  const ratio = options.sd / mean;
  return { sampleModel: { kind: 'lognormal', logSd: Math.sqrt(dm.log1p(ratio * ratio)) }, sdSource: 'option' };
}
