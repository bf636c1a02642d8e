/*
 * sinh, cosh, tanh (musl's forms of fdlibm's e_sinh.c, e_cosh.c, s_tanh.c, on the
 * fdlibm expm1 below), cbrt, hypot, sign and trunc as `ScalarBody`s
 * (see scalar-ops.ts): each uses only IEEE arithmetic and fdlibm's exp and log.
 */
import type { ScalarOps } from './scalar-ops.ts';

const view = new DataView(new ArrayBuffer(8));
/** The double whose high word is `high` and low word 0: where an fdlibm high-word range starts. */
function startOf(high: number): number {
  view.setUint32(0, high);
  view.setUint32(4, 0);
  return view.getFloat64(0);
}

const EXPM1_HUGE = startOf(0x4043687a); // 56·ln 2
const EXPM1_REDUCE = startOf(0x3fd62e43); // above ½·ln 2
const EXPM1_ONE_STEP = startOf(0x3ff0a2b2); // below 1.5·ln 2
const EXPM1_TINY = startOf(0x3c900000); // 2^−54
const O_THRESHOLD = 7.09782712893383973096e2;
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
// biome-ignore lint/suspicious/noApproximativeNumericConstant: fdlibm's constant as written there; the same double as Math.LOG2E
const INV_LN2 = 1.442695040888963387;
const Q = [-3.33333333333331316428e-2, 1.58730158725481460165e-3, -7.93650757867487942473e-5, 4.00821782732936239552e-6, -2.01099218183624371326e-7] as const;

/** e^x − 1, fdlibm's s_expm1.c (error < 1 ulp), as musl writes it. */
export function expm1Body<T, B>(o: ScalarOps<T, B>, [x0]: T[]): T {
  const a = o.let(o.abs(x0));
  const negative = o.lt(x0, o.num(0));
  // Reduction: x = k·ln2 + r, r = hi − lo, c the rounding error of r.
  const oneStep = o.lt(a, o.num(EXPM1_ONE_STEP));
  const kGeneral = o.trunc(o.add(o.mul(o.num(INV_LN2), x0), o.select(negative, o.num(-0.5), o.num(0.5))));
  const reduce = o.ge(a, o.num(EXPM1_REDUCE));
  const k = o.let(o.select(reduce, o.select(oneStep, o.select(negative, o.num(-1), o.num(1)), kGeneral), o.num(0)));
  const hi = o.let(o.select(oneStep, o.select(negative, o.add(x0, o.num(LN2_HI)), o.sub(x0, o.num(LN2_HI))), o.sub(x0, o.mul(k, o.num(LN2_HI)))));
  const lo = o.let(o.select(oneStep, o.select(negative, o.num(-LN2_LO), o.num(LN2_LO)), o.mul(k, o.num(LN2_LO))));
  const x = o.let(o.select(reduce, o.sub(hi, lo), x0));
  const c = o.let(o.select(reduce, o.sub(o.sub(hi, x), lo), o.num(0)));
  const hfx = o.let(o.mul(o.num(0.5), x));
  const hxs = o.let(o.mul(x, hfx));
  let poly = o.num(Q[4]);
  for (let i = 3; i >= 0; i--) poly = o.add(o.num(Q[i]), o.mul(hxs, poly));
  const r1 = o.let(o.add(o.num(1), o.mul(hxs, poly)));
  const t = o.let(o.sub(o.num(3), o.mul(r1, hfx)));
  const e0 = o.let(o.mul(hxs, o.div(o.sub(r1, t), o.sub(o.num(6), o.mul(x, t)))));
  const atZero = o.sub(x, o.sub(o.mul(x, e0), hxs));
  const e = o.let(o.sub(o.sub(o.mul(x, o.sub(e0, c)), c), hxs));
  const atMinusOne = o.sub(o.mul(o.num(0.5), o.sub(x, e)), o.num(0.5));
  const atOne = o.select(o.lt(x, o.num(-0.25)), o.mul(o.num(-2), o.sub(e, o.add(x, o.num(0.5)))), o.add(o.num(1), o.mul(o.num(2), o.sub(x, e))));
  // 2^k and 2^−k, read as 2^0 when k is outside the table (NaN included): the arms that use them never see such a k.
  const inTable = (power: T): T => o.select(o.and(o.ge(power, o.num(-1024)), o.le(power, o.num(1023))), power, o.num(0));
  const twopk = o.let(o.powerOfTwo(inTable(k)));
  const twomk = o.let(o.powerOfTwo(inTable(o.neg(k))));
  const y = o.let(o.add(o.sub(x, e), o.num(1)));
  const far = o.sub(o.select(o.eq(k, o.num(1024)), o.mul(o.mul(y, o.num(2)), o.num(2 ** 1023)), o.mul(y, twopk)), o.num(1));
  const near = o.select(o.lt(k, o.num(20)), o.mul(o.add(o.sub(x, e), o.sub(o.num(1), twomk)), twopk), o.mul(o.add(o.sub(x, o.add(e, twomk)), o.num(1)), twopk));
  const general = o.select(
    o.eq(k, o.num(0)),
    atZero,
    o.select(o.eq(k, o.num(-1)), atMinusOne, o.select(o.eq(k, o.num(1)), atOne, o.select(o.or(o.lt(k, o.num(0)), o.gt(k, o.num(56))), far, near))),
  );
  const huge = o.select(negative, o.num(-1), o.select(o.gt(x0, o.num(O_THRESHOLD)), o.num(Infinity), general));
  return o.select(o.not(o.eq(x0, x0)), x0, o.select(o.ge(a, o.num(EXPM1_HUGE)), huge, o.select(o.lt(a, o.num(EXPM1_TINY)), x0, general)));
}

const LOG_MAX = startOf(0x40862e42); // just below ln(DBL_MAX)
const TINY = startOf(0x3ff00000 - (26 << 20)); // 2^−26
const KLN2 = 0x162066151add8b * 2 ** -42; // 2043·ln 2, as musl's __expo2 has it
const SCALE = 2 ** 1021;

/** e^|x|/2 past ln(DBL_MAX) without overflowing early (musl's __expo2). */
function expo2<T, B>(o: ScalarOps<T, B>, a: T, sign: T): T {
  return o.mul(o.mul(o.exp(o.sub(a, o.num(KLN2))), o.mul(sign, o.num(SCALE))), o.num(SCALE));
}

/** sinh(x) (musl's e_sinh.c, ≈1 ulp). */
export function sinhBody<T, B>(o: ScalarOps<T, B>, [x]: T[]): T {
  const a = o.let(o.abs(x));
  const h = o.let(o.select(o.lt(x, o.num(0)), o.num(-0.5), o.num(0.5)));
  const t = o.let(expm1Body(o, [a]));
  const belowOne = o.mul(h, o.sub(o.mul(o.num(2), t), o.div(o.mul(t, t), o.add(t, o.num(1)))));
  const aboveOne = o.mul(h, o.add(t, o.div(t, o.add(t, o.num(1)))));
  return o.select(
    o.lt(a, o.num(LOG_MAX)),
    o.select(o.lt(a, o.num(1)), o.select(o.lt(a, o.num(TINY)), x, belowOne), aboveOne),
    o.select(o.eq(x, x), expo2(o, a, o.mul(o.num(2), h)), x),
  );
}

const LN2_START = startOf(0x3fe62e42); // just below ln 2

/** cosh(x) (musl's e_cosh.c, ≈1 ulp). */
export function coshBody<T, B>(o: ScalarOps<T, B>, [x]: T[]): T {
  const a = o.let(o.abs(x));
  const t = o.let(expm1Body(o, [a]));
  const small = o.add(o.num(1), o.div(o.mul(t, t), o.mul(o.num(2), o.add(o.num(1), t))));
  const e = o.let(o.exp(a));
  const middle = o.mul(o.num(0.5), o.add(e, o.div(o.num(1), e)));
  return o.select(
    o.lt(a, o.num(LN2_START)),
    o.select(o.lt(a, o.num(TINY)), o.num(1), small),
    o.select(o.lt(a, o.num(LOG_MAX)), middle, o.select(o.eq(x, x), expo2(o, a, o.num(1)), x)),
  );
}

const TANH_ONE = startOf(0x40340001); // above 20: ±1
const TANH_HALF = startOf(0x3fe193eb); // above ln(3)/2
const TANH_QUARTER = startOf(0x3fd058af); // above ln(5/3)/2
const SMALLEST_NORMAL = startOf(0x00100000);

/** tanh(x) (musl's s_tanh.c, up to 2 ulp in [0.1, 0.26]). */
export function tanhBody<T, B>(o: ScalarOps<T, B>, [x]: T[]): T {
  const a = o.let(o.abs(x));
  const twice = o.let(expm1Body(o, [o.mul(o.num(2), a)]));
  const minusTwice = o.let(expm1Body(o, [o.mul(o.num(-2), a)]));
  const magnitude = o.let(
    o.select(
      o.ge(a, o.num(TANH_HALF)),
      o.select(o.ge(a, o.num(TANH_ONE)), o.num(1), o.sub(o.num(1), o.div(o.num(2), o.add(twice, o.num(2))))),
      o.select(
        o.ge(a, o.num(TANH_QUARTER)),
        o.div(twice, o.add(twice, o.num(2))),
        o.select(o.ge(a, o.num(SMALLEST_NORMAL)), o.div(o.neg(minusTwice), o.add(minusTwice, o.num(2))), a),
      ),
    ),
  );
  return o.select(o.eq(x, x), o.select(o.lt(x, o.num(0)), o.neg(magnitude), o.select(o.eq(x, o.num(0)), x, magnitude)), x);
}

/**
 * ∛x: e^(ln|x|/3), then one Newton step y − (y³ − a)/(3y²), which takes the first
 * guess's ~1e−14 relative error below one ulp. Arguments beyond 2^±900 are scaled by
 * exact powers of two so y³ neither overflows nor loses bits.
 */
export function cbrtBody<T, B>(o: ScalarOps<T, B>, [x]: T[]): T {
  const a0 = o.let(o.abs(x));
  const large = o.gt(a0, o.num(2 ** 900));
  const tiny = o.lt(a0, o.num(2 ** -900));
  const scaleIn = o.let(o.select(large, o.num(2 ** -900), o.select(tiny, o.num(2 ** 900), o.num(1))));
  const scaleOut = o.let(o.select(large, o.num(2 ** 300), o.select(tiny, o.num(2 ** -300), o.num(1))));
  const a = o.let(o.mul(a0, scaleIn));
  const guess = o.let(o.exp(o.div(o.log(a), o.num(3))));
  const square = o.let(o.mul(guess, guess));
  const y = o.sub(guess, o.div(o.sub(o.mul(square, guess), a), o.mul(o.num(3), square)));
  const magnitude = o.let(o.mul(y, scaleOut));
  const special = o.or(o.not(o.eq(x, x)), o.or(o.eq(a0, o.num(0)), o.eq(a0, o.num(Infinity))));
  return o.select(special, x, o.select(o.lt(x, o.num(0)), o.neg(magnitude), magnitude));
}

const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter

/** a·a as an unevaluated sum hi + lo, exactly (Dekker's product, no fused multiply-add). */
function exactSquare<T, B>(o: ScalarOps<T, B>, a: T): { hi: T; lo: T } {
  const hi = o.let(o.mul(a, a));
  const c = o.let(o.mul(a, o.num(SPLIT)));
  const ah = o.let(o.sub(c, o.sub(c, a)));
  const al = o.let(o.sub(a, ah));
  const lo = o.add(o.add(o.sub(o.mul(ah, ah), hi), o.mul(o.mul(o.num(2), ah), al)), o.mul(al, al));
  return { hi, lo: o.let(lo) };
}

/**
 * √(x² + y²) without overflow or underflow: scaled by an exact power of two when either
 * is beyond 2^±500, then one correction step h + (x² + y² − h²)/(2h) with the squares
 * taken exactly (Borges, "An improved algorithm for hypot(a, b)", 2019, without FMA).
 */
export function hypotBody<T, B>(o: ScalarOps<T, B>, [x, y]: T[]): T {
  const ax = o.let(o.abs(x));
  const ay = o.let(o.abs(y));
  const big = o.let(o.select(o.gt(ax, ay), ax, ay));
  const small = o.let(o.select(o.gt(ax, ay), ay, ax));
  const scale = o.let(o.select(o.gt(big, o.num(2 ** 500)), o.num(2 ** -600), o.select(o.lt(big, o.num(2 ** -500)), o.num(2 ** 600), o.num(1))));
  const sx = o.let(o.mul(big, scale));
  const sy = o.let(o.mul(small, scale));
  const h = o.let(o.sqrt(o.add(o.mul(sx, sx), o.mul(sy, sy))));
  const hh = exactSquare(o, h);
  const xx = exactSquare(o, sx);
  const yy = exactSquare(o, sy);
  const residual = o.add(o.add(o.sub(xx.hi, hh.hi), yy.hi), o.sub(o.add(xx.lo, yy.lo), hh.lo));
  const corrected = o.sub(h, o.div(o.neg(residual), o.mul(o.num(2), h)));
  const value = o.div(o.select(o.eq(h, o.num(0)), h, corrected), scale);
  return o.select(o.or(o.eq(ax, o.num(Infinity)), o.eq(ay, o.num(Infinity))), o.num(Infinity), value);
}

/** −1, 0 or 1 by the sign of x (±0 and NaN as they are). */
export function signBody<T, B>(o: ScalarOps<T, B>, [x]: T[]): T {
  return o.select(o.gt(x, o.num(0)), o.num(1), o.select(o.lt(x, o.num(0)), o.num(-1), x));
}

/** x rounded toward zero. */
export function truncBody<T, B>(o: ScalarOps<T, B>, [x]: T[]): T {
  return o.trunc(x);
}
