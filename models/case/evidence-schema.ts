import { z } from 'zod';

/**
 * Where evidence was taken: under production conditions, in a similar setting, or
 * curated (cleaned, selected or hand-held, as pilots often are). Less representative
 * evidence counts for less (see `REPRESENTATIVENESS_FACTORS` in models/evidence/).
 *
 * @example
 * REPRESENTATIVENESS[2] // 'curated'
 */
export const REPRESENTATIVENESS = ['production', 'similar', 'curated'] as const;
export type Representativeness = (typeof REPRESENTATIVENESS)[number];

/** At most this many raw observations on one input (a summary carries any n). */
export const MAX_OBSERVATIONS = 100_000;

/** The message when evidence gives none or several of its three kinds. */
export const EVIDENCE_KIND_MESSAGE = 'give exactly one of observations, summary or proportion';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
const text = z.string().max(10_000);

/**
 * The fields of `inputs.NAME.evidence`, without the "exactly one kind" rule (drafts take
 * them partial). Values are only type-checked here; what a value means for its input
 * (sd ≤ 0, n < 2, successes > trials, observations outside the input's support) is
 * checked by `checkEvidence` in models/evidence/, which names the field.
 */
export const evidenceShape = {
  /** Raw measurements of the quantity, one number each. */
  observations: z
    .array(z.number())
    .min(1)
    .refine((values) => values.length <= MAX_OBSERVATIONS, { error: `at most ${MAX_OBSERVATIONS.toLocaleString('en')} observations` })
    .optional(),
  /** A summary of n measurements: their mean and sample standard deviation. */
  summary: z.strictObject({ n: z.number(), mean: z.number(), sd: z.number() }).optional(),
  /** A count: `successes` of `trials`, for an input that is a share (0..1). */
  proportion: z.strictObject({ successes: z.number(), trials: z.number() }).optional(),
  representativeness: z.enum(REPRESENTATIVENESS),
  /** When the measurement was taken (YYYY-MM-DD). */
  takenOn: isoDate,
  /** Who took it. */
  takenBy: text.min(1),
  note: text.optional(),
};

/**
 * Measurements of one input (issue 20): exactly one of raw `observations`, a `summary`
 * or a `proportion`, with where, when and by whom they were taken. The input's stated
 * range stays its prior; the simulation samples the distribution updated by this.
 *
 * @example
 * evidenceSchema.parse({ summary: { n: 40, mean: 1.2, sd: 0.9 }, representativeness: 'curated', takenOn: '2026-03-31', takenBy: 'WFM' })
 */
export const evidenceSchema = z
  .strictObject(evidenceShape)
  .refine((e) => [e.observations, e.summary, e.proportion].filter((kind) => kind !== undefined).length === 1, {
    error: EVIDENCE_KIND_MESSAGE,
  });

export type Evidence = z.infer<typeof evidenceSchema>;

/**
 * What a measurement of n observations of one input would cost: a fixed part plus a part
 * per observation (for EVSI). Distinct from `measurementCost`, the cost of measuring the
 * input well enough to know it (EVPPI).
 *
 * @example
 * samplingCostSchema.parse({ fixed: 5000, perObservation: 40 })
 */
export const samplingCostSchema = z.strictObject({
  fixed: z.number().finite().nonnegative(),
  perObservation: z.number().finite().nonnegative(),
});

export type SamplingCost = z.infer<typeof samplingCostSchema>;
