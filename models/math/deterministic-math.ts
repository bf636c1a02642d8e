/*
 * Transcendental functions built only from IEEE-754 +, −, ×, ÷ and bit manipulation,
 * which every JavaScript engine computes identically. Math.exp, Math.log and friends
 * are not specified to the last bit and do differ between engines (Node 20 and
 * Chromium 156 disagree on ~7% of Math.log arguments), so the engine uses these to
 * give the same bits in Node, worker threads and the browser.
 *
 * exp and log are ports of fdlibm's e_exp.c and e_log.c (error < 1 ulp).
 * log1p and expm1 use Goldberg's and Kahan's corrections on top of them (a few ulp).
 * pow uses exact binary powering for small integer exponents, else exp(y·log x),
 * whose relative error grows with |y·log x| (1e-15 for the exponents of a business case).
 */

const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HIGH = LITTLE_ENDIAN ? 1 : 0;
const LOW = 1 - HIGH;

function highWord(x: number): number {
  float[0] = x;
  return words[HIGH] | 0;
}

/** 2^k for integer k in [−1022, 1023], exactly. */
function powerOfTwo(k: number): number {
  words[HIGH] = (k + 1023) << 20;
  words[LOW] = 0;
  return float[0];
}

const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
// biome-ignore lint/suspicious/noApproximativeNumericConstant: the fdlibm constant, written out so the bits are visibly the port's
const INV_LN2 = 1.4426950408889634;
const EXP_OVERFLOW = 7.09782712893383973096e2;
const EXP_UNDERFLOW = -7.4513321910194110842e2;
const TWO_M1000 = 9.3326361850321887899e-302;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;

function fromWords(high: number, low: number): number {
  words[HIGH] = high;
  words[LOW] = low;
  return float[0];
}

// fdlibm tests exp's branch points on the high word of |x|; "high word > w" is "|x| >= the
// double whose words are (w + 1, 0)", so comparing doubles takes the same branches
// without a word access, and 2^k comes from a table: small enough to inline into loops.
const REDUCE_FROM = fromWords(0x3fd62e43, 0);
const ONE_STEP_BELOW = fromWords(0x3ff0a2b2, 0);
const TINY_BELOW = fromWords(0x3e300000, 0);
/** 2^k for integer k in [−1024, 1023] at index k + 1024, by exact doubling and halving (exp scales by it, log unscales). */
export const POWERS_OF_TWO = (() => {
  const table = new Float64Array(2048);
  table[1024] = 1;
  for (let k = 1; k <= 1023; k++) table[1024 + k] = table[1023 + k] * 2;
  for (let k = -1; k >= -1024; k--) table[1024 + k] = table[1025 + k] / 2;
  return table;
})();

/**
 * e^x, identical in every engine (fdlibm, error < 1 ulp).
 *
 * @example
 * exp(1) // 2.718281828459045
 */
export function exp(x: number): number {
  if (x !== x) return x;
  if (x > EXP_OVERFLOW) return Infinity;
  if (x < EXP_UNDERFLOW) return 0;
  const magnitude = Math.abs(x);
  const negative = x < 0;
  let k = 0;
  let hi = 0;
  let lo = 0;
  let r = x;
  if (magnitude >= REDUCE_FROM) {
    if (magnitude < ONE_STEP_BELOW) {
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = Math.trunc(INV_LN2 * x + (negative ? -0.5 : 0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    r = hi - lo;
  } else if (magnitude < TINY_BELOW) {
    return 1 + x;
  }
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((r * c) / (c - 2) - r);
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  if (k >= -1021 && k <= 1023) return y * POWERS_OF_TWO[k + 1024];
  if (k > 1023) return y * powerOfTwo(1023) * powerOfTwo(k - 1023);
  return y * powerOfTwo(k + 1000) * TWO_M1000;
}

/**
 * values[i] = exp(values[i]) for i < n, the column form used by lognormal draws.
 *
 * @example
 * const column = Float64Array.of(0, 1);
 * fillExp(column, 2); // column is [1, 2.718281828459045]
 */
export function fillExp(values: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) values[i] = exp(values[i]);
}

const TWO54 = 1.8014398509481984e16;
const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/**
 * fdlibm's constants as exp and log use them, and the doubles that stand for exp's
 * high-word branch points, for the WebAssembly port (which must use the same bits).
 *
 * @example
 * FDLIBM.LN2_HI // 0.6931471803691238
 */
export const FDLIBM = {
  LN2_HI,
  LN2_LO,
  INV_LN2,
  EXP_OVERFLOW,
  EXP_UNDERFLOW,
  TWO_M1000,
  P1,
  P2,
  P3,
  P4,
  P5,
  REDUCE_FROM,
  ONE_STEP_BELOW,
  TINY_BELOW,
  TWO54,
  LG1,
  LG2,
  LG3,
  LG4,
  LG5,
  LG6,
  LG7,
} as const;

/**
 * Natural logarithm, identical in every engine (fdlibm, error < 1 ulp).
 *
 * @example
 * log(Math.E) // 1
 */
export function log(value: number): number {
  let x = value;
  let hx = highWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    if (x === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  const biasedExponent = hx >> 20;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  // fdlibm rewrites the exponent word to put x in [√2/2, √2); scaling by a power of two is the
  // same exact operation without a word store.
  const exponent = biasedExponent - 1023 + (i >> 20);
  x *= POWERS_OF_TWO[1024 - exponent];
  k += exponent;
  const f = x - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - r : dk * LN2_HI - (r - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  let i2 = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i2 |= j;
  const r = t2 + t1;
  if (i2 > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - r) : dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}

/**
 * ln(1 + x), accurate for small x (Goldberg's correction), identical in every engine.
 *
 * @example
 * log1p(1e-20) // 1e-20
 */
export function log1p(x: number): number {
  const u = 1 + x;
  if (u === 1) return x;
  if (u === Infinity) return Infinity;
  return (log(u) * x) / (u - 1);
}

/**
 * e^x − 1, accurate for small x (Kahan's correction), identical in every engine.
 *
 * @example
 * expm1(1e-20) // 1e-20
 */
export function expm1(x: number): number {
  const u = exp(x);
  if (u === 1) return x;
  const um1 = u - 1;
  if (um1 === -1) return -1;
  if (u === Infinity) return Infinity;
  return (um1 * x) / log(u);
}

/** log10(e), as log10 multiplies by it. */
// biome-ignore lint/suspicious/noApproximativeNumericConstant: the fdlibm constant, written out so the bits are visibly the port's
export const LOG10_E = 0.4342944819032518;

/**
 * Base-10 logarithm, identical in every engine.
 *
 * @example
 * log10(1000) // 2.9999999999999996 or 3, the same bits everywhere
 */
export function log10(x: number): number {
  return log(x) * LOG10_E;
}

/**
 * x^y, identical in every engine. Small integer exponents use exact binary powering;
 * others exp(y·log x). Follows Math.pow's special cases (0, ±Infinity, NaN, negative bases).
 *
 * @example
 * pow(1.1, -1 / 12) // the same bits in Node and in the browser
 */
export function pow(x: number, y: number): number {
  if (y === 0) return 1;
  if (x !== x || y !== y) return NaN;
  if (x === 1) return 1;
  if (Number.isInteger(y) && Math.abs(y) <= 64) {
    let base = x;
    let n = Math.abs(y);
    let result = 1;
    while (n > 0) {
      if (n & 1) result *= base;
      base *= base;
      n >>>= 1;
    }
    // One rounding for the reciprocal: 10^−2 is exactly 0.01, as 1/100.
    return y < 0 ? 1 / result : result;
  }
  if (x === 0 || !Number.isFinite(x) || !Number.isFinite(y)) return Math.pow(x, y);
  if (x < 0) {
    if (!Number.isInteger(y)) return NaN;
    const magnitude = exp(y * log(-x));
    return y % 2 === 0 ? magnitude : -magnitude;
  }
  return exp(y * log(x));
}

/**
 * sin(π·x), identical in every engine. The reduction is exact (x − 2·round(x/2) loses
 * nothing for doubles), then a Taylor series on |π·r| ≤ π/2.
 *
 * @example
 * sinPi(1 / 6) // 0.49999999999999994 or 0.5, the same bits everywhere
 */
export function sinPi(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  let r = x - 2 * Math.round(x / 2);
  // sin(π·r) = sin(π·(1 − r)): fold into [−1/2, 1/2].
  if (r > 0.5) r = 1 - r;
  else if (r < -0.5) r = -1 - r;
  const magnitude = Math.abs(r);
  if (magnitude <= 0.25) return sinSeries(Math.PI * r);
  // Past a quarter turn, sin(π·r) = cos(π·(1/2 − |r|)), so sinPi(1/2) is exactly 1.
  const value = cosSeries(Math.PI * (0.5 - magnitude));
  return r < 0 ? -value : value;
}

function sinSeries(angle: number): number {
  const angle2 = angle * angle;
  let term = angle;
  let sum = angle;
  for (let n = 1; n <= 12; n++) {
    term *= -angle2 / (2 * n * (2 * n + 1));
    sum += term;
  }
  return sum;
}

function cosSeries(angle: number): number {
  const angle2 = angle * angle;
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= 12; n++) {
    term *= -angle2 / ((2 * n - 1) * (2 * n));
    sum += term;
  }
  return sum;
}
