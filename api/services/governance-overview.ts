import type { EuAiActCategory } from '../../models/case/governance-schema.ts';
import { resolveDecisionRules } from '../../models/gate/decision-rules.ts';
import { resolveGovernance, type ResolvedGovernance } from '../../models/governance/case-governance.ts';
import { lifecycleOf, type Lifecycle } from '../../models/governance/lifecycle.ts';
import type { Recommendation } from '../../models/gate/recommendation.ts';
import type { Queryable } from '../storage/database.ts';
import type { CaseRecord } from './case-store.ts';
import { governedDocument, type GovernedDocument } from './case-governance.ts';
import { getRiskTiers } from './governance-settings.ts';
import { getPortfolioRules } from './portfolio-rules.ts';
import { DEFAULT_REVIEW_EVERY_MONTHS, nextReviewDate } from './post-launch-reviews.ts';

/** The governance facts of one case: tier, category, lifecycle and, when scaled, the review cadence. */
export interface CaseGovernanceFacts {
  governance: ResolvedGovernance;
  riskTier: string;
  euAiActCategory: EuAiActCategory;
  lifecycle: Lifecycle;
  /** The latest decision with its id (registry links). */
  latestDecision: { id: string; decision: Recommendation; takenAt: string } | null;
  retired: boolean;
  reviewEveryMonths: number;
  /** The next post-launch review of a scaled case (YYYY-MM-DD), else null. */
  nextReviewOn: string | null;
}

const iso = (value: unknown): string | null => (value ? new Date(value as string).toISOString() : null);

/**
 * How often a scaled case is reviewed: the case's own `postLaunch.reviewEveryMonths`, then its
 * tier's when it has a governance section, then the portfolio's rule, then 3 months.
 *
 * @example
 * reviewEveryMonths(document, governance, portfolioRule) // 1 for a high-tier case
 */
export function reviewEveryMonths(
  document: GovernedDocument & { postLaunch?: { reviewEveryMonths?: number } },
  governance: ResolvedGovernance,
  portfolio?: number,
): number {
  return (
    document.postLaunch?.reviewEveryMonths ??
    (document.governance ? governance.riskTier.rules.reviewEveryMonths : undefined) ??
    portfolio ??
    DEFAULT_REVIEW_EVERY_MONTHS
  );
}

/**
 * The governance facts of every given case in a few set-based queries.
 *
 * @example
 * const facts = await governanceFacts(db, records, new Date());
 * facts.get(id)?.lifecycle.stage // 'gateReview'
 */
export async function governanceFacts(db: Queryable, records: CaseRecord[], now: Date): Promise<Map<string, CaseGovernanceFacts>> {
  const tiers = await getRiskTiers(db);
  const portfolio = (await getPortfolioRules(db)).postLaunch.reviewEveryMonths;
  const byCase = async (sql: string) => new Map((await db.query<Record<string, unknown>>(sql)).rows.map((row) => [String(row.case_id), row]));
  const retired = await byCase('SELECT id AS case_id, retired_at FROM cases WHERE retired_at IS NOT NULL');
  const runs = await byCase(
    `SELECT DISTINCT ON (case_id) case_id, finished_at FROM runs WHERE status = 'succeeded' ORDER BY case_id, finished_at DESC NULLS LAST`,
  );
  const gates = await byCase(
    `SELECT DISTINCT ON (r.case_id) r.case_id, a.created_at FROM analyses a JOIN runs r ON r.id = a.run_id WHERE a.kind = 'gate' ORDER BY r.case_id, a.created_at DESC`,
  );
  const decisions = await byCase('SELECT DISTINCT ON (case_id) case_id, id, decision, taken_at FROM decisions ORDER BY case_id, taken_at DESC, id');
  const actuals = await byCase('SELECT case_id, max(month) AS month FROM actual_values GROUP BY case_id');
  const result = new Map<string, CaseGovernanceFacts>();
  for (const record of records) {
    const document = governedDocument(record.document) as GovernedDocument & { postLaunch?: { reviewEveryMonths?: number } };
    const governance = resolveGovernance(document, tiers);
    const decision = decisions.get(record.id);
    const latestDecision = decision ? { id: String(decision.id), decision: decision.decision as Recommendation, takenAt: iso(decision.taken_at)! } : null;
    const every = reviewEveryMonths(document, governance, portfolio);
    const lastMonth = (actuals.get(record.id)?.month as string | undefined)?.trim() ?? null;
    const nextReviewOn =
      latestDecision?.decision === 'scale' ? nextReviewDate(new Date(latestDecision.takenAt), every, lastMonth).toISOString().slice(0, 10) : null;
    let driftDays: number;
    try {
      driftDays = resolveDecisionRules(document.decisionRules).driftDays;
    } catch {
      driftDays = resolveDecisionRules().driftDays;
    }
    const lifecycle = lifecycleOf({
      createdAt: record.createdAt,
      succeededRunAt: runs.has(record.id) ? (iso(runs.get(record.id)!.finished_at) ?? record.createdAt) : null,
      lastGateAt: iso(gates.get(record.id)?.created_at),
      latestDecision: latestDecision && { decision: latestDecision.decision, takenAt: latestDecision.takenAt },
      retiredAt: iso(retired.get(record.id)?.retired_at),
      nextReviewOn,
      driftDays,
      now: now.toISOString(),
    });
    result.set(record.id, {
      governance,
      riskTier: governance.riskTier.value,
      euAiActCategory: governance.euAiActCategory.value,
      lifecycle,
      latestDecision,
      retired: retired.has(record.id),
      reviewEveryMonths: every,
      nextReviewOn,
    });
  }
  return result;
}
