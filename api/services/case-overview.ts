import type { CaseListItem, LatestRun, ReasonCategory } from '../../models/contract/resources.ts';
import { caseSchema } from '../../models/case/case-schema.ts';
import { draftSchema } from '../../models/case/draft-schema.ts';
import type { Recommendation } from '../../models/gate/recommendation.ts';

export type { CaseListItem };
import { readinessStatus, type GateStatus } from '../../models/gate/readiness-status.ts';
import type { Queryable } from '../storage/database.ts';
import { listCases, type CaseRecord } from './case-store.ts';
import { governanceFacts } from './governance-overview.ts';

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
    `SELECT DISTINCT ON (case_id) case_id, decision, taken_by, taken_at, rationale, reason_category FROM decisions ORDER BY case_id, taken_at DESC, id`,
  );
  const actuals = await db.query<{ case_id: string }>('SELECT DISTINCT case_id FROM actual_values');
  const versions = await versionFacts(db);
  const byCase = <T extends Record<string, unknown>>(rows: T[]) => new Map(rows.map((row) => [String(row.case_id), row]));
  const runMap = byCase(latestRuns.rows);
  const gateMap = byCase(gates.rows);
  const decisionMap = byCase(decisions.rows);
  const measured = new Set(actuals.rows.map((row) => row.case_id));
  const namesakes = countNames(cases.map((record) => record.name));
  const governance = await governanceFacts(db, cases, options.now);
  return cases.map((record) => ({
    ...toItem(record, runMap.get(record.id), gateMap.get(record.id), decisionMap.get(record.id), measured.has(record.id), options.now),
    owner: record.businessOwner || record.sponsor,
    lastNamedVersion: versions.named.get(record.id) ?? null,
    lastSavedAt: versions.savedAt.get(record.id) ?? record.updatedAt,
    namesakes: (namesakes.get(nameKey(record.name)) ?? 1) - 1,
    stage: governance.get(record.id)!.lifecycle.stage,
    drifting: governance.get(record.id)!.lifecycle.drifting,
    riskTier: governance.get(record.id)!.riskTier,
    euAiActCategory: governance.get(record.id)!.euAiActCategory,
  }));
}

/** How names are compared to find namesakes: ignoring case and surrounding spaces. */
const nameKey = (name: string): string => name.trim().toLowerCase();

function countNames(names: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(nameKey(name), (counts.get(nameKey(name)) ?? 0) + 1);
  return counts;
}

/** Per case: its newest named version, and when its current version was saved. */
async function versionFacts(db: Queryable) {
  const named = await db.query<{ case_id: string; version: number; message: string | null; named_at: Date | null; created_at: Date }>(
    `SELECT DISTINCT ON (case_id) case_id, version, message, named_at, created_at FROM case_versions WHERE named ORDER BY case_id, version DESC`,
  );
  const saved = await db.query<{ case_id: string; created_at: Date }>(
    'SELECT v.case_id, v.created_at FROM case_versions v JOIN cases c ON c.id = v.case_id AND v.version = c.current_version',
  );
  return {
    named: new Map(
      named.rows.map((row) => [
        String(row.case_id),
        { version: Number(row.version), message: row.message ?? '', namedAt: new Date(row.named_at ?? row.created_at).toISOString() },
      ]),
    ),
    savedAt: new Map(saved.rows.map((row) => [String(row.case_id), new Date(row.created_at).toISOString()])),
  };
}

function toItem(
  record: CaseRecord,
  run: Record<string, unknown> | undefined,
  gate: Record<string, unknown> | undefined,
  decision: Record<string, unknown> | undefined,
  hasMeasuredValue: boolean,
  now: Date,
): Omit<CaseListItem, 'owner' | 'lastNamedVersion' | 'lastSavedAt' | 'namesakes' | 'stage' | 'drifting' | 'riskTier' | 'euAiActCategory'> {
  // A draft shows its readiness as far as it goes; it is complete when the case format is (runs re-check formulas).
  const parsed = draftSchema.safeParse(record.document);
  const statuses = parsed.success ? readinessStatus(parsed.data.readiness).map((gateRow) => gateRow.status) : [];
  const complete = caseSchema.safeParse(record.document).success;
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
          reasonCategory: (decision.reason_category as ReasonCategory | null) ?? null,
        }
      : null,
    daysSinceLastDecision: Math.max(0, Math.floor((now.getTime() - lastDecisionAt.getTime()) / 86_400_000)),
    hasMeasuredValue,
    complete,
  };
}
