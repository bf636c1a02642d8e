import { describe, expect, it } from 'vitest';
import { isDurableChange, regateFlag } from '../../models/actuals/index.ts';

const band = (month: number, value: number) => ({ month, value, lower: 4, upper: 8 });

describe('regateFlag', () => {
  it('flags 2 consecutive months outside P10–P90 and names them', () => {
    const r = regateFlag([band(1, 5), band(2, 3), band(3, 2), band(4, 6)]);
    expect(r.flagged).toBe(true);
    expect(r.months).toEqual([2, 3]);
    expect(r.runs).toEqual([{ from: 2, to: 3, sides: ['below', 'below'] }]);
  });

  it('does not flag single months outside, or two months apart; a gap or a NaN breaks a run', () => {
    expect(regateFlag([band(1, 3), band(2, 5), band(3, 9), band(4, 5)]).flagged).toBe(false);
    expect(regateFlag([band(1, 3), band(3, 3)]).flagged).toBe(false);
    expect(regateFlag([band(1, 3), band(2, Number.NaN), band(3, 3)]).flagged).toBe(false);
    expect(regateFlag([]).flagged).toBe(false);
  });

  it('counts the band edges as inside, below-then-above as a run, and sorts by month', () => {
    expect(regateFlag([band(1, 4), band(2, 8)]).flagged).toBe(false);
    expect(regateFlag([band(6, 9), band(5, 1)]).runs).toEqual([{ from: 5, to: 6, sides: ['below', 'above'] }]);
  });

  it('takes the run length from the rule', () => {
    const series = [band(1, 9), band(2, 9), band(3, 5), band(4, 1), band(5, 1), band(6, 1)];
    expect(regateFlag(series, { consecutiveMonths: 3 }).months).toEqual([4, 5, 6]);
    expect(regateFlag(series).months).toEqual([1, 2, 4, 5, 6]);
    expect(regateFlag(series, { consecutiveMonths: 1 }).runs).toHaveLength(2);
    expect(() => regateFlag(series, { consecutiveMonths: 0 })).toThrow(RangeError);
    expect(() => regateFlag([band(1, 1), band(1, 2)])).toThrow(/two observations for month 1/);
  });
});

describe('isDurableChange', () => {
  it('is durable when the last 6 months all lie beyond the baseline and their mean reaches half the change', () => {
    const r = isDurableChange({ baseline: 10, hypothesisedChange: -2, observations: [12, 9, 8.5, 9, 8, 8.8, 9.1] });
    expect(r.durable).toBe(true);
    expect(r.realisedShare).toBeCloseTo((52.4 / 6 - 10) / -2, 12); // 0.633…
    expect(r.reason).toBe(
      'The last 6 months all lie below the baseline of 10, and their mean, 8.733, is 63 % of the hypothesised change of −2 (at least 50 % needed).',
    );
  });

  it('is not durable when the mean falls short of the share, naming the share', () => {
    const r = isDurableChange({ baseline: 100, hypothesisedChange: 20, observations: [105, 108, 104, 106, 109, 107] });
    expect(r.durable).toBe(false);
    expect(r.realisedShare).toBeCloseTo(0.325, 12);
    expect(r.reason).toBe(
      'The last 6 months all lie above the baseline of 100, but their mean, 106.5, is 33 % of the hypothesised change of 20 (at least 50 % needed).',
    );
    expect(isDurableChange({ baseline: 100, hypothesisedChange: 20, observations: [105, 108, 104, 106, 109, 107], minShare: 0.3 }).durable).toBe(true);
  });

  it('is not durable when a month lies on the baseline or the wrong side of it', () => {
    const r = isDurableChange({ baseline: 10, hypothesisedChange: -2, observations: [7, 7, 10, 7, 7, 7] });
    expect(r.durable).toBe(false);
    expect(r.reason).toMatch(/^1 of the last 6 months did not lie below the baseline of 10;/);
  });

  it('needs N measurements, and takes N from the rule', () => {
    const r = isDurableChange({ baseline: 10, hypothesisedChange: -2, observations: [7, 7, 7] });
    expect(r).toEqual({ durable: false, realisedShare: Number.NaN, reason: 'Only 3 months measured after launch; 6 are needed.' });
    expect(isDurableChange({ baseline: 10, hypothesisedChange: -2, observations: [7, 7, 7], lastN: 3 }).durable).toBe(true);
    expect(isDurableChange({ baseline: 10, hypothesisedChange: -2, observations: [7, Number.NaN, 7], lastN: 3 }).durable).toBe(false);
  });

  it('refuses a zero hypothesised change and out-of-range rules', () => {
    expect(() => isDurableChange({ baseline: 10, hypothesisedChange: 0, observations: [] })).toThrow(/hypothesisedChange/);
    expect(() => isDurableChange({ baseline: 10, hypothesisedChange: 1, observations: [], lastN: 0 })).toThrow(/lastN/);
    expect(() => isDurableChange({ baseline: 10, hypothesisedChange: 1, observations: [], minShare: 1.5 })).toThrow(/minShare/);
  });
});
