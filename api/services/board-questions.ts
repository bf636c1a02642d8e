import type { BusinessCase } from '../../models/case/case-schema.ts';
import { validateCase } from '../../models/compile/validate-case.ts';
import type { BoardQuestions, CaseListItem, StoppedCase } from '../../models/contract/resources.ts';
import { durableChanges } from '../../models/pipeline/actuals-report.ts';
import type { Queryable } from '../storage/database.ts';
import { actualsReport } from './actuals-report-service.ts';
import { getPortfolioRules, withPortfolioRules } from './portfolio-rules.ts';
import { getRiskTiers } from './governance-settings.ts';
import { resolveGovernance } from '../../models/governance/case-governance.ts';
import type { ActualValueRecord } from '../../models/contract/actuals-resources.ts';
import { listCases } from './case-store.ts';

/** Series whose actuals are money: a benefit line, a cost category, net cash flow. */
export const isMoneySeries = (series: string): boolean => series === 'net' || series.startsWith('benefit:') || series.startsWith('cost:');

/** What the board questions read, gathered in a few set-based queries. */
export interface BoardFacts {
  items: CaseListItem[];
  /** Validated current case documents, by case id (drafts that do not validate are absent). */
  cases: Map<string, BusinessCase>;
  /** Current actuals, by case id. */
  actuals: Map<string, ActualValueRecord[]>;
  /** Cases with a stored gate analysis (on any run) that recommended stop or redesign, with that recommendation. */
  gateAgainst: Map<string, string>;
  /** The latest decision of each case, with its run's mean PV of costs. */
  latest: Map<string, { runId: string; recommendation: string | null; pvCostsMean: number | null }>;
}

/**
 * Loads the facts the board questions rest on.
 *
 * @example
 * const facts = await boardFacts(db, items);
 */
export async function boardFacts(db: Queryable, items: CaseListItem[]): Promise<BoardFacts> {
  const ids = new Set(items.map((item) => item.id));
  const cases = new Map<string, BusinessCase>();
  const { postLaunch: rules } = await getPortfolioRules(db);
  const tiers = await getRiskTiers(db);
  for (const record of await listCases(db, { includeArchived: false })) {
    if (!ids.has(record.id)) continue;
    const validated = validateCase(record.document);
    // A governed case's tier sets its review cadence over the portfolio's (issue 18); the case's own field still wins.
    const tierEvery = validated.ok && validated.case.governance ? resolveGovernance(validated.case, tiers).riskTier.rules.reviewEveryMonths : undefined;
    if (validated.ok) cases.set(record.id, withPortfolioRules(validated.case, tierEvery ? { ...rules, reviewEveryMonths: tierEvery } : rules));
  }
  const actualRows = await db.query<Record<string, unknown>>(
    'SELECT case_id, month, series, value, note, recorded_by, recorded_at FROM actual_values ORDER BY case_id, month, series',
  );
  const actuals = new Map<string, ActualValueRecord[]>();
  for (const row of actualRows.rows) {
    const list = actuals.get(String(row.case_id)) ?? [];
    list.push({
      month: String(row.month),
      series: String(row.series),
      value: Number(row.value),
      note: (row.note as string | null) ?? null,
      recordedBy: String(row.recorded_by),
      recordedAt: new Date(row.recorded_at as string).toISOString(),
    });
    actuals.set(String(row.case_id), list);
  }
  const gates = await db.query<{ case_id: string; recommendation: string }>(
    `SELECT DISTINCT ON (r.case_id) r.case_id, a.recommendation FROM analyses a JOIN runs r ON r.id = a.run_id
     WHERE a.kind = 'gate' AND a.recommendation IN ('stop', 'redesign') ORDER BY r.case_id, a.created_at DESC`,
  );
  const latestRows = await db.query<Record<string, unknown>>(
    `SELECT DISTINCT ON (d.case_id) d.case_id, d.run_id, d.recommendation, r.pv_costs_mean FROM decisions d JOIN runs r ON r.id = d.run_id
     ORDER BY d.case_id, d.taken_at DESC, d.id`,
  );
  return {
    items,
    cases,
    actuals,
    gateAgainst: new Map(gates.rows.map((row) => [String(row.case_id), String(row.recommendation)])),
    latest: new Map(
      latestRows.rows.map((row) => [
        String(row.case_id),
        {
          runId: String(row.run_id),
          recommendation: (row.recommendation as string | null) ?? null,
          pvCostsMean: row.pv_costs_mean === null ? null : Number(row.pv_costs_mean),
        },
      ]),
    ),
  };
}

const answer = (caseIds: string[]) => ({ count: caseIds.length, caseIds });

/**
 * A case that passed its production gate: its latest decision is scale, or its latest gate
 * analysis recommended scale with all six readiness gates met.
 *
 * @example
 * passedGate(item) // true for a scaled case
 */
export function passedGate(item: CaseListItem): boolean {
  return item.latestDecision?.decision === 'scale' || (item.recommendation === 'scale' && item.gateStatus === 'met');
}

/**
 * Whether the case's actuals fell below its forecast: a series flagged for re-gating whose
 * flagged months all lie below the forecast's P10 (PIT < 0.1). Computes the actuals report
 * against the latest succeeded run, so it is asked only of stopped cases with actuals and no gate evidence.
 *
 * @example
 * await actualsBelowForecast(db, caseId) // 'Benefit: clerk time below the forecast's P10 in 2026-09, 2026-10'
 */
export async function actualsBelowForecast(db: Queryable, caseId: string): Promise<string | null> {
  try {
    const report = await actualsReport(db, caseId);
    for (const series of report.series) {
      if (!series.regate.flagged) continue;
      const flagged = series.observations.filter((o) => series.regate.months.includes(o.month));
      if (flagged.length > 0 && flagged.every((o) => o.pit !== null && o.pit < 0.1)) {
        return `actuals of ${series.label} fell below the forecast's P10 in ${series.regate.months.join(', ')}`;
      }
    }
  } catch {
    // No succeeded run, or a version that no longer validates: no evidence from actuals.
  }
  return null;
}

/**
 * The stopped cases with their reason, evidence and expected production cost avoided.
 *
 * @example
 * const stopped = await stoppedCases(db, facts);
 */
export async function stoppedCases(db: Queryable, facts: BoardFacts): Promise<StoppedCase[]> {
  const out: StoppedCase[] = [];
  for (const item of facts.items) {
    const decision = item.latestDecision;
    if (decision?.decision !== 'stop') continue;
    const latest = facts.latest.get(item.id);
    const gate = facts.gateAgainst.get(item.id) ?? (['stop', 'redesign'].includes(latest?.recommendation ?? '') ? latest!.recommendation : null);
    let evidence: string | null = gate ? `a stored run's gate recommended ${gate === 'stop' ? 'stopping' : 'redesign'}` : null;
    const rows = facts.actuals.get(item.id) ?? [];
    if (!evidence && decision.reasonCategory && rows.length > 0) evidence = await actualsBelowForecast(db, item.id);
    const spent = rows.filter((row) => row.series.startsWith('cost:')).reduce((sum, row) => sum + row.value, 0);
    const pv = latest?.pvCostsMean ?? null;
    out.push({
      id: item.id,
      name: item.name,
      rationale: decision.rationale,
      takenAt: decision.takenAt,
      reasonCategory: decision.reasonCategory,
      evidence,
      goodReason: decision.reasonCategory !== null && evidence !== null,
      currency: item.currency,
      costAvoided: pv === null ? null : Math.max(0, pv - spent),
    });
  }
  return out;
}

/**
 * Whether any baseline metric of the case shows a durable change (`isDurableChange` with the
 * case's `postLaunch` thresholds).
 *
 * @example
 * hasDurableChange(bc, rows) // true
 */
export function hasDurableChange(bc: BusinessCase, rows: readonly ActualValueRecord[]): boolean {
  try {
    return durableChanges(bc, rows).some((change) => change.durable);
  } catch {
    return false;
  }
}

/**
 * The board's four questions, each as the cases that answer yes (definitions in docs/methods.md).
 *
 * @example
 * const questions = boardQuestions(facts, stopped);
 */
export function boardQuestions(facts: BoardFacts, stopped: StoppedCase[]): BoardQuestions {
  const ids = (keep: (item: CaseListItem) => boolean) => facts.items.filter(keep).map((item) => item.id);
  const good = new Set(stopped.filter((s) => s.goodReason).map((s) => s.id));
  return {
    passedGates: answer(ids(passedGate)),
    stoppedForGoodReasons: answer(ids((item) => good.has(item.id))),
    measuredPostLaunchValue: answer(
      ids((item) => item.latestDecision?.decision === 'scale' && (facts.actuals.get(item.id) ?? []).some((row) => isMoneySeries(row.series))),
    ),
    durableProcessChange: answer(
      ids((item) => {
        const bc = facts.cases.get(item.id);
        const rows = facts.actuals.get(item.id);
        return Boolean(bc && rows?.length && hasDurableChange(bc, rows));
      }),
    ),
  };
}
