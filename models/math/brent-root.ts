const MAX_ITERATIONS = 500;
/** Absolute floor of the stopping tolerance, so a root at exactly 0 still terminates. */
const DEFAULT_ABSOLUTE_TOLERANCE = 1e-18;

/**
 * A root of `f` in the bracket [a, b], by Brent's method (Brent 1973, "zeroin"):
 * inverse quadratic interpolation and secant steps where they make progress,
 * bisection otherwise, so it always converges and never leaves the bracket.
 * `fa` and `fb` must not share a sign. Stops when the bracket is within
 * 2·ε·|x| + `absoluteTolerance` (full double precision by default). Returns NaN if
 * it has not converged after 500 steps; throws if `f` gives NaN inside the bracket.
 *
 * @example
 * brentRoot((x) => x * x - 2, 0, 2, -2, 2); // 1.4142135623730951
 */
export function brentRoot(f: (x: number) => number, a: number, b: number, fa: number, fb: number, absoluteTolerance = DEFAULT_ABSOLUTE_TOLERANCE): number {
  if (fa === 0) return a;
  if (fb === 0) return b;
  let c = a;
  let fc = fa;
  let step = b - a;
  let previousStep = step;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a;
      fc = fa;
      step = b - a;
      previousStep = step;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolerance = 2 * Number.EPSILON * Math.abs(b) + absoluteTolerance;
    const midpointOffset = (c - b) / 2;
    if (Math.abs(midpointOffset) <= tolerance || fb === 0) return b;

    if (Math.abs(previousStep) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * midpointOffset * s;
        q = 1 - s;
      } else {
        const r = fb / fc;
        const t = fa / fc;
        p = s * (2 * midpointOffset * t * (t - r) - (b - a) * (r - 1));
        q = (t - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      // Interpolate only when the step stays well inside the bracket and shrinks fast enough.
      if (2 * p < Math.min(3 * midpointOffset * q - Math.abs(tolerance * q), Math.abs(previousStep * q))) {
        previousStep = step;
        step = p / q;
      } else {
        step = midpointOffset;
        previousStep = step;
      }
    } else {
      step = midpointOffset;
      previousStep = step;
    }
    a = b;
    fa = fb;
    b += Math.abs(step) > tolerance ? step : Math.sign(midpointOffset) * tolerance;
    fb = f(b);
    if (Number.isNaN(fb)) throw new RangeError(`brentRoot: f(${b}) is NaN inside the bracket`);
  }
  return NaN;
}
