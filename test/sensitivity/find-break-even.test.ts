import { describe, expect, it } from 'vitest';
import { findBreakEven } from '../../models/sensitivity/find-break-even.ts';

describe('findBreakEven', () => {
  it('finds √2 for x² − 2 on [0, 3] and π/2 for cos on [0, 3]', () => {
    const r = findBreakEven((x) => x * x - 2, 0, 3);
    expect(r.value).toBeCloseTo(Math.SQRT2, 9);
    expect(r).toMatchObject({ crossings: 1 });
    expect(findBreakEven(Math.cos, 0, 3).value).toBeCloseTo(Math.PI / 2, 9);
  });

  it("solves Wallis's cubic x³ − 2x − 5 = 0 (root 2.0945514815423265)", () => {
    expect(findBreakEven((x) => x * x * x - 2 * x - 5, -10, 10, { tolerance: 1e-14 }).value).toBeCloseTo(2.0945514815423265, 12);
  });

  it('returns null with a reason when g keeps its sign', () => {
    expect(findBreakEven((x) => x * x + 1, -3, 3)).toEqual({ value: null, reason: 'no crossing within range' });
    expect(findBreakEven((x) => x - 5, 0, 3)).toEqual({ value: null, reason: 'no crossing within range' });
  });

  it('for non-monotone g counts crossings and returns the one nearest `near`', () => {
    // (x − 1)(x − 2)(x − 4) has roots 1, 2 and 4 on [0, 5].
    const g = (x: number): number => (x - 1) * (x - 2) * (x - 4);
    expect(findBreakEven(g, 0, 5.3)).toMatchObject({ crossings: 3 });
    expect(findBreakEven(g, 0, 5.3).value).toBeCloseTo(1, 9);
    expect(findBreakEven(g, 0, 5.3, { near: 3.5 }).value).toBeCloseTo(4, 9);
    expect(findBreakEven(g, 0, 5.3, { near: 2.2 }).value).toBeCloseTo(2, 9);
  });

  it('returns an exact grid zero as is and skips NaN grid points', () => {
    expect(findBreakEven((x) => x - 0.25, 0, 1, { gridIntervals: 4 })).toEqual({ value: 0.25, crossings: 1 });
    const g = (x: number): number => (x < 0.3 ? Number.NaN : x - 0.7);
    expect(findBreakEven(g, 0, 1).value).toBeCloseTo(0.7, 9);
  });

  it('validates the range', () => {
    expect(() => findBreakEven((x) => x, 1, 0)).toThrow(RangeError);
    expect(() => findBreakEven((x) => x, 0, Infinity)).toThrow(RangeError);
  });
});
