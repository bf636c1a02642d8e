/*
 * normcdf and norminv as `ScalarBody`s (see scalar-ops.ts): normal-cdf.ts's Cody
 * erfc form and normal-inv.ts's AS 241, operation for operation, so the formula
 * functions give the same bits as the engine's own normalCdf and normalInv.
 */
import * as cdf from './normal-cdf.ts';
import { AS241 } from './normal-inv.ts';
import type { ScalarOps } from './scalar-ops.ts';

/** exp(−y²/2) from an exactly squared head and a small remainder (normal-cdf.ts's gaussianTail). */
function gaussianTail<T, B>(o: ScalarOps<T, B>, y: T): T {
  const head = o.let(o.div(o.trunc(o.mul(y, o.num(16))), o.num(16)));
  const del = o.let(o.mul(o.sub(y, head), o.add(y, head)));
  return o.mul(o.exp(o.mul(o.mul(o.neg(head), head), o.num(0.5))), o.exp(o.mul(o.neg(del), o.num(0.5))));
}

/** The loop `n = (n + N[i])·v; d = (d + D[i])·v` of normal-cdf.ts, from n = N[last]·v, d = v. */
function rational<T, B>(o: ScalarOps<T, B>, v: T, numerator: readonly number[], denominator: readonly number[], last: number, steps: number): { n: T; d: T } {
  let n = o.mul(o.num(numerator[last]), v);
  let d = v;
  for (let i = 0; i < steps; i++) {
    n = o.let(o.mul(o.add(n, o.num(numerator[i])), v));
    d = o.let(o.mul(o.add(d, o.num(denominator[i])), v));
  }
  return { n, d };
}

/** Φ(x), the standard normal distribution function (≈1e−15 relative in both tails). */
export function normcdfBody<T, B>(o: ScalarOps<T, B>, [x]: T[]): T {
  const y = o.let(o.abs(x));
  const xsq = o.let(o.mul(x, x));
  const c = rational(o, xsq, cdf.CENTRAL_NUMERATOR, cdf.CENTRAL_DENOMINATOR, 4, 3);
  const tiny = o.gt(y, o.num(cdf.TINY));
  const cn = o.select(tiny, c.n, o.num(0));
  const cd = o.select(tiny, c.d, o.num(0));
  const central = o.add(o.num(0.5), o.div(o.mul(x, o.add(cn, o.num(cdf.CENTRAL_NUMERATOR[3]))), o.add(cd, o.num(cdf.CENTRAL_DENOMINATOR[3]))));
  const tail = o.let(gaussianTail(o, y));
  const m = rational(o, y, cdf.MIDDLE_NUMERATOR, cdf.MIDDLE_DENOMINATOR, 8, 7);
  const middle = o.div(o.mul(tail, o.add(m.n, o.num(cdf.MIDDLE_NUMERATOR[7]))), o.add(m.d, o.num(cdf.MIDDLE_DENOMINATOR[7])));
  const inverseSquare = o.let(o.div(o.num(1), xsq));
  const t = rational(o, inverseSquare, cdf.TAIL_NUMERATOR, cdf.TAIL_DENOMINATOR, 5, 4);
  const ratio = o.div(o.mul(inverseSquare, o.add(t.n, o.num(cdf.TAIL_NUMERATOR[4]))), o.add(t.d, o.num(cdf.TAIL_DENOMINATOR[4])));
  const far = o.div(o.mul(tail, o.sub(o.num(cdf.INV_SQRT_2PI), ratio)), y);
  const inRange = o.and(o.gt(x, o.num(cdf.LOWER_UNDERFLOW)), o.lt(x, o.num(-cdf.LOWER_UNDERFLOW)));
  const smaller = o.let(o.select(o.le(y, o.num(cdf.MIDDLE_LIMIT)), middle, o.select(inRange, far, o.num(0))));
  const outer = o.select(o.gt(x, o.num(0)), o.select(o.ge(x, o.num(cdf.UPPER_SATURATION)), o.num(1), o.sub(o.num(1), smaller)), smaller);
  return o.select(o.not(o.eq(x, x)), o.num(NaN), o.select(o.le(y, o.num(cdf.CENTRAL_LIMIT)), central, outer));
}

/** Horner's rule as normal-inv.ts writes it: ((c7·r + c6)·r + …)·r + c0. */
function horner<T, B>(o: ScalarOps<T, B>, r: T, coefficients: readonly number[]): T {
  let acc = o.num(coefficients[7]);
  for (let i = 6; i >= 0; i--) acc = o.add(o.mul(acc, r), o.num(coefficients[i]));
  return acc;
}

/** Φ⁻¹(p), AS 241 (≈1e−16 relative): −∞ at 0, +∞ at 1, NaN outside [0, 1]. */
export function norminvBody<T, B>(o: ScalarOps<T, B>, [p]: T[]): T {
  const q = o.let(o.sub(p, o.num(0.5)));
  const rc = o.let(o.sub(o.num(AS241.CENTRAL_OFFSET), o.mul(q, q)));
  const central = o.div(o.mul(q, horner(o, rc, AS241.A)), horner(o, rc, AS241.B));
  const r = o.let(o.sqrt(o.neg(o.log(o.select(o.lt(q, o.num(0)), p, o.sub(o.num(1), p))))));
  const rm = o.let(o.sub(r, o.num(AS241.MIDDLE_OFFSET)));
  const rt = o.let(o.sub(r, o.num(AS241.SPLIT_TAIL)));
  const z = o.let(
    o.select(o.le(r, o.num(AS241.SPLIT_TAIL)), o.div(horner(o, rm, AS241.C), horner(o, rm, AS241.D)), o.div(horner(o, rt, AS241.E), horner(o, rt, AS241.F))),
  );
  const tails = o.select(
    o.not(o.and(o.ge(p, o.num(0)), o.le(p, o.num(1)))),
    o.num(NaN),
    o.select(o.eq(p, o.num(0)), o.num(-Infinity), o.select(o.eq(p, o.num(1)), o.num(Infinity), o.select(o.lt(q, o.num(0)), o.neg(z), z))),
  );
  return o.select(o.le(o.abs(q), o.num(AS241.SPLIT_CENTRAL)), central, tails);
}
