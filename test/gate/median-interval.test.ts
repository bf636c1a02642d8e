import { describe, expect, it } from 'vitest';
import { medianInterval } from '../../models/gate/median-interval.ts';
import { oneTo } from './gate-fixtures.ts';

describe('medianInterval', () => {
  it('brackets the median with the order statistics at ranks n/2 ± 1.96·√n/2', () => {
    // n = 100: 50 ± 1.96·10/2 = 50 ± 9.8, rounded outwards to ranks 40 and 60.
    const shuffled = oneTo(100).reverse();
    expect(medianInterval(shuffled)).toEqual({ n: 100, median: 50.5, lower: 40, upper: 60, lowerRank: 40, upperRank: 60 });
  });

  it('uses 10,000 values: ranks 5000 ± 98', () => {
    const interval = medianInterval(oneTo(10_000));
    expect([interval.lowerRank, interval.upperRank]).toEqual([4902, 5098]);
    expect([interval.lower, interval.upper]).toEqual([4902, 5098]);
  });

  it('ranks +Infinity (no payback within the horizon) last', () => {
    const values = oneTo(100);
    for (let i = 55; i < 100; i++) values[i] = Infinity; // values 1..55, then 45 × ∞
    const interval = medianInterval(values);
    expect(interval.median).toBe(50.5);
    expect([interval.lower, interval.upper]).toEqual([40, Infinity]);
  });

  it('has an infinite median when more than half never pay back', () => {
    const values = new Float64Array(100).fill(Infinity);
    values.set(oneTo(30));
    expect(medianInterval(values)).toMatchObject({ median: Infinity, lower: Infinity, upper: Infinity });
  });

  it('leaves out NaN and clamps the ranks for small samples', () => {
    // n = 4 after dropping NaN: 2 ± 1.96 → ranks floor(0.04) = 0 → 1 and ceil(3.96) = 4.
    expect(medianInterval(new Float64Array([NaN, 7, 1, 3, 5]))).toEqual({ n: 4, median: 4, lower: 1, upper: 7, lowerRank: 1, upperRank: 4 });
    expect(medianInterval(new Float64Array([NaN])).median).toBeNaN();
  });
});
