import { incompleteBetaInv } from '../math/incomplete-beta-inv.ts';
import { logBeta } from '../math/log-beta.ts';
import * as dm from '../math/deterministic-math.ts';
import { buildCentralTable, CENTRAL_HIGH, CENTRAL_INTERVALS, CENTRAL_INVERSE_STEP, CENTRAL_LOW } from './beta-central-table.ts';
import type { TableParts } from './table-bytes.ts';

/*
 * Why a table: the exact Beta quantile (Newton on the incomplete beta function)
 * costs a few microseconds, far too slow for millions of draws per second.
 *
 * The table interpolates in transformed coordinates chosen so the curve is
 * nearly straight everywhere, which makes a cubic Hermite interpolant very
 * accurate with few nodes:
 *   t = logit(u) = ln(u / (1 − u))   (stretches both tails of the uniform),
 *   y = logit(x) = ln(x / (1 − x))   (x the Beta(a, b) quantile on [0, 1]).
 * In a tail x ≈ c·u^(1/a), so y ≈ ln c + t/a: a straight line. The nodes are
 * equally spaced in t over [−38, 38], which covers every u a 53-bit uniform
 * generator produces (its extremes are ~5.6e-17 from 0 and 1), i.e. the grid in
 * u is refined geometrically towards both tails. Node values come from the exact
 * inverse; node slopes are the exact derivative
 *   dy/dt = u(1 − u) / (x(1 − x)·pdf(x)),
 * limited by Fritsch–Carlson so the interpolant stays monotone. Anything outside
 * the tabulated range (u = 0 or 1, or where x underflows) uses the exact inverse.
 *
 * Measured accuracy (test/distributions/beta-quantile-table.test.ts): the largest
 * difference from the exact quantile over dense u grids, including both tails, is
 * ~2e-12 of the range for PERT shapes (lambda 4 to 100), ~1e-11 for U-shaped or
 * J-shaped Betas (alpha or beta down to 0.05), and ~1e-13 for concentrated ones;
 * the interpolation error, not the exact inverse (~1e-15), dominates. Sampling
 * costs ~30–40 ns per draw; building the table (4,097 exact inverses) ~10–25 ms. The logit
 * nodes are built lazily, outwards from the middle, as draws reach them (see the constructor):
 * the central table below serves most draws, so a run builds only the tail nodes it uses.
 */

/**
 * Documented bound on |table quantile − exact quantile| as a fraction of the
 * range (measured maximum ~1.3e-11, see above).
 *
 * @example
 * Math.abs(tableValue - exactValue) <= BETA_TABLE_MAX_ERROR * (max - min)
 */
export const BETA_TABLE_MAX_ERROR = 2e-11;
/**
 * Number of intervals in t; the table has one more node than this.
 *
 * @example
 * const nodeSpacing = 76 / BETA_TABLE_INTERVALS; // in logit(u)
 */
export const BETA_TABLE_INTERVALS = 4096;
/** The table spans t = logit(u) in [−LOGIT_LIMIT, LOGIT_LIMIT]. */
const LOGIT_LIMIT = 38;
/** Keeps exp(−y) finite and x = 1/(1 + exp(−y)) away from 0 and 1. */
const MAX_ABS_LOGIT_X = 700;
const COEFFICIENTS_PER_INTERVAL = 4;

/**
 * Fast approximate quantile function of Beta(alpha, beta) on [0, 1], for the
 * Monte Carlo hot path. See the header comment for the construction and its
 * accuracy.
 *
 * @example
 * const table = new BetaQuantileTable(2, 5);
 * const out = new Float64Array(1);
 * table.fill(Float64Array.of(0.5), out, 1, 0, 1); // out[0] ≈ 0.26444998329566
 */
export class BetaQuantileTable {
  /** Per interval k: y(t) = c0 + f(c1 + f(c2 + f·c3)) with f the position in the interval. */
  private readonly coefficients: Float64Array;
  /** The intervals built so far, [firstInterval, endInterval); they grow outwards from the middle on demand. */
  private firstInterval: number;
  private endInterval: number;
  /** Whether the build has met the first unusable node (or the table's end) on that side. */
  private lowFinished = false;
  private highFinished = false;
  private readonly inverseStep: number;
  private readonly step: number;
  private readonly logNormaliser: number;
  private readonly nodes: Float64Array;
  private readonly slopes: Float64Array;
  /** Central table in u itself (no logit transforms), used only where its checked error is tiny. */
  private readonly central: Float64Array | null;

  /**
   * `restored` is a snapshot() of a table of the same shape, taken in this build of the
   * engine (a host's table store keeps them): the table continues from it with the bits
   * it would have had. A snapshot that does not fit is ignored and the table is built.
   */
  constructor(
    readonly alpha: number,
    readonly beta: number,
    restored?: TableParts,
  ) {
    const intervals = BETA_TABLE_INTERVALS;
    this.step = (2 * LOGIT_LIMIT) / intervals;
    this.inverseStep = intervals / (2 * LOGIT_LIMIT);
    this.logNormaliser = logBeta(alpha, beta);
    const state = restored === undefined ? null : readSnapshot(restored, alpha, beta);
    if (state !== null) {
      ({ nodes: this.nodes, slopes: this.slopes, coefficients: this.coefficients, central: this.central } = state);
      ({ firstInterval: this.firstInterval, endInterval: this.endInterval, lowFinished: this.lowFinished, highFinished: this.highFinished } = state);
      return;
    }
    this.nodes = new Float64Array(intervals + 1);
    this.slopes = new Float64Array(intervals + 1);
    this.coefficients = new Float64Array(intervals * COEFFICIENTS_PER_INTERVAL);
    // Nodes are built lazily: each is its own exact inverse, and each interval's cubic reads only
    // its two end nodes, so a node built late has the same bits as one built up front. A run whose
    // draws stay inside the central table never builds the logit tails (most of the 4,097 nodes).
    this.firstInterval = intervals / 2;
    this.endInterval = intervals / 2;
    this.buildNode(intervals / 2);
    this.central = alpha >= 1 && beta >= 1 ? buildCentralTable(alpha, beta) : null;
  }

  /**
   * Builds the logit nodes out to |logit(u)| = reach now, as draws reaching them would
   * (same order, same bits), so that a snapshot holds them.
   *
   * @example
   * table.buildOut(20); // u from about 2e-9 to 1 − 2e-9
   */
  buildOut(reach: number): void {
    this.extendDown(Math.max(0, Math.floor((LOGIT_LIMIT - reach) * this.inverseStep)));
    this.extendUp(Math.min(BETA_TABLE_INTERVALS, Math.ceil((LOGIT_LIMIT + reach) * this.inverseStep)));
  }

  /**
   * The table as it stands, as typed arrays a store can keep (see the constructor's `restored`).
   *
   * @example
   * new BetaQuantileTable(2, 5, new BetaQuantileTable(2, 5).snapshot());
   */
  snapshot(): TableParts {
    const state = [this.alpha, this.beta, this.firstInterval, this.endInterval, +this.lowFinished, +this.highFinished, +(this.central !== null)];
    return [Float64Array.from(state), this.nodes, this.slopes, this.coefficients, this.central ?? new Float64Array(0)];
  }

  /**
   * out[i] = min + range·Q(u[i]) for i < n, Q the Beta(alpha, beta) quantile
   * (interpolated; exact outside the table). `out` may be `u` itself.
   */
  fill(u: Float64Array, out: Float64Array, n: number, min: number, range: number): void {
    const coefficients = this.coefficients;
    let first = this.firstInterval;
    let end = this.endInterval;
    const inverseStep = this.inverseStep;
    const central = this.central;
    for (let i = 0; i < n; i++) {
      const p = u[i];
      if (central !== null && p >= CENTRAL_LOW && p < CENTRAL_HIGH) {
        const position = (p - CENTRAL_LOW) * CENTRAL_INVERSE_STEP;
        const k = position | 0;
        const f = position - k;
        const j = k * COEFFICIENTS_PER_INTERVAL;
        out[i] = min + range * (central[j] + f * (central[j + 1] + f * (central[j + 2] + f * central[j + 3])));
        continue;
      }
      const s = (dm.log(p / (1 - p)) + LOGIT_LIMIT) * inverseStep;
      if (s >= first && s < end) {
        const k = s | 0;
        const f = s - k;
        const j = k * COEFFICIENTS_PER_INTERVAL;
        const y = coefficients[j] + f * (coefficients[j + 1] + f * (coefficients[j + 2] + f * coefficients[j + 3]));
        out[i] = min + range / (1 + dm.exp(-y));
      } else {
        out[i] = this.fillOutside(p, s, min, range);
        first = this.firstInterval;
        end = this.endInterval;
      }
    }
  }

  /** A draw outside the intervals built so far: build up to its interval if the table reaches it, else the exact inverse. */
  private fillOutside(p: number, s: number, min: number, range: number): number {
    if (s < this.firstInterval && s >= 0) this.extendDown(Math.floor(s));
    else if (s >= this.endInterval && s < BETA_TABLE_INTERVALS) this.extendUp(Math.floor(s) + 1);
    if (s >= this.firstInterval && s < this.endInterval) {
      const coefficients = this.coefficients;
      const k = s | 0;
      const f = s - k;
      const j = k * COEFFICIENTS_PER_INTERVAL;
      const y = coefficients[j] + f * (coefficients[j + 1] + f * (coefficients[j + 2] + f * coefficients[j + 3]));
      return min + range / (1 + dm.exp(-y));
    }
    return min + range * incompleteBetaInv(p, this.alpha, this.beta);
  }

  /** Lowers firstInterval towards `target`, node by node, stopping at the first unusable node (as a full build's scan does). */
  private extendDown(target: number): void {
    while (!this.lowFinished && this.firstInterval > target) {
      const k = this.firstInterval - 1;
      this.buildNode(k);
      if (!isUsable(this.nodes[k], this.slopes[k])) {
        this.lowFinished = true;
        break;
      }
      this.buildInterval(k);
      this.firstInterval = k;
      if (k === 0) this.lowFinished = true;
    }
  }

  /** Raises endInterval towards `target`, node by node, stopping at the first unusable node. */
  private extendUp(target: number): void {
    while (!this.highFinished && this.endInterval < target) {
      const k = this.endInterval + 1;
      this.buildNode(k);
      if (!isUsable(this.nodes[k], this.slopes[k])) {
        this.highFinished = true;
        break;
      }
      this.buildInterval(k - 1);
      this.endInterval = k;
      if (k === BETA_TABLE_INTERVALS) this.highFinished = true;
    }
  }

  /** Node k: y = logit of the exact quantile at t = −LOGIT_LIMIT + k·step, and its slope dy/dt·step. */
  private buildNode(k: number): void {
    const { alpha, beta, step } = this;
    const t = -LOGIT_LIMIT + k * step;
    // u = σ(t) and 1 − u = σ(−t), each formed without cancellation.
    const logU = -dm.log1p(dm.exp(-t));
    const logOneMinusU = -dm.log1p(dm.exp(t));
    // For u > 1/2 solve the mirrored problem (1 − X ~ Beta(b, a)) so that a tiny
    // 1 − u is not rounded away and 1 − x keeps its digits.
    let logX: number;
    let logOneMinusX: number;
    if (t <= 0) {
      const x = incompleteBetaInv(dm.exp(logU), alpha, beta);
      logX = dm.log(x);
      logOneMinusX = dm.log1p(-x);
    } else {
      const oneMinusX = incompleteBetaInv(dm.exp(logOneMinusU), beta, alpha);
      logX = dm.log1p(-oneMinusX);
      logOneMinusX = dm.log(oneMinusX);
    }
    this.nodes[k] = logX - logOneMinusX;
    // ln(dy/dt) = ln u + ln(1 − u) − a·ln x − b·ln(1 − x) + ln B(a, b)
    this.slopes[k] = dm.exp(logU + logOneMinusU - alpha * logX - beta * logOneMinusX + this.logNormaliser) * step;
  }

  /** The cubic of interval k from its two end nodes, Fritsch–Carlson limited. */
  private buildInterval(k: number): void {
    const y0 = this.nodes[k];
    const y1 = this.nodes[k + 1];
    const rise = y1 - y0;
    let m0 = this.slopes[k];
    let m1 = this.slopes[k + 1];
    if (!(rise > 0)) {
      m0 = 0;
      m1 = 0;
    } else {
      if (!Number.isFinite(m0) || !Number.isFinite(m1)) {
        m0 = rise;
        m1 = rise;
      }
      // Fritsch–Carlson: slopes within a circle of radius 3 (in secant units) keep the cubic monotone.
      const a = m0 / rise;
      const b = m1 / rise;
      const size = a * a + b * b;
      if (size > 9) {
        const shrink = 3 / Math.sqrt(size);
        m0 *= shrink;
        m1 *= shrink;
      }
    }
    const j = k * COEFFICIENTS_PER_INTERVAL;
    this.coefficients[j] = y0;
    this.coefficients[j + 1] = m0;
    this.coefficients[j + 2] = 3 * rise - 2 * m0 - m1;
    this.coefficients[j + 3] = m0 + m1 - 2 * rise;
  }
}

function isUsable(node: number, slope: number): boolean {
  return Math.abs(node) <= MAX_ABS_LOGIT_X && slope >= 0 && Number.isFinite(slope);
}

interface TableState {
  nodes: Float64Array;
  slopes: Float64Array;
  coefficients: Float64Array;
  central: Float64Array | null;
  firstInterval: number;
  endInterval: number;
  lowFinished: boolean;
  highFinished: boolean;
}

/** A snapshot's state if it is one of this shape and layout, else null. */
function readSnapshot(parts: TableParts, alpha: number, beta: number): TableState | null {
  const [meta, nodes, slopes, coefficients, central] = parts;
  const intervals = BETA_TABLE_INTERVALS;
  const arrays = [meta, nodes, slopes, coefficients, central];
  if (parts.length !== 5 || !arrays.every((part) => part instanceof Float64Array) || meta.length !== 7) return null;
  const [a, b, first, end, low, high, hasCentral] = meta;
  const fits =
    Object.is(a, alpha) &&
    Object.is(b, beta) &&
    Number.isInteger(first) &&
    Number.isInteger(end) &&
    first >= 0 &&
    first <= intervals / 2 &&
    end >= intervals / 2 &&
    end <= intervals &&
    nodes.length === intervals + 1 &&
    slopes.length === intervals + 1 &&
    coefficients.length === intervals * COEFFICIENTS_PER_INTERVAL &&
    central.length === (hasCentral === 1 ? CENTRAL_INTERVALS * COEFFICIENTS_PER_INTERVAL : 0);
  if (!fits) return null;
  return {
    nodes: nodes as Float64Array,
    slopes: slopes as Float64Array,
    coefficients: coefficients as Float64Array,
    central: hasCentral === 1 ? (central as Float64Array) : null,
    firstInterval: first,
    endInterval: end,
    lowFinished: low === 1,
    highFinished: high === 1,
  };
}
