/**
 * One probability distribution. Every implementation is validated when it is
 * constructed (it throws `DistributionError` naming the parameter), and is pure:
 * randomness only ever comes from the `rng` passed in.
 */
export interface Distribution {
  /** The spec type name, e.g. `'pert'`. */
  readonly type: string;
  /** One draw. Must use `rng` (a uniform on (0, 1)) and nothing else. */
  sample(rng: () => number): number;
  /** Analytic mean (after truncation). */
  mean(): number;
  /** Analytic variance (after truncation). */
  variance(): number;
  /** P(X <= x). */
  cdf(x: number): number;
  /** Inverse CDF (quantile function) for p in (0, 1); inv(0)/inv(1) give the support bounds. */
  inv(p: number): number;
  /** Density (continuous) or probability mass (discrete) at x, for previews. */
  pdf(x: number): number;
  /**
   * Column transform: out[i] = inv(u[i]) for i < n. This is the Monte Carlo hot path;
   * it allocates nothing and gives exactly the same numbers as `inv`, except where a
   * distribution documents an interpolation table (Beta and PERT always; normal and
   * lognormal when `ascending` says u is sorted ascending, as Latin Hypercube strata
   * are, so the table is read in order).
   */
  fillFromUniforms(u: Float64Array, out: Float64Array, n: number, ascending?: boolean): void;
  /** True when the distribution has point masses (fixed, bernoulli, discrete). */
  readonly discrete: boolean;
}

/** Thrown when a distribution's parameters are invalid. `field` is the offending parameter name. */
export class DistributionError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'DistributionError';
  }
}
