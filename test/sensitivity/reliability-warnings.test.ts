import { describe, expect, it } from 'vitest';
import { reliabilityWarnings } from '../../models/sensitivity/reliability-warnings.ts';
import { mulberry32 } from '../helpers/mulberry32.ts';

function column(n: number, draw: () => number): Float64Array {
  const x = new Float64Array(n);
  for (let t = 0; t < n; t++) x[t] = draw();
  return x;
}

const N = 5000;

describe('reliabilityWarnings', () => {
  it('says nothing for a linear output of independent inputs', () => {
    const rng = mulberry32(11);
    const x1 = column(N, rng);
    const x2 = column(N, rng);
    const y = x1.map((v, t) => v + 2 * x2[t]);
    expect(reliabilityWarnings([x1, x2], y)).toEqual([]);
  });

  it('flags an interaction-dominated output: y = x1·x2 on U(−1, 1)² has linear R² → 0', () => {
    // Cov(x_i, x1·x2) = 0 for independent centred inputs, so the population R² is 0.
    const rng = mulberry32(12);
    const x1 = column(N, () => 2 * rng() - 1);
    const x2 = column(N, () => 2 * rng() - 1);
    const y = x1.map((v, t) => v * x2[t]);
    const w = reliabilityWarnings([x1, x2], y);
    expect(w.map((x) => x.code)).toEqual(['low-regression-r2']);
    expect(w[0].value).toBeLessThan(0.01);
    expect(w[0].message).toMatch(/non-linear or driven by interactions/);
  });

  it('flags a monotone non-linear output: y = exp(5x) on U(0, 1) has linear R² ≈ 0.736, rank R² = 1', () => {
    // Closed form: E[e^{5x}] = (e⁵ − 1)/5, E[x·e^{5x}] = (4e⁵ + 1)/25, E[e^{10x}] = (e¹⁰ − 1)/10, Var x = 1/12.
    const e5 = Math.exp(5);
    const ey = (e5 - 1) / 5;
    const cov = (4 * e5 + 1) / 25 - 0.5 * ey;
    const vy = (Math.exp(10) - 1) / 10 - ey * ey;
    const linearR2 = (cov * cov) / (vy / 12);
    expect(linearR2).toBeCloseTo(0.7363, 4);

    const rng = mulberry32(13);
    const x = column(N, rng);
    const y = x.map((v) => Math.exp(5 * v));
    const w = reliabilityWarnings([x], y);
    expect(w.map((x) => x.code)).toEqual(['rank-regression-better']);
    expect(w[0].value).toBeCloseTo(1, 12);
    // With a stricter threshold the linear R² itself is reported.
    const strict = reliabilityWarnings([x], y, { minRSquared: 0.8 });
    expect(strict[0].code).toBe('low-regression-r2');
    expect(Math.abs((strict[0].value ?? 0) - linearR2)).toBeLessThan(0.02);
  });

  it('flags correlated inputs: bivariate normal ρ = 0.5 has Spearman (6/π)·asin(ρ/2) ≈ 0.4826', () => {
    const rng = mulberry32(14);
    const z1 = new Float64Array(N);
    const z2 = new Float64Array(N);
    for (let t = 0; t < N; t++) {
      // Box–Muller: two independent standard normals.
      const r = Math.sqrt(-2 * Math.log(rng()));
      const a = 2 * Math.PI * rng();
      z1[t] = r * Math.cos(a);
      z2[t] = 0.5 * z1[t] + Math.sqrt(0.75) * r * Math.sin(a);
    }
    const independent = column(N, rng);
    const y = z1.map((v, t) => v + z2[t] + independent[t]);
    const w = reliabilityWarnings([z1, independent, z2], y, { names: ['adoption', 'price', 'hours saved'] });
    expect(w.map((x) => x.code)).toEqual(['correlated-inputs']);
    expect(w[0].inputs).toEqual([0, 2]);
    expect(Math.abs((w[0].value ?? 0) - (6 / Math.PI) * Math.asin(0.25))).toBeLessThan(0.03);
    expect(w[0].message).toContain('"adoption" and "hours saved"');
  });

  it('reports a constant output', () => {
    const x = column(100, mulberry32(15));
    const w = reliabilityWarnings([x], new Float64Array(100).fill(3));
    expect(w.map((x) => x.code)).toEqual(['constant-output']);
  });
});
