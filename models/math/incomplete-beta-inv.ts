import { incompleteBeta, incompleteBetaWithLogs } from './incomplete-beta.ts';
import { logBeta } from './log-beta.ts';
import { normalInv } from './normal-inv.ts';
import * as dm from './deterministic-math.ts';

/*
 * Newton's method on ln G(z) − ln target as a function of s = ln z, where z is
 * whichever of x and 1 − x is at most 1/2 and G is whichever of the lower and
 * upper tail probabilities is at most 1/2. Choosing both that way keeps full
 * relative precision in the answer near 0, full absolute precision near 1, and
 * never forms 1 − p for a tiny p. In log coordinates a tail, G ≈ c·z^a, is a
 * straight line, so Newton converges in a few steps even when z is 1e-200.
 * It starts from the Abramowitz & Stegun 26.5.22 / power-law guesses (Numerical
 * Recipes §6.14) and is safeguarded by a bracket [lo, hi] that every evaluation
 * shrinks: a step that leaves the bracket, or fails to halve the step before the
 * previous one, is replaced by (geometric) bisection, as in NR's rtsafe, so it
 * always converges; typically in 3 to 6 iterations.
 */
const MAX_ITERATIONS = 300;
const STEP_TOLERANCE = 4e-16;
const SMALLEST_GUESS = 1e-300;
const HALF = 0.5;
/** Relative step size below which a non-converging Newton step is rounding noise. */
const NOISE_FLOOR = 1e-11;
/** With no lower bound yet, bisection divides by this so tiny roots are reached quickly. */
const UNBOUNDED_BISECTION_FACTOR = 1 / 1024;

/** Starting point for the p-quantile of Beta(a, b). */
function initialGuess(p: number, a: number, b: number): number {
  if (a >= 1 && b >= 1) {
    // A&S 26.5.22 is written for the upper-tail normal deviate.
    const z = -normalInv(p);
    const lambda = (z * z - 3) / 6;
    const harmonic = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (z * Math.sqrt(lambda + harmonic)) / harmonic - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (lambda + 5 / 6 - 2 / (3 * harmonic));
    return a / (a + b * dm.exp(2 * w));
  }
  const logA = dm.log(a / (a + b));
  const logB = dm.log(b / (a + b));
  const lowerWeight = dm.exp(a * logA) / a;
  const upperWeight = dm.exp(b * logB) / b;
  const total = lowerWeight + upperWeight;
  if (p < lowerWeight / total) return dm.pow(a * total * p, 1 / a);
  return 1 - dm.pow(b * total * (1 - p), 1 / b);
}

/**
 * z in (0, 1/2] with G(z) = target, where G(z) = I_z(a, b) (increasing) or, when
 * `upper`, 1 − I_z(a, b) (decreasing).
 */
function solveInLowerHalf(target: number, a: number, b: number, upper: boolean, guess: number): number {
  const logNormaliser = logBeta(a, b);
  const direction = upper ? -1 : 1;
  let z = guess;
  if (!(z >= SMALLEST_GUESS)) z = SMALLEST_GUESS;
  if (!(z <= HALF)) z = HALF;
  let lo = 0;
  let hi = HALF;
  // rtsafe compares each Newton step with the step before the previous one, so a
  // bisection does not make the next (good) Newton step look non-converging.
  let previousStep = Infinity;
  let stepBeforePrevious = Infinity;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const logZ = dm.log(z);
    const logOneMinusZ = dm.log1p(-z);
    const probability = incompleteBetaWithLogs(z, a, b, upper, logZ, logOneMinusZ);
    if (probability === target) return z;
    if (probability < target === !upper) lo = z;
    else hi = z;
    // |d ln G / d ln z| = z·density(z) / G
    const logSlope = a * logZ + (b - 1) * logOneMinusZ - logNormaliser - dm.log(probability);
    const step = (direction * dm.log(probability / target)) / dm.exp(logSlope);
    // z·e^(−step) rather than e^(ln z − step): the latter loses |ln z|·ε of precision.
    let next = z * dm.exp(-step);
    if (Math.abs(step) <= STEP_TOLERANCE) return next;
    const insideBracket = next > lo && next < hi;
    const converging = Math.abs(step) <= 0.5 * Math.abs(stepBeforePrevious);
    // Rounding in G bounds how precisely z is defined (worst for small a, where
    // ln z error = ln G error / a): once Newton only jitters at that level, stop.
    if (insideBracket && !converging && Math.abs(step) <= NOISE_FLOOR) return next;
    if (!insideBracket || !converging) {
      next = lo > 0 ? Math.sqrt(lo) * Math.sqrt(hi) : hi * UNBOUNDED_BISECTION_FACTOR;
    }
    if (next === 0) return 0; // the root underflows
    const taken = dm.log(next / z);
    if (Math.abs(taken) <= STEP_TOLERANCE || hi - lo <= STEP_TOLERANCE * hi) return next;
    stepBeforePrevious = previousStep;
    previousStep = taken;
    z = next;
  }
  return z;
}

let medianShapeA = Number.NaN;
let medianShapeB = Number.NaN;
let medianValue = Number.NaN;

/** I_½(a, b), remembered for the last shape: a table build inverts thousands of p for one shape. */
function medianProbability(a: number, b: number): number {
  if (!(Object.is(a, medianShapeA) && Object.is(b, medianShapeB))) {
    medianValue = incompleteBeta(HALF, a, b);
    medianShapeA = a;
    medianShapeB = b;
  }
  return medianValue;
}

/**
 * Inverse of the regularized incomplete beta function: the x in [0, 1] with
 * I_x(a, b) = p, i.e. the p-quantile of Beta(a, b). Accurate to ~1e-15
 * relative near 0 and ~1e-16 absolute near 1 (for extreme shapes, a or b
 * near 0.05 or in the thousands, ~1e-13). NaN for p outside [0, 1].
 *
 * @example
 * incompleteBetaInv(0.579825, 2, 5) // ≈ 0.3
 * incompleteBetaInv(0.5, 3, 3) // ≈ 0.5
 */
export function incompleteBetaInv(p: number, a: number, b: number): number {
  if (!(p >= 0 && p <= 1) || !(a > 0) || !(b > 0)) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  const useUpperTail = p > HALF;
  const target = useUpperTail ? 1 - p : p;
  const guess = initialGuess(p, a, b);
  if (p <= medianProbability(a, b)) return solveInLowerHalf(target, a, b, useUpperTail, guess);
  // I_x(a, b) = 1 − I_{1−x}(b, a): the tails swap roles in the mirrored coordinate.
  return 1 - solveInLowerHalf(target, b, a, !useUpperTail, 1 - guess);
}
