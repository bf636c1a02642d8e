import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../models/math/normal-cdf.ts';
import { fillNormalQuantiles, normalInv } from '../../models/math/normal-inv.ts';

/**
 * Φ⁻¹(p) to 17 significant digits for the double nearest each p (mpmath root of
 * Φ at 60 digits); R's qnorm agrees to its printed precision.
 */
const REFERENCE: readonly [number, number][] = [
  [1e-300, -37.047096299361199],
  [1e-100, -21.273453560965324],
  [1e-20, -9.2623400897984076],
  [1e-10, -6.3613409024040562],
  [1e-5, -4.2648907939228246],
  [0.001, -3.0902323061678135],
  [0.02425, -1.9729610513118848],
  [0.05, -1.6448536269514727],
  [0.075, -1.4395314709384559],
  [0.3, -0.52440051270804082],
  [0.6, 0.25334710313579974],
  [0.925, 1.4395314709384562],
  [0.95, 1.6448536269514723],
  [0.975, 1.9599639845400539],
  [0.99, 2.3263478740408408],
  [0.999999, 4.7534243088170878],
];

describe('normalInv', () => {
  it.each(REFERENCE)('Φ⁻¹(%d) matches the reference to 1e-15 relative', (p, expected) => {
    expect(Math.abs(normalInv(p) / expected - 1)).toBeLessThan(1e-15);
  });

  it('gives qnorm(0.975) = 1.959963984540054 and 0 at the median', () => {
    expect(normalInv(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalInv(0.5)).toBe(0);
  });

  it('returns ±Infinity at the ends and NaN outside [0, 1]', () => {
    expect(normalInv(0)).toBe(-Infinity);
    expect(normalInv(1)).toBe(Infinity);
    expect(normalInv(-0.1)).toBeNaN();
    expect(normalInv(1.1)).toBeNaN();
    expect(normalInv(Number.NaN)).toBeNaN();
  });

  it('round-trips with normalCdf', () => {
    for (let i = 1; i < 1000; i++) {
      const p = i / 1000;
      expect(Math.abs(normalCdf(normalInv(p)) - p)).toBeLessThan(2e-16 * Math.max(1, 1 / p));
    }
  });

  it('is antisymmetric: Φ⁻¹(1 − p) = −Φ⁻¹(p) for exactly representable pairs', () => {
    for (const p of [0.125, 0.25, 0.375, 0.0625, 0.001953125]) expect(normalInv(1 - p)).toBe(-normalInv(p));
  });
});

describe('fillNormalQuantiles', () => {
  it('gives exactly location + scale·normalInv(u) for every branch, in place too', () => {
    const u = Float64Array.of(...[0, 1e-300, 1e-20, 0.01, 0.07, 0.075, 0.3, 0.5, 0.8, 0.925, 0.99, 1 - 1e-12, 1, 1.5, Number.NaN]);
    const out = new Float64Array(u.length);
    fillNormalQuantiles(u, out, u.length, 3, 2.5);
    for (let i = 0; i < u.length; i++) expect(Object.is(out[i], 3 + 2.5 * normalInv(u[i]))).toBe(true);
    const inPlace = u.slice();
    fillNormalQuantiles(inPlace, inPlace, inPlace.length, 3, 2.5);
    for (let i = 0; i < u.length; i++) expect(Object.is(inPlace[i], out[i])).toBe(true);
  });

  it('only writes the first n entries', () => {
    const out = Float64Array.of(7, 7, 7);
    fillNormalQuantiles(Float64Array.of(0.5, 0.5, 0.5), out, 2, 0, 1);
    expect(Array.from(out)).toEqual([0, 0, 7]);
  });
});
