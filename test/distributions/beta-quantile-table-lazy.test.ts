import { describe, expect, it } from 'vitest';
import { BetaQuantileTable } from '../../models/distributions/beta-quantile-table.ts';
import { incompleteBeta, incompleteBetaUpper, incompleteBetaWithLogs } from '../../models/math/incomplete-beta.ts';
import { logBeta } from '../../models/math/log-beta.ts';
import * as dm from '../../models/math/deterministic-math.ts';

/** Probabilities across both logit tails (down to 1e-300) and the middle. */
function probes(): Float64Array {
  const values: number[] = [];
  for (let e = 0.5; e < 300; e += 0.173) values.push(10 ** -e, 1 - 10 ** -e);
  for (let i = 0; i < 3000; i++) values.push((i + 0.5) / 3000);
  return Float64Array.from(values);
}

/** Fills in batches taken in the given order, so each order grows the lazy table differently. */
function fillInOrder(table: BetaQuantileTable, u: Float64Array, order: number[], batch: number): Float64Array {
  const out = new Float64Array(u.length);
  for (const start of order) table.fill(u.subarray(start), out.subarray(start), Math.min(batch, u.length - start), 3, 4);
  return out;
}

describe('BetaQuantileTable built lazily', () => {
  // The table builds its logit tails only where draws land; a node built late must equal one built early.
  for (const [a, b] of [
    [2.2, 3.8],
    [0.5, 0.5],
    [0.05, 2],
    [30, 70],
  ]) {
    it(`gives the same bits whatever order the draws come in (Beta(${a}, ${b}))`, () => {
      const u = probes();
      const batch = 97;
      const starts = Array.from({ length: Math.ceil(u.length / batch) }, (_, i) => i * batch);
      const ascending = fillInOrder(new BetaQuantileTable(a, b), u, starts, batch);
      const descending = fillInOrder(new BetaQuantileTable(a, b), u, [...starts].reverse(), batch);
      // Tails first: one draw at 1e-300 and one at 1 − 1e-16 before anything else.
      const tailsFirst = new BetaQuantileTable(a, b);
      tailsFirst.fill(Float64Array.of(1e-300, 1 - 1e-16), new Float64Array(2), 2, 0, 1);
      const afterTails = fillInOrder(tailsFirst, u, starts, batch);
      expect(Buffer.from(descending.buffer).equals(Buffer.from(ascending.buffer))).toBe(true);
      expect(Buffer.from(afterTails.buffer).equals(Buffer.from(ascending.buffer))).toBe(true);
    });
  }
});

describe('shared logarithms and remembered normalisers', () => {
  it('incompleteBetaWithLogs equals incompleteBeta and incompleteBetaUpper bit for bit', () => {
    for (const [x, a, b] of [
      [0.3, 2, 5],
      [0.01, 0.5, 0.5],
      [0.45, 3, 3],
      [0.9, 2.2, 3.8],
      [1e-200, 0.05, 2],
    ]) {
      const logX = dm.log(x);
      const logOneMinusX = dm.log1p(-x);
      expect(Object.is(incompleteBetaWithLogs(x, a, b, false, logX, logOneMinusX), incompleteBeta(x, a, b))).toBe(true);
      expect(Object.is(incompleteBetaWithLogs(x, a, b, true, logX, logOneMinusX), incompleteBetaUpper(x, a, b))).toBe(true);
    }
    // I_0.3(2, 5) = 1 − 0.7^6 − 6·0.3·0.7^5
    expect(incompleteBetaWithLogs(0.3, 2, 5, false, dm.log(0.3), dm.log1p(-0.3))).toBeCloseTo(1 - 0.7 ** 6 - 6 * 0.3 * 0.7 ** 5, 14);
  });

  it('logBeta answers alternating shapes correctly from its memory', () => {
    // B(2, 3) = 1/12, B(1, 1) = 1, B(0.5, 0.5) = π
    const expected: [number, number, number][] = [
      [2, 3, Math.log(1 / 12)],
      [1, 1, 0],
      [0.5, 0.5, Math.log(Math.PI)],
    ];
    for (let round = 0; round < 3; round++) {
      for (const [a, b, value] of expected) expect(logBeta(a, b)).toBeCloseTo(value, 14);
      expect(logBeta(3, 2)).toBeCloseTo(Math.log(1 / 12), 14);
    }
  });
});
