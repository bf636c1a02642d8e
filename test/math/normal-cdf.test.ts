import { describe, expect, it } from 'vitest';
import { normalCdf, normalIntervalProbability } from '../../models/math/normal-cdf.ts';

/** Φ(x) to 17 significant digits (mpmath, 40-digit arithmetic); R's pnorm agrees. */
const REFERENCE: readonly [number, number][] = [
  [-37.5, 4.6053530095819548e-308],
  [-20, 2.7536241186062337e-89],
  [-10, 7.6198530241605261e-24],
  [-8, 6.2209605742717841e-16],
  [-6, 9.8658764503769814e-10],
  [-5.5, 1.8989562465887719e-8],
  [-3, 0.0013498980316300945],
  [-1.5, 0.066807201268858066],
  [-1, 0.15865525393145705],
  [-0.5, 0.3085375387259869],
  [-0.1, 0.46017216272297102],
  [0, 0.5],
  [0.25, 0.59870632568292372],
  [0.6, 0.72574688224992641],
  [0.7, 0.75803634777692697],
  [1, 0.8413447460685429],
  [1.96, 0.97500210485177956],
  [3, 0.99865010196836991],
  [5, 0.99999971334842812],
];

describe('normalCdf', () => {
  it.each(REFERENCE)('Φ(%d) matches the reference to 1e-15 relative', (x, expected) => {
    expect(Math.abs(normalCdf(x) - expected) / expected).toBeLessThan(1e-15);
  });

  it('gives the upper tail with full relative precision through Φ(−x)', () => {
    expect(Math.abs(normalCdf(-8) / 6.2209605742717841e-16 - 1)).toBeLessThan(1e-15);
    expect(Math.abs(normalCdf(-6) / 9.8658764503769814e-10 - 1)).toBeLessThan(1e-15);
  });

  it('is symmetric: Φ(x) + Φ(−x) = 1', () => {
    for (const x of [0.1, 0.5, 0.67, 0.68, 1.3, 2.7, 5.6, 5.7, 7.5]) {
      expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15);
    }
  });

  it('saturates at 0 and 1 and propagates NaN', () => {
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });

  it('is monotone across the approximation boundaries', () => {
    for (const boundary of [-5.656854249492380195, -0.67448975, 0.67448975, 5.656854249492380195]) {
      const below = normalCdf(boundary - 1e-12);
      const at = normalCdf(boundary);
      const above = normalCdf(boundary + 1e-12);
      expect(below).toBeLessThanOrEqual(at);
      expect(at).toBeLessThanOrEqual(above);
    }
  });
});

describe('normalIntervalProbability', () => {
  it('gives the central 95% interval', () => {
    expect(normalIntervalProbability(-1.959963984540054, 1.959963984540054)).toBeCloseTo(0.95, 15);
  });

  it('keeps relative precision far in the upper tail', () => {
    // P(8 <= Z) = Φ(−8); Φ(∞) − Φ(8) would be 1 − 0.9999999999999993.
    expect(Math.abs(normalIntervalProbability(8, Infinity) / 6.2209605742717841e-16 - 1)).toBeLessThan(1e-15);
    const between = normalIntervalProbability(6, 8);
    expect(Math.abs(between / (9.8658764503769814e-10 - 6.2209605742717841e-16) - 1)).toBeLessThan(1e-14);
  });

  it('handles infinite bounds', () => {
    expect(normalIntervalProbability(-Infinity, Infinity)).toBe(1);
    expect(normalIntervalProbability(-Infinity, 0)).toBe(0.5);
  });
});
