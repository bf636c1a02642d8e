import { describe, expect, it } from 'vitest';
import { argsortScratch, radixArgsort } from '../../models/sampling/radix-argsort.ts';
import { scoreArgsort, scoreArgsortScratch } from '../../models/sampling/score-argsort.ts';
import { mulberry32 } from '../helpers/mulberry32.ts';

/** Box–Muller standard normals. */
function normals(random: () => number, n: number, scale = 1): Float64Array {
  return Float64Array.from({ length: n }, () => scale * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()));
}

/** The stable ascending order by value, −0 before +0, written the slow obvious way. */
function referenceOrder(values: Float64Array): number[] {
  return Array.from(values.keys()).sort((i, j) => {
    const a = values[i];
    const b = values[j];
    if (a < b) return -1;
    if (a > b) return 1;
    if (a === 0 && b === 0 && 1 / a !== 1 / b) return 1 / a < 1 / b ? -1 : 1;
    return i - j;
  });
}

function scoreOrder(values: Float64Array): number[] {
  const order = new Uint32Array(values.length);
  scoreArgsort(values, values.length, order, scoreArgsortScratch(values.length));
  return Array.from(order);
}

function radixOrder(values: Float64Array): number[] {
  const order = new Uint32Array(values.length);
  radixArgsort(values, values.length, order, argsortScratch(values.length));
  return Array.from(order);
}

describe('scoreArgsort', () => {
  it('sorts standard normal scores (n = 4096, 20 seeds) exactly as the obvious stable sort and radixArgsort do', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const values = normals(mulberry32(seed), 4096);
      const order = scoreOrder(values);
      expect(order).toEqual(referenceOrder(values));
      expect(order).toEqual(radixOrder(values));
    }
  });

  it('keeps ties in index order, and puts −0 before +0 as radixArgsort does', () => {
    const random = mulberry32(5);
    // Scores rounded to 0.25: many ties in every bucket; exact zeros of both signs among them.
    const values = Float64Array.from({ length: 3000 }, (_, i) => (i % 97 === 0 ? -0 : Math.round(4 * normals(random, 1)[0]) / 4));
    const order = scoreOrder(values);
    expect(order).toEqual(referenceOrder(values));
    expect(order).toEqual(radixOrder(values));
    const zeros = order.filter((index) => values[index] === 0);
    const firstPositiveZero = zeros.findIndex((index) => !Object.is(values[index], -0));
    expect(zeros.slice(firstPositiveZero).every((index) => !Object.is(values[index], -0))).toBe(true);
  });

  it('handles ±Infinity, scores with sd far from 1, and short inputs', () => {
    const random = mulberry32(9);
    const cases = [
      Float64Array.of(3, -Infinity, 0.5, Infinity, -2, Infinity, -Infinity),
      normals(random, 4096, 40),
      normals(random, 4096, 0.05),
      Float64Array.of(1),
      Float64Array.of(2, 1),
      normals(random, 17),
    ];
    for (const values of cases) {
      expect(scoreOrder(values)).toEqual(referenceOrder(values));
      expect(scoreOrder(values)).toEqual(radixOrder(values));
    }
  });

  it('falls back to the radix sort, with the same result, for values it cannot bucket (all equal; a NaN)', () => {
    const equal = new Float64Array(500).fill(1.5);
    expect(scoreOrder(equal)).toEqual(Array.from(equal.keys()));
    const withNaN = Float64Array.of(0.3, -1, NaN, 2);
    expect(scoreOrder(withNaN)).toEqual(radixOrder(withNaN));
  });
});
