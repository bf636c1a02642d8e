/**
 * The full production-cost taxonomy. A pilot that shows no cost in one of these
 * categories has probably not priced it, so the gate flags empty categories.
 *
 * @example
 * COST_CATEGORIES.includes('integration') // true
 */
export const COST_CATEGORIES = [
  'integration',
  'data',
  'security',
  'infrastructure',
  'training',
  'monitoring',
  'maintenance',
  'governance',
  'management',
  'other',
] as const;

export type CostCategory = (typeof COST_CATEGORIES)[number];

/**
 * Human labels for the categories, as they appear in reports.
 *
 * @example
 * COST_CATEGORY_LABELS.data // 'Data (preparation, quality, ownership)'
 */
export const COST_CATEGORY_LABELS = {
  integration: 'Integration',
  data: 'Data (preparation, quality, ownership)',
  security: 'Security & privacy',
  infrastructure: 'Infrastructure & inference',
  training: 'Training & change management',
  monitoring: 'Monitoring & evaluation',
  maintenance: 'Maintenance (model, prompt, version upkeep)',
  governance: 'Governance, risk & legal',
  management: 'Manager & expert time',
  other: 'Other',
} as const satisfies Record<CostCategory, string>;
