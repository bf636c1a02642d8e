import { describe, expect, it } from 'vitest';
import { BETA_TABLE_INTERVALS, BETA_TABLE_MAX_ERROR, BetaQuantileTable } from '../../models/distributions/beta-quantile-table.ts';
import { incompleteBetaInv } from '../../models/math/incomplete-beta-inv.ts';

/**
 * Probes where the interpolation error peaks: the midpoint (and quarter points)
 * of every table interval in t = logit(u), plus a uniform grid in u.
 */
function denseUniforms(): Float64Array {
  const limit = 38;
  const step = (2 * limit) / BETA_TABLE_INTERVALS;
  const values: number[] = [];
  for (let k = 0; k < BETA_TABLE_INTERVALS; k++) {
    for (const offset of [0.25, 0.5, 0.75]) {
      const t = -limit + (k + offset) * step;
      values.push(t < 0 ? Math.exp(t) / (1 + Math.exp(t)) : 1 / (1 + Math.exp(-t)));
    }
  }
  for (let i = 0; i < 5000; i++) values.push((i + 0.5) / 5000);
  return Float64Array.from(values);
}

/** Largest |table − exact| over the probes, for Beta(a, b) on [0, 1]. */
function maxTableError(a: number, b: number): number {
  const u = denseUniforms();
  const out = new Float64Array(u.length);
  new BetaQuantileTable(a, b).fill(u, out, u.length, 0, 1);
  let worst = 0;
  for (let i = 0; i < u.length; i++) worst = Math.max(worst, Math.abs(out[i] - incompleteBetaInv(u[i], a, b)));
  return worst;
}

describe('BetaQuantileTable', () => {
  // [alpha, beta]: classic PERT shapes (λ = 4 and λ = 100), U- and J-shaped, concentrated.
  it.each([
    [2, 4],
    [1, 5],
    [5, 1],
    [31, 71],
    [0.5, 0.5],
    [0.2, 3],
    [0.05, 5],
    [101, 1],
    [1000, 3000],
  ])('Beta(%d, %d): table quantile within BETA_TABLE_MAX_ERROR of the exact inverse', (a, b) => {
    expect(maxTableError(a, b)).toBeLessThanOrEqual(BETA_TABLE_MAX_ERROR);
  });

  it('is monotone non-decreasing in u', () => {
    const u = denseUniforms().sort();
    const out = new Float64Array(u.length);
    new BetaQuantileTable(2, 4).fill(u, out, u.length, 0, 1);
    let decreases = 0;
    for (let i = 1; i < out.length; i++) if (out[i] < out[i - 1]) decreases++;
    expect(decreases).toBe(0);
  });

  it('uses the exact inverse outside the tabulated range (u = 0, u = 1)', () => {
    const out = new Float64Array(2);
    new BetaQuantileTable(2, 4).fill(Float64Array.of(0, 1), out, 2, 5, 10);
    expect(Array.from(out)).toEqual([5, 15]);
  });
});
