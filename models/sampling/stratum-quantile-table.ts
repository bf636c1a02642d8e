import { stratumProbability } from './latin-hypercube.ts';
import { fitPieces, STRATUM_TABLE_MAX_ERROR, type QuantileColumn } from './stratum-cubic-fit.ts';

export { STRATUM_TABLE_MAX_ERROR, type QuantileColumn };

/*
 * Why: in a full Latin Hypercube chunk the draw for stratum k is Q((k + u)/n), and every
 * chunk has the same n strata. A cubic in u per stratum, fitted once per distribution,
 * replaces the column transform (an inverse CDF, a table search, an exp for lognormals:
 * 14–34 ns a draw on the fixtures) by a few sequential loads and three multiply-adds.
 *
 * Each cubic interpolates Q at four Chebyshev points, which spreads the error evenly; the
 * error's extremes sit at the ends, at ½ ± ½·cos(π/4) and at ½, and the fit is checked
 * there against the distribution's own column transform. Where a stratum misses by more
 * than STRATUM_TABLE_MAX_ERROR·(|Q| + IQR) (the tails, where Q bends fastest, or a kink
 * such as a triangular mode), it is split into 2, 4, … MAX_PIECES equal pieces of u, each
 * with its own checked cubic. A piece that still misses, or whose values are not finite
 * (next to an infinite Q(0) or Q(1)), is evaluated by the column transform itself.
 * Results are clamped to the stratum's end values [Q(k/n), Q((k+1)/n)], which keeps
 * the column ascending and inside the support.
 */

/** The largest share of strata that may need splitting for a table to be worth keeping. */
const MAX_SPLIT_SHARE = 0.25;
/** The finest split of a stratum; pieces that still miss use the column transform. */
const MAX_PIECES = 64;
/** Per stratum: c0, c1, c2, c3, then Q(k/n), its lower clamp (the stratum before reads it as its upper). */
const STRIDE = 5;
/** The stratum count must be a power of two of at least 8. */
export const STRATA_NOT_POWER_OF_TWO = 'strata: must be a power of two, at least 8';

/** Per-stratum cubics for one distribution and one stratum count. */
export interface StratumQuantileTable {
  readonly strata: number;
  /** Stratum k at [5k, 5k + 5): c0 + u·(c1 + u·(c2 + u·c3)), then Q(k/n). */
  readonly coefficients: Float64Array;
  /** Strata split into pieces, ascending, with their piece counts and offsets into `pieceCoefficients`. */
  readonly splitStrata: Int32Array;
  readonly splitPieces: Int32Array;
  readonly splitOffsets: Int32Array;
  /** Four per piece, in the piece's own u; NaN where the piece uses the column transform. */
  readonly pieceCoefficients: Float64Array;
}

/** Scratch for the draws a table leaves to the column transform: at least one slot per stratum. */
export interface StratumScratch {
  strata: Int32Array;
  probabilities: Float64Array;
  values: Float64Array;
}

/**
 * Fits and checks the per-stratum cubics of a quantile function for `strata` equal strata.
 * `support` is [Q(0), Q(1)], the outer strata's clamps. Null when more than a quarter of
 * the strata need splitting: the quantile is too coarse or too steep for cubics to pay
 * (e.g. a far-tail truncation, where p near 1 has few distinct doubles).
 *
 * @example
 * const table = buildStratumQuantileTable((p, out, n) => normal.fillFromUniforms(p, out, n, true), 4096);
 */
export function buildStratumQuantileTable(
  quantiles: QuantileColumn,
  strata: number,
  support: readonly [number, number] = [-Infinity, Infinity],
): StratumQuantileTable | null {
  // Node probabilities k/n and the quartile nodes are exact only for a power of two.
  if (!(Number.isInteger(strata) && strata >= 8 && (strata & (strata - 1)) === 0)) throw new RangeError(STRATA_NOT_POWER_OF_TWO);
  const n = strata;
  // Q(k/n) for k = 1 … n−1 (k/n is exact for a power-of-two n); Q(0) and Q(1) may be infinite, so unused.
  const edgeProbabilities = new Float64Array(n - 1);
  for (let k = 1; k < n; k++) edgeProbabilities[k - 1] = k / n;
  const edgeValues = new Float64Array(n - 1);
  quantiles(edgeProbabilities, edgeValues, n - 1);
  const edge = (k: number): number => (k >= 1 && k < n ? edgeValues[k - 1] : NaN);
  const interquartile = edge(n * 0.75) - edge(n * 0.25);

  // One stratum more, so that the last one's upper clamp, Q(1), is in range.
  const coefficients = new Float64Array((n + 1) * STRIDE);
  const whole = fitPieces(
    quantiles,
    n,
    Array.from({ length: n }, (_, k) => k),
    1,
    interquartile,
  );
  let pending: number[] = [];
  for (let k = 0; k < n; k++) {
    const j = k * STRIDE;
    coefficients.set(whole.subarray(k * 4, k * 4 + 4), j);
    coefficients[j + 4] = edge(k);
    if (Number.isNaN(whole[k * 4])) pending.push(k);
  }
  if (pending.length > n * MAX_SPLIT_SHARE) return null;
  coefficients[4] = support[0];
  coefficients[n * STRIDE + 4] = support[1];
  // Split the strata that miss, all at once per level, until every piece fits or MAX_PIECES.
  const splits = new Map<number, { pieces: number; fitted: Float64Array }>();
  for (let pieces = 2; pending.length > 0 && pieces <= MAX_PIECES; pieces *= 2) {
    const fitted = fitPieces(quantiles, n, pending, pieces, interquartile);
    const stillMissing: number[] = [];
    pending.forEach((k, index) => {
      const own = fitted.subarray(index * pieces * 4, (index + 1) * pieces * 4);
      let misses = false;
      for (let i = 0; i < own.length; i += 4) misses ||= Number.isNaN(own[i]);
      if (misses && pieces < MAX_PIECES) stillMissing.push(k);
      else splits.set(k, { pieces, fitted: own });
    });
    pending = stillMissing;
  }
  const splitStrata = [...splits.keys()].sort((a, b) => a - b);
  const splitPieces: number[] = [];
  const splitOffsets: number[] = [];
  let offset = 0;
  for (const k of splitStrata) {
    splitPieces.push(splits.get(k)!.pieces);
    splitOffsets.push(offset);
    offset += splits.get(k)!.fitted.length;
  }
  const pieceCoefficients = new Float64Array(offset);
  splitStrata.forEach((k, i) => pieceCoefficients.set(splits.get(k)!.fitted, splitOffsets[i]));
  return {
    strata: n,
    coefficients,
    splitStrata: Int32Array.from(splitStrata),
    splitPieces: Int32Array.from(splitPieces),
    splitOffsets: Int32Array.from(splitOffsets),
    pieceCoefficients,
  };
}

/**
 * out[k] = Q((k + u[k]) / n) for the n strata of a full chunk, in stratum order (so
 * ascending): the checked cubics where there are some, the column transform elsewhere.
 *
 * @example
 * fillStratumQuantiles(table, uniforms, sorted, quantiles, scratch);
 */
export function fillStratumQuantiles(
  table: StratumQuantileTable,
  u: Float64Array,
  out: Float64Array,
  quantiles: QuantileColumn,
  scratch: StratumScratch,
): void {
  const n = table.strata;
  const coefficients = table.coefficients;
  // Literal offsets: the stride (5) and the next stratum's lower clamp (5 + 4) stay out of the loop's loads.
  for (let k = 0, j = 0; k < n; k++, j += 5) {
    const x = u[k];
    const value = coefficients[j] + x * (coefficients[j + 1] + x * (coefficients[j + 2] + x * coefficients[j + 3]));
    const low = coefficients[j + 4];
    const high = coefficients[j + 9];
    out[k] = value < low ? low : value > high ? high : value;
  }
  fillSplitStrata(table, u, out, quantiles, scratch);
}

/**
 * The second step of `fillStratumQuantiles`: strata the table splits into pieces get
 * their piece's cubic, and pieces without one the column transform (the first step
 * left them NaN). For a caller that did the first step elsewhere (the WebAssembly
 * sampler, models/wasm/stratum-sampler-wasm.ts).
 *
 * @example
 * fillSplitStrata(table, uniforms, sorted, quantiles, scratch);
 */
export function fillSplitStrata(table: StratumQuantileTable, u: Float64Array, out: Float64Array, quantiles: QuantileColumn, scratch: StratumScratch): void {
  const { strata: n, splitStrata } = table;
  let exactCount = 0;
  for (let s = 0; s < splitStrata.length; s++) {
    const k = splitStrata[s];
    const value = pieceDraw(table, s, k, u[k]);
    if (value === value) out[k] = value;
    else scratch.strata[exactCount++] = k;
  }
  if (exactCount === 0) return;
  for (let e = 0; e < exactCount; e++) {
    const k = scratch.strata[e];
    scratch.probabilities[e] = stratumProbability(k, u[k], n);
  }
  quantiles(scratch.probabilities, scratch.values, exactCount);
  for (let e = 0; e < exactCount; e++) out[scratch.strata[e]] = scratch.values[e];
}

/**
 * Monte Carlo draws out[i] = Q(u[i]) for i < n from the same table: u lies in stratum
 * k = floor(u·n) at x = u·n − k (both exact: n is a power of two), so the draw is the
 * stratum's cubic at x, clamped to the stratum's ends, as a Latin Hypercube draw of
 * stratum k is. Strata the table splits get their piece's cubic or, without one,
 * `quantiles` (which need not take ascending probabilities here) at u itself.
 *
 * @example
 * fillMonteCarloQuantiles(table, uniforms, column, 4096, (p, out, n) => distribution.fillFromUniforms(p, out, n), scratch);
 */
export function fillMonteCarloQuantiles(
  table: StratumQuantileTable,
  u: Float64Array,
  out: Float64Array,
  n: number,
  quantiles: QuantileColumn,
  scratch: StratumScratch,
): void {
  const strata = table.strata;
  const coefficients = table.coefficients;
  let split = 0;
  for (let i = 0; i < n; i++) {
    const position = u[i] * strata;
    const k = position | 0;
    const x = position - k;
    const j = k * STRIDE;
    const value = coefficients[j] + x * (coefficients[j + 1] + x * (coefficients[j + 2] + x * coefficients[j + 3]));
    const low = coefficients[j + 4];
    const high = coefficients[j + 9];
    const clamped = value < low ? low : value > high ? high : value;
    out[i] = clamped;
    // A split stratum's whole-stratum cubic is NaN: its draws are finished below.
    if (clamped !== clamped) scratch.strata[split++] = i;
  }
  fillSplitDraws(table, u, out, split, quantiles, scratch);
}

/** Stratum → its index in `splitStrata`, or −1, per table (built on first use). */
const splitIndexByTable = new WeakMap<StratumQuantileTable, Int32Array>();

/**
 * The second step of `fillMonteCarloQuantiles`: the draws at indices scratch.strata[0 … count)
 * fall in split strata (the first step left them NaN) and get their piece's cubic, or
 * `quantiles` at u where the piece has none. For a caller that did the first step
 * elsewhere (the WebAssembly sampler, which lists the same indices).
 *
 * @example
 * fillSplitDraws(table, uniforms, column, count, quantiles, scratch);
 */
export function fillSplitDraws(
  table: StratumQuantileTable,
  u: Float64Array,
  out: Float64Array,
  count: number,
  quantiles: QuantileColumn,
  scratch: StratumScratch,
): void {
  if (count === 0) return;
  const { strata, splitStrata } = table;
  let splitIndex = splitIndexByTable.get(table);
  if (!splitIndex) {
    splitIndex = new Int32Array(strata).fill(-1);
    splitStrata.forEach((k, s) => (splitIndex![k] = s));
    splitIndexByTable.set(table, splitIndex);
  }
  let exactCount = 0;
  for (let e = 0; e < count; e++) {
    const i = scratch.strata[e];
    const position = u[i] * strata;
    const k = position | 0;
    const value = pieceDraw(table, splitIndex[k], k, position - k);
    if (value === value) out[i] = value;
    else {
      // Listed again from the front: e has moved past every slot written so far.
      scratch.strata[exactCount] = i;
      scratch.probabilities[exactCount++] = u[i];
    }
  }
  if (exactCount === 0) return;
  quantiles(scratch.probabilities, scratch.values, exactCount);
  for (let e = 0; e < exactCount; e++) out[scratch.strata[e]] = scratch.values[e];
}

/**
 * The draw at u (within the stratum, [0, 1)) of split stratum k, the table's split number s:
 * its piece's cubic clamped to the stratum's ends, or NaN where the piece has none and
 * the column transform must give it.
 */
function pieceDraw(table: StratumQuantileTable, s: number, k: number, u: number): number {
  const { coefficients, splitPieces, splitOffsets, pieceCoefficients } = table;
  // u·pieces is exact (a power of two) and below pieces, as u < 1.
  const position = u * splitPieces[s];
  const piece = position | 0;
  const x = position - piece;
  const j = splitOffsets[s] + 4 * piece;
  if (Number.isNaN(pieceCoefficients[j])) return Number.NaN;
  const value = pieceCoefficients[j] + x * (pieceCoefficients[j + 1] + x * (pieceCoefficients[j + 2] + x * pieceCoefficients[j + 3]));
  const low = coefficients[k * STRIDE + 4];
  const high = coefficients[(k + 1) * STRIDE + 4];
  return value < low ? low : value > high ? high : value;
}
