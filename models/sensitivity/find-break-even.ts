import { brentRoot } from '../math/brent-root.ts';

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
export function findBreakEven(g: (x: number) => number, lo: number, hi: number, options: FindBreakEvenOptions = {}): BreakEvenValue {
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
    else if (gPrev !== 0 && !Number.isNaN(gPrev) && gPrev < 0 !== y < 0) consider(xPrev, x, gPrev, y);
    xPrev = x;
    gPrev = y;
  }
  if (best === null) return { value: null, reason: 'no crossing within range' };
  const { a, b, fa, fb } = best as { a: number; b: number; fa: number; fb: number };
  return { value: fa === 0 ? a : brentRoot(g, a, b, fa, fb, 0.5 * tolerance), crossings };
}
