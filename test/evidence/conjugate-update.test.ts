import { describe, expect, it } from 'vitest';
import { parseCase } from '../../models/compile/validate-case.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { REPRESENTATIVENESS_FACTORS, updateInput } from '../../models/evidence/index.ts';
import { STANDARD_NORMAL_P95 } from '../../models/distributions/normal.ts';
import { META, evidenceCase, moments } from './evidence-case.ts';

const TRIALS = 200_000;

/** The textbook normal–normal posterior of a mean (Gelman et al., BDA3 §2.5). */
function textbookNormal(mu0: number, sd0: number, n: number, xbar: number, s: number) {
  const precision = 1 / sd0 ** 2 + n / s ** 2;
  return { mean: (mu0 / sd0 ** 2 + (n * xbar) / s ** 2) / precision, sd: Math.sqrt(1 / precision) };
}

/** The input column of a 200k-trial plain Monte Carlo run of the one-input case. */
function simulatedX(doc: ReturnType<typeof evidenceCase>, seed: number): Float64Array {
  const { model } = parseCase(doc);
  return simulate(model, { trials: TRIALS, seed, sampling: 'mc', keepInputs: true }).inputs!.x;
}

describe('evidence: normal–normal', () => {
  const prior = { type: 'normal', p5: 0.5, p95: 2.5 } as const;
  const mu0 = 1.5;
  const sd0 = 1 / STANDARD_NORMAL_P95;
  const evidence = { summary: { n: 12, mean: 0.9, sd: 1.1 }, representativeness: 'production', ...META } as const;

  it('gives the conjugate posterior (mean = midpoint, sd from the 90 % range)', () => {
    const update = updateInput('x', { distribution: prior, evidence })!;
    const expected = textbookNormal(mu0, sd0, 12, 0.9, 1.1);
    expect(update.method).toBe('normal');
    expect(update.posteriorParameters.mean).toBeCloseTo(expected.mean, 12);
    expect(update.posteriorParameters.sd).toBeCloseTo(expected.sd, 12);
    expect(update.posterior).toEqual({ type: 'normal', mean: update.posteriorParameters.mean, sd: update.posteriorParameters.sd });
  });

  it('the simulation samples the posterior: mean and sd within Monte Carlo error at 200k trials', () => {
    const expected = textbookNormal(mu0, sd0, 12, 0.9, 1.1);
    const { mean, sd } = moments(simulatedX(evidenceCase({ distribution: prior, evidence }), 7));
    expect(Math.abs(mean - expected.mean)).toBeLessThan((4 * expected.sd) / Math.sqrt(TRIALS));
    // s.e. of a normal sample sd ≈ sd/√(2n)
    expect(Math.abs(sd - expected.sd)).toBeLessThan((4 * expected.sd) / Math.sqrt(2 * TRIALS));
  });

  it('raw observations give the same posterior as their summary', () => {
    const observations = [0.2, 1.4, 0.9, 2.3, -0.4, 1.1];
    const n = observations.length;
    const xbar = observations.reduce((a, b) => a + b) / n;
    const s = Math.sqrt(observations.reduce((a, b) => a + (b - xbar) ** 2, 0) / (n - 1));
    const update = updateInput('x', { distribution: prior, evidence: { observations, representativeness: 'production', ...META } })!;
    const expected = textbookNormal(mu0, sd0, n, xbar, s);
    expect(update.posteriorParameters.mean).toBeCloseTo(expected.mean, 12);
    expect(update.posteriorParameters.sd).toBeCloseTo(expected.sd, 12);
  });
});

describe('evidence: lognormal in log space', () => {
  it('updates mu, sigma of ln x from log-observations, and the simulation samples it', () => {
    const distribution = { type: 'lognormal', p5: 1, p95: 4 } as const;
    const observations = [1.2, 2.5, 1.8, 3.1, 2.2, 1.5, 2.9, 2.0];
    const logs = observations.map(Math.log);
    const n = logs.length;
    const m = logs.reduce((a, b) => a + b) / n;
    const s = Math.sqrt(logs.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1));
    const mu0 = Math.log(2);
    const sigma0 = Math.log(4) / (2 * STANDARD_NORMAL_P95);
    const expected = textbookNormal(mu0, sigma0, n, m, s);
    const evidence = { observations, representativeness: 'production', ...META } as const;
    const update = updateInput('x', { distribution, evidence })!;
    expect(update.posteriorParameters.mu).toBeCloseTo(expected.mean, 12);
    expect(update.posteriorParameters.sigma).toBeCloseTo(expected.sd, 12);
    const logColumn = simulatedX(evidenceCase({ distribution, evidence }), 3).map(Math.log);
    const got = moments(logColumn);
    expect(Math.abs(got.mean - expected.mean)).toBeLessThan((4 * expected.sd) / Math.sqrt(TRIALS));
    expect(Math.abs(got.sd - expected.sd)).toBeLessThan((4 * expected.sd) / Math.sqrt(2 * TRIALS));
  });

  it('takes a summary of the quantity as lognormal moments: σ² = ln(1 + s²/m²), μ = ln m − σ²/2', () => {
    const update = updateInput('x', {
      distribution: { type: 'lognormal', p5: 1, p95: 4 },
      evidence: { summary: { n: 20, mean: 2, sd: 1 }, representativeness: 'production', ...META },
    })!;
    const s2 = Math.log(1 + 0.25);
    const expected = textbookNormal(Math.log(2), Math.log(4) / (2 * STANDARD_NORMAL_P95), 20, Math.log(2) - s2 / 2, Math.sqrt(s2));
    expect(update.posteriorParameters.mu).toBeCloseTo(expected.mean, 12);
    expect(update.posteriorParameters.sigma).toBeCloseTo(expected.sd, 12);
  });
});

describe('evidence: beta–binomial', () => {
  it('a beta prior on [0, 1] gives Beta(a + k, b + n − k), and the simulation samples it', () => {
    const distribution = { type: 'beta', alpha: 3, beta: 7 } as const;
    const evidence = { proportion: { successes: 18, trials: 40 }, representativeness: 'production', ...META } as const;
    const update = updateInput('x', { distribution, evidence })!;
    expect(update.method).toBe('betaBinomial');
    expect(update.posteriorParameters.alpha).toBeCloseTo(21, 10);
    expect(update.posteriorParameters.beta).toBeCloseTo(29, 10);
    const a = 21;
    const b = 29;
    const mean = a / (a + b);
    const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
    const got = moments(simulatedX(evidenceCase({ distribution, evidence }), 5));
    expect(Math.abs(got.mean - mean)).toBeLessThan((4 * sd) / Math.sqrt(TRIALS));
    expect(Math.abs(got.sd - sd)).toBeLessThan((5 * sd) / Math.sqrt(2 * TRIALS));
  });

  it('a PERT within [0, 1] is matched by moments: PERT(0, 0.3, 1) is exactly Beta(2.2, 3.8)', () => {
    const update = updateInput('x', {
      distribution: { type: 'pert', min: 0, mode: 0.3, max: 1 },
      evidence: { proportion: { successes: 5, trials: 10 }, representativeness: 'production', ...META },
    })!;
    expect(update.priorParameters.alpha).toBeCloseTo(2.2, 9);
    expect(update.priorParameters.beta).toBeCloseTo(3.8, 9);
    expect(update.posteriorParameters.alpha).toBeCloseTo(7.2, 9);
    expect(update.posteriorParameters.beta).toBeCloseTo(8.8, 9);
  });
});

describe('evidence: representativeness', () => {
  const distribution = { type: 'normal', mean: 10, sd: 2 } as const;
  const summary = { n: 16, mean: 7, sd: 4 };

  it('curated evidence counts as a quarter of its n: the same update as production evidence of n/4', () => {
    const curated = updateInput('x', { distribution, evidence: { summary, representativeness: 'curated', ...META } })!;
    const quarter = updateInput('x', { distribution, evidence: { summary: { ...summary, n: 4 }, representativeness: 'production', ...META } })!;
    const production = updateInput('x', { distribution, evidence: { summary, representativeness: 'production', ...META } })!;
    expect(curated.effectiveN).toBe(4);
    expect(curated.posteriorParameters.mean).toBeCloseTo(quarter.posteriorParameters.mean, 12);
    expect(curated.posteriorParameters.sd).toBeCloseTo(quarter.posteriorParameters.sd, 12);
    // Shift of the mean from the prior: w = n_eff/s² / (1/σ0² + n_eff/s²); production 16/16/(1/4+1) = 0.8, curated 4/16/(1/4+1/4) = 0.5.
    expect(10 - production.posteriorParameters.mean).toBeCloseTo(3 * 0.8, 12);
    expect(10 - curated.posteriorParameters.mean).toBeCloseTo(3 * 0.5, 12);
  });

  it('similar evidence counts for half, and proportions scale successes and trials', () => {
    expect(REPRESENTATIVENESS_FACTORS).toEqual({ production: 1, similar: 0.5, curated: 0.25 });
    const update = updateInput('x', {
      distribution: { type: 'beta', alpha: 2, beta: 2 },
      evidence: { proportion: { successes: 30, trials: 40 }, representativeness: 'similar', ...META },
    })!;
    expect(update.posteriorParameters).toEqual({ alpha: 17, beta: 7 });
  });

  it("takes a portfolio's own factors", () => {
    const update = updateInput(
      'x',
      { distribution, evidence: { summary, representativeness: 'curated', ...META } },
      { production: 1, similar: 0.5, curated: 1 },
    )!;
    expect(update.effectiveN).toBe(16);
  });
});
