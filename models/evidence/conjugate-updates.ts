/** A normal belief about an unknown mean. */
export interface NormalBelief {
  mean: number;
  sd: number;
}

/** Beta(alpha, beta) parameters. */
export interface BetaParameters {
  alpha: number;
  beta: number;
}

/**
 * Normal–normal conjugate update of an unknown mean μ with prior N(μ0, σ0²) from n
 * measurements with mean x̄ and sd s (taken as the known measurement sd), counted as
 * n_eff = factor·n:
 *   1/σn² = 1/σ0² + n_eff/s²,   μn = σn²·(μ0/σ0² + n_eff·x̄/s²).
 * (Gelman et al., Bayesian Data Analysis, 3rd ed., §2.5.)
 *
 * @example
 * normalNormalUpdate({ mean: 0, sd: 1 }, { n: 4, mean: 2, sd: 2 }) // { mean: 1, sd: √0.5 }
 */
export function normalNormalUpdate(prior: NormalBelief, sample: { n: number; mean: number; sd: number }, factor = 1): NormalBelief {
  const priorPrecision = 1 / (prior.sd * prior.sd);
  const dataPrecision = (factor * sample.n) / (sample.sd * sample.sd);
  const precision = priorPrecision + dataPrecision;
  return { mean: (prior.mean * priorPrecision + sample.mean * dataPrecision) / precision, sd: Math.sqrt(1 / precision) };
}

/**
 * The beta distribution on [0, 1] with a given mean m and variance v (method of moments):
 * κ = m(1 − m)/v − 1, alpha = m·κ, beta = (1 − m)·κ. Exact for any beta on [0, 1]
 * (PERT on [0, 1] included); needs 0 < v < m(1 − m).
 *
 * @example
 * betaFromMoments(0.5, 1 / 12) // { alpha: 1, beta: 1 } (the uniform)
 */
export function betaFromMoments(mean: number, variance: number): BetaParameters {
  const kappa = (mean * (1 - mean)) / variance - 1;
  return { alpha: mean * kappa, beta: (1 - mean) * kappa };
}

/**
 * Beta–binomial conjugate update: prior Beta(a, b), k successes in n trials, both counted
 * times `factor` (the effective sample size): posterior Beta(a + factor·k, b + factor·(n − k)).
 *
 * @example
 * betaBinomialUpdate({ alpha: 2, beta: 3 }, 7, 10) // { alpha: 9, beta: 6 }
 */
export function betaBinomialUpdate(prior: BetaParameters, successes: number, trials: number, factor = 1): BetaParameters {
  return { alpha: prior.alpha + factor * successes, beta: prior.beta + factor * (trials - successes) };
}
