import { describe, expect, it } from 'vitest';
import { breakEven } from '../../models/sensitivity/break-even.ts';

describe('breakEven', () => {
  it('finds each input’s break-even with the others fixed', () => {
    // NPV = 1000·adoption·value − cost at baseline (0.5, 40, 15 000):
    // adoption* = 15 000/40 000 = 0.375, value* = 15 000/500 = 30, cost* = 20 000.
    const baseline = new Float64Array([0.5, 40, 15_000]);
    const npv = (x: Float64Array): number => 1000 * x[0] * x[1] - x[2];
    const point = new Float64Array(3);
    const g = (i: number, v: number): number => {
      point.set(baseline);
      point[i] = v;
      return npv(point);
    };
    const r = breakEven({
      low: new Float64Array([0, 0, 0]),
      high: new Float64Array([1, 100, 50_000]),
      g,
      baseline,
      names: ['adoption', 'value per user', 'cost'],
    });
    expect(r.map((b) => b.name)).toEqual(['adoption', 'value per user', 'cost']);
    expect(r[0].value).toBeCloseTo(0.375, 9);
    expect(r[1].value).toBeCloseTo(30, 7);
    expect(r[2].value).toBeCloseTo(20_000, 4);
  });

  it('reports inputs that cannot flip the sign within their range', () => {
    const r = breakEven({
      low: new Float64Array([0, 0]),
      high: new Float64Array([1, 1]),
      g: (i, x) => (i === 0 ? x - 0.25 : 1 + x),
    });
    expect(r[0]).toEqual({ index: 0, name: 'x1', value: 0.25, crossings: 1 });
    expect(r[1]).toEqual({ index: 1, name: 'x2', value: null, reason: 'no crossing within range' });
  });
});
