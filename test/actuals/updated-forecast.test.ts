import { describe, expect, it } from 'vitest';
import { validateCase } from '../../models/compile/validate-case.ts';
import { pointEstimate } from '../../models/engine/point-estimate.ts';
import { buildActualsReport } from '../../models/pipeline/actuals-report.ts';
import { captureSeries } from '../../models/pipeline/capture-series.ts';
import type { CaseInput } from '../../models/case/case-schema.ts';
import { minimalCase } from '../helpers/minimal-case.ts';

type Distribution = CaseInput['inputs'][string]['distribution'];

const inputs = (benefit: Distribution) => ({
  benefitPerMonth: { unit: 'EUR/month', source: 'test', distribution: benefit },
  setupCost: { unit: 'EUR', source: 'test', distribution: { type: 'fixed' as const, value: 2000 } },
  runCost: { unit: 'EUR/month', source: 'test', distribution: { type: 'fixed' as const, value: 100 } },
});

function validated(benefit: Distribution) {
  const result = validateCase(minimalCase({ horizonMonths: 12, inputs: inputs(benefit) }));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}

const row = (month: string, series: string, value: number) => ({
  month,
  series,
  value,
  note: null,
  recordedBy: 'test',
  recordedAt: '2027-04-01T00:00:00.000Z',
});

describe('the forecast updated by actuals, end to end', () => {
  it('moves NPV to the value the actuals measure: the NPV of a benefit of 800 a month', async () => {
    // The benefit is U(500, 1500), the same every month; three months measured at 800 (5 % lognormal error)
    // leave the benefit at about 800 ± 23, so the updated median NPV is the NPV with the benefit fixed at 800.
    const { case: bc, model } = validated({ type: 'uniform', min: 500, max: 1500 });
    const capture = await captureSeries(bc, model, { trials: 20_480, seed: 4, sampling: 'lhs' });
    const rows = ['2027-01', '2027-02', '2027-03'].map((m) => row(m, 'benefit:flat', 800));
    const report = buildActualsReport(bc, capture, rows, { runId: 'r', caseVersion: 1 });
    const update = report.updatedForecast;
    const npvAt = (value: number) => Number(pointEstimate(validated({ type: 'fixed', value }).case).npv);
    expect(update.npv.original.p50).toBeCloseTo(npvAt(1000), -1); // the median benefit is 1,000
    expect(Math.abs(update.npv.updated!.p50 - npvAt(800))).toBeLessThan(150); // posterior sd of NPV ≈ 260
    expect(update.npv.updated!.p95 - update.npv.updated!.p5).toBeLessThan(0.15 * (update.npv.original.p95 - update.npv.original.p5));
    expect(update.errors['benefit:flat']).toEqual({ kind: 'lognormal', relativeSd: 0.05 });
    // ESS ≈ n · √(2π)·σ_post / range ≈ 20,480 · 2.5 · 23 / 1000 ≈ 1,200: enough.
    expect(update.effectiveSampleSize).toBeGreaterThan(500);
    expect(update.lowEss).toBe(false);
    expect(update.realisedToDate).toBe(2400);
    expect(report.regate.flagged).toBe(false); // 800 is inside P10–P90 (600–1,400)

    const none = buildActualsReport(bc, capture, [], { runId: 'r', caseVersion: 1 });
    expect(none.series.every((s) => s.observations.length === 0 && s.coverage90 === null)).toBe(true);
    expect(none.updatedForecast).toMatchObject({ npv: { updated: null }, effectiveSampleSize: null, lowEss: false, realisedToDate: null });
    expect(none.updatedForecast.npv.original).toEqual(update.npv.original);
  });

  it('reports durable change with the case’s thresholds, a missing month breaking it', () => {
    const document = minimalCase({
      horizonMonths: 12,
      baseline: { metrics: [{ id: 'errors', label: 'Error rate', value: 0.04, unit: 'share', source: 'QA' }] },
      valueHypothesis: { statement: 'fewer errors', expectedChanges: [{ metric: 'errors', expected: 0.02 }] },
      postLaunch: { durableMonths: 3, durableShare: 0.6 },
    });
    const result = validateCase(document);
    if (!result.ok) throw new Error('invalid');
    const empty = {
      trials: 1,
      runTrials: 1,
      months: 12,
      series: [],
      values: new Map(),
      npv: new Float64Array([1]),
      paybackMonth: new Float64Array([3]),
      discountedPaybackMonth: new Float64Array([4]),
      bytes: 0,
    };
    const report = (values: [string, number][]) =>
      buildActualsReport(
        result.case,
        empty,
        values.map(([m, v]) => row(m, 'metric:errors', v)),
        { runId: 'r', caseVersion: 1 },
      ).durable[0];
    // Mean 0.028 is 60 % of the change of −0.02: durable at the case's 60 %.
    expect(
      report([
        ['2027-02', 0.03],
        ['2027-03', 0.028],
        ['2027-04', 0.026],
      ]),
    ).toMatchObject({ metric: 'errors', durable: true });
    expect(
      report([
        ['2027-02', 0.03],
        ['2027-03', 0.03],
        ['2027-04', 0.026],
      ]).durable,
    ).toBe(false);
    expect(
      report([
        ['2027-01', 0.02],
        ['2027-02', 0.02],
        ['2027-04', 0.02],
      ]),
    ).toMatchObject({ durable: false, reason: 'A measurement is missing among the last 3 months.' });
  });
});
