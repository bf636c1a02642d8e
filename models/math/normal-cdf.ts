import * as dm from './deterministic-math.ts';
/*
 * W. J. Cody, "Rational Chebyshev approximations for the error function",
 * Math. Comp. 23 (1969) 631–638, in the form R's pnorm() uses: three rational
 * approximations on |x| <= 0.674, <= sqrt(32) and beyond, each good to about
 * 1e-16 relative, so tail probabilities keep full relative precision.
 */

export const CENTRAL_NUMERATOR = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113] as const;
export const CENTRAL_DENOMINATOR = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956] as const;
export const MIDDLE_NUMERATOR = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711, 6848.1904505362823326,
  11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
] as const;
export const MIDDLE_DENOMINATOR = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091, 34900.952721145977266, 38912.003286093271411,
  19685.429676859990727,
] as const;
export const TAIL_NUMERATOR = [
  0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303,
] as const;
export const TAIL_DENOMINATOR = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5] as const;

export const CENTRAL_LIMIT = 0.67448975; // qnorm(3/4)
export const MIDDLE_LIMIT = 5.656854249492380195; // sqrt(32)
export const INV_SQRT_2PI = 0.398942280401432677939946059934;
/** Beyond these the lower tail is 0 or 1 in double precision. */
export const LOWER_UNDERFLOW = -37.5193;
export const UPPER_SATURATION = 8.2924;
export const TINY = 1.1102230246251565e-16; // below this x·(rational) is already exact

/**
 * exp(-y²/2) without the cancellation of squaring a large y: split y into a part
 * with few mantissa bits (exact square) and a small remainder.
 */
function gaussianTail(y: number): number {
  const head = Math.trunc(y * 16) / 16;
  const del = (y - head) * (y + head);
  return dm.exp(-head * head * 0.5) * dm.exp(-del * 0.5);
}

/**
 * Standard normal cumulative distribution function Φ(x) = P(Z <= x), with about
 * 1e-15 relative error in both tails (use `normalCdf(-x)` for the upper tail:
 * it keeps full relative precision where `1 - normalCdf(x)` would not).
 *
 * @example
 * normalCdf(1.959963984540054) // 0.975
 * normalCdf(-10) // 7.619853024160527e-24
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  if (y <= CENTRAL_LIMIT) {
    let numerator = 0;
    let denominator = 0;
    if (y > TINY) {
      const xsq = x * x;
      numerator = CENTRAL_NUMERATOR[4] * xsq;
      denominator = xsq;
      for (let i = 0; i < 3; i++) {
        numerator = (numerator + CENTRAL_NUMERATOR[i]) * xsq;
        denominator = (denominator + CENTRAL_DENOMINATOR[i]) * xsq;
      }
    }
    return 0.5 + (x * (numerator + CENTRAL_NUMERATOR[3])) / (denominator + CENTRAL_DENOMINATOR[3]);
  }
  let smallerTail: number;
  if (y <= MIDDLE_LIMIT) {
    let numerator = MIDDLE_NUMERATOR[8] * y;
    let denominator = y;
    for (let i = 0; i < 7; i++) {
      numerator = (numerator + MIDDLE_NUMERATOR[i]) * y;
      denominator = (denominator + MIDDLE_DENOMINATOR[i]) * y;
    }
    smallerTail = (gaussianTail(y) * (numerator + MIDDLE_NUMERATOR[7])) / (denominator + MIDDLE_DENOMINATOR[7]);
  } else if (x > LOWER_UNDERFLOW && x < -LOWER_UNDERFLOW) {
    const xsq = 1 / (x * x);
    let numerator = TAIL_NUMERATOR[5] * xsq;
    let denominator = xsq;
    for (let i = 0; i < 4; i++) {
      numerator = (numerator + TAIL_NUMERATOR[i]) * xsq;
      denominator = (denominator + TAIL_DENOMINATOR[i]) * xsq;
    }
    const ratio = (xsq * (numerator + TAIL_NUMERATOR[4])) / (denominator + TAIL_DENOMINATOR[4]);
    smallerTail = (gaussianTail(y) * (INV_SQRT_2PI - ratio)) / y;
  } else {
    smallerTail = 0;
  }
  if (x > 0) return x >= UPPER_SATURATION ? 1 : 1 - smallerTail;
  return smallerTail;
}

/**
 * P(a <= Z <= b) for a standard normal Z (a <= b, either may be infinite),
 * computed from the tails that keep relative precision: it stays accurate for
 * intervals far out in either tail, where Φ(b) − Φ(a) would cancel to 0.
 *
 * @example
 * normalIntervalProbability(-1.959963984540054, 1.959963984540054) // 0.95
 * normalIntervalProbability(8, Infinity) // 6.22096057427178e-16
 */
export function normalIntervalProbability(a: number, b: number): number {
  if (a > 0) return normalCdf(-a) - normalCdf(-b);
  return normalCdf(b) - normalCdf(a);
}
