import type { CompiledModel } from '../../models/formula/compile-case.ts';
import { runChunks } from '../../models/engine/simulate.ts';
import type { SimulationBuffers } from '../../models/engine/simulation-buffers.ts';
import type { SimulationEnv } from '../../models/engine/simulation-env.ts';
import { summarizeOutput, type OutputSummary } from '../../models/engine/summarize-output.ts';
import { cashFlowFan, type RunSummary } from '../../models/engine/summarize-run.ts';
import type { SimulationResult } from '../../models/engine/assemble-result.ts';

/** A share of one split run, sent by the pool. Buffers are SharedArrayBuffer-backed. */
export interface ChunkRunTask {
  kind: 'run';
  taskId: number;
  model: CompiledModel;
  env: SimulationEnv;
  buffers: SimulationBuffers;
  /** Chunks below `last` are claimed from the shared counter `next`. */
  last: number;
  next: Int32Array;
  /** Int32Array flag: non-zero means cancel. */
  cancel: Int32Array;
}

/**
 * A run's output summaries: every worker gets the whole list and claims items one at a
 * time from the shared counter `next` (columns by index, then the fan), so the heavy
 * columns do not all land on one worker.
 */
export interface ChunkSummaryTask {
  kind: 'summarize';
  taskId: number;
  columns: { id: string; values: Float64Array; distribution: boolean }[];
  fan: SimulationResult['fan'];
  next: Int32Array;
}

export type ChunkTask = ChunkRunTask | ChunkSummaryTask;

export type ChunkTaskMessage =
  | { taskId: number; type: 'progress'; done: number }
  | { taskId: number; type: 'done'; trialsRun?: number; summaries?: Record<string, OutputSummary>; fan?: RunSummary['cashFlowFan'] }
  | { taskId: number; type: 'error'; message: string; name: string };

/** Runs the chunks this worker claims; returns how many trials it ran. */
function runShare(task: ChunkRunTask, post: (message: ChunkTaskMessage) => void): number {
  const signal = {
    get aborted() {
      return Atomics.load(task.cancel, 0) !== 0;
    },
  };
  let reported = 0;
  let trialsRun = 0;
  runChunks(task.model, task.env, task.buffers, 0, task.last, {
    signal,
    claim: task.next,
    onProgress(done) {
      trialsRun = done;
      // Progress every ~64k trials keeps messages cheap.
      if (done - reported >= 65_536) {
        reported = done;
        post({ taskId: task.taskId, type: 'progress', done });
      }
    },
  });
  return trialsRun;
}

/** Summarises the columns (and the fan) this worker claims. */
function summarizeShare(task: ChunkSummaryTask): Extract<ChunkTaskMessage, { type: 'done' }> {
  const summaries: Record<string, OutputSummary> = {};
  let fan: RunSummary['cashFlowFan'] | undefined;
  for (let item = Atomics.add(task.next, 0, 1); item <= task.columns.length; item = Atomics.add(task.next, 0, 1)) {
    const column = task.columns[item];
    if (column) summaries[column.id] = summarizeOutput(column.values, { distribution: column.distribution });
    else fan = cashFlowFan(task.fan);
  }
  return { taskId: task.taskId, type: 'done', summaries, fan };
}

/**
 * Runs one chunk task in a pool worker and posts its messages. The numbers never depend
 * on which worker ran which chunk: chunks draw from their own streams and the pool
 * combines partial sums in chunk order.
 *
 * @example
 * runChunkTask(task, (message) => parentPort.postMessage(message));
 */
export function runChunkTask(task: ChunkTask, post: (message: ChunkTaskMessage) => void): void {
  try {
    if (task.kind === 'run') post({ taskId: task.taskId, type: 'done', trialsRun: runShare(task, post) });
    else post(summarizeShare(task));
  } catch (error) {
    const failure = error as Error;
    post({ taskId: task.taskId, type: 'error', message: failure.message, name: failure.name });
  }
}
