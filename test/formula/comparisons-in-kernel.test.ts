import { describe, expect, it } from 'vitest';
import { parseCase } from '../../models/compile/validate-case.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

/*
 * Comparisons compile to Number(boolean) and tests of if() and ?: to bare booleans
 * (emit-js.ts); step profiles are summed from a floating zero (emit-cash-flows.ts).
 * Each total below is worked out by hand over the 36 months.
 */
function run() {
  const { model } = parseCase(
    minimalCase({
      inputs: {
        ...minimalCase().inputs,
        threshold: { unit: 'month', source: 'test', distribution: { type: 'fixed', value: 13 } },
      },
      costs: [
        // months 1–12 cost 1, months 13–36 cost 10: 12 + 240
        { id: 'gate', label: 'Gate', category: 'integration', kind: 'monthly', amount: 'if(month >= threshold, 10, 1)' },
        // 24 months of 100 from month 13, plus 1000 in month 36 only
        { id: 'stepped', label: 'Stepped', category: 'data', kind: 'monthly', amount: '100 * step(threshold) + (month == 36) * 1000' },
        // months 1–6 cost 5
        { id: 'early', label: 'Early', category: 'other', kind: 'monthly', amount: 'month < 7 ? 5 : 0' },
        // every month but the first costs 2: 35 × 2
        { id: 'notFirst', label: 'Not first', category: 'monitoring', kind: 'monthly', amount: '(month != 1) * 2' },
      ],
      metrics: [
        {
          id: 'flags',
          label: 'Flags',
          unit: 'count',
          formula: '(setupCost > 0) + (setupCost <= 0) * 100 + if(runCost == 100, 7, 3) + (runCost != 100) * 1000',
        },
      ],
    }),
  );
  return simulate(model, { trials: 3, seed: 1, sampling: 'mc', keepLineTotals: true });
}

describe('comparisons, if() and step() in the compiled kernel', () => {
  const result = run();

  it('gives every comparison the value 1 or 0 and every test its branch', () => {
    expect(Array.from(result.outputs['cost.integration'])).toEqual([252, 252, 252]);
    expect(Array.from(result.outputs['cost.data'])).toEqual([3400, 3400, 3400]);
    expect(Array.from(result.outputs['cost.other'])).toEqual([30, 30, 30]);
    expect(Array.from(result.outputs['cost.monitoring'])).toEqual([70, 70, 70]);
    expect(Array.from(result.outputs['metric.flags'])).toEqual([8, 8, 8]);
  });

  it('writes the fan as the running total of the net cash flow', () => {
    const { rows, months, values } = result.fan;
    expect(rows).toBe(3);
    // Net flow of month 1: benefit 1000 − the costs that run in month 1 (1 + 5 + 0).
    expect(values[0]).toBe(1000 - 1 - 5);
    // Month 36: cumulative benefits 36 000 − all four lines' totals.
    expect(values[months - 1]).toBe(36_000 - 252 - 3400 - 30 - 70);
    expect(Array.from(values.subarray(months, 2 * months))).toEqual(Array.from(values.subarray(0, months)));
  });
});
