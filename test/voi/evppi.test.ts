import { describe, expect, it } from 'vitest';
import { evppi } from '../../models/voi/evppi.ts';
import { mulberry32 } from '../helpers/mulberry32.ts';

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
/** EVPI of a go/stop decision on Y ~ N(μ, σ²): σφ(μ/σ) − |μ|Φ(−|μ|/σ). */
const evpiNormal = (mu: number, s: number): number => s * phi(mu / s) - Math.abs(mu) * Phi(-Math.abs(mu) / s);

describe('evppi (Strong & Oakley binning)', () => {
  // NPV = X + ε, X ~ N(0.1, 1), ε ~ N(0.2, 1.5²) independent, plus an irrelevant U(0, 1) input.
  // Learning X leaves E[NPV | X] = X + 0.2 ~ N(0.3, 1), so EVPPI(X) = EVPI of N(0.3, 1);
  // symmetrically EVPPI(ε) = EVPI of N(0.3, 1.5²); EVPI itself is that of N(0.3, 1 + 2.25).
  const n = 200_000;
  const rng = mulberry32(31);
  const x = normals(n, 0.1, 1, rng);
  const eps = normals(n, 0.2, 1.5, rng);
  const unrelated = new Float64Array(n).map(() => rng());
  const npv = x.map((v, t) => v + eps[t]);
  const r = evppi([x, eps, unrelated], npv);

  it('recovers EVPPI(X) = EVPI of N(μ1 + μ2, σ1²) and EVPPI(ε) = EVPI of N(μ1 + μ2, σ2²)', () => {
    const exactX = evpiNormal(0.3, 1);
    const exactEps = evpiNormal(0.3, 1.5);
    expect(exactX).toBeCloseTo(0.26676, 5);
    const [rx, re] = r.inputs;
    expect(rx.bins).toBe(447); // round(√200 000)
    expect(Math.abs(rx.evppi - exactX)).toBeLessThan(0.01);
    expect(Math.abs(rx.evppi - exactX)).toBeLessThan(4 * rx.standardError);
    expect(Math.abs(re.evppi - exactEps)).toBeLessThan(0.01);
    expect(Math.abs(re.evppi - exactEps)).toBeLessThan(4 * re.standardError);
    // With 447 trials per bin the noise bias is negligible: the cross-fitted value agrees.
    expect(Math.abs(rx.biasCorrected - exactX)).toBeLessThan(0.01);
    expect(Math.abs(re.biasCorrected - exactEps)).toBeLessThan(0.01);
    expect(Math.abs(r.evpi - evpiNormal(0.3, Math.sqrt(3.25)))).toBeLessThan(0.01);
  });

  it('gives ≈ 0 for an input the NPV does not depend on, and never exceeds EVPI', () => {
    const ru = r.inputs[2];
    expect(ru.evppi).toBeGreaterThanOrEqual(0);
    expect(ru.evppi).toBeLessThan(0.01);
    expect(ru.biasCorrected).toBeLessThanOrEqual(ru.evppi);
    for (const input of r.inputs) {
      expect(input.evppi).toBeLessThanOrEqual(r.evpi);
      expect(input.n).toBe(n);
    }
  });

  it('quantifies the upward noise bias when the decision is balanced (mean NPV = 0)', () => {
    // NPV ~ N(0, 1) independent of the input, n = 10 000 → 100 bins of 100. Each bin mean is
    // N(0, 0.1²), so E[max(bin mean, 0)] = 0.1·φ(0) and the raw estimate is biased up by about
    // 0.1·φ(0) − 0.01·φ(0) (the overall mean's own term) ≈ 0.0359, although the true EVPPI is 0.
    const m = 10_000;
    const g = mulberry32(32);
    const y = normals(m, 0, 1, g);
    const u = new Float64Array(m).map(() => g());
    const [e] = evppi([u], y).inputs;
    const expectedBias = (0.1 - 0.01) * phi(0);
    expect(e.bins).toBe(100);
    expect(Math.abs(e.evppi - expectedBias)).toBeLessThan(0.01);
    // Cross-fitting (choose on one half of each bin, value on the other) removes it.
    expect(e.biasCorrected).toBeLessThan(0.01);
    expect(Math.abs(e.noiseBias - expectedBias)).toBeLessThan(0.01);
  });

  it('equals EVPI when the NPV is the input itself, with the closed-form standard error', () => {
    // NPV = X ~ N(0.5, 1): EVPPI(X) = EVPI = E[max(−X, 0)]; its standard error is
    // sd(max(−X, 0))/√n with E[max(Y, 0)²] = (m² + s²)Φ(m/s) + m·s·φ(m/s) for Y = −X ~ N(−0.5, 1).
    const m = 100_000;
    const xs = normals(m, 0.5, 1, mulberry32(33));
    const res = evppi([xs], xs);
    const [e] = res.inputs;
    expect(e.evppi).toBeCloseTo(res.evpi, 3);
    expect(Math.abs(e.evppi - evpiNormal(0.5, 1))).toBeLessThan(0.005);
    const m1 = evpiNormal(0.5, 1);
    const m2 = (0.25 + 1) * Phi(-0.5) - 0.5 * phi(-0.5);
    const se = Math.sqrt(m2 - m1 * m1) / Math.sqrt(m);
    expect(Math.abs(e.standardError / se - 1)).toBeLessThan(0.05);
  });

  it('keeps tied values of a discrete input in one bin: NPV = 2B − 1 + ε, B ~ Bernoulli(½) → EVPPI ≈ ½', () => {
    // E[NPV | B = 1] = 1, E[NPV | B = 0] = −1, so EVPPI = ½·max(1, 0) + ½·max(−1, 0) − max(0, 0) = ½.
    const m = 20_000;
    const g = mulberry32(34);
    const b = new Float64Array(m).map(() => (g() < 0.5 ? 1 : 0));
    const noise = normals(m, 0, 0.5, g);
    const y = b.map((v, t) => 2 * v - 1 + noise[t]);
    const [e] = evppi([b], y).inputs;
    expect(e.bins).toBe(2);
    expect(Math.abs(e.evppi - 0.5)).toBeLessThan(0.03);
  });

  it('skips NaN trials, honours a bin count and checks lengths', () => {
    const input = new Float64Array([1, 2, Number.NaN, 4, 5, 6, 7, 8]);
    const y = new Float64Array([-3, -1, 100, -2, Number.NaN, 2, 1, 3]);
    const [e] = evppi([input], y, { bins: 2 }).inputs;
    // Kept trials: inputs (1, 2, 4, 6, 7, 8) with NPV (−3, −1, −2, 2, 1, 3); bins by sorted position
    // {1, 2, 4} → mean −2 and {6, 7, 8} → mean 2, overall mean 0: EVPPI = ½·2 = 1.
    expect(e.n).toBe(6);
    expect(e.bins).toBe(2);
    expect(e.evppi).toBeCloseTo(1, 14);
    expect(() => evppi([new Float64Array(3)], new Float64Array(4))).toThrow(RangeError);
  });
});
