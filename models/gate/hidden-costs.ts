import type { CostCategory } from '../case/cost-categories.ts';

/** A cost category the case leaves empty, flagged as a likely hidden cost. */
export interface HiddenCostFlag {
  category: CostCategory;
  label: string;
  note: string;
}

/** A cost category with no cost that the case answers "none", with its reason. */
export interface NoCostAnswer {
  category: CostCategory;
  label: string;
  reason: string;
  note: string;
}

/** The case's explicit "none" answers: category → reason (the schema's `noCostReasons`). */
export type NoCostReasons = Partial<Record<CostCategory, string>>;

/**
 * Flags the taxonomy categories with no cost as likely hidden costs: production AI
 * needs integration, data work, security, monitoring and the rest, so an empty
 * category is more often unpriced than free. 'other' is not flagged: it is a
 * catch-all, not a cost every deployment has. A category the case answers "none"
 * with a reason (`noCostReasons`) is an answer, not a gap, so it is not flagged.
 *
 * @example
 * hiddenCostFlags([{ category: 'monitoring', label: 'Monitoring & evaluation' }])[0].note
 * // 'Monitoring & evaluation: no cost priced in the case; likely a hidden cost'
 * hiddenCostFlags([{ category: 'security', label: 'Security & privacy' }], { security: 'existing ISO 27001 process' }) // []
 */
export function hiddenCostFlags(missing: readonly { category: CostCategory; label: string }[], reasons: NoCostReasons = {}): HiddenCostFlag[] {
  return missing
    .filter((row) => row.category !== 'other' && !hasReason(reasons, row.category))
    .map((row) => ({ category: row.category, label: row.label, note: `${row.label}: no cost priced in the case; likely a hidden cost` }));
}

/**
 * The categories with no cost that the case answers "none", with the reason given, in
 * taxonomy order. A reason for a category that does have a cost is not listed: the
 * cost line is the answer.
 *
 * @example
 * noCostAnswers([{ category: 'security', label: 'Security & privacy' }], { security: 'existing ISO 27001 process' })[0].note
 * // 'Security & privacy: answered "none": existing ISO 27001 process'
 */
export function noCostAnswers(missing: readonly { category: CostCategory; label: string }[], reasons: NoCostReasons = {}): NoCostAnswer[] {
  return missing
    .filter((row) => hasReason(reasons, row.category))
    .map((row) => {
      const reason = (reasons[row.category] as string).trim();
      return { category: row.category, label: row.label, reason, note: `${row.label}: answered "none": ${reason}` };
    });
}

function hasReason(reasons: NoCostReasons, category: CostCategory): boolean {
  return Object.hasOwn(reasons, category) && (reasons[category]?.trim() ?? '') !== '';
}
