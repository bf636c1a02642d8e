import type { JobRequest } from '../jobs/job-types.ts';
import { WorkerPool, type JobHandle, type SubmitHooks, type WorkerPoolOptions } from '../workers/worker-pool.ts';
import type { QueueService } from './queue-service.ts';

/** Whole jobs that go to the queue's workers; per-trial CSV recomputation streams from the API's own threads. */
const QUEUED_TYPES = new Set<JobRequest['type']>(['analysis', 'compare', 'evidence', 'evsi', 'portfolio', 'simulate']);

/**
 * The API's job pool in queue mode: the same admission bound (429) and cost limits, but
 * analyses, comparisons and portfolio fans run on `valuegate worker` processes through
 * pg-boss. Its own threads start only when a trials.csv needs them.
 *
 * @example
 * services.jobs = new QueuedWorkerPool(queue, { workers: 2, lazy: true });
 */
export class QueuedWorkerPool extends WorkerPool {
  constructor(
    private readonly queueService: QueueService,
    options: Partial<WorkerPoolOptions> = {},
  ) {
    super({ ...options, lazy: true });
  }

  override submit<T>(request: JobRequest, hooks: SubmitHooks = {}): JobHandle<T> {
    if (!QUEUED_TYPES.has(request.type)) return super.submit(request, hooks);
    const admitted = hooks.admitted ?? this.admission.acquire(hooks.owner);
    return this.queueService.submit<T>(request, { ...hooks, admitted });
  }
}
