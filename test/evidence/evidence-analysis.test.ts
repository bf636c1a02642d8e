import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evidenceAnalysis, gateAnalysis } from '../../models/analysis/index.ts';
import { parseCase } from '../../models/compile/validate-case.ts';
import { createDistribution } from '../../models/distributions/create-distribution.ts';
import { evidenceComparison } from '../../models/evidence/index.ts';
import { evidenceReadinessItems } from '../../models/gate/evidence-readiness.ts';
import { META } from './evidence-case.ts';

const fixture = () => JSON.parse(readFileSync('fixtures/contact-center-assistant.json', 'utf8'));

/** The contact-center fixture with a timed sample of handle-time minutes saved. */
function withMeasurement(representativeness: 'production' | 'similar' | 'curated', mean = 0.7) {
  const doc = fixture();
  doc.inputs.minutesSavedPerContact.evidence = { summary: { n: 60, mean, sd: 1.2 }, representativeness, ...META, note: 'timed sample' };
  return doc;
}

describe('before/after of an input with evidence', () => {
  it('gives the prior and updated distribution with parameters, mean, sd and p5/p50/p95', () => {
    const { case: bc } = parseCase(withMeasurement('curated'));
    const [row] = evidenceComparison(bc.inputs);
    expect(row.input).toBe('minutesSavedPerContact');
    expect(row.method).toBe('matchedNormal');
    const triangle = createDistribution({ type: 'triangular', min: 0.5, mode: 1, max: 2 });
    expect(row.prior.mean).toBeCloseTo(triangle.mean(), 12);
    expect(row.prior.p50).toBeCloseTo(triangle.inv(0.5), 12);
    // Matched normal prior N(7/6, var of the triangle), 60 curated observations count as 15.
    const v0 = triangle.variance();
    const precision = 1 / v0 + 15 / 1.44;
    expect(row.effectiveN).toBe(15);
    expect(row.updated.parameters.mean).toBeCloseTo((triangle.mean() / v0 + (15 * 0.7) / 1.44) / precision, 12);
    expect(row.updated.parameters.sd).toBeCloseTo(Math.sqrt(1 / precision), 12);
    expect(row.updated.p5).toBeGreaterThanOrEqual(0.5);
    expect(row.updated.mean).toBeLessThan(row.prior.mean);
    expect(row.updated.sd).toBeLessThan(row.prior.sd);
  });

  it('the gate reads representativeness: curated evidence is a production-data item not met, production evidence one met', () => {
    const curated = evidenceReadinessItems(parseCase(withMeasurement('curated')).case);
    expect(curated).toHaveLength(1);
    expect(curated[0].status).toBe('notMet');
    expect(curated[0].evidence?.text).toMatch(/60 measurements by WFM analyst on 2026-03-31, curated .*counted as 15 \(factor 0.25\)/);
    expect(evidenceReadinessItems(parseCase(withMeasurement('similar')).case)[0].status).toBe('partly');
    expect(evidenceReadinessItems(parseCase(withMeasurement('production')).case)[0].status).toBe('met');
    const gate = gateAnalysis(
      parseCase(withMeasurement('curated')).case,
      parseCase(withMeasurement('curated')).model,
      { trials: 2_000, seed: 3 },
      '2026-12-07',
    );
    const data = gate.readiness.find((entry) => entry.gate === 'productionData')!;
    expect(data.items.at(-1)?.status).toBe('notMet');
  });

  it('a case without evidence gets no evidence item, so its gate is unchanged', () => {
    expect(evidenceReadinessItems(parseCase(fixture()).case)).toEqual([]);
  });

  it('reports EVPPI and the gate before and after', () => {
    // Evidence that confirms the prior mean (7/6 minutes) only narrows the input: its EVPPI falls.
    const confirming = evidenceAnalysis(parseCase(withMeasurement('production', 7 / 6)).case, { trials: 4_000, seed: 42 }, '2026-12-07');
    const [row] = confirming.inputs;
    expect(row.evppiBefore.value).toBeGreaterThan(0);
    expect(row.evppiAfter.value).toBeLessThan(row.evppiBefore.value);
    // A measurement of 0.7 minutes against a prior mean of 1.17: expected NPV falls.
    const view = evidenceAnalysis(parseCase(withMeasurement('production')).case, { trials: 4_000, seed: 42 }, '2026-12-07');
    expect(view.before.expectedNpv).toBe(confirming.before.expectedNpv);
    expect(view.after.expectedNpv).toBeLessThan(view.before.expectedNpv);
    expect(['scale', 'redesign', 'stop', 'keepAsResearch']).toContain(view.after.recommendation);
  });
});
