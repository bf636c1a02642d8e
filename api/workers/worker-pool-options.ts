import { availableParallelism } from 'node:os';
import type { QueueLimits } from '../jobs/job-admission.ts';
import type { CostLimits } from '../jobs/job-cost.ts';

/** Pool settings. */
export interface WorkerPoolOptions {
  /** Worker threads, kept warm; default min(2, available cores). */
  workers: number;
  /** Jobs running at once; the rest wait in a queue (default: one per worker). */
  maxConcurrent: number;
  /** Queued + running jobs allowed, in all and per token (default: from the environment). */
  limits?: QueueLimits;
  /** What one job may cost (default: from the environment). */
  costs?: CostLimits;
  /** Split runs smaller than this go on the calling thread: starting work on a worker costs more. */
  minTrialsForWorkers: number;
  /** Each worker runs a small case at start-up so the first real job is fast (the server); the CLI skips it. */
  warmUp: boolean;
  /** Start the threads on first use instead of at once (the CLI: a small run never needs them). */
  lazy: boolean;
}

/** Threads when the caller does not say: two, or one on a single core. */
export const DEFAULT_WORKERS = Math.max(1, Math.min(2, availableParallelism()));
