import type { CompiledModel } from '../formula/compile-case.ts';
import { chunkCount, CHUNK_SIZE, type SimulationEnv } from './simulation-env.ts';

/**
 * Every array a run writes into. They may be backed by SharedArrayBuffer, so worker
 * threads fill their chunks in place; each chunk writes only its own slice.
 */
export interface SimulationBuffers {
  /** One column per output; null for line totals the run does not keep. */
  outputs: (Float64Array | null)[];
  inputs: Float64Array[] | null;
  /** fanRows × horizonMonths cumulative net cash flows of the leading trials. */
  fan: Float64Array;
  fanRows: number;
  /** One accumulator block per chunk, summed in chunk order at the end (deterministic). */
  chunkAccumulators: Float64Array;
  /** One k×k achieved rank-correlation block per chunk (weighted by chunk size when merged). */
  chunkCorrelations: Float64Array;
  /** The first trial and chunk these buffers hold (non-zero when a worker fills only its share). */
  trialOrigin: number;
  chunkOrigin: number;
}

/**
 * Allocates the buffers for a run. Pass `shared: true` to back them with
 * SharedArrayBuffer for worker threads.
 *
 * @example
 * const buffers = allocateBuffers(model, env);
 */
export function allocateBuffers(model: CompiledModel, env: SimulationEnv, shared = false): SimulationBuffers {
  const make = (length: number): Float64Array =>
    shared ? new Float64Array(new SharedArrayBuffer(length * 8)) : new Float64Array(length);
  const chunks = chunkCount(env.trials);
  const fanRows = Math.min(env.fanTrials, env.trials);
  const correlated = model.correlation?.inputIndices.length ?? 0;
  return {
    outputs: model.outputs.map((output) => (isLineTotal(output.group) && !env.keepLineTotals ? null : make(env.trials))),
    inputs: env.keepInputs ? model.inputs.map(() => make(env.trials)) : null,
    fan: make(fanRows * model.horizonMonths),
    fanRows,
    chunkAccumulators: make(chunks * model.accumulators.size),
    chunkCorrelations: make(chunks * correlated * correlated),
    trialOrigin: 0,
    chunkOrigin: 0,
  };
}

/**
 * Buffers for chunks [firstChunk, lastChunk) only, for a worker's share of a run.
 * The fan keeps its full size (it is small) and only this range's rows are written.
 *
 * @example
 * const share = allocateRangeBuffers(model, env, 0, 122);
 */
export function allocateRangeBuffers(model: CompiledModel, env: SimulationEnv, firstChunk: number, lastChunk: number): SimulationBuffers {
  const trialOrigin = firstChunk * CHUNK_SIZE;
  const trials = Math.min(env.trials, lastChunk * CHUNK_SIZE) - trialOrigin;
  const chunks = lastChunk - firstChunk;
  const fanRows = Math.min(env.fanTrials, env.trials);
  const correlated = model.correlation?.inputIndices.length ?? 0;
  return {
    outputs: model.outputs.map((output) => (isLineTotal(output.group) && !env.keepLineTotals ? null : new Float64Array(trials))),
    inputs: env.keepInputs ? model.inputs.map(() => new Float64Array(trials)) : null,
    fan: new Float64Array(fanRows * model.horizonMonths),
    fanRows,
    chunkAccumulators: new Float64Array(chunks * model.accumulators.size),
    chunkCorrelations: new Float64Array(chunks * correlated * correlated),
    trialOrigin,
    chunkOrigin: firstChunk,
  };
}

/**
 * Whether an output group is a per-category or per-line total.
 *
 * @example
 * isLineTotal('cost') // true
 */
export function isLineTotal(group: string): boolean {
  return group === 'cost' || group === 'benefit';
}

/**
 * First trial index and size of a chunk.
 *
 * @example
 * chunkBounds(2, 10_000) // { start: 8192, size: 1808 }
 */
export function chunkBounds(chunkIndex: number, trials: number): { start: number; size: number } {
  const start = chunkIndex * CHUNK_SIZE;
  return { start, size: Math.min(CHUNK_SIZE, trials - start) };
}
