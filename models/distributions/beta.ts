import { incompleteBeta } from '../math/incomplete-beta.ts';
import { incompleteBetaInv } from '../math/incomplete-beta-inv.ts';
import { logBeta } from '../math/log-beta.ts';
import { BetaQuantileTable } from './beta-quantile-table.ts';
import { hasTableStore, storedTable } from './table-store.ts';
import type { Distribution } from './distribution.ts';
import { requirePositive, requireRange } from './validation.ts';
import * as dm from '../math/deterministic-math.ts';

/**
 * Beta(alpha, beta) rescaled from [0, 1] to [min, max]. `inv` is the exact
 * quantile; `fillFromUniforms` uses an interpolation table built on first use
 * (see beta-quantile-table.ts; it agrees with `inv` to within 2e-11 of the range,
 * BETA_TABLE_MAX_ERROR), because the exact quantile is too slow for the hot path.
 *
 * @example
 * const d = new BetaDistribution(2, 5);
 * d.mean() // 0.2857142857142857
 * d.cdf(0.3) // ≈ 0.579825
 */
export class BetaDistribution implements Distribution {
  readonly type: string = 'beta';
  readonly discrete = false;
  private readonly range: number;
  private readonly logNormaliser: number;
  /** Built on first use: it costs ~20 ms, and previews that only need cdf/pdf/inv never pay it. */
  private table: BetaQuantileTable | undefined;

  constructor(
    readonly alpha: number,
    readonly beta: number,
    readonly min = 0,
    readonly max = 1,
  ) {
    requirePositive('alpha', alpha);
    requirePositive('beta', beta);
    requireRange(min, max);
    this.range = max - min;
    this.logNormaliser = logBeta(alpha, beta);
  }

  sample(rng: () => number): number {
    return this.inv(rng());
  }

  mean(): number {
    return this.min + (this.range * this.alpha) / (this.alpha + this.beta);
  }

  variance(): number {
    const sum = this.alpha + this.beta;
    return (this.range * this.range * this.alpha * this.beta) / (sum * sum * (sum + 1));
  }

  cdf(x: number): number {
    if (x <= this.min) return 0;
    if (x >= this.max) return 1;
    return incompleteBeta((x - this.min) / this.range, this.alpha, this.beta);
  }

  inv(p: number): number {
    return this.min + this.range * incompleteBetaInv(p, this.alpha, this.beta);
  }

  pdf(x: number): number {
    if (!(x >= this.min && x <= this.max)) return 0;
    const z = (x - this.min) / this.range;
    // (a − 1)·ln z is 0·(−∞) = NaN at an edge when a = 1; the factor is 1 there.
    const lowerTerm = this.alpha === 1 ? 0 : (this.alpha - 1) * dm.log(z);
    const upperTerm = this.beta === 1 ? 0 : (this.beta - 1) * dm.log1p(-z);
    return dm.exp(lowerTerm + upperTerm - this.logNormaliser) / this.range;
  }

  fillFromUniforms(u: Float64Array, out: Float64Array, n: number): void {
    this.table ??= cachedTable(this.alpha, this.beta);
    this.table.fill(u, out, n, this.min, this.range);
  }
}

const tableCache = new Map<string, BetaQuantileTable>();
const TABLE_CACHE_LIMIT = 256;

/** Tables depend only on the shape, and cost milliseconds to build: share them across runs. */
function cachedTable(alpha: number, beta: number): BetaQuantileTable {
  const key = `${alpha}/${beta}`;
  let table = tableCache.get(key);
  if (!table) {
    if (tableCache.size >= TABLE_CACHE_LIMIT) tableCache.delete(tableCache.keys().next().value!);
    table = storedBetaTable(alpha, beta);
    tableCache.set(key, table);
  }
  return table;
}

/**
 * How far out a stored table's logit nodes are built before it is kept: u from about 2e-9
 * to 1 − 2e-9, past the draws of runs of up to millions of trials (further nodes are
 * still built lazily, and not kept).
 */
const STORED_LOGIT_REACH = 20;

/** Through the host's table store when there is one (the CLI's cache), else built here as before. */
function storedBetaTable(alpha: number, beta: number): BetaQuantileTable {
  if (!hasTableStore()) return new BetaQuantileTable(alpha, beta);
  let built: BetaQuantileTable | undefined;
  const parts = storedTable(`beta/${alpha}/${beta}`, () => {
    built = new BetaQuantileTable(alpha, beta);
    built.buildOut(STORED_LOGIT_REACH);
    return built.snapshot();
  });
  return built ?? new BetaQuantileTable(alpha, beta, parts ?? undefined);
}
