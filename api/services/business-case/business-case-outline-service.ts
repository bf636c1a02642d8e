import type { TornadoResult } from '../../../models/analysis/tornado-analysis.ts';
import type { VoiResult } from '../../../models/analysis/value-of-information.ts';
import { caseSchema } from '../../../models/case/case-schema.ts';
import type { GateResult } from '../../../models/gate/evaluate-gate.ts';
import { businessCaseOutline } from '../../../models/report/business-case-outline.ts';
import type { BusinessCaseOutline } from '../../../models/report/outline-types.ts';
import type { AnalysisKind } from '../../jobs/job-types.ts';
import { ApiError } from '../../server/problem.ts';
import type { Services } from '../../server/services.ts';
import { listAnalyses } from '../analysis-store.ts';
import type { CaseRecord } from '../case-store.ts';
import { listDecisions } from '../decision-store.ts';
import { latestSucceededRun, runAnalysisJob, runDocument } from '../latest-run.ts';
import type { RunRecord } from '../run-store.ts';

/** A stored analysis of the run (default parameters: NPV), or one computed now in the worker pool and not stored (a viewer's read never writes). */
async function analysis<T>(services: Services, document: unknown, run: RunRecord, kind: AnalysisKind, owner: string): Promise<T> {
  const stored = (await listAnalyses(services.db, run.id, kind)).find((row) => !row.params?.output || row.params.output === 'npv');
  if (stored) return stored.result as T;
  return runAnalysisJob<T>(services, document, run, kind, owner);
}

/**
 * The business case outline of a case's latest succeeded run: the run's case version, its
 * summary, and the gate, tornado and value-of-information analyses (stored ones first).
 * 409 when the case has no succeeded run, 422 when that version no longer validates.
 *
 * @example
 * const outline = await caseOutline(services, record, principal.name);
 */
export async function caseOutline(
  services: Services,
  record: CaseRecord,
  owner: string,
): Promise<{ outline: BusinessCaseOutline; run: RunRecord; locale: string }> {
  const run = await latestSucceededRun(services.db, record.id);
  if (!run?.summary) {
    throw new ApiError(
      409,
      `case ${record.id} has no succeeded run yet: the business case is built from a run; run it first (POST /api/cases/${record.id}/runs)`,
    );
  }
  const document = await runDocument(services.db, record, run);
  const parsed = caseSchema.safeParse(document);
  if (!parsed.success) throw new ApiError(422, `case version ${run.caseVersion} of the latest run no longer validates; run the current version first`);
  const [gate, tornado, voi, decisions] = await Promise.all([
    analysis<GateResult>(services, document, run, 'gate', owner),
    analysis<TornadoResult>(services, document, run, 'tornado', owner),
    analysis<VoiResult>(services, document, run, 'voi', owner),
    listDecisions(services.db, record.id),
  ]);
  const latest = decisions.at(-1);
  const outline = businessCaseOutline({
    case: parsed.data,
    caseId: record.id,
    run,
    summary: run.summary,
    gate,
    tornado,
    voi,
    decision: latest ? { decision: latest.decision, takenBy: latest.takenBy, takenAt: latest.takenAt, rationale: latest.rationale } : null,
  });
  return { outline, run, locale: parsed.data.locale ?? 'en-GB' };
}
