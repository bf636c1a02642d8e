import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CompiledModel } from '../../models/formula/compile-case.ts';
import { assembleResult, type SimulationResult } from '../../models/engine/assemble-result.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { allocateBuffers } from '../../models/engine/simulation-buffers.ts';
import { chunkCount, simulationEnv, type SimulationEnv } from '../../models/engine/simulation-env.ts';
import type { WorkerMessage, WorkerSummaryTask, WorkerTask } from './simulation-worker.ts';
import { summarizeRun, summarizedOutputs, type RunSummary } from '../../models/engine/summarize-run.ts';
import { withDefaults } from '../../models/engine/with-defaults.ts';

/** From the TypeScript sources a worker registers tsx first; in the bundle (api/dist) it is plain JavaScript beside this file. */
const WORKER_URL = import.meta.url.endsWith('.ts') ? new URL('./simulation-worker-entry.js', import.meta.url) : new URL('./simulation-worker.mjs', import.meta.url);

/** At most this much released memory is kept for reuse. */
const MAX_SPARE_BYTES = 512 * 1024 * 1024;

/** Pool settings. */
export interface SimulationPoolOptions {
  /** Worker threads; default min(2, available cores). */
  threads: number;
  /** Runs smaller than this go on the calling thread: starting work on a worker costs more. */
  minTrialsForWorkers: number;
}

const DEFAULTS = {
  threads: Math.max(1, Math.min(2, availableParallelism())),
  minTrialsForWorkers: 100_000,
} satisfies SimulationPoolOptions;

/** Per-run options. */
export interface PoolRunOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * A pool of worker threads (started by the first run large enough for them) that split a
 * run's chunks between them. Results are
 * bit-identical to `simulate` on one thread: chunks draw from their own streams and
 * partial sums are combined in chunk order.
 *
 * @example
 * const pool = new SimulationPool();
 * const result = await pool.run(model, { trials: 1_000_000, seed: 1 });
 * await pool.close();
 */
export class SimulationPool {
  readonly options: SimulationPoolOptions;
  private readonly workers: Worker[] = [];
  private nextTaskId = 1;
  private closed = false;
  /** Released shared buffers by byte length, reused by later runs (see `release`). */
  private readonly spare = new Map<number, SharedArrayBuffer[]>();
  private spareBytes = 0;
  /** Buffers this pool handed out, so `release` ignores anything else. */
  private readonly issued = new WeakSet<SharedArrayBuffer>();

  constructor(options: Partial<SimulationPoolOptions> = {}) {
    this.options = withDefaults<SimulationPoolOptions>(DEFAULTS, options);
  }

  /** Started by the first run large enough for them: a small CLI run never pays two Node start-ups. */
  private startWorkers(): void {
    if (this.workers.length > 0) return;
    for (let i = 0; i < this.options.threads; i++) {
      const worker = new Worker(WORKER_URL);
      // A failing worker rejects its run (see run); this keeps the event from crashing the process.
      worker.on('error', () => undefined);
      worker.unref();
      this.workers.push(worker);
    }
  }

  /** Runs a simulation, on the workers when it is large enough. */
  async run(model: CompiledModel, settings: Partial<SimulationEnv>, options: PoolRunOptions = {}): Promise<SimulationResult> {
    const env = simulationEnv(settings);
    const chunks = chunkCount(env.trials);
    if (this.options.threads < 2 || this.closed || env.trials < this.options.minTrialsForWorkers || chunks < 2) {
      const signal = options.signal ? { get aborted() { return options.signal!.aborted; } } : undefined;
      return simulate(model, env, { onProgress: options.onProgress, signal });
    }
    this.startWorkers();
    const buffers = allocateBuffers(model, env, true, (length, zeroed) => this.sharedColumn(length, zeroed));
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    const onAbort = (): void => void Atomics.store(cancel, 0, 1);
    options.signal?.addEventListener('abort', onAbort);
    // Workers claim chunks from a shared counter: a worker that gets less CPU simply runs fewer.
    const next = new Int32Array(new SharedArrayBuffer(4));
    const progress = new Array<number>(this.workers.length).fill(0);
    const report = (): void => options.onProgress?.(progress.reduce((a, b) => a + b, 0), env.trials);
    try {
      await Promise.all(
        this.workers.map(async (worker, index) => {
          const task: WorkerTask = { kind: 'run', id: this.nextTaskId++, model, env, buffers, last: chunks, next, cancel };
          const reply = await this.send(worker, task, (done) => {
            progress[index] = done;
            report();
          });
          progress[index] = reply.trialsRun ?? progress[index];
          report();
        }),
      );
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
    return assembleResult(model, env, buffers);
  }

  /**
   * Summarises a run as `summarizeRun` does, with the output columns split between the
   * workers when the run is large (each column is summarised whole, so the numbers
   * are the same as on one thread).
   *
   * @example
   * const summary = await pool.summarize(model, await pool.run(model, { trials: 1_000_000 }));
   */
  async summarize(model: CompiledModel, result: SimulationResult): Promise<RunSummary> {
    const outputs = summarizedOutputs(model);
    const shared = outputs.every((output) => result.outputs[output.id].buffer instanceof SharedArrayBuffer) && result.fan.values.buffer instanceof SharedArrayBuffer;
    if (this.workers.length < 2 || result.env.trials < this.options.minTrialsForWorkers || !shared) return summarizeRun(model, result);
    // Columns with a histogram first (the heaviest, with the payback months' infinities), the fan last.
    const columns: WorkerSummaryTask['columns'] = [...outputs]
      .sort((a, b) => Number(b.distribution) - Number(a.distribution))
      .map((output) => ({ id: output.id, values: result.outputs[output.id], distribution: output.distribution }));
    const next = new Int32Array(new SharedArrayBuffer(4));
    const replies = await Promise.all(
      this.workers.map((worker) => this.send(worker, { kind: 'summarize', id: this.nextTaskId++, columns, fan: result.fan, next })),
    );
    const fan = replies.find((reply) => reply.fan)?.fan;
    return summarizeRun(model, result, Object.assign({}, ...replies.map((reply) => reply.summaries)), fan);
  }

  /** Sends one task and settles with the worker's final message. */
  private send(worker: Worker, task: WorkerTask, onProgress?: (done: number) => void): Promise<Extract<WorkerMessage, { type: 'done' }>> {
    return new Promise((resolve, reject) => {
      const listener = (message: WorkerMessage): void => {
        if (message.id !== task.id) return;
        if (message.type === 'progress') {
          onProgress?.(message.done);
          return;
        }
        worker.off('message', listener);
        worker.off('error', onError);
        if (message.type === 'done') resolve(message);
        else reject(Object.assign(new Error(message.message), { name: message.name }));
      };
      const onError = (error: Error): void => {
        worker.off('message', listener);
        reject(error);
      };
      worker.on('message', listener);
      worker.once('error', onError);
      worker.postMessage(task);
    });
  }

  /**
   * Hands a finished result's shared columns back for the next run to reuse. Shared
   * memory is freed only once every thread has garbage-collected its view of it, which
   * can take many runs; recycling keeps a long-lived process at one run's footprint.
   * The result's arrays must not be used afterwards: the next run overwrites them.
   *
   * @example
   * const result = await pool.run(model, { trials: 1_000_000 });
   * const summary = summarizeRun(model, result);
   * pool.release(result);
   */
  release(result: SimulationResult): void {
    const columns = [...Object.values(result.outputs), ...Object.values(result.inputs ?? {}), result.fan.values];
    for (const column of columns) {
      const buffer = column.buffer;
      if (!(buffer instanceof SharedArrayBuffer) || !this.issued.has(buffer)) continue;
      if (this.spareBytes + buffer.byteLength > MAX_SPARE_BYTES) continue;
      this.issued.delete(buffer);
      const sameSize = this.spare.get(buffer.byteLength) ?? [];
      sameSize.push(buffer);
      this.spare.set(buffer.byteLength, sameSize);
      this.spareBytes += buffer.byteLength;
    }
  }

  private sharedColumn(length: number, zeroed: boolean): Float64Array {
    const byteLength = length * 8;
    const reused = this.spare.get(byteLength)?.pop();
    let buffer: SharedArrayBuffer;
    if (reused) {
      this.spareBytes -= byteLength;
      buffer = reused;
    } else buffer = new SharedArrayBuffer(byteLength);
    this.issued.add(buffer);
    // Reused memory is cleared only where the run adds into it: clearing a 1M-trial run's
    // output columns took 10 ms on the calling thread before any worker could start.
    return reused && zeroed ? new Float64Array(buffer).fill(0) : new Float64Array(buffer);
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.workers.length = 0;
  }
}
