import type { JobRequest } from '../jobs/job-types.ts';
import type { ChunkTask, ChunkTaskMessage } from './chunk-tasks.ts';

/**
 * What the pool sends a worker: a whole job (one worker runs it, see api/jobs/job-worker.ts),
 * or its share of one split run (every worker claims chunks, see chunk-tasks.ts).
 */
export type JobAssignment = { jobId: number; request: JobRequest; cancel: Int32Array };
export type PoolWork = JobAssignment | ChunkTask;

/** Messages from a worker about a job. */
export type JobMessage =
  | { jobId: number; type: 'progress'; done: number; total: number }
  | { jobId: number; type: 'result'; result: unknown }
  | { jobId: number; type: 'error'; name: string; message: string; field?: string; hint?: string; issues?: unknown };

/** Anything a pool worker posts: job messages carry `jobId`, chunk-task messages `taskId`. */
export type PoolMessage = JobMessage | ChunkTaskMessage;

/** Settings a pool worker starts with (its `workerData`). */
export interface PoolWorkerData {
  /** Run a small case once at start-up so the first real job is as fast as later ones. */
  warmUp: boolean;
}
