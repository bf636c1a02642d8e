import { normalCdf } from '../math/normal-cdf.ts';
import { normalPdf } from '../math/normal-pdf.ts';

const INV_SQRT_PI = 0.5641895835477563; // 1/√π

/**
 * CRPS of a normal forecast N(μ, σ²) at observation y, in closed form
 * (Gneiting & Raftery 2007): σ·[z·(2Φ(z) − 1) + 2φ(z) − 1/√π] with z = (y − μ)/σ.
 * σ = 0 gives |y − μ|, the score of a point forecast. Throws a RangeError for a negative
 * or non-finite σ.
 *
 * @example
 * crpsNormal(0, 1, 0); // 0.2336949772459... = 2φ(0) − 1/√π
 * crpsNormal(10, 0, 13); // 3
 */
export function crpsNormal(mu: number, sigma: number, y: number): number {
  if (!(sigma >= 0 && Number.isFinite(sigma))) throw new RangeError(`crpsNormal: sigma must be a finite number ≥ 0, got ${sigma}`);
  if (sigma === 0) return Math.abs(y - mu);
  const z = (y - mu) / sigma;
  return sigma * (z * (2 * normalCdf(z) - 1) + 2 * normalPdf(z) - INV_SQRT_PI);
}
