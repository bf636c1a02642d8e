import type { DistributionSpec } from '../distributions/spec.ts';
import { statedRange } from './stated-range.ts';

/** Messages of `widenSpec`. */
export const WIDEN_ERRORS = {
  factor: 'the widening factor must be a finite number greater than 0',
  unsupported: 'only continuous ranges can be widened (normal, lognormal, uniform, triangular, PERT, beta); not',
  leavesSupport: 'widening would take the range below 0, which a lognormal input cannot take',
} as const;

const about = (m: number, k: number) => (x: number) => m + k * (x - m);

/**
 * The spec widened by `factor` about its median, so its P5–P95 range is `factor` times as
 * wide on each side: an affine stretch x → m + k(x − m) of the parameters for normal,
 * uniform, triangular, PERT and beta (so every quantile moves exactly so); for a
 * lognormal, the same in log space (P5' = m·(P5/m)^k), which keeps it positive.
 * Truncation bounds are kept. Throws a RangeError naming what is wrong.
 *
 * @example
 * widenSpec({ type: 'normal', p5: 10, p95: 20 }, 2) // { type: 'normal', p5: 5, p95: 25 }
 */
export function widenSpec(spec: DistributionSpec, factor: number): DistributionSpec {
  if (!(Number.isFinite(factor) && factor > 0)) throw new RangeError(WIDEN_ERRORS.factor);
  const range = statedRange(spec);
  if (!range) throw new RangeError(`${WIDEN_ERRORS.unsupported} ${spec.type}`);
  const f = about(range.median, factor);
  switch (spec.type) {
    case 'normal':
      return 'p5' in spec ? { ...spec, p5: f(spec.p5), p95: f(spec.p95) } : { ...spec, sd: spec.sd * factor };
    case 'lognormal': {
      const m = range.median;
      const { mean: _mean, sd: _sd, p5: _p5, p95: _p95, ...rest } = spec as typeof spec & Record<'mean' | 'sd' | 'p5' | 'p95', unknown>;
      return { ...rest, type: 'lognormal', p5: m * (range.lower / m) ** factor, p95: m * (range.upper / m) ** factor };
    }
    case 'uniform':
      return { ...spec, min: f(spec.min), max: f(spec.max) };
    case 'triangular':
    case 'pert':
      return { ...spec, min: f(spec.min), mode: f(spec.mode), max: f(spec.max) };
    case 'beta':
      return { ...spec, min: f(spec.min ?? 0), max: f(spec.max ?? 1) };
    default:
      throw new RangeError(`${WIDEN_ERRORS.unsupported} ${spec.type}`);
  }
}
