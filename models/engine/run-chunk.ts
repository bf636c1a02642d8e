import { fillUniforms } from '../rng/sfc32.ts';
import { streamState } from '../rng/stream-state.ts';
import { imanConover } from '../sampling/iman-conover.ts';
import { shuffleInto, stratifyInOrder } from '../sampling/latin-hypercube.ts';
import {
  fillMonteCarloQuantiles,
  fillSplitDraws,
  fillSplitStrata,
  fillStratumQuantiles,
  type QuantileColumn,
  type StratumQuantileTable,
  type StratumScratch,
} from '../sampling/stratum-quantile-table.ts';
import type { RunnableModel } from './runnable-model.ts';
import { chunkBounds, type SimulationBuffers } from './simulation-buffers.ts';
import { CHUNK_SIZE, type SimulationEnv } from './simulation-env.ts';
import { stratumTable } from './stratum-tables.ts';

/** The stream key reserved for Iman–Conover's score permutations. */
const CORRELATION_STREAM = 0x636f7272;

/** Per-thread scratch, allocated once and reused for every chunk. */
export interface ChunkScratch {
  uniforms: Float64Array;
  /** Quantiles of the strata, ascending: one column per correlated input, one shared by the rest. */
  sortedByCorrelatedSlot: Float64Array[];
  sortedShared: Float64Array;
  /** For each input, its slot among the correlated inputs, or −1. */
  correlatedSlot: Int32Array;
  columns: Float64Array[];
  /** Each input's quantile column transform over ascending probabilities (Latin Hypercube order). */
  ascendingQuantiles: QuantileColumn[];
  /** The same over probabilities in any order (Monte Carlo draws a table leaves). */
  anyOrderQuantiles: QuantileColumn[];
  /** Each input's per-stratum quantile table (full Latin Hypercube chunks, every Monte Carlo chunk): undefined until first needed, null when it has none. */
  stratumTables: (StratumQuantileTable | null | undefined)[];
  /** The draws a table leaves to the column transform. */
  stratumScratch: StratumScratch;
  flows: Float64Array;
  /** Stand-in for line-total columns the run does not keep; never written (the kernel skips them). */
  lineScratch: Float64Array;
  /** The kernel's output columns for the buffers last run (the stand-in where none is kept). */
  resolved: { buffers: SimulationBuffers; outputs: Float64Array[] } | null;
}

/**
 * Allocates the scratch a thread needs to run chunks of this model.
 *
 * @example
 * const scratch = chunkScratch(runnable);
 */
export function chunkScratch(runnable: RunnableModel): ChunkScratch {
  // The WebAssembly sampler keeps these in the kernel's memory, where it draws full chunks.
  const sampler = runnable.sampler;
  return {
    uniforms: sampler?.uniforms ?? new Float64Array(CHUNK_SIZE),
    sortedByCorrelatedSlot: sampler?.sortedByCorrelatedSlot ?? (runnable.model.correlation?.inputIndices ?? []).map(() => new Float64Array(CHUNK_SIZE)),
    sortedShared: sampler?.sortedShared ?? new Float64Array(CHUNK_SIZE),
    correlatedSlot: Int32Array.from(runnable.model.inputs, (_, index) => runnable.model.correlation?.inputIndices.indexOf(index) ?? -1),
    columns: runnable.inputColumns ?? runnable.model.inputs.map(() => new Float64Array(CHUNK_SIZE)),
    ascendingQuantiles: runnable.distributions.map((distribution) => (p, out, n) => distribution.fillFromUniforms(p, out, n, true)),
    anyOrderQuantiles: runnable.distributions.map((distribution) => (p, out, n) => distribution.fillFromUniforms(p, out, n)),
    stratumTables: runnable.model.inputs.map(() => undefined),
    stratumScratch: { strata: new Int32Array(CHUNK_SIZE), probabilities: new Float64Array(CHUNK_SIZE), values: new Float64Array(CHUNK_SIZE) },
    flows: new Float64Array(runnable.model.horizonMonths),
    lineScratch: new Float64Array(0),
    resolved: null,
  };
}

/**
 * Samples one chunk's inputs from its own streams, applies correlations, runs the
 * kernel and writes the chunk's slice of every buffer. A chunk's numbers depend only
 * on (seed, chunk index, trial count), never on which thread runs it.
 *
 * @example
 * for (let c = 0; c < chunkCount(env.trials); c++) runChunk(runnable, env, c, buffers, scratch);
 */
export function runChunk(runnable: RunnableModel, env: SimulationEnv, chunkIndex: number, buffers: SimulationBuffers, scratch: ChunkScratch): void {
  const { model, distributions } = runnable;
  const { start, size } = chunkBounds(chunkIndex, env.trials);
  // Where this chunk lands in the buffers: a shard's buffers start at its own first chunk.
  const firstChunk = buffers.firstChunk ?? 0;
  const local = start - firstChunk * CHUNK_SIZE;
  for (let index = 0; index < model.inputs.length; index++) {
    const column = scratch.columns[index];
    const spec = model.inputs[index].spec;
    if (spec.type === 'fixed' && !spec.truncate) {
      column.fill(spec.value, 0, size);
      continue;
    }
    const state = streamState(env.seed, chunkIndex, model.inputs[index].streamKey);
    if (env.sampling === 'lhs') {
      // Quantiles in stratum order come out sorted; then the trials get them in random order.
      const slot = scratch.correlatedSlot[index];
      const sorted = slot >= 0 ? scratch.sortedByCorrelatedSlot[slot] : scratch.sortedShared;
      const quantiles = scratch.ascendingQuantiles[index];
      let table = size === CHUNK_SIZE ? scratch.stratumTables[index] : null;
      if (table === undefined) table = scratch.stratumTables[index] = stratumTable(spec, distributions[index], quantiles);
      if (table && runnable.sampler) {
        // The same steps in WebAssembly: uniforms and cubics, the split strata here, then the shuffle.
        runnable.sampler.fillStrata(state, index, table, sorted);
        fillSplitStrata(table, scratch.uniforms, sorted, quantiles, scratch.stratumScratch);
        runnable.sampler.shuffle(sorted, column);
        continue;
      }
      fillUniforms(state, scratch.uniforms, size);
      if (table) fillStratumQuantiles(table, scratch.uniforms, sorted, quantiles, scratch.stratumScratch);
      else {
        stratifyInOrder(scratch.uniforms, size);
        quantiles(scratch.uniforms, sorted, size);
      }
      shuffleInto(sorted, column, size, state);
    } else {
      // Monte Carlo reads the same per-stratum tables, at the stratum each uniform falls in.
      let table = scratch.stratumTables[index];
      if (table === undefined) table = scratch.stratumTables[index] = stratumTable(spec, distributions[index], scratch.ascendingQuantiles[index]);
      if (!table) {
        fillUniforms(state, scratch.uniforms, size);
        distributions[index].fillFromUniforms(scratch.uniforms, column, size);
      } else if (runnable.sampler) {
        const split = runnable.sampler.fillMonteCarlo(state, index, table, column, size, scratch.stratumScratch.strata);
        fillSplitDraws(table, scratch.uniforms, column, split, scratch.anyOrderQuantiles[index], scratch.stratumScratch);
      } else {
        fillUniforms(state, scratch.uniforms, size);
        fillMonteCarloQuantiles(table, scratch.uniforms, column, size, scratch.anyOrderQuantiles[index], scratch.stratumScratch);
      }
    }
  }
  if (runnable.correlation && model.correlation) {
    const indices = model.correlation.inputIndices;
    const correlated = indices.map((index) => scratch.columns[index]);
    const stream = streamState(env.seed, chunkIndex, CORRELATION_STREAM);
    // The WebAssembly port reads the sorted draws Latin Hypercube leaves; it declines (null) what only the JavaScript does.
    const achieved =
      (env.sampling === 'lhs' ? runnable.sampler?.imanConover?.(correlated, size, runnable.correlation, stream) : null) ??
      imanConover(correlated, size, runnable.correlation, stream, env.sampling === 'lhs' ? scratch.sortedByCorrelatedSlot : []);
    buffers.chunkCorrelations.set(achieved, (chunkIndex - firstChunk) * indices.length * indices.length);
  }
  if (buffers.inputs) {
    for (let index = 0; index < model.inputs.length; index++) {
      buffers.inputs[index].set(scratch.columns[index].subarray(0, size), local);
    }
  }
  const accumulatorSize = model.accumulators.size;
  const accumulator = buffers.chunkAccumulators.subarray((chunkIndex - firstChunk) * accumulatorSize, (chunkIndex - firstChunk + 1) * accumulatorSize);
  runnable.resetIrr();
  if (scratch.resolved?.buffers !== buffers) {
    scratch.resolved = { buffers, outputs: buffers.outputs.map((column) => column ?? scratch.lineScratch) };
  }
  const outputs = scratch.resolved.outputs;
  // −1: the kernel skips the line-total stores this run does not keep.
  const lineOffset = env.keepLineTotals ? local : -1;
  runnable.kernel(scratch.columns, size, outputs, local, accumulator, scratch.flows, buffers.fan, start, buffers.fanRows, lineOffset);
}
