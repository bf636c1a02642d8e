/*
 * sin, cos, tan, atan and atan2 as `ScalarBody`s (see scalar-ops.ts): ports of
 * fdlibm's k_sin.c, k_cos.c, k_tan.c, e_rem_pio2.c (medium path), s_atan.c and
 * e_atan2.c, in the form musl keeps them. Branches become selects (both arms are
 * computed; neither traps), high-word tests become comparisons with the double that
 * starts each range, and fdlibm's "zero the low word" splits become Veltkamp splits
 * (26 significant bits instead of 21: the products they feed stay exact).
 *
 * Argument reduction: x − n·π/2 with π/2 in three 33-bit parts plus a tail (Cody–Waite,
 * all three rounds always), exact while n < 2^20, i.e. |x| < 2^20·π/2 ≈ 1,647,099:
 * error < 1 ulp there. Beyond it n·(π/2 part) would be rounded and the result would
 * look plausible but be wrong, so sin, cos and tan of |x| ≥ 2^20·π/2 are NaN (the same
 * in every engine). fdlibm's Payne–Hanek reduction for huge angles is not ported: no
 * business formula needs angles of millions of radians.
 */
import type { ScalarOps } from './scalar-ops.ts';

const view = new DataView(new ArrayBuffer(8));
/** The double whose high word is `high` and low word 0: where an fdlibm high-word range starts. */
function startOf(high: number): number {
  view.setUint32(0, high);
  view.setUint32(4, 0);
  return view.getFloat64(0);
}

const TO_INT = 6755399441055744; // 1.5 · 2^52: adding and subtracting it rounds to an integer
const INV_PIO2 = 6.36619772367581382433e-1;
const PIO2_1 = 1.57079632673412561417;
const PIO2_1T = 6.07710050650619224932e-11;
const PIO2_2 = 6.0771005063039659766e-11;
const PIO2_2T = 2.02226624879595063154e-21;
const PIO2_3 = 2.0222662487111664558e-21;
const PIO2_3T = 8.47842766036889956997e-32;

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;

const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.0875723212981748279e-9;
const C6 = -1.13596475577881948265e-11;

const T = [
  3.33333333333334091986e-1, 1.33333333333201242699e-1, 5.39682539762260521377e-2, 2.18694882948595424599e-2, 8.86323982359930005737e-3,
  3.59207910759131235356e-3, 1.45620945432529025516e-3, 5.88041240820264096874e-4, 2.46463134818469906812e-4, 7.817944429395570923e-5,
  7.14072491382608190305e-5, -1.85586374855275456654e-5, 2.59073051863633712884e-5,
] as const;
const PIO4 = 7.85398163397448278999e-1;
const PIO4_LO = 3.06161699786838301793e-17;
/** |x| from which sin, cos and tan are NaN: the reduction is no longer exact. */
export const TRIG_ARGUMENT_LIMIT = 2 ** 20 * (Math.PI / 2);
const TAN_BIG = startOf(0x3fe59428); // |x| ≥ 0.6744: tan's kernel works on π/4 − x
const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter

/** x − n·π/2 as y0 + y1, and n mod 4, by three Cody–Waite rounds (e_rem_pio2.c's medium path). */
function reduce<T, B>(o: ScalarOps<T, B>, x: T): { y0: T; y1: T; quadrant: T } {
  const n = o.let(o.sub(o.add(o.mul(x, o.num(INV_PIO2)), o.num(TO_INT)), o.num(TO_INT)));
  let r = o.let(o.sub(x, o.mul(n, o.num(PIO2_1))));
  let w = o.let(o.mul(n, o.num(PIO2_1T)));
  for (const [part, tail] of [
    [PIO2_2, PIO2_2T],
    [PIO2_3, PIO2_3T],
  ]) {
    const t = r;
    const product = o.let(o.mul(n, o.num(part)));
    r = o.let(o.sub(t, product));
    w = o.let(o.sub(o.mul(n, o.num(tail)), o.sub(o.sub(t, r), product)));
  }
  const y0 = o.let(o.sub(r, w));
  const y1 = o.let(o.sub(o.sub(r, y0), w));
  const quadrant = o.let(o.sub(n, o.mul(o.num(4), o.floor(o.mul(n, o.num(0.25))))));
  return { y0, y1, quadrant };
}

/** NaN where the reduction is not exact (|x| ≥ TRIG_ARGUMENT_LIMIT, ±Infinity), else `value`. */
function inRange<T, B>(o: ScalarOps<T, B>, x: T, value: T): T {
  return o.select(o.lt(o.abs(x), o.num(TRIG_ARGUMENT_LIMIT)), value, o.num(NaN));
}

/** k_sin.c on [−π/4, π/4], with the tail y. */
function kernelSin<T, B>(o: ScalarOps<T, B>, x: T, y: T): T {
  const z = o.let(o.mul(x, x));
  const w = o.let(o.mul(z, z));
  const r = o.let(o.add(o.add(o.num(S2), o.mul(z, o.add(o.num(S3), o.mul(z, o.num(S4))))), o.mul(o.mul(z, w), o.add(o.num(S5), o.mul(z, o.num(S6))))));
  const v = o.let(o.mul(z, x));
  return o.sub(x, o.sub(o.sub(o.mul(z, o.sub(o.mul(o.num(0.5), y), o.mul(v, r))), y), o.mul(v, o.num(S1))));
}

/** k_cos.c on [−π/4, π/4], with the tail y. */
function kernelCos<T, B>(o: ScalarOps<T, B>, x: T, y: T): T {
  const z = o.let(o.mul(x, x));
  const w = o.let(o.mul(z, z));
  const r = o.let(
    o.add(
      o.mul(z, o.add(o.num(C1), o.mul(z, o.add(o.num(C2), o.mul(z, o.num(C3)))))),
      o.mul(o.mul(w, w), o.add(o.num(C4), o.mul(z, o.add(o.num(C5), o.mul(z, o.num(C6)))))),
    ),
  );
  const hz = o.let(o.mul(o.num(0.5), z));
  const one = o.let(o.sub(o.num(1), hz));
  return o.add(one, o.add(o.sub(o.sub(o.num(1), one), hz), o.sub(o.mul(z, r), o.mul(x, y))));
}

/** The high part of a double (26 significant bits), exact to multiply by another. */
function high<T, B>(o: ScalarOps<T, B>, value: T): T {
  const c = o.let(o.mul(value, o.num(SPLIT)));
  return o.let(o.sub(c, o.sub(c, value)));
}

/** k_tan.c on [−π/4, π/4]: tan(x + y), or −1/tan(x + y) when `odd`. */
function kernelTan<T, B>(o: ScalarOps<T, B>, x0: T, y0: T, odd: B): T {
  const big = o.ge(o.abs(x0), o.num(TAN_BIG));
  const negative = o.lt(x0, o.num(0));
  const xs = o.let(o.select(negative, o.neg(x0), x0));
  const ys = o.let(o.select(negative, o.neg(y0), y0));
  const x = o.let(o.select(big, o.add(o.sub(o.num(PIO4), xs), o.sub(o.num(PIO4_LO), ys)), x0));
  const y = o.let(o.select(big, o.num(0), y0));
  const z = o.let(o.mul(x, x));
  const w = o.let(o.mul(z, z));
  const poly = (start: number): T => {
    let acc = o.num(T[start + 10]);
    for (let i = start + 8; i >= start; i -= 2) acc = o.add(o.num(T[i]), o.mul(w, acc));
    return acc;
  };
  const r0 = o.let(poly(1));
  const v0 = o.let(o.mul(z, poly(2)));
  const s = o.let(o.mul(z, x));
  const r = o.let(o.add(o.add(y, o.mul(z, o.add(o.mul(s, o.add(r0, v0)), y))), o.mul(s, o.num(T[0]))));
  const sum = o.let(o.add(x, r));
  // big: v = s − 2·(x − (w²/(w + s) − r)) with s = 1 − 2·odd, then the sign back.
  const sign = o.let(o.select(odd, o.num(-1), o.num(1)));
  const bigValue = o.let(o.sub(sign, o.mul(o.num(2), o.sub(x, o.sub(o.div(o.mul(sum, sum), o.add(sum, sign)), r)))));
  // odd, small: −1/(x + r) to full precision from split parts.
  const w0 = high(o, sum);
  const v = o.let(o.sub(r, o.sub(w0, x)));
  const t = o.let(o.div(o.num(-1), sum));
  const a0 = high(o, t);
  const oddValue = o.add(a0, o.mul(t, o.add(o.add(o.num(1), o.mul(a0, w0)), o.mul(a0, v))));
  return o.select(big, o.select(negative, o.neg(bigValue), bigValue), o.select(odd, oddValue, sum));
}

/** sin(x), fdlibm's algorithm (error < 1 ulp; NaN for |x| ≥ 2^20·π/2). */
export function sinBody<T, B>(o: ScalarOps<T, B>, [x]: T[]): T {
  const { y0, y1, quadrant } = reduce(o, x);
  const s = o.let(kernelSin(o, y0, y1));
  const c = o.let(kernelCos(o, y0, y1));
  const q = quadrant;
  return inRange(o, x, o.select(o.eq(q, o.num(0)), s, o.select(o.eq(q, o.num(1)), c, o.select(o.eq(q, o.num(2)), o.neg(s), o.neg(c)))));
}

/** cos(x), fdlibm's algorithm (error < 1 ulp; NaN for |x| ≥ 2^20·π/2). */
export function cosBody<T, B>(o: ScalarOps<T, B>, [x]: T[]): T {
  const { y0, y1, quadrant } = reduce(o, x);
  const s = o.let(kernelSin(o, y0, y1));
  const c = o.let(kernelCos(o, y0, y1));
  const q = quadrant;
  return inRange(o, x, o.select(o.eq(q, o.num(0)), c, o.select(o.eq(q, o.num(1)), o.neg(s), o.select(o.eq(q, o.num(2)), o.neg(c), s))));
}

/** tan(x), fdlibm's algorithm (error < 1 ulp; NaN for |x| ≥ 2^20·π/2). */
export function tanBody<T, B>(o: ScalarOps<T, B>, [x]: T[]): T {
  const { y0, y1, quadrant } = reduce(o, x);
  const odd = o.or(o.eq(quadrant, o.num(1)), o.eq(quadrant, o.num(3)));
  return inRange(o, x, kernelTan(o, y0, y1, odd));
}

const ATAN_HI = [4.63647609000806093515e-1, 7.85398163397448278999e-1, 9.82793723247329054082e-1, 1.570796326794896558] as const;
const ATAN_LO = [2.26987774529616870924e-17, 3.06161699786838301793e-17, 1.39033110312309984516e-17, 6.12323399573676603587e-17] as const;
const AT = [
  3.33333333333329318027e-1, -1.99999999998764832476e-1, 1.42857142725034663711e-1, -1.1111110405462355788e-1, 9.09088713343650656196e-2,
  -7.69187620504482999495e-2, 6.66107313738753120669e-2, -5.83357013379057348645e-2, 4.97687799461593236017e-2, -3.6531572744216915527e-2,
  1.62858201153657823623e-2,
] as const;
const ATAN_HUGE = startOf(0x44100000); // 2^66
const ATAN_TINY = startOf(0x3e400000); // 2^−27
const ATAN_SMALL = startOf(0x3fdc0000); // 0.4375
const ATAN_B1 = startOf(0x3fe60000); // 0.6875
const ATAN_B2 = startOf(0x3ff30000); // 1.1875
const ATAN_B3 = startOf(0x40038000); // 2.4375

/** atan(x), fdlibm's s_atan.c (error < 1 ulp). */
export function atanBody<T, B>(o: ScalarOps<T, B>, [x]: T[]): T {
  const a = o.let(o.abs(x));
  const pick = (values: readonly number[]): T =>
    o.select(
      o.lt(a, o.num(ATAN_B1)),
      o.num(values[0]),
      o.select(o.lt(a, o.num(ATAN_B2)), o.num(values[1]), o.select(o.lt(a, o.num(ATAN_B3)), o.num(values[2]), o.num(values[3]))),
    );
  const reduced = o.select(
    o.lt(a, o.num(ATAN_B1)),
    o.div(o.sub(o.mul(o.num(2), a), o.num(1)), o.add(o.num(2), a)),
    o.select(
      o.lt(a, o.num(ATAN_B2)),
      o.div(o.sub(a, o.num(1)), o.add(a, o.num(1))),
      o.select(o.lt(a, o.num(ATAN_B3)), o.div(o.sub(a, o.num(1.5)), o.add(o.num(1), o.mul(o.num(1.5), a))), o.div(o.num(-1), a)),
    ),
  );
  const small = o.lt(a, o.num(ATAN_SMALL));
  const t = o.let(o.select(small, x, reduced));
  const z = o.let(o.mul(t, t));
  const w = o.let(o.mul(z, z));
  const series = (first: number, last: number): T => {
    let acc = o.num(AT[last]);
    for (let i = last - 2; i >= first; i -= 2) acc = o.add(o.num(AT[i]), o.mul(w, acc));
    return acc;
  };
  const s = o.let(o.add(o.mul(z, series(0, 10)), o.mul(w, series(1, 9))));
  const central = o.sub(t, o.mul(t, s));
  const magnitude = o.let(o.sub(pick(ATAN_HI), o.sub(o.sub(o.mul(t, s), pick(ATAN_LO)), t)));
  const outer = o.select(o.lt(x, o.num(0)), o.neg(magnitude), magnitude);
  const huge = o.select(o.lt(x, o.num(0)), o.num(-ATAN_HI[3]), o.num(ATAN_HI[3]));
  return o.select(o.not(o.eq(x, x)), x, o.select(o.ge(a, o.num(ATAN_HUGE)), huge, o.select(o.lt(a, o.num(ATAN_TINY)), x, o.select(small, central, outer))));
}

// biome-ignore lint/suspicious/noApproximativeNumericConstant: fdlibm's constant as written there; the same double as Math.PI
const PI = 3.141592653589793116;
const PI_LO = 1.2246467991473531772e-16;

/** True when the sign bit of `value` is set (−0 included). */
function signBit<T, B>(o: ScalarOps<T, B>, value: T): B {
  return o.or(o.lt(value, o.num(0)), o.and(o.eq(value, o.num(0)), o.lt(o.div(o.num(1), value), o.num(0))));
}

/** atan2(y, x), fdlibm's e_atan2.c special cases around atan(|y/x|) (error < 2 ulp). */
export function atan2Body<T, B>(o: ScalarOps<T, B>, [y, x]: T[]): T {
  const yNegative = signBit(o, y);
  const xNegative = signBit(o, x);
  const ax = o.let(o.abs(x));
  const ay = o.let(o.abs(y));
  const inf = o.num(Infinity);
  const signed = (value: T): T => o.select(yNegative, o.neg(value), value);
  const z = o.let(atanBody(o, [o.div(ay, ax)]));
  const general = o.select(xNegative, signed(o.sub(o.num(PI), o.sub(z, o.num(PI_LO)))), signed(z));
  const bothInfinite = signed(o.select(xNegative, o.num((3 * PI) / 4), o.num(PI / 4)));
  const xInfinite = signed(o.select(xNegative, o.num(PI), o.num(0)));
  const halfPi = signed(o.num(PI / 2));
  return o.select(
    o.or(o.not(o.eq(x, x)), o.not(o.eq(y, y))),
    o.add(x, y),
    o.select(
      o.eq(ay, o.num(0)),
      o.select(xNegative, signed(o.num(PI)), y),
      o.select(
        o.eq(ax, o.num(0)),
        halfPi,
        o.select(
          o.eq(ax, inf),
          o.select(o.eq(ay, inf), bothInfinite, xInfinite),
          // |y/x| > 2^64: ±π/2 (e_atan2.c tests the exponents; the ratio itself is the same test up to a factor 2).
          o.select(o.or(o.eq(ay, inf), o.gt(ay, o.mul(ax, o.num(2 ** 64)))), halfPi, general),
        ),
      ),
    ),
  );
}
