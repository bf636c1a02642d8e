import { describe, expect, it } from 'vitest';
import { niceTrialCount, tooCloseToCall } from '../../models/gate/too-close.ts';

const call = (figure: number, threshold: number, standardError: number, trials = 10_000, z = 2) =>
  tooCloseToCall({ figure, threshold, standardError, z, trials, describe: 'P(NPV > 0)' });

describe('niceTrialCount', () => {
  it('rounds up to two significant digits', () => {
    expect(niceTrialCount(38_917)).toBe(39_000);
    expect(niceTrialCount(40_000)).toBe(40_000);
    expect(niceTrialCount(40_000.000_01)).toBe(40_000);
    expect(niceTrialCount(40_001)).toBe(41_000);
    expect(niceTrialCount(7.2)).toBe(8);
    expect(niceTrialCount(445.7)).toBe(450);
  });
});

describe('tooCloseToCall', () => {
  it('calls P = 0.79 ± 0.01 against 0.8 too close and suggests n·(2·0.01/0.01)² = 40,000 trials', () => {
    const result = call(0.79, 0.8, 0.01);
    expect(result.tooClose).toBe(true);
    expect(result.suggestedTrials).toBe(40_000);
    expect(result.note).toBe(
      'P(NPV > 0) is within 2 standard errors of its threshold: too close to call at 10,000 trials; about 40,000 trials would settle it',
    );
  });

  it('is not too close at or beyond z standard errors', () => {
    expect(call(0.77, 0.8, 0.01)).toEqual({ tooClose: false, suggestedTrials: null });
    expect(call(0.78, 0.8, 0.01).tooClose).toBe(false); // |d| = 0.02 is not < 0.02 (up to rounding)
    expect(call(0.785, 0.8, 0.01).tooClose).toBe(true);
  });

  it('suggests no trial count when the figure sits on the threshold', () => {
    const result = call(0.8, 0.8, 0.01);
    expect(result).toMatchObject({ tooClose: true, suggestedTrials: null });
    expect(result.note).toMatch(/more trials alone cannot settle the call/);
  });

  it('caps the suggestion at 10,000,000 trials', () => {
    // 10,000·(2·0.01/0.0001)² = 400,000,000 → capped.
    const result = call(0.7999, 0.8, 0.01);
    expect(result.suggestedTrials).toBe(10_000_000);
    expect(result.note).toMatch(/even 10,000,000 trials may not settle it/);
  });

  it('never calls an undefined figure or error too close', () => {
    expect(call(NaN, 0.8, 0.01).tooClose).toBe(false);
    expect(call(0.79, 0.8, NaN).tooClose).toBe(false);
    expect(call(0.8, 0.8, 0).tooClose).toBe(false);
  });
});
