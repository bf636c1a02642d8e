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
  /**
   * The first chunk these buffers hold (default 0: the whole run). A shard of a queued run
   * (run-shard.ts) holds only its own chunks: its columns start at this chunk's first trial,
   * its accumulator and correlation blocks at this chunk. The fan stays indexed by trial.
   */
  firstChunk?: number;
}

/**
 * Allocates the buffers for a run. Pass `shared: true` to back them with
 * SharedArrayBuffer for worker threads, or an `allocate` function that hands out
 * (possibly recycled) columns: zero-filled where `zeroed` is true. Only the chunk
 * accumulators need zeros (the kernel adds into them); a run writes every trial of every
 * other column it allocates.
 *
 * @example
 * const buffers = allocateBuffers(model, env);
 */
export function allocateBuffers(
  model: CompiledModel,
  env: SimulationEnv,
  shared = false,
  allocate?: (length: number, zeroed: boolean) => Float64Array,
): SimulationBuffers {
  const make = allocate ?? ((length: number): Float64Array => (shared ? new Float64Array(new SharedArrayBuffer(length * 8)) : new Float64Array(length)));
  const chunks = chunkCount(env.trials);
  const fanRows = Math.min(env.fanTrials, env.trials);
  const correlated = model.correlation?.inputIndices.length ?? 0;
  return {
    outputs: model.outputs.map((output) => (isLineTotal(output.group) && !env.keepLineTotals ? null : make(env.trials, false))),
    inputs: env.keepInputs ? model.inputs.map(() => make(env.trials, false)) : null,
    fan: make(fanRows * model.horizonMonths, false),
    fanRows,
    chunkAccumulators: make(chunks * model.accumulators.size, true),
    chunkCorrelations: make(chunks * correlated * correlated, false),
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
