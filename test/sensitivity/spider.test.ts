import { describe, expect, it } from 'vitest';
import { spider } from '../../models/sensitivity/spider.ts';

describe('spider', () => {
  it('evaluates the output on the 5%…95% grid of each input, others at baseline', () => {
    // x1 ~ U(0, 100) → inv(p) = 100p; x2 ~ Exp(1) → inv(p) = −ln(1 − p). y = 2·x1 + 10·x2.
    const inv = [(p: number) => 100 * p, (p: number) => -Math.log(1 - p)];
    const baseline = new Float64Array([50, Math.LN2]);
    const s = spider({ baseline, inv, evaluate: (x) => 2 * x[0] + 10 * x[1], names: ['adoption', 'delay'] });
    expect(s.percentiles.length).toBe(19);
    expect(s.percentiles[0]).toBe(0.05);
    expect(s.percentiles[9]).toBe(0.5);
    expect(s.percentiles[18]).toBe(0.95);
    expect(s.baselineOutput).toBeCloseTo(100 + 10 * Math.LN2, 12);
    const [a, d] = s.series;
    expect(a.name).toBe('adoption');
    for (let q = 0; q < 19; q++) {
      const p = s.percentiles[q];
      expect(a.values[q]).toBeCloseTo(100 * p, 12);
      expect(a.outputs[q]).toBeCloseTo(200 * p + 10 * Math.LN2, 10);
      expect(d.outputs[q]).toBeCloseTo(100 - 10 * Math.log(1 - p), 10);
    }
    expect(a.range).toBeCloseTo(200 * 0.9, 10);
    // Exp quantiles: range of 10·x2 is 10·(ln 20 − ln(1/0.95)) = 10·ln 19.
    expect(d.range).toBeCloseTo(10 * Math.log(19), 10);
  });

  it('accepts a custom grid and validates it', () => {
    const s = spider({ baseline: new Float64Array([0]), inv: [(p) => p], evaluate: (x) => x[0] * x[0], percentiles: [0.1, 0.5, 0.9] });
    expect(Array.from(s.series[0].outputs)).toEqual([0.1 * 0.1, 0.25, 0.9 * 0.9]);
    expect(() => spider({ baseline: new Float64Array([0]), inv: [(p) => p], evaluate: () => 0, percentiles: [0] })).toThrow(RangeError);
    expect(() => spider({ baseline: new Float64Array([0, 1]), inv: [(p) => p], evaluate: () => 0 })).toThrow(RangeError);
  });
});
