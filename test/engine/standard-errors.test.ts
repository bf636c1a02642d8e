import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../models/compile/validate-case.ts';
import { COST_CATEGORIES } from '../../models/case/cost-categories.ts';
import { simulate } from '../../models/engine/simulate.ts';
import { summarizeOutput } from '../../models/engine/summarize-output.ts';
import { summarizeRun } from '../../models/engine/summarize-run.ts';
import { meanAndStandardError } from '../../models/stats/mean-and-standard-error.ts';
import { quantileSorted } from '../../models/stats/quantile-sorted.ts';

describe('standard errors of every Monte Carlo estimate', () => {
  const { model } = parseCase(JSON.parse(readFileSync('fixtures/contact-center-assistant.json', 'utf8')));
  const result = simulate(model, { trials: 12_000, seed: 5, keepLineTotals: true });
  const summary = summarizeRun(model, result);

  it('gives each cost category and benefit line the s.e. of its per-trial totals, without keeping them', () => {
    COST_CATEGORIES.forEach((category, index) => {
      const direct = meanAndStandardError(result.outputs[`cost.${category}`]);
      expect(summary.costByCategory[index].meanTotal).toBeCloseTo(direct.mean, 6);
      expect(summary.costByCategory[index].standardError).toBeCloseTo(direct.standardError, 4);
    });
    summary.benefitByLine.forEach((line) => {
      const direct = meanAndStandardError(result.outputs[`benefit.${line.id}`]);
      expect(line.standardError / direct.standardError).toBeCloseTo(1, 8);
    });
  });

  it('gives percentiles the order-statistic standard error (q(p + δ) − q(p − δ)) / 3.92', () => {
    // 1..10000: q(p) = 1 + 9999·p by type 7, so the s.e. is 9999·2δ / 3.92 = 9999·√(p(1−p)/n).
    const values = Float64Array.from({ length: 10_000 }, (_, i) => i + 1);
    const summaryOfRamp = summarizeOutput(values);
    const delta = 1.96 * Math.sqrt(0.25 / 10_000);
    const sorted = values;
    const expected = (quantileSorted(sorted, 0.5 + delta) - quantileSorted(sorted, 0.5 - delta)) / 3.92;
    expect(summaryOfRamp.percentileStandardErrors.p50).toBeCloseTo(expected, 9);
    expect(summaryOfRamp.percentileStandardErrors.p50).toBeCloseTo(9999 * Math.sqrt(0.25 / 10_000), 6);
    expect(summaryOfRamp.percentileStandardErrors.p5).toBeCloseTo(9999 * Math.sqrt((0.05 * 0.95) / 10_000), 6);
  });
});
