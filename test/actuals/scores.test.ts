import { describe, expect, it } from 'vitest';
import { coverageShare, crpsNormal, crpsSample, intervalScore, pitHistogram, pitValue, scoreActual } from '../../models/actuals/index.ts';
import { normalCdf } from '../../models/math/normal-cdf.ts';
import { normalInv } from '../../models/math/normal-inv.ts';
import { streamState } from '../../models/rng/index.ts';
import { ksStatistic } from '../../models/stats/ks-statistic.ts';
import { normalDraws } from './normal-draws.ts';

const f = (xs: number[]): Float64Array => new Float64Array(xs);

/** Brute-force ½·mean over all ordered pairs |xᵢ − xⱼ|, to check the sorted-sample identity. */
function bruteCrps(xs: number[], y: number): number {
  const n = xs.length;
  let abs = 0;
  let pairs = 0;
  for (const a of xs) {
    abs += Math.abs(a - y);
    for (const b of xs) pairs += Math.abs(a - b);
  }
  return abs / n - pairs / (2 * n * n);
}

describe('pitValue', () => {
  it('is the share of the forecast below the observation, ties at mid-rank', () => {
    expect(pitValue(f([1, 2, 3, 4]), 2.5)).toBe(0.5);
    expect(pitValue(f([1, 2, 2, 4]), 2)).toBe(0.5); // (1 + 2/2)/4
    expect(pitValue(f([1, 2, 3, 4]), 0)).toBe(0);
    expect(pitValue(f([1, 2, 3, 4]), 5)).toBe(1);
    expect(pitValue(f([7, 7, 7]), 7)).toBe(0.5); // a constant forecast that came true
    expect(pitValue(f([]), 1)).toBeNaN();
    expect(pitValue(f([1]), Number.NaN)).toBeNaN();
  });

  it('gives uniform PIT values for observations drawn from the forecast itself (KS test, seed 17)', () => {
    const forecast = normalDraws(streamState(17, 0, 1), 5000, 100, 15).sort();
    const m = 1000;
    const observed = normalDraws(streamState(17, 0, 2), m, 100, 15);
    const pits = observed.map((y) => pitValue(forecast, y));
    const critical = Math.sqrt(-Math.log(0.05 / 2) / 2) / Math.sqrt(m); // 1.358/√m, α = 0.05
    expect(ksStatistic(pits, (u) => u)).toBeLessThan(critical);
    // …and the test has power: a forecast 0.3 sd too high gives PIT values piled low.
    const shifted = normalDraws(streamState(17, 0, 3), m, 104.5, 15).map((y) => pitValue(forecast, y));
    expect(ksStatistic(shifted, (u) => u)).toBeGreaterThan(2 * critical);
  });
});

describe('crpsNormal', () => {
  it('matches hand values: 2φ(0) − 1/√π at z = 0, |y − μ| for σ = 0, and σ scales the score', () => {
    expect(crpsNormal(0, 1, 0)).toBeCloseTo(2 / Math.sqrt(2 * Math.PI) - 1 / Math.sqrt(Math.PI), 15);
    expect(crpsNormal(0, 1, 0)).toBeCloseTo(0.233695, 6);
    expect(crpsNormal(10, 0, 13)).toBe(3);
    const z = 1.3;
    const phi = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
    expect(crpsNormal(5, 2, 5 + 2 * z)).toBeCloseTo(2 * (z * (2 * normalCdf(z) - 1) + 2 * phi - 1 / Math.sqrt(Math.PI)), 14);
    expect(crpsNormal(0, 1, 50)).toBeCloseTo(50 - 1 / Math.sqrt(Math.PI), 10); // far miss: |y − μ| − σ/√π
    expect(() => crpsNormal(0, -1, 0)).toThrow(RangeError);
  });
});

describe('crpsSample', () => {
  it('equals the brute-force energy form over all pairs', () => {
    const xs = [3, -1, 4, 1, 5, 9, 2, 6, 5, 3];
    const sorted = f(xs).sort();
    for (const y of [-2, 0, 3, 4.5, 10]) expect(crpsSample(sorted, y)).toBeCloseTo(bruteCrps(xs, y), 12);
    expect(crpsSample(f([5]), 3)).toBe(2);
    expect(crpsSample(f([0, 1]), 0.5)).toBe(0.25);
    expect(crpsSample(f([]), 0)).toBeNaN();
  });

  it('of a large seeded normal sample equals the closed form within Monte Carlo error', () => {
    const n = 200_000;
    const mu = 50;
    const sigma = 8;
    const sorted = normalDraws(streamState(2026, 0, 7), n, mu, sigma).sort();
    for (const y of [50, 42, 61, 80]) {
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        const a = Math.abs(sorted[i] - y);
        s += a;
        s2 += a * a;
      }
      const se = Math.sqrt((s2 / n - (s / n) ** 2) / n); // s.e. of the E|X − y| term, which dominates
      expect(Math.abs(crpsSample(sorted, y) - crpsNormal(mu, sigma, y))).toBeLessThan(4 * se);
    }
  });

  it('of evenly spread normal quantiles matches the closed form to 1e-4 relative (no sampling noise)', () => {
    const n = 20_000;
    const sorted = Float64Array.from({ length: n }, (_, i) => 3 * normalInv((i + 0.5) / n));
    for (const y of [0, 1, -4, 7]) expect(crpsSample(sorted, y)).toBeCloseTo(crpsNormal(0, 3, y), 3);
  });
});

describe('intervalScore', () => {
  it('is the width inside the interval and adds 2/α per unit of a miss', () => {
    expect(intervalScore(10, 20, 0.1, 15)).toBe(10);
    expect(intervalScore(10, 20, 0.1, 10)).toBe(10);
    expect(intervalScore(10, 20, 0.1, 8)).toBe(50); // 10 + 20·2
    expect(intervalScore(10, 20, 0.1, 21)).toBeCloseTo(30, 12); // 10 + 20·1
    expect(intervalScore(-5, 5, 0.2, -7.5)).toBeCloseTo(35, 12); // 10 + 10·2.5
    expect(intervalScore(0, 0, 0.5, 1)).toBe(4); // a point: 0 + 4·1
    expect(() => intervalScore(1, 0, 0.1, 0)).toThrow(RangeError);
    expect(() => intervalScore(0, 1, 0, 0)).toThrow(RangeError);
  });
});

describe('pitHistogram and coverageShare', () => {
  it('bins PIT values on [0, 1] and gives shares', () => {
    const h = pitHistogram(f([0.05, 0.3, 0.35, 0.9, 1, Number.NaN]), 2);
    expect([...h.edges]).toEqual([0, 0.5, 1]);
    expect([...h.counts]).toEqual([3, 2]);
    expect([...h.shares]).toEqual([0.6, 0.4]);
    expect(h.n).toBe(5);
    expect(() => pitHistogram(f([1.2]), 4)).toThrow(RangeError);
  });

  it('counts the observations inside their interval, bounds included, NaN left out', () => {
    expect(coverageShare([5, 12, 4, Number.NaN], [4, 4, 4, 4], [10, 10, 10, 10])).toEqual({ inside: 2, n: 3, share: 2 / 3 });
    expect(coverageShare([], [], []).share).toBeNaN();
    expect(() => coverageShare([1], [0, 0], [2])).toThrow(RangeError);
  });
});

describe('scoreActual', () => {
  const zeroToHundred = Float64Array.from({ length: 101 }, (_, i) => i);

  it('gives PIT, CRPS, P5–P95 and its interval score of one actual', () => {
    // E|X − 50| = 2·(1 + … + 50)/101 and ½E|X − X′| = (101³ − 101)/3 / (2·101²) for X uniform on 0…100.
    const inside = scoreActual(zeroToHundred, 50);
    expect(inside).toEqual({ pit: 0.5, crps: expect.closeTo(2550 / 101 - 343400 / (2 * 10201), 12), p5: 5, p95: 95, intervalScore: 90, inside: true });
    const above = scoreActual(zeroToHundred, 120);
    expect(above.pit).toBe(1);
    expect(above.intervalScore).toBe(590); // 90 + 20·25
    expect(above.inside).toBe(false);
    expect(() => scoreActual(new Float64Array(0), 1)).toThrow(RangeError);
  });
});
