import { describe, expect, it } from 'vitest';
import { sobolIndices, type SobolInput } from '../../models/sensitivity/sobol.ts';
import { mulberry32 } from '../helpers/mulberry32.ts';

const N = 2 ** 14;
const TOLERANCE = 0.02;

/** Ishigami & Homma (1990): f = sin x1 + a·sin² x2 + b·x3⁴·sin x1, x_i ~ U(−π, π). */
function ishigami(a: number, b: number) {
  return (x: readonly Float64Array[], n: number): Float64Array => {
    const y = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const s = Math.sin(x[0][j]);
      const s2 = Math.sin(x[1][j]);
      const x3 = x[2][j];
      y[j] = s + a * s2 * s2 + b * x3 * x3 * x3 * x3 * s;
    }
    return y;
  };
}

/** Sobol' G-function: f = Π (|4x_i − 2| + a_i)/(1 + a_i), x_i ~ U(0, 1). */
function gFunction(a: readonly number[]) {
  return (x: readonly Float64Array[], n: number): Float64Array => {
    const y = new Float64Array(n).fill(1);
    for (let i = 0; i < a.length; i++) for (let j = 0; j < n; j++) y[j] *= (Math.abs(4 * x[i][j] - 2) + a[i]) / (1 + a[i]);
    return y;
  };
}

const uniform = (lo: number, hi: number) => (p: number) => lo + (hi - lo) * p;

describe('sobolIndices', () => {
  it('recovers the analytic Ishigami indices (a = 7, b = 0.1) within 0.02 at N = 2^14', () => {
    const a = 7;
    const b = 0.1;
    const pi4 = Math.PI ** 4;
    const pi8 = Math.PI ** 8;
    // Partial variances: V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V3 = 0, V13 = b²π⁸(1/18 − 1/50), V = V1 + V2 + V13.
    const V1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
    const V2 = (a * a) / 8;
    const V13 = b * b * pi8 * (1 / 18 - 1 / 50);
    const V = (a * a) / 8 + (b * pi4) / 5 + (b * b * pi8) / 18 + 0.5;
    expect(V1 + V2 + V13).toBeCloseTo(V, 12);
    const first = [V1 / V, V2 / V, 0];
    const total = [(V1 + V13) / V, V2 / V, V13 / V];
    expect(first[0]).toBeCloseTo(0.3139, 4);
    expect(first[1]).toBeCloseTo(0.4424, 4);
    expect(total[0]).toBeCloseTo(0.5576, 4);
    expect(total[2]).toBeCloseTo(0.2437, 4);

    const r = sobolIndices({
      inputs: [uniform(-Math.PI, Math.PI), uniform(-Math.PI, Math.PI), uniform(-Math.PI, Math.PI)],
      baseSamples: N,
      model: ishigami(a, b),
      rng: mulberry32(1),
      bootstrap: { resamples: 100 },
    });
    expect(r.evaluations).toBe(N * 5);
    expect(r.mean).toBeCloseTo(a / 2, 1); // E f = a/2
    expect(Math.abs(r.variance - V) / V).toBeLessThan(0.03);
    r.indices.forEach((s, i) => {
      expect(Math.abs(s.first - first[i])).toBeLessThan(TOLERANCE);
      expect(Math.abs(s.total - total[i])).toBeLessThan(TOLERANCE);
      expect(s.firstCi[0]).toBeLessThanOrEqual(s.first);
      expect(s.firstCi[1]).toBeGreaterThanOrEqual(s.first);
      expect(s.totalCi[0]).toBeLessThanOrEqual(s.total);
      expect(s.totalCi[1]).toBeGreaterThanOrEqual(s.total);
    });
  });

  it('recovers the analytic G-function indices for a = (0, 1, 4.5, 9, 99, 99) within 0.02', () => {
    const a = [0, 1, 4.5, 9, 99, 99];
    // V_i = 1/(3(1 + a_i)²), V = Π(1 + V_i) − 1, S_i = V_i/V, S_Ti = V_i·Π_{j≠i}(1 + V_j)/V.
    const Vi = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
    const prod = Vi.reduce((p, v) => p * (1 + v), 1);
    const V = prod - 1;
    const first = Vi.map((v) => v / V);
    const total = Vi.map((v) => (v * (prod / (1 + v))) / V);
    expect(first[0]).toBeCloseTo(0.7163, 4);

    const r = sobolIndices({
      inputs: a.map(() => (p: number) => p),
      baseSamples: N,
      model: gFunction(a),
      rng: mulberry32(2),
      bootstrap: false,
    });
    expect(r.evaluations).toBe(N * 8);
    expect(r.mean).toBeCloseTo(1, 1);
    r.indices.forEach((s, i) => {
      expect(Math.abs(s.first - first[i])).toBeLessThan(TOLERANCE);
      expect(Math.abs(s.total - total[i])).toBeLessThan(TOLERANCE);
      expect(s.firstCi[0]).toBeNaN();
    });
  });

  it('recovers S_i = S_Ti = a_i²·var_i/Σ for a linear additive model, through both input forms', () => {
    // y = 4·x1 + 2·x2 + x3 + 0.5·x4 with x1 ~ U(0, 1) (var 1/12), x2 ~ Exp(rate 2) (var 1/4),
    // x3 ~ U(−1, 1) via a column transform (var 1/3), x4 ~ U(0, 1) (var 1/12).
    const coef = [4, 2, 1, 0.5];
    const variances = [1 / 12, 1 / 4, 1 / 3, 1 / 12];
    const parts = coef.map((c, i) => c * c * variances[i]);
    const sum = parts.reduce((s, v) => s + v, 0);
    const expected = parts.map((p) => p / sum);
    const columnUniform: SobolInput = {
      fillFromUniforms(u, out, n) {
        for (let j = 0; j < n; j++) out[j] = 2 * u[j] - 1;
      },
    };
    let buffer = new Float64Array(0);
    const r = sobolIndices({
      inputs: [(p) => p, (p) => -Math.log1p(-p) / 2, columnUniform, (p) => p],
      baseSamples: N,
      model: (x, n) => {
        if (buffer.length < n) buffer = new Float64Array(n); // reused across calls on purpose
        for (let j = 0; j < n; j++) buffer[j] = 4 * x[0][j] + 2 * x[1][j] + x[2][j] + 0.5 * x[3][j];
        return buffer;
      },
      rng: mulberry32(3),
      bootstrap: false,
    });
    expect(Math.abs(r.variance - sum) / sum).toBeLessThan(0.03);
    r.indices.forEach((s, i) => {
      expect(Math.abs(s.first - expected[i])).toBeLessThan(TOLERANCE);
      expect(Math.abs(s.total - expected[i])).toBeLessThan(TOLERANCE);
    });
  });

  it('gives identical results for any block size (rows are drawn row by row)', () => {
    const run = (blockSize?: number) =>
      sobolIndices({
        inputs: [uniform(-Math.PI, Math.PI), uniform(-Math.PI, Math.PI), uniform(-Math.PI, Math.PI)],
        baseSamples: 1000,
        model: ishigami(7, 0.1),
        rng: mulberry32(4),
        bootstrap: { resamples: 20 },
        blockSize,
      });
    expect(run(77)).toEqual(run());
  });

  it('narrows bootstrap intervals like 1/√N (four times the rows, about half the width)', () => {
    const width = (n: number) => {
      const r = sobolIndices({
        inputs: [(p) => p, (p) => p],
        baseSamples: n,
        model: (x, m) => x[0].map((v, j) => v + 2 * x[1][j] + v * x[1][j]).subarray(0, m),
        rng: mulberry32(5),
        bootstrap: { resamples: 200, confidence: 0.9 },
      });
      return r.indices.flatMap((s) => [s.firstCi[1] - s.firstCi[0], s.totalCi[1] - s.totalCi[0]]);
    };
    const small = width(2 ** 11);
    const large = width(2 ** 13);
    small.forEach((w, i) => {
      expect(w).toBeGreaterThan(0);
      expect(large[i] / w).toBeGreaterThan(0.35);
      expect(large[i] / w).toBeLessThan(0.65);
    });
  });

  it('rejects bad options and non-finite model output', () => {
    const base = { inputs: [(p: number) => p], baseSamples: 16, rng: mulberry32(6), bootstrap: false as const };
    expect(() => sobolIndices({ ...base, inputs: [], model: (_x, n) => new Float64Array(n) })).toThrow(RangeError);
    expect(() => sobolIndices({ ...base, baseSamples: 1.5, model: (_x, n) => new Float64Array(n) })).toThrow(RangeError);
    expect(() => sobolIndices({ ...base, model: (_x, n) => new Float64Array(n).fill(Number.NaN) })).toThrow(/non-finite|NaN/);
    expect(() => sobolIndices({ ...base, model: () => new Float64Array(2) })).toThrow(/returned 2 values/);
  });
});
