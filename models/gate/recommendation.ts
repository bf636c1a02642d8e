/**
 * What the gate can recommend, from the most to the least committal.
 *
 * @example
 * RECOMMENDATIONS.includes('stop') // true
 */
export const RECOMMENDATIONS = ['scale', 'redesign', 'stop', 'keepAsResearch'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/**
 * Human labels for the recommendations, as a board reads them.
 *
 * @example
 * RECOMMENDATION_LABELS.keepAsResearch // 'Keep as research'
 */
export const RECOMMENDATION_LABELS = {
  scale: 'Scale',
  redesign: 'Redesign',
  stop: 'Stop',
  keepAsResearch: 'Keep as research',
} as const satisfies Record<Recommendation, string>;
