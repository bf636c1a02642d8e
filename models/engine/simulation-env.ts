import { withDefaults } from './with-defaults.ts';

/** Plain Monte Carlo, or Latin Hypercube (stratified within each chunk). */
export type SamplingMethod = 'mc' | 'lhs';

/** Every simulation setting, in one place. */
export interface SimulationEnv {
  trials: number;
  seed: number;
  sampling: SamplingMethod;
  /** Keep the sampled input columns (needed by sensitivity and value of information). */
  keepInputs: boolean;
  /** How many leading trials keep their monthly cumulative cash flow, for the fan chart. */
  fanTrials: number;
  /**
   * Keep per-trial totals per cost category and benefit line (one column each). Their
   * means are always reported from the run's accumulators; keep the columns only when
   * an analysis targets them, since at 1M trials each column is 8 MB.
   */
  keepLineTotals: boolean;
}

/**
 * Trials per chunk. Part of the reproducibility contract: each chunk draws from its
 * own streams, so changing this changes every result (bump ENGINE_VERSION if so).
 */
export const CHUNK_SIZE = 4096;

/** The defaults, merged once. */
export const DEFAULT_SIMULATION_ENV = {
  trials: 10_000,
  seed: 1,
  sampling: 'lhs',
  keepInputs: false,
  fanTrials: 10_000,
  keepLineTotals: false,
} as const satisfies SimulationEnv;

/** Largest run the engine accepts in one call. */
export const MAX_TRIALS = 10_000_000;

/**
 * Merges partial settings over the defaults and validates them.
 *
 * @example
 * simulationEnv({ trials: 50_000, seed: 7 }).sampling // 'lhs'
 */
export function simulationEnv(overrides: Partial<SimulationEnv> = {}): SimulationEnv {
  const env: SimulationEnv = withDefaults<SimulationEnv>(DEFAULT_SIMULATION_ENV, overrides);
  if (!Number.isInteger(env.trials) || env.trials < 1 || env.trials > MAX_TRIALS) {
    throw new RangeError(`trials must be an integer from 1 to ${MAX_TRIALS}, got ${env.trials}`);
  }
  if (!Number.isSafeInteger(env.seed) || env.seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${env.seed}`);
  if (env.sampling !== 'mc' && env.sampling !== 'lhs') throw new RangeError(`sampling must be "mc" or "lhs", got ${String(env.sampling)}`);
  if (!Number.isInteger(env.fanTrials) || env.fanTrials < 0) throw new RangeError(`fanTrials must be a non-negative integer`);
  return env;
}

/**
 * The number of chunks a run splits into.
 *
 * @example
 * chunkCount(10_000) // 3
 */
export function chunkCount(trials: number): number {
  return Math.ceil(trials / CHUNK_SIZE);
}
