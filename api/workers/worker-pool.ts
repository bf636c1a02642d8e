import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { assembleResult, type SimulationResult } from '../../models/engine/assemble-result.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { allocateBuffers } from '../../models/engine/simulation-buffers.ts';
import { chunkCount, simulationEnv, type SimulationEnv } from '../../models/engine/simulation-env.ts';
import { summarizeRun, summarizedOutputs, type RunSummary } from '../../models/engine/summarize-run.ts';
import { withDefaults } from '../../models/engine/with-defaults.ts';
import type { CompiledModel } from '../../models/formula/compile-case.ts';
import type { RunControl, SimulationHost } from '../../models/pipeline/index.ts';
import { JobAdmission, queueLimitsFromEnv } from '../jobs/job-admission.ts';
import { costLimitsFromEnv, type CostLimits } from '../jobs/job-cost.ts';
import type { JobRequest } from '../jobs/job-types.ts';
import type { ChunkSummaryTask, ChunkTask, ChunkTaskMessage } from './chunk-tasks.ts';
import { ColumnRecycler } from './column-recycler.ts';
import { JobError, type JobHandle, type SubmitHooks } from './job-handle.ts';
import type { JobMessage, PoolMessage, PoolWorkerData } from './pool-messages.ts';
import { DEFAULT_WORKERS, type WorkerPoolOptions } from './worker-pool-options.ts';

export { JobError, type JobHandle, type SubmitHooks } from './job-handle.ts';
export type { WorkerPoolOptions } from './worker-pool-options.ts';

/**
 * The worker thread's module. In the bundle (api/dist) it is plain JavaScript beside this file.
 * From the TypeScript sources a worker registers tsx first, which costs ~1.5 s of CPU per
 * thread, so the test suite bundles the worker once (test/helpers/bundle-pool-worker.ts) and
 * names the file in VALUEGATE_POOL_WORKER.
 */
const WORKER_URL = process.env.VALUEGATE_POOL_WORKER
  ? pathToFileURL(process.env.VALUEGATE_POOL_WORKER)
  : import.meta.url.endsWith('.ts')
    ? new URL('./pool-worker-entry.js', import.meta.url)
    : new URL('./pool-worker.mjs', import.meta.url);

interface Pending {
  jobId: number;
  request: JobRequest;
  cancel: Int32Array;
  hooks: SubmitHooks;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  state: 'queued' | 'running' | 'finished';
}

interface TaskWaiter {
  resolve: (message: Extract<ChunkTaskMessage, { type: 'done' }>) => void;
  reject: (error: Error) => void;
  onProgress?: (done: number) => void;
}

interface Slot {
  worker: Worker;
  job: Pending | null;
  tasks: Map<number, TaskWaiter>;
}

/**
 * The one pool of warm worker threads, for the server and the CLI. Its workers do two
 * kinds of work: whole jobs (`submit`: simulations, analyses, comparisons; each on one
 * worker, queued in order behind the admission bound, cancellable, with progress) and
 * split runs (`run`/`summarize`: one large simulation's chunks claimed by every worker
 * from shared memory). A run's numbers never depend on which thread ran which chunk.
 * A worker that dies is replaced; idle workers never keep the process alive.
 *
 * @example
 * const pool = new WorkerPool({ workers: 2 });
 * const { result } = pool.submit({ type: 'simulate', document, settings });
 * const split = await runCase(document, { trials: 1_000_000 }, pool.host());
 */
export class WorkerPool {
  readonly options: WorkerPoolOptions;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly columns = new ColumnRecycler();
  private nextJobId = 1;
  private nextTaskId = 1;
  private closed = false;
  /** The queue bound: submit throws QueueFullError (429) beyond it. */
  readonly admission: JobAdmission;
  /** The cost bound routes check before queueing (422 beyond it). */
  costLimits: CostLimits;

  constructor(options: Partial<WorkerPoolOptions> = {}) {
    const workers = Math.max(1, options.workers ?? DEFAULT_WORKERS);
    this.options = withDefaults<WorkerPoolOptions>(
      { workers, maxConcurrent: workers, minTrialsForWorkers: 100_000, warmUp: true, lazy: false },
      { ...options, workers },
    );
    this.admission = new JobAdmission(options.limits ?? queueLimitsFromEnv(process.env));
    this.costLimits = options.costs ?? costLimitsFromEnv(process.env);
    if (!this.options.lazy) this.start();
  }

  /** Queued plus running jobs. */
  get load(): { queued: number; running: number } {
    return { queued: this.queue.length, running: this.slots.filter((slot) => slot.job).length };
  }

  /** Queues a job; throws QueueFullError when the queue bound is reached. */
  submit<T>(request: JobRequest, hooks: SubmitHooks = {}): JobHandle<T> {
    if (this.closed) {
      hooks.admitted?.();
      throw new Error('the worker pool is closed');
    }
    const release = hooks.admitted ?? this.admission.acquire(hooks.owner);
    let pending!: Pending;
    const result = new Promise<T>((resolve, reject) => {
      const cancel = new Int32Array(new SharedArrayBuffer(4));
      pending = { jobId: this.nextJobId++, request, cancel, hooks, resolve: resolve as (value: unknown) => void, reject, state: 'queued' };
    });
    result.then(release, release);
    this.queue.push(pending);
    this.start();
    this.dispatch();
    return {
      result,
      state: () => pending.state,
      cancel: () => {
        if (pending.state === 'queued') {
          this.queue.splice(this.queue.indexOf(pending), 1);
          pending.state = 'finished';
          pending.reject(new JobError('AbortError', 'cancelled before it started'));
        } else if (pending.state === 'running') {
          Atomics.store(pending.cancel, 0, 1);
        }
      },
    };
  }

  /** Runs one simulation, its chunks split between the workers when it is large enough; the same bits as `simulate`. */
  async run(model: CompiledModel, settings: Partial<SimulationEnv>, control: RunControl = {}): Promise<SimulationResult> {
    const env = simulationEnv(settings);
    const chunks = chunkCount(env.trials);
    if (this.options.workers < 2 || env.trials < this.options.minTrialsForWorkers || chunks < 2) return simulate(model, env, control);
    this.requireOpen();
    const buffers = allocateBuffers(model, env, true, (length, zeroed) => this.columns.take(length, zeroed));
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    // Workers claim chunks from a shared counter: a worker that gets less CPU simply runs fewer.
    const next = new Int32Array(new SharedArrayBuffer(4));
    const progress = new Array<number>(this.slots.length).fill(0);
    const report = (): void => {
      if (control.signal?.aborted) Atomics.store(cancel, 0, 1);
      control.onProgress?.(
        progress.reduce((a, b) => a + b, 0),
        env.trials,
      );
    };
    await Promise.all(
      this.slots.map(async (slot, index) => {
        const task = { kind: 'run', taskId: this.nextTaskId++, model, env, buffers, last: chunks, next, cancel } as const;
        const reply = await this.sendTask(slot, task, (done) => ((progress[index] = done), report()));
        progress[index] = reply.trialsRun ?? progress[index];
        report();
      }),
    );
    return assembleResult(model, env, buffers);
  }

  /** Summarises a run as `summarizeRun` does, large runs' columns split between the workers (each column whole: the same numbers). */
  async summarize(model: CompiledModel, result: SimulationResult): Promise<RunSummary> {
    const outputs = summarizedOutputs(model);
    const shared =
      outputs.every((output) => result.outputs[output.id].buffer instanceof SharedArrayBuffer) && result.fan.values.buffer instanceof SharedArrayBuffer;
    if (this.options.workers < 2 || result.env.trials < this.options.minTrialsForWorkers || !shared) return summarizeRun(model, result);
    this.requireOpen();
    // Columns with a histogram first (the heaviest, with the payback months' infinities), the fan last.
    const columns: ChunkSummaryTask['columns'] = [...outputs]
      .sort((a, b) => Number(b.distribution) - Number(a.distribution))
      .map((output) => ({ id: output.id, values: result.outputs[output.id], distribution: output.distribution }));
    const next = new Int32Array(new SharedArrayBuffer(4));
    const replies = await Promise.all(
      this.slots.map((slot) => this.sendTask(slot, { kind: 'summarize', taskId: this.nextTaskId++, columns, fan: result.fan, next })),
    );
    const fan = replies.find((reply) => reply.fan)?.fan;
    return summarizeRun(model, result, Object.assign({}, ...replies.map((reply) => reply.summaries)), fan);
  }

  /** Hands a finished split run's shared columns to the next run; its arrays must not be used afterwards. */
  release(result: SimulationResult): void {
    this.columns.release(result);
  }

  /**
   * This pool as the pipeline's simulation host (`runCase(document, request, pool.host())`).
   *
   * @example
   * const run = await runCase(document, { trials: 1_000_000 }, pool.host());
   */
  host(): SimulationHost {
    return {
      simulate: (model, settings, control) => this.run(model, settings, control),
      summarize: (model, result) => this.summarize(model, result),
      release: (result) => this.release(result),
    };
  }

  /** Waits for running jobs, rejects queued ones, stops the workers. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new JobError('AbortError', 'the server is shutting down'));
    await Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<void>((resolve) => {
            if (!slot.job) return resolve();
            const { resolve: done, reject: failed } = slot.job;
            slot.job.resolve = (value) => (done(value), resolve());
            slot.job.reject = (error) => (failed(error), resolve());
          }),
      ),
    );
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  /** Starts the threads if they are not running; a closed pool refuses split work. */
  private requireOpen(): void {
    this.start();
    if (!this.slots.length) throw new Error('the worker pool is closed');
  }

  /** Starts the threads, once. */
  private start(): void {
    if (this.slots.length || this.closed) return;
    for (let i = 0; i < this.options.workers; i++) this.slots.push({ worker: this.spawn(), job: null, tasks: new Map() });
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_URL, { workerData: { warmUp: this.options.warmUp } satisfies PoolWorkerData });
    worker.on('message', (message: PoolMessage) => this.onMessage(worker, message));
    worker.on('error', (error) => this.onWorkerFailure(worker, error));
    worker.on('exit', (code) => {
      if (!this.closed && code !== 0) this.onWorkerFailure(worker, new Error(`worker exited with code ${code}`));
    });
    worker.unref();
    return worker;
  }

  /** Busy workers keep the process alive; idle ones do not (a CLI run ends without closing the pool). */
  private updateRef(slot: Slot): void {
    if (slot.job || slot.tasks.size) slot.worker.ref();
    else slot.worker.unref();
  }

  private onWorkerFailure(worker: Worker, error: Error): void {
    const slot = this.slots.find((candidate) => candidate.worker === worker);
    if (!slot || this.closed) return;
    const job = slot.job;
    const tasks = [...slot.tasks.values()];
    slot.job = null;
    slot.tasks.clear();
    slot.worker = this.spawn();
    if (job) {
      job.state = 'finished';
      job.reject(new JobError('WorkerError', `the worker failed: ${error.message}`));
    }
    for (const task of tasks) task.reject(error);
    this.dispatch();
  }

  private onMessage(worker: Worker, message: PoolMessage): void {
    const slot = this.slots.find((candidate) => candidate.worker === worker);
    if (!slot) return;
    if ('jobId' in message) this.onJobMessage(slot, message);
    else this.onTaskMessage(slot, message);
  }

  private onJobMessage(slot: Slot, message: JobMessage): void {
    const job = slot.job;
    if (!job || job.jobId !== message.jobId) return;
    if (message.type === 'progress') return void job.hooks.onProgress?.(message.done, message.total);
    slot.job = null;
    job.state = 'finished';
    if (message.type === 'result') job.resolve(message.result);
    else job.reject(new JobError(message.name, message.message, message.field, message.hint, message.issues));
    this.updateRef(slot);
    this.dispatch();
  }

  private onTaskMessage(slot: Slot, message: ChunkTaskMessage): void {
    const waiter = slot.tasks.get(message.taskId);
    if (!waiter) return;
    if (message.type === 'progress') return void waiter.onProgress?.(message.done);
    slot.tasks.delete(message.taskId);
    this.updateRef(slot);
    if (message.type === 'done') waiter.resolve(message);
    else waiter.reject(Object.assign(new Error(message.message), { name: message.name }));
  }

  /** Sends one chunk task; it settles with the worker's final message. */
  private sendTask(slot: Slot, task: ChunkTask, onProgress?: (done: number) => void): Promise<Extract<ChunkTaskMessage, { type: 'done' }>> {
    return new Promise((resolve, reject) => {
      slot.tasks.set(task.taskId, { resolve, reject, onProgress });
      slot.worker.ref();
      slot.worker.postMessage(task);
    });
  }

  private dispatch(): void {
    let capacity = this.options.maxConcurrent - this.load.running;
    for (const slot of this.slots) {
      if (capacity <= 0 || this.queue.length === 0) break;
      if (slot.job) continue;
      const job = this.queue.shift()!;
      job.state = 'running';
      slot.job = job;
      capacity--;
      slot.worker.ref();
      job.hooks.onStart?.();
      slot.worker.postMessage({ jobId: job.jobId, request: job.request, cancel: job.cancel });
    }
  }
}
