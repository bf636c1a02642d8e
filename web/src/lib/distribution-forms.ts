import { createDistribution } from '../../../models/distributions/create-distribution.ts';
import { DistributionError, type Distribution } from '../../../models/distributions/distribution.ts';
import type { DistributionSpec } from '../../../models/distributions/spec.ts';

/**
 * The ways an estimate can be entered. Several map to one engine type (a normal from a
 * 90 % interval or from mean and SD); the form decides which fields are asked for.
 */
export const DISTRIBUTION_FORMS = [
  { id: 'lognormal90', type: 'lognormal', label: '90% CI · lognormal (positive, skewed right)', fields: ['p5', 'p95'] },
  { id: 'normal90', type: 'normal', label: '90% CI · normal (symmetric)', fields: ['p5', 'p95'] },
  { id: 'triangular', type: 'triangular', label: 'Three-point · triangular', fields: ['min', 'mode', 'max'] },
  { id: 'pert', type: 'pert', label: 'Three-point · PERT', fields: ['min', 'mode', 'max', 'lambda'] },
  { id: 'uniform', type: 'uniform', label: 'Uniform (min to max)', fields: ['min', 'max'] },
  { id: 'normalMeanSd', type: 'normal', label: 'Normal · mean and SD', fields: ['mean', 'sd'] },
  { id: 'lognormalMeanSd', type: 'lognormal', label: 'Lognormal · mean and SD', fields: ['mean', 'sd'] },
  { id: 'beta', type: 'beta', label: 'Beta (shape α, β; optional range)', fields: ['alpha', 'beta', 'min', 'max'] },
  { id: 'bernoulli', type: 'bernoulli', label: 'Chance event (Bernoulli)', fields: ['p', 'value'] },
  { id: 'discrete', type: 'discrete', label: 'Discrete values with weights', fields: ['values', 'weights'] },
  { id: 'fixed', type: 'fixed', label: 'Fixed value (no uncertainty)', fields: ['value'] },
] as const;

export type DistributionFormId = (typeof DISTRIBUTION_FORMS)[number]['id'];
export type DistributionField = (typeof DISTRIBUTION_FORMS)[number]['fields'][number];

/** Labels of the fields, as the picker shows them. */
export const FIELD_LABELS: Record<DistributionField, string> = {
  p5: 'Low (5th percentile)',
  p95: 'High (95th percentile)',
  min: 'Minimum',
  mode: 'Most likely',
  max: 'Maximum',
  lambda: 'Weight of the most likely value (λ)',
  mean: 'Mean',
  sd: 'Standard deviation',
  alpha: 'Shape α',
  beta: 'Shape β',
  p: 'Probability',
  value: 'Value',
  values: 'Values',
  weights: 'Weights',
};

/** Fields the engine treats as optional, per form. */
export const OPTIONAL_FIELDS: Partial<Record<DistributionFormId, readonly DistributionField[]>> = {
  pert: ['lambda'],
  beta: ['min', 'max'],
  bernoulli: ['value'],
};

/**
 * Which form a spec is written in.
 *
 * @example
 * formOf({ type: 'normal', p5: 1, p95: 2 }) // 'normal90'
 */
export function formOf(spec: Partial<DistributionSpec> | undefined): DistributionFormId {
  switch (spec?.type) {
    case 'lognormal':
      return 'mean' in spec || 'sd' in spec ? 'lognormalMeanSd' : 'lognormal90';
    case 'normal':
      return 'mean' in spec || 'sd' in spec ? 'normalMeanSd' : 'normal90';
    case 'triangular':
    case 'pert':
    case 'uniform':
    case 'beta':
    case 'bernoulli':
    case 'discrete':
    case 'fixed':
      return spec.type;
    default:
      return 'lognormal90';
  }
}

/** The result of building a spec's distribution: the distribution, or the error and its field. */
export type BuildOutcome = { ok: true; distribution: Distribution } | { ok: false; field: string; message: string };

/**
 * Builds a spec's distribution, catching the engine's error and the field it names.
 *
 * @example
 * buildDistribution({ type: 'uniform', min: 10, max: 5 }) // { ok: false, field: 'max', message: 'max must be greater than min' }
 */
export function buildDistribution(spec: unknown): BuildOutcome {
  try {
    return { ok: true, distribution: createDistribution(spec as DistributionSpec) };
  } catch (error) {
    if (error instanceof DistributionError) return { ok: false, field: error.field, message: error.message };
    return { ok: false, field: 'type', message: error instanceof Error ? error.message : String(error) };
  }
}

const round = (value: number): number => Number(value.toPrecision(4));

/**
 * A spec in another form that keeps the current estimate's range (its 5th, 50th and 95th
 * percentiles), so switching the picker does not throw the estimate away.
 *
 * @example
 * convertSpec({ type: 'uniform', min: 10, max: 20 }, 'triangular') // { type: 'triangular', min: 10, mode: 15, max: 20 }
 */
export function convertSpec(current: Partial<DistributionSpec> | undefined, form: DistributionFormId): DistributionSpec {
  const built = buildDistribution(current);
  const d = built.ok ? built.distribution : null;
  const truncate = current && 'truncate' in current && current.truncate ? { truncate: current.truncate } : {};
  // Bounded forms take the support if the current one is bounded, else its 5–95 % range.
  const lo = d ? round(Number.isFinite(d.inv(0)) ? d.inv(0) : d.inv(0.05)) : 0;
  const hi = d ? round(Number.isFinite(d.inv(1)) ? d.inv(1) : d.inv(0.95)) : 1;
  const p5 = d ? round(d.inv(0.05)) : 1;
  const p95 = d ? round(d.inv(0.95)) : 2;
  const mid = d ? round(d.inv(0.5)) : 1.5;
  const mean = d ? round(d.mean()) : 1.5;
  const sd = d ? round(Math.sqrt(d.variance())) || 1 : 1;
  const safeHi = hi > lo ? hi : lo + 1;
  switch (form) {
    case 'lognormal90':
      return p5 > 0 && p95 > p5 ? { type: 'lognormal', p5, p95, ...truncate } : { type: 'lognormal', p5: 1, p95: 10, ...truncate };
    case 'normal90':
      return { type: 'normal', p5, p95: p95 > p5 ? p95 : p5 + 1, ...truncate };
    case 'normalMeanSd':
      return { type: 'normal', mean, sd, ...truncate };
    case 'lognormalMeanSd':
      return mean > 0 ? { type: 'lognormal', mean, sd, ...truncate } : { type: 'lognormal', mean: 1, sd: 0.5, ...truncate };
    case 'triangular':
      return { type: 'triangular', min: lo, mode: Math.min(Math.max(mid, lo), safeHi), max: safeHi, ...truncate };
    case 'pert':
      return { type: 'pert', min: lo, mode: Math.min(Math.max(mid, lo), safeHi), max: safeHi, ...truncate };
    case 'uniform':
      return { type: 'uniform', min: lo, max: safeHi, ...truncate };
    case 'beta':
      return lo >= 0 && safeHi <= 1 ? { type: 'beta', alpha: 2, beta: 2, ...truncate } : { type: 'beta', alpha: 2, beta: 2, min: lo, max: safeHi, ...truncate };
    case 'bernoulli':
      return { type: 'bernoulli', p: 0.5, value: mid === 0 ? 1 : mid };
    case 'discrete':
      return { type: 'discrete', values: [p5, mid, p95], weights: [0.25, 0.5, 0.25] };
    case 'fixed':
      return { type: 'fixed', value: mid };
  }
}
