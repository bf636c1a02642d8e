import type { Services } from '../server/services.ts';
import { ApiError } from '../server/problem.ts';
import { getCase, type CaseRecord } from '../services/case-store.ts';
import { getRun, type RunRecord } from '../services/run-store.ts';

/**
 * The case, or 404.
 *
 * @example
 * const record = await requireCase(db, id);
 */
export async function requireCase(db: Parameters<typeof getCase>[0], id: string): Promise<CaseRecord> {
  const record = await getCase(db, id);
  if (!record) throw new ApiError(404, `no case ${id}`);
  return record;
}

/**
 * The run, or 404.
 *
 * @example
 * const run = await requireRun(services, id);
 */
export async function requireRun(services: Services, id: string, withSummary = true): Promise<RunRecord> {
  const run = await getRun(services.db, id, withSummary);
  if (!run) throw new ApiError(404, `no run ${id}`);
  return run;
}
