import type { CostCategory } from '../case/cost-categories.ts';

/** A cost category the case leaves empty, flagged as a likely hidden cost. */
export interface HiddenCostFlag {
  category: CostCategory;
  label: string;
  note: string;
}

/**
 * Flags the taxonomy categories with no cost as likely hidden costs: production AI
 * needs integration, data work, security, monitoring and the rest, so an empty
 * category is more often unpriced than free. 'other' is not flagged: it is a
 * catch-all, not a cost every deployment has.
 *
 * @example
 * hiddenCostFlags([{ category: 'monitoring', label: 'Monitoring & evaluation' }])[0].note
 * // 'Monitoring & evaluation: no cost priced in the case; likely a hidden cost'
 */
export function hiddenCostFlags(missing: readonly { category: CostCategory; label: string }[]): HiddenCostFlag[] {
  return missing
    .filter((row) => row.category !== 'other')
    .map((row) => ({ category: row.category, label: row.label, note: `${row.label}: no cost priced in the case; likely a hidden cost` }));
}
