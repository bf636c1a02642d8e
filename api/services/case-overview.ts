import type { CaseListItem, LatestRun } from '../../models/contract/resources.ts';
import { caseSchema } from '../../models/case/case-schema.ts';
import type { Recommendation } from '../../models/gate/recommendation.ts';

export type { CaseListItem };
import { readinessStatus, type GateStatus } from '../../models/gate/readiness-status.ts';
import type { Queryable } from '../storage/database.ts';
import { listCases, type CaseRecord } from './case-store.ts';

const numberOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * Overall readiness across the six gates: met when all are met, not started when
 * none has a checklist, not met when any gate is not met or not started, partly otherwise.
 *
 * @example
 * overallGateStatus(['met', 'met', 'partly', 'met', 'met', 'met']) // 'partly'
 */
export function overallGateStatus(statuses: GateStatus[]): GateStatus {
  if (statuses.every((status) => status === 'met')) return 'met';
  if (statuses.every((status) => status === 'notStarted')) return 'notStarted';
  if (statuses.some((status) => status === 'notMet' || status === 'notStarted')) return 'notMet';
  return 'partly';
}

/**
 * Builds the list items for every case in a few set-based queries.
 *
 * @example
 * const items = await caseOverview(db, { includeArchived: false, now: new Date() });
 */
export async function caseOverview(db: Queryable, options: { includeArchived: boolean; now: Date }): Promise<CaseListItem[]> {
  const cases = await listCases(db, { includeArchived: options.includeArchived });
  const latestRuns = await db.query<Record<string, unknown>>(
    `SELECT DISTINCT ON (case_id) case_id, id, status, trials, probability_npv_positive, npv_p50, npv_mean, total_cost_mean, finished_at
     FROM runs ORDER BY case_id, (status = 'succeeded') DESC, created_at DESC`,
  );
  const gates = await db.query<Record<string, unknown>>(
    `SELECT DISTINCT ON (r.case_id) r.case_id, a.recommendation, a.result->>'headline' AS headline
     FROM analyses a JOIN runs r ON r.id = a.run_id WHERE a.kind = 'gate' ORDER BY r.case_id, a.created_at DESC`,
  );
  const decisions = await db.query<Record<string, unknown>>(
    `SELECT DISTINCT ON (case_id) case_id, decision, taken_by, taken_at, rationale FROM decisions ORDER BY case_id, taken_at DESC, id`,
  );
  const actuals = await db.query<{ case_id: string }>('SELECT DISTINCT case_id FROM actual_values');
  const byCase = <T extends Record<string, unknown>>(rows: T[]) => new Map(rows.map((row) => [String(row.case_id), row]));
  const runMap = byCase(latestRuns.rows);
  const gateMap = byCase(gates.rows);
  const decisionMap = byCase(decisions.rows);
  const measured = new Set(actuals.rows.map((row) => row.case_id));
  return cases.map((record) => toItem(record, runMap.get(record.id), gateMap.get(record.id), decisionMap.get(record.id), measured.has(record.id), options.now));
}

function toItem(
  record: CaseRecord,
  run: Record<string, unknown> | undefined,
  gate: Record<string, unknown> | undefined,
  decision: Record<string, unknown> | undefined,
  hasMeasuredValue: boolean,
  now: Date,
): CaseListItem {
  const parsed = caseSchema.safeParse(record.document);
  const statuses = parsed.success ? readinessStatus(parsed.data.readiness).map((gateRow) => gateRow.status) : [];
  const lastDecisionAt = decision ? new Date(decision.taken_at as string) : new Date(record.createdAt);
  return {
    id: record.id,
    name: record.name,
    businessOwner: record.businessOwner,
    sponsor: record.sponsor,
    currency: record.currency,
    locale: record.locale,
    currentVersion: record.currentVersion,
    archived: record.archived,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    latestRun: run
      ? {
          id: String(run.id),
          status: run.status as LatestRun['status'],
          trials: Number(run.trials),
          probabilityNpvPositive: numberOrNull(run.probability_npv_positive),
          npvP50: numberOrNull(run.npv_p50),
          npvMean: numberOrNull(run.npv_mean),
          totalCostMean: numberOrNull(run.total_cost_mean),
          finishedAt: run.finished_at ? new Date(run.finished_at as string).toISOString() : null,
        }
      : null,
    recommendation: (gate?.recommendation as Recommendation | undefined) ?? null,
    recommendationHeadline: (gate?.headline as string | undefined) ?? null,
    gateStatus: statuses.length ? overallGateStatus(statuses) : 'notStarted',
    latestDecision: decision
      ? {
          decision: decision.decision as Recommendation,
          takenBy: String(decision.taken_by),
          takenAt: new Date(decision.taken_at as string).toISOString(),
          rationale: String(decision.rationale),
        }
      : null,
    daysSinceLastDecision: Math.max(0, Math.floor((now.getTime() - lastDecisionAt.getTime()) / 86_400_000)),
    hasMeasuredValue,
  };
}
