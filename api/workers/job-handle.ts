import type { Release } from '../jobs/job-admission.ts';

/** What a submitter may attach to a job. */
export interface SubmitHooks {
  onProgress?: (done: number, total: number) => void;
  onStart?: () => void;
  /** The token's name: counts against its queue bound (omit for the server's own work). */
  owner?: string;
  /** A place already taken with `admission.acquire` (so a run's row is only written once admitted). */
  admitted?: Release;
}

/**
 * Why a job failed, as the worker reported it.
 *
 * @example
 * if (error instanceof JobError && error.name === 'AbortError') status = 'cancelled';
 */
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
