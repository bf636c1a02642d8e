import { Worker } from 'node:worker_threads';
import { costLimitsFromEnv, type CostLimits } from './job-cost.ts';
import { JobAdmission, queueLimitsFromEnv, type QueueLimits, type Release } from './job-admission.ts';
import type { JobMessage, JobRequest } from './job-types.ts';

/** From the TypeScript sources a worker registers tsx first; in the bundle (api/dist) it is plain JavaScript beside this file. */
const WORKER_URL = import.meta.url.endsWith('.ts') ? new URL('./job-worker-entry.js', import.meta.url) : new URL('./job-worker.mjs', import.meta.url);

/** Pool settings. */
export interface JobPoolOptions {
  /** Worker threads, started once and kept warm. */
  workers: number;
  /** Jobs running at once; the rest wait in a queue. */
  maxConcurrent: number;
  /** Queued + running jobs allowed, in all and per token (default: from the environment). */
  limits?: QueueLimits;
  /** What one job may cost (default: from the environment). */
  costs?: CostLimits;
}

/** What a submitter may attach to a job. */
export interface SubmitHooks {
  onProgress?: (done: number, total: number) => void;
  onStart?: () => void;
  /** The token's name: counts against its queue bound (omit for the server's own work). */
  owner?: string;
  /** A place already taken with `admission.acquire` (so a run's row is only written once admitted). */
  admitted?: Release;
}

/** Why a job failed, as the worker reported it. */
export class JobError extends Error {
  constructor(
    name: string,
    message: string,
    readonly field?: string,
    readonly hint?: string,
    readonly issues?: unknown,
  ) {
    super(message);
    this.name = name;
  }
}

/** A submitted job: its result, and a way to cancel it. */
export interface JobHandle<T> {
  result: Promise<T>;
  cancel(): void;
  /** 'queued' until a worker takes it. */
  state(): 'queued' | 'running' | 'finished';
}

interface Pending {
  jobId: number;
  request: JobRequest;
  cancel: Int32Array;
  onProgress?: (done: number, total: number) => void;
  onStart?: () => void;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  state: 'queued' | 'running' | 'finished';
}

interface Slot {
  worker: Worker;
  job: Pending | null;
}

/**
 * A warm pool of worker threads for simulations and analyses: no model ever runs on
 * the event loop. Excess jobs queue in order; running simulations stop between
 * chunks when cancelled; a worker that dies is replaced.
 *
 * @example
 * const pool = new JobPool({ workers: 2, maxConcurrent: 2 });
 * const { result } = pool.submit({ type: 'simulate', document, settings });
 */
export class JobPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextJobId = 1;
  private closed = false;
  /** The queue bound: submit throws QueueFullError (429) beyond it. */
  readonly admission: JobAdmission;
  /** The cost bound routes check before queueing (422 beyond it). */
  costLimits: CostLimits;

  constructor(private readonly options: JobPoolOptions) {
    this.admission = new JobAdmission(options.limits ?? queueLimitsFromEnv(process.env));
    this.costLimits = options.costs ?? costLimitsFromEnv(process.env);
    for (let i = 0; i < Math.max(1, options.workers); i++) this.slots.push({ worker: this.spawn(), job: null });
  }

  /** Queued plus running jobs. */
  get load(): { queued: number; running: number } {
    return { queued: this.queue.length, running: this.slots.filter((slot) => slot.job).length };
  }

  /** Queues a job; throws QueueFullError when the queue bound is reached. */
  submit<T>(request: JobRequest, hooks: SubmitHooks = {}): JobHandle<T> {
    if (this.closed) {
      hooks.admitted?.();
      throw new Error('the job pool is closed');
    }
    const release = hooks.admitted ?? this.admission.acquire(hooks.owner);
    let pending!: Pending;
    const result = new Promise<T>((resolve, reject) => {
      pending = {
        jobId: this.nextJobId++,
        request,
        cancel: new Int32Array(new SharedArrayBuffer(4)),
        onProgress: hooks.onProgress,
        onStart: hooks.onStart,
        resolve: resolve as (value: unknown) => void,
        reject,
        state: 'queued',
      };
    });
    result.then(release, release);
    this.queue.push(pending);
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

  /** Waits for running jobs, rejects queued ones, stops the workers. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new JobError('AbortError', 'the server is shutting down'));
    await Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<void>((resolve) => {
            if (!slot.job) return resolve();
            const done = slot.job.resolve;
            const failed = slot.job.reject;
            slot.job.resolve = (value) => (done(value), resolve());
            slot.job.reject = (error) => (failed(error), resolve());
          }),
      ),
    );
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_URL);
    worker.on('message', (message: JobMessage) => this.onMessage(worker, message));
    worker.on('error', (error) => this.onWorkerFailure(worker, error));
    worker.on('exit', (code) => {
      if (!this.closed && code !== 0) this.onWorkerFailure(worker, new Error(`worker exited with code ${code}`));
    });
    return worker;
  }

  private onWorkerFailure(worker: Worker, error: Error): void {
    const slot = this.slots.find((candidate) => candidate.worker === worker);
    if (!slot || this.closed) return;
    const job = slot.job;
    slot.job = null;
    slot.worker = this.spawn();
    if (job) {
      job.state = 'finished';
      job.reject(new JobError('WorkerError', `the worker failed: ${error.message}`));
    }
    this.dispatch();
  }

  private onMessage(worker: Worker, message: JobMessage): void {
    const slot = this.slots.find((candidate) => candidate.worker === worker);
    const job = slot?.job;
    if (!slot || !job || job.jobId !== message.jobId) return;
    if (message.type === 'progress') {
      job.onProgress?.(message.done, message.total);
      return;
    }
    slot.job = null;
    job.state = 'finished';
    if (message.type === 'result') job.resolve(message.result);
    else job.reject(new JobError(message.name, message.message, message.field, message.hint, message.issues));
    this.dispatch();
  }

  private dispatch(): void {
    const running = this.slots.filter((slot) => slot.job).length;
    let capacity = this.options.maxConcurrent - running;
    for (const slot of this.slots) {
      if (capacity <= 0 || this.queue.length === 0) break;
      if (slot.job) continue;
      const job = this.queue.shift()!;
      job.state = 'running';
      slot.job = job;
      capacity--;
      job.onStart?.();
      slot.worker.postMessage({ jobId: job.jobId, request: job.request, cancel: job.cancel });
    }
  }
}
