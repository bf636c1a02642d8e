import * as dm from './deterministic-math.ts';
/*
 * Globally adaptive 15-point Gauss–Kronrod quadrature in the style of QUADPACK's
 * QAG: always bisect the interval with the largest error estimate, so endpoint
 * singularities and interior kinks get refined where they are and nowhere else.
 * It allocates its interval table once per call: it is meant for set-up work
 * (moments of a truncated distribution), not for the per-sample hot path.
 */

/** Kronrod abscissae on [-1, 1] (non-negative half, descending); odd indices are the Gauss points. */
const KRONROD_NODES = [
  0.991455371120812639206854697526329, 0.949107912342758524526189684047851, 0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
  0.586087235467691130294144845693013, 0.405845151377397166906606412076961, 0.207784955007898467600689403773245, 0,
] as const;
const KRONROD_WEIGHTS = [
  0.02293532201052922496373200805897, 0.063092092629978553290700663189204, 0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
  0.16900472663926790282658342659855, 0.190350578064785409913256402421014, 0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
] as const;
/** 7-point Gauss weights for KRONROD_NODES[1], [3], [5] and the centre. */
const GAUSS_WEIGHTS = [
  0.129484966168869693270611432679082, 0.27970539148927666790146777142378, 0.381830050505118944950369775488975, 0.417959183673469387755102040816327,
] as const;
const MACHINE_EPSILON = 2.220446049250313e-16;

/**
 * Tolerances and budget for `integrate`.
 *
 * @example
 * integrate(Math.exp, 0, 1, { relativeTolerance: 1e-10, maxIntervals: 50 })
 */
export interface IntegrationOptions {
  /** Stop when the estimated error is below this (default 1e-300, i.e. rely on the relative one). */
  absoluteTolerance?: number;
  /** Stop when the estimated error is below this fraction of |result| (default 1e-13). */
  relativeTolerance?: number;
  /** Maximum number of subintervals (default 300, i.e. at most 4,485 evaluations). */
  maxIntervals?: number;
}

const DEFAULT_ABSOLUTE_TOLERANCE = 1e-300;
const DEFAULT_RELATIVE_TOLERANCE = 1e-13;
const DEFAULT_MAX_INTERVALS = 300;

/**
 * One 15-point rule on [a, b]. Returns the estimate and leaves QUADPACK's error
 * estimate in scratch[14]; scratch[0..14) holds the off-centre values.
 */
function kronrod15(f: (x: number) => number, a: number, b: number, scratch: Float64Array): number {
  const centre = 0.5 * (a + b);
  const halfLength = 0.5 * (b - a);
  const centreValue = f(centre);
  let kronrod = centreValue * KRONROD_WEIGHTS[7];
  let gauss = centreValue * GAUSS_WEIGHTS[3];
  let absolute = Math.abs(kronrod);
  // Values are needed twice (for the |f − mean| estimate), so keep the 14 others.
  const left = scratch;
  for (let j = 0; j < 7; j++) {
    const offset = halfLength * KRONROD_NODES[j];
    const low = f(centre - offset);
    const high = f(centre + offset);
    left[2 * j] = low;
    left[2 * j + 1] = high;
    kronrod += KRONROD_WEIGHTS[j] * (low + high);
    absolute += KRONROD_WEIGHTS[j] * (Math.abs(low) + Math.abs(high));
    if (j % 2 === 1) gauss += GAUSS_WEIGHTS[(j - 1) / 2] * (low + high);
  }
  const mean = kronrod * 0.5;
  let spread = KRONROD_WEIGHTS[7] * Math.abs(centreValue - mean);
  for (let j = 0; j < 7; j++) {
    spread += KRONROD_WEIGHTS[j] * (Math.abs(left[2 * j] - mean) + Math.abs(left[2 * j + 1] - mean));
  }
  const scale = Math.abs(halfLength);
  let error = Math.abs((kronrod - gauss) * halfLength);
  spread *= scale;
  absolute *= scale;
  if (spread !== 0 && error !== 0) error = spread * Math.min(1, dm.pow((200 * error) / spread, 1.5));
  scratch[ERROR_SLOT] = Math.max(error, 50 * MACHINE_EPSILON * absolute);
  return kronrod * halfLength;
}
const ERROR_SLOT = 14;

/**
 * ∫ f(x) dx over [a, b] (finite a < b) by adaptive Gauss–Kronrod (G7/K15).
 * Handles integrable endpoint singularities and kinks; returns the best
 * estimate once the tolerance or the interval budget is reached.
 *
 * @example
 * integrate(Math.sin, 0, Math.PI) // 2
 * integrate((x) => 1 / Math.sqrt(x), 0, 1) // 2 (to ~1e-15, despite the singularity)
 */
export function integrate(f: (x: number) => number, a: number, b: number, options: IntegrationOptions = {}): number {
  const absoluteTolerance = options.absoluteTolerance ?? DEFAULT_ABSOLUTE_TOLERANCE;
  const relativeTolerance = options.relativeTolerance ?? DEFAULT_RELATIVE_TOLERANCE;
  const maxIntervals = Math.max(1, options.maxIntervals ?? DEFAULT_MAX_INTERVALS);
  if (a === b) return 0;
  const lows = new Float64Array(maxIntervals);
  const highs = new Float64Array(maxIntervals);
  const values = new Float64Array(maxIntervals);
  const errors = new Float64Array(maxIntervals);
  const scratch = new Float64Array(ERROR_SLOT + 1);
  lows[0] = a;
  highs[0] = b;
  values[0] = kronrod15(f, a, b, scratch);
  errors[0] = scratch[ERROR_SLOT];
  let count = 1;
  let total = values[0];
  let totalError = errors[0];
  while (totalError > Math.max(absoluteTolerance, relativeTolerance * Math.abs(total)) && count < maxIntervals) {
    let worst = 0;
    for (let i = 1; i < count; i++) if (errors[i] > errors[worst]) worst = i;
    const low = lows[worst];
    const high = highs[worst];
    const middle = 0.5 * (low + high);
    if (!(middle > low && middle < high)) break; // interval cannot be split further in doubles
    const leftValue = kronrod15(f, low, middle, scratch);
    const leftError = scratch[ERROR_SLOT];
    const rightValue = kronrod15(f, middle, high, scratch);
    const rightError = scratch[ERROR_SLOT];
    highs[worst] = middle;
    values[worst] = leftValue;
    errors[worst] = leftError;
    lows[count] = middle;
    highs[count] = high;
    values[count] = rightValue;
    errors[count] = rightError;
    count++;
    // Re-sum rather than update incrementally so rounding does not accumulate.
    total = 0;
    totalError = 0;
    for (let i = 0; i < count; i++) {
      total += values[i];
      totalError += errors[i];
    }
  }
  return total;
}
