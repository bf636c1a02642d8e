import { describe, expect, it } from 'vitest';
import { rank } from '../../models/stats/rank.ts';
import { mulberry32 } from '../helpers/mulberry32.ts';

describe('rank (average ranks for ties)', () => {
  it('ranks a small column with a tie', () => {
    expect(Array.from(rank(new Float64Array([10, 30, 20, 20])))).toEqual([1, 4, 2.5, 2.5]);
  });

  it('gives NaN to NaN and ranks the rest among themselves; −0 ties +0', () => {
    expect(Array.from(rank(new Float64Array([3, Number.NaN, -Infinity, 0, -0, Infinity])))).toEqual([4, Number.NaN, 1, 2.5, 2.5, 5]);
  });

  it('recovers a random permutation exactly on the radix path (mixed signs, n = 100 000)', () => {
    const n = 100_000;
    const rng = mulberry32(3);
    const perm = new Uint32Array(n);
    for (let i = 0; i < n; i++) perm[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    // Strictly increasing map of the position, spanning negatives, tiny and huge magnitudes.
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = Math.sinh((perm[i] - n / 2) / 1000);
    const r = rank(x);
    for (let i = 0; i < n; i++) if (r[i] !== perm[i] + 1) throw new Error(`rank ${r[i]} at ${i}, expected ${perm[i] + 1}`);
  });

  it('averages tie ranks on the radix path: counts c_v give rank (c_0 + … + c_{v−1}) + (c_v + 1)/2', () => {
    const n = 30_000;
    const rng = mulberry32(4);
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = Math.floor(rng() * 7) - 3; // −3 … 3
    x[0] = Number.NaN;
    const counts = new Array<number>(7).fill(0);
    for (let i = 1; i < n; i++) counts[x[i] + 3]++;
    const expected: number[] = [];
    let before = 0;
    for (let v = 0; v < 7; v++) {
      expected.push(before + (counts[v] + 1) / 2);
      before += counts[v];
    }
    const r = rank(x);
    expect(r[0]).toBeNaN();
    for (let i = 1; i < n; i++) if (r[i] !== expected[x[i] + 3]) throw new Error(`bad tie rank at ${i}`);
  });

  it('writes into a supplied buffer and checks its length', () => {
    const out = new Float64Array(3);
    expect(rank(new Float64Array([5, 4, 6]), out)).toBe(out);
    expect(Array.from(out)).toEqual([2, 1, 3]);
    expect(() => rank(new Float64Array(2), new Float64Array(3))).toThrow(RangeError);
  });
});
