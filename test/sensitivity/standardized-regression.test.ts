import { describe, expect, it } from 'vitest';
import { standardizedRegression } from '../../models/sensitivity/standardized-regression.ts';

/** 2³ full factorial design in ±1: columns are mutually orthogonal and balanced. */
function factorial(): [Float64Array, Float64Array, Float64Array] {
  const x1 = new Float64Array(8);
  const x2 = new Float64Array(8);
  const x3 = new Float64Array(8);
  for (let t = 0; t < 8; t++) {
    x1[t] = t & 1 ? 1 : -1;
    x2[t] = t & 2 ? 1 : -1;
    x3[t] = t & 4 ? 1 : -1;
  }
  return [x1, x2, x3];
}

describe('standardizedRegression', () => {
  it('gives SRC_i = a_i/√Σa² and R² = 1 for an exact linear model on a factorial design', () => {
    const [x1, x2, x3] = factorial();
    const y = x1.map((_, t) => 2 * x1[t] - x2[t] + 0.5 * x3[t]);
    const r = standardizedRegression([x1, x2, x3], y);
    const norm = Math.sqrt(4 + 1 + 0.25);
    expect(r.coefficients[0]).toBeCloseTo(2 / norm, 14);
    expect(r.coefficients[1]).toBeCloseTo(-1 / norm, 14);
    expect(r.coefficients[2]).toBeCloseTo(0.5 / norm, 14);
    expect(r.rSquared).toBeCloseTo(1, 14);
  });

  it('reports R² = 0.7 when an x1·x2 interaction carries 30% of the variance', () => {
    // y = 2x1 − x2 + 0.5x3 + 1.5·x1x2: the interaction column is orthogonal to the main
    // effects, so the slopes are unchanged, Var(y) ∝ 5.25 + 2.25 and R² = 5.25/7.5 = 0.7.
    const [x1, x2, x3] = factorial();
    const y = x1.map((_, t) => 2 * x1[t] - x2[t] + 0.5 * x3[t] + 1.5 * x1[t] * x2[t]);
    const r = standardizedRegression([x1, x2, x3], y);
    const sdRatio = 1 / Math.sqrt(7.5);
    expect(r.coefficients[0]).toBeCloseTo(2 * sdRatio, 14);
    expect(r.coefficients[1]).toBeCloseTo(-1 * sdRatio, 14);
    expect(r.coefficients[2]).toBeCloseTo(0.5 * sdRatio, 14);
    expect(r.rSquared).toBeCloseTo(0.7, 14);
  });

  it('matches the worked 2-input example (SRC 0.6, 0.8)', () => {
    const r = standardizedRegression([new Float64Array([0, 1, 0, 1]), new Float64Array([0, 0, 1, 1])], new Float64Array([0, 3, 4, 7]));
    expect(r.coefficients[0]).toBeCloseTo(0.6, 14);
    expect(r.coefficients[1]).toBeCloseTo(0.8, 14);
    expect(r.aliased).toEqual([]);
  });
});
