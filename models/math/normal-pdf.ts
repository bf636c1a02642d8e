import * as dm from './deterministic-math.ts';
const INV_SQRT_2PI = 0.398942280401432677939946059934;

/**
 * Standard normal density φ(x) = exp(-x²/2) / √(2π); 0 at ±Infinity.
 *
 * @example
 * normalPdf(0) // 0.3989422804014327
 */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * dm.exp(-0.5 * x * x);
}
