import { describe, expect, it } from 'vitest';
import { evpi } from '../../models/voi/evpi.ts';
import { mulberry32 } from '../helpers/mulberry32.ts';

/** n draws of N(mu, sigma) by Box–Muller. */
function normals(n: number, mu: number, sigma: number, rng: () => number): Float64Array {
  const x = new Float64Array(n);
  for (let t = 0; t < n; t += 2) {
    const r = Math.sqrt(-2 * Math.log(rng()));
    const a = 2 * Math.PI * rng();
    x[t] = mu + sigma * r * Math.cos(a);
    if (t + 1 < n) x[t + 1] = mu + sigma * r * Math.sin(a);
  }
  return x;
}

/** Complementary error function (Numerical Recipes erfcc, relative error < 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
const Phi = (x: number): number => 0.5 * erfc(-x / Math.SQRT2);
const phi = (x: number): number => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/**
 * For X ~ N(μ, σ²): E[max(X, 0)] = μΦ(μ/σ) + σφ(μ/σ), so
 * EVPI = E[max(X, 0)] − max(μ, 0) = σφ(μ/σ) − |μ|Φ(−|μ|/σ)
 * (for μ > 0 subtract μ and use Φ(z) − 1 = −Φ(−z); for μ ≤ 0 the formula is already that).
 * Also E[max(X, 0)²] = (μ² + σ²)Φ(μ/σ) + μσφ(μ/σ), for the standard errors.
 */
const positivePartMean = (mu: number, s: number): number => mu * Phi(mu / s) + s * phi(mu / s);
const positivePartSecondMoment = (mu: number, s: number): number => (mu * mu + s * s) * Phi(mu / s) + mu * s * phi(mu / s);
const evpiNormal = (mu: number, s: number): number => s * phi(mu / s) - Math.abs(mu) * Phi(-Math.abs(mu) / s);

describe('evpi', () => {
  it('works a small example by hand', () => {
    const r = evpi(new Float64Array([-10, 20, 30, -40, 50]));
    expect(r.expectedNpv).toBe(10);
    expect(r.preferred).toBe('go');
    expect(r.eolGo).toBe(10); // (10 + 40)/5
    expect(r.eolStop).toBe(20); // (20 + 30 + 50)/5
    expect(r.evpi).toBe(10); // E[max(NPV, 0)] − max(E NPV, 0) = 20 − 10
    // sd of the max(−NPV, 0) values (10, 0, 0, 40, 0) around 10: √(1200/4) → se √300/√5.
    expect(r.evpiStandardError).toBeCloseTo(Math.sqrt(300 / 5), 12);
  });

  it('matches the closed form for NPV ~ N(0.5, 2²) (go preferred)', () => {
    const mu = 0.5;
    const sigma = 2;
    const n = 400_000;
    const r = evpi(normals(n, mu, sigma, mulberry32(21)));
    const exact = evpiNormal(mu, sigma);
    expect(exact).toBeCloseTo(positivePartMean(mu, sigma) - mu, 12);
    expect(r.preferred).toBe('go');
    expect(Math.abs(r.evpi - exact)).toBeLessThan(4 * r.evpiStandardError);
    expect(Math.abs(r.evpi - exact)).toBeLessThan(0.01);
    expect(Math.abs(r.eolStop - positivePartMean(mu, sigma))).toBeLessThan(4 * r.eolStopStandardError);
    // EOL_go is the positive part of −X ~ N(−μ, σ²).
    expect(Math.abs(r.eolGo - positivePartMean(-mu, sigma))).toBeLessThan(4 * r.eolGoStandardError);
    // Identity: EVPI = E[max(NPV, 0)] − max(E[NPV], 0) = EOL of the preferred choice.
    expect(r.evpi).toBeCloseTo(r.eolStop - Math.max(r.expectedNpv, 0), 12);
    // Standard error: sd(max(−X, 0))/√n from the closed-form moments, within 2%.
    const m1 = positivePartMean(-mu, sigma);
    const sdNeg = Math.sqrt(positivePartSecondMoment(-mu, sigma) - m1 * m1);
    expect(Math.abs(r.evpiStandardError / (sdNeg / Math.sqrt(n)) - 1)).toBeLessThan(0.02);
    expect(r.expectedNpvStandardError).toBeCloseTo(sigma / Math.sqrt(n), 4);
  });

  it('matches the closed form for NPV ~ N(−1, 3²) (stop preferred: EVPI = EOL of stopping)', () => {
    const mu = -1;
    const sigma = 3;
    const r = evpi(normals(400_000, mu, sigma, mulberry32(22)));
    expect(r.preferred).toBe('stop');
    expect(r.evpi).toBe(r.eolStop);
    expect(Math.abs(r.evpi - evpiNormal(mu, sigma))).toBeLessThan(4 * r.evpiStandardError);
    expect(Math.abs(r.evpi - evpiNormal(mu, sigma))).toBeLessThan(0.01);
  });

  it('is zero when the decision is never wrong, ignores NaN and rejects empty input', () => {
    const r = evpi(new Float64Array([5, Number.NaN, 7, 9]));
    expect(r.n).toBe(3);
    expect(r.evpi).toBe(0);
    expect(r.eolGo).toBe(0);
    expect(r.preferred).toBe('go');
    expect(() => evpi(new Float64Array([Number.NaN]))).toThrow(RangeError);
  });
});
