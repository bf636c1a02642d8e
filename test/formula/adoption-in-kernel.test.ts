import { describe, expect, it } from 'vitest';
import { parseCase } from '../../models/compile/validate-case.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

/*
 * The kernel tabulates each trial's adoption curve before its month loops
 * (emit-cash-flows.ts). Closed form: 0 before the start month s, then
 * C / (1 + e^(−k(m − s − h))) with k = ln 99 / h, so it is C/2 at m = s + h.
 */
function cumulativeFlows(start: number) {
  const { model } = parseCase(
    minimalCase({
      horizonMonths: 12,
      adoption: { type: 'logistic', startMonth: start, monthsToHalf: 3, ceiling: 0.8 },
      benefits: [{ id: 'scaled', label: 'Scaled benefit', amount: 'benefitPerMonth', scaleByAdoption: true }],
      costs: [],
    }),
  );
  const result = simulate(model, { trials: 2, seed: 1, sampling: 'mc' });
  return Array.from(result.fan.values.subarray(0, 12));
}

function expectedCumulative(start: number): number[] {
  const k = Math.log(99) / 3;
  let running = 0;
  return Array.from({ length: 12 }, (_, index) => {
    const m = index + 1;
    running += m >= start ? (1000 * 0.8) / (1 + Math.exp(-k * (m - start - 3))) : 0;
    return running;
  });
}

describe('the adoption curve in the compiled kernel', () => {
  for (const start of [1, 2.5, 4, -1.5, 11.2, 13]) {
    it(`follows the logistic closed form from start month ${start}`, () => {
      const actual = cumulativeFlows(start);
      expectedCumulative(start).forEach((expected, index) => {
        expect(Math.abs(actual[index] - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
      });
    });
  }

  it('is zero in every month when the curve starts after the horizon', () => {
    expect(cumulativeFlows(13)).toEqual(new Array(12).fill(0));
  });
});
