import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
const text = z.string().max(10_000);

/**
 * A widening (or, below 1, a narrowing) applied to the stated range from the estimator's calibration record: the
 * factor, when and by whom. The range in `distribution` is already the widened one.
 *
 * @example
 * widenedSchema.parse({ factor: 1.9, appliedOn: '2026-05-04', appliedBy: 'Finance BP' })
 */
export const widenedSchema = z.strictObject({
  factor: z.number().finite().positive().max(100),
  appliedOn: isoDate,
  appliedBy: text.min(1),
});

/** The fields of `inputs.NAME.estimate`; drafts take them partial. */
export const estimateShape = {
  /** The person who gave the 90 % range (distinct from `source`, where the figure comes from). */
  by: text.min(1),
  /** When the range was given (YYYY-MM-DD). */
  on: isoDate,
  widened: widenedSchema.optional(),
};

/**
 * Who gave an input's 90 % range and when (issue 20, estimator calibration), and whether
 * the range was widened by that estimator's factor.
 *
 * @example
 * estimateSchema.parse({ by: 'Ana Ruiz', on: '2026-01-15' })
 */
export const estimateSchema = z.strictObject(estimateShape);

export type Estimate = z.infer<typeof estimateSchema>;
