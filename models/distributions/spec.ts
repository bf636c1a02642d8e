import { z } from 'zod';

/**
 * Optional truncation bounds. Sampling uses the inverse CDF restricted to
 * [cdf(min), cdf(max)], so truncation never rejects samples and stays
 * compatible with Latin Hypercube sampling and Iman–Conover.
 */
export const truncationSchema = z
  .strictObject({
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
  })
  .describe('Truncate the distribution to [min, max]. Either bound may be omitted.');

const finite = z.number().finite();
const positive = z.number().finite().positive();

const base = { truncate: truncationSchema.optional() };

/** A constant: every trial gets `value`. */
export const fixedSpecSchema = z.strictObject({ type: z.literal('fixed'), value: finite, ...base });

/** Continuous uniform on [min, max]: every value in the range is equally likely. */
export const uniformSpecSchema = z.strictObject({ type: z.literal('uniform'), min: finite, max: finite, ...base });

/**
 * Normal. Either `mean` and `sd`, or a 90% credible interval given as its 5th and
 * 95th percentiles `p5`/`p95` (the interval is symmetric around the mean).
 */
export const normalSpecSchema = z.union([
  z.strictObject({ type: z.literal('normal'), mean: finite, sd: positive, ...base }),
  z.strictObject({ type: z.literal('normal'), p5: finite, p95: finite, ...base }),
]);

/**
 * Lognormal. Primary form: a 90% credible interval with the 5th and 95th percentiles
 * `p5`/`p95` (both > 0), as Squiggle's `a to b` and Hubbard's calibrated ranges.
 * Alternative: the `mean` and `sd` of the quantity itself (not of its logarithm).
 */
export const lognormalSpecSchema = z.union([
  z.strictObject({ type: z.literal('lognormal'), p5: positive, p95: positive, ...base }),
  z.strictObject({ type: z.literal('lognormal'), mean: positive, sd: positive, ...base }),
]);

/** Triangular with lower bound `min`, most likely value `mode` and upper bound `max`. */
export const triangularSpecSchema = z.strictObject({
  type: z.literal('triangular'),
  min: finite,
  mode: finite,
  max: finite,
  ...base,
});

/**
 * PERT (a scaled beta) from `min`, `mode`, `max`; `lambda` weights the mode
 * (default 4, the classic PERT: mean = (min + 4·mode + max) / 6).
 */
export const pertSpecSchema = z.strictObject({
  type: z.literal('pert'),
  min: finite,
  mode: finite,
  max: finite,
  lambda: positive.optional(),
  ...base,
});

/** Beta(alpha, beta), optionally rescaled from [0, 1] to [min, max]. */
export const betaSpecSchema = z.strictObject({
  type: z.literal('beta'),
  alpha: positive,
  beta: positive,
  min: finite.optional(),
  max: finite.optional(),
  ...base,
});

/**
 * A chance event: with probability `p` the quantity is `value` (default 1), otherwise 0.
 * "Probability p that an event costing X happens" is `{ type: 'bernoulli', p, value: X }`.
 */
export const bernoulliSpecSchema = z.strictObject({
  type: z.literal('bernoulli'),
  p: z.number().min(0).max(1),
  value: finite.optional(),
  ...base,
});

/** Discrete values with non-negative weights (normalised to probabilities). */
export const discreteSpecSchema = z.strictObject({
  type: z.literal('discrete'),
  values: z.array(finite).min(1),
  weights: z.array(z.number().finite().nonnegative()).min(1),
  ...base,
});

/** Every supported distribution. `type` says what a range means, so "a to b" is never ambiguous. */
export const distributionSpecSchema = z.union([
  fixedSpecSchema,
  uniformSpecSchema,
  normalSpecSchema,
  lognormalSpecSchema,
  triangularSpecSchema,
  pertSpecSchema,
  betaSpecSchema,
  bernoulliSpecSchema,
  discreteSpecSchema,
]);

export type DistributionSpec = z.infer<typeof distributionSpecSchema>;
export type DistributionType = DistributionSpec['type'];

/** The distribution type names, in the order the docs list them. */
export const DISTRIBUTION_TYPES = [
  'fixed',
  'uniform',
  'normal',
  'lognormal',
  'triangular',
  'pert',
  'beta',
  'bernoulli',
  'discrete',
] as const satisfies readonly DistributionType[];
