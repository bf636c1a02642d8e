import { describe, expect, it } from 'vitest';
import { createDistribution } from '../../models/distributions/create-distribution.ts';
import type { DistributionSpec } from '../../models/distributions/spec.ts';
import { normalInv } from '../../models/math/normal-inv.ts';
import {
  buildStratumQuantileTable,
  fillMonteCarloQuantiles,
  fillStratumQuantiles,
  STRATA_NOT_POWER_OF_TWO,
  STRATUM_TABLE_MAX_ERROR,
  type QuantileColumn,
  type StratumQuantileTable,
} from '../../models/sampling/stratum-quantile-table.ts';
import { mulberry32 } from '../helpers/mulberry32.ts';

const STRATA = 4096;

/** A quantile column from a scalar quantile, with a count of the draws it was asked for. */
function counted(quantile: (p: number) => number): { column: QuantileColumn; draws: () => number } {
  let draws = 0;
  return {
    column: (p, out, n) => {
      draws += n;
      for (let i = 0; i < n; i++) out[i] = quantile(p[i]);
    },
    draws: () => draws,
  };
}

function stratumScratch() {
  return { strata: new Int32Array(STRATA), probabilities: new Float64Array(STRATA), values: new Float64Array(STRATA) };
}

/** The table for a column, which these tests expect to exist. */
function tableFor(column: QuantileColumn, support?: readonly [number, number]): StratumQuantileTable {
  const table = buildStratumQuantileTable(column, STRATA, support);
  if (!table) throw new Error('no table');
  return table;
}

/** Draws one full chunk through the table and returns it with the stratified probabilities. */
function drawChunk(column: QuantileColumn, seed: number, table = tableFor(column)) {
  const random = mulberry32(seed);
  const u = Float64Array.from({ length: STRATA }, () => random());
  const out = new Float64Array(STRATA);
  const scratch = stratumScratch();
  fillStratumQuantiles(table, u, out, column, scratch);
  const p = Float64Array.from(u, (x, k) => (k + x) / STRATA);
  return { table, u, out, p };
}

/** Largest |table − exact| / (|exact| + IQR) over a chunk. */
function worstRelativeError(out: Float64Array, p: Float64Array, exact: (p: number) => number, interquartile: number): number {
  let worst = 0;
  for (let k = 0; k < out.length; k++) {
    const target = exact(p[k]);
    worst = Math.max(worst, Math.abs(out[k] - target) / (Math.abs(target) + interquartile));
  }
  return worst;
}

function expectAscending(values: Float64Array): void {
  for (let k = 1; k < values.length; k++) if (!(values[k] >= values[k - 1])) throw new Error(`not ascending at ${k}`);
}

describe('stratum quantile tables', () => {
  it('reproduce the uniform quantile (k + u)/n to rounding', () => {
    const { column } = counted((p) => p);
    for (const seed of [1, 2, 3]) {
      const { out, p } = drawChunk(column, seed);
      expect(worstRelativeError(out, p, (x) => x, 0.5)).toBeLessThan(1e-14);
      expectAscending(out);
    }
  });

  it('match the standard normal quantile (AS 241) within the documented bound, tails included', () => {
    const { column, draws } = counted(normalInv);
    const table = tableFor(column);
    // Φ⁻¹ has no finite value at 0 or 1, and bends fastest in the tails: those strata are split.
    expect(table.splitStrata[0]).toBe(0);
    expect(table.splitStrata.at(-1)).toBe(STRATA - 1);
    const interquartile = 2 * 0.6744897501960817;
    let columnDraws = 0;
    for (const seed of [11, 12, 13, 14, 15]) {
      const before = draws();
      const { out, p } = drawChunk(column, seed, table);
      columnDraws += draws() - before;
      expect(worstRelativeError(out, p, normalInv, interquartile)).toBeLessThanOrEqual(2 * STRATUM_TABLE_MAX_ERROR);
      expectAscending(out);
    }
    // Only pieces next to p = 0 or 1 are left to the quantile itself: a few draws per chunk.
    expect(columnDraws / 5).toBeLessThan(10);
  });

  it('give the quantile function itself, bit for bit, where a piece is left to it', () => {
    const { column } = counted(normalInv);
    const { out, p, u } = drawChunk(column, 21);
    // Stratum 0's first piece holds p → 0, where Φ⁻¹ → −∞: no cubic fits, so it is exact.
    const firstPieceWidth = 1 / 64;
    const exactStrata = [0, STRATA - 1].filter((k) => (k === 0 ? u[k] < firstPieceWidth : u[k] >= 1 - firstPieceWidth));
    for (const k of exactStrata) expect(out[k]).toBe(normalInv(p[k]));
    expect(out[0]).toBeLessThan(normalInv(1 / STRATA));
  });

  it('split the stratum holding a triangular mode (a kink) and stay within the bound there', () => {
    // Triangular(0, 1, 3): Q(p) = √(3p) up to p = 1/3, then 3 − √(6(1 − p)); the kink is inside stratum 1365.
    const exact = (p: number): number => (p <= 1 / 3 ? Math.sqrt(3 * p) : 3 - Math.sqrt(6 * (1 - p)));
    const { column } = counted(exact);
    const table = tableFor(column);
    expect(Array.from(table.splitStrata)).toContain(Math.floor(STRATA / 3));
    const interquartile = exact(0.75) - exact(0.25);
    for (const seed of [31, 32, 33]) {
      const { out, p } = drawChunk(column, seed, table);
      expect(worstRelativeError(out, p, exact, interquartile)).toBeLessThanOrEqual(2 * STRATUM_TABLE_MAX_ERROR);
    }
  });

  it('keep every draw inside its own stratum and inside a truncation', () => {
    const spec: DistributionSpec = { type: 'normal', mean: 10, sd: 4, truncate: { min: 9, max: 11 } };
    const distribution = createDistribution(spec);
    const column: QuantileColumn = (p, out, n) => distribution.fillFromUniforms(p, out, n, true);
    const { out } = drawChunk(column, 41);
    expectAscending(out);
    for (let k = 0; k < STRATA; k++) {
      expect(out[k]).toBeGreaterThanOrEqual(k === 0 ? 9 : distribution.inv(k / STRATA) - 1e-12);
      expect(out[k]).toBeLessThanOrEqual(k === STRATA - 1 ? 11 : distribution.inv((k + 1) / STRATA) + 1e-12);
    }
  });

  it('match the lognormal closed form e^(μ + σ·Φ⁻¹(p)) through the engine’s own column transform', () => {
    // p5 = 150,000 and p95 = 250,000: μ = ln √(p5·p95), σ = ln(p95/p5) / (2·1.6448536269514722).
    const mu = Math.log(Math.sqrt(150_000 * 250_000));
    const sigma = Math.log(250_000 / 150_000) / (2 * 1.6448536269514722);
    const exact = (p: number): number => Math.exp(mu + sigma * normalInv(p));
    const distribution = createDistribution({ type: 'lognormal', p5: 150_000, p95: 250_000 });
    const column: QuantileColumn = (p, out, n) => distribution.fillFromUniforms(p, out, n, true);
    const interquartile = exact(0.75) - exact(0.25);
    for (const seed of [51, 52]) {
      const { out, p } = drawChunk(column, seed);
      // The column transform's own normal table adds up to 1e-12 in z, i.e. σ·1e-12 relative.
      expect(worstRelativeError(out, p, exact, interquartile)).toBeLessThan(3 * STRATUM_TABLE_MAX_ERROR);
    }
  });

  it('refuse a stratum count that is not a power of two', () => {
    const { column } = counted((p) => p);
    for (const strata of [0, 4, 1000, 4095.5]) expect(() => buildStratumQuantileTable(column, strata)).toThrow(STRATA_NOT_POWER_OF_TWO);
  });

  it('clamp the outer strata to the support it is given', () => {
    // Q(p) = p fits every piece exactly; a support said to start at 1e-4 must still bound stratum 0.
    const { column } = counted((p) => p);
    const table = tableFor(column, [1e-4, 1]);
    const u = new Float64Array(STRATA).fill(0.5);
    u[0] = 0.1; // Q = 0.1/4096 ≈ 2.4e-5, below the support
    const out = new Float64Array(STRATA);
    fillStratumQuantiles(table, u, out, column, stratumScratch());
    expect(out[0]).toBe(1e-4);
    expect(Math.abs(out[1] - 1.5 / STRATA)).toBeLessThan(1e-18);
  });

  it('decline a quantile too coarse for cubics: a normal truncated 7 sd out', () => {
    // Above Φ(7) = 1 − 1.28e-12 the probabilities are a few thousand doubles: Q is a staircase.
    const farTail = createDistribution({ type: 'normal', mean: 0, sd: 1, truncate: { min: 7 } });
    const column: QuantileColumn = (p, out, n) => farTail.fillFromUniforms(p, out, n, true);
    expect(buildStratumQuantileTable(column, STRATA, [7, Infinity])).toBeNull();
  });
});

describe('fillMonteCarloQuantiles', () => {
  const specs: DistributionSpec[] = [
    { type: 'normal', mean: 45, sd: 5 },
    { type: 'lognormal', p5: 40_000, p95: 90_000 },
    { type: 'pert', min: 0.3, mode: 0.5, max: 0.8 },
    { type: 'triangular', min: 1, mode: 2, max: 4 },
    { type: 'beta', alpha: 2, beta: 5 },
    { type: 'uniform', min: 0.02, max: 0.06 },
    { type: 'normal', mean: 0, sd: 1, truncate: { min: -1, max: 3 } },
  ];
  it.each(specs.map((spec) => [spec.type, spec] as const))(
    'draws %s at Q(u) in any order, within the table’s error, split strata and tails included',
    (_, spec) => {
      const distribution = createDistribution(spec);
      const ascending: QuantileColumn = (p, out, n) => distribution.fillFromUniforms(p, out, n, true);
      const anyOrder: QuantileColumn = (p, out, n) => distribution.fillFromUniforms(p, out, n);
      const table = tableFor(ascending, [distribution.inv(0), distribution.inv(1)]);
      const random = mulberry32(7);
      const n = 20_000;
      // Uniforms anywhere, and a share in the outer strata, where the tables split and the column transform takes over.
      const u = Float64Array.from({ length: n }, (_, i) => (i % 10 === 0 ? random() / 512 : i % 10 === 1 ? 1 - random() / 512 : random()));
      const out = new Float64Array(n);
      const scratch = { strata: new Int32Array(n), probabilities: new Float64Array(n), values: new Float64Array(n) };
      fillMonteCarloQuantiles(table, u, out, n, anyOrder, scratch);
      const exact = new Float64Array(n);
      anyOrder(u, exact, n);
      const interquartile = distribution.inv(0.75) - distribution.inv(0.25);
      let worst = 0;
      for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(out[i] - exact[i]) / (Math.abs(exact[i]) + interquartile));
      expect(worst).toBeLessThanOrEqual(STRATUM_TABLE_MAX_ERROR);
      expect(table.splitStrata.length).toBeGreaterThan(0);
    },
  );
});
