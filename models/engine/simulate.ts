import type { CompiledModel } from '../formula/compile-case.ts';
import { chunkScratch, runChunk } from './run-chunk.ts';
import { cachedRunnable } from './runnable-model.ts';
import { allocateBuffers, type SimulationBuffers } from './simulation-buffers.ts';
import { CHUNK_SIZE, chunkCount, simulationEnv, type SimulationEnv } from './simulation-env.ts';
import { assembleResult, type SimulationResult } from './assemble-result.ts';

/** Options for a single-thread run. */
export interface SimulateOptions {
  /** Called after each chunk with the number of trials done. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks; a true value stops the run with an AbortError. */
  signal?: { aborted: boolean };
  /**
   * Shared next-chunk counter: when given, chunks below `last` are claimed one at a time
   * (Atomics.add) instead of running [first, last), so threads sharing the counter keep
   * busy until the run ends even when one of them gets less CPU.
   */
  claim?: Int32Array;
}

/**
 * Runs a whole simulation on the calling thread (browser worker, CLI for small runs,
 * tests). The numbers are identical to a multi-threaded run with the same env.
 *
 * @example
 * const result = simulate(compileCase(bc), { trials: 10_000, seed: 42 });
 * result.outputs.npv // Float64Array(10000)
 */
export function simulate(model: CompiledModel, settings: Partial<SimulationEnv> = {}, options: SimulateOptions = {}): SimulationResult {
  const env = simulationEnv(settings);
  const buffers = allocateBuffers(model, env);
  runChunks(model, env, buffers, 0, chunkCount(env.trials), options);
  return assembleResult(model, env, buffers);
}

/**
 * Runs chunks [first, last) into the given buffers, or claims them from a shared
 * counter. Used by `simulate` and by each worker thread of a pool. Which thread runs
 * a chunk never changes its numbers.
 *
 * @example
 * runChunks(model, env, buffers, 0, chunkCount(env.trials));
 */
export function runChunks(
  model: CompiledModel,
  env: SimulationEnv,
  buffers: SimulationBuffers,
  first: number,
  last: number,
  options: SimulateOptions = {},
): void {
  const runnable = cachedRunnable(model);
  const scratch = chunkScratch(runnable);
  let done = 0;
  const claim = options.claim;
  for (let chunk = claim ? Atomics.add(claim, 0, 1) : first; chunk < last; chunk = claim ? Atomics.add(claim, 0, 1) : chunk + 1) {
    if (options.signal?.aborted) throw Object.assign(new Error('simulation cancelled'), { name: 'AbortError' });
    runChunk(runnable, env, chunk, buffers, scratch);
    done += Math.min(env.trials - chunk * CHUNK_SIZE, CHUNK_SIZE);
    options.onProgress?.(done, env.trials);
  }
}
