import { describe, expect, it } from 'vitest';
import {
  conditionOnActuals,
  defaultObservationError,
  effectiveSampleSize,
  weightedMean,
  weightedQuantiles,
  weightedShareAbove,
} from '../../models/actuals/index.ts';
import { normalInv } from '../../models/math/normal-inv.ts';

const f = (xs: number[]): Float64Array => new Float64Array(xs);

describe('effectiveSampleSize', () => {
  it('is n for equal weights, 1 for one weight, and (Σw)²/Σw² in between', () => {
    expect(effectiveSampleSize(new Float64Array(1000).fill(0.001))).toBeCloseTo(1000, 9);
    expect(effectiveSampleSize(new Float64Array(7).fill(3))).toBeCloseTo(7, 12);
    expect(effectiveSampleSize(f([0, 0, 5, 0]))).toBe(1);
    expect(effectiveSampleSize(f([1, 2, 3]))).toBeCloseTo(36 / 14, 14);
    expect(effectiveSampleSize(f([0, 0]))).toBe(0);
    expect(() => effectiveSampleSize(f([1, -1]))).toThrow(RangeError);
  });
});

describe('conditionOnActuals', () => {
  it('weights trials by the normal likelihood of the actual: e^(−r²/2sd²), normalised', () => {
    const c = conditionOnActuals({
      trials: 3,
      series: [{ name: 'volume', months: 1, values: f([90, 100, 110]), error: { kind: 'normal', sd: 10 } }],
      actuals: [{ series: 'volume', month: 1, value: 100 }],
    });
    const e = Math.exp(-0.5);
    [e, 1, e].forEach((w, i) => expect(c.weights[i]).toBeCloseTo(w / (1 + 2 * e), 14));
    expect(c.effectiveSampleSize).toBeCloseTo((1 + 2 * e) ** 2 / (1 + 2 * e * e), 12);
    expect(c.observations).toBe(1);
  });

  it('reads Float32 columns the same way (half the memory)', () => {
    const c = conditionOnActuals({
      trials: 3,
      series: [{ name: 'volume', months: 1, values: Float32Array.of(90, 100, 110), error: { kind: 'normal', sd: 10 } }],
      actuals: [{ series: 'volume', month: 1, value: 100 }],
    });
    expect(c.weights[1]).toBeCloseTo(1 / (1 + 2 * Math.exp(-0.5)), 14);
  });

  it('gives equal weights, and ESS = n, without actuals', () => {
    const c = conditionOnActuals({ trials: 4, series: [{ name: 'a', months: 2, values: new Float64Array(8) }], actuals: [] });
    expect([...c.weights]).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(c.effectiveSampleSize).toBe(4);
  });

  it('uses lognormal error by default for a positive series: ln y ~ N(ln x − s²/2, s²), s² = ln(1 + 0.05²)', () => {
    // Month-major: month 1 holds (100, 200), month 2 holds (110, 190).
    const values = f([100, 200, 110, 190]);
    const actuals = [
      { series: 'benefit', month: 1, value: 150 },
      { series: 'benefit', month: 2, value: 150 },
    ];
    const c = conditionOnActuals({ trials: 2, series: [{ name: 'benefit', months: 2, values }], actuals });
    expect(c.errors.benefit).toEqual({ kind: 'lognormal', relativeSd: 0.05 });
    const s2 = Math.log1p(0.0025);
    const logLik = (xs: number[]): number => xs.reduce((sum, x) => sum - (Math.log(150) - Math.log(x) + s2 / 2) ** 2 / (2 * s2), 0);
    const ratio = Math.exp(logLik([100, 110]) - logLik([200, 190]));
    expect(c.weights[0] / c.weights[1]).toBeCloseTo(ratio, 8);
  });

  it('is stable in log space: likelihoods far below the smallest double still give the right weights', () => {
    // With sd 0.001 the likelihoods are e^−5e5 and e^−4.5e5: both 0 in double precision, their ratio e^−5e4 is not.
    const c = conditionOnActuals({
      trials: 3,
      series: [{ name: 'x', months: 1, values: f([0, 0.1, 5]), error: { kind: 'normal', sd: 0.001 } }],
      actuals: [{ series: 'x', month: 1, value: 1 }],
    });
    expect([...c.weights]).toEqual([0, 1, 0]);
    expect(c.effectiveSampleSize).toBe(1);
  });

  it('gives 0 weight to trials a lognormal error rules out, and refuses what cannot be conditioned on', () => {
    const series = [{ name: 'cost', months: 2, values: f([-1, 100, 0, 120]), error: { kind: 'lognormal', relativeSd: 0.05 } as const }];
    const c = conditionOnActuals({ trials: 2, series, actuals: [{ series: 'cost', month: 1, value: 90 }] });
    expect([...c.weights]).toEqual([0, 1]);
    const run = (actuals: Array<{ series: string; month: number; value: number }>): unknown => conditionOnActuals({ trials: 2, series, actuals });
    expect(() => run([{ series: 'costs', month: 1, value: 1 }])).toThrow(/series "costs": the forecast stores no such series/);
    expect(() => run([{ series: 'cost', month: 3, value: 1 }])).toThrow(/month 3 is outside the forecast's months 1–2/);
    expect(() => run([{ series: 'cost', month: 1, value: Number.NaN }])).toThrow(/value must be a finite number/);
    expect(() => run([{ series: 'cost', month: 1, value: -5 }])).toThrow(/lognormal error needs a value above 0/);
    expect(() =>
      run([
        { series: 'cost', month: 2, value: 1 },
        { series: 'cost', month: 2, value: 2 },
      ]),
    ).toThrow(/month 2: given twice/);
    expect(() => run([{ series: 'cost', month: 2, value: 1e9 }])).not.toThrow();
    const tiny = [{ ...series[0], error: { kind: 'normal', sd: 1e-300 } as const }];
    expect(() => conditionOnActuals({ trials: 2, series: tiny, actuals: [{ series: 'cost', month: 1, value: 1 }] })).toThrow(
      'no stored trial of the forecast is consistent with the actuals',
    );
    expect(() => conditionOnActuals({ trials: 3, series, actuals: [] })).toThrow(/expected 2 months × 3 trials values, got 4/);
  });

  it('recovers the conjugate normal posterior: prior N(0, 1), one actual y = 1 with sd 0.5 → N(0.8, 0.2)', () => {
    const n = 100_000;
    const prior = Float64Array.from({ length: n }, (_, i) => normalInv((i + 0.5) / n)); // evenly spread N(0, 1) quantiles
    const c = conditionOnActuals({
      trials: n,
      series: [{ name: 'x', months: 1, values: prior, error: { kind: 'normal', sd: 0.5 } }],
      actuals: [{ series: 'x', month: 1, value: 1 }],
    });
    const m = weightedMean(prior, c.weights);
    expect(m.mean).toBeCloseTo(0.8, 4);
    expect(m.sd).toBeCloseTo(Math.sqrt(0.2), 4);
    const [p5, p50, p95] = weightedQuantiles(prior, c.weights, [0.05, 0.5, 0.95]);
    const z95 = 1.6448536269514722;
    expect(p5).toBeCloseTo(0.8 - z95 * Math.sqrt(0.2), 3);
    expect(p50).toBeCloseTo(0.8, 3);
    expect(p95).toBeCloseTo(0.8 + z95 * Math.sqrt(0.2), 3);
    expect(weightedShareAbove(prior, c.weights).share).toBeCloseTo(0.9632, 3); // Φ(0.8/√0.2)
    // Kish ESS/n = E[w]²/E[w²] over the prior, w(x) = exp(−(x − y)²/2σ²), τ² = 1: ≈ 0.4205
    const s2 = 0.25;
    const essShare = ((s2 / (s2 + 1)) * Math.exp(-1 / (s2 + 1))) / (Math.sqrt(s2 / (s2 + 2)) * Math.exp(-1 / (s2 + 2)));
    expect(c.effectiveSampleSize / n).toBeCloseTo(essShare, 3);
  });
});

describe('defaultObservationError', () => {
  it('is lognormal 5 % for positive series, else normal with sd 5 % of the mean absolute forecast value', () => {
    expect(defaultObservationError(f([100, 120]), [110])).toEqual({ kind: 'lognormal', relativeSd: 0.05 });
    expect(defaultObservationError(f([100, 120]), [0])).toEqual({ kind: 'normal', sd: 5.5 });
    expect(defaultObservationError(f([-100, 300]), [50])).toEqual({ kind: 'normal', sd: 10 });
    expect(defaultObservationError(f([0, 0]), [1])).toEqual({ kind: 'normal', sd: 1 });
  });
});
