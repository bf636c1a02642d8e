import { describe, expect, it } from 'vitest';
import { linearRegression } from '../../models/stats/linear-regression.ts';

const f = (xs: number[]): Float64Array => new Float64Array(xs);

describe('linearRegression', () => {
  it("fits Anscombe's first data set: y = 3.0001 + 0.5001·x, R² = 0.6665", () => {
    const x = f([10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5]);
    const y = f([8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68]);
    // Closed form: slope = Sxy/Sxx = 55.01/110, intercept = ȳ − slope·x̄ with x̄ = 9, ȳ = 82.51/11.
    const slope = 55.01 / 110;
    const r = linearRegression([x], y);
    expect(r.coefficients[0]).toBeCloseTo(slope, 12);
    expect(r.intercept).toBeCloseTo(82.51 / 11 - 9 * slope, 12);
    expect(r.rSquared).toBeCloseTo(0.666542, 6);
  });

  it('solves a 2² factorial design by hand: y = 4 + 1.5·x1 + 2·x2, R² = 25/26', () => {
    const x1 = f([-1, 1, -1, 1]);
    const x2 = f([-1, -1, 1, 1]);
    const y = f([1, 3, 4, 8]);
    // Orthogonal columns: b_i = Σ x_i·y / 4; residuals ±0.5 → SSE = 1, SST = 26.
    const r = linearRegression([x1, x2], y);
    expect(r.intercept).toBeCloseTo(4, 14);
    expect(r.coefficients[0]).toBeCloseTo(1.5, 14);
    expect(r.coefficients[1]).toBeCloseTo(2, 14);
    expect(r.rSquared).toBeCloseTo(25 / 26, 14);
    // Standardised: b_i·sd(x_i)/sd(y) = b_i·√(4/3)/√(26/3).
    expect(r.standardized[0]).toBeCloseTo(1.5 * Math.sqrt(4 / 26), 14);
    expect(r.standardized[1]).toBeCloseTo(2 * Math.sqrt(4 / 26), 14);
    expect(Array.from(r.correlations)).toEqual([1, 0, 0, 1]); // orthogonal design
  });

  it('recovers an exact plane with strongly correlated regressors and a large offset', () => {
    const n = 200;
    const x1 = new Float64Array(n);
    const x2 = new Float64Array(n);
    const x3 = new Float64Array(n);
    const y = new Float64Array(n);
    for (let t = 0; t < n; t++) {
      x1[t] = 1e6 + t;
      x2[t] = 1e6 + t + Math.sin(t); // corr(x1, x2) ≈ 0.9999
      x3[t] = Math.cos(3 * t);
      y[t] = 10 + 2 * x1[t] - 3 * x2[t] + 0.5 * x3[t];
    }
    const r = linearRegression([x1, x2, x3], y);
    expect(r.coefficients[0]).toBeCloseTo(2, 6);
    expect(r.coefficients[1]).toBeCloseTo(-3, 6);
    expect(r.coefficients[2]).toBeCloseTo(0.5, 8);
    expect(r.rSquared).toBeCloseTo(1, 12);
    expect(r.aliased).toEqual([]);
  });

  it('drops constant and duplicated columns (aliased) and still fits', () => {
    const x1 = f([0, 1, 2, 3, 4]);
    const constant = f([7, 7, 7, 7, 7]);
    const y = f([1, 3, 5, 7, 9]);
    const r = linearRegression([x1, constant, x1], y);
    expect(r.aliased).toEqual([1, 2]);
    expect(r.correlations[0 * 3 + 2]).toBeCloseTo(1, 15);
    expect(r.correlations[0 * 3 + 1]).toBeNaN();
    expect(r.coefficients[0]).toBeCloseTo(2, 14);
    expect(r.coefficients[1]).toBe(0);
    expect(r.coefficients[2]).toBe(0);
    expect(r.intercept).toBeCloseTo(1, 14);
    expect(r.rSquared).toBeCloseTo(1, 14);
  });

  it('reports NaN R² for a constant response and checks lengths', () => {
    const r = linearRegression([f([1, 2, 3])], f([5, 5, 5]));
    expect(r.rSquared).toBeNaN();
    expect(r.intercept).toBe(5);
    expect(() => linearRegression([f([1, 2])], f([1, 2, 3]))).toThrow(RangeError);
  });
});
