import type { PointEstimate } from '../../models/engine/point-estimate.ts';
import type { RunSummary } from '../../models/engine/summarize-run.ts';
import { ENGINE_VERSION } from '../../models/formula/compile-case.ts';
import { requireAffordable, runCost } from '../jobs/job-cost.ts';
import type { RunSettings } from '../jobs/job-types.ts';
import type { Services } from '../server/services.ts';
import type { CaseRecord } from './case-store.ts';
import { getVersion } from './case-store.ts';
import { insertRun, markEnded, markRunning, markSucceeded, type RunRecord } from './run-store.ts';

/**
 * Starts a run of one case version in the job pool and records every state change.
 * Returns the queued run and a promise that settles when it ends. Refuses, before
 * writing anything, a run above the cost bound (422) or beyond the queue bound (429).
 *
 * @example
 * const { run, finished } = await startRun(services, record, 2, { trials: 10_000, seed: 1, sampling: 'lhs' }, 'alice');
 */
export async function startRun(
  services: Services,
  record: CaseRecord,
  version: number,
  settings: RunSettings,
  createdBy: string,
): Promise<{ run: RunRecord; finished: Promise<void> }> {
  const stored = version === record.currentVersion ? { document: record.document, hash: record.hash } : await getVersion(services.db, record.id, version);
  if (!stored) throw new Error(`no version ${version}`);
  requireAffordable(runCost(stored.document, settings.trials), services.jobs.costLimits.modelRunMonths, '/trials');
  const admitted = services.jobs.admission.acquire(createdBy);
  // Queue mode: the run's shards go to pg-boss; workers record every state change.
  if (services.queue)
    return services.queue.startRun({ record, version, stored: { document: stored.document, hash: stored.hash }, settings, createdBy, admitted });
  let run: RunRecord;
  try {
    run = await insertRun(services.db, { caseId: record.id, caseVersion: version, caseHash: stored.hash, settings, engineVersion: ENGINE_VERSION, createdBy });
  } catch (error) {
    admitted();
    throw error;
  }
  const handle = services.jobs.submit<{ summary: RunSummary; pointEstimate: PointEstimate }>(
    { type: 'simulate', document: stored.document, settings },
    {
      admitted,
      onStart: () => {
        void markRunning(services.db, run.id).then(() => services.runs.reportStatus(run.id, 'running'));
      },
      onProgress: (done, total) => services.runs.reportProgress(run.id, done, total),
    },
  );
  services.runs.track(run.id, handle, settings.trials);
  const finished = handle.result.then(
    async (result) => {
      await markSucceeded(services.db, run.id, result.summary, result.pointEstimate);
      services.runs.reportStatus(run.id, 'succeeded');
    },
    async (error: Error) => {
      const cancelled = error.name === 'AbortError';
      await markEnded(services.db, run.id, cancelled ? 'cancelled' : 'failed', cancelled ? 'cancelled' : error.message);
      services.runs.reportStatus(run.id, cancelled ? 'cancelled' : 'failed');
    },
  );
  return { run, finished };
}
