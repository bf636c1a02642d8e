import type { Representativeness } from '../case/evidence-schema.ts';

/** Effective-sample-size factor per representativeness: evidence of n counts as factor·n observations. */
export type RepresentativenessFactors = Readonly<Record<Representativeness, number>>;

/**
 * The default factors: production evidence counts in full, evidence from a similar
 * setting for half, curated evidence (cleaned, selected, hand-held) for a quarter.
 * A portfolio may pass its own (each in (0, 1]).
 *
 * @example
 * REPRESENTATIVENESS_FACTORS.curated * 40 // 10: forty curated observations count as ten
 */
export const REPRESENTATIVENESS_FACTORS: RepresentativenessFactors = Object.freeze({ production: 1, similar: 0.5, curated: 0.25 });
