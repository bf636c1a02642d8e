import { describe, expect, it } from 'vitest';
import { parseCase } from '../../models/compile/validate-case.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { normalCdf } from '../../models/math/normal-cdf.ts';
import { streamState, uniformSource } from '../../models/rng/index.ts';
import { logGamma } from '../../models/math/log-gamma.ts';
import { evsi } from '../../models/voi/evsi.ts';
import { evidenceCase } from '../evidence/evidence-case.ts';

const phi = (z: number): number => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);

/** E[max(Y, 0)] − max(E[Y], 0) for Y ~ N(m, s²): the normal loss integral. */
function normalLoss(m: number, s: number): number {
  return m * normalCdf(m / s) + s * phi(m / s) - Math.max(m, 0);
}

describe('EVSI of a normal input when NPV is linear in it', () => {
  // NPV = 12·x − 1260 with x ~ N(100, 10²): E[NPV] = −60, sd 120.
  const mu0 = 100;
  const sd0 = 10;
  const b = 12;
  const m = b * mu0 - 1260;
  const S = 30;
  const trials = 200_000;
  const { model } = parseCase(evidenceCase({ distribution: { type: 'normal', mean: mu0, sd: sd0 } }, 1260));
  const run = simulate(model, { trials, seed: 2026, sampling: 'lhs', keepInputs: true });
  const sizes = [1, 3, 10, 30, 100, 300, 100_000];
  const result = evsi(run.inputs!.x, run.outputs.npv, sizes, { kind: 'normal', sd: S }, uniformSource(streamState(2026, 0, 1)));

  /** Closed form: the preposterior mean of x is N(μ0, σ0² − σn²), σn² = 1/(1/σ0² + n/S²), so E[NPV | data] ~ N(m, b²(σ0² − σn²)). */
  const closedForm = (n: number): number => normalLoss(m, b * Math.sqrt(sd0 ** 2 - 1 / (1 / sd0 ** 2 + n / S ** 2)));

  it.each([10, 30, 100, 300])('matches E[max(Y, 0)] − max(E[Y], 0) within 2 %% at n = %i', (n) => {
    const estimate = result.sizes.find((entry) => entry.n === n)!;
    const expected = closedForm(n);
    expect(Math.abs(estimate.evsi - expected) / expected).toBeLessThan(0.02);
  });

  it.each(sizes)('is within 3 standard errors of the closed form at n = %i (small n: EVSI of 0.9 € has an s.e. of 0.06 €)', (n) => {
    const estimate = result.sizes.find((entry) => entry.n === n)!;
    expect(estimate.standardError).toBeGreaterThan(0);
    expect(Math.abs(estimate.evsi - closedForm(n))).toBeLessThan(3 * estimate.standardError);
  });

  it('never exceeds EVPPI and tends to it as n grows', () => {
    const evppi = result.evppi.biasCorrected;
    expect(Math.abs(evppi - normalLoss(m, b * sd0)) / normalLoss(m, b * sd0)).toBeLessThan(0.02);
    for (const estimate of result.sizes) {
      expect(estimate.evsi).toBeLessThanOrEqual(evppi);
      // Not only by the cap: the uncapped estimate is within noise of the bound.
      expect(estimate.uncapped).toBeLessThan(evppi + 2 * estimate.standardError);
    }
    const values = result.sizes.map((entry) => entry.evsi);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1] - 2 * result.sizes[i].standardError);
    expect(Math.abs(values.at(-1)! - evppi) / evppi).toBeLessThan(0.005);
  });
});

/** EVSI of n binomial observations of θ ~ Beta(a, b) when NPV is linear in θ: Σ_k P(k)·max(E[NPV | k], 0) − max(E[NPV], 0), exactly. */
function betaBinomialEvsi(a: number, b: number, n: number, npvAtMean: (mean: number) => number): number {
  let total = 0;
  for (let k = 0; k <= n; k++) {
    const logPmf = logChoose(n, k) + logBeta(a + k, b + n - k) - logBeta(a, b);
    total += Math.exp(logPmf) * Math.max(npvAtMean((a + k) / (a + b + n)), 0);
  }
  return total - Math.max(npvAtMean(a / (a + b)), 0);
}
const logBeta = (x: number, y: number): number => logGamma(x) + logGamma(y) - logGamma(x + y);
const logChoose = (n: number, k: number): number => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);

describe('EVSI of a proportion (binomial sample)', () => {
  it('is 0 for n where no count could flip the decision, and tends to EVPPI', () => {
    // NPV = 12·x − 6: go when the share x > 0.5; x ~ Beta(6, 4), mean 0.6.
    const { model } = parseCase(evidenceCase({ distribution: { type: 'beta', alpha: 6, beta: 4 } }, 6));
    const run = simulate(model, { trials: 100_000, seed: 9, sampling: 'lhs', keepInputs: true });
    const result = evsi(run.inputs!.x, run.outputs.npv, [1, 20, 200, 1000, 5000], { kind: 'binomial' }, uniformSource(streamState(9, 0, 1)));
    const [one, ...rest] = result.sizes;
    // One observation: Beta(6,4) updated by one failure is Beta(6,5), mean 6/11 > 0.5: still go, so EVSI = 0.
    expect(one.evsi).toBeLessThan(2 * one.standardError + 1e-9);
    const values = rest.map((entry) => entry.evsi);
    expect(values[0]).toBeGreaterThan(0);
    expect(values.at(-1)!).toBeGreaterThan(0.95 * result.evppi.biasCorrected);
    // Exact preposterior: k ~ BetaBinomial(n, 6, 4), E[NPV | k] = 12·(6 + k)/(10 + n) − 6.
    for (const entry of result.sizes) {
      const exact = betaBinomialEvsi(6, 4, entry.n, (mean) => 12 * mean - 6);
      expect(Math.abs(entry.evsi - exact)).toBeLessThan(3 * entry.standardError + 1e-9);
    }
  });
});
