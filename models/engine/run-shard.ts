import type { CompiledModel } from '../formula/compile-case.ts';
import { assembleResult, type SimulationResult } from './assemble-result.ts';
import { runChunks, type SimulateOptions } from './simulate.ts';
import type { SimulationBuffers } from './simulation-buffers.ts';
import { CHUNK_SIZE, chunkCount, type SimulationEnv } from './simulation-env.ts';
import { summarizedOutputs } from './summarize-run.ts';

/** Chunks [firstChunk, lastChunk) of a run: one shard of a queued run. */
export interface ShardRange {
  firstChunk: number;
  lastChunk: number;
}

/**
 * A run's shards: whole 4,096-trial chunks, `shardTrials` (a multiple of CHUNK_SIZE) per
 * shard, the last one shorter. Each chunk keeps its own streams, so any split gives the
 * same bits as the single-process run.
 *
 * @example
 * shardRanges(300_000, 131_072) // [{ firstChunk: 0, lastChunk: 32 }, { 32, 64 }, { 64, 74 }]
 */
export function shardRanges(trials: number, shardTrials: number): ShardRange[] {
  if (!Number.isInteger(shardTrials) || shardTrials < CHUNK_SIZE || shardTrials % CHUNK_SIZE !== 0) {
    throw new RangeError(`shard size must be a positive multiple of ${CHUNK_SIZE} trials, got ${shardTrials}`);
  }
  const chunks = chunkCount(trials);
  const perShard = shardTrials / CHUNK_SIZE;
  const ranges: ShardRange[] = [];
  for (let first = 0; first < chunks; first += perShard) ranges.push({ firstChunk: first, lastChunk: Math.min(chunks, first + perShard) });
  return ranges;
}

/** Where each part of a packed shard lies, in float64 values from its start. */
export interface ShardLayout {
  /** First trial and number of trials of the shard. */
  start: number;
  trials: number;
  /** The summarised outputs' columns, in `summarizedOutputs` order, `trials` values each from 0. */
  columns: string[];
  /** Offset of the tail: accumulators, then correlations, then the shard's fan rows. */
  tail: number;
  accumulators: number;
  correlations: number;
  fanRows: { first: number; count: number };
  /** Values in all. */
  length: number;
}

/**
 * The layout of one packed shard. Columns come first, so a summariser can read one output
 * of every shard (a byte range of each stored shard) without the others.
 *
 * @example
 * shardLayout(model, env, { firstChunk: 0, lastChunk: 2 }).trials // 8192 (when the run has that many)
 */
export function shardLayout(model: CompiledModel, env: SimulationEnv, range: ShardRange): ShardLayout {
  const start = range.firstChunk * CHUNK_SIZE;
  const trials = Math.min(env.trials, range.lastChunk * CHUNK_SIZE) - start;
  const columns = summarizedOutputs(model).map((output) => output.id);
  const chunks = range.lastChunk - range.firstChunk;
  const k = model.correlation?.inputIndices.length ?? 0;
  const fanRowsOfRun = Math.min(env.fanTrials, env.trials);
  const fanCount = Math.max(0, Math.min(fanRowsOfRun, start + trials) - start);
  const tail = columns.length * trials;
  const accumulators = chunks * model.accumulators.size;
  const correlations = chunks * k * k;
  return {
    start,
    trials,
    columns,
    tail,
    accumulators,
    correlations,
    fanRows: { first: start, count: fanCount },
    length: tail + accumulators + correlations + fanCount * model.horizonMonths,
  };
}

/** Settings a sharded run accepts: it keeps no input or line-total columns. */
function requireShardable(env: SimulationEnv): void {
  if (env.keepInputs || env.keepLineTotals) throw new RangeError('a sharded run keeps neither input nor line-total columns');
}

/**
 * Runs one shard's chunks and packs what the run needs of them into one array (see
 * `shardLayout`). The numbers are those the same chunks give in a single-process run.
 *
 * @example
 * const packed = runShard(model, simulationEnv({ trials: 1_000_000, seed: 7 }), { firstChunk: 32, lastChunk: 64 });
 */
export function runShard(model: CompiledModel, env: SimulationEnv, range: ShardRange, options: SimulateOptions = {}): Float64Array {
  requireShardable(env);
  const layout = shardLayout(model, env, range);
  const packed = new Float64Array(layout.length);
  const columnOf = new Map(layout.columns.map((id, index) => [id, packed.subarray(index * layout.trials, (index + 1) * layout.trials)]));
  const fanRows = Math.min(env.fanTrials, env.trials);
  const buffers: SimulationBuffers = {
    // Other outputs (category and line totals) are not kept by a run: the kernel skips them.
    outputs: model.outputs.map((output) => columnOf.get(output.id) ?? null),
    inputs: null,
    // The kernel writes fan rows by trial index: room up to the shard's last fan row.
    fan: new Float64Array((layout.fanRows.count ? layout.start + layout.fanRows.count : 0) * model.horizonMonths),
    fanRows,
    chunkAccumulators: packed.subarray(layout.tail, layout.tail + layout.accumulators),
    chunkCorrelations: packed.subarray(layout.tail + layout.accumulators, layout.tail + layout.accumulators + layout.correlations),
    firstChunk: range.firstChunk,
  };
  runChunks(model, env, buffers, range.firstChunk, range.lastChunk, options);
  const months = model.horizonMonths;
  packed.set(
    buffers.fan.subarray(layout.start * months, (layout.start + layout.fanRows.count) * months),
    layout.tail + layout.accumulators + layout.correlations,
  );
  return packed;
}

/**
 * Puts the run together from its shards' tails (accumulators, correlations, fan rows), in
 * chunk order, as `simulate` would: the per-trial output columns are left out (a summariser
 * passes their summaries in, column by column). `tails[i]` belongs to `ranges[i]`.
 *
 * @example
 * const result = assembleFromTails(model, env, ranges, tails);
 * summarizeRun(model, result, summaries);
 */
export function assembleFromTails(model: CompiledModel, env: SimulationEnv, ranges: ShardRange[], tails: Float64Array[]): SimulationResult {
  requireShardable(env);
  const chunks = chunkCount(env.trials);
  const k = model.correlation?.inputIndices.length ?? 0;
  const size = model.accumulators.size;
  const fanRows = Math.min(env.fanTrials, env.trials);
  const months = model.horizonMonths;
  const buffers: SimulationBuffers = {
    outputs: model.outputs.map(() => null),
    inputs: null,
    fan: new Float64Array(fanRows * months),
    fanRows,
    chunkAccumulators: new Float64Array(chunks * size),
    chunkCorrelations: new Float64Array(chunks * k * k),
  };
  ranges.forEach((range, index) => {
    const layout = shardLayout(model, env, range);
    const tail = tails[index];
    if (tail.length !== layout.length - layout.tail)
      throw new RangeError(`shard ${index}: ${tail.length} tail values, expected ${layout.length - layout.tail}`);
    buffers.chunkAccumulators.set(tail.subarray(0, layout.accumulators), range.firstChunk * size);
    buffers.chunkCorrelations.set(tail.subarray(layout.accumulators, layout.accumulators + layout.correlations), range.firstChunk * k * k);
    if (layout.fanRows.count) buffers.fan.set(tail.subarray(layout.accumulators + layout.correlations), layout.start * months);
  });
  return assembleResult(model, env, buffers);
}

/**
 * The whole run from its packed shards, per-trial columns included (tests and small runs).
 *
 * @example
 * const result = assembleShards(model, env, ranges, ranges.map((range) => runShard(model, env, range)));
 */
export function assembleShards(model: CompiledModel, env: SimulationEnv, ranges: ShardRange[], packed: Float64Array[]): SimulationResult {
  const layouts = ranges.map((range) => shardLayout(model, env, range));
  const result = assembleFromTails(
    model,
    env,
    ranges,
    packed.map((values, index) => values.subarray(layouts[index].tail)),
  );
  for (const id of layouts[0]?.columns ?? []) {
    const column = new Float64Array(env.trials);
    layouts.forEach((layout, index) => {
      const at = layout.columns.indexOf(id) * layout.trials;
      column.set(packed[index].subarray(at, at + layout.trials), layout.start);
    });
    result.outputs[id] = column;
  }
  return result;
}
