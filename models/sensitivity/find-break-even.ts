/** A break-even value, or why there is none. */
export type BreakEvenValue =
  | {
      value: number;
      /** Sign changes or exact zeros seen on the scan grid (more than 1: several break-evens). */
      crossings: number;
    }
  | { value: null; reason: 'no crossing within range' };

/** Options for `findBreakEven`. */
export interface FindBreakEvenOptions {
  /** Grid intervals scanned before refining (default 64). Crossings closer than one interval can be missed. */
  gridIntervals?: number;
  /** When several crossings exist, return the one closest to this x (default: lo). */
  near?: number;
  /** Absolute x tolerance of the refinement (default 1e-10·(hi − lo)). */
  tolerance?: number;
}

/**
 * Where a scalar function g crosses zero in [lo, hi], e.g. the adoption rate at which
 * mean NPV is 0. g need not be monotone: it is evaluated on an even grid, sign changes
 * (and exact zeros) are collected, and the one nearest `near` is refined with Brent's
 * method. Grid points where g is NaN are skipped. Returns `{ value: null, reason }` when
 * g keeps one sign on the grid.
 *
 * @example
 * findBreakEven((x) => x * x - 2, 0, 3); // { value: 1.4142135623…, crossings: 1 }
 * findBreakEven((x) => x * x + 1, 0, 3); // { value: null, reason: 'no crossing within range' }
 */
export function findBreakEven(
  g: (x: number) => number,
  lo: number,
  hi: number,
  options: FindBreakEvenOptions = {},
): BreakEvenValue {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi >= lo)) throw new RangeError(`findBreakEven: invalid range [${lo}, ${hi}]`);
  const intervals = options.gridIntervals ?? 64;
  if (!Number.isInteger(intervals) || intervals < 1) throw new RangeError(`findBreakEven: gridIntervals must be a positive integer`);
  const near = options.near ?? lo;
  const tolerance = options.tolerance ?? 1e-10 * (hi - lo);

  let crossings = 0;
  let best: { a: number; b: number; fa: number; fb: number } | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  const consider = (a: number, b: number, fa: number, fb: number): void => {
    crossings++;
    const distance = near < a ? a - near : near > b ? near - b : 0;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = { a, b, fa, fb };
    }
  };
  let xPrev = Number.NaN;
  let gPrev = Number.NaN;
  const points = hi > lo ? intervals : 0;
  for (let t = 0; t <= points; t++) {
    const x = t === points ? hi : lo + ((hi - lo) * t) / intervals;
    const y = g(x);
    if (Number.isNaN(y)) continue;
    if (y === 0) consider(x, x, 0, 0);
    else if (gPrev !== 0 && !Number.isNaN(gPrev) && (gPrev < 0) !== (y < 0)) consider(xPrev, x, gPrev, y);
    xPrev = x;
    gPrev = y;
  }
  if (best === null) return { value: null, reason: 'no crossing within range' };
  const { a, b, fa, fb } = best as { a: number; b: number; fa: number; fb: number };
  return { value: fa === 0 ? a : brent(g, a, b, fa, fb, tolerance), crossings };
}

/** Brent–Dekker root finding on a bracket [a, b] with f(a)·f(b) < 0 (zbrent form). */
function brent(f: (x: number) => number, a: number, b: number, fa: number, fb: number, tolerance: number): number {
  const EPS = Number.EPSILON;
  let c = b;
  let fc = fb;
  let d = b - a;
  let e = d;
  for (let iter = 0; iter < 200; iter++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol1 = 2 * EPS * Math.abs(b) + 0.5 * tolerance;
    const xm = 0.5 * (c - b);
    if (Math.abs(xm) <= tol1 || fb === 0) return b;
    if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      // Inverse quadratic interpolation, or secant when only two points are distinct.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * xm * s;
        q = 1 - s;
      } else {
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * xm * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      p = Math.abs(p);
      if (2 * p < Math.min(3 * xm * q - Math.abs(tol1 * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = xm;
        e = d;
      }
    } else {
      d = xm;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol1 ? d : xm > 0 ? tol1 : -tol1;
    fb = f(b);
    if (Number.isNaN(fb)) throw new RangeError(`findBreakEven: g(${b}) is NaN inside a bracketed crossing`);
  }
  return b;
}
