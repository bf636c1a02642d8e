import { describe, expect, it } from 'vitest';
import { validateCase } from '../../models/compile/validate-case.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { captureSeries, MAX_SERIES_TRIALS } from '../../models/pipeline/capture-series.ts';
import { caseMonthIndex, caseMonthLabel } from '../../models/pipeline/case-months.ts';
import { resampleIndices } from '../../models/pipeline/regate-on-actuals.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

function knownCase() {
  const result = validateCase(
    minimalCase({
      horizonMonths: 6,
      inputs: {
        benefitPerMonth: { unit: 'EUR/month', source: 'test', distribution: { type: 'uniform', min: 500, max: 1500 } },
        setupCost: { unit: 'EUR', source: 'test', distribution: { type: 'normal', mean: 20000, sd: 2000 } },
        runCost: { unit: 'EUR/month', source: 'test', distribution: { type: 'fixed', value: 100 } },
      },
      variables: { doubled: 'benefitPerMonth * 2' },
      observableVariables: ['doubled', 'notAVariable'],
    }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}

describe('captureSeries', () => {
  const { case: bc, model } = knownCase();

  it('lists the series of the case, and keeps each per trial and month with the run’s own trials', async () => {
    const capture = await captureSeries(bc, model, { trials: 3000, seed: 9, sampling: 'lhs' });
    expect(capture.series.map((s) => s.id)).toEqual(['benefit:flat', 'cost:integration', 'cost:infrastructure', 'net', 'adoption', 'variable:doubled']);
    expect(capture.trials).toBe(3000);
    const run = simulate(model, { trials: 3000, seed: 9, sampling: 'lhs', fanTrials: 3000 });
    // The same trials as the run: NPV bit for bit, and net cash flow as the fan's monthly steps.
    expect(capture.npv).toEqual(run.outputs.npv);
    const net = capture.values.get('net')!;
    const flat = capture.values.get('benefit:flat')!;
    const doubled = capture.values.get('variable:doubled')!;
    const integration = capture.values.get('cost:integration')!;
    const infrastructure = capture.values.get('cost:infrastructure')!;
    for (const i of [0, 1234, 2999]) {
      expect(net[2 * 3000 + i]).toBe(Math.fround(run.fan.values[i * 6 + 2] - run.fan.values[i * 6 + 1]));
      // Month 1: benefit − setup − run cost; later months: benefit − run cost.
      expect(net[i]).toBeCloseTo(flat[i] - integration[i] - infrastructure[i], 1);
      expect(infrastructure[4 * 3000 + i]).toBe(100);
      expect(integration[3 * 3000 + i]).toBe(0);
      expect(doubled[i]).toBeCloseTo(2 * flat[i], 2);
    }
    expect(capture.bytes).toBe(6 * 3000 * 6 * 4 + 3 * 3000 * 8);
  });

  it('keeps at most five whole chunks: the leading trials of a larger run, bit for bit', async () => {
    const large = await captureSeries(bc, model, { trials: MAX_SERIES_TRIALS + 5000, seed: 2, sampling: 'lhs' });
    expect(large.trials).toBe(20_480);
    expect(large.runTrials).toBe(25_480);
    const run = simulate(model, { trials: MAX_SERIES_TRIALS + 5000, seed: 2, sampling: 'lhs', fanTrials: 0 });
    expect(large.npv).toEqual(run.outputs.npv.subarray(0, 20_480));
  });
});

describe('case months and resampling', () => {
  it('maps calendar months to the case’s month numbers and back', () => {
    expect(caseMonthIndex('2026-11-01', '2026-11')).toBe(1);
    expect(caseMonthIndex('2026-11-01', '2027-03')).toBe(5);
    expect(caseMonthIndex('2026-11-01', '2026-10')).toBe(0);
    expect(caseMonthIndex('2026-11-01', '2027-13')).toBeNull();
    expect(caseMonthIndex('2026-11-01', '2027-3')).toBeNull();
    expect(caseMonthLabel('2026-11-01', 5)).toBe('2027-03');
    expect(caseMonthLabel('2026-11-01', 2)).toBe('2026-12');
  });

  it('resamples systematically in proportion to the weights', () => {
    expect(Array.from(resampleIndices(new Float64Array([0.5, 0, 0.5])))).toEqual([0, 0, 2]);
    expect(Array.from(resampleIndices(new Float64Array([0, 0, 1, 0])))).toEqual([2, 2, 2, 2]);
    expect(Array.from(resampleIndices(new Float64Array([0.25, 0.25, 0.25, 0.25])))).toEqual([0, 1, 2, 3]);
  });
});
