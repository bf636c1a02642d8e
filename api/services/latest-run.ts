import type { AnalysisKind, RunSettings } from '../jobs/job-types.ts';
import { ApiError } from '../server/problem.ts';
import type { Services } from '../server/services.ts';
import { JobError } from '../workers/worker-pool.ts';
import { getVersion, type CaseRecord } from './case-store.ts';
import { getRun, runSettings, type RunRecord } from './run-store.ts';

/*
 * What the read-only documents of a case (the workbook, the business case) are built from:
 * its newest succeeded run, that run's case version, and analyses of it computed in the
 * worker pool and not stored (a viewer's download must not write).
 */

/**
 * The case's newest succeeded run with its summary, or null when it has none.
 *
 * @example
 * const run = await latestSucceededRun(db, caseId);
 */
export async function latestSucceededRun(db: Services['db'], caseId: string): Promise<RunRecord | null> {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM runs WHERE case_id = $1 AND status = 'succeeded' ORDER BY created_at DESC, id LIMIT 1`, [
    caseId,
  ]);
  return rows[0] ? getRun(db, String(rows[0].id)) : null;
}

/**
 * The run's case version document: the record's own when the run is on the current version.
 *
 * @example
 * const document = await runDocument(db, record, run);
 */
export async function runDocument(db: Services['db'], record: CaseRecord, run: RunRecord): Promise<unknown> {
  if (run.caseVersion === record.currentVersion) return record.document;
  const version = await getVersion(db, record.id, run.caseVersion);
  if (!version) throw new ApiError(404, `case ${record.id} has no version ${run.caseVersion}`);
  return version.document;
}

/**
 * One analysis (default parameters: NPV) of a run's case version in the worker pool, never
 * on the event loop; 422 when the version no longer validates or the analysis fails.
 *
 * @example
 * const tornado = await runAnalysisJob<TornadoResult>(services, document, run, 'tornado', owner);
 */
export async function runAnalysisJob<T>(services: Services, document: unknown, run: RunRecord, kind: AnalysisKind, owner: string): Promise<T> {
  const settings: RunSettings = runSettings(run);
  // async: a queue bound reached by the second job rejects, rather than throwing past the first one's promise.
  return services.jobs
    .submit<T>({ type: 'analysis', document, settings, kind, params: {}, today: services.now().toISOString().slice(0, 10) }, { owner })
    .result.catch((error: unknown) => {
      if (error instanceof JobError && (error.name === 'InvalidCase' || error.name === 'AnalysisError')) {
        throw new ApiError(422, `the ${kind} analysis of case version ${run.caseVersion} failed: ${error.message}`);
      }
      throw error;
    });
}
