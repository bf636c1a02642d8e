import { describe, expect, it } from 'vitest';
import { tornado } from '../../models/sensitivity/tornado.ts';

const f = (xs: number[]): Float64Array => new Float64Array(xs);

describe('tornado', () => {
  it('moves one input at a time and sorts bars by swing', () => {
    // NPV = 1000·adoption·value − cost: swings are 1000·Δadoption·value, 1000·adoption·Δvalue, Δcost.
    const evaluate = (x: Float64Array): number => 1000 * x[0] * x[1] - x[2];
    const t = tornado({
      baseline: f([0.5, 40, 15_000]),
      low: f([0.2, 30, 10_000]),
      high: f([0.8, 60, 30_000]),
      evaluate,
      names: ['adoption', 'value per user', 'cost'],
    });
    expect(t.baselineOutput).toBe(5_000);
    expect(t.bars.map((b) => b.name)).toEqual(['adoption', 'cost', 'value per user']);
    const [adoption, cost, value] = t.bars;
    expect(adoption).toEqual({ index: 0, name: 'adoption', low: 0.2, high: 0.8, outputLow: -7_000, outputHigh: 17_000, swing: 24_000 });
    expect(cost.outputLow).toBe(10_000);
    expect(cost.outputHigh).toBe(-10_000);
    expect(cost.swing).toBe(20_000);
    expect(value.swing).toBe(15_000);
  });

  it('keeps input order for equal swings, puts NaN swings last and defaults names', () => {
    const t = tornado({
      baseline: f([0, 0, 0]),
      low: f([-1, -1, -1]),
      high: f([1, 1, 1]),
      evaluate: (x) => (x[0] !== 0 ? Number.NaN : x[1] + x[2]),
    });
    expect(t.bars.map((b) => b.name)).toEqual(['x2', 'x3', 'x1']);
    expect(t.bars[0].swing).toBe(2);
    expect(t.bars[2].swing).toBeNaN();
  });

  it('does not let evaluate see a modified baseline array', () => {
    const baseline = f([1, 2]);
    tornado({ baseline, low: f([0, 0]), high: f([3, 3]), evaluate: (x) => x[0] + x[1] });
    expect(Array.from(baseline)).toEqual([1, 2]);
    expect(() => tornado({ baseline, low: f([0]), high: f([3, 3]), evaluate: () => 0 })).toThrow(RangeError);
  });
});
